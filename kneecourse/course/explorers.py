"""The one list of the course's explorers.

Each explorer has an app page (a no-code notebook in ``notebooks/apps``, served by
Voila) and a control the benchmark sweeps. Everything that needs the list asks
here: the explorers' import names (:mod:`kneecourse.widgets`), the app server and
its ``list`` (``python -m kneecourse app``), the launch links, the course site's
launch bars, the benchmark, and the app notebooks themselves, which are written
from this table (``python -m kneecourse app-notebooks``; a test checks the
committed ones match).

Plain data, no imports of the widgets: reading the list costs nothing.
"""
from __future__ import annotations

from typing import NamedTuple

__all__ = ["ExplorerEntry", "EXPLORERS", "APPS", "BY_CLASS", "OTHER_WIDGETS", "app_notebook", "apps_showing",
           "widget_module"]


class ExplorerEntry(NamedTuple):
    """One explorer's line in the list: where its class lives, its app page and the control the benchmark sweeps.

    (The class itself is a :class:`kneecourse.widgets._base.Explorer`.)
    """

    app: str
    #: class name in :mod:`kneecourse.widgets`
    cls: str
    #: module of :mod:`kneecourse.widgets` defining the class
    module: str
    #: the app page's heading (also its line in ``python -m kneecourse app list``)
    title: str
    #: control swept by the benchmark and its range
    control: str
    low: float
    high: float

    @property
    def notebook(self) -> str:
        """The app notebook's file name, e.g. ``app_foot_angle.ipynb``."""
        return f"app_{self.app.replace('-', '_')}.ipynb"


EXPLORERS = (
    ExplorerEntry("leg", "LegExplorer", "leg", "Module 1: the 3D leg and the screw-home coupling",
             "knee_flexion_deg", 0.0, 140.0),
    ExplorerEntry("foot-angle", "FootAngleExplorer", "leg", "Module 1: rotation a planted foot asks of the knee",
             "foot_progression_deg", -20.0, 30.0),
    ExplorerEntry("lever", "LeverExplorer", "body", "Module 2: a force on a lever", "angle_deg", -180.0, 180.0),
    ExplorerEntry("squat", "SquatExplorer", "body",
             "Module 2: squat, step-up, stair and running postures with joint moments",
             "knee_flexion_deg", 30.0, 120.0),
    ExplorerEntry("patellofemoral", "PatellofemoralExplorer", "patella",
             "Module 3: PF force, contact area and stress vs knee angle", "knee_flexion_deg", 0.0, 120.0),
    ExplorerEntry("tracking", "TrackingExplorer", "patella", "Module 4: Q-angle, VMO and dynamic valgus",
             "hip_adduction_deg", -10.0, 20.0),
    ExplorerEntry("pelvis", "PelvisExplorer", "pelvis", "Module 5: pelvic tilt and the centre of mass",
             "pelvic_tilt_deg", -15.0, 30.0),
    ExplorerEntry("foot-strike", "FootStrikeExplorer", "pelvis", "Module 5: where the foot lands",
             "thigh_angle_deg", 0.0, 45.0),
    ExplorerEntry("spring", "SpringMassExplorer", "spring", "Module 6: the spring-mass runner",
             "step_rate_spm", 150.0, 200.0),
    ExplorerEntry("load", "ACWRExplorer", "training_load", "Module 7: training load and the ACWR",
             "spike_scale", 0.5, 2.5),
    ExplorerEntry("planner", "PlannerExplorer", "training_load", "Module 7: the progression planner",
             "max_increase", 0.05, 0.30),
)

#: app name -> explorer
APPS = {e.app: e for e in EXPLORERS}

#: class name -> explorer
BY_CLASS = {e.cls: e for e in EXPLORERS}

#: widgets that are not explorers (no app page): class name -> module of :mod:`kneecourse.widgets`
OTHER_WIDGETS = {"ProgramApp": "program"}


def widget_module(name: str) -> str:
    """The module of :mod:`kneecourse.widgets` defining the widget class ``name``."""
    for e in EXPLORERS:
        if e.cls == name:
            return e.module
    if name in OTHER_WIDGETS:
        return OTHER_WIDGETS[name]
    raise KeyError(name)


def apps_showing(explorer: str) -> list:
    """The app notebooks (file names) that show the explorer class named ``explorer``."""
    return [e.notebook for e in EXPLORERS if e.cls == explorer]


def app_notebook(explorer: ExplorerEntry) -> dict:
    """The app notebook of one explorer, as nbformat 4 JSON (cell ids fixed, so it is written the same every time)."""
    code = (f"%matplotlib widget\nimport kneecourse as kc\nfrom kneecourse.widgets import {explorer.cls}\n\n"
            f"kc.style(projector=True)\n{explorer.cls}()")
    title = f"# {explorer.title}\n\n*kneecourse app mode — educational, not medical advice.*"
    lines = lambda text: text.splitlines(keepends=True)  # noqa: E731
    return {
        "cells": [
            {"cell_type": "markdown", "id": "title", "metadata": {}, "source": lines(title)},
            {"cell_type": "code", "execution_count": None, "id": "explorer", "metadata": {}, "outputs": [],
             "source": lines(code)},
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
