"""The course site's parts, without building it: bibliography, citations, launch bars, static forms, alt text.

The built site is checked in a real browser by ``tests/browser/test_site.py``.
"""
import base64
import html
import io
import re
from html.parser import HTMLParser

import matplotlib.pyplot as plt
import numpy as np
import pytest

import kneecourse.widgets as widgets
from kneecourse.course.explorers import APPS
from kneecourse.course.links import binder_link, nbgitpuller_link
from kneecourse.io.references import bibliography, bibtex
from kneecourse.selfcheck.bank import NOTEBOOKS, predictions, quiz
from kneecourse.selfcheck.bank import NOTEBOOKS as QUIZ_NOTEBOOKS
from kneecourse.selfcheck.questions import CodeExercise, MultipleChoice, Numeric
from kneecourse.views.display import describe_figure, figure_html, plain_text

HUB = "https://hub.example.org"


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML fragment."""

    def __init__(self, markup):
        super().__init__()
        self.tags, self.text = [], []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag, **where):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in where.items())]


@pytest.fixture
def static(monkeypatch, course_home):
    monkeypatch.setenv("KNEECOURSE_STATIC", "1")
    return course_home


# -- one bibliography, made from data/references.json ------------------------------------------------

def test_bibtex_is_the_json_bibliography_and_parses():
    from pybtex.database import parse_string

    db = parse_string(bibtex(), "bibtex")
    refs = bibliography()
    assert sorted(db.entries) == sorted(refs)
    walker = db.entries["walker1988"]
    assert [str(p) for p in walker.persons["author"]] == ["Walker, P. S.", "Rovick, J. S.", "Robertson, D. D."]
    assert [str(p) for p in db.entries["deleva1996"].persons["author"]] == ["de Leva, P."]
    assert str(db.entries["willy2019"].persons["author"][-1]) == "others"  # "et al."
    assert walker.fields["year"] == "1988" and walker.fields["howpublished"] == refs["walker1988"]["venue"]


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
    alone = [a["href"] for a in _Tags(launch_bar(page, [app])).find("a")]
    assert alone == [binder_link(page), binder_link(app, app=True)]  # no hub named: no hub button
    links = [a["href"] for a in _Tags(launch_bar(page, [app], hub=HUB)).find("a")]
    assert links == [binder_link(page), nbgitpuller_link(HUB, page), binder_link(app, app=True),
                     nbgitpuller_link(HUB, app, app=True)]
    monkeypatch.setenv("KNEECOURSE_HUB_URL", HUB)
    assert [a["href"] for a in _Tags(launch_bar(page)).find("a")] == [binder_link(page), nbgitpuller_link(HUB, page)]


def test_each_module_page_finds_its_apps_from_the_explorers_it_builds():
    import nbformat

    from kneecourse.cli.site import _explorers_used
    from kneecourse.course.explorers import apps_showing
    from kneecourse.course.files import notebooks_folder

    found = set()
    for path in sorted(notebooks_folder().glob("[0-9]*.ipynb")):
        for name in _explorers_used(nbformat.read(path, as_version=4)):
            found |= set(apps_showing(name))
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
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "%matplotlib widget" not in code
    m1 = (tmp_path / "01_knee_is_not_a_hinge.ipynb").read_text()
    assert "{cite:p}`walker1988`" in m1
    for needed in ("conf.py", "references.bib", "bibliography.md", "apps.md", "_templates/kc-brand.html",
                   "_static/kneecourse-quiz.js",
                   "_static/kneecourse.css", "_static/mathjax/MathJax.js"):
        assert (tmp_path / needed).is_file(), needed
    assert [p.name for p in (tmp_path / "_static/mathjax/localization").iterdir() if p.is_dir()] == ["en"]
    apps = (tmp_path / "apps.md").read_text()
    assert all(binder_link(a.notebook, app=True) in apps for a in APPS.values())


def test_stage_only_some_notebooks_keeps_the_start_page(tmp_path):
    from kneecourse.cli.site import stage

    assert stage(tmp_path, only=["03_patellofemoral_load"]) == ["00_start_here", "03_patellofemoral_load"]
    with pytest.raises(ValueError, match="no notebook named"):
        stage(tmp_path / "x", only=["99_nothing"])


# -- static forms carry the notebook's own feedback -------------------------------------------------

def _all_questions():
    return [q for nb in QUIZ_NOTEBOOKS for q in quiz(nb)]


def test_multiple_choice_forms_say_what_the_checker_says():
    questions = [q for q in _all_questions() if isinstance(q, MultipleChoice)]
    assert len(questions) >= 10
    for q in questions:
        form = _Tags(q.static_html())
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
        (form,) = _Tags(q.static_html()).find("form")
        answer, tol = float(form["data-answer"]), float(form["data-tolerance"])
        assert answer == q.answer and tol == q.tolerance
        for x, verdict in ((q.answer, "right"), (q.answer + 2 * tol + 1, "high"), (q.answer - 2 * tol - 1, "low")):
            assert form[f"data-{verdict}"].replace("{x}", f"{x:g}") == str(q.check(x)), (q.id, verdict)
        (box,) = _Tags(q.static_html()).find("input", type="text")
        assert _Tags(q.static_html()).find("label", **{"for": box["id"]})


def test_question_ids_are_unique_on_a_page():
    for nb in QUIZ_NOTEBOOKS:
        ids = [a["id"] for q in quiz(nb) if not isinstance(q, CodeExercise)
               for a in _Tags(q.static_html()).find("form")]
        assert len(ids) == len(set(ids)), nb


def test_prediction_form_and_reveal_match_the_notebook(static):
    for p in (p for nb in NOTEBOOKS for p in predictions(nb)):
        (form,) = _Tags(p.static_html()).find("form")
        assert form["data-saved"].replace("{x}", "2") == str(p._saved("2"))
        shown = p.reveal()  # static page: the reveal button, not a Result
        (box,) = _Tags(shown._repr_html_()).find("div")
        assert float(box["data-model"]) == p.model_value and box["data-key"] == form["data-key"]
        assert box["data-none"] == str(p._no_prediction())
        assert box["data-compared"].replace("{x}", "2").replace("{d}", "+1") == str(p._compared("2", "+1"))
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
        assert "not done yet" in text, ex.id
        assert markup.count("<details") == len(ex.hints) + 1
        assert all(h in text for h in ex.hints) and ex.solution_source() in text


def test_outside_a_static_page_submit_still_returns_a_result(course_home, monkeypatch):
    monkeypatch.delenv("KNEECOURSE_STATIC", raising=False)
    ex = next(q for q in _all_questions() if isinstance(q, CodeExercise))
    assert not ex.submit(lambda *a: None).correct


# -- figures: text alternatives written from the figure ---------------------------------------------

def test_describe_figure_names_title_axes_and_curves():
    fig, (a, b) = plt.subplots(1, 2)
    a.plot([0, 1], [0, 1], label="PF force")
    a.plot([0, 1], [1, 0], label="stress")
    a.legend()
    a.set(title="Load vs angle", xlabel="knee flexion (deg)", ylabel="force (N)")
    b.set(title="Area", xlabel="knee flexion (deg)", ylabel=r"area ($\mathrm{mm}^2$)")
    text = describe_figure(fig)
    assert "Panel 1: Plot titled 'Load vs angle', force (N) against knee flexion (deg); shows PF force, stress." in text
    assert "Panel 2: Plot titled 'Area', area (mm²) against knee flexion (deg)." in text
    empty, _ = plt.subplots()
    assert describe_figure(empty) == "Figure."


def test_figure_html_is_the_figure_as_png_with_alt():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.set(title="t", xlabel="x (m)", ylabel="y (N)")
    (img,) = _Tags(figure_html(fig, dpi=50)).find("img")
    png = base64.b64decode(img["src"].split(",", 1)[1])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and (img["width"], img["height"]) == ("200", "150")
    assert img["alt"] == describe_figure(fig)
    assert _Tags(figure_html(fig, alt="my words")).find("img")[0]["alt"] == "my words"


@pytest.mark.parametrize("name", [n for n in widgets.__all__ if n.endswith("Explorer")])
def test_explorer_static_html_shows_its_state_and_how_to_move_it(name, monkeypatch):
    from kneecourse.course.explorers import apps_showing

    monkeypatch.setenv("KNEECOURSE_HUB_URL", HUB)
    ex = getattr(widgets, name)()
    markup = ex.static_html()
    tags = _Tags(markup)
    (img,) = tags.find("img")
    assert img["alt"].startswith("Explorer: ") and "Settings: " in img["alt"] and len(img["alt"]) > 60
    text = plain_text(markup)
    assert "Explorer in its initial state" in text and "Settings:" in text
    if plain_text(ex.readout.value):
        assert plain_text(ex.readout.value) in text
    hrefs = [a["href"] for a in tags.find("a")]
    for app in apps_showing(name):
        assert binder_link(app, app=True) in hrefs and nbgitpuller_link(HUB, app, app=True) in hrefs
    # the image is the whole picture: the moving parts (drawn by blitting when live) are in it
    from PIL import Image

    def pixels(markup):
        src = _Tags(markup).find("img")[0]["src"].split(",", 1)[1]
        return np.asarray(Image.open(io.BytesIO(base64.b64decode(src))).convert("RGB"), float)

    moving = ex._dynamic_artists()
    for a in moving:
        a.set_visible(False)
    without = pixels(ex.static_html())
    for a in moving:
        a.set_visible(True)
    assert moving and np.abs(pixels(markup) - without).sum() > 0, "the moving artists are missing from the image"
    assert all(a.get_animated() for a in moving), "live blitting must still work afterwards"


def test_static_mode_show_gives_an_image_with_alt(static):
    import kneecourse as kc

    fig, ax = plt.subplots()
    ax.set(title="stress", xlabel="angle (deg)", ylabel="stress (MPa)")
    shown = kc.show(fig)
    assert re.search(r'<img class="kc-figure" src="data:image/png;base64,[^"]+" width="\d+" height="\d+" alt="[^"]+"',
                     shown._repr_html_())
    assert "stress (MPa) against angle (deg)" in kc.show(fig)._repr_html_()
    assert "my alt" in kc.show(fig, alt="my alt")._repr_html_()


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
