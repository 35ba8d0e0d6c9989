"""Shared figure style: Okabe–Ito colours, readable fonts, a projector mode."""
from __future__ import annotations

import matplotlib as mpl

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}

#: Semantic colours used across the course so a colour means the same thing everywhere.
COLORS = {
    "bone": "#7f7f7f",
    "femur": OKABE_ITO["blue"],
    "tibia": OKABE_ITO["vermillion"],
    "fibula": OKABE_ITO["orange"],
    "patella": OKABE_ITO["green"],
    "foot": OKABE_ITO["purple"],
    "sky": OKABE_ITO["sky"],
    "force": OKABE_ITO["vermillion"],
    "moment_arm": OKABE_ITO["blue"],
    "model": OKABE_ITO["blue"],
    "published": OKABE_ITO["vermillion"],
    "current": OKABE_ITO["orange"],
    "com": OKABE_ITO["black"],
    "safe": OKABE_ITO["green"],
    "caution": OKABE_ITO["yellow"],
    "danger": OKABE_ITO["vermillion"],
}

_state = {"projector": False}


def _params(projector: bool) -> dict:
    scale = 1.45 if projector else 1.0
    return {
        "axes.prop_cycle": mpl.cycler(color=[OKABE_ITO[k] for k in (
            "blue", "vermillion", "green", "orange", "purple", "sky", "black", "yellow")]),
        "font.size": 11 * scale,
        "axes.titlesize": 12 * scale,
        "axes.labelsize": 11 * scale,
        "xtick.labelsize": 10 * scale,
        "ytick.labelsize": 10 * scale,
        "legend.fontsize": 10 * scale,
        "lines.linewidth": 2.0 * scale,
        "lines.markersize": 7 * scale,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
        "figure.autolayout": False,
    }


def style(projector: bool = False) -> None:
    """Apply the course figure style to matplotlib.

    Parameters
    ----------
    projector : bool, optional
        Larger text and thicker lines for a workshop projector.
    """
    if not isinstance(projector, bool):
        raise TypeError(f"projector must be True or False, got {projector!r}")
    mpl.rcParams.update(_params(projector))
    _state["projector"] = projector


def is_projector() -> bool:
    """True when projector mode is on."""
    return _state["projector"]
