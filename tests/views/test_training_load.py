"""Module 7's views (views.training_load): a redraw is asked for only when the axes must change."""
import numpy as np
from matplotlib.figure import Figure

from kneecourse.models.training_load import acwr
from kneecourse.views.training_load import ACWRView


def test_the_acwr_view_rescales_only_when_the_data_need_it():
    fig = Figure()
    view = ACWRView(fig.add_subplot(2, 1, 1), fig.add_subplot(2, 1, 2), 35)
    load = np.array([100.0] * 35)
    view.update(load, acwr(load).ratio)
    assert not view.update(load * 1.01, acwr(load * 1.01).ratio)  # same scale: the frame alone changes
    assert view.update(load * 5, acwr(load * 5).ratio)  # a taller week: the axis grows
    assert np.allclose(view.load.get_data()[1], load * 5) and view.ax_load.get_ylim()[1] >= 525
