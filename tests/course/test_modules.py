"""The course map (course/modules.py) says what each notebook holds; every row is held to its notebook."""
import json
import re

import pytest

from kneecourse.course.explorers import APPS
from kneecourse.course.modules import MODULES, NOTEBOOKS, module
from kneecourse.selfcheck.bank import bank_module, predictions, quiz

from ..conftest import NOTEBOOKS as NOTEBOOK_DIR
from ..conftest import code_cells


def test_the_map_lists_every_notebook_of_the_course_in_order():
    assert list(NOTEBOOKS) == sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb"))


def test_an_unknown_notebook_is_named_with_the_known_ones():
    with pytest.raises(KeyError, match="00_start_here"):
        module("03_patelofemoral_load")


@pytest.mark.parametrize("row", MODULES, ids=lambda m: m.name)
def test_title_and_time_are_the_notebooks(row):
    cells = json.loads((NOTEBOOK_DIR / f"{row.name}.ipynb").read_text(encoding="utf-8"))["cells"]
    first = "".join(next(c for c in cells if c["cell_type"] == "markdown")["source"])
    assert first.splitlines()[0].lstrip("# ").strip() == row.title
    assert re.search(rf"\*\*Time:\*\*\s*about {row.minutes} minutes", first), f"{row.name}: {first[:200]!r}"


@pytest.mark.parametrize("row", MODULES, ids=lambda m: m.name)
def test_the_notebook_shows_the_explorers_the_map_lists(row):
    src = "\n".join(code_cells(row.name))
    shown = tuple(app for app, e in APPS.items() if re.search(rf"\b{e.cls}\(", src))
    assert sorted(shown) == sorted(row.explorers), f"{row.name}: shows {shown}, the map lists {row.explorers}"


@pytest.mark.parametrize("row", MODULES, ids=lambda m: m.name)
def test_every_question_of_the_map_is_shown_in_its_notebook_by_id_in_order(row):
    src = "\n".join(code_cells(row.name))
    asked = re.findall(r'quiz\["(\w+)"\]', src)
    first_use = list(dict.fromkeys(asked))
    assert first_use == list(row.questions), f"{row.name}: the notebook asks {first_use}, the map {row.questions}"
    assert not re.search(r"quiz\[\d", src), f"{row.name}: a question is reached by position, not by id"


@pytest.mark.parametrize("row", MODULES, ids=lambda m: m.name)
def test_the_bank_and_the_prediction_agree_with_the_map(row):
    assert quiz(row.name).ids == row.questions
    assert tuple(p.id for p in predictions(row.name)) == ((row.prediction,) if row.prediction else ())
    if row.prediction:
        assert f'kc.prediction("{row.name}")' in "\n".join(code_cells(row.name))


def test_a_question_missing_from_the_map_is_named(monkeypatch):
    """A question added to a notebook's bank file but not to the course map fails loudly, naming the file."""
    bank = bank_module("03_patellofemoral_load")
    original = bank.questions
    monkeypatch.setattr(bank, "questions", lambda nb: [*original(nb)][::-1])
    quiz.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="course/modules.py"):
            quiz("03_patellofemoral_load")
    finally:
        quiz.cache_clear()


def test_a_question_is_reached_by_id_and_an_unknown_id_is_named():
    q = quiz("01_knee_is_not_a_hinge")
    assert q["coupled_30"].id == "coupled_30" and q[0] is q["coupled_30"]
    with pytest.raises(KeyError, match="coupled_30"):
        q["coupled_03"]
    assert q["rotation_between"].handle == 'quiz["rotation_between"]'
