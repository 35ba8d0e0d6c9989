"""``check_environment()``: is this JupyterLab ready for the course?"""
from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

__all__ = ["check_environment"]

#: what a learner needs -> how to fix it (the minimum versions are read from the installed
#: package's own requirements, so they are written once, in pyproject.toml)
_PACKAGES = {
    "numpy": "pip install -U numpy",
    "scipy": "pip install -U scipy",
    "matplotlib": "pip install -U matplotlib",
    "ipywidgets": "pip install -U 'ipywidgets>=8'",
    "ipympl": "pip install -U ipympl, then restart JupyterLab",
    "anywidget": "pip install -U anywidget, then restart JupyterLab",
    "jupyterlab": "pip install -U 'jupyterlab>=4'",
    "nbformat": "pip install -U nbformat",
}

#: packages only some audiences need -> (what it is for, how to fix)
_OPTIONAL = {
    "voila": ("app pages", "pip install 'kneecourse[app]'"),
}


def _minimums() -> dict:
    """Lowest version of each requirement (base and extras) from the installed kneecourse metadata."""
    from packaging.requirements import Requirement

    out = {}
    try:
        requires = metadata.requires("kneecourse") or []
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return out
    for line in requires:
        req = Requirement(line)
        for spec in req.specifier:
            if spec.operator in (">=", "==", "~="):
                out[req.name.lower().replace("_", "-")] = spec.version
    return out


def _version_tuple(v: str):
    out = []
    for part in v.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        if not digits:
            break
        out.append(int(digits))
    return tuple(out)


def _labextension_present(name: str) -> bool:
    """Is a prebuilt JupyterLab extension in any of Jupyter's data folders (``jupyter --paths``)?"""
    from jupyter_core.paths import jupyter_path

    return any((Path(d) / name / "package.json").is_file() for d in jupyter_path("labextensions"))


def _package_row(pkg: str, minimum: str, fix: str, optional_for: str | None = None) -> dict:
    """One check row: is ``pkg`` installed at ``minimum`` or newer? A missing optional package passes."""
    try:
        found = metadata.version(pkg)
        ok = _version_tuple(found) >= _version_tuple(minimum)
    except metadata.PackageNotFoundError:
        found, ok = ("missing", False) if optional_for is None else (f"not installed (optional: {optional_for})", True)
    return {"item": f"{pkg} ≥ {minimum}", "ok": ok, "found": found, "fix": fix}


def course_settings_file() -> Path:
    """Where JupyterLab reads the course's settings (news pop-up off) in this environment.

    The first of JupyterLab's application folders holding them — ``$JUPYTERLAB_DIR``, then each Jupyter data
    folder's ``lab`` (``jupyter --paths``; the environment's own, ``sys.prefix/share/jupyter/lab``, where
    ``pip install .`` puts them, is among them) — or, when none does, where ``pip install .`` would put them.
    Found without importing JupyterLab (seconds on a small machine).
    """
    import os

    from jupyter_core.paths import jupyter_path

    inside = Path("settings") / "overrides.d" / "kneecourse.json"
    folders = ([Path(os.environ["JUPYTERLAB_DIR"])] if os.environ.get("JUPYTERLAB_DIR") else []) + [
        Path(d) for d in jupyter_path("lab")]
    for folder in folders:
        if (folder / inside).is_file():
            return folder / inside
    return (folders[0] if os.environ.get("JUPYTERLAB_DIR") else Path(sys.prefix) / "share" / "jupyter" / "lab") / inside


def check_environment(show: bool = True) -> list:
    """Check Python, packages, widget front ends and data tables.

    Parameters
    ----------
    show : bool
        Print a ✓/✗ table with a fix for each ✗.

    Returns
    -------
    list of dict
        One row per check: ``item``, ``ok`` (bool), ``found``, ``fix``.
    """
    rows = []
    py = ".".join(map(str, sys.version_info[:3]))
    rows.append({"item": "Python ≥ 3.10", "ok": sys.version_info >= (3, 10), "found": py,
                 "fix": "install Python 3.10 or newer and recreate the environment"})
    minimums = _minimums()
    for pkg, fix in _PACKAGES.items():
        rows.append(_package_row(pkg, minimums.get(pkg, "0"), fix))
    for pkg, (purpose, fix) in _OPTIONAL.items():
        rows.append(_package_row(pkg, minimums.get(pkg, "0"), fix, optional_for=purpose))
    settings = course_settings_file()
    rows.append({"item": "course JupyterLab settings", "ok": settings.is_file(),
                 "found": "installed" if settings.is_file() else f"not in {settings.parent}",
                 "fix": "install the course without -e (pip install .), which puts them there"})
    for label, ext, fix in (
        ("ipywidgets front end", "@jupyter-widgets/jupyterlab-manager", "pip install -U jupyterlab_widgets, then "
                                                                        "restart JupyterLab"),
        ("ipympl front end", "jupyter-matplotlib", "pip install -U ipympl, then restart JupyterLab"),
        ("explorer front end (anywidget)", "anywidget", "pip install -U anywidget, then restart JupyterLab"),
    ):
        ok = _labextension_present(ext)
        rows.append({"item": label, "ok": ok, "found": "installed" if ok else "not found", "fix": fix})
    from ..course.files import CourseFilesError, is_course, notebooks_folder

    here = Path.cwd()  # a notebook's kernel runs in the notebook's own folder
    running = next((f for f in (here, here.parent) if is_course(f)), None)
    try:
        found = (f"{running.resolve()} (the notebooks running here)" if running else
                 f"{notebooks_folder()} (the installed copy: `python -m kneecourse copy DEST` makes your own)")
        rows.append({"item": "course notebooks", "ok": True, "found": found, "fix": ""})
    except CourseFilesError as exc:
        rows.append({"item": "course notebooks", "ok": False, "found": "not found",
                     "fix": str(exc).split(". ", 1)[-1]})
    try:
        from ..dataio.tables import SCHEMAS, load_table

        for name in SCHEMAS:
            load_table(name)
        rows.append({"item": "data tables load", "ok": True, "found": f"{len(SCHEMAS)} tables", "fix": ""})
    except Exception as exc:  # report, never raise
        rows.append({"item": "data tables load", "ok": False, "found": str(exc),
                     "fix": "reinstall the course package: pip install --force-reinstall ."})
    from ..selfcheck.sharing import status as class_view_status

    class_view = class_view_status()  # only on a hub that runs the workshop's class view
    if class_view is not None:
        ok, found, fix = class_view
        rows.append({"item": "class view", "ok": ok, "found": found, "fix": fix})
    if show:
        width = max(len(r["item"]) for r in rows)
        for r in rows:
            mark = "✓" if r["ok"] else "✗"
            line = f"{mark} {r['item'].ljust(width)}  {r['found']}"
            if not r["ok"]:
                line += f"   → fix: {r['fix']}"
            print(line)
        bad = sum(not r["ok"] for r in rows)
        print("All checks passed: you are ready." if not bad else f"{bad} check(s) failed: see the fixes above.")
    return rows
