"""kneecourse: the biomechanics behind runner's knee, as models you can move.

The public face of the course. Models are pure numpy functions in SI units
(angles in degrees); the drawing (``kneecourse.views``) and the explorers
(``kneecourse.widgets``) are imported only when first used, so
``import kneecourse`` stays fast.
"""
from __future__ import annotations

from .models.extensor import quadriceps_force, quadriceps_moment_arm
from .models.patellofemoral import (
    patellofemoral_contact_area,
    patellofemoral_force,
    patellofemoral_stress,
    pfjrf_ratio,
)
from .models.screw_home import coupled_tibial_rotation
from .models.tracking import effective_q_angle, lateral_patellar_force
from .progress import progress_report
from .safety import DISCLAIMER, RED_FLAGS
from .units import to_body_weights, to_mpa

__version__ = "0.1.0"

__all__ = [
    "coupled_tibial_rotation",
    "quadriceps_moment_arm",
    "quadriceps_force",
    "pfjrf_ratio",
    "patellofemoral_force",
    "patellofemoral_contact_area",
    "patellofemoral_stress",
    "lateral_patellar_force",
    "effective_q_angle",
    "to_body_weights",
    "to_mpa",
    "style",
    "show",
    "check_environment",
    "progress_report",
    "quiz",
    "prediction",
    "references_html",
    "red_flags_html",
    "DISCLAIMER",
    "RED_FLAGS",
]

def style(projector: bool = False) -> None:
    """Apply the course figure style; ``projector=True`` for workshops (larger text, thicker lines)."""
    from .views.style import style as _style

    _style(projector)


def show(fig, alt=None):
    """Display a figure: the interactive canvas in JupyterLab, an image with alt text on the course site."""
    from .views.display import show as _show

    return _show(fig, alt)


def check_environment(show: bool = True):
    """Check Python, packages, widget front ends and data; print ✓/✗ with fixes."""
    from .environment import check_environment as _check

    return _check(show)


def quiz(notebook: str):
    """The self-check questions of a notebook, e.g. ``kc.quiz("01_knee_is_not_a_hinge")``."""
    from .selfchecks import quiz as _quiz

    return _quiz(notebook)


def prediction(notebook: str):
    """A module's predict-then-check, e.g. ``kc.prediction("03_patellofemoral_load")``: commit a number, then ``.reveal()``."""
    from .selfchecks import prediction as _prediction

    return _prediction(notebook)


def references_html(keys) -> str:
    """HTML list of references by key (see ``data/references.json``)."""
    from .references import references_html as _refs

    return _refs(keys)


def red_flags_html() -> str:
    """The disclaimer and red-flag list as HTML for a notebook cell."""
    items = "".join(f"<li>{f}</li>" for f in RED_FLAGS)
    return (
        '<div style="border:2px solid #D55E00;padding:8px;border-radius:6px">'
        f"<b>⚠ Not medical advice.</b> {DISCLAIMER}<br><b>Stop and see a clinician if:</b><ul>{items}</ul></div>"
    )
