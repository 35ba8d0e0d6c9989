"""Patellofemoral joint load: reaction force, contact area and stress vs knee angle.

Chain (Brechter & Powers 2002 [brechter2002]):

* quadriceps force ``F_q = M_knee / r(θ)`` (:mod:`.extensor`),
* patellofemoral joint reaction force ``F_pf = k(θ) · F_q`` with
  ``k(θ) = (0.462 + 1.47e-3·θ − 3.84e-5·θ²) / (1 − 1.62e-2·θ + 1.55e-4·θ² − 6.98e-7·θ³)``
  [vaneijden1986],
* stress ``σ = F_pf / A(θ)`` with the contact area A(θ) of Besier et al. 2005
  [besier2005].
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..dataio.tables import load_table
from ..units import to_body_weights
from ..validation import check, check_flag, check_real, scalar_or_array
from .extensor import EXTENSOR_RANGE_DEG, quadriceps_force
from .pchip import Pchip

__all__ = [
    "pfjrf_ratio",
    "patellofemoral_force",
    "patellofemoral_contact_area",
    "patellofemoral_stress",
    "patellofemoral_loading",
    "WEIGHT_BEARING_AREA_GAIN",
]

_K_NUM = (-3.84e-5, 1.47e-3, 0.462)  # θ², θ, 1
_K_DEN = (-6.98e-7, 1.55e-4, -1.62e-2, 1.0)  # θ³, θ², θ, 1

#: Full weight bearing adds about 24% contact area (Besier 2005).
WEIGHT_BEARING_AREA_GAIN = 1.24


def pfjrf_ratio(knee_flexion_deg):
    """Ratio k = patellofemoral joint reaction force / quadriceps force.

    Parameters
    ----------
    knee_flexion_deg : float or array_like
        0–120°.

    Returns
    -------
    float or numpy.ndarray
        Dimensionless; 0.462 at full extension, about 0.95 at 60°.
    """
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", *EXTENSOR_RANGE_DEG)
    out = np.polyval(_K_NUM, theta) / np.polyval(_K_DEN, theta)
    return scalar_or_array(out)


def patellofemoral_force(knee_moment_nm, knee_flexion_deg):
    """Patellofemoral joint reaction force (N) for a knee extensor moment.

    ``F_pf = k(θ) · M_knee / r(θ)``.

    Parameters
    ----------
    knee_moment_nm : float or array_like
        Net knee extensor moment, 0–1000 N·m.
    knee_flexion_deg : float or array_like
        0–120°.

    Returns
    -------
    float or numpy.ndarray
        Compressive force between patella and femur, N.
    """
    return pfjrf_ratio(knee_flexion_deg) * quadriceps_force(knee_moment_nm, knee_flexion_deg)


@lru_cache(maxsize=1)
def _besier_curve() -> Pchip:
    t = load_table("pf_contact_area_besier2005.csv")
    return Pchip(t["knee_flexion"], t["contact_area"] * 1e-6)


def patellofemoral_contact_area(knee_flexion_deg, weight_bearing=False):
    """Patellofemoral contact area (m²) vs knee flexion.

    Monotone cubic interpolation through the unloaded male means of Besier
    et al. 2005 [besier2005]: 210, 414 and 520 mm² at 0, 30 and 60°. Beyond
    60° the area is **held at the 60° value**: Besier and others report that it
    rises to about 60° and then levels off or falls by 90–120°, so holding it
    is the optimistic choice (stress beyond 60° may be higher than shown).

    Parameters
    ----------
    knee_flexion_deg : float or array_like
        0–120°.
    weight_bearing : bool, optional
        Multiply by 1.24: full weight bearing adds about 24% area [besier2005].

    Returns
    -------
    float or numpy.ndarray
        Contact area, m².
    """
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", *EXTENSOR_RANGE_DEG)
    gain = WEIGHT_BEARING_AREA_GAIN if check_flag(weight_bearing, "weight_bearing") else 1.0
    out = _besier_curve()(theta) * gain
    return scalar_or_array(out)


def patellofemoral_stress(knee_moment_nm, knee_flexion_deg, weight_bearing=False):
    """Mean patellofemoral contact stress (Pa): ``σ = F_pf / A``.

    Parameters
    ----------
    knee_moment_nm : float or array_like
        Net knee extensor moment, 0–1000 N·m.
    knee_flexion_deg : float or array_like
        0–120°.
    weight_bearing : bool, optional
        Use the weight-bearing contact area.

    Returns
    -------
    float or numpy.ndarray
        Stress, Pa (divide by 1e6 for MPa).
    """
    return patellofemoral_force(knee_moment_nm, knee_flexion_deg) / patellofemoral_contact_area(
        knee_flexion_deg, weight_bearing
    )


def patellofemoral_loading(knee_moment_nm, knee_flexion_deg, mass_kg=None, weight_bearing=False):
    """The patella as a pulley in one call: quadriceps force, ratio k, PF force, contact area and stress.

    The same equations as :func:`~.extensor.quadriceps_force`, :func:`pfjrf_ratio`,
    :func:`patellofemoral_force`, :func:`patellofemoral_contact_area` and
    :func:`patellofemoral_stress`, each evaluated once (an explorer step asks for all of them).

    Parameters
    ----------
    knee_moment_nm : float or array_like
        Net knee extensor moment, 0–1000 N·m.
    knee_flexion_deg : float or array_like
        0–120° (broadcast with the moment).
    mass_kg : float, optional
        Body mass, 30–200 kg (``validation.LIMITS``): with it the forces come in body weights too.
    weight_bearing : bool, optional
        Use the weight-bearing contact area.

    Returns
    -------
    dict of float or numpy.ndarray
        ``quadriceps_force_n``, ``k`` (PF force / quadriceps force), ``pf_force_n``,
        ``contact_area_m2``, ``stress_pa`` and, with ``mass_kg``, ``quadriceps_force_bw``
        and ``pf_force_bw``.
    """
    fq = quadriceps_force(knee_moment_nm, knee_flexion_deg)
    k = pfjrf_ratio(knee_flexion_deg)
    pf = k * fq
    area = patellofemoral_contact_area(knee_flexion_deg, weight_bearing)
    out = {"quadriceps_force_n": fq, "k": k, "pf_force_n": pf, "contact_area_m2": area, "stress_pa": pf / area}
    if mass_kg is not None:
        m = check(mass_kg, "mass_kg")
        out.update(quadriceps_force_bw=to_body_weights(fq, m), pf_force_bw=to_body_weights(pf, m))
    return out
