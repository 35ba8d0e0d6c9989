"""App pages: each explorer as a no-code page served by Voila on this machine.

    python -m kneecourse app list
    python -m kneecourse app squat [--port 8866]
    python -m kneecourse app-notebooks [--check]   # write notebooks/apps from the list of explorers

The apps live in ``notebooks/apps/`` (projector style on), found by
:mod:`kneecourse.course.files` whether the course runs from a checkout or an
installed wheel; Voila listens on 127.0.0.1 only. On a Jupyter server that has
Voila installed (Binder, a hub) the same pages are at
``<server>/voila/render/notebooks/apps/<app file>`` — no second port.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from ..course.explorers import APPS, EXPLORERS, app_notebook
from ..course.files import apps_folder
from ..course.links import HUB_FOLDER, VOILA_TEMPLATE, launch_path

__all__ = ["APPS", "template_args", "voila_command", "write_app_notebooks", "main", "main_app_notebooks"]


def template_args() -> list:
    """``--template=kneecourse`` where the course's Voila template is installed (a pip install of the course;
    an editable install has no data files, and Voila's own lab template serves then)."""
    from jupyter_core.paths import jupyter_path

    found = any((Path(d) / VOILA_TEMPLATE / "index.html.j2").is_file() for d in jupyter_path("voila", "templates"))
    return [f"--template={VOILA_TEMPLATE}"] if found else []


def voila_command(name: str, port: int = 8866, token: str | None = None) -> list:
    """The command that serves one app on 127.0.0.1 (with ``token``, only to a browser that has it, as
    JupyterLab does: a page on another site cannot reach the app or its kernel)."""
    if name not in APPS:
        raise ValueError(f"unknown app {name!r}; choose one of {sorted(APPS)}")
    nb = apps_folder() / APPS[name].notebook
    return [sys.executable, "-m", "voila", str(nb), f"--port={int(port)}", "--no-browser",
            "--Voila.ip=127.0.0.1", "--theme=light", *template_args()] + ([f"--Voila.token={token}"] if token else [])


def _notebook_text(explorer) -> str:
    return json.dumps(app_notebook(explorer), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write_app_notebooks(folder, check: bool = False) -> list:
    """Write one app notebook per explorer into ``folder`` (or, with ``check``, list the ones that differ).

    Returns
    -------
    list of str
        File names written (or, with ``check=True``, out of date or missing), and app
        notebooks in the folder that no explorer has.
    """
    folder = Path(folder)
    changed = []
    for e in EXPLORERS:
        path, text = folder / e.notebook, _notebook_text(e)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        changed.append(e.notebook)
        if not check:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    known = {e.notebook for e in EXPLORERS}
    changed += sorted(p.name for p in folder.glob("app_*.ipynb") if p.name not in known)
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kneecourse app", description=__doc__.splitlines()[0])
    parser.add_argument("name", help="an app name, or 'list'")
    parser.add_argument("--port", type=int, default=8866)
    args = parser.parse_args(argv)
    if args.name == "list":
        for e in EXPLORERS:
            print(f"{e.app:15s} {e.title}")
        squat = APPS["squat"].notebook
        print("\nOn a Jupyter server with Voila (Binder, a hub, or `jupyter lab` started in a course folder)")
        print("the same pages are at <server>/" + launch_path("<app file>", app=True) + ", for example")
        print("<server>/" + launch_path(squat, app=True) + "  (after an nbgitpuller link on a hub: "
              + launch_path(squat, HUB_FOLDER, app=True) + ")")
        print("launch links for Binder and a hub: python -m kneecourse links --hub https://<your hub>")
        print(f"app notebooks: {apps_folder()}")
        return 0
    token = secrets.token_urlsafe(24)
    cmd = voila_command(args.name, args.port, token)
    print(f"serving {args.name} at http://127.0.0.1:{args.port}/?token={token}  (open this link; Ctrl+C to stop)",
          flush=True)
    if os.name == "posix":  # become Voila: stopping this process stops Voila and its kernels
        os.execv(cmd[0], cmd)
    return subprocess.call(cmd)


def main_app_notebooks(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kneecourse app-notebooks",
                                     description="write the app notebooks from the list of explorers")
    parser.add_argument("--folder", default=None, help="where (default: the course's notebooks/apps)")
    parser.add_argument("--check", action="store_true", help="only report app notebooks that are out of date")
    args = parser.parse_args(argv)
    folder = Path(args.folder) if args.folder else apps_folder()
    changed = write_app_notebooks(folder, check=args.check)
    verb = "out of date" if args.check else "written"
    print(f"{len(changed)} app notebook(s) {verb} in {folder}" + (": " + ", ".join(changed) if changed else ""))
    return 1 if (args.check and changed) else 0
