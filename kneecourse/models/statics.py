"""Planar statics: moments of forces, resultants and free-body checks.

Sign convention: x forward, y up, moments about the z axis counter-clockwise
positive (right-hand rule, the figure seen from the runner's right side).
The moment of a force F applied at point P about point O is
``M = (P − O) × F = (Px − Ox)·Fy − (Py − Oy)·Fx``.
"""
from __future__ import annotations

import numpy as np

from ..validation import check_real, scalar_or_array

__all__ = ["moment_about", "moment_arm", "resultant", "free_body_residual", "force_on_lever"]


#: plausible bounds for a body-scale problem: positions within 1 km, forces within 10 MN
_LIMITS = {"m": 1e3, "N": 1e7}


def _vec2(value, name, unit):
    lim = _LIMITS[unit]
    v = check_real(value, name, unit, -lim, lim)
    v = np.asarray(v, float)
    if v.shape[-1:] != (2,):
        raise ValueError(f"{name} must have 2 components (x, y) in {unit}, got shape {v.shape}")
    return v


def moment_about(point_m, force_n, about_m=(0.0, 0.0)):
    """Moment (N·m) of a force applied at a point, about another point.

    Parameters
    ----------
    point_m : array_like, shape (..., 2)
        Where the force acts (m).
    force_n : array_like, shape (..., 2)
        The force (N).
    about_m : array_like, shape (..., 2), optional
        The pivot (m); default the origin.

    Returns
    -------
    float or numpy.ndarray
        Counter-clockwise positive moment, N·m.

    Examples
    --------
    A 100 N downward force 0.3 m in front of the pivot turns it clockwise:

    >>> moment_about((0.3, 0.0), (0.0, -100.0))
    -30.0
    """
    p = _vec2(point_m, "point_m", "m")
    f = _vec2(force_n, "force_n", "N")
    o = _vec2(about_m, "about_m", "m")
    return scalar_or_array(cross_moment(p, f, o))


def cross_moment(p, f, o):
    """``(p − o) × f`` for (2,) points and forces already checked (the models' inner loop)."""
    return (p[..., 0] - o[..., 0]) * f[..., 1] - (p[..., 1] - o[..., 1]) * f[..., 0]


def moment_arm(point_m, force_n, about_m=(0.0, 0.0)):
    """Perpendicular distance (m) from the pivot to the force's line of action.

    Returns
    -------
    float or numpy.ndarray
        ``|M| / |F|``, m. A zero force raises ValueError (no line of action).
    """
    f = _vec2(force_n, "force_n", "N")
    mag = np.hypot(f[..., 0], f[..., 1])
    if np.any(mag == 0):
        raise ValueError("force_n = (0, 0) N has no line of action; give a non-zero force")
    arm = np.abs(moment_about(point_m, f, about_m)) / mag
    return scalar_or_array(arm)


def resultant(points_m, forces_n, about_m=(0.0, 0.0)):
    """Resultant force (N) and its moment (N·m) about a point for several forces.

    Parameters
    ----------
    points_m, forces_n : array_like, shape (n, 2)

    Returns
    -------
    force : numpy.ndarray, shape (2,)
    moment : float
    """
    p = np.atleast_2d(_vec2(points_m, "points_m", "m"))
    f = np.atleast_2d(_vec2(forces_n, "forces_n", "N"))
    if p.shape != f.shape:
        raise ValueError(f"points_m {p.shape} and forces_n {f.shape} must have the same shape")
    return f.sum(0), float(np.sum(moment_about(p, f, about_m)))


def free_body_residual(points_m, forces_n, about_m=(0.0, 0.0)):
    """Relative imbalance of a free body: (|ΣF| / Σ|F|, |ΣM| / Σ|M_i|).

    Both are 0 for a body in static equilibrium; use them to check a model.
    """
    p = np.atleast_2d(_vec2(points_m, "points_m", "m"))
    f = np.atleast_2d(_vec2(forces_n, "forces_n", "N"))
    total_f, total_m = resultant(p, f, about_m)
    scale_f = np.sum(np.hypot(f[:, 0], f[:, 1]))
    scale_m = np.sum(np.abs(moment_about(p, f, about_m)))
    rf = float(np.hypot(*total_f) / scale_f) if scale_f else 0.0
    rm = float(abs(total_m) / scale_m) if scale_m else 0.0
    return rf, rm


def force_on_lever(force_n, angle_deg, distance_m):
    """A force pulling on a horizontal lever pinned at the origin: its moment and moment arm.

    Parameters
    ----------
    force_n : float
        Size of the force, 0–10 MN.
    angle_deg : float
        Direction of the force from the lever, −360 to 360° (90° pulls straight up).
    distance_m : float
        Where the force acts along the lever from the pivot, −1000 to 1000 m.

    Returns
    -------
    dict
        ``point_m`` (where it acts, (2,) m), ``force_n`` (the force vector, (2,) N),
        ``moment_nm`` (counter-clockwise positive) and ``moment_arm_m`` (0 for no force:
        it has no line of action).
    """
    size = check_real(force_n, "force_n", "N", 0, _LIMITS["N"], array=False)
    angle = check_real(angle_deg, "angle_deg", "deg", -360, 360, array=False)
    x = check_real(distance_m, "distance_m", "m", -_LIMITS["m"], _LIMITS["m"], array=False)
    a = np.radians(angle)
    force = np.array([np.cos(a), np.sin(a)]) * size
    point = np.array([x, 0.0])
    return {"point_m": point, "force_n": force, "moment_nm": moment_about(point, force),
            "moment_arm_m": moment_arm(point, force) if size > 0 else 0.0}
