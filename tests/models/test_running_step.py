"""A running step and the knee in it: the gait and the knee parts agree with each other and with measured running
(models.running_step)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kneecourse.models.running_step import run_step, running_knee_load, step_rate_sweep
from kneecourse.models.spring_mass import default_leg_stiffness, leg_geometry, preferred_step_rate, spring_step
from kneecourse.runner import RUNNER


@settings(max_examples=25, deadline=None)
@given(st.floats(50, 100), st.floats(1.6, 1.9), st.floats(2.8, 4.5), st.floats(160, 190), st.floats(0.2, 0.6),
       st.floats(0.0, 15.0))
def test_run_step_is_the_gait_and_the_knee_together(mass, height, speed, rate, share, lean):
    whole = run_step(mass, height, speed, rate, knee_share=share, trunk_lean_deg=lean)
    gait = spring_step(mass, height, speed, rate)
    knee = running_knee_load(mass, height, gait["leg_compression_m"], gait["peak_vgrf_n"], knee_share=share,
                             trunk_lean_deg=lean)
    assert whole == {**gait, **knee}
    assert not set(gait) & set(knee), "the two parts report different things"


def test_stiffness_scale_multiplies_the_assumed_stiffness():
    L0 = leg_geometry(1.75).rest_length_m
    k = float(default_leg_stiffness(70.0, L0, 175.0, 3.3))
    scaled = run_step(70.0, 1.75, 3.3, 175.0, stiffness_scale=1.2)
    given_k = run_step(70.0, 1.75, 3.3, 175.0, leg_stiffness_n_per_m=1.2 * k)
    assert scaled == given_k
    assert scaled["leg_stiffness_n_per_m"] == pytest.approx(1.2 * k)


def test_trajectory_force_in_body_weights():
    r = run_step(70.0, 1.75, 3.3, 170.0, n_points=21)
    tr = r["trajectory"]
    assert np.allclose(tr["grf_y_bw"], tr["grf_y_n"] / (70.0 * 9.81))
    assert tr["grf_y_bw"].max() == pytest.approx(r["peak_vgrf_bw"], rel=1e-9)


@pytest.mark.parametrize("kwargs,name", [
    ({"leg_compression_m": -0.1}, "leg_compression_m"),
    ({"peak_vgrf_n": float("nan")}, "peak_vgrf_n"),
    ({"knee_share": 0.0}, "knee_share"),
    ({"trunk_lean_deg": 60.0}, "trunk_lean_deg"),
    ({"mass_kg": 10.0}, "mass_kg"),
    ({"height_m": 3.0}, "height_m"),
])
def test_knee_load_bad_input(kwargs, name):
    args = {"mass_kg": 70.0, "height_m": 1.75, "leg_compression_m": 0.15, "peak_vgrf_n": 1650.0, **kwargs}
    with pytest.raises(ValueError, match=name):
        running_knee_load(**args)


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


def test_knee_across_step_rates_against_heiderscheit_table_3():
    # A check, not a build: Heiderscheit et al. 2011 (MSSE 43:296, Table 3), 45 runners at their own speed,
    # step rate -10% / preferred / +10%: peak knee flexion 50.6 / 46.3 / 42.8 deg, peak knee extension moment
    # 2.7 / 2.5 (SD 0.6) / 2.2 N·m/kg. The model at 3.0 m/s gives 47.2 / 43.9 / 41.1 deg and 2.76 / 2.40 / 2.12:
    # the moment within a tenth of the measured mean at preferred and +10%, its rise at -10% larger (+15% vs +8%),
    # the flexion about 2.5 deg less and its changes three quarters of the measured ones.
    f = float(preferred_step_rate(3.0))
    slow, pref, fast = (run_step(70.0, 1.75, 3.0, f * c) for c in (0.9, 1.0, 1.1))
    moment = [r["peak_knee_moment_nm"] / 70.0 for r in (slow, pref, fast)]
    assert moment[1] == pytest.approx(2.5, abs=0.6)  # within one SD of the measured mean
    assert moment[2] / moment[1] - 1 == pytest.approx(2.2 / 2.5 - 1, abs=0.05)
    assert 0 < moment[0] / moment[1] - 1 < 2 * (2.7 / 2.5 - 1)
    flexion = [r["peak_knee_flexion_deg"] for r in (slow, pref, fast)]
    assert flexion[1] == pytest.approx(46.3, abs=4.5)  # within one SD (4.5 deg)
    for model, measured in ((flexion[0] - flexion[1], 50.6 - 46.3), (flexion[2] - flexion[1], 42.8 - 46.3)):
        assert 0.5 < model / measured < 1.2


def test_step_length_changes_pf_load_in_the_measured_direction():
    # Willson et al. 2014 (Clin Biomech 29:243), 3.7 m/s: PF stress per step +31% with steps at least 10% longer,
    # -22% with steps at least 10% shorter. At the same speed a 10% longer step is a rate 1/1.1 of preferred.
    # The model agrees in direction and gives about two thirds of the size (+20%, -17%): the touchdown knee
    # angle and the knee's share do not change with step length in the model, and the runners' changes were
    # "at least" 10%.
    f = float(preferred_step_rate(3.7))
    base = run_step(70.0, 1.75, 3.7, f)["peak_pf_force_bw"]
    longer = run_step(70.0, 1.75, 3.7, f / 1.1)["peak_pf_force_bw"] / base - 1
    shorter = run_step(70.0, 1.75, 3.7, f / 0.9)["peak_pf_force_bw"] / base - 1
    assert 0.10 < longer <= 0.31 and -0.22 <= shorter < -0.10
    assert longer > -shorter  # lengthening costs more than shortening saves, as measured


def test_sweep_is_consistent_with_single_calls():
    sw = step_rate_sweep(70.0, 1.75, 3.3, 170.0, changes=np.array([-0.1, 0.0, 0.1]))
    one = run_step(70.0, 1.75, 3.3, 170.0)
    assert sw["peak_pf_force_bw"][1] == pytest.approx(one["peak_pf_force_bw"], rel=1e-6)
    assert np.all(np.diff(sw["peak_vgrf_bw"]) < 0)


def test_knee_share_is_derived_from_measured_knee_energy():
    # Teng & Powers 2015 (MSSE 47:625): knee extensors absorb 0.60 and 0.74 J/kg in stance at 3.4 m/s
    # (two groups, mean 0.67). Springs in series store energy in proportion to their compression, so
    # the knee's share of the leg compression is 0.67 J/kg over the leg spring's energy per kg.
    from kneecourse.models.running_step import KNEE_ENERGY_J_PER_KG, KNEE_SHARE

    r = run_step(70.0, 1.75, 3.4, 170.0)
    spring_energy = 0.5 * r["leg_stiffness_n_per_m"] * r["leg_compression_m"] ** 2 / 70.0
    assert KNEE_ENERGY_J_PER_KG == pytest.approx((0.60 + 0.74) / 2)
    assert KNEE_SHARE == pytest.approx(KNEE_ENERGY_J_PER_KG / spring_energy, abs=0.01)


def test_running_knee_agrees_with_measured_running():
    # checked against figures not used to build it: peak stance knee flexion of about 40–45° and a
    # peak knee extensor moment of about 2–3 N·m/kg in runners at 3–3.5 m/s; peak PF force of about
    # 5–6 BW (the same chain as module 3); +10% step rate -> -14% peak PF force (Lenhart 2014)
    base = run_step(70.0, 1.75, 3.3, 170.0)
    assert 43.0 <= base["peak_knee_flexion_deg"] <= 46.0
    assert 2.0 <= base["peak_knee_moment_nm"] / 70.0 <= 3.0
    assert 5.0 <= base["peak_pf_force_bw"] <= 6.0
    plus = run_step(70.0, 1.75, 3.3, 187.0)
    assert plus["peak_pf_force_bw"] / base["peak_pf_force_bw"] - 1 == pytest.approx(-0.14, abs=0.03)


def test_one_runner_same_numbers_in_modules_3_5_and_6():
    from kneecourse.models.activities import RUNNING, activity_loads
    from kneecourse.models.pelvis import contact_pose

    base = run_step()  # the course's runner (kc.RUNNER), in every module by default
    run_row = {r["activity"]: r for r in activity_loads()}[RUNNING[0]]
    assert run_row["pf_force_bw"] == pytest.approx(base["peak_pf_force_bw"], rel=1e-12)
    assert run_row["knee_flexion_deg"] == pytest.approx(base["peak_knee_flexion_deg"], rel=1e-12)
    # one overstride definition (heel ahead of the centre of mass at touchdown): module 5's default
    # touchdown pose is this runner's
    assert abs(contact_pose()["overstride_m"] - base["overstride_m"]) < 0.01
    # the spring leg's foot point is the middle of the heel-to-toe roll: half a foot length further on
    # (Drillis & Contini: the foot is 0.152 of the height)
    assert base["foot_point_ahead_m"] - base["overstride_m"] == pytest.approx(0.152 * RUNNER.height_m / 2, rel=1e-9)


def test_trunk_lean_lowers_the_running_knee_load():
    # Teng & Powers 2014 (JOSPT 44:785): trunk flexion 4.0° -> 7.3° -> 14.1° gave peak PF stress
    # 23.1 -> 21.5 -> 20.2 MPa (+7% / -6% around self-selected); the direction must agree
    pf = {lean: run_step(70.0, 1.75, 3.4, 170.0, trunk_lean_deg=lean)["peak_pf_force_bw"] for lean in (4.0, 7.3, 14.1)}
    assert pf[4.0] > pf[7.3] > pf[14.1]
    assert pf[14.1] / pf[7.3] - 1 == pytest.approx(-0.06, abs=0.06)
    assert pf[4.0] / pf[7.3] - 1 == pytest.approx(0.07, abs=0.06)


@pytest.mark.parametrize("compression, force, what", [
    (0.45, 2000.0, "knee"),          # a leg this soft flexes the knee past 120°: it was held at 120° and went on
    (0.10, 20000.0, "body weights"),  # 29 BW on 70 kg: it was held at 5 BW and went on
])
def test_outside_what_the_knee_models_cover_it_says_so_instead_of_holding_a_bound(compression, force, what):
    """running_knee_load clamped the knee angle (120°), the ground force (0.5–5 BW) and the knee moment
    (1000 N·m) and returned numbers computed at the bound as if they were the answer."""
    with pytest.raises(ValueError, match=what):
        running_knee_load(70.0, 1.75, compression, force, knee_share=1.0)


def test_one_running_step_checks_each_input_once(monkeypatch):
    """A step checked its step rate and speed twice (spring_step, then default_leg_stiffness and
    preferred_step_rate inside it); inputs are checked at the public boundary, once."""
    import kneecourse.validation as validation
    from kneecourse.models import pelvis, posture, running_step, segments, spring_mass

    seen = []
    real = validation.check_real

    def counting(value, name, *args, **kwargs):
        seen.append(name)
        return real(value, name, *args, **kwargs)

    for module in (validation, spring_mass, running_step, posture, segments, pelvis):
        if hasattr(module, "check_real"):
            monkeypatch.setattr(module, "check_real", counting)
    run_step(70.0, 1.75, 3.3, 170.0, solver="table")
    assert seen.count("step_rate_spm") == 1 and seen.count("speed_m_s") == 1, seen


def test_a_step_is_a_typed_result_read_by_name_or_as_before_by_key():
    from kneecourse.models.running_step import RunningStep

    r = run_step()
    assert isinstance(r, RunningStep) and r.peak_pf_force_bw == r["peak_pf_force_bw"]
    assert "trajectory" not in r and r.trajectory is None  # asked for no samples: absent, as the key was
    with pytest.raises(KeyError, match="peak_pf_force_bw"):
        r["peak_pf_force"]  # a wrong name is answered with the names there are
    with pytest.raises(AttributeError):
        r.contact_time_s = 0.1  # frozen: a learner's result cannot be changed under the explorer
    assert set({**r}) == {f for f in r} and len(r) == 20
    assert "trajectory" in run_step(n_points=11)
