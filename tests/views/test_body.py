"""Module 2's views (views.body): the lever's line of action and moment arm."""
import numpy as np
import pytest
from matplotlib.figure import Figure

from kneecourse.models.statics import moment_arm
from kneecourse.views.body import LeverView


def test_the_moment_arm_drawn_is_the_perpendicular_distance_to_the_line_of_action():
    view = LeverView(Figure().add_subplot())
    point, force = (0.8, 0.0), (60.0, -80.0)
    arm = float(moment_arm(point, force))
    view.update(point, force, -38.4, arm)
    x, y = view.arm.get_data()
    assert np.hypot(x[1] - x[0], y[1] - y[0]) == pytest.approx(abs(arm))
    assert "clockwise" in view.text.get_text()
