"""ipywidgets explorers, one per topic: controls -> model -> view.update()."""
from .body import LeverExplorer, SquatExplorer
from .leg import FootAngleExplorer, LegExplorer
from .load import ACWRExplorer, PlannerExplorer
from .patella import PatellofemoralExplorer, TrackingExplorer
from .pelvis import FootStrikeExplorer, PelvisExplorer
from .program import ProgramApp
from .spring import SpringMassExplorer

__all__ = [
    "LegExplorer", "FootAngleExplorer", "LeverExplorer", "SquatExplorer",
    "PatellofemoralExplorer", "TrackingExplorer", "PelvisExplorer", "FootStrikeExplorer",
    "SpringMassExplorer", "ACWRExplorer", "PlannerExplorer", "ProgramApp",
]
