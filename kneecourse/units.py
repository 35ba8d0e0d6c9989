"""Unit conversions used for display (body weights, MPa, mm, mm²).

Models work in SI units; people expect forces in body weights (BW) and
stresses in MPa. These helpers are the one place where that conversion lives.
"""
from __future__ import annotations

from .validation import check_real

#: Standard gravity, m/s².
G = 9.81


def body_weight_n(mass_kg):
    """Body weight in newtons for a body mass in kg, 1–500 kg (``m · g``)."""
    return check_real(mass_kg, "mass_kg", "kg", 1, 500) * G


def to_body_weights(force_n, mass_kg):
    """Express a force (N) in multiples of body weight (BW).

    Parameters
    ----------
    force_n : float or array_like
        Force in N, within ±1e7 N.
    mass_kg : float
        Body mass in kg, 1–500 (a smaller "body" would give an infinite or meaningless ratio).

    Returns
    -------
    float or numpy.ndarray
        Force / (m · g), dimensionless (BW).
    """
    f = check_real(force_n, "force_n", "N", -1e7, 1e7)
    return f / body_weight_n(mass_kg)


def to_mpa(stress_pa):
    """Convert a stress from Pa to MPa."""
    return check_real(stress_pa, "stress_pa", "Pa", -1e10, 1e10) / 1e6


def to_mm(length_m):
    """Convert a length (or an array of coordinates) from m to mm."""
    return check_real(length_m, "length_m", "m", -1e4, 1e4) * 1e3


def to_mm2(area_m2):
    """Convert an area from m² to mm²."""
    return check_real(area_m2, "area_m2", "m²", 0, 1e4) * 1e6
