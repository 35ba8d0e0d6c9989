"""Matplotlib drawing. Each view builds its artists once and updates them in place."""
from .style import COLORS, OKABE_ITO, style

__all__ = ["COLORS", "OKABE_ITO", "style"]
