"""A running step: the spring-mass gait (:mod:`.spring_mass`) and what it means for the knee.

:func:`run_step` is the two parts together: :func:`~.spring_mass.spring_step`
gives the gait (contact and flight times, the leg's peak force and compression,
the touchdown), :func:`running_knee_load` the knee's flexion, moment and
patellofemoral force at mid-stance. Notebooks and explorers call
:func:`run_step`; the parts are there to be read and tested one at a time.

The spring leg is a thigh and a shank (plus foot height) joined
at the knee. The rest length ``L0`` (:func:`~.spring_mass.leg_geometry`) is the hip-to-ground distance with the
knee flexed ``contact_knee_flexion_deg`` (20° by default). The knee supplies a
share ``knee_share`` of the leg's compression at mid-stance, which flexes it
by the law of cosines. That share is derived, not fitted: treat the knee and
the ankle as springs in series in the leg, so each stores the same share of
the leg's energy as of its compression. Teng & Powers 2015 [teng2015]
measured the knee extensors absorbing 0.67 J/kg in stance at 3.4 m/s (mean
of their two groups, 0.60 and 0.74 J/kg); this model's leg stores 1.79 J/kg
at 3.4 m/s and 170 steps/min, so the knee's share is 0.67 / 1.79 ≈ 0.37
(:data:`KNEE_SHARE`). It is checked against other figures: peak stance knee
flexion 43–46° at 3.3 m/s (typical measured values 40–45°) and the
−14% peak patellofemoral force for +10% step rate of Lenhart et al. 2014
[lenhart2014]. The knee moment then comes from module 2's running stance
posture (:func:`~kneecourse.models.posture.posture`, ground-reaction force
through the centre of mass at the SLIP peak force, trunk lean
:data:`RUNNING_TRUNK_LEAN_DEG`) and the patellofemoral force from module 3
(:func:`~kneecourse.models.patellofemoral.patellofemoral_force`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..runner import RUNNER
from ..units import to_body_weights
from ..validation import Limit, check, check_real
from ._result import ModelResult
from .extensor import EXTENSOR_MOMENT_TOP_NM, EXTENSOR_RANGE_DEG
from .patellofemoral import patellofemoral_force
from .posture import RUNNING_GRF_BW, posture
from .spring_mass import CONTACT_KNEE_FLEXION_DEG, GAIT_LIMITS, LegGeometry, SpringStep, leg_geometry, spring_step

__all__ = ["run_step", "running_knee_load", "step_rate_sweep", "KneeLoad", "RunningStep", "KNEE_SHARE",
           "KNEE_ENERGY_J_PER_KG", "RUNNING_TRUNK_LEAN_DEG", "RUNNING_TRUNK_LEAN", "KNEE_CHECKED_TOP_SPEED_M_S"]

#: Knee extensor energy absorbed in stance at 3.4 m/s, J/kg: mean of 0.60 and 0.74 (Teng & Powers 2015).
KNEE_ENERGY_J_PER_KG = 0.67
#: The knee's share of the leg compression: KNEE_ENERGY_J_PER_KG / the leg spring's energy at 3.4 m/s,
#: 170 steps/min, 70 kg, 1.75 m (1.79 J/kg) — see the module notes; a test re-derives it.
KNEE_SHARE = 0.37
#: Forward trunk lean while running (deg): self-selected 7.3 ± 3.6° at 3.4 m/s (Teng & Powers 2014).
RUNNING_TRUNK_LEAN_DEG = 7.0
#: Trunk lean while running: narrower than in a squat (``validation.LIMITS``); module 5's touchdown pose too.
RUNNING_TRUNK_LEAN = Limit("deg", -10, 40, "forward trunk lean while running")
#: The inputs whose range here is not the one of ``validation.LIMITS`` (the fuzz tests read it).
SCOPES = {"run_step": {**GAIT_LIMITS, "trunk_lean_deg": RUNNING_TRUNK_LEAN},
          "running_knee_load": {"trunk_lean_deg": RUNNING_TRUNK_LEAN}}
#: The fastest running the knee part rests on (m/s): its knee share and trunk lean were measured at 3.4 m/s
#: (Teng & Powers 2014, 2015) and the step-length study it is compared with ran at 3.7 m/s (Willson et al. 2014).
#: Faster than this the knee figures are an extrapolation, and the explorer says so.
KNEE_CHECKED_TOP_SPEED_M_S = 3.7


@dataclass(frozen=True, kw_only=True, eq=False)
class KneeLoad(ModelResult):
    """The knee at mid-stance of a running step (:func:`running_knee_load`)."""

    peak_knee_flexion_deg: float
    #: the extensor moment, ≥ 0 (a net flexor moment asks nothing of the quadriceps)
    peak_knee_moment_nm: float
    peak_pf_force_n: float
    peak_pf_force_bw: float


@dataclass(frozen=True, kw_only=True, eq=False)
class RunningStep(KneeLoad, SpringStep):
    """A running step and the knee's load in it (:func:`run_step`): every field of both."""


def _knee_flexion_from_length(geo: LegGeometry, r):
    """Knee flexion (deg) that makes the hip-to-ground distance ``r`` (law of cosines on thigh and shank)."""
    c = (np.asarray(r) ** 2 - geo.thigh_m**2 - geo.shank_m**2) / (2 * geo.thigh_m * geo.shank_m)
    return np.degrees(np.arccos(np.clip(c, -1.0, 1.0)))


def running_knee_load(mass_kg, height_m, leg_compression_m, peak_vgrf_n, *,
                      contact_knee_flexion_deg=CONTACT_KNEE_FLEXION_DEG, knee_share=KNEE_SHARE,
                      trunk_lean_deg=RUNNING_TRUNK_LEAN_DEG):
    """The knee at mid-stance of a spring-mass step: flexion, extensor moment and patellofemoral force.

    Parameters
    ----------
    mass_kg : float
        30–200 kg.
    height_m : float
        1.2–2.2 m (sets the thigh and shank: :func:`~.spring_mass.leg_geometry`).
    leg_compression_m : float
        The spring leg's compression at mid-stance, 0–0.5 m (``spring_step(...)["leg_compression_m"]``).
    peak_vgrf_n : float
        The leg's peak force, 0–20 kN (``spring_step(...)["peak_vgrf_n"]``).
    contact_knee_flexion_deg : float, optional
        Knee flexion at touchdown, 0–45° (the leg's rest length).
    knee_share : float, optional
        Share of the leg compression supplied by the knee, 0.1–1 (default
        :data:`KNEE_SHARE`, 0.37, derived from measured knee energy absorption).
    trunk_lean_deg : float, optional
        Forward trunk lean, −10 to 40° (default 7°, Teng & Powers 2014); more
        lean moves the centre of mass forward over the knee and lowers the
        knee moment.

    Returns
    -------
    dict
        ``peak_knee_flexion_deg``, ``peak_knee_moment_nm`` (extensor, ≥ 0),
        ``peak_pf_force_n`` and ``peak_pf_force_bw``.
    """
    m = check(mass_kg, "mass_kg", array=False)
    compression = check_real(leg_compression_m, "leg_compression_m", "m", 0, 0.5, array=False)
    f_peak = check_real(peak_vgrf_n, "peak_vgrf_n", "N", 0, 2e4, array=False)
    share = check_real(knee_share, "knee_share", "", 0.1, 1, array=False)
    lean = check(trunk_lean_deg, "trunk_lean_deg", array=False, limit=RUNNING_TRUNK_LEAN)
    geo = leg_geometry(height_m, contact_knee_flexion_deg)
    return _knee_load(geo, m, height_m, compression, f_peak, share, lean)


def _knee_load(geo: LegGeometry, m, height_m, compression, f_peak, share, lean):
    """:func:`running_knee_load` of checked inputs. Outside what the knee models cover it raises, saying which
    input to change: it never holds a value at a bound and goes on as if it were the answer."""
    theta = float(_knee_flexion_from_length(geo, geo.rest_length_m - share * compression))
    top = EXTENSOR_RANGE_DEG[1]
    if theta > top:
        raise ValueError(
            f"the leg compresses the knee to {theta:.0f}° of flexion at mid-stance, beyond the {top:g}° the knee "
            "models cover: the leg is too soft for this speed and step rate (raise stiffness_scale or "
            "leg_stiffness_n_per_m, raise step_rate_spm, lower speed_m_s, or give a smaller knee_share)")
    grf = float(to_body_weights(f_peak, m))
    if not RUNNING_GRF_BW.low <= grf <= RUNNING_GRF_BW.high:
        raise ValueError(
            f"peak_vgrf_n = {f_peak:.0f} N is {grf:.2f} body weights for mass_kg = {m:g} kg; the running stance "
            f"posture covers {RUNNING_GRF_BW.low:g}–{RUNNING_GRF_BW.high:g} BW")
    snap = posture("running_stance", theta, mass_kg=m, height_m=height_m, grf_bw=grf, trunk_lean_deg=lean)
    # a net flexor moment asks nothing of the quadriceps: the extensor moment is zero, and so is its PF force
    knee_moment = max(float(snap.moments["knee"]), 0.0)
    if knee_moment > EXTENSOR_MOMENT_TOP_NM:
        raise ValueError(
            f"the knee extensor moment at mid-stance would be {knee_moment:.0f} N·m, beyond the "
            f"{EXTENSOR_MOMENT_TOP_NM:g} N·m the patellofemoral model takes (lower mass_kg, speed_m_s or trunk lean)")
    pf = float(patellofemoral_force(knee_moment, theta))
    return KneeLoad(peak_knee_flexion_deg=theta, peak_knee_moment_nm=knee_moment, peak_pf_force_n=pf,
                    peak_pf_force_bw=float(to_body_weights(pf, m)))


def run_step(mass_kg=RUNNER.mass_kg, height_m=RUNNER.height_m, speed_m_s=RUNNER.speed_m_s,
             step_rate_spm=RUNNER.step_rate_spm, *,
             leg_stiffness_n_per_m=None, stiffness_scale=1.0, contact_knee_flexion_deg=CONTACT_KNEE_FLEXION_DEG,
             knee_share=KNEE_SHARE, trunk_lean_deg=RUNNING_TRUNK_LEAN_DEG, solver="newton", n_points=0, _guess=None):
    """The periodic spring-mass running step and the knee's load in it.

    :func:`~.spring_mass.spring_step` (the gait) and :func:`running_knee_load`
    (the knee) in one call; parameters as theirs.

    Returns
    -------
    dict
        Everything :func:`~.spring_mass.spring_step` returns (contact and flight
        times, stiffness, touchdown angle, peak force, overstride, centre-of-mass
        drop, leg compression, step length, …, and ``trajectory`` with
        ``n_points``) and everything :func:`running_knee_load` returns
        (``peak_knee_flexion_deg``, ``peak_knee_moment_nm``, ``peak_pf_force_n``,
        ``peak_pf_force_bw``).

    Raises
    ------
    ValueError
        If no periodic gait with a flight phase exists for these inputs (the
        message says which input to change), or for bad inputs.
    """
    share = check_real(knee_share, "knee_share", "", 0.1, 1, array=False)
    lean = check(trunk_lean_deg, "trunk_lean_deg", array=False, limit=RUNNING_TRUNK_LEAN)
    step = spring_step(mass_kg, height_m, speed_m_s, step_rate_spm, leg_stiffness_n_per_m=leg_stiffness_n_per_m,
                       stiffness_scale=stiffness_scale, contact_knee_flexion_deg=contact_knee_flexion_deg,
                       solver=solver, n_points=n_points, _guess=_guess)
    # spring_step checked the body and the gait: the knee's part is computed from its results, not re-checked
    geo = leg_geometry(height_m, contact_knee_flexion_deg)
    knee = _knee_load(geo, float(mass_kg), height_m, step.leg_compression_m, step.peak_vgrf_n, share, lean)
    return RunningStep(**step, **knee)


def step_rate_sweep(mass_kg=RUNNER.mass_kg, height_m=RUNNER.height_m, speed_m_s=RUNNER.speed_m_s,
                    preferred_spm=RUNNER.step_rate_spm, changes=None):
    """:func:`run_step` over step rates ``preferred·(1 + change)``; arrays of every output.

    Each solve starts from the previous solution, so a 50-point sweep costs
    little more than 50 single steps. Step rates without a periodic gait give NaN.

    Parameters
    ----------
    mass_kg, height_m, speed_m_s : float
        As for :func:`run_step`.
    preferred_spm : float
        The runner's own step rate, 120–230 steps/min.
    changes : array_like, optional
        Relative changes of step rate, −0.4 to 0.5 (default −10% to +15% in 1% steps).

    Returns
    -------
    dict
        ``step_rate_spm``, ``change`` and one array per scalar output of :func:`run_step`.
    """
    if changes is None:
        changes = np.linspace(-0.10, 0.15, 26)
    c = check_real(changes, "changes", "", -0.4, 0.5)
    c = np.atleast_1d(c)
    pref = check_real(preferred_spm, "preferred_spm", "steps/min", 120, 230, array=False)
    rates = pref * (1 + c)
    rows, guess = [], None
    for rate in rates:
        try:
            r = run_step(mass_kg, height_m, speed_m_s, float(rate), _guess=guess)
            guess = r["mid_stance"]
        except ValueError:
            r, guess = None, None
        rows.append(r)
    keys = [k for k, v in (next((r for r in rows if r), {}) or {}).items() if isinstance(v, float)]
    out = {"step_rate_spm": rates, "change": c}
    for key in keys:
        out[key] = np.array([r[key] if r else np.nan for r in rows])
    return out
