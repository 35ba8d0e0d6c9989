"""The course site's static forms: each says what the notebook's widget says (cli.site.static_forms)."""
import base64
import html
import io

import numpy as np
import pytest

import kneecourse.widgets as widgets
from kneecourse.cli.site.static_forms import explorer_html, prediction_form, question_form, render
from kneecourse.course.explorers import EXPLORERS
from kneecourse.course.links import binder_link, nbgitpuller_link
from kneecourse.selfcheck.bank import NOTEBOOKS, predictions, quiz
from kneecourse.selfcheck.questions import CodeExercise, MultipleChoice, Numeric
from kneecourse.views.display import plain_text, static_html, static_mode

from ..conftest import HtmlTags


def _all_questions():
    return [q for nb in NOTEBOOKS for q in quiz(nb)]


def test_the_forms_are_installed_for_a_page_without_a_kernel_and_only_then(static):
    q = _all_questions()[0]
    assert static_mode() and static_html(q) == render(q) == question_form(q)
    with pytest.raises(TypeError, match="no static form for object"):
        render(object())


def test_a_live_notebook_has_no_static_form(course_home):
    assert not static_mode()
    with pytest.raises(RuntimeError, match="live notebook"):
        static_html(_all_questions()[0])


def test_multiple_choice_forms_say_what_the_checker_says():
    questions = [q for q in _all_questions() if isinstance(q, MultipleChoice)]
    assert len(questions) >= 10
    for q in questions:
        form = HtmlTags(question_form(q))
        radios = form.find("input", type="radio")
        assert [r["data-feedback"] for r in radios] == [str(q.check(i)) for i in range(len(q.options))]
        assert [r["data-correct"] for r in radios].count("true") == 1
        assert radios[q.answer]["data-correct"] == "true"
        labels = {a["for"] for a in form.find("label")}
        assert all(r["id"] in labels for r in radios), "every option has a label"
        assert form.find("legend") is not None and form.find("p", role="status", **{"aria-live": "polite"})


def test_numeric_forms_say_what_the_checker_says():
    questions = [q for q in _all_questions() if isinstance(q, Numeric)]
    assert len(questions) >= 10
    for q in questions:
        (form,) = HtmlTags(question_form(q)).find("form")
        answer, tol = float(form["data-answer"]), float(form["data-tolerance"])
        assert answer == q.answer and tol == q.tolerance
        for x, verdict in ((q.answer, "right"), (q.answer + 2 * tol + 1, "high"), (q.answer - 2 * tol - 1, "low")):
            assert form[f"data-{verdict}"].replace("{x}", f"{x:g}") == str(q.check(x)), (q.id, verdict)
        (box,) = HtmlTags(question_form(q)).find("input", type="text")
        assert HtmlTags(question_form(q)).find("label", **{"for": box["id"]})


def test_question_ids_are_unique_on_a_page():
    for nb in NOTEBOOKS:
        ids = [a["id"] for q in quiz(nb) if not isinstance(q, CodeExercise)
               for a in HtmlTags(question_form(q)).find("form")]
        assert len(ids) == len(set(ids)), nb


def test_prediction_form_and_reveal_match_the_notebook(static):
    for p in (p for nb in NOTEBOOKS for p in predictions(nb)):
        (form,) = HtmlTags(prediction_form(p)).find("form")
        assert form["data-saved"].replace("{x}", "2") == str(p.saved_text("2"))
        shown = p.reveal()  # static page: the reveal button, not a Result
        (box,) = HtmlTags(shown._repr_html_()).find("div")
        assert float(box["data-model"]) == p.model_value and box["data-key"] == form["data-key"]
        assert box["data-none"] == str(p.no_prediction())
        assert box["data-compared"].replace("{x}", "2").replace("{d}", "+1") == str(p.compared("2", "+1"))
        assert "✓" not in box["data-compared"] and "✗" not in box["data-none"]


def test_code_exercise_on_a_static_page_folds_hints_and_solution(static):
    exercises = [q for q in _all_questions() if isinstance(q, CodeExercise)]
    assert len(exercises) == 14
    for ex in exercises:
        def stub(*args):
            ...
        shown = ex.submit(stub)
        markup = shown._repr_html_()
        text = html.unescape(markup)
        assert "Not done yet" in text, ex.id
        assert markup.count("<details") == len(ex.hints) + 1
        assert all(h in text for h in ex.hints) and ex.solution_source() in text


@pytest.mark.parametrize("name", [e.cls for e in EXPLORERS])
def test_explorer_static_html_shows_its_state_and_how_to_move_it(name, monkeypatch):
    from kneecourse.course.explorers import apps_showing

    hub = "https://hub.example.org"
    monkeypatch.setenv("KNEECOURSE_HUB_URL", hub)
    ex = getattr(widgets, name)()
    markup = explorer_html(ex)
    tags = HtmlTags(markup)
    (img,) = tags.find("img")
    assert img["alt"].startswith("Explorer: ") and "Settings: " in img["alt"] and len(img["alt"]) > 60
    text = plain_text(markup)
    assert "Explorer in its initial state" in text and "Settings:" in text
    if plain_text(ex.readout.value):
        assert plain_text(ex.readout.value) in text
    hrefs = [a["href"] for a in tags.find("a")]
    for app in apps_showing(name):
        assert binder_link(app, app=True) in hrefs and nbgitpuller_link(hub, app, app=True) in hrefs
    # the image is the whole picture: the moving parts (drawn by blitting when live) are in it
    from PIL import Image

    def pixels(markup):
        src = HtmlTags(markup).find("img")[0]["src"].split(",", 1)[1]
        return np.asarray(Image.open(io.BytesIO(base64.b64decode(src))).convert("RGB"), float)

    from kneecourse.views.display import figure_html

    moving = ex._dynamic_artists()
    for a in moving:
        a.set_visible(False)
    without = pixels(figure_html(ex.fig, "the fixed layer alone"))  # the same image, less the moving artists
    for a in moving:
        a.set_visible(True)
    assert moving and np.abs(pixels(markup) - without).sum() > 0, "the moving artists are missing from the image"
    assert all(a.get_animated() for a in moving), "live blitting must still work afterwards"


