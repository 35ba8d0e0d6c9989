"""Module 6: spring-mass stance, the periodic running step, the Morin method."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kneecourse.models.spring_mass import (
    STIFFNESS_EXPONENT,
    default_leg_stiffness,
    morin_stiffness,
    run_step,
    slip_stance,
    step_rate_sweep,
)
from kneecourse.units import G


def test_energy_conserved_during_stance():
    s = slip_stance(70.0, 0.95, 12000.0, 3.5, 22.0, -0.5)
    assert s["lifted_off"]
    drift = np.ptp(s["energy_j"]) / s["energy_j"].mean()
    assert drift <= 1e-6


@settings(max_examples=25, deadline=None)
@given(st.floats(6000, 30000), st.floats(2.0, 6.0), st.floats(10, 30))
def test_energy_conserved_hypothesis(k, v, a):
    s = slip_stance(70.0, 0.93, k, v, a, -0.4)
    assert np.ptp(s["energy_j"]) / s["energy_j"].mean() <= 1e-6


def test_contact_time_falls_as_stiffness_rises():
    tcs = [slip_stance(70.0, 0.93, k, 3.3, 20.0, -0.5)["contact_time_s"] for k in (8000, 12000, 20000)]
    assert tcs[0] > tcs[1] > tcs[2]


def test_periodic_solution_is_symmetric_and_consistent():
    r = run_step(70.0, 1.75, 3.3, 170.0)
    T = 60.0 / 170.0
    assert r["contact_time_s"] + r["flight_time_s"] == pytest.approx(T, rel=1e-6)
    # re-simulate with the scipy event-based stance: same contact time, mirrored take-off
    vx, vy = r["touchdown_velocity_m_s"]
    s = slip_stance(70.0, r["leg_length_m"], r["leg_stiffness_n_per_m"], vx, r["touchdown_angle_deg"], vy)
    assert s["contact_time_s"] == pytest.approx(r["contact_time_s"], rel=1e-5)
    assert s["takeoff_velocity_m_s"][0] == pytest.approx(vx, rel=1e-5)
    assert s["takeoff_velocity_m_s"][1] == pytest.approx(-vy, rel=1e-4)
    assert s["x_m"][-1] == pytest.approx(-s["x_m"][0], rel=1e-4)
    # average speed over the step equals the requested speed
    assert r["step_length_m"] == pytest.approx(3.3 * T)
    assert r["peak_vgrf_n"] == pytest.approx(s["peak_vgrf_n"], rel=1e-3)


def test_step_rate_lowers_peak_forces():
    # Lenhart et al. 2014: +10% step rate cut peak PF joint force by 14%;
    # Heiderscheit et al. 2011: +5/+10% lowered knee loading
    base = run_step(70.0, 1.75, 3.3, 170.0)
    plus = run_step(70.0, 1.75, 3.3, 187.0)
    change = plus["peak_pf_force_bw"] / base["peak_pf_force_bw"] - 1
    assert -0.30 < change < -0.05
    assert plus["peak_vgrf_bw"] < base["peak_vgrf_bw"]
    assert plus["overstride_m"] < base["overstride_m"]
    assert plus["peak_knee_flexion_deg"] < base["peak_knee_flexion_deg"]


def test_farley_stiffness_assumption():
    # Farley & Gonzalez 1996: leg stiffness 7.0 -> 16.3 kN/m from -26% to +36% of preferred frequency
    k_lo = default_leg_stiffness(70.0, 0.93, 170 * 0.74)
    k_hi = default_leg_stiffness(70.0, 0.93, 170 * 1.36)
    assert k_hi / k_lo == pytest.approx(16.3 / 7.0)
    assert STIFFNESS_EXPONENT == pytest.approx(math.log(16.3 / 7.0) / math.log(1.36 / 0.74))


@pytest.mark.parametrize("speed", [2.0, 3.0, 4.0, 5.0, 6.0])
@pytest.mark.parametrize("rate", [150.0, 165.0, 180.0, 200.0])
def test_solver_converges_or_raises_clear_error(speed, rate):
    try:
        r = run_step(70.0, 1.75, speed, rate)
    except ValueError as exc:
        assert "step_rate_spm" in str(exc) and "speed_m_s" in str(exc)
        return
    assert r["flight_time_s"] > 0 and r["contact_time_s"] > 0
    assert 0 < r["touchdown_angle_deg"] < 60
    assert r["peak_vgrf_bw"] > 1


def test_no_gait_error_names_inputs():
    with pytest.raises(ValueError, match="lower step_rate_spm"):
        run_step(70.0, 1.75, 1.5, 230.0, leg_stiffness_n_per_m=3000.0)


def test_sweep_is_consistent_with_single_calls():
    sw = step_rate_sweep(70.0, 1.75, 3.3, 170.0, changes=np.array([-0.1, 0.0, 0.1]))
    one = run_step(70.0, 1.75, 3.3, 170.0)
    assert sw["peak_pf_force_bw"][1] == pytest.approx(one["peak_pf_force_bw"], rel=1e-6)
    assert np.all(np.diff(sw["peak_vgrf_bw"]) < 0)


def test_morin_hand_worked_example():
    # m = 70 kg, tc = 0.25 s, tf = 0.12 s, v = 3.3 m/s, L = 0.93 m
    fmax = 70 * G * math.pi / 2 * (0.12 / 0.25 + 1)              # 1596.7 N
    dy = fmax * 0.25**2 / (70 * math.pi**2) - G * 0.25**2 / 8    # 0.0678 m
    dl = 0.93 - math.sqrt(0.93**2 - (3.3 * 0.25 / 2) ** 2) + dy  # 0.1644 m
    r = morin_stiffness(70, 0.25, 0.12, 3.3, 0.93)
    assert r["peak_force_n"] == pytest.approx(1596.7, abs=0.5)
    assert r["com_drop_m"] == pytest.approx(dy) and r["leg_compression_m"] == pytest.approx(dl)
    assert r["vertical_stiffness_n_per_m"] == pytest.approx(fmax / dy)
    assert r["leg_stiffness_n_per_m"] == pytest.approx(fmax / dl)
    assert 5000 < r["leg_stiffness_n_per_m"] < 20000


@pytest.mark.parametrize("fn, kwargs, name", [
    (run_step, {"speed_m_s": np.nan}, "speed_m_s"),
    (run_step, {"step_rate_spm": 300}, "step_rate_spm"),
    (run_step, {"mass_kg": "70"}, "mass_kg"),
    (run_step, {"knee_share": 0}, "knee_share"),
])
def test_bad_input(fn, kwargs, name):
    with pytest.raises((ValueError, TypeError), match=name):
        fn(**kwargs)


def test_morin_bad_input():
    with pytest.raises(ValueError, match="contact_time_s"):
        morin_stiffness(70, 0.0, 0.1, 3, 0.9)
    with pytest.raises(ValueError, match="leg_length_m"):
        morin_stiffness(70, 0.5, 0.1, 12, 0.6)
