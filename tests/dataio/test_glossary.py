"""The glossary: one source, a page beside the notebooks, each term linked at its first use (course.glossary)."""
import json

import pytest

from kneecourse.dataio.glossary import GLOSSARY_PAGE, first_uses, glossary, glossary_markdown, is_linked

from ..conftest import NOTEBOOKS

MODULES = sorted(NOTEBOOKS.glob("0*.ipynb"))


def _markdown(path):
    return ["".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "markdown"]


def test_the_page_is_written_from_the_data():
    assert (NOTEBOOKS / GLOSSARY_PAGE).read_text() == glossary_markdown(), (
        "notebooks/glossary.md is out of date: write it with kneecourse.dataio.glossary.glossary_markdown()")


def test_the_terms_a_learner_meets_are_there():
    """BW, AU, RPE, VMO, VL, ASIS, MPFL, Q-angle, ACWR, stance, step rate vs cadence, k were used undefined."""
    terms = {t["term"] for t in glossary()}
    for needed in ("BW", "AU", "RPE", "VMO", "VL", "ASIS", "MPFL", "Q-angle", "ACWR", "Stance",
                   "Cadence and step rate", "k (PF ratio)"):
        assert needed in terms
    assert all(len(t["definition"]) > 40 for t in glossary())


@pytest.mark.parametrize("nb", MODULES, ids=lambda p: p.stem)
def test_each_term_is_linked_at_its_first_use(nb):
    cells = _markdown(nb)
    for term, (ci, li, start, end, use) in first_uses(cells).items():
        line = cells[ci].split("\n")[li]
        assert is_linked(line, start, end), f"{nb.name}: first use of {term!r} ({use!r}) is not linked: {line!r}"


def test_a_use_inside_another_link_is_left_alone():
    from kneecourse.dataio.glossary import link_first_uses

    cells = ["**Next:** [Module 5 — the centre of mass](05.ipynb)", "the centre of mass moves"]
    assert link_first_uses(cells) == [cells[0], f"the [centre of mass]({GLOSSARY_PAGE}) moves"]
    assert link_first_uses(link_first_uses(cells)) == link_first_uses(cells)


def test_write_glossary_links_a_new_module_and_then_changes_nothing(tmp_path):
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook

    from kneecourse.dataio.glossary import write_glossary

    nbformat.write(new_notebook(cells=[new_markdown_cell("# Module 10\n\nRPE and RPE again; the ACWR.")]),
                   tmp_path / "010_new.ipynb")
    changed = write_glossary(tmp_path)
    assert {p.name for p in changed} == {GLOSSARY_PAGE, "010_new.ipynb"}
    text = _markdown(tmp_path / "010_new.ipynb")[0]
    assert text == (f"# Module 10\n\n[RPE]({GLOSSARY_PAGE}) and RPE again; the [ACWR]({GLOSSARY_PAGE}).")
    assert write_glossary(tmp_path) == []
