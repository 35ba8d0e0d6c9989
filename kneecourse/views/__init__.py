"""Matplotlib drawing. Each view builds its artists once and updates them in place.

Notebooks import drawing helpers from here: ``from kneecourse.views import StickFigureView``.
"""
from .body import StickFigureView
from .leg import draw_articulations
from .pelvis import segment_mass_bars
from .style import COLORS, OKABE_ITO, style

__all__ = ["COLORS", "OKABE_ITO", "style", "draw_articulations", "StickFigureView", "segment_mass_bars"]
