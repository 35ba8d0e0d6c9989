"""ipywidgets explorers, one per topic: controls -> model -> view.update()."""
from .body import LeverExplorer, SquatExplorer
from .leg import FootAngleExplorer, LegExplorer
from .patella import PatellofemoralExplorer, TrackingExplorer

__all__ = [
    "LegExplorer", "FootAngleExplorer", "LeverExplorer", "SquatExplorer",
    "PatellofemoralExplorer", "TrackingExplorer",
]
