"""Showing figures in any front end: interactive (ipympl) or static (inline PNG, HTML export)."""
from __future__ import annotations

import os

__all__ = ["static_mode", "show"]


def static_mode() -> bool:
    """True when the course is rendered without live widgets (``KNEECOURSE_STATIC=1``, set by the
    static HTML export) or when matplotlib's canvas is not an interactive widget."""
    return os.environ.get("KNEECOURSE_STATIC", "") not in ("", "0")


def show(fig):
    """Return something that displays ``fig``: its ipympl canvas widget when interactive, else the figure
    itself (rendered as a PNG by the inline backend). Use it as the last line of a cell."""
    canvas = fig.canvas
    try:
        import ipywidgets as W

        if isinstance(canvas, W.DOMWidget) and not static_mode():
            return canvas
    except ImportError:  # pragma: no cover - ipywidgets is a dependency
        pass
    return fig
