"""Module 2's explorers (widgets.body): the lever and the squat."""

import numpy as np
import pytest

from kneecourse.widgets import (
    LeverExplorer,
)


def test_lever_state_matches_statics():
    e = LeverExplorer().set(force_n=100.0, angle_deg=-90.0, distance_m=0.5)
    assert e.state["moment_nm"] == pytest.approx(-50.0)
    assert e.state["moment_arm_m"] == pytest.approx(0.5)


def test_lever_with_no_force_draws_no_line_of_action():
    import warnings

    from kneecourse.widgets import LeverExplorer

    ex = LeverExplorer()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no division by a zero-length force
        ex.set(force_n=0.0)
        ex.fig.canvas.draw()
    view = next(v for v in ex._views if hasattr(v, "arm"))
    assert len(view.arm.get_xdata()) == 0 and len(view.line.get_xdata()) == 0
    ex.set(force_n=100.0)
    assert len(view.arm.get_xdata()) == 2 and np.all(np.isfinite(view.arm.get_xydata()))
