"""Module 6's views (views.spring): the stance and the force curve drawn from a step's trajectory."""
import numpy as np
import pytest
from matplotlib.figure import Figure

from kneecourse.models.running_step import run_step
from kneecourse.views.spring import ForceCurveView, StanceView


def test_the_force_curve_is_drawn_up_to_the_frame_asked_for():
    tr = run_step(n_points=21).trajectory
    ax = Figure().add_subplot()
    view = ForceCurveView(ax)
    view.set_curve(1000 * tr["t_s"], tr["grf_y_bw"])
    view.update(10)
    x, y = view.so_far.get_data()
    assert len(x) == 11 and y[-1] == pytest.approx(tr["grf_y_bw"][10])
    assert view.now.get_data()[1][0] == pytest.approx(tr["grf_y_bw"][10])
    assert np.max(tr["grf_y_bw"]) < ax.get_ylim()[1]  # the peak fits under the fixed axis


def test_the_stance_view_puts_the_mass_at_the_end_of_the_leg():
    tr = run_step(n_points=21).trajectory
    view = StanceView(Figure().add_subplot())
    i = 5
    view.update(tr["x_m"][i], tr["y_m"][i], tr["grf_x_n"][i], tr["grf_y_n"][i], tr["t_s"][i])
    assert view.mass.get_data()[0][0] == pytest.approx(tr["x_m"][i])
    assert view.leg.get_data()[1][1] == pytest.approx(tr["y_m"][i])
    assert f"{1000 * tr['t_s'][i]:.0f} ms" in view.text.get_text()
