"""App mode: each explorer as a no-code page served by Voila on this machine.

    python -m kneecourse.app list
    python -m kneecourse.app squat [--port 8866]

The apps live in ``notebooks/apps/`` (projector style on), found by
:mod:`kneecourse.course_files` whether the course runs from a checkout or an
installed wheel; Voila listens on 127.0.0.1 only. On a Jupyter server that has
Voila installed (Binder, a hub) the same pages are at
``<server>/voila/render/notebooks/apps/<app file>`` — no second port.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys

from .course_files import apps_folder
from .links import HUB_FOLDER, page_path

#: app name -> (notebook file, one-line description)
APPS = {
    "leg": ("app_leg.ipynb", "Module 1: the 3D leg and the screw-home coupling"),
    "foot-angle": ("app_foot_angle.ipynb", "Module 1: rotation a planted foot asks of the knee"),
    "lever": ("app_lever.ipynb", "Module 2: a force on a lever"),
    "squat": ("app_squat.ipynb", "Module 2: squat, step-up, stair and running postures with joint moments"),
    "patellofemoral": ("app_patellofemoral.ipynb", "Module 3: PF force, contact area and stress vs knee angle"),
    "tracking": ("app_tracking.ipynb", "Module 4: Q-angle, VMO and dynamic valgus"),
    "pelvis": ("app_pelvis.ipynb", "Module 5: pelvic tilt and the centre of mass"),
    "foot-strike": ("app_foot_strike.ipynb", "Module 5: where the foot lands"),
    "spring": ("app_spring.ipynb", "Module 6: the spring-mass runner"),
    "load": ("app_load.ipynb", "Module 7: training load and the ACWR"),
    "planner": ("app_planner.ipynb", "Module 7: the progression planner"),
}


def voila_command(name: str, port: int = 8866) -> list:
    """The command that serves one app on 127.0.0.1."""
    if name not in APPS:
        raise ValueError(f"unknown app {name!r}; choose one of {sorted(APPS)}")
    nb = apps_folder() / APPS[name][0]
    return [sys.executable, "-m", "voila", str(nb), f"--port={int(port)}", "--no-browser",
            "--Voila.ip=127.0.0.1", "--theme=light"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kneecourse.app", description=__doc__.splitlines()[0])
    parser.add_argument("name", help="an app name, or 'list'")
    parser.add_argument("--port", type=int, default=8866)
    args = parser.parse_args(argv)
    if args.name == "list":
        for name, (_, what) in APPS.items():
            print(f"{name:15s} {what}")
        print("\nOn a Jupyter server with Voila (Binder, a hub, or `jupyter lab` started in a course folder)")
        print("the same pages are at <server>/" + page_path("<app file>", app=True) + ", for example")
        print("<server>/" + page_path(APPS["squat"][0], app=True) + "  (after an nbgitpuller link on a hub: "
              + page_path(APPS["squat"][0], HUB_FOLDER, app=True) + ")")
        print("launch links for Binder and a hub: python -m kneecourse links --hub https://<your hub>")
        print(f"app notebooks: {apps_folder()}")
        return 0
    cmd = voila_command(args.name, args.port)
    print(f"serving {args.name} at http://127.0.0.1:{args.port}  (Ctrl+C to stop)", flush=True)
    if os.name == "posix":  # become Voila: stopping this process stops Voila and its kernels
        os.execv(cmd[0], cmd)
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
