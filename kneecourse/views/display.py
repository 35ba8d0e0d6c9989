"""Showing figures in any front end: interactive (ipympl) or static (an image with alt text, course site)."""
from __future__ import annotations

import base64
import html
import io
import re

__all__ = ["static_mode", "static_html", "set_static_renderer", "show", "is_widget_canvas", "describe_figure",
           "figure_html", "plain_text"]

#: How a page without a kernel draws the course's widgets: set by the course site's build
#: (:func:`kneecourse.cli.site.static_forms.install`, the first cell of each page it runs); None in a notebook.
_static_renderer = None


def set_static_renderer(render) -> None:
    """Install ``render(obj, **options) -> str`` (HTML) as the static form of every widget; None: live widgets."""
    global _static_renderer
    _static_renderer = render


def static_mode() -> bool:
    """True when the course is rendered without live widgets (the course site's build)."""
    return _static_renderer is not None


def static_html(obj, **options) -> str:
    """The static form of a question, prediction, code exercise, explorer or app (the course site's)."""
    if _static_renderer is None:
        raise RuntimeError("no static renderer installed: this is a live notebook")
    return _static_renderer(obj, **options)


def show(fig, alt: str | None = None):
    """Return something that displays ``fig``: its ipympl canvas widget when interactive, an image with alt
    text on a static page, else the figure itself (a PNG by the inline backend). Use it as a cell's last line.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    alt : str, optional
        Text alternative for the static image; by default :func:`describe_figure` writes one from the
        figure's titles, axis labels and legend entries.
    """
    canvas = fig.canvas
    if static_mode():
        from IPython.display import HTML

        return HTML(figure_html(fig, alt))
    if is_widget_canvas(canvas):
        return canvas
    return fig


def is_widget_canvas(canvas) -> bool:
    """True for an ipympl canvas (a live widget); views do not import the widget layer to ask."""
    return type(canvas).__module__.startswith("ipympl")


def plain_text(markup: str) -> str:
    """HTML as one line of plain text (tags dropped, entities decoded, spaces collapsed)."""
    text = re.sub(r"<br\s*/?>|</p>|</li>", " ", str(markup))
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\s+", " ", text).strip()


def _clean(text) -> str:
    """A matplotlib label (a Text or a str, mathtext ``$...$`` included) as plain words."""
    text = text.get_text() if hasattr(text, "get_text") else str(text)
    text = re.sub(r"\\math\w+\{([^}]*)\}", r"\1", text)  # \mathrm{mm} -> mm
    text = text.replace("^2", "²").replace("^3", "³").replace("_", " ")
    return re.sub(r"\s+", " ", re.sub(r"[$\\{}]", "", text)).strip()


def describe_figure(fig) -> str:
    """A text alternative for a figure, written from what it shows.

    For each set of axes: its title, the quantities on its axes (with units, as labelled) and the
    names of its curves and markers (legend entries), so a reader who cannot see the image knows
    what is plotted against what.

    Returns
    -------
    str
        One or more sentences; "Figure." only when the figure has no labelled axes.
    """
    parts = []
    if getattr(fig, "_suptitle", None) is not None and fig._suptitle.get_text():
        parts.append(_clean(fig._suptitle.get_text()) + ".")
    axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    many = len(axes) > 1
    for i, ax in enumerate(axes, start=1):
        title = _clean(ax.get_title() or ax.get_title("left") or ax.get_title("right"))
        labels = [_clean(a.get_label()) for a in (ax.xaxis, ax.yaxis) if _clean(a.get_label())]
        zaxis = getattr(ax, "zaxis", None)
        if zaxis is not None and _clean(zaxis.get_label()):
            labels.append(_clean(zaxis.get_label()))
        legend = ax.get_legend()
        names = [_clean(t.get_text()) for t in legend.get_texts()] if legend is not None else []
        if not names:
            names = [_clean(a.get_label()) for a in ax.get_lines() + ax.collections
                     if a.get_label() and not a.get_label().startswith("_")]
        if not (title or labels or names):
            continue
        kind = "3D view" if zaxis is not None else ("plot" if labels else "drawing")
        kind = kind[0].upper() + kind[1:]
        sentence = (f"Panel {i}: " if many else "") + (f"{kind} titled '{title}'" if title else kind)
        if len(labels) >= 2:
            sentence += f", {labels[1]} against {labels[0]}" + (f" and {labels[2]}" if len(labels) > 2 else "")
        elif labels:
            sentence += f", {labels[0]}"
        if names:
            sentence += "; shows " + ", ".join(dict.fromkeys(n for n in names if n))
        parts.append(sentence + ".")
    return " ".join(parts) or "Figure."


def figure_html(fig, alt: str | None = None, dpi: int = 96) -> str:
    """The figure as an ``<img>`` (PNG inlined) with its text alternative, for a page without a kernel."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    w, h = (int(round(v * dpi)) for v in fig.get_size_inches())
    text = describe_figure(fig) if alt is None else alt
    return (f'<img class="kc-figure" src="data:image/png;base64,{data}" width="{w}" height="{h}" '
            f'alt="{html.escape(text, quote=True)}">')
