"""ipywidgets explorers, one per topic: controls -> model -> view.update().

``from kneecourse.widgets import SquatExplorer``. The names come from the one
list of explorers (:mod:`kneecourse.course.explorers`); each class is imported
from its module when first asked for.
"""
from __future__ import annotations

import importlib

from ..course.explorers import EXPLORERS, OTHER_WIDGETS, widget_module

__all__ = [e.cls for e in EXPLORERS] + list(OTHER_WIDGETS)


def __getattr__(name):
    try:
        module = widget_module(name)
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return getattr(importlib.import_module(f".{module}", __name__), name)


def __dir__():
    return sorted(set(globals()) | set(__all__))
