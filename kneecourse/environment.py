"""``check_environment()``: is this JupyterLab ready for the course?"""
from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

__all__ = ["check_environment"]

#: package -> (minimum version, how to fix)
_PACKAGES = {
    "numpy": ("1.24", "pip install -U numpy"),
    "scipy": ("1.10", "pip install -U scipy"),
    "matplotlib": ("3.7", "pip install -U matplotlib"),
    "ipywidgets": ("8.0", "pip install -U 'ipywidgets>=8'"),
    "ipympl": ("0.9.3", "pip install -U ipympl, then restart JupyterLab"),
    "jupyterlab": ("4.0", "pip install -U 'jupyterlab>=4'"),
    "voila": ("0.5", "pip install -U 'voila>=0.5,<0.6' (only needed for app mode)"),
}


def _version_tuple(v: str):
    out = []
    for part in v.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        if not digits:
            break
        out.append(int(digits))
    return tuple(out)


def _labextension_present(name: str) -> bool:
    for base in {Path(sys.prefix), Path(sys.base_prefix), Path.home() / ".local"}:
        if (base / "share" / "jupyter" / "labextensions" / name / "package.json").is_file():
            return True
    return False


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
    for pkg, (minimum, fix) in _PACKAGES.items():
        try:
            found = metadata.version(pkg)
            ok = _version_tuple(found) >= _version_tuple(minimum)
        except metadata.PackageNotFoundError:
            found, ok = "missing", False
        rows.append({"item": f"{pkg} ≥ {minimum}", "ok": ok, "found": found, "fix": fix})
    for label, ext, fix in (
        ("ipywidgets front end", "@jupyter-widgets/jupyterlab-manager", "pip install -U jupyterlab_widgets, then restart JupyterLab"),
        ("ipympl front end", "jupyter-matplotlib", "pip install -U ipympl, then restart JupyterLab"),
    ):
        ok = _labextension_present(ext)
        rows.append({"item": label, "ok": ok, "found": "installed" if ok else "not found", "fix": fix})
    try:
        from .tables import SCHEMAS, load_table

        for name in SCHEMAS:
            load_table(name)
        rows.append({"item": "data tables load", "ok": True, "found": f"{len(SCHEMAS)} tables", "fix": ""})
    except Exception as exc:  # report, never raise
        rows.append({"item": "data tables load", "ok": False, "found": str(exc),
                     "fix": "reinstall the course package: pip install --force-reinstall ."})
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
