"""What the course site shows where a notebook shows a widget: every static form, in one place.

A page of the site has no kernel. When the site is built, each notebook runs with these forms installed
(:func:`install`, the hidden first cell the site's build adds): a question becomes a form whose feedback was
worked out by the question's own ``check`` and written into the page (``_static/kneecourse-quiz.js`` shows
it), a prediction a form that keeps the reader's number in their browser, a code exercise the checker's answer
with its hints and worked solution folded, an explorer its still image, its readout and the browser renderer
with its frame tables, and the program builder its red-flag questions and exercise table. The notebooks'
objects only ask :func:`kneecourse.views.display.static_html` to draw them.
"""
from __future__ import annotations

import html
import json
import re

from ...course.explorers import apps_showing
from ...course.links import launch_links
from ...safety import RED_FLAG_QUESTIONS
from ...selfcheck.numbers import unit_spellings
from ...selfcheck.questions import CodeExercise, MultipleChoice, Numeric, Prediction, Result
from ...views import display
from ...views.display import describe_figure, figure_html, plain_text
from ...widgets._base import Explorer
from ...widgets.live import static_script
from ...widgets.program import ProgramApp

__all__ = ["install", "uninstall", "render", "question_form", "prediction_form", "reveal_form", "exercise_answer",
           "explorer_html", "program_html"]

#: where a static form's answer appears (read out by screen readers when it changes)
_FEEDBACK = '<p class="kc-feedback" role="status" aria-live="polite"></p>'


def _dom_id(*parts) -> str:
    """An HTML id from a notebook name and a question id."""
    return "kc-" + re.sub(r"[^A-Za-z0-9_-]+", "-", "-".join(str(p) for p in parts))


def _attr(text) -> str:
    return html.escape(str(text), quote=True)


def _spellings(unit: str) -> str:
    """The unit's spellings for the site's script, which reads numbers by the same rule as the notebook."""
    return f'data-spellings="{_attr(json.dumps(unit_spellings(unit), ensure_ascii=False))}"'


def _choice(q: MultipleChoice, qid: str) -> tuple:
    rows = []
    for i, option in enumerate(q.options):
        feedback = str(q.check(i))  # the notebook's own feedback for this option
        rows.append(f'<div class="kc-option"><input type="radio" name="{qid}" id="{qid}-{i}" value="{i}" '
                    f'data-feedback="{_attr(feedback)}" data-correct="{str(i == q.answer).lower()}">'
                    f'<label for="{qid}-{i}">{html.escape(option)}</label></div>')
    return "choice", "", "".join(rows)


def _number(q: Numeric, qid: str) -> tuple:
    # the notebook's three verdicts, with {x} where the learner's number goes
    texts = " ".join(f'data-{k}="{_attr(q.verdict("{x}", k))}"' for k in ("right", "high", "low"))
    data = (f'data-answer="{q.answer!r}" data-tolerance="{q.tolerance!r}" '
            f'data-unit="{_attr(q.unit)}" {_spellings(q.unit)} {texts}')
    field = (f'<label for="{qid}-x">Your answer{f" ({html.escape(q.unit)})" if q.unit else ""}</label> '
             f'<input type="text" inputmode="decimal" id="{qid}-x" autocomplete="off" size="12">')
    return "number", data, field


def question_form(q) -> str:
    """A multiple-choice or numeric question as a form that gives the notebook's feedback without a kernel."""
    qid = _dom_id(q.notebook, q.id)
    kind, data, field = (_choice if isinstance(q, MultipleChoice) else _number)(q, qid)
    hint = (f'<button type="button" class="kc-hint" data-hint="{_attr("Hint: " + q.hint)}">Hint</button>'
            if q.hint else "")
    return (f'<form class="kc-quiz kneecourse-question" id="{qid}" data-kind="{kind}" '
            f'{data}><fieldset><legend>{html.escape(q.prompt)}</legend>'
            f"{field}</fieldset>"
            f'<div class="kc-quiz-buttons"><button type="submit">Check</button>{hint}</div>'
            f'{_FEEDBACK}</form>')


def exercise_answer(ex: CodeExercise, result: Result | None = None) -> str:
    """The checker's answer, then the hints and the worked solution as folded sections."""
    folds = "".join(f'<details class="kc-fold"><summary>Hint {i} of {len(ex.hints)}</summary>'
                    f"<p>{html.escape(h)}</p></details>" for i, h in enumerate(ex.hints, start=1))
    folds += ('<details class="kc-fold"><summary>Worked solution (try the hints first)</summary>'
              f"<pre><code>{html.escape(ex.solution_source())}</code></pre></details>")
    if result is not None and result.feedback.startswith(ex.NOT_DONE):  # no kernel here: no .hint() to call
        result = Result(False, f"{ex.NOT_DONE} The hints and the worked solution are folded below.", graded=False)
    answer = result._repr_html_() if result is not None else ""
    return f'<div class="kc-exercise" id="{_dom_id(ex.notebook, ex.id)}">{answer}{folds}</div>'


def prediction_form(p: Prediction) -> str:
    """A form that keeps the reader's prediction in their browser."""
    pid = _dom_id(p.notebook, p.id)
    return (f'<form class="kc-predict kneecourse-prediction" id="{pid}" data-key="kneecourse:{_attr(p.key)}" '
            f'data-saved="{_attr(p.saved_text("{x}"))}" {_spellings(p.unit)}>'
            f'<p><b>Predict first:</b> {html.escape(p.prompt)}</p>'
            f'<label for="{pid}-x">Your prediction ({html.escape(p.unit)})</label> '
            f'<input type="text" inputmode="decimal" id="{pid}-x" autocomplete="off" size="12"> '
            f'<button type="submit">Commit my prediction</button>'
            f'{_FEEDBACK}</form>')


def reveal_form(p: Prediction) -> str:
    """A button that shows the committed prediction beside the model's value."""
    return (f'<div class="kc-reveal" data-key="kneecourse:{_attr(p.key)}" data-model="{p.model_value!r}" '
            f'data-compared="{_attr(p.compared("{x}", "{d}"))}" data-none="{_attr(p.no_prediction())}">'
            f'<button type="button">Reveal the model\'s answer</button>'
            f'{_FEEDBACK}</div>')


def explorer_html(explorer: Explorer) -> str:
    """The explorer in its current state for a page without a kernel.

    The figure as an image with a text alternative, the control values and the readout as text, links that
    open the matching app page live, and the explorer itself drawn in the browser from its tables
    (:meth:`~kneecourse.widgets._base.Explorer.static_payload`): one control at a time moves from this state.
    """
    values = "; ".join(f"{c.description or k} = {c.value:g}" if isinstance(c.value, float) else
                       f"{c.description or k} = {c.value}" for k, c in explorer.controls.items() if hasattr(c, "value"))
    name = explorer._name()
    moving = explorer._dynamic_artists()
    for a in moving:  # the static image is drawn in one pass: no blitting layer
        a.set_animated(False)
    try:
        image = figure_html(explorer.fig, f"Explorer: {name}. {describe_figure(explorer.fig)} Settings: {values}.")
    finally:
        for a in moving:
            a.set_animated(True)
    launch = " · ".join(f'<a href="{html.escape(url, quote=True)}">open the app on {html.escape(where)}</a>'
                        for app in apps_showing(type(explorer).__name__) for where, url in launch_links(app, app=True))
    readout = plain_text(explorer.readout.value)
    host = f"kc-live-{type(explorer).__name__}-{id(explorer):x}"
    data = json.dumps(explorer.static_payload(), separators=(",", ":")).replace("</", "<\\/")
    return (f'<figure class="kc-explorer-static"><div class="kc-live-host" id="{host}">{image}</div><figcaption>'
            f"<p><b>Explorer in its initial state</b> ({html.escape(name)}). Settings: {html.escape(values)}.</p>"
            + (f"<p>Readout: {html.escape(readout)}</p>" if readout else "")
            + "<p>This page has no running Python: the controls move one at a time from this state (the drawings "
            "were computed when the page was built). To move two at once: "
            + (f"{launch}, or " if launch else "") + "run this page with a launch button at the top.</p>"
            f'</figcaption></figure><script type="application/json" class="kc-live-data" data-host="{host}">'
            f"{data}</script>{static_script()}")


def program_html(app: ProgramApp) -> str:
    """The program builder without a kernel: its red-flag questions, then the exercise table."""
    items = "".join(f"<li>{html.escape(q)}</li>" for q in RED_FLAG_QUESTIONS.values())
    return (f"<p><b>Red-flag screen</b> (answer in JupyterLab to unlock the tool):</p><ul>{items}</ul>"
            + app.table.value)


def render(obj, *, result: Result | None = None, reveal: bool = False) -> str:
    """The static form of any object a course notebook displays."""
    if isinstance(obj, (MultipleChoice, Numeric)):
        return question_form(obj)
    if isinstance(obj, CodeExercise):
        return exercise_answer(obj, result)
    if isinstance(obj, Prediction):
        return reveal_form(obj) if reveal else prediction_form(obj)
    if isinstance(obj, Explorer):
        return explorer_html(obj)
    if isinstance(obj, ProgramApp):
        return program_html(obj)
    raise TypeError(f"the course site has no static form for {type(obj).__name__}")


def install() -> None:
    """Draw the course's widgets as the site's static forms in this kernel (the site's build runs this first)."""
    display.set_static_renderer(render)


def uninstall() -> None:
    """Back to live widgets."""
    display.set_static_renderer(None)
