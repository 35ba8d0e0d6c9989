"""Static export: execute every course notebook and write a read-only HTML version.

    python -m kneecourse.export_course [OUTPUT_FOLDER]

Figures are rendered as images and every explorer appears in its initial
state (``KNEECOURSE_STATIC=1``), so the pages need no kernel and no widget
JavaScript. Learner progress goes to a temporary folder, never to the
learner's own.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from .course_files import notebooks_folder

__all__ = ["export_course"]


def export_course(output, notebooks=None, timeout_s: int = 300, only=None) -> list:
    """Execute each notebook (static mode) and write ``<name>.html`` into ``output``.

    Parameters
    ----------
    output : str or Path
        Folder for the HTML files (created if missing).
    notebooks : str or Path, optional
        Folder of notebooks; the course's own (:func:`kneecourse.course_files.notebooks_folder`) by default.
    timeout_s : int, optional
        Longest time one cell may run (s).
    only : list of str, optional
        Export only these notebooks (file names with or without ``.ipynb``).

    Returns
    -------
    list of Path
        The HTML files written, one per notebook.

    Raises
    ------
    RuntimeError
        If a notebook raises while executing (the message names it and the cell).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    src = Path(notebooks) if notebooks else notebooks_folder()
    paths = sorted(src.glob("*.ipynb"))
    if only:
        wanted = {Path(n).stem for n in only}
        unknown = wanted - {p.stem for p in paths}
        if unknown:
            raise ValueError(f"no notebook named {sorted(unknown)} in {src}; choose from {[p.stem for p in paths]}")
        paths = [p for p in paths if p.stem in wanted]
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    written = []
    saved = {k: os.environ.get(k) for k in ("KNEECOURSE_STATIC", "KNEECOURSE_HOME", "MPLBACKEND")}
    with tempfile.TemporaryDirectory(prefix="kneecourse-export-") as home:
        os.environ.update(KNEECOURSE_STATIC="1", KNEECOURSE_HOME=home, MPLBACKEND="module://matplotlib_inline.backend_inline")
        try:
            for path in paths:
                nb = nbformat.read(path, as_version=4)
                for cell in nb.cells:
                    if cell.cell_type == "code":
                        cell.source = cell.source.replace("%matplotlib widget", "%matplotlib inline")
                client = NotebookClient(nb, timeout=timeout_s, kernel_name="python3",
                                        resources={"metadata": {"path": str(src)}})
                try:
                    client.execute()
                except CellExecutionError as exc:
                    raise RuntimeError(f"{path.name} failed while exporting: {exc}") from None
                body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
                body = re.sub(r'href="([0-9A-Za-z_]+)\.ipynb', r'href="\1.html', body)  # links between pages
                target = out / f"{path.stem}.html"
                target.write_text(body, encoding="utf-8")
                written.append(target)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kneecourse.export_course", description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="build/html", help="folder for the HTML files (default build/html)")
    parser.add_argument("--only", nargs="+", metavar="NOTEBOOK", help="export only these notebooks")
    args = parser.parse_args(argv)
    for f in export_course(args.output, only=args.only):
        print(f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
