"""The course site's parts, without building it: bibliography, citations, launch bars, static forms, alt text.

The built site is checked in a real browser by ``tests/browser/test_site.py``.
"""
import re

import pytest

from kneecourse.course.explorers import APPS
from kneecourse.course.links import binder_link, nbgitpuller_link
from kneecourse.dataio.references import bibliography

from ..conftest import ROOT, HtmlTags

HUB = "https://hub.example.org"


# -- one bibliography, made from data/references.json ------------------------------------------------


def test_citations_become_links_only_for_known_keys():
    from kneecourse.cli.site import _cite

    keys = set(bibliography())
    text = "Walker [walker1988]; two [vaneijden1986, brechter2002]; [nobody2001]; a [link](x.ipynb); [walker1988](y)"
    out = _cite(text, keys)
    assert "{cite:p}`walker1988`" in out and "{cite:p}`vaneijden1986,brechter2002`" in out
    assert "[nobody2001]" in out and "[link](x.ipynb)" in out and "[walker1988](y)" in out


# -- launch bars ------------------------------------------------------------------------------------

def test_launch_bar_has_binder_the_hub_and_the_matching_app(monkeypatch):
    from kneecourse.cli.site import launch_bar

    monkeypatch.delenv("KNEECOURSE_HUB_URL", raising=False)
    page, app = "03_patellofemoral_load.ipynb", "app_patellofemoral.ipynb"
    alone = [a["href"] for a in HtmlTags(launch_bar(page, [app])).find("a")]
    assert alone == [binder_link(page), binder_link(app, app=True)]  # no hub named: no hub button
    links = [a["href"] for a in HtmlTags(launch_bar(page, [app], hub=HUB)).find("a")]
    assert links == [binder_link(page), nbgitpuller_link(HUB, page), binder_link(app, app=True),
                     nbgitpuller_link(HUB, app, app=True)]
    monkeypatch.setenv("KNEECOURSE_HUB_URL", HUB)
    assert [a["href"] for a in HtmlTags(launch_bar(page)).find("a")] == [binder_link(page), nbgitpuller_link(HUB, page)]


def test_each_module_page_finds_its_apps_from_the_explorers_it_builds():
    from kneecourse.course.explorers import apps_showing
    from kneecourse.course.modules import MODULES

    found = set()
    for row in MODULES:
        for app in row.explorers:
            found |= set(apps_showing(APPS[app].cls))
    assert found == {a.notebook for a in APPS.values()}, "every app page is linked from a module page"
    assert apps_showing("PatellofemoralExplorer") == ["app_patellofemoral.ipynb"]
    assert apps_showing("NoSuchExplorer") == []


# -- the staged Sphinx source -----------------------------------------------------------------------

def test_stage_writes_a_complete_sphinx_source(tmp_path, monkeypatch):
    import nbformat

    from kneecourse.cli.site import stage
    from kneecourse.course.files import notebooks_folder

    monkeypatch.delenv("KNEECOURSE_HUB_URL", raising=False)
    pages = stage(tmp_path, hub=HUB)
    expected = sorted(p.stem for p in notebooks_folder().glob("[0-9]*.ipynb"))
    assert pages == expected
    index = (tmp_path / "index.md").read_text()
    toc = index.split("```{toctree}", 1)[1].split("```", 1)[0]
    assert [line for line in toc.splitlines() if line and not line.startswith(":")] == expected
    assert len(re.findall(r"\.ipynb\) \| about \d+ minutes \|\n", index)) == len(expected), "course map: title | time"
    for stem in expected:
        nb = nbformat.read(tmp_path / f"{stem}.ipynb", as_version=4)
        assert nb.cells[0].source.startswith('<nav class="kc-launch"') and HUB in nb.cells[0].source
        # the page shows the notebook's own cells; the backend switch to images is a hidden cell after them
        shown = [c for c in nb.cells if c.cell_type == "code" and "remove-cell" not in c.metadata.get("tags", [])]
        original = nbformat.read(notebooks_folder() / f"{stem}.ipynb", as_version=4)
        assert [c.source for c in shown] == [c.source for c in original.cells if c.cell_type == "code"]
        for i, c in enumerate(nb.cells):
            if c.cell_type == "code" and "%matplotlib widget" in c.source:
                assert nb.cells[i + 1].source == "%matplotlib inline"
                assert nb.cells[i + 1].metadata["tags"] == ["remove-cell"]
    m1 = (tmp_path / "01_knee_is_not_a_hinge.ipynb").read_text()
    assert "{cite:p}`walker1988`" in m1
    for needed in ("conf.py", "references.bib", "bibliography.md", "apps.md", "_templates/kc-brand.html",
                   "_static/kneecourse-quiz.js",
                   "_static/kneecourse.css", "_static/mathjax/MathJax.js"):
        assert (tmp_path / needed).is_file(), needed
    assert [p.name for p in (tmp_path / "_static/mathjax/localization").iterdir() if p.is_dir()] == ["en"]
    apps = (tmp_path / "apps.md").read_text()
    assert all(binder_link(a.notebook, app=True) in apps for a in APPS.values())
    # a handout per module with a claim check: picture, claim with its grade, takeaways, red flags
    handouts = sorted(p.stem for p in tmp_path.glob("handout-*.md"))
    assert handouts == [f"handout-{s}" for s in expected if s != "00_start_here"]
    h = (tmp_path / "handout-03_patellofemoral_load.md").read_text()
    assert "```{image} handout-03_patellofemoral_load.png" in h
    assert (tmp_path / "handout-03_patellofemoral_load.png").is_file()
    assert "## Claim check" in h and "**mixed**" in h and "## Takeaways" in h and "Stop and see a clinician" in h
    assert "{cite:p}`reilly1972`" in h  # citations link to the bibliography, as on the module pages
    assert all(f"{name}.md)" in (tmp_path / "handouts.md").read_text() for name in handouts)


def test_stage_only_some_notebooks_keeps_the_start_page(tmp_path):
    from kneecourse.cli.site import stage

    assert stage(tmp_path, only=["03_patellofemoral_load"]) == ["00_start_here", "03_patellofemoral_load"]
    with pytest.raises(ValueError, match="no notebook named"):
        stage(tmp_path / "x", only=["99_nothing"])


# -- static forms carry the notebook's own feedback -------------------------------------------------



# -- figures: text alternatives written from the figure ---------------------------------------------


# -- the build stops on an error ----------------------------------------------------------------------

def _tiny_course(folder, code, text=""):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    folder.mkdir()
    nb = new_notebook(cells=[new_markdown_cell(f"# Start here\n\n**Time:** 1 minute\n\n{text}"), new_code_cell(code)])
    nbformat.write(nb, folder / "00_start_here.ipynb")
    return folder


@pytest.mark.slow
def test_an_error_in_any_cell_stops_the_build(tmp_path):
    from kneecourse.cli.site import build_site

    said = r"in 00_start_here.ipynb, this cell raised an error:\n-+\nx = 1 / 0(.|\n)*ZeroDivisionError"
    with pytest.raises(RuntimeError, match=said):
        build_site(tmp_path / "out", notebooks=_tiny_course(tmp_path / "course", "x = 1 / 0"))


@pytest.mark.slow
def test_a_broken_link_stops_the_build_and_a_good_course_builds(tmp_path):
    from kneecourse.cli.site import build_site

    with pytest.raises(RuntimeError, match=r"WARNING: .*99_nowhere"):
        build_site(tmp_path / "out", notebooks=_tiny_course(tmp_path / "bad", "1 + 1", "[next](99_nowhere.ipynb)"))
    index = build_site(tmp_path / "ok", notebooks=_tiny_course(tmp_path / "good", "print(6 * 7)"))
    page = (index.parent / "00_start_here.html").read_text()
    assert "42" in page and 'class="kc-launch"' in page


def test_the_build_says_which_notebook_it_runs_and_leaves_nothing_beside_its_output(tmp_path):
    """The build printed nothing for minutes and left jupyter_execute/ next to the site."""
    from kneecourse.cli.site import build_site

    seen = []
    index = build_site(tmp_path / "out" / "site", notebooks=_tiny_course(tmp_path / "course", "print(6 * 7)"),
                       progress=seen.append)
    assert index.is_file()
    assert any("00_start_here" in line for line in seen), seen
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["site"]


def test_the_front_page_says_what_the_course_is_in_the_readmes_words(tmp_path):
    """The site's front page restated the README's opening in other words; it is read from the README now."""
    from kneecourse.cli.site import readme_opening, stage

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    title, pitch = readme_opening()
    assert readme.startswith(f"# {title}\n") and f"\n\n{pitch}\n\n" in readme
    stage(tmp_path, only=["00_start_here"])
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert index.startswith(f"# {title}\n\n{pitch}\n")


def test_every_staged_page_draws_its_widgets_as_the_sites_static_forms(tmp_path):
    import json

    from kneecourse.cli.site import stage

    stage(tmp_path, only=["03_patellofemoral_load"])
    for name in ("00_start_here", "03_patellofemoral_load"):
        cells = json.loads((tmp_path / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
        first_code = next(c for c in cells if c["cell_type"] == "code")
        assert "static_forms.install()" in "".join(first_code["source"])
        assert "remove-cell" in first_code["metadata"]["tags"]
