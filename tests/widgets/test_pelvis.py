"""Module 5's explorers (widgets.pelvis): pelvic tilt and the centre of mass; the pose at foot contact."""
import pytest

from kneecourse.models.pelvis import contact_pose, pelvic_tilt_pose
from kneecourse.runner import RUNNER
from kneecourse.widgets import FootStrikeExplorer, PelvisExplorer


def test_the_pelvis_explorer_honours_its_own_height_slider():
    e = PelvisExplorer().set(pelvic_tilt_deg=15.0, lumbar_compensation=0.0, height_m=1.95)
    tall = pelvic_tilt_pose(1.95, 15.0, 0.0)
    assert e.state.com_shift_m[0] == pytest.approx(tall.com_shift_m[0])
    assert e.state.com_shift_m[0] > pelvic_tilt_pose(RUNNER.height_m, 15.0, 0.0).com_shift_m[0]
    assert f"{1000 * tall.com_shift_m[0]:+.1f} mm" in e.readout.value
    x, y = e.standing.com.get_data()
    assert (x[0], y[0]) == pytest.approx(tuple(tall.com))  # the view draws the pose it was given


def test_the_foot_strike_explorer_poses_the_course_runner():
    e = FootStrikeExplorer().set(thigh_angle_deg=30.0)
    pose = contact_pose(RUNNER.height_m, 0.0, 1.0, e.controls["trunk_lean_deg"].value, 30.0,
                        e.controls["knee_flexion_deg"].value)
    assert e.state.overstride_m == pytest.approx(pose.overstride_m)
    assert f"{100 * pose.overstride_m:.1f} cm" in e.readout.value
