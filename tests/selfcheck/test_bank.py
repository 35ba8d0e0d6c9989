"""The course's code exercises: stubs in the notebooks, hints, worked solutions kept out of the notebooks."""
import inspect
import json
import re

import numpy as np
import pytest

from kneecourse.selfcheck import solutions as exercise_solutions
from kneecourse.selfcheck.bank import NOTEBOOKS, predictions, quiz
from kneecourse.selfcheck.questions import CodeExercise, MultipleChoice, Numeric
from kneecourse.selfcheck.report import progress_report

from ..conftest import NOTEBOOKS as NOTEBOOK_DIR

EXERCISES = [(nb, k, q) for nb in NOTEBOOKS for k, q in enumerate(quiz(nb)) if isinstance(q, CodeExercise)]
IDS = [f"{nb[:2]}-{q.id}" for nb, _, q in EXERCISES]


def _code_cells(nb):
    return ["".join(c["source"]) for c in json.loads((NOTEBOOK_DIR / f"{nb}.ipynb").read_text())["cells"]
            if c["cell_type"] == "code"]


def test_two_graded_exercises_in_every_module_1_to_7():
    for nb in NOTEBOOKS[1:8]:
        ex = [q for q in quiz(nb) if isinstance(q, CodeExercise)]
        assert len(ex) >= 2, f"{nb} has {len(ex)} code exercise(s)"
        assert any(p.startswith("Harder") for p in (q.prompt for q in ex)), f"{nb}: no harder second exercise"


@pytest.mark.parametrize("nb,k,ex", EXERCISES, ids=IDS)
def test_worked_solution_passes_its_checker(nb, k, ex):
    r = ex.check(ex.solution_fn)
    assert r.correct, f"{nb} quiz[{k}] {ex.id}: {r}"
    # and a wrong answer does not
    assert not ex.check(lambda *args: 12345.678).correct


@pytest.mark.parametrize("nb,k,ex", EXERCISES, ids=IDS)
def test_notebook_ships_a_stub_that_answers_not_done_yet(nb, k, ex):
    name = ex.solution_fn.__name__
    cells = [c for c in _code_cells(nb) if f"quiz[{k}].submit({name})" in c]
    assert len(cells) == 1, f"{nb}: no cell submits {name} to quiz[{k}]"
    cell = cells[0]
    body = re.search(rf"def {name}\((.*?)\):\n(.*?)\n\n", cell, re.S)
    assert body, f"{nb}: {name} is not defined in its cell"
    assert body.group(2).strip().startswith("..."), f"{nb}: {name} must ship as a stub, found {body.group(2)!r}"
    assert not re.search(r"^\s*return\b", body.group(2), re.M), f"{nb}: the stub of {name} holds an answer"
    assert f"def {name}({body.group(1)})" in inspect.getsource(ex.solution_fn), "stub and solution differ in signature"
    # the stub runs (as nbval runs it) and the checker answers with the first hint, not a traceback
    scope = {}
    exec(cell.split("\n\n\nquiz[")[0], scope)
    r = ex.check(scope[name])
    assert not r.correct and r.feedback.startswith("not done yet") and ex.hints[0] in r.feedback


@pytest.mark.parametrize("nb,k,ex", EXERCISES, ids=IDS)
def test_solution_is_not_in_the_notebook(nb, k, ex):
    source = inspect.getsource(ex.solution_fn)
    body = [ln.strip() for ln in source.splitlines()[1:]
            if ln.strip() and not ln.strip().startswith(("#", "from ", "import "))]  # imports are shared
    text = "\n".join(_code_cells(nb))
    leaked = [ln for ln in body if ln in text and len(ln) > 12]
    assert not leaked, f"{nb}: the worked solution of {ex.id} appears in the notebook: {leaked}"
    assert len(ex.hints) >= 2, f"{ex.id}: hints come one at a time; give at least two"


def test_no_exercise_cell_holds_its_answer():
    """A cell with '# your code here' must not go on to return an answer."""
    for path in sorted(NOTEBOOK_DIR.glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            src = "".join(cell["source"])
            if cell["cell_type"] == "code" and "# your code here" in src:
                after = src.split("# your code here", 1)[1].split("\n\n", 1)[0]
                assert not re.search(r"^\s*return\s+\S", after, re.M), f"{path.name}: {src[:80]!r}"


def test_every_worked_solution_is_used():
    used = {q.solution_fn.__name__ for _, _, q in EXERCISES}
    defined = {n for n, f in inspect.getmembers(exercise_solutions, inspect.isfunction)
               if f.__module__ == exercise_solutions.__name__}
    assert defined == used, f"solutions without an exercise: {defined - used}; exercises without: {used - defined}"


# -- predict, then check ------------------------------------------------------------------------

MODULES_1_TO_7 = NOTEBOOKS[1:8]


@pytest.mark.parametrize("nb", MODULES_1_TO_7)
def test_each_module_asks_for_a_prediction_before_its_first_explorer(nb):
    cells = _code_cells(nb)
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


def test_the_bank_holds_every_notebook_and_the_report_counts_it():
    report = progress_report(show=False)
    assert list(report) == sorted(NOTEBOOKS)
    for nb in NOTEBOOKS:
        assert report[nb]["total"] == len(quiz(nb)) >= 2
        assert len({q.id for q in quiz(nb)}) == len(quiz(nb)), f"{nb}: question ids repeat"
        assert set(report[nb]["predictions"]) == {p.id for p in predictions(nb)}
    assert sum(len(predictions(nb)) for nb in NOTEBOOKS) == 7  # one predict-then-check in each of modules 1-7


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
