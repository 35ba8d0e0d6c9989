"""Shared figure style: Okabe–Ito colours, readable fonts, a projector mode."""
from __future__ import annotations

import matplotlib as mpl
import numpy as np

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


#: the smallest figure text on a projector (px at the figure's own size): the size of the controls' text
PROJECTOR_MIN_TEXT_PX = 18.0
#: matplotlib's "small" relative to the base size (legends and in-figure notes use it)
_SMALL = 0.833


def _params(projector: bool) -> dict:
    if projector:  # every text at least PROJECTOR_MIN_TEXT_PX, whatever its relative size
        pt = PROJECTOR_MIN_TEXT_PX * 72 / 100  # px → pt at the figure's 100 dpi
        base, ticks, lines = pt / _SMALL, pt, 1.3
    else:
        base, ticks, lines = 11.0, 10.0, 1.0
    return {
        "axes.prop_cycle": mpl.cycler(color=[OKABE_ITO[k] for k in (
            "blue", "vermillion", "green", "orange", "purple", "sky", "black", "yellow")]),
        "font.size": base,
        "axes.titlesize": base * 12 / 11,
        "axes.labelsize": base,
        "xtick.labelsize": ticks,
        "ytick.labelsize": ticks,
        "legend.fontsize": ticks,
        "lines.linewidth": 2.0 * lines,
        "lines.markersize": 7 * lines,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
        "figure.autolayout": False,
    }


#: the figure box of an app page in projector mode (px): a 1024×768 screen less the controls column (the
#: figure is drawn at this size on a 1280×720 screen too)
PROJECTOR_FIGURE_BOX_PX = (860, 400)
#: the box of a tall figure (width/height below :data:`TALL_ASPECT`): the controls stay beside it on both screens
PROJECTOR_TALL_FIGURE_BOX_PX = (500, 520)
TALL_ASPECT = 1.25


def figure_size(figsize) -> tuple:
    """The figure size (inches) to draw at: as given, or scaled to fill the app page's box in projector mode.

    Parameters
    ----------
    figsize : (float, float)
        Width and height (in) the explorer is designed at.

    Returns
    -------
    (float, float)
        In projector mode the largest size with the same shape that fits
        :data:`PROJECTOR_FIGURE_BOX_PX` (:data:`PROJECTOR_TALL_FIGURE_BOX_PX` for a tall one) at the figure's dpi.
    """
    w, h = figsize
    if not _state["projector"]:
        return (w, h)
    dpi = mpl.rcParams["figure.dpi"]
    box = PROJECTOR_TALL_FIGURE_BOX_PX if w / h < TALL_ASPECT else PROJECTOR_FIGURE_BOX_PX
    scale = min(box[0] / (w * dpi), box[1] / (h * dpi))
    return (w * scale, h * scale)


#: the workshop switch: set to 1 before starting JupyterLab and every notebook's ``kc.style()`` is projector style
PROJECTOR_VARIABLE = "KNEECOURSE_PROJECTOR"
_ON, _OFF = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def projector_from_environment() -> bool:
    """Whether :data:`PROJECTOR_VARIABLE` asks for projector style (1/true/yes/on; unset or 0/false/no/off: no).

    Any other value is read as off, with a warning that names the variable and the values it takes.
    """
    import os
    import warnings

    value = os.environ.get(PROJECTOR_VARIABLE, "").strip().lower()
    if value in _ON:
        return True
    if value not in _OFF:
        warnings.warn(f"{PROJECTOR_VARIABLE}={value!r} is not a switch: use 1 (projector style) or 0; using 0",
                      RuntimeWarning, stacklevel=3)
    return False


def style(projector: bool | None = None) -> None:
    """Apply the course figure style to matplotlib.

    Parameters
    ----------
    projector : bool, optional
        Larger text and thicker lines for a workshop projector. Default: the workshop switch, the
        environment variable :data:`PROJECTOR_VARIABLE` (``KNEECOURSE_PROJECTOR=1 jupyter lab``).
    """
    if projector is None:
        projector = projector_from_environment()
    if not isinstance(projector, bool):
        raise TypeError(f"projector must be True or False, got {projector!r}")
    mpl.rcParams.update(_params(projector))
    _state["projector"] = projector


def smallest_text_px(fig) -> float:
    """The size (px, at the figure's own size) of the smallest text a reader sees on ``fig``.

    Every visible, non-empty text counts: titles, axis and tick labels, legends, notes in the axes.

    Parameters
    ----------
    fig : matplotlib.figure.Figure

    Returns
    -------
    float
        Font size in px (``inf`` for a figure without text).
    """
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    for ax in fig.axes:  # tick labels are made as they are drawn: the axis knows their size
        if ax.get_visible():
            for axis in ax._axis_map.values():
                if axis.get_visible() and len(axis.get_ticklocs()) and axis.majorTicks[0].label1.get_visible():
                    sizes.append(axis.majorTicks[0].label1.get_fontsize())
    return min(sizes) * fig.dpi / 72 if sizes else float("inf")


def is_projector() -> bool:
    """True when projector mode is on."""
    return _state["projector"]


_NICE = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceiling(value: float) -> float:
    """The smallest "round" axis limit (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k) at or above ``value``.

    A view that fits an axis to its data takes its limit from here: the limit is a function of the data
    alone (not of the states shown before), and few distinct limits mean few fixed layers to draw.

    Parameters
    ----------
    value : float
        A positive number (an axis's data maximum, with any margin).
    """
    if not np.isfinite(value) or value <= 0:
        return 1.0
    k = np.floor(np.log10(value))
    m = value / 10.0**k
    return float(next(n for n in _NICE if n >= m - 1e-9) * 10.0**k)


def force_arrow(ax, color, lw=2.5, style="-|>"):
    """An arrow a view moves with ``.xy`` (head) and ``.xyann`` (tail), in data coordinates.

    It runs exactly from tail to head (no shrinking at either end, no text box to clip against), which
    is also what makes it cheap to lay out for every frame of an explorer's table.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    color : str
    lw : float, optional
        Line width (pt).
    style : str, optional
        matplotlib arrow style.

    Returns
    -------
    matplotlib.text.Annotation
    """
    return ax.annotate("", (0, 0), (0, 0), annotation_clip=False,
                       arrowprops=dict(arrowstyle=style, lw=lw, color=color, shrinkA=0, shrinkB=0, patchA=None))


def legend_below(ax, ncols=None, twins=()):
    """Put an axes' legend under the figure, aligned with the axes, where it cannot cover the drawing.

    Explorers redraw their artists anywhere inside the axes as the sliders move, so a legend
    inside the axes always covers something at some setting. The legend becomes a figure
    legend at ``outside lower left|center|right`` (constrained layout makes room for it);
    the side follows the axes' columns in its grid.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes whose labelled artists the legend lists.
    ncols : int, optional
        Columns of entries; by default up to 4 under a full-width axes, 2 otherwise.
    twins : sequence of matplotlib.axes.Axes, optional
        Axes sharing ``ax``'s place (``twinx``) whose entries join its legend.

    Returns
    -------
    matplotlib.legend.Legend
    """
    handles, labels = ax.get_legend_handles_labels()
    for twin in twins:
        more = twin.get_legend_handles_labels()
        handles, labels = handles + more[0], labels + more[1]
    spec = ax.get_subplotspec()
    grid_cols = spec.get_gridspec().ncols
    cols = spec.colspan
    if cols.start == 0 and cols.stop == grid_cols:
        side, share = "center", 1.0
    else:  # beside another axes: this legend may use its share of the width
        side, share = ("left" if cols.start == 0 else "right"), 0.5
    if ncols is None:
        ncols = _legend_columns(labels, share * ax.figure.get_figwidth())
    return ax.figure.legend(handles, labels, loc=f"outside lower {side}", ncols=ncols,
                            fontsize="small", frameon=False)


def _legend_columns(labels, width_in: float, most: int = 4) -> int:
    """How many legend columns fit ``width_in`` inches (an estimate from the label lengths)."""
    from matplotlib.font_manager import FontProperties

    pt = FontProperties(size="small").get_size_in_points()
    entry_in = [(0.55 * len(t) + 4.5) * pt / 72 for t in labels]  # text + handle + gaps
    for n in range(min(most, len(labels)), 1, -1):
        rows = [entry_in[i::n] for i in range(n)]
        if sum(max(r) for r in rows if r) <= width_in:
            return n
    return 1
