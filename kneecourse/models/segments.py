"""Body segments from published tables: masses, lengths, centres of mass.

Mass fractions and centre-of-mass positions come from Winter (2009) Table 4.1
(Dempster's data) [winter2009, dempster1955], or de Leva (1996) [deleva1996]
for comparison; segment lengths and landmark heights as fractions of standing
height from Drillis & Contini (1966) [drillis1966].
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from ..dataio.tables import load_table
from ..runner import RUNNER
from ..validation import check, check_choice, check_real

__all__ = ["TABLES", "segment_table", "proportions", "Anthropometry", "anthropometry", "center_of_mass"]

#: Segment tables that can be used.
TABLES = {"winter": "segments_winter2009.csv", "deleva": "segments_deleva1996.csv"}


@cache
def segment_table(table: str = "winter") -> dict:
    """Segment name -> {mass_fraction, com_from_proximal, radius_of_gyration, sides, whole_body}."""
    check_choice(table, "table", TABLES)
    t = load_table(TABLES[table])
    return {r["segment"]: {k: v for k, v in r.items() if k != "segment"} for r in t.rows()}


@cache
def proportions() -> dict:
    """Drillis & Contini fractions of standing height: name -> fraction."""
    t = load_table("body_proportions_drillis_contini.csv")
    return dict(zip(t["name"], t["fraction_of_height"].tolist()))


@dataclass(frozen=True)
class Anthropometry:
    """Lengths (m) and masses (kg) of the segments used by the sagittal models."""

    height_m: float
    mass_kg: float
    thigh_m: float
    shank_m: float
    foot_m: float
    ankle_height_m: float
    trunk_m: float  # hip (greater trochanter) to shoulder
    head_neck_m: float  # shoulder to vertex
    upper_arm_m: float
    forearm_m: float
    hand_m: float
    pelvis_m: float  # hip to L4/L5 (assumed 0.10 H, see notes)
    masses: dict
    com_fractions: dict


def anthropometry(height_m=RUNNER.height_m, mass_kg=RUNNER.mass_kg, table: str = "winter") -> Anthropometry:
    """Segment lengths and masses for a body of the given height and mass.

    Parameters
    ----------
    height_m : float
        Standing height, 1.2–2.2 m.
    mass_kg : float
        Body mass, 30–200 kg.
    table : {"winter", "deleva"}
        Which mass / centre-of-mass table to use (lengths always come from
        Drillis & Contini).

    Notes
    -----
    The pelvis length (greater trochanter to L4/L5) is not in the tables; it is
    taken as 0.10 H, an assumption that only matters for the pelvic-tilt model.
    """
    h = check(height_m, "height_m", array=False)
    m = check(mass_kg, "mass_kg", array=False)
    p = proportions()
    seg = segment_table(table)
    masses = {k: v["mass_fraction"] * m for k, v in seg.items()}
    coms = {k: v["com_from_proximal"] for k, v in seg.items()}
    return Anthropometry(
        height_m=h, mass_kg=m,
        thigh_m=p["thigh"] * h, shank_m=p["shank"] * h, foot_m=p["foot"] * h,
        ankle_height_m=p["ankle"] * h, trunk_m=(p["shoulder"] - p["hip"]) * h,
        head_neck_m=(p["vertex"] - p["shoulder"]) * h,
        upper_arm_m=p["upper_arm"] * h, forearm_m=p["forearm"] * h, hand_m=p["hand"] * h,
        pelvis_m=0.10 * h, masses=masses, com_fractions=coms,
    )


def center_of_mass(points, masses):
    """Mass-weighted mean of points.

    Parameters
    ----------
    points : array_like, shape (n, d)
        Centres of mass of the parts (m), within 1 km of the origin.
    masses : array_like, shape (n,)
        Their masses (kg), non-negative with a positive sum.

    Returns
    -------
    numpy.ndarray, shape (d,)
    """
    m = check_real(np.atleast_1d(masses), "masses", "kg", 0, 1e4)
    if m.ndim != 1:
        raise ValueError(f"masses must be one mass per point: got shape {m.shape}, expected (n,)")
    x = check_real(np.atleast_2d(points), "points", "m", -1e3, 1e3)
    if x.ndim != 2:
        raise ValueError(f"points must be one row of coordinates per part: got shape {x.shape}, expected (n, d)")
    if x.shape[0] != m.shape[0]:
        raise ValueError(f"points has {x.shape[0]} rows but masses has {m.shape[0]} entries; they must match")
    if m.sum() <= 0:
        raise ValueError("masses sum to 0 kg; at least one part must have mass")
    return (m[:, None] * x).sum(0) / m.sum()
