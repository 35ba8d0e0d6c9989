"""Patellofemoral load of everyday and training activities, from the posture model.

Each activity is a quasi-static posture of :mod:`.posture` at a stated knee
angle; its knee extensor moment goes through the patellofemoral chain
(:mod:`.patellofemoral`). Running is not a posture chosen here: it is the
peak of module 6's spring-mass runner (:func:`.running_step.run_step`, 3.3 m/s
at 170 steps/min), so the same runner has the same numbers in every module.
Published values to compare with: stair ascent and descent knee extensor moments
of 1.16 ± 0.24 N·m/kg (ascent, Costigan et al. 2002 [costigan2002]) and 0.96 (ascent)
and 1.05 N·m/kg (descent, step over step, Reid et al. 2007 [reid2007]); Reilly & Martens 1972 [reilly1972] (stair
climbing 3.3 BW, deep knee bend 7.6 BW — one subject, a historical upper
value), Glitsch et al. 2022 [glitsch2022] (squatting 3.4 ± 0.56 BW) and
Lenhart et al. 2015 [lenhart2015] (running contact pressure, mean 5.0 MPa,
peak 9.7 MPa).
"""
from __future__ import annotations

from ..runner import RUNNER
from ..units import to_body_weights, to_mpa
from ..validation import check
from .patellofemoral import patellofemoral_force, patellofemoral_stress
from .posture import descent_knee_flexion, posture
from .running_step import run_step

__all__ = ["ACTIVITIES", "RUNNING", "activity_loads"]

#: name -> (posture kind, knee flexion deg, extra keyword arguments); assumptions, not data. Stair descent has
#: no angle chosen here: its support knee bends until the lead foot reaches the step below
#: (:func:`.posture.descent_knee_flexion`, about 69° for 1.75 m), where its extensor moment peaks.
ACTIVITIES = {
    "stair climbing (step-up, 60°)": ("step_up", 60.0, {}),
    "stair descent (step over step)": ("stair_descent", None, {}),
    "double-leg squat (90°)": ("double_leg_squat", 90.0, {}),
    "deep double-leg squat (120°)": ("double_leg_squat", 120.0, {}),
    "single-leg squat (60°)": ("single_leg_squat", 60.0, {}),
}
#: The running row: module 6's runner at this speed (m/s) and step rate (steps/min).
RUNNING = (f"running, {RUNNER.speed_m_s:g} m/s, {RUNNER.step_rate_spm:g} steps/min", RUNNER.speed_m_s,
           RUNNER.step_rate_spm)


def activity_loads(mass_kg=RUNNER.mass_kg, height_m=RUNNER.height_m):
    """Knee moment, PF force (BW) and PF stress (MPa) for each of :data:`ACTIVITIES`.

    Parameters
    ----------
    mass_kg : float
        Body mass, 30–200 kg.
    height_m : float
        Height, 1.2–2.2 m.

    Returns
    -------
    list of dict
        One row per activity: ``activity``, ``knee_flexion_deg``,
        ``knee_moment_nm``, ``pf_force_bw``, ``pf_stress_mpa`` (weight-bearing area).
    """
    m = check(mass_kg, "mass_kg", array=False)
    rows = []
    cases = []
    for name, (kind, theta, extra) in ACTIVITIES.items():
        theta = descent_knee_flexion(height_m, m) if theta is None else theta
        knee = posture(kind, theta, mass_kg=m, height_m=height_m, **extra).moments["knee"]
        cases.append((name, theta, max(knee, 0.0)))
    name, speed, rate = RUNNING
    run = run_step(m, height_m, speed, rate)
    cases.append((name, run["peak_knee_flexion_deg"], run["peak_knee_moment_nm"]))
    for name, theta, mk in cases:
        rows.append({
            "activity": name,
            "knee_flexion_deg": theta,
            "knee_moment_nm": mk,
            "pf_force_bw": float(to_body_weights(patellofemoral_force(mk, theta), m)),
            "pf_stress_mpa": float(to_mpa(patellofemoral_stress(mk, theta, weight_bearing=True))),
        })
    return rows
