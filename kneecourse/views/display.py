"""Showing figures in any front end: interactive (ipympl) or static (inline PNG, HTML export)."""
from __future__ import annotations

import os

__all__ = ["static_mode", "show", "is_widget_canvas"]


def static_mode() -> bool:
    """True when the course is rendered without live widgets (``KNEECOURSE_STATIC=1``, set by the
    static HTML export) or when matplotlib's canvas is not an interactive widget."""
    return os.environ.get("KNEECOURSE_STATIC", "") not in ("", "0")


def show(fig):
    """Return something that displays ``fig``: its ipympl canvas widget when interactive, else the figure
    itself (rendered as a PNG by the inline backend). Use it as the last line of a cell."""
    canvas = fig.canvas
    if is_widget_canvas(canvas) and not static_mode():
        return canvas
    return fig


def is_widget_canvas(canvas) -> bool:
    """True for an ipympl canvas (a live widget); views do not import the widget layer to ask."""
    return type(canvas).__module__.startswith("ipympl")
