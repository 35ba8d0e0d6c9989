"""Worked solutions: each passes its checker and is used; the notebooks ship stubs, never the answer
(the solutions sit beside their questions in selfcheck/bank/)."""
import inspect
import json
import re

import pytest

from kneecourse.selfcheck.bank import NOTEBOOKS, bank_module, quiz
from kneecourse.selfcheck.questions import CodeExercise

from ..conftest import NOTEBOOKS as NOTEBOOK_DIR
from ..conftest import code_cells

EXERCISES = [(nb, f'quiz["{q.id}"]', q) for nb in NOTEBOOKS for q in quiz(nb) if isinstance(q, CodeExercise)]
IDS = [f"{nb[:2]}-{q.id}" for nb, _, q in EXERCISES]


@pytest.mark.parametrize("nb,k,ex", EXERCISES, ids=IDS)
def test_worked_solution_passes_its_checker(nb, k, ex):
    r = ex.check(ex.solution_fn)
    assert r.correct, f"{nb} {k}: {r}"
    # and a wrong answer does not
    assert not ex.check(lambda *args: 12345.678).correct


@pytest.mark.parametrize("nb,k,ex", EXERCISES, ids=IDS)
def test_notebook_ships_a_stub_that_answers_not_done_yet(nb, k, ex):
    name = ex.solution_fn.__name__
    cells = [c for c in code_cells(nb) if f"{k}.submit({name})" in c]
    assert len(cells) == 1, f"{nb}: no cell submits {name} to {k}"
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
    assert not r.correct and r.feedback.startswith("Not done yet") and ex.hints[0] in r.feedback


@pytest.mark.parametrize("nb,k,ex", EXERCISES, ids=IDS)
def test_solution_is_not_in_the_notebook(nb, k, ex):
    source = inspect.getsource(ex.solution_fn)
    body = [ln.strip() for ln in source.splitlines()[1:]
            if ln.strip() and not ln.strip().startswith(("#", "from ", "import "))]  # imports are shared
    text = "\n".join(code_cells(nb))
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
    banks = {bank_module(nb) for nb in NOTEBOOKS}
    defined = {n for bank in banks for n, f in inspect.getmembers(bank, inspect.isfunction)
               if f.__module__ == bank.__name__ and not n.startswith("_")
               and n not in ("questions", "prediction", "capstone_cases")}
    assert defined == used, f"solutions without an exercise: {defined - used}; exercises without: {used - defined}"


@pytest.mark.parametrize("nb,k,ex", EXERCISES, ids=IDS)
def test_the_shown_solution_runs_where_the_learner_pastes_it(nb, k, ex):
    """A learner copies the worked solution into the stub's cell: it must run with the notebook's own imports
    (a solution calling a module the notebook never imports answers a NameError)."""
    imports = "\n".join(ln for cell in code_cells(nb) for ln in cell.splitlines()
                        if ln.startswith(("import ", "from ")) and "matplotlib" not in ln)
    scope = {}
    exec(imports, scope)
    exec(ex.solution_source(), scope)
    r = ex.check(scope[ex.solution_fn.__name__])
    assert r.correct, f"{nb} {k}: the pasted solution answers {r}"


def test_no_hint_points_to_a_module_the_notebooks_do_not_import():
    """A hint that says math.sin sends the learner to a NameError: the notebooks import np and kc."""
    for _, _, ex in EXERCISES:
        for h in ex.hints:
            assert "math." not in h, f"{ex.id}: hint {h!r} uses math, which the notebooks do not import"
