"""Module 5's views (views.pelvis): they draw the pose they are given, in place."""
import numpy as np
import pytest
from matplotlib.figure import Figure

from kneecourse.models.pelvis import contact_pose, pelvic_tilt_pose, standing_parts
from kneecourse.views.pelvis import ContactView, StandingView


def test_the_standing_view_draws_the_pose_it_is_given_in_place():
    ax = Figure().add_subplot()
    view = StandingView(ax, len(standing_parts()), 2.0)
    artists = list(ax.get_children())
    pose = pelvic_tilt_pose(1.75, 20.0, 0.0)
    view.update(pose)
    assert list(ax.get_children()) == artists  # moved, never re-created
    assert np.allclose(view.parts.get_offsets(), pose.points)
    assert view.com.get_data()[0][0] == pytest.approx(pose.com[0])
    assert view.ref.get_data()[0][0] == pytest.approx(pose.com_upright[0])
    assert f"{1000 * pose.com_shift_m[0]:+.1f} mm" in view.text.get_text()


def test_the_contact_view_draws_the_heel_where_the_pose_lands_it():
    ax = Figure().add_subplot()
    view = ContactView(ax)
    pose = contact_pose(thigh_angle_deg=30.0)
    view.update(pose)
    x, _ = view.lead.get_data()
    assert x[1] - x[0] == pytest.approx(pose.joints["heel"][0] - pose.com[0])
    assert f"{100 * pose.overstride_m:.1f} cm" in view.text.get_text()
