"""Worked solutions of the code exercises, written as a learner would write them.

The notebooks ship stubs; a solution uses only what every notebook imports
(``np``, ``kc``), so it runs where the learner pastes it; ``quiz[k].solution()`` shows one of these only when
asked, and the tests run every one through its checker. Each function has the
name and arguments the notebook's stub has.
"""
from __future__ import annotations

import numpy as np

import kneecourse as kc

# -- module 1 ---------------------------------------------------------------------------------


def rotation_between(a, b):
    # the coupled rotation at b minus the coupled rotation at a
    return kc.coupled_tibial_rotation(b) - kc.coupled_tibial_rotation(a)


def flexion_for_rotation(target_deg):
    # walk up the knee angle in 1° steps until the coupled rotation reaches the target
    for angle in range(0, 91):
        if kc.coupled_tibial_rotation(angle) >= target_deg:
            return float(angle)
    return float("nan")  # the coupling never gets there below 90°


# -- module 2 ---------------------------------------------------------------------------------


def knee_moment(force_n, distance_m):
    # moment = force × perpendicular distance
    return force_n * distance_m


def quad_force_bw(moment_nm, flexion_deg, mass_kg):
    # quadriceps force = knee moment / moment arm (m), then in body weights
    force_n = moment_nm / kc.quadriceps_moment_arm(flexion_deg)
    return force_n / (mass_kg * 9.81)


# -- module 3 ---------------------------------------------------------------------------------


def stress_mpa(force_n, area_mm2):
    # 1 N/mm² = 1 MPa
    return force_n / area_mm2


def pf_stress_from_parts(moment_nm, flexion_deg):
    # PF force (N) over contact area (m² → mm²) gives MPa
    force_n = kc.patellofemoral_force(moment_nm, flexion_deg)
    area_mm2 = kc.patellofemoral_contact_area(flexion_deg) * 1e6
    return force_n / area_mm2


# -- module 4 ---------------------------------------------------------------------------------


def lateral(fq, q_deg):
    # the side component of a pull at Q degrees from the leg's axis
    return fq * np.sin(np.radians(q_deg))


def valgus_side_pull(fq, static_q_deg, hip_adduction_deg, hip_internal_rotation_deg, flexion_deg):
    # the knee caves in: working Q from the hip's motion, then the side pull beyond this knee's balance
    q = kc.effective_q_angle(static_q_deg, hip_adduction_deg, hip_internal_rotation_deg, flexion_deg)
    return kc.lateral_patellar_force(fq, q, static_q_deg=static_q_deg)


# -- module 5 ---------------------------------------------------------------------------------


def com_x(xs, ms):
    # Σ m·x / Σ m
    return sum(x * m for x, m in zip(xs, ms)) / sum(ms)


def com_shift_mm(tilt_deg, lumbar_compensation):
    # forward shift of the whole-body centre of mass, tilted minus upright, in mm
    x_tilted, _ = kc.body_com(1.75, tilt_deg, lumbar_compensation)
    x_upright, _ = kc.body_com(1.75, 0.0, lumbar_compensation)
    return 1000 * (x_tilted - x_upright)


# -- module 6 ---------------------------------------------------------------------------------


def fmax(m, tc, tf):
    # Morin's sine-wave model of the vertical force
    return m * 9.81 * np.pi / 2 * (tf / tc + 1)


def step_rate_for_pf_drop(speed_m_s, drop):
    # raise the step rate 1 step/min at a time until peak PF force has fallen by `drop` (0.10 = 10%)
    base = kc.run_step(70, 1.75, speed_m_s, 170)["peak_pf_force_bw"]
    for spm in range(170, 221):
        if kc.run_step(70, 1.75, speed_m_s, spm)["peak_pf_force_bw"] <= (1 - drop) * base:
            return float(spm)
    return float("nan")


# -- module 7 ---------------------------------------------------------------------------------


def session_load(minutes, rpe):
    # session-RPE load: minutes × RPE, in arbitrary units
    return minutes * rpe


def rolling_acwr(daily_loads):
    # last 7 days' total over the average week of the last 28 days
    acute = sum(daily_loads[-7:])
    chronic = sum(daily_loads[-28:]) / 4
    return acute / chronic
