"""Screw-home mechanism: tibial axial rotation coupled to knee flexion.

The knee is not a hinge: as it flexes, the tibia rotates internally relative
to the femur (and, read the other way, extending the knee "screws home" the
tibia into external rotation, most of it in the last 20–30°). The coupling
follows Walker et al. (1988) [walker1988] as used in the OpenSim knee of
Rajagopal et al. (2016) [rajagopal2016]. The range of axial rotation that is
*available* on top of that coupling grows with flexion (Neumann 2017
[neumann2017]).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..dataio.tables import load_table
from ..validation import check_real, scalar_or_array
from .pchip import Pchip

__all__ = [
    "FLEXION_RANGE_DEG",
    "coupled_tibial_rotation",
    "axial_rotation_envelope",
    "stance_knee_flexion",
    "tibial_rotation_demand",
    "stance_rotation_demand",
    "THIGH_FOOT_ANGLE_DEG",
]

#: Flexion range (deg) over which the coupling is defined.
FLEXION_RANGE_DEG = (0.0, 140.0)


@lru_cache(maxsize=1)
def _walker_curve() -> Pchip:
    t = load_table("screw_home_walker1988.csv")
    return Pchip(t["knee_flexion"], t["tibial_internal_rotation"])


def coupled_tibial_rotation(knee_flexion_deg):
    """Tibial internal rotation coupled to knee flexion (screw-home mechanism).

    A monotone cubic (PCHIP) curve through the Walker et al. (1988) table
    [walker1988]: 0, 3.4, 6.3, 8.6, 13.2, 14.9, 15.0° at 0, 10, 20, 30, 60,
    90, 120° of flexion. It passes through every published point, never
    overshoots between them and never decreases. Beyond 120° (where the
    published data have levelled off) it is held at 15.0°.

    Parameters
    ----------
    knee_flexion_deg : float or array_like
        Knee flexion in degrees, 0 (full extension) to 140.

    Returns
    -------
    float or numpy.ndarray
        Tibial internal rotation relative to full extension, degrees.

    Raises
    ------
    ValueError
        If any flexion is NaN, infinite or outside 0–140°.
    TypeError
        If the input is not numeric.

    Examples
    --------
    >>> round(coupled_tibial_rotation(30.0), 1)
    8.6
    """
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", *FLEXION_RANGE_DEG)
    out = _walker_curve()(theta)
    return scalar_or_array(out)


def axial_rotation_envelope(knee_flexion_deg, total_range_deg=45.0, external_share=2 / 3):
    """Limits of passive tibial axial rotation around the coupled position.

    Neumann (2017) [neumann2017] describes axial rotation that is close to zero
    with the knee fully extended (the knee is locked) and reaches about
    40–50° in total near 90° of flexion, external rotation being about twice
    internal. This model grows the available range as ``sin(flexion)`` up to
    90° and holds it beyond (a smooth assumption that meets those two
    anchor points); ``total_range_deg`` lets the learner make a stiff knee.

    Parameters
    ----------
    knee_flexion_deg : float or array_like
        Knee flexion, 0–140°.
    total_range_deg : float, optional
        Total axial range available at 90° flexion, 0–60°. Default 45°.
    external_share : float, optional
        Share of that range in external rotation, 0–1. Default 2/3.

    Returns
    -------
    external_limit_deg, internal_limit_deg : float or numpy.ndarray
        The most external and the most internal tibial rotation that can be
        reached, in the same sign as :func:`coupled_tibial_rotation`
        (internal positive), so ``external_limit <= coupled <= internal_limit``.
    """
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", *FLEXION_RANGE_DEG)
    total = check_real(total_range_deg, "total_range_deg", "deg", 0, 60, array=False)
    share = check_real(external_share, "external_share", "", 0, 1, array=False)
    grow = np.sin(np.radians(np.minimum(theta, 90.0)))
    available = total * grow
    centre = coupled_tibial_rotation(theta)
    return centre - share * available, centre + (1 - share) * available


def stance_knee_flexion(stance_fraction, contact_deg=20.0, peak_deg=45.0, toe_off_deg=15.0):
    """Knee flexion during running stance as a smooth bump.

    A simple shape for teaching: flexion goes from ``contact_deg`` at touchdown
    to ``peak_deg`` at mid-stance and back to ``toe_off_deg`` at take-off,
    following half-cosine ramps. Typical running values are about 20° at
    contact and 40–45° at mid-stance (Heiderscheit et al. 2011
    [heiderscheit2011] report this range of peak stance flexion).

    Parameters
    ----------
    stance_fraction : float or array_like
        0 (touchdown) to 1 (take-off).
    contact_deg, peak_deg, toe_off_deg : float
        Knee flexion at the three instants, 0–140°; ``peak_deg`` must be the largest.

    Returns
    -------
    float or numpy.ndarray
        Knee flexion, degrees.
    """
    s = check_real(stance_fraction, "stance_fraction", "", 0, 1)
    c = check_real(contact_deg, "contact_deg", "deg", *FLEXION_RANGE_DEG, array=False)
    p = check_real(peak_deg, "peak_deg", "deg", max(c, 0), FLEXION_RANGE_DEG[1], array=False)
    t = check_real(toe_off_deg, "toe_off_deg", "deg", 0, p, array=False)
    first = c + (p - c) * 0.5 * (1 - np.cos(np.pi * np.minimum(s, 0.5) / 0.5))
    second = p + (t - p) * 0.5 * (1 - np.cos(np.pi * (np.maximum(s, 0.5) - 0.5) / 0.5))
    out = np.where(s <= 0.5, first, second)
    return scalar_or_array(out)


#: Normal adult thigh–foot angle (deg): the foot's turn-out from external tibial torsion [staheli1985].
THIGH_FOOT_ANGLE_DEG = 10.0


def tibial_rotation_demand(foot_progression_deg, knee_flexion_deg, foot_share=0.5,
                           total_range_deg=45.0, external_share=2 / 3, thigh_foot_angle_deg=THIGH_FOOT_ANGLE_DEG,
                           hip_external_rotation_deg=0.0):
    """How much axial rotation the knee must supply for a foot planted at an angle (illustrative).

    Assumptions (stated for the learner): the foot is planted at a foot
    progression angle ``φ`` (toe-out positive) and does not spin. With the
    knee at neutral rotation the foot does not point where the thigh points:
    normal external tibial torsion turns it out by the thigh–foot angle
    (about 10° in adults, range −5 to +30° [staheli1985]), and a hip turned
    out by ``hip_external_rotation_deg`` turns the whole leg with it. So the
    foot's neutral direction is ``φ0 = thigh–foot angle + hip external
    rotation`` and only the mismatch ``φ − φ0`` has to be taken up below the
    hip. The foot–ankle complex takes a share ``foot_share`` of the mismatch
    and the knee the rest, so the tibia sits at ``−(1 − foot_share)·(φ − φ0)``
    of internal rotation relative to the femur. The
    screw-home coupling already provides :func:`coupled_tibial_rotation` of
    internal rotation at that flexion; the knee has to add the difference, and
    anything beyond the :func:`axial_rotation_envelope` is a *shortfall* that
    other joints (foot, hip) or the tissues must absorb.

    Parameters
    ----------
    foot_progression_deg : float or array_like
        Foot angle at contact, toe-out positive, −40 to 40°.
    knee_flexion_deg : float or array_like
        Knee flexion, 0–140° (broadcast with the foot angle).
    foot_share : float, optional
        Share of the foot angle taken below the knee, 0–1. Default 0.5.
    total_range_deg, external_share : float, optional
        Passed to :func:`axial_rotation_envelope`.
    thigh_foot_angle_deg : float, optional
        Foot direction relative to the thigh at neutral knee rotation (external
        tibial torsion), −20 to 40°; default 10° [staheli1985].
    hip_external_rotation_deg : float, optional
        Rotation of the whole leg at the hip, external positive, −40 to 40°.

    Returns
    -------
    dict
        ``required_deg`` (tibial internal rotation needed), ``coupled_deg``,
        ``extra_deg`` (required − coupled: what the knee adds beyond its
        coupling), ``shortfall_deg`` (≥ 0, beyond the available range),
        ``within`` (bool) and the available range ``lower_deg``, ``upper_deg``,
        all broadcast to a common shape.
    """
    phi = check_real(foot_progression_deg, "foot_progression_deg", "deg", -40, 40)
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", *FLEXION_RANGE_DEG)
    share = check_real(foot_share, "foot_share", "", 0, 1, array=False)
    tfa = check_real(thigh_foot_angle_deg, "thigh_foot_angle_deg", "deg", -20, 40, array=False)
    hip = check_real(hip_external_rotation_deg, "hip_external_rotation_deg", "deg", -40, 40, array=False)
    try:
        phi, theta = np.broadcast_arrays(np.asarray(phi, float), np.asarray(theta, float))
    except ValueError:
        raise ValueError(f"foot_progression_deg (shape {np.shape(phi)}) and knee_flexion_deg (shape "
                         f"{np.shape(theta)}) must broadcast to one shape: give one of them as a single number "
                         "or both with the same length") from None
    required = -(1 - share) * (phi - tfa - hip)
    coupled = coupled_tibial_rotation(theta)
    lo, hi = axial_rotation_envelope(theta, total_range_deg, external_share)
    shortfall = np.maximum(lo - required, 0) + np.maximum(required - hi, 0)
    return {
        "required_deg": required,
        "coupled_deg": np.asarray(coupled, float),
        "extra_deg": required - coupled,
        "shortfall_deg": shortfall,
        "within": shortfall <= 1e-12,
        "lower_deg": lo,
        "upper_deg": hi,
    }


def stance_rotation_demand(foot_progression_deg, stance_fraction, peak_deg=45.0, foot_share=0.5,
                           total_range_deg=45.0, thigh_foot_angle_deg=THIGH_FOOT_ANGLE_DEG,
                           hip_external_rotation_deg=0.0, contact_deg=20.0, toe_off_deg=15.0):
    """:func:`tibial_rotation_demand` through a running stance (:func:`stance_knee_flexion`).

    Parameters
    ----------
    foot_progression_deg : float
        Foot angle at contact, toe-out positive, −40 to 40°.
    stance_fraction : float or array_like
        Instants of stance, 0 (touchdown) to 1 (toe-off).
    peak_deg, contact_deg, toe_off_deg : float, optional
        The stance knee-flexion bump (:func:`stance_knee_flexion`).
    foot_share, total_range_deg, thigh_foot_angle_deg, hip_external_rotation_deg : float, optional
        As for :func:`tibial_rotation_demand`.

    Returns
    -------
    dict
        What :func:`tibial_rotation_demand` returns at each instant, and
        ``knee_flexion_deg`` there.
    """
    theta = stance_knee_flexion(stance_fraction, contact_deg=contact_deg, peak_deg=peak_deg,
                                toe_off_deg=toe_off_deg)
    d = tibial_rotation_demand(foot_progression_deg, theta, foot_share, total_range_deg,
                               thigh_foot_angle_deg=thigh_foot_angle_deg,
                               hip_external_rotation_deg=hip_external_rotation_deg)
    d["knee_flexion_deg"] = np.asarray(theta, float)
    return d
