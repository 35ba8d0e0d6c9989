"""Module 1's views (views.leg): the coupling curve's marker sits on the model's value."""
import numpy as np
import pytest
from matplotlib.figure import Figure

from kneecourse.models.screw_home import axial_rotation_envelope, coupled_tibial_rotation
from kneecourse.views.leg import CouplingCurveView


def test_the_coupling_marker_is_the_models_rotation_and_the_envelope_can_be_hidden():
    theta = np.linspace(0, 140, 141)
    lo, hi = axial_rotation_envelope(theta)
    view = CouplingCurveView(Figure().add_subplot(), theta, coupled_tibial_rotation(theta), lo, hi)
    view.update(30.0, coupled_tibial_rotation(30.0), show_envelope=False)
    assert view.point.get_data()[1][0] == pytest.approx(coupled_tibial_rotation(30.0))
    assert not view.band.get_visible() and "30° flexion" in view.text.get_text()
