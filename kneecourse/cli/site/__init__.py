"""The course website: every notebook executed and rendered by Sphinx with MyST-NB and the book theme.

    python -m kneecourse site [OUTPUT] [--hub https://hub.example.org] [--only NOTEBOOK ...]

The build stages a Sphinx source folder from the course's own files, then runs Sphinx:

* each notebook, executed at build time (an error in any cell stops the build), with a launch bar on top
  (Binder, the workshop's hub through nbgitpuller when ``--hub`` or ``KNEECOURSE_HUB_URL`` names one, and
  the app page of each explorer on the page), citations such as ``[walker1988]`` turned into links to
  the bibliography;
* explorers that move without a kernel, one control at a time from their initial state (the same
  renderer as in JupyterLab, with the tables of frames in the page), over an image with a text
  alternative, the settings and the readout as text and links to the live app; self-checks and
  predictions as forms that give the notebook's own feedback in the browser, code exercises with their
  hints and worked solution folded;
* the course map as the table of contents, an app-page list, and one bibliography generated from
  ``data/references.json``;
* MathJax copied from the ``jupyter-server-mathjax`` package: no page loads anything from another site.

The builder needs the ``[site]`` extra (``pip install ".[site]"``).
"""
from __future__ import annotations

import argparse
import copy
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from ...course.explorers import APPS, EXPLORERS, apps_showing
from ...course.files import START_PAGE, notebooks_folder
from ...course.links import HUB_URL_VARIABLE, launch_links
from ...course.modules import module

__all__ = ["build_site", "stage", "SITE_FILES"]

#: conf.py and the static files of the site, inside the package
SITE_FILES = Path(__file__).resolve().parent
_CITATION = re.compile(r"\[([a-z][a-z]*\d{4}[a-z]?(?:,\s*[a-z][a-z]*\d{4}[a-z]?)*)\](?!\()")


def _cite(markdown: str, keys) -> str:
    """``[walker1988]`` and ``[vaneijden1986, brechter2002]`` -> MyST citation roles, for keys in the bibliography."""
    def one(m):
        found = [k.strip() for k in m.group(1).split(",")]
        if not all(k in keys for k in found):
            return m.group(0)
        return "{cite:p}`" + ",".join(found) + "`"
    return _CITATION.sub(one, markdown)


def _app_name(app_file: str) -> str:
    return next((e.app for e in EXPLORERS if e.notebook == app_file), app_file)


def launch_bar(page: str, app_files=(), hub: str | None = None) -> str:
    """The launch bar of a page: run the notebook live (Binder, the hub), or open its app pages."""
    links = [(f"Run on {where}", url) for where, url in launch_links(page, hub=hub)]
    for app in app_files:
        links += [(f"App: {_app_name(app)} ({where})", url) for where, url in launch_links(app, app=True, hub=hub)]
    items = " ".join(f'<a href="{html.escape(url, quote=True)}">{html.escape(label)}</a>' for label, url in links)
    return (f'<nav class="kc-launch" aria-label="Run this page live">'
            f'<span class="kc-launch-label">This page, live:</span> {items}</nav>')


def _copy_mathjax(target: Path) -> None:
    """MathJax 2 from ``jupyter-server-mathjax`` (English messages only), into ``_static/mathjax``."""
    import jupyter_server_mathjax

    source = Path(jupyter_server_mathjax.__file__).parent / "static"
    if target.exists():
        return
    shutil.copytree(source, target, ignore=lambda folder, names: [
        n for n in names if Path(folder).name == "localization" and n != "en"])


def readme_opening() -> tuple:
    """The README's title and its first paragraph (what the course is), read from the installed course's metadata:
    the site's front page says it in the README's words, written once."""
    from importlib.metadata import metadata

    meta = metadata("kneecourse")
    readme = meta.get_payload() or meta.get("Description", "")
    title = readme.split("\n", 1)[0].lstrip("# ").strip()
    # the first paragraph of prose after the title: badges, images and their captions come before it
    paragraphs = [p.strip() for p in readme.split("\n\n")[1:]]
    pitch = next((p for p in paragraphs if p and not p.startswith(("[![", "![", "*", "#"))), "")
    if not title or not pitch:
        raise RuntimeError("the installed course's metadata holds no README: reinstall it (pip install .)")
    return title, pitch


def stage(source, notebooks=None, only=None, hub=None) -> list:
    """Write the Sphinx source of the site into ``source``; return the page names (notebooks).

    Parameters
    ----------
    source : str or Path
        An empty or new folder.
    notebooks : str or Path, optional
        The course notebooks (the course's own by default).
    only : list of str, optional
        Stage only these notebooks (names with or without ``.ipynb``); the start page is always in.
    hub : str, optional
        The workshop hub's address for the launch bars (default: ``KNEECOURSE_HUB_URL``, else none).
    """
    import nbformat

    from ...dataio.glossary import GLOSSARY_PAGE, glossary_markdown
    from ...dataio.references import bibliography, bibtex
    from ...safety import DISCLAIMER
    from .handouts import write_handouts

    src = Path(source)
    src.mkdir(parents=True, exist_ok=True)
    shutil.copy2(SITE_FILES / "conf.py", src / "conf.py")
    for folder in ("_static", "_templates"):
        shutil.copytree(SITE_FILES / folder, src / folder, dirs_exist_ok=True)
    _copy_mathjax(src / "_static" / "mathjax")
    (src / "references.bib").write_text(bibtex(), encoding="utf-8")
    (src / GLOSSARY_PAGE).write_text(glossary_markdown(), encoding="utf-8")

    folder = Path(notebooks) if notebooks else notebooks_folder()
    paths = sorted(folder.glob("[0-9]*.ipynb"))
    if only:
        wanted = {Path(n).stem for n in only} | {Path(START_PAGE).stem}
        unknown = wanted - {p.stem for p in paths}
        if unknown:
            raise ValueError(f"no notebook named {sorted(unknown)} in {folder}; choose from {[p.stem for p in paths]}")
        paths = [p for p in paths if p.stem in wanted]
    keys = set(bibliography())
    pages, titles, originals, used = [], {}, {}, {}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        row = module(path.stem)
        # the handouts' source, and the explorers the course map says the page shows
        originals[path.stem], used[path.stem] = copy.deepcopy(nb), [APPS[app].cls for app in row.explorers]
        titles[path.stem] = (row.title, f"about {row.minutes} minutes")
        apps = sorted({app for name in used[path.stem] for app in apps_showing(name)})
        cells = []
        for cell in nb.cells:
            cells.append(cell)
            if cell.cell_type == "code" and "%matplotlib widget" in cell.source:
                # the page shows the cell as the learner has it; a hidden cell after it draws figures as
                # images, since the site has no kernel
                hidden = nbformat.v4.new_code_cell("%matplotlib inline")
                hidden.metadata["tags"] = ["remove-cell"]
                cells.append(hidden)
            elif cell.cell_type == "markdown":
                cell.source = _cite(cell.source, keys)
        # the page has no kernel: a hidden first cell draws every widget as its static form (static_forms.py)
        forms = nbformat.v4.new_code_cell("import kneecourse.cli.site.static_forms\n"
                                          "kneecourse.cli.site.static_forms.install()")
        forms.metadata["tags"] = ["remove-cell"]
        nb.cells = [nbformat.v4.new_markdown_cell(launch_bar(path.name, apps, hub)), forms, *cells]
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"kc-cell-{i}"
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, src / path.name)
        pages.append(path.stem)

    handouts = write_handouts(src, originals, used)
    for name in handouts:
        page = src / f"{name}.md"
        page.write_text(_cite(page.read_text(encoding="utf-8"), keys), encoding="utf-8")
    listed = "\n".join(f"- [{titles[h.removeprefix('handout-')][0]}]({h}.md)" for h in handouts)
    (src / "handouts.md").write_text(f"""# Handouts

One printable page per module for workshop participants: the key picture, the claim the module checks with its
evidence grade, the takeaways and the red flags. Open one and print it (it fits one A4 page).

{listed}
""", encoding="utf-8")
    course_map = "\n".join(f"| [{titles[p][0]}]({p}.ipynb) | {titles[p][1]} |" for p in pages)
    title, pitch = readme_opening()
    (src / "index.md").write_text(f"""# {title}

{pitch}

```{{admonition}} Not medical advice
:class: warning
{DISCLAIMER} The red flags that mean "stop and see a clinician" are on the [start page]({Path(START_PAGE).stem}.ipynb).
```

**How to use this site.** Every page is a course notebook, run when the site was built: its figures are
images, each with a text description. Its explorers move here, one control at a time from their first
position (the drawings were computed by the course's models when the site was built). To move two controls
at once, or change the code, open the page live with a button in the bar at the top of the page (Binder, or
your workshop's hub), or open the explorer's app page. The self-checks work
here: choose or type an answer and press **Check** (answers given here are not added to your course progress;
predictions are kept in this browser only). Search finds any word in the course.

## Course map

| page | time |
|---|---|
{course_map}
| [App pages for workshops](apps.md) | |
| [Glossary](glossary.md) | |
| [Handouts to print](handouts.md) | |
| [Bibliography](bibliography.md) | |

```{{toctree}}
:caption: Course map
:maxdepth: 1
:hidden:

{chr(10).join(pages)}
```

```{{toctree}}
:caption: Reference
:maxdepth: 1
:hidden:

apps
handouts
glossary
bibliography
```
""", encoding="utf-8")

    rows = "\n".join(f"| {e.app} | {e.title} | " + " · ".join(f"[{where}]({url})" for where, url in
                                                         launch_links(e.notebook, app=True, hub=hub)) + " |"
                      for e in EXPLORERS)
    (src / "apps.md").write_text(f"""# App pages

Each explorer of the course as a page without code (Voila, laid out for a 1280×720 or 1024×768 projector). A facilitator
opens one on the projector while the learners work in the notebooks. On a laptop:
`python -m kneecourse app <name>`; on any Jupyter server with Voila: `voila/render/notebooks/apps/app_<name>.ipynb`.

| app | what it shows | open it |
|---|---|---|
{rows}
""", encoding="utf-8")
    (src / "bibliography.md").write_text("""# Bibliography

Every source the course cites, generated when the site is built from the course's one list of references
(`data/references.json`); the citations on the pages link here.

```{bibliography}
:all:
```
""", encoding="utf-8")
    (src / "kneecourse-pages.json").write_text(json.dumps(pages), encoding="utf-8")
    return pages


def _why(log: str, source: Path) -> str:
    """What stopped Sphinx, briefly: the notebook and the failing cell with its error, or the warnings."""
    log = re.sub(r"\x1b\[[0-9;]*m", "", log).replace(str(source) + os.sep, "")
    cell = re.search(r"An error occurred while executing the following cell:\n(.*?)\n\s*The above exception", log, re.S)
    if cell:
        notebook = re.findall(r"([\w.-]+\.ipynb): Executing notebook", log)
        where = f"in {notebook[-1]}, " if notebook else ""
        return where + "this cell raised an error:\n" + re.sub(r"(?m)^    ", "", cell.group(1)).strip()
    warnings = [line.strip() for line in log.splitlines() if "WARNING:" in line or "ERROR:" in line]
    return "\n".join(warnings) if warnings else log[-6000:]


#: Sphinx's line for each page it reads: its share done and the page
_READING = re.compile(r"reading sources\.\.\. \[\s*(\d+%)\]\s+(\S+)")


def build_site(output="build/site", hub=None, only=None, notebooks=None, quiet=True, progress=None) -> Path:
    """Stage and build the course site; return the path of its ``index.html``.

    ``progress``, if given, is called with a line per page as Sphinx reads (and runs) it, so a build of
    minutes says what it is doing. Nothing is left beside ``output`` (myst-nb's ``jupyter_execute``
    folder is removed unless it was there before).

    The notebooks run with the site's static forms of the widgets (:mod:`.static_forms`), the inline
    figure backend and a temporary progress folder (never the learner's own). Warnings are errors when the
    whole course is built: a broken cross-link, a missing citation or a cell writing to stderr fails it.

    Raises
    ------
    RuntimeError
        If Sphinx fails; the message ends with Sphinx's own report (the notebook and the cell).
    """
    out = Path(output).resolve()
    with tempfile.TemporaryDirectory(prefix="kneecourse-site-") as tmp:
        src = Path(tmp) / "source"
        stage(src, notebooks=notebooks, only=only, hub=hub)
        env = dict(os.environ, KNEECOURSE_HOME=str(Path(tmp) / "home"),
                   MPLBACKEND="module://matplotlib_inline.backend_inline")
        if hub:
            env[HUB_URL_VARIABLE] = hub
        cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-T", "--no-color", "-d", str(Path(tmp) / "doctrees")]
        cmd += ["-D", "suppress_warnings=myst.xref_missing"] if only else ["-W", "--keep-going"]
        cmd += [str(src), str(out)]
        executed = out.parent / "jupyter_execute"
        had_executed = executed.exists()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = []
        reader = threading.Thread(target=lambda: lines.append(proc.stderr.read()), daemon=True)
        reader.start()
        stdout = []
        for line in proc.stdout:  # Sphinx's own progress: "reading sources... [ 40%] 03_patellofemoral_load"
            stdout.append(line)
            if not quiet:
                print(line, end="", flush=True)
            found = _READING.search(re.sub(r"\x1b\[[0-9;]*m", "", line))  # colour codes, if forced
            if progress and found:
                progress(f"running {found.group(2)} ({found.group(1).strip()})")
        proc.wait()
        reader.join()
        if not had_executed:
            shutil.rmtree(executed, ignore_errors=True)
        if proc.returncode != 0:
            raise RuntimeError(f"the course site did not build (Sphinx exit {proc.returncode}):\n"
                               + _why("".join(lines) + "\n" + "".join(stdout), src))
        (out / "build-seconds.txt").write_text(f"{time.perf_counter() - t0:.1f}\n")
    return out / "index.html"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kneecourse site", description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="build/site", help="folder for the site (default build/site)")
    parser.add_argument("--hub", default=None, help=f"your hub's address for the launch bars (or {HUB_URL_VARIABLE})")
    parser.add_argument("--only", nargs="+", metavar="NOTEBOOK", help="build only these notebooks (and the start page)")
    parser.add_argument("--verbose", action="store_true", help="show Sphinx's progress")
    args = parser.parse_args(argv)
    try:
        index = build_site(args.output, hub=args.hub, only=args.only, quiet=not args.verbose,
                           progress=None if args.verbose else lambda line: print(line, file=sys.stderr, flush=True))
    except (RuntimeError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"course site: {index}")
    return 0
