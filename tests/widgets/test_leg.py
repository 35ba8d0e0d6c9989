"""Module 1's explorers (widgets.leg): the 3D leg and the planted foot."""

import pytest

from kneecourse.widgets import (
    LegExplorer,
)


def test_leg_explorer_coupling_toggle():
    e = LegExplorer().set(knee_flexion_deg=60.0)
    assert e.state["axial_rotation_deg"] == pytest.approx(13.2, abs=0.5)
    e.set(coupled=False)
    assert e.state["axial_rotation_deg"] == 0.0
