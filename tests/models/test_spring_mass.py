"""The spring-mass runner: stance, periodic step, stiffness, the gait table (models.spring_mass)."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kneecourse.models import spring_mass
from kneecourse.models.running_step import run_step
from kneecourse.models.spring_mass import (
    K_REFERENCE,
    STIFFNESS_EXPONENT,
    default_leg_stiffness,
    leg_geometry,
    morin_stiffness,
    preferred_step_rate,
    slip_stance,
    spring_step,
)
from kneecourse.units import G

from ..conftest import seconds_per_call


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


def _dop853_stance(m, L0, k, v, a_deg, vy0):
    """An independent stance: scipy's DOP853 with a lift-off event (what slip_stance used before)."""
    from scipy.integrate import solve_ivp

    K, ts, vs, a = k * L0 / (m * G), math.sqrt(L0 / G), math.sqrt(G * L0), math.radians(a_deg)

    def off(_t, s):
        return math.hypot(s[0], s[1]) - 1.0

    off.terminal, off.direction = True, 1
    s0 = (-math.sin(a) * (1 - 1e-12), math.cos(a) * (1 - 1e-12), v / vs, vy0 / vs)
    sol = solve_ivp(lambda _t, s: spring_mass.pg._rhs(*s, K), (0, 5 / ts), s0, method="DOP853", events=off,
                    rtol=1e-12, atol=1e-13, dense_output=True)
    return sol, ts, vs


@settings(max_examples=20, deadline=None)
@given(st.floats(6000, 30000), st.floats(2.0, 6.0), st.floats(10, 30), st.floats(-0.8, 0.0))
def test_the_stance_agrees_with_scipy_dop853(k, v, a, vy0):
    """The course's RK4 stance against scipy's DOP853 at tight tolerances: contact time, take-off velocity and
    the trajectory within 1e-8 (in SI units; RK4 with 1,000 steps per bounce)."""
    s = slip_stance(70.0, 0.93, k, v, a, vy0, n_points=50)
    sol, ts, vs = _dop853_stance(70.0, 0.93, k, v, a, vy0)
    assert s["lifted_off"] and len(sol.t_events[0]) == 1
    assert s["contact_time_s"] == pytest.approx(sol.t[-1] * ts, abs=1e-8)
    assert s["takeoff_velocity_m_s"] == pytest.approx((sol.y[2, -1] * vs, sol.y[3, -1] * vs), abs=1e-8)
    ref = sol.sol(s["t_s"] / ts)
    assert np.allclose(s["x_m"], ref[0] * 0.93, atol=1e-8) and np.allclose(s["y_m"], ref[1] * 0.93, atol=1e-8)


def test_a_stance_that_falls_stops_at_the_ground():
    s = slip_stance(200.0, 1.3, 1000.0, 0.5, 1.0, 0.0)
    assert not s["lifted_off"]
    assert s["y_m"][-1] == pytest.approx(0.0, abs=1e-9) and s["y_m"].min() >= -1e-9


def test_the_stance_does_not_load_scipy():
    """scipy.integrate costs a kernel 24 MB of its own memory (measured), paid by every learner on a hub in
    modules 6 and 9: the stance integrates with the course's own RK4 step."""
    import subprocess
    import sys

    code = ("import sys, kneecourse as kc; r = kc.run_step(70, 1.75, 3.3, 170); "
            "kc.slip_stance(70, r['leg_length_m'], r['leg_stiffness_n_per_m'], 3.3, r['touchdown_angle_deg']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_contact_time_falls_as_stiffness_rises():
    tcs = [slip_stance(70.0, 0.93, k, 3.3, 20.0, -0.5)["contact_time_s"] for k in (8000, 12000, 20000)]
    assert tcs[0] > tcs[1] > tcs[2]


def test_periodic_solution_is_symmetric_and_consistent():
    r = run_step(70.0, 1.75, 3.3, 170.0)
    T = 60.0 / 170.0
    assert r["contact_time_s"] + r["flight_time_s"] == pytest.approx(T, rel=1e-6)
    # re-simulate the stance from touchdown: same contact time, mirrored take-off
    vx, vy = r["touchdown_velocity_m_s"]
    s = slip_stance(70.0, r["leg_length_m"], r["leg_stiffness_n_per_m"], vx, r["touchdown_angle_deg"], vy)
    assert s["contact_time_s"] == pytest.approx(r["contact_time_s"], rel=1e-5)
    assert s["takeoff_velocity_m_s"][0] == pytest.approx(vx, rel=1e-5)
    assert s["takeoff_velocity_m_s"][1] == pytest.approx(-vy, rel=1e-4)
    assert s["x_m"][-1] == pytest.approx(-s["x_m"][0], rel=1e-4)
    # average speed over the step equals the requested speed
    assert r["step_length_m"] == pytest.approx(3.3 * T)
    assert r["peak_vgrf_n"] == pytest.approx(s["peak_vgrf_n"], rel=1e-3)


def test_farley_stiffness_assumption():
    # Farley & Gonzalez 1996: leg stiffness 7.0 -> 16.3 kN/m from -26% to +36% of preferred frequency, at one speed
    for v in (2.5, 3.3, 5.0):
        f = preferred_step_rate(v)
        k_lo = default_leg_stiffness(70.0, 0.93, f * 0.74, v)
        k_hi = default_leg_stiffness(70.0, 0.93, f * 1.36, v)
        assert k_hi / k_lo == pytest.approx(16.3 / 7.0)
    assert STIFFNESS_EXPONENT == pytest.approx(math.log(16.3 / 7.0) / math.log(1.36 / 0.74))


def test_leg_stiffness_at_the_preferred_rate_does_not_change_with_speed():
    # Farley & Gonzalez 1996 (and the force-platform studies they cite): leg stiffness "nearly the same at all
    # speeds" when runners choose their own step rate
    ks = [default_leg_stiffness(70.0, 0.93, preferred_step_rate(v), v) for v in (2.5, 3.3, 4.0, 5.0, 6.0)]
    assert np.ptp(ks) == pytest.approx(0.0, abs=1e-9 * ks[0])
    assert ks[0] == pytest.approx(K_REFERENCE * 70.0 * G / 0.93)


def test_preferred_step_rate_rises_with_speed_as_measured():
    # built from Dorn, Schache & Pandy 2012 (J Exp Biol 215:1944): stride frequency +10% from 3.5 to 5.2 m/s
    assert preferred_step_rate(5.2) / preferred_step_rate(3.5) == pytest.approx(1.10)
    assert preferred_step_rate(3.3) == pytest.approx(170.0)
    # checked against a different series: van Oeveren et al. 2017 (PLoS One 12:e0184273), freely chosen
    # 77 -> 80 strides/min from 2.4 to 2.9 m/s (+3.9%); the formula gives +4.7%
    assert preferred_step_rate(2.9) / preferred_step_rate(2.4) == pytest.approx(80 / 77, abs=0.012)


@settings(max_examples=40, deadline=None)
@given(st.floats(1.0, 12.0), st.floats(1.0, 12.0))
def test_preferred_step_rate_is_monotonic(v1, v2):
    lo, hi = sorted((v1, v2))
    assert preferred_step_rate(lo) <= preferred_step_rate(hi)


def test_stance_averaged_force_rises_with_speed_near_the_measured_slope():
    # A check, not a build: Weyand & Davis 2005 (J Exp Biol 208:2625, Fig. 1) measured the force averaged over
    # stance rising 0.105 BW per m/s (athletic men; 0.106 women). The model, each speed at its preferred step
    # rate, gives 0.144 BW per m/s from 3 to 5 m/s; taking the stiffness from the absolute step rate instead
    # (the earlier model, 170 steps/min at every speed) gave 0.233, more than twice the measured slope.
    def mean_force(v, rate):
        s = spring_step(70.0, 1.75, v, rate)
        return (s["contact_time_s"] + s["flight_time_s"]) / s["contact_time_s"]

    slope = (mean_force(5.0, preferred_step_rate(5.0)) - mean_force(3.0, preferred_step_rate(3.0))) / 2.0
    assert 0.105 <= slope < 1.5 * 0.105
    # the peak force rises less than a third from 3 to 5 m/s (the earlier model: +32%)
    peak = [spring_step(70.0, 1.75, v, preferred_step_rate(v))["peak_vgrf_bw"] for v in (3.0, 5.0)]
    assert 1.1 < peak[1] / peak[0] < 1.25


def test_a_fixed_step_rate_at_a_higher_speed_is_a_relatively_slow_rate():
    # holding 170 steps/min while speeding up is running below the preferred rate: a softer leg than at 3.3 m/s
    L0 = leg_geometry(1.75).rest_length_m
    assert default_leg_stiffness(70.0, L0, 170.0, 5.0) < default_leg_stiffness(70.0, L0, 170.0, 3.3)


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
    (run_step, {"solver": "euler"}, "solver"),
    (run_step, {"n_points": 60}, "n_points"),
    (run_step, {"n_points": 1}, "n_points"),
    (run_step, {"n_points": 5.5}, "n_points"),
    (run_step, {"mass_kg": 200, "leg_stiffness_n_per_m": 3000}, "leg_stiffness_n_per_m"),
])
def test_bad_input(fn, kwargs, name):
    with pytest.raises((ValueError, TypeError), match=name):
        fn(**kwargs)


def test_morin_bad_input():
    with pytest.raises(ValueError, match="contact_time_s"):
        morin_stiffness(70, 0.0, 0.1, 3, 0.9)
    with pytest.raises(ValueError, match="leg_length_m"):
        morin_stiffness(70, 0.5, 0.1, 12, 0.6)


# --- the table solver (what the explorer uses) --------------------------------------------------
SCALARS = ("contact_time_s", "flight_time_s", "touchdown_angle_deg", "peak_vgrf_bw", "overstride_m", "com_drop_m",
           "leg_compression_m", "peak_knee_flexion_deg", "peak_knee_moment_nm", "peak_pf_force_bw")


def _explorer_inputs(mass, speed, rate, scale):
    L0 = spring_mass.leg_geometry(1.75).rest_length_m
    return dict(mass_kg=mass, height_m=1.75, speed_m_s=speed, step_rate_spm=rate,
                leg_stiffness_n_per_m=float(default_leg_stiffness(mass, L0, rate, speed)) * scale)


@settings(max_examples=60, deadline=None)
@given(st.floats(45, 110), st.floats(2.0, 6.0), st.floats(150, 200), st.floats(0.7, 1.5))
def test_table_solver_agrees_with_newton(mass, speed, rate, scale):
    kw = _explorer_inputs(mass, speed, rate, scale)
    try:
        exact = run_step(**kw)
    except ValueError:
        with pytest.raises(ValueError, match="no periodic"):
            run_step(**kw, solver="table")
        return
    fast = run_step(**kw, solver="table")
    # measured over 592 random explorer settings: times within 0.05 ms, everything else within 2e-4
    for key in ("contact_time_s", "flight_time_s"):
        assert fast[key] == pytest.approx(exact[key], abs=1e-4)
    for key in SCALARS[2:]:
        assert fast[key] == pytest.approx(exact[key], rel=1e-3, abs=1e-6), key


def test_explorer_range_is_covered_by_the_table():
    used = []
    for speed in (2.0, 3.0, 4.0, 5.0, 6.0):
        for rate in (150.0, 165.0, 180.0, 200.0):
            for scale in (0.7, 1.0, 1.5):
                try:
                    used.append(run_step(**_explorer_inputs(70.0, speed, rate, scale), solver="table")["solved_by"])
                except ValueError:
                    pass
    # measured: 52 of 57 gaits from the table; the other 5 are soft legs at the fast, low-rate corner (K 7–10 at
    # 5–6 m/s and 150–165 steps/min, or 2 m/s at 150) near the edge where no gait exists, where the table misses
    # periodicity by 3.0–8.8e-5 and Newton's method takes over (same answer, a few ms instead of under one)
    assert len(used) >= 50 and used.count("table") >= 0.9 * len(used)


def test_table_falls_back_to_newton_when_its_gait_does_not_repeat(monkeypatch):
    monkeypatch.setattr(spring_mass, "TABLE_TOLERANCE", 0.0)
    r = run_step(70.0, 1.75, 3.3, 170.0, solver="table")
    assert r["solved_by"] == "newton"
    assert r["contact_time_s"] == run_step(70.0, 1.75, 3.3, 170.0)["contact_time_s"]


@pytest.mark.perf
def test_table_step_is_fast():
    # a ratio in one run: the precomputed gaits against solving the boundary-value problem (measured 0.5 vs 2 ms)
    table = seconds_per_call(lambda: run_step(70.0, 1.75, 3.3, 171.0, solver="table", n_points=61), 20)
    newton = seconds_per_call(lambda: run_step(70.0, 1.75, 3.3, 171.0, solver="newton", n_points=61), 5)
    assert table < 0.5 * newton, f"run_step: table {table * 1e3:.2f} ms, newton {newton * 1e3:.2f} ms"


@pytest.mark.parametrize("solver", ["newton", "table"])
def test_trajectory_is_the_whole_periodic_stance(solver):
    r = run_step(70.0, 1.75, 3.3, 170.0, solver=solver, n_points=61)
    tr = r["trajectory"]
    assert all(tr[k].shape == (61,) for k in tr)
    assert tr["t_s"][0] == 0 and tr["t_s"][-1] == pytest.approx(r["contact_time_s"], rel=1e-9)
    assert np.allclose(np.diff(tr["t_s"]), r["contact_time_s"] / 60)
    # mirror symmetry about mid-stance: x odd, y even, vertical velocity odd
    assert np.allclose(tr["x_m"], -tr["x_m"][::-1], atol=1e-12)
    assert np.allclose(tr["y_m"], tr["y_m"][::-1], atol=1e-12)
    assert np.allclose(tr["vy_m_s"], -tr["vy_m_s"][::-1], atol=1e-12)
    # touchdown and lift-off with the leg at rest length, as reported
    assert tr["x_m"][-1] == pytest.approx(r["foot_point_ahead_m"], rel=1e-6)
    assert np.hypot(tr["x_m"][0], tr["y_m"][0]) == pytest.approx(r["leg_length_m"], rel=1e-4)
    assert (tr["vx_m_s"][0], tr["vy_m_s"][0]) == pytest.approx(r["touchdown_velocity_m_s"], rel=1e-6)
    # the peak force is at mid-stance and matches the summary; energy is conserved
    assert tr["grf_y_n"].argmax() == 30 and tr["grf_y_n"][30] == pytest.approx(r["peak_vgrf_n"], rel=1e-9)
    k, L0 = r["leg_stiffness_n_per_m"], r["leg_length_m"]
    e = 0.5 * 70 * (tr["vx_m_s"] ** 2 + tr["vy_m_s"] ** 2) + 70 * G * tr["y_m"] \
        + 0.5 * k * (L0 - np.hypot(tr["x_m"], tr["y_m"])) ** 2
    assert np.ptp(e) < 1e-6 * e.mean()


def test_overstride_falls_with_stride_frequency_as_measured():
    # Lieberman et al. 2015 (J Exp Biol 218:3406), 3.0 m/s: each +5 strides/min (+10 steps/min)
    # moved the foot's landing position relative to the hip 5.9% closer
    a = run_step(70.0, 1.75, 3.0, 170.0)["overstride_m"]
    b = run_step(70.0, 1.75, 3.0, 180.0)["overstride_m"]
    assert b / a - 1 == pytest.approx(-0.059, abs=0.02)
