"""Patellar tracking in the frontal plane: Q-angle, VMO/VL balance, dynamic valgus, facets.

A deliberately simple model for teaching, with every assumption stated:

* The quadriceps pulls the patella proximally along a line tilted laterally
  by the Q-angle from the patellar tendon, which pulls straight distally.
* Within the quadriceps, the vastus medialis obliquus (VMO) pulls medially at
  ``vmo_angle_deg`` (≈ 50–55° to the femoral axis) and the vastus lateralis
  (VL) laterally at ``vl_angle_deg`` (≈ 15°; Lieb & Perry 1968 [lieb1968]). With the *balanced* VMO share
  their side-pulls cancel, so a zero Q-angle gives no lateral force.
* Dynamic valgus (hip adduction and internal rotation during a single-leg
  squat or landing) raises the working Q-angle.
* The patella sits in a V-shaped trochlear groove whose two facets are
  inclined at half the sulcus-angle supplement; a net lateral force shifts
  the compressive force onto the lateral facet.
"""
from __future__ import annotations

import numpy as np

from ..validation import check_real, scalar_or_array

__all__ = [
    "balanced_vmo_share",
    "lateral_patellar_force",
    "effective_q_angle",
    "facet_loading",
]


def balanced_vmo_share(vmo_angle_deg=55.0, vl_angle_deg=15.0):
    """VMO share of quadriceps force at which VMO and VL side-pulls cancel.

    ``s0 = sin(α_VL) / (sin(α_VL) + sin(α_VMO))`` — about 0.24 for 55° and 15°.
    """
    am = np.radians(check_real(vmo_angle_deg, "vmo_angle_deg", "deg", 0, 90, low_open=True, array=False))
    al = np.radians(check_real(vl_angle_deg, "vl_angle_deg", "deg", 0, 90, array=False))
    return float(np.sin(al) / (np.sin(al) + np.sin(am)))


def lateral_patellar_force(quadriceps_force_n, q_angle_deg, vmo_share=None,
                           vmo_angle_deg=55.0, vl_angle_deg=15.0):
    """Net lateral (positive) force on the patella in the frontal plane (N).

    ``F_lat = F_q · [(1 − s)·sin(Q + α_VL) + s·sin(Q − α_VMO)]`` where ``s`` is
    the VMO share of the quadriceps force; the patellar tendon pulls straight
    down and adds no side force.

    Parameters
    ----------
    quadriceps_force_n : float or array_like
        Quadriceps force, 0–20000 N.
    q_angle_deg : float or array_like
        Working Q-angle, −10 to 40°.
    vmo_share : float, optional
        Share of the force carried by the VMO, 0–1. Default: the balanced share
        (:func:`balanced_vmo_share`). A weaker VMO means a smaller share.
    vmo_angle_deg, vl_angle_deg : float
        Fibre angles to the femoral axis (medial / lateral).

    Returns
    -------
    float or numpy.ndarray
        Lateral force, N (negative = net medial pull).
    """
    fq = check_real(quadriceps_force_n, "quadriceps_force_n", "N", 0, 20000)
    q = np.radians(check_real(q_angle_deg, "q_angle_deg", "deg", -10, 40))
    s0 = balanced_vmo_share(vmo_angle_deg, vl_angle_deg)
    s = s0 if vmo_share is None else check_real(vmo_share, "vmo_share", "", 0, 1)
    am, al = np.radians(vmo_angle_deg), np.radians(vl_angle_deg)
    out = fq * ((1 - s) * np.sin(q + al) + s * np.sin(q - am))
    return scalar_or_array(out)


def effective_q_angle(static_q_deg, hip_adduction_deg=0.0, hip_internal_rotation_deg=0.0,
                      knee_flexion_deg=30.0):
    """Working Q-angle when the knee moves into dynamic valgus.

    Geometry assumed (frontal-plane projection, foot planted, shin upright):
    hip adduction tilts the femur — and the quadriceps line — medially by the
    same angle; hip internal rotation of a femur flexed at the knee by θ turns
    its projected line by ``atan(tan(IR)·sin θ)``. Both add to the static
    Q-angle:

    ``Q_eff = Q_static + adduction + atan(tan(IR)·sin θ)``

    Parameters
    ----------
    static_q_deg : float or array_like
        Q-angle measured standing, 0–30°.
    hip_adduction_deg : float or array_like
        −20 to 30° (abduction negative).
    hip_internal_rotation_deg : float or array_like
        −30 to 40° (external rotation negative).
    knee_flexion_deg : float or array_like
        0–120°.

    Returns
    -------
    float or numpy.ndarray
        Working Q-angle, degrees.
    """
    q = check_real(static_q_deg, "static_q_deg", "deg", 0, 30)
    add = check_real(hip_adduction_deg, "hip_adduction_deg", "deg", -20, 30)
    ir = np.radians(check_real(hip_internal_rotation_deg, "hip_internal_rotation_deg", "deg", -30, 40))
    th = np.radians(check_real(knee_flexion_deg, "knee_flexion_deg", "deg", 0, 120))
    out = q + add + np.degrees(np.arctan(np.tan(ir) * np.sin(th)))
    return scalar_or_array(out)


def facet_loading(pf_force_n, lateral_force_n, contact_area_m2, sulcus_angle_deg=138.0):
    """Split the patellofemoral force between the lateral and medial facets.

    The two facets are inclined at ``α = (180° − sulcus angle)/2`` (about 21°
    for the normal sulcus angle of 138°, Merchant et al. 1974 [merchant1974]).
    Equilibrium of the patella in the groove gives the facet normal forces

    ``N_L,M = ½ (F_pf / cos α ± F_lat / sin α)``

    If the lateral force is large enough that ``N_M`` would be negative, the
    medial facet unloads (``N_M = 0``): the patella is riding on its lateral
    facet only. The contact area is split equally between the facets.

    Parameters
    ----------
    pf_force_n : float or array_like
        Compressive patellofemoral force, 0–20000 N.
    lateral_force_n : float or array_like
        Net lateral force (N), from :func:`lateral_patellar_force`.
    contact_area_m2 : float or array_like
        Total contact area, (0, 0.002] m².
    sulcus_angle_deg : float
        Trochlear sulcus angle, 110–170°.

    Returns
    -------
    dict
        ``lateral_share`` and ``medial_share`` (sum to 1), ``lateral_n``,
        ``medial_n`` (N), ``lateral_stress_pa``, ``medial_stress_pa``.
    """
    f = check_real(pf_force_n, "pf_force_n", "N", 0, 20000)
    fl = check_real(lateral_force_n, "lateral_force_n", "N", -20000, 20000)
    area = check_real(contact_area_m2, "contact_area_m2", "m²", 0, 0.002, low_open=True)
    alpha = np.radians((180.0 - check_real(sulcus_angle_deg, "sulcus_angle_deg", "deg", 110, 170, array=False)) / 2)
    f, fl, area = np.broadcast_arrays(np.asarray(f, float), np.asarray(fl, float), np.asarray(area, float))
    nl = 0.5 * (f / np.cos(alpha) + fl / np.sin(alpha))
    nm = 0.5 * (f / np.cos(alpha) - fl / np.sin(alpha))
    nl, nm = np.clip(nl, 0, None), np.clip(nm, 0, None)
    total = nl + nm
    share = np.where(total > 0, nl / np.where(total > 0, total, 1), 0.5)
    return {
        "lateral_share": share,
        "medial_share": 1 - share,
        "lateral_n": nl,
        "medial_n": nm,
        "lateral_stress_pa": nl / (area / 2),
        "medial_stress_pa": nm / (area / 2),
    }
