"""Notebook structure: skeleton, links, stored outputs, citations."""
import json
import re

import pytest

from kneecourse.dataio.references import bibliography

from ..conftest import NOTEBOOKS, ROOT

NBS = sorted(NOTEBOOKS.glob("*.ipynb"))
MODULES = [p for p in NBS if not p.name.startswith(("00_", "09_"))]
CAPSTONE = NOTEBOOKS / "09_capstone_cases.ipynb"
CITE = re.compile(r"\[((?:[a-z]+\d{4}[a-z]?)(?:,\s*[a-z]+\d{4}[a-z]?)*)\]")


def cells(path):
    return json.loads(path.read_text())["cells"]


def text(path, kind=None):
    return "\n".join("".join(c["source"]) for c in cells(path) if kind is None or c["cell_type"] == kind)


def test_all_notebooks_present():
    names = [p.stem for p in NBS]
    from kneecourse.course.modules import NOTEBOOKS as REGISTERED

    assert names == list(REGISTERED)


@pytest.mark.parametrize("nb", NBS, ids=lambda p: p.stem)
def test_committed_without_outputs(nb):
    for c in cells(nb):
        if c["cell_type"] != "code":
            continue
        if "nbval-check-output" in c.get("metadata", {}).get("tags", []):
            assert c["outputs"], f"{nb.name}: a reference cell must keep its output"
            continue
        assert not c["outputs"] and c.get("execution_count") is None, f"{nb.name}: stored output"


@pytest.mark.parametrize("nb", NBS, ids=lambda p: p.stem)
def test_every_cell_has_its_own_id(nb):
    """nbformat 4.5 gives each cell an id (JupyterLab keeps a learner's place by it; a missing one is a warning
    today and an error in a later nbformat)."""
    ids = [c.get("id") for c in cells(nb)]
    assert all(isinstance(i, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,64}", i) for i in ids), (
        f"{nb.name}: cells without a valid id at {[k for k, i in enumerate(ids) if not i]}")
    assert len(set(ids)) == len(ids), f"{nb.name}: two cells share an id"


@pytest.mark.parametrize("nb", NBS, ids=lambda p: p.stem)
def test_committed_without_widget_state(nb):
    # executing a notebook stores every widget's state in its metadata (hundreds of kB of noise in a diff)
    meta = json.loads(nb.read_text())["metadata"]
    assert "widgets" not in meta, f"{nb.name}: stored widget state; strip metadata.widgets before committing"


@pytest.mark.parametrize("nb", NBS, ids=lambda p: p.stem)
def test_relative_links_resolve(nb):
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text(nb, "markdown")):
        if "://" in target:
            continue
        assert (nb.parent / target).exists(), f"{nb.name} links to missing {target}"


@pytest.mark.parametrize("nb", MODULES, ids=lambda p: p.stem)
def test_module_skeleton(nb):
    md = text(nb, "markdown").lower()
    src = text(nb)
    assert md.lstrip().startswith("# module"), "title"
    assert "after this notebook you can" in md and "**time:**" in md, "objectives and time"
    assert "why it matters" in md
    assert "concept" in md
    assert "try this" in md, "an explorer with a caption"
    assert "claim check" in md and "evidence" in md
    assert "kc.quiz(" in src and "## takeaways" in md and "## references" in md
    assert "red_flags_html" in src, "a safety note with red flags"
    assert "nbval-check-output" in json.dumps(cells(nb)), "a model-vs-published reference cell"
    assert "from kneecourse.widgets import" in src


def test_capstone_skeleton_and_no_new_physics():
    md = text(CAPSTONE, "markdown").lower()
    src = text(CAPSTONE, "code")
    for part in ("after this notebook you can", "why it matters", "claim check", "## takeaways", "## references",
                 "case 1", "case 2", "case 3", "build the first program"):
        assert part in md, part
    assert "kc.quiz(" in src and "build_program" in src and "red_flags_html" in src
    # no new physics: no function definitions, models come from the package
    assert "def " not in src


def test_every_citation_exists_and_every_entry_is_cited():
    bib = bibliography()
    cited = set()
    sources = [text(nb) for nb in NBS]
    sources += [p.read_text() for p in (ROOT / "kneecourse").rglob("*.py")]
    sources += [(ROOT / "data" / "README.md").read_text(), (ROOT / "data" / "exercises.json").read_text()]
    for s in sources:
        for group in CITE.findall(s):
            cited.update(k.strip() for k in group.split(","))
        cited.update(re.findall(r'"([a-z]+\d{4}[a-z]?)"', s))
    unknown = {k for k in cited if k not in bib and re.fullmatch(r"[a-z]+\d{4}", k)}
    assert not unknown, f"cited but not in references.json: {unknown}"
    uncited = set(bib) - cited
    assert not uncited, f"in references.json but never cited: {uncited}"


def test_exercise_notebooks_carry_disclaimer():
    for name in ("00_start_here", "01_knee_is_not_a_hinge", "08_your_program"):
        assert "red_flags_html" in text(NOTEBOOKS / f"{name}.ipynb")


_IMPORT = re.compile(r"^\s*(?:from\s+(kneecourse[\w.]*)\s+import\b|import\s+(kneecourse[\w.]*))(.*)$", re.M)


@pytest.mark.parametrize("nb", sorted(NOTEBOOKS.rglob("*.ipynb")), ids=lambda p: p.name)
def test_one_import_style(nb):
    # models, data, checks through `import kneecourse as kc`; explorers and drawing from their two packages
    import kneecourse as kc

    code = "\n".join("".join(c["source"]) for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "code")
    for m in _IMPORT.finditer(code):
        line = m.group(0).strip()
        assert line == "import kneecourse as kc" or m.group(1) in ("kneecourse.widgets", "kneecourse.views"), (
            f"{nb.name}: {line!r}: use kc.<name> (or kneecourse.widgets / kneecourse.views)")
    for name in set(re.findall(r"(?<![\w.])kc\.(\w+)", code)):
        assert name in kc.__all__, f"{nb.name} uses kc.{name}, which is not in kneecourse.__all__"


#: bold words that read as an evidence grade; only the course's four may be used (module 0 defines them)
GRADE_LIKE = re.compile(r"\*\*(strong|mixed|weak|opinion|not supported|unsupported|moderate|limited|low|very low|"
                        r"high|none|refuted|insufficient|conflicting|good|poor)\*\*", re.I)


@pytest.mark.parametrize("nb", NBS, ids=lambda p: p.stem)
def test_one_grade_vocabulary(nb):
    """Module 4 graded a claim the evidence is against 'weak' while module 8 called one 'not supported'."""
    from kneecourse.models.program import EVIDENCE_GRADES

    used = {m.lower() for m in GRADE_LIKE.findall(text(nb, "markdown"))}
    assert used <= set(EVIDENCE_GRADES), f"{nb.name}: grades outside {EVIDENCE_GRADES}: {used - set(EVIDENCE_GRADES)}"


def test_the_grades_are_explained_where_the_course_starts():
    from kneecourse.models.program import EVIDENCE_GRADES

    md = text(NOTEBOOKS / "00_start_here.ipynb", "markdown")
    assert "## How the course grades evidence" in md
    assert all(f"| **{g}** |" in md for g in EVIDENCE_GRADES)
