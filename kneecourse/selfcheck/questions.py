"""Self-check questions with immediate feedback, and a code-exercise checker.

Each question has a headless API for tests (``question.check(answer)``
returns a :class:`Result`) and an ipywidgets front end (display the question
in a notebook). Answers given through the widget are remembered in the
learner's :class:`~kneecourse.selfcheck.store.ProgressStore`.
"""
from __future__ import annotations

import html
import math
import traceback
from dataclasses import dataclass, field

import numpy as np

from . import sharing
from .numbers import parse_number
from .store import ProgressStore

__all__ = ["Result", "MultipleChoice", "Numeric", "CodeExercise", "Prediction"]


@dataclass(frozen=True)
class Result:
    """Outcome of a check: ``correct``, a ``feedback`` sentence and the ``explanation``.

    ``graded=False`` for an outcome that is not right or wrong (a saved or revealed prediction):
    it is shown without the ✓/✗ mark.
    """

    correct: bool
    feedback: str
    explanation: str = ""
    details: tuple = field(default_factory=tuple)
    graded: bool = True

    def __bool__(self):
        return self.correct

    def __str__(self):
        mark = ("✓ Correct." if self.correct else "✗ Not yet.") if self.graded else ""
        parts = [f"{mark} {self.feedback}".strip()]
        parts += list(self.details)
        if self.explanation and self.correct:
            parts.append(self.explanation)
        return "\n".join(parts)

    def _repr_html_(self):
        colour = ("#009E73" if self.correct else "#D55E00") if self.graded else "#0072B2"
        body = "<br>".join(html.escape(p) for p in str(self).split("\n"))
        return f'<div style="border-left:4px solid {colour};padding:4px 8px">{body}</div>'


class _Shown:
    """Display rule shared by questions and predictions: the widget live, the course site's form on a static page
    (:func:`kneecourse.views.display.static_html`)."""

    def _ipython_display_(self):
        from IPython.display import HTML, display

        from ..views.display import static_html, static_mode

        if static_mode():
            display(HTML(static_html(self)))
            return
        display(self.widget())


def _with_unit(number: str, unit: str) -> str:
    """``"3.2 MPa"``; just the number when there is no unit."""
    return f"{number} {unit}" if unit else number


def _as_number(value, unit):
    """``(number, None)`` for a number as people type it (:func:`~.numbers.parse_number`), else
    ``(None, Result)`` saying what to type."""
    x = parse_number(value, unit)
    if x is None:
        what = f"type a number in {unit}" if unit else "type a number"
        return None, Result(False, f"{what} (like 6.2 or 6,2{', with or without ' + unit if unit else ''}), "
                                   f"not {value!r}.")
    return x, None


class _Question(_Shown):
    kind = "question"

    def __init__(self, notebook: str, qid: str, prompt: str, explanation: str, hint: str = ""):
        if not notebook or not qid:
            raise ValueError("a question needs a notebook name and an id")
        self.notebook, self.id, self.prompt = str(notebook), str(qid), prompt
        self.explanation, self.hint = explanation, hint
        self._widget = None
        self.store = None  # ProgressStore; None means the learner's default store

    def check(self, answer) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError

    def submit(self, answer) -> Result:
        """Check ``answer`` and record the attempt in the progress store."""
        result = self.check(answer)
        (self.store or ProgressStore()).record(self.notebook, self.id, result.correct)
        shared = self._shared(answer)
        if shared is not None:  # only a well-formed answer reaches the room's counts (and only when shared)
            sharing.share(self.notebook, self.id, self._share_kind, shared)
        return result

    #: what the class view calls this kind of answer (:mod:`~kneecourse.classview.catalogue`)
    _share_kind = ""

    def _shared(self, answer):
        """The answer as the class view takes it (an option index, a number), or None if it is not one."""
        return None

    # -- widget front end -------------------------------------------------
    def _input_widget(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _input_value(self, w):  # pragma: no cover - abstract
        raise NotImplementedError

    def widget(self):
        """The ipywidgets front end (built once and reused)."""
        if self._widget is not None:
            return self._widget
        import ipywidgets as W

        field_ = self._input_widget()
        check = W.Button(description="Check", button_style="primary", icon="check")
        hint = W.Button(description="Hint", icon="lightbulb-o", disabled=not self.hint)
        feedback = W.HTML(value="")
        prompt = W.HTMLMath(value=f"<b>{html.escape(self.prompt)}</b>")

        def on_check(_):
            value = self._input_value(field_)
            if value is None:
                feedback.value = "<i>Choose or type an answer first.</i>"
                return
            feedback.value = self.submit(value)._repr_html_()

        def on_hint(_):
            feedback.value = f"<i>Hint: {html.escape(self.hint)}</i>"

        check.on_click(on_check)
        hint.on_click(on_hint)
        box = W.VBox([prompt, field_, W.HBox([check, hint]), feedback])
        box.add_class("kneecourse-question")
        self._widget = box
        self._controls = {"input": field_, "check": check, "hint": hint, "feedback": feedback}
        return box


class MultipleChoice(_Question):
    """A multiple-choice question.

    Parameters
    ----------
    notebook, qid : str
        Where the question lives and its id (for the progress store).
    prompt : str
    options : sequence of str
    answer : int
        Index of the correct option.
    explanation : str
        Shown once the answer is right.
    hint : str, optional
    feedback : dict, optional
        Option index -> a sentence explaining why that wrong option is wrong.
    """

    kind = "multiple choice"

    def __init__(self, notebook, qid, prompt, options, answer, explanation, hint="", feedback=None):
        super().__init__(notebook, qid, prompt, explanation, hint)
        self.options = list(options)
        if len(self.options) < 2:
            raise ValueError("a multiple-choice question needs at least two options")
        if not isinstance(answer, int) or not 0 <= answer < len(self.options):
            raise ValueError(f"answer must be an option index 0..{len(self.options) - 1}, got {answer!r}")
        self.answer = answer
        self.feedback = dict(feedback or {})

    _share_kind = "choice"

    def _index(self, answer):
        """``(option index, None)`` for an option number or text, else ``(None, a Result saying why)``."""
        if isinstance(answer, str):
            if answer not in self.options:
                return None, Result(False, f"{answer!r} is not one of the options.")
            return self.options.index(answer), None
        if isinstance(answer, (int, np.integer)) and not isinstance(answer, bool):
            if not 0 <= answer < len(self.options):
                return None, Result(False, f"choose an option number from 0 to {len(self.options) - 1}.")
            return int(answer), None
        return None, Result(False, f"give an option number or its text, not {answer!r}.")

    def _shared(self, answer):
        return self._index(answer)[0]

    def check(self, answer) -> Result:
        """Check an option index or the option text."""
        index, problem = self._index(answer)
        if problem is not None:
            return problem
        if index == self.answer:
            return Result(True, "", self.explanation)
        why = self.feedback.get(index, "That option does not fit what the model shows.")
        return Result(False, why + (f" Hint: {self.hint}" if self.hint else ""))

    def _input_widget(self):
        import ipywidgets as W

        return W.RadioButtons(options=self.options, value=None, layout=W.Layout(width="auto"))

    def _input_value(self, w):
        return w.value

class Numeric(_Question):
    """A numeric question with a tolerance and a unit.

    Parameters
    ----------
    answer : float
        The reference value (computed from a model or cited).
    unit : str
        Shown next to the input box and in the feedback.
    rel_tol, abs_tol : float
        Accepted if ``|x - answer| <= max(rel_tol·|answer|, abs_tol)``.
    """

    kind = "numeric"

    def __init__(self, notebook, qid, prompt, answer, unit, explanation, hint="", rel_tol=0.05, abs_tol=0.0):
        super().__init__(notebook, qid, prompt, explanation, hint)
        if not math.isfinite(float(answer)):
            raise ValueError("a numeric question needs a finite answer")
        self.answer, self.unit = float(answer), unit
        self.rel_tol, self.abs_tol = float(rel_tol), float(abs_tol)

    @property
    def tolerance(self) -> float:
        return max(self.rel_tol * abs(self.answer), self.abs_tol)

    _share_kind = "number"

    def _shared(self, answer):
        x, problem = _as_number(answer, self.unit)
        return None if problem is not None else x

    def check(self, answer) -> Result:
        x, problem = _as_number(answer, self.unit)
        if problem is not None:  # a Result is falsy when not correct
            return problem
        if abs(x - self.answer) <= self.tolerance:
            return self.verdict(f"{x:g}", "right")
        return self.verdict(f"{x:g}", "high" if x > self.answer else "low")

    def verdict(self, shown: str, verdict: str) -> Result:
        """The feedback for an answer shown as ``shown``: ``"right"``, too ``"high"`` or too ``"low"``."""
        if verdict == "right":
            tolerance = _with_unit(f"{self.tolerance:.3g}", self.unit)
            return Result(True, f"{_with_unit(shown, self.unit)} is within ±{tolerance}"
                                f" of {_with_unit(f'{self.answer:.3g}', self.unit)}.", self.explanation)
        hint = f" Hint: {self.hint}" if self.hint else ""
        return Result(False, f"{_with_unit(shown, self.unit)} is too {verdict}.{hint}")

    def _input_widget(self):
        import ipywidgets as W

        return W.HBox([W.Text(placeholder="your answer", layout=W.Layout(width="12em")), W.Label(self.unit)])

    def _input_value(self, w):
        text = w.children[0].value.strip()
        return text or None

class CodeExercise:
    """A code exercise: the learner writes a function, the checker runs it against the model.

    The notebook ships a stub (the function body is ``...`` or raises
    ``NotImplementedError``); submitting a stub answers "Not done yet" with the
    first hint instead of a traceback. Further hints come one at a time
    (:meth:`hint`), and the worked solution is shown only on request
    (:meth:`solution`): it lives in :mod:`kneecourse.selfcheck.solutions`, not in
    the notebook.

    Parameters
    ----------
    notebook, qid : str
    prompt : str
    reference : callable
        Gives the expected value for a case (usually a course model).
    cases : sequence of tuple
        Positional arguments for each case.
    solution : callable
        A worked solution written as a learner would (shown by :meth:`solution`; tests
        run it through the checker).
    hints : sequence of str
        Hints, from a nudge to nearly the answer.
    rtol, atol : float
        Tolerance for numerical comparison.
    explanation : str
        Shown with a correct answer.
    """

    kind = "code exercise"

    def __init__(self, notebook, qid, prompt, reference, cases, solution, hints, rtol=1e-3, atol=1e-9,
                 explanation=""):
        self.notebook, self.id, self.prompt = str(notebook), str(qid), prompt
        self.reference, self.cases = reference, [tuple(c) for c in cases]
        self.solution_fn, self.hints = solution, tuple(hints)
        self.rtol, self.atol, self.explanation = rtol, atol, explanation
        if not self.cases:
            raise ValueError("a code exercise needs at least one case")
        if not self.hints or not callable(solution):
            raise ValueError(f"code exercise {qid!r} needs hints and a worked solution")
        self.store = None
        self._hints_shown = 0
        #: how the notebook reaches this exercise (``quiz["rotation_between"]``), for the calls the feedback suggests
        self.handle = ""

    def _call(self, method: str) -> str:
        return f"{self.handle}.{method}()"

    #: the stub's answer starts so (a stub is not a wrong answer: no ✗)
    NOT_DONE = "Not done yet: replace the ... with your code."

    def _not_done(self) -> Result:
        self._hints_shown = max(self._hints_shown, 1)
        more = (f" More hints: {self._call('hint')}; the worked solution: {self._call('solution')}."
                if len(self.hints) > 1 else f" The worked solution: {self._call('solution')}.")
        return Result(False, f"{self.NOT_DONE} Hint 1 of {len(self.hints)}: {self.hints[0]}{more}", graded=False)

    def check(self, fn) -> Result:
        """Call ``fn`` on every case and compare with the reference (a stub gets the first hint)."""
        if not callable(fn):
            return Result(False, f"pass your function itself (without calling it), not {type(fn).__name__}.")
        for i, args in enumerate(self.cases, start=1):
            case = f"case {i} of {len(self.cases)}"
            shown = ", ".join(f"{a!r}" if not isinstance(a, float) else f"{a:g}" for a in args)
            expected = self.reference(*args)
            try:
                got = fn(*args)
            except NotImplementedError:
                return self._not_done()
            except Exception as exc:  # the learner's code may raise anything
                tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
                return Result(False, f"{case}: calling with ({shown}) raised {tb}")
            if got is None or got is Ellipsis:
                return self._not_done() if i == 1 else Result(
                    False, f"{case}: ({shown}) returned {got!r}: does every path return a number?")
            try:
                ok = bool(np.allclose(np.asarray(got, float), np.asarray(expected, float),
                                      rtol=self.rtol, atol=self.atol))
            except (TypeError, ValueError):
                return Result(False, f"{case}: ({shown}) returned {got!r}, which is not a number")
            if not ok:
                return Result(False, f"{case}: ({shown}) returned {np.round(got, 4)}, expected {np.round(expected, 4)}")
        return Result(True, f"all {len(self.cases)} cases match the model.", self.explanation)

    def hint(self) -> Result:
        """The next hint (one at a time; the last one repeats)."""
        k = min(self._hints_shown, len(self.hints) - 1)
        self._hints_shown = k + 1
        left = len(self.hints) - self._hints_shown
        tail = (f" ({left} more: {self._call('hint')})" if left
                else f" (no more hints; the worked solution: {self._call('solution')})")
        return Result(False, f"Hint {k + 1} of {len(self.hints)}: {self.hints[k]}{tail}", graded=False)

    def solution_source(self) -> str:
        """The worked solution's source code."""
        import inspect

        return inspect.getsource(self.solution_fn)

    def solution(self):
        """Show the worked solution (only when asked: try the hints first)."""
        from IPython.display import Markdown

        (self.store or ProgressStore()).record(self.notebook, f"{self.id}.solution_seen", False)
        return Markdown(f"**Worked solution** (one way to write it):\n\n```python\n{self.solution_source()}```")

    def submit(self, fn) -> Result:
        """Check ``fn`` and record the attempt in the progress store.

        On a page without a kernel (the course site) the answer to the shipped stub comes with
        every hint and the worked solution, each folded until the reader opens it.
        """
        result = self.check(fn)
        (self.store or ProgressStore()).record(self.notebook, self.id, result.correct)
        from ..views.display import static_html, static_mode

        if static_mode():
            from IPython.display import HTML

            return HTML(static_html(self, result=result))
        return result

class Prediction(_Shown):
    """Predict, then check: the learner commits a number before exploring, then sees it beside the model's.

    A prediction is not right or wrong and does not count as a question; it is saved
    in the progress store (id ``predict:<pid>``) and shown by
    :func:`~kneecourse.selfcheck.store.progress_report`.

    Parameters
    ----------
    notebook, pid : str
    prompt : str
        The question, asked before the explorer.
    unit : str
        Unit of the answer (shown beside the box).
    model_value : float
        What the course's model gives (computed from the model when the notebook's
        checks are built).
    explanation : str
        Why the model gives that, shown with the comparison.
    """

    kind = "prediction"

    def __init__(self, notebook, pid, prompt, unit, model_value, explanation):
        self.notebook, self.id, self.prompt, self.unit = str(notebook), str(pid), prompt, unit
        self.model_value, self.explanation = float(model_value), explanation
        self.store = None
        self._widget = None
        self._listeners = []  # called when a prediction is committed (the reveal buttons shown)

    @property
    def key(self) -> str:
        return f"predict:{self.id}"

    def _store(self):
        return self.store or ProgressStore()

    def commit(self, value) -> Result:
        """Save the learner's prediction (a number; a later commit replaces it)."""
        v, problem = _as_number(value, self.unit)
        if problem is not None:  # a Result is falsy when not correct
            return problem
        self._store().record(self.notebook, self.key, False, prediction=v)
        sharing.share(self.notebook, self.id, "prediction", v)
        return self.saved_text(f"{v:g}")

    def saved_text(self, shown: str) -> Result:
        return Result(True, f"Saved: {_with_unit(shown, self.unit)}. Now use the explorer, then reveal the model's "
                            "answer.", graded=False)

    def compared(self, shown: str, off: str) -> Result:
        model = _with_unit(f"{self.model_value:.3g}", self.unit)
        return Result(True, f"You predicted {_with_unit(shown, self.unit)}; the model gives {model} "
                            f"(yours is {_with_unit(off, self.unit)} from it).", self.explanation, graded=False)

    def saved(self):
        """The learner's saved prediction, or None."""
        entry = self._store().entries(self.notebook, self.key).get(self.key)
        return None if entry is None else entry.get("prediction")

    def reveal(self, explorer=None) -> Result:
        """Prediction beside the model's value (asks for a prediction first if there is none).

        Shown in a notebook it is a button that opens only once a prediction is committed and, if
        ``explorer`` is given, once that explorer has been moved after it was shown: so Run All never
        shows the model's answer before the learner has predicted and explored, and the button opens by
        itself when they have (:class:`Reveal`). As a value it is the comparison as it stands now.

        On a page without a kernel (the course site) a button that compares the prediction the
        reader committed on that page.

        Parameters
        ----------
        explorer : Explorer, optional
            The explorer to move before the answer opens.
        """
        from ..views.display import static_html, static_mode

        if static_mode():
            from IPython.display import HTML

            return HTML(static_html(self, reveal=True))
        p = self.saved()
        now = self.no_prediction() if p is None else self.compared(f"{p:g}", f"{p - self.model_value:+.3g}")
        return Reveal(self, explorer, now)

    @staticmethod
    def no_prediction() -> Result:
        return Result(False, "Make your prediction above first — a guess written down teaches more than none.",
                      graded=False)

    def widget(self):
        """A number box (empty until the learner types) and a button that saves the prediction."""
        if self._widget is not None:
            return self._widget
        import ipywidgets as W

        p = self.saved()
        box = W.Text(value="", placeholder=f"your number ({self.unit})" if self.unit else "your number",
                     description=self.unit or "value", layout=W.Layout(width="16em"))
        commit = W.Button(description="Commit my prediction", button_style="primary", icon="lock",
                          layout=W.Layout(width="auto"))
        feedback = W.HTML(value="" if p is None else f"<i>Saved earlier: {p:g} {html.escape(self.unit)}. "
                                                      "Type a new number to replace it.</i>")

        def on_commit(_):
            result = self.commit(box.value)
            feedback.value = result._repr_html_()
            if result.correct:
                for listener in list(self._listeners):
                    listener()

        commit.on_click(on_commit)
        prompt = W.HTMLMath(value=f"<b>Predict first:</b> {html.escape(self.prompt)}")
        w = W.VBox([prompt, W.HBox([box, commit]), feedback])
        w.add_class("kneecourse-prediction")
        self._widget = w
        self._controls = {"input": box, "commit": commit, "feedback": feedback}
        return w

class Reveal:
    """The model's answer behind a button that opens when the learner has predicted (and explored).

    As a value it is the :class:`Result` of the comparison at the time it was asked for (``correct``,
    ``feedback``, ``str()``: the headless API); shown
    in a notebook it is live: the button stays shut, saying what to do, until a prediction is committed
    (it listens to the prediction box) and, when an explorer is given, until that explorer has been
    moved; then it opens by itself, and a click shows the comparison and what comes next.
    """

    #: what the learner does after seeing the comparison
    NEXT = "Next: read on below, then check yourself in the self-check at the end of the notebook."

    def __init__(self, prediction, explorer, now: Result):
        self.result = now
        self._prediction, self._explorer = prediction, explorer
        self._controls = None
        self._start = None

    def __getattr__(self, name):  # correct, feedback, explanation, graded: the comparison as it stood
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.__dict__["result"], name)

    def __bool__(self):
        return bool(self.result)

    def __str__(self):
        return str(self.result)

    def __repr__(self):
        return f"Reveal({self.result!r})"

    def _moved(self) -> bool:
        return self._explorer is None or self._explorer_values() != self._start

    def _explorer_values(self):
        return None if self._explorer is None else self._explorer.values()

    def _state(self) -> str:
        """What the box says now: what to do, or that the answer is ready."""
        p = self._prediction.saved()
        if p is None:
            what = "Commit your prediction in the box above"
            return what + (", then move the explorer." if self._explorer is not None else ".") + \
                " The model's answer opens here once you have."
        unit = f" {self._prediction.unit}" if self._prediction.unit else ""
        if not self._moved():
            return (f"Your prediction: {p:g}{unit}. Now move the explorer above and watch what changes; the "
                    "model's answer opens here when you have.")
        return f"Your prediction: {p:g}{unit}. Ready: reveal the model's answer."

    def widget(self):
        """The live reveal: a status line, the button, and the comparison once clicked."""
        if self._controls is not None:
            return self._controls["box"]
        import ipywidgets as W

        self._start = self._explorer_values()
        status = W.HTML(value=f"<i>{html.escape(self._state())}</i>")
        button = W.Button(description="Reveal the model's answer", icon="eye", layout=W.Layout(width="auto"),
                          disabled=True)
        shown = W.HTML(value="")

        def refresh(*_):
            ready = self._prediction.saved() is not None and self._moved()
            button.disabled = not ready
            button.button_style = "primary" if ready else ""
            if not shown.value:
                status.value = f"<i>{html.escape(self._state())}</i>"

        def on_click(_):
            p = self._prediction.saved()
            if p is None or not self._moved():  # pragma: no cover - the button is disabled then
                refresh()
                return
            now = self._prediction.compared(f"{p:g}", f"{p - self._prediction.model_value:+.3g}")
            shown.value = now._repr_html_() + f"<p><i>{html.escape(self.NEXT)}</i></p>"
            status.value = ""

        button.on_click(on_click)
        self._prediction._listeners.append(refresh)
        if self._explorer is not None:
            for control in self._explorer.controls.values():
                control.observe(refresh, names="value")
        refresh()
        box = W.VBox([status, button, shown])
        box.add_class("kneecourse-reveal")
        self._controls = {"box": box, "status": status, "button": button, "shown": shown}
        return box

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget())

