"""Unit conversions used for display (body weights, MPa, mm).

Models work in SI units; people expect forces in body weights (BW) and
stresses in MPa. These helpers are the one place where that conversion lives.
"""
from __future__ import annotations

from .validation import check_real

#: Standard gravity, m/s².
G = 9.81


def body_weight_n(mass_kg):
    """Body weight in newtons for a mass in kg (``m · g``)."""
    return check_real(mass_kg, "mass_kg", "kg", 0, 500, low_open=True) * G


def to_body_weights(force_n, mass_kg):
    """Express a force (N) in multiples of body weight (BW).

    Parameters
    ----------
    force_n : float or array_like
        Force in N, within ±1e7 N.
    mass_kg : float
        Body mass in kg, (0, 500].

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
