"""kneecourse: the biomechanics behind runner's knee, as models you can move.

The public face of the course: what a notebook needs is here, as ``kc.<name>``
after ``import kneecourse as kc`` (explorers: ``from kneecourse.widgets import …``;
drawing helpers: ``from kneecourse.views import …``). Models are pure numpy
functions in SI units (angles in degrees). Drawing, explorers, self-checks and
the environment check are imported only when first used, so
``import kneecourse`` stays fast.
"""
from __future__ import annotations

from . import models
from .dataio.exercises import EVIDENCE_GRADES, exercise_library
from .dataio.plan_export import export_plan, plan_rows
from .dataio.tables import load_table
from .dataio.training_log import parse_training_log, sample_log
from .dataio.watch_files import daily_distance_km, read_runs, sample_runs_folder
from .models import *  # noqa: F403 - the models' own explicit list (models.__all__)
from .runner import RUNNER, Runner
from .safety import DISCLAIMER, RED_FLAG_QUESTIONS, RED_FLAGS, red_flag_screen, red_flags_html
from .units import G, body_weight_n, to_body_weights, to_mm, to_mm2, to_mpa

__version__ = "0.1.0"

__all__ = [
    *models.__all__,
    # your own data: tables, training logs, watch files, the printed plan
    "load_table", "sample_log", "parse_training_log", "read_runs", "sample_runs_folder", "daily_distance_km",
    "plan_rows", "export_plan", "exercise_library", "EVIDENCE_GRADES",
    # the course's reference runner; units
    "RUNNER", "Runner", "G", "body_weight_n", "to_body_weights", "to_mpa", "to_mm", "to_mm2",
    # safety
    "DISCLAIMER", "RED_FLAGS", "RED_FLAG_QUESTIONS", "red_flag_screen", "red_flags_html",
    # figures, self-checks, references, the set-up
    "style", "show", "quiz", "prediction", "capstone_cases", "progress_report", "references_html",
    "check_environment", "class_view_switch",
]


def style(projector: bool | None = None) -> None:
    """Apply the course figure style; ``projector=True`` for workshops (larger text, thicker lines).

    By default the workshop switch decides: ``KNEECOURSE_PROJECTOR=1 jupyter lab`` puts every notebook in
    projector style."""
    from .views.style import style as _style

    _style(projector)


def show(fig, alt=None):
    """Display a figure: the interactive canvas in JupyterLab, an image with alt text on the course site."""
    from .views.display import show as _show

    return _show(fig, alt)


def check_environment(show: bool = True):
    """Check Python, packages, widget front ends and data; print ✓/✗ with fixes."""
    from .cli.environment import check_environment as _check

    return _check(show)


def quiz(notebook: str):
    """The self-check questions of a notebook, e.g. ``kc.quiz("01_knee_is_not_a_hinge")``."""
    from .selfcheck.bank import quiz as _quiz

    return _quiz(notebook)


def prediction(notebook: str):
    """A module's predict-then-check, e.g. ``kc.prediction("03_patellofemoral_load")``.

    Commit a number first, then ``.reveal()`` the model's.
    """
    from .selfcheck.bank import prediction as _prediction

    return _prediction(notebook)


def class_view_switch():
    """The switch that shares your predictions and answers, without your name, with a workshop's class view
    (only on a hub that runs one; see :mod:`kneecourse.selfcheck.sharing`)."""
    from .selfcheck.sharing import switch as _switch

    return _switch()


def capstone_cases() -> dict:
    """The capstone's three runners, with the numbers the course's models give for each."""
    from .selfcheck.bank import capstone_cases as _cases

    return _cases()


def progress_report(store=None, *, show: bool = True) -> dict:
    """Your answered self-checks per notebook (see :func:`kneecourse.selfcheck.report.progress_report`)."""
    from .selfcheck.report import progress_report as _report

    return _report(store, show=show)


def references_html(keys) -> str:
    """HTML list of references by key (see ``data/references.json``)."""
    from .dataio.references import references_html as _refs

    return _refs(keys)
