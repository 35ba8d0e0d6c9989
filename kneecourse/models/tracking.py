"""Patellar tracking in the frontal plane: Q-angle, VMO/VL balance, dynamic valgus, facets.

A deliberately simple model for teaching, with every assumption stated:

* **Side pull measured from the knee's own balance.** The quadriceps pulls
  the patella proximally along a line tilted laterally by the Q-angle; within
  it the vastus medialis obliquus (VMO) pulls medially at ``vmo_angle_deg``
  (≈ 50–55° to the femoral axis) and the vastus lateralis (VL) laterally at
  ``vl_angle_deg`` (≈ 15°; Lieb & Perry 1968 [lieb1968]). In a normal knee at
  its own (physiological) Q-angle the lateral and medial facets carry about
  the same pressure (Huberti & Hayes 1984 [huberti1984]): the lateral pull
  present then is carried by the shape of that knee's groove and its
  retinacula. The model therefore takes the person's standing Q-angle with a
  balanced VMO share as the balanced state and counts only the side pull
  *beyond* it, ``ΔF = F_q·[g(Q, s) − g(Q_static, s0)]``.
* **Dynamic valgus** (hip adduction and internal rotation during a
  single-leg squat or landing) raises the working Q-angle.
* **The groove.** The patella sits in a V-shaped trochlear groove: a lateral
  facet inclined ``lateral_facet_deg`` (about 22°: normal lateral trochlear
  inclination is about 20–22°, below 11° is dysplastic, Carrillon et al. 2000
  [carrillon2000]) and a medial facet inclined at the rest of
  ``180° − sulcus angle`` (138° normal, Merchant et al. 1974 [merchant1974]),
  so the lateral facet is the steeper one. Facet normal forces follow from the
  patella's equilibrium; a lateral excess loads the lateral facet and unloads
  the medial one.
* **The medial restraint.** If the medial facet would have to pull, the
  patella lifts off it and rides up the lateral facet; the medial soft
  tissues (medial patellofemoral ligament, MPFL, and retinaculum) then take
  the rest of the side pull. The MPFL fails at about 208 N (Amis et al. 2003
  [amis2003]) and supplies about 60% of the medial restraint (Desio et al.
  1998 [desio1998]), so the restraint holds at most ``208 / 0.6 ≈ 350 N``.
  Beyond that no equilibrium exists: the model says the patella would
  sublux and reports no stress.
* **Cartilage.** Each facet's contact is a band on a thin elastic cartilage
  layer (an elastic-foundation contact of a cylinder): the band widens with
  the facet's load, so the contact area grows with ``load^(1/3)`` and the
  facet pressure with ``load^(2/3)``. At the balanced state each facet has
  half of the measured contact area (:mod:`.patellofemoral`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..validation import check, check_real, scalar_or_array
from ._result import ModelResult
from .patellofemoral import patellofemoral_loading

__all__ = [
    "balanced_vmo_share",
    "FacetLoading",
    "PatellarTracking",
    "side_pull_factor",
    "lateral_patellar_force",
    "effective_q_angle",
    "facet_loading",
    "patellar_tracking",
    "STATIC_Q_DEG",
    "SULCUS_ANGLE_DEG",
    "LATERAL_FACET_DEG",
    "MEDIAL_RESTRAINT_N",
    "CONTACT_EXPONENT",
    "WORKING_Q_RANGE_DEG",
]

#: Typical standing Q-angle (deg): men about 11–14°, women about 15–17° [horton1989, aglietti1983].
STATIC_Q_DEG = 14.0
#: Normal trochlear sulcus angle (deg) [merchant1974].
SULCUS_ANGLE_DEG = 138.0
#: Inclination of the lateral trochlear facet (deg); normal about 20–22°, dysplastic below 11° [carrillon2000].
LATERAL_FACET_DEG = 22.0
#: Most side pull (N) the medial soft tissues hold: MPFL failure load 208 N [amis2003] / its ~60% share [desio1998].
MEDIAL_RESTRAINT_N = 208.0 / 0.6
#: Facet pressure grows with facet load to this power (elastic-foundation contact of a cylinder).
CONTACT_EXPONENT = 2.0 / 3.0


def balanced_vmo_share(vmo_angle_deg=55.0, vl_angle_deg=15.0):
    """VMO share of quadriceps force at which VMO and VL side-pulls cancel.

    ``s0 = sin(α_VL) / (sin(α_VL) + sin(α_VMO))`` — about 0.24 for 55° and 15°.
    """
    am = np.radians(check_real(vmo_angle_deg, "vmo_angle_deg", "deg", 0, 90, low_open=True, array=False))
    al = np.radians(check_real(vl_angle_deg, "vl_angle_deg", "deg", 0, 90, array=False))
    return float(np.sin(al) / (np.sin(al) + np.sin(am)))


def side_pull_factor(q_angle_deg, vmo_share=None, vmo_angle_deg=55.0, vl_angle_deg=15.0):
    """Lateral pull of the quadriceps per newton of quadriceps force (dimensionless).

    ``g(Q, s) = (1 − s)·sin(Q + α_VL) + s·sin(Q − α_VMO)``; the patellar
    tendon pulls straight down and adds no side force.

    Parameters
    ----------
    q_angle_deg : float or array_like
        Q-angle, −10 to 40°.
    vmo_share : float or array_like, optional
        Share of the quadriceps force carried by the VMO, 0–1 (default: balanced).
    vmo_angle_deg, vl_angle_deg : float
        Fibre angles to the femoral axis (medial / lateral), deg.
    """
    q = np.radians(check_real(q_angle_deg, "q_angle_deg", "deg", -10, 40))
    s0 = balanced_vmo_share(vmo_angle_deg, vl_angle_deg)
    s = s0 if vmo_share is None else check_real(vmo_share, "vmo_share", "", 0, 1)
    am, al = np.radians(vmo_angle_deg), np.radians(vl_angle_deg)
    return (1 - s) * np.sin(q + al) + s * np.sin(q - am)


def lateral_patellar_force(quadriceps_force_n, q_angle_deg, vmo_share=None,
                           vmo_angle_deg=55.0, vl_angle_deg=15.0, static_q_deg=STATIC_Q_DEG):
    """Side pull on the patella beyond the knee's own balanced state (N, lateral positive).

    ``ΔF = F_q·[g(Q, s) − g(Q_static, s0)]`` with ``g`` from
    :func:`side_pull_factor` and ``s0`` the balanced VMO share: zero for the
    person's own standing Q-angle with a balanced VMO, positive when the
    working Q-angle rises or the VMO's share falls.

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
        Fibre angles to the femoral axis (medial / lateral), deg.
    static_q_deg : float or array_like
        The person's standing Q-angle, 0–30° (default 14°), at which the knee is balanced.

    Returns
    -------
    float or numpy.ndarray
        Side pull, N (negative = net medial pull).
    """
    fq = check_real(quadriceps_force_n, "quadriceps_force_n", "N", 0, 20000)
    q0 = check(static_q_deg, "static_q_deg")
    g = side_pull_factor(q_angle_deg, vmo_share, vmo_angle_deg, vl_angle_deg)
    g0 = side_pull_factor(q0, None, vmo_angle_deg, vl_angle_deg)
    return scalar_or_array(fq * (g - g0))


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
    q = check(static_q_deg, "static_q_deg")
    add = check_real(hip_adduction_deg, "hip_adduction_deg", "deg", -20, 30)
    ir = np.radians(check_real(hip_internal_rotation_deg, "hip_internal_rotation_deg", "deg", -30, 40))
    th = np.radians(check_real(knee_flexion_deg, "knee_flexion_deg", "deg", 0, 120))
    out = q + add + np.degrees(np.arctan(np.tan(ir) * np.sin(th)))
    return scalar_or_array(out)


@dataclass(frozen=True, kw_only=True, eq=False)
class FacetLoading(ModelResult):
    """How the patellofemoral force divides between the facets (:func:`facet_loading`); NaN where not stable."""

    lateral_share: float
    medial_share: float
    lateral_n: float
    medial_n: float
    lateral_stress_pa: float
    medial_stress_pa: float
    peak_stress_pa: float
    balanced_stress_pa: float
    mean_stress_pa: float
    restraint_n: float
    restraint_use: float
    #: False where no equilibrium holds the patella in the groove (it would sublux)
    stable: bool


@dataclass(frozen=True, kw_only=True, eq=False)
class PatellarTracking(FacetLoading):
    """The patella under a pull at the working Q-angle (:func:`patellar_tracking`): its forces and facets."""

    q_eff_deg: float
    side_pull_n: float
    quadriceps_force_n: float
    pf_force_n: float
    contact_area_m2: float


def facet_loading(pf_force_n, lateral_force_n, contact_area_m2, sulcus_angle_deg=SULCUS_ANGLE_DEG,
                  lateral_facet_deg=LATERAL_FACET_DEG, medial_restraint_n=MEDIAL_RESTRAINT_N):
    """Split the patellofemoral force between the facets; say when the patella would sublux.

    With facet inclinations ``α_L`` (lateral) and ``α_M = 180° − sulcus − α_L``
    (medial), ``Σ = α_L + α_M``, the balanced facet force is
    ``N0 = F_pf / (cos α_L + cos α_M)`` and a side pull ``ΔF`` (from
    :func:`lateral_patellar_force`) gives, while the patella stays seated on
    both facets,

    ``N_L = N0 + ΔF·cos α_M / sin Σ``,  ``N_M = N0 − ΔF·cos α_L / sin Σ``.

    When ``N_M`` would be negative the patella rides on its lateral facet
    alone (``N_L = F_pf / cos α_L``) and the medial restraint carries
    ``T = ΔF − (N_L − N0)·sin α_L − N0·sin α_M``; above ``medial_restraint_n``
    there is no equilibrium (``stable`` False: the patella would sublux; facet
    forces and stresses are NaN). A medial excess that lifts the lateral facet
    is held by the lateral retinaculum (no limit modelled: medial subluxation
    is rare).

    Facet pressure (elastic layer, see the module notes):
    ``σ_i = (N0 / (A/2))·(N_i / N0)^(2/3)``; ``mean_stress_pa = F_pf / A`` does
    not depend on tracking.

    Parameters
    ----------
    pf_force_n : float or array_like
        Compressive patellofemoral force, 0–20000 N.
    lateral_force_n : float or array_like
        Side pull beyond the balanced state, −20000 to 20000 N.
    contact_area_m2 : float or array_like
        Total contact area at the balanced state, 1e-6–0.002 m² (1–2000 mm²).
    sulcus_angle_deg : float
        Trochlear sulcus angle, 110–170°.
    lateral_facet_deg : float
        Lateral facet inclination, 0–35° (less than ``180 − sulcus``).
    medial_restraint_n : float
        Largest side pull the medial soft tissues hold, (0, 2000] N.

    Returns
    -------
    dict of float or numpy.ndarray
        ``lateral_share``, ``medial_share`` (sum to 1), ``lateral_n``,
        ``medial_n`` (N), ``lateral_stress_pa``, ``medial_stress_pa``,
        ``peak_stress_pa`` (the larger), ``balanced_stress_pa`` (either facet
        at balance), ``mean_stress_pa``, ``restraint_n`` (medial soft-tissue
        force, N; negative = lateral retinaculum), ``restraint_use``
        (restraint force / capacity) and ``stable`` (bool).
    """
    f = check_real(pf_force_n, "pf_force_n", "N", 0, 20000)
    fl = check_real(lateral_force_n, "lateral_force_n", "N", -20000, 20000)
    area = check_real(contact_area_m2, "contact_area_m2", "m²", 1e-6, 0.002)
    total = 180.0 - check_real(sulcus_angle_deg, "sulcus_angle_deg", "deg", 110, 170, array=False)
    lat_deg = check_real(lateral_facet_deg, "lateral_facet_deg", "deg", 0, 35, array=False)
    if lat_deg >= total:
        raise ValueError(f"lateral_facet_deg = {lat_deg:g} deg must be less than 180 − sulcus_angle_deg = {total:g} "
                         "deg (the medial facet needs a slope too)")
    cap = check_real(medial_restraint_n, "medial_restraint_n", "N", 0, 2000, low_open=True, array=False)
    a_l, a_m = np.radians(lat_deg), np.radians(total - lat_deg)
    sin_sum = np.sin(a_l + a_m)
    f, fl, area = np.broadcast_arrays(np.asarray(f, float), np.asarray(fl, float), np.asarray(area, float))
    n0 = f / (np.cos(a_l) + np.cos(a_m))
    nl = n0 + fl * np.cos(a_m) / sin_sum
    nm = n0 - fl * np.cos(a_l) / sin_sum
    lat_only, med_only = nm < 0, nl < 0
    nl = np.select([lat_only, med_only], [f / np.cos(a_l), 0.0], nl)
    nm = np.select([med_only, lat_only], [f / np.cos(a_m), 0.0], nm)
    # what the soft tissues must hold: the side pull the facets no longer balance (zero while seated)
    restraint = np.where(lat_only | med_only, fl - (nl - n0) * np.sin(a_l) + (nm - n0) * np.sin(a_m), 0.0)
    stable = restraint <= cap * (1 + 1e-12)
    loaded = nl + nm
    share = np.where(loaded > 0, nl / np.where(loaded > 0, loaded, 1.0), 0.5)
    sigma0 = np.where(n0 > 0, n0 / (area / 2), 0.0)
    safe_n0 = np.where(n0 > 0, n0, 1.0)
    s_l = sigma0 * (nl / safe_n0) ** CONTACT_EXPONENT
    s_m = sigma0 * (nm / safe_n0) ** CONTACT_EXPONENT
    nan = np.nan
    out = {
        "lateral_share": share,
        "medial_share": 1 - share,
        "lateral_n": np.where(stable, nl, nan),
        "medial_n": np.where(stable, nm, nan),
        "lateral_stress_pa": np.where(stable, s_l, nan),
        "medial_stress_pa": np.where(stable, s_m, nan),
        "peak_stress_pa": np.where(stable, np.maximum(s_l, s_m), nan),
        "balanced_stress_pa": sigma0,
        "mean_stress_pa": f / area,
        "restraint_n": restraint,
        "restraint_use": restraint / cap,
        "stable": stable,
    }
    out = {k: scalar_or_array(v) for k, v in out.items()}
    out["stable"] = bool(stable) if np.ndim(stable) == 0 else stable
    return FacetLoading(**out)


#: Working Q-angles the side-pull model covers (deg): :func:`patellar_tracking` holds the angle inside them.
WORKING_Q_RANGE_DEG = (-10.0, 40.0)


def patellar_tracking(static_q_deg=STATIC_Q_DEG, hip_adduction_deg=0.0, hip_internal_rotation_deg=0.0,
                      vmo_share=None, knee_flexion_deg=30.0, knee_moment_nm=100.0):
    """A knee that caves in, in one call: working Q-angle, side pull, PF force and the facets' load.

    :func:`effective_q_angle` (held to :data:`WORKING_Q_RANGE_DEG`: the extreme hip
    angles at a large standing Q-angle go past what :func:`side_pull_factor` covers),
    the quadriceps and PF forces (:func:`~.patellofemoral.patellofemoral_loading`,
    weight-bearing contact area), :func:`lateral_patellar_force` beyond this knee's own
    balance and :func:`facet_loading`.

    Parameters
    ----------
    static_q_deg : float
        Standing Q-angle, 0–30°.
    hip_adduction_deg, hip_internal_rotation_deg : float
        Dynamic valgus, as for :func:`effective_q_angle`.
    vmo_share : float, optional
        VMO share of the quadriceps force, 0–1 (default: the share that balances).
    knee_flexion_deg : float
        0–120°.
    knee_moment_nm : float
        Net knee extensor moment, 0–1000 N·m (and no more than 20 kN of quadriceps or PF force).

    Returns
    -------
    dict
        ``q_eff_deg``, ``side_pull_n``, ``quadriceps_force_n``, ``pf_force_n``,
        ``contact_area_m2`` and everything :func:`facet_loading` returns.
    """
    q = effective_q_angle(static_q_deg, hip_adduction_deg, hip_internal_rotation_deg, knee_flexion_deg)
    q = np.clip(q, *WORKING_Q_RANGE_DEG)
    pf = patellofemoral_loading(knee_moment_nm, knee_flexion_deg, weight_bearing=True)
    fq = pf["quadriceps_force_n"]
    if np.any(fq > 20000) or np.any(pf["pf_force_n"] > 20000):
        raise ValueError(f"knee_moment_nm = {knee_moment_nm} N·m at knee_flexion_deg = {knee_flexion_deg} deg needs "
                         "more than the 20 kN of quadriceps or PF force the tracking model covers: lower "
                         "knee_moment_nm")
    side = lateral_patellar_force(fq, q, vmo_share, static_q_deg=static_q_deg)
    facets = facet_loading(pf["pf_force_n"], side, pf["contact_area_m2"])
    return PatellarTracking(q_eff_deg=q, side_pull_n=side, quadriceps_force_n=fq, pf_force_n=pf["pf_force_n"],
                            contact_area_m2=pf["contact_area_m2"], **facets)
