"""Pelvic tilt, the whole-body centre of mass and the touchdown pose (models.pelvis)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kneecourse.models import pelvis
from kneecourse.models.pelvis import body_com, contact_pose, standing_parts
from kneecourse.models.segments import anthropometry


def test_segment_com_matches_table():
    # Winter 2009 Table 4.1: thigh COM 0.433 of its length from the hip, shank 0.433 from the knee
    a = anthropometry(1.75, 70.0)
    parts = standing_parts(1.75, 70.0)
    hip_y = a.ankle_height_m + a.shank_m + a.thigh_m
    knee_y = a.ankle_height_m + a.shank_m
    assert parts["thighs"][0][1] == pytest.approx(hip_y - 0.433 * a.thigh_m)
    assert parts["shanks"][0][1] == pytest.approx(knee_y - 0.433 * a.shank_m)
    assert parts["thighs"][1] == pytest.approx(2 * 0.100 * 70.0)


def test_reference_com_height():
    # whole-body COM of an upright adult sits at roughly 55–58% of height
    x, y = body_com(1.75)
    assert 0.54 * 1.75 < y < 0.59 * 1.75
    assert abs(x) < 0.01


def test_winter_and_deleva_agree():
    w = body_com(1.75, table="winter")
    d = body_com(1.75, table="deleva")
    assert abs(w[1] / d[1] - 1) < 0.05


def test_tilt_effect_sizes():
    x0 = body_com(1.75)[0]
    full = body_com(1.75, 10.0, 1.0)[0] - x0
    none = body_com(1.75, 10.0, 0.0)[0] - x0
    # REFERENCES: pelvis-only rotation moves the COM less than a millimetre per degree
    assert 0 < full < 10 * 1e-3
    assert none > 5 * full  # letting the upper body follow moves it far more
    assert body_com(1.75, 0.0, 0.0) == pytest.approx(body_com(1.75, 0.0, 1.0))  # zero tilt is the reference


@settings(max_examples=100, deadline=None)
@given(st.floats(1.2, 2.2), st.floats(-30, 40), st.floats(0, 1), st.sampled_from(["winter", "deleva"]))
def test_com_inside_body_bounding_box(h, tilt, comp, table):
    parts = standing_parts(h, 70.0, tilt, comp, table)
    pts = np.array([p for p, _ in parts.values()])
    x, y = body_com(h, tilt, comp, table=table)
    assert pts[:, 0].min() - 1e-9 <= x <= pts[:, 0].max() + 1e-9
    assert 0 < y < h


def test_contact_pose_overstride():
    base = contact_pose()
    longer = contact_pose(thigh_angle_deg=35.0)
    assert longer["overstride_m"] > base["overstride_m"] > 0
    tilted = contact_pose(pelvic_tilt_deg=10.0)
    assert abs(tilted["overstride_m"] - base["overstride_m"]) < 0.01  # millimetres, not centimetres
    assert base["braking_ratio"] == pytest.approx(base["overstride_m"] / base["com"][1])
    shank = pelvis.TOUCHDOWN_THIGH_ANGLE_DEG - pelvis.TOUCHDOWN_KNEE_FLEXION_DEG
    assert base["shank_angle_deg"] == pytest.approx(shank)


@pytest.mark.parametrize("kwargs, name", [
    ({"height_m": 3.0}, "height_m"), ({"pelvic_tilt_deg": np.nan}, "pelvic_tilt_deg"),
    ({"lumbar_compensation": 1.5}, "lumbar_compensation"), ({"table": "x"}, "table"),
    ({"pelvic_tilt_deg": "10"}, "pelvic_tilt_deg"),
])
def test_body_com_bad_input(kwargs, name):
    with pytest.raises((ValueError, TypeError), match=name):
        body_com(**kwargs)


def test_contact_pose_bad_input():
    with pytest.raises(ValueError, match="knee_flexion_deg"):
        contact_pose(knee_flexion_deg=90.0)


@settings(max_examples=50, deadline=None)
@given(st.floats(1.3, 2.1), st.floats(-15, 30), st.floats(0, 1))
def test_tilt_pose_in_one_call_agrees_with_body_com(h, tilt, comp):
    pose = pelvis.pelvic_tilt_pose(h, tilt, comp)
    assert np.allclose(pose["com"], body_com(h, tilt, comp))
    assert np.allclose(pose["com_upright"], body_com(h))
    assert np.allclose(pose["com_shift_m"], pose["com"] - pose["com_upright"])
    assert np.allclose(pose["masses"] @ pose["points"] / pose["masses"].sum(), pose["com"])


@settings(max_examples=30, deadline=None)
@given(st.floats(0.05, 0.45), st.floats(-10, 20), st.floats(0, 30), st.floats(1.5, 2.0))
def test_the_thigh_angle_for_an_overstride_lands_the_heel_there(target, tilt, knee, height):
    try:
        thigh = pelvis.thigh_angle_for_overstride(target, height, tilt, 1.0, 7.0, knee)
    except ValueError as exc:
        assert "cannot be reached" in str(exc)
        return
    pose = pelvis.contact_pose(height, tilt, 1.0, 7.0, thigh, knee)
    assert pose["overstride_m"] == pytest.approx(target, abs=1e-8)


def test_module_5_poses_module_6_s_step():
    """Module 6's runner (3.3 m/s, 170 steps/min) posed by module 5 at the thigh angle for its overstride: the
    default touchdown pose (thigh 33.5°) is that pose within 1 cm, and the solved one exactly."""
    from kneecourse.models.running_step import run_step

    step = run_step(70.0, 1.75, 3.3, 170.0)
    thigh = pelvis.thigh_angle_for_overstride(step["overstride_m"])
    assert abs(thigh - pelvis.TOUCHDOWN_THIGH_ANGLE_DEG) < 3.0
    assert pelvis.contact_pose(thigh_angle_deg=thigh)["overstride_m"] == pytest.approx(step["overstride_m"], abs=1e-8)


def test_an_overstride_no_thigh_angle_reaches_is_named():
    with pytest.raises(ValueError, match=r"^overstride_m = 0.9 m cannot be reached with this pose"):
        pelvis.thigh_angle_for_overstride(0.9)
