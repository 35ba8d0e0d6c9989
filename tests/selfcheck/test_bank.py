"""The course's code exercises: stubs in the notebooks, hints, worked solutions kept out of the notebooks."""

import numpy as np
import pytest

from kneecourse.selfcheck.bank import NOTEBOOKS, quiz
from kneecourse.selfcheck.questions import CodeExercise, MultipleChoice, Numeric
from kneecourse.selfcheck.report import progress_report

from ..conftest import code_cells


def test_two_graded_exercises_in_every_module_1_to_7():
    for nb in NOTEBOOKS[1:8]:
        ex = [q for q in quiz(nb) if isinstance(q, CodeExercise)]
        assert len(ex) >= 2, f"{nb} has {len(ex)} code exercise(s)"
        assert any(p.startswith("Harder") for p in (q.prompt for q in ex)), f"{nb}: no harder second exercise"


# -- predict, then check ------------------------------------------------------------------------

MODULES_1_TO_7 = NOTEBOOKS[1:8]


@pytest.mark.parametrize("nb", MODULES_1_TO_7)
def test_each_module_asks_for_a_prediction_before_its_first_explorer(nb):
    cells = code_cells(nb)
    ask = next(i for i, c in enumerate(cells) if f'kc.prediction("{nb}")' in c)
    explorer = next(i for i, c in enumerate(cells) if "Explorer(" in c)
    reveal = next(i for i, c in enumerate(cells) if ".reveal()" in c)
    assert ask < explorer < reveal, f"{nb}: predict ({ask}) → explorer ({explorer}) → reveal ({reveal})"


def test_prediction_is_saved_revealed_and_reported(course_home):
    from kneecourse.selfcheck.bank import prediction

    p = prediction("03_patellofemoral_load")
    assert not p.reveal().correct and "prediction above first" in p.reveal().feedback
    assert str(p.reveal()).startswith("Make your prediction")
    assert not p.commit("lots").correct and not p.commit(float("nan")).correct
    assert p.commit(2.0).correct and p.saved() == 2.0
    r = p.reveal()
    assert r.correct and str(r).startswith("You predicted 2 ×") and "✓" not in str(r)
    assert f"{p.model_value:.3g}" in r.feedback
    p.commit(2.5)  # a later commit replaces it
    rep = progress_report(show=False)["03_patellofemoral_load"]["predictions"]["pf_30_to_90"]
    assert rep == {"prediction": 2.5, "model": p.model_value, "unit": "×"}
    # a prediction is not a question: it does not change the totals
    assert progress_report(show=False)["03_patellofemoral_load"]["total"] == len(quiz("03_patellofemoral_load"))


def test_prediction_widget_commits(course_home):
    from kneecourse.selfcheck.bank import prediction

    p = prediction("07_training_load")
    p._widget = None
    p.widget()
    p._controls["input"].value = 1.5
    p._controls["commit"].click()
    assert "Saved: 1.5" in p._controls["feedback"].value and p.saved() == 1.5


def test_building_a_question_fills_no_global_list():
    import kneecourse.selfcheck.questions as questions

    before = {k: v for k, v in vars(questions).items() if isinstance(v, (dict, list))}
    Numeric("some_notebook", "q1", "?", 1.0, "N", "because")
    after = {k: v for k, v in vars(questions).items() if isinstance(v, (dict, list))}
    assert before == after
    assert "some_notebook" not in progress_report(show=False)
    for nb in NOTEBOOKS[1:]:
        assert len(quiz(nb)) >= 4, f"{nb} needs at least four self-checks"


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_every_question_has_a_right_answer(nb):
    for q in quiz(nb):
        if isinstance(q, MultipleChoice):
            assert q.check(q.answer).correct
        elif isinstance(q, Numeric):
            assert q.check(q.answer).correct
            assert not q.check(q.answer + 10 * q.tolerance + 1).correct
        else:
            assert q.check(q.reference).correct
            assert not q.check(lambda *a: np.nan).correct
