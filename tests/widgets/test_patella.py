"""Modules 3 and 4's explorers (widgets.patella): PF load and patellar tracking."""

import pytest

from kneecourse.widgets import (
    TrackingExplorer,
)


@pytest.mark.parametrize("vmo_share, flexion", [(0.0, 30.0), (0.05, 90.0), (0.07, 90.0)])
def test_a_patella_that_would_sublux_is_said_and_drawn(vmo_share, flexion):
    """Hip adduction 10°, internal rotation 10° and a weak VMO leave no equilibrium. The readout said
    'stress_pa = nan Pa is not a finite number' while the drawing kept the last seated frame."""
    e = TrackingExplorer()
    seated = e.knee_view.patella.get_xdata()[0]
    e.set(hip_adduction_deg=10.0, hip_internal_rotation_deg=10.0, vmo_share=vmo_share, knee_flexion_deg=flexion)
    assert e.error is None and not e.state["stable"]
    text = e.readout.value
    assert "sublux" in text and "nan" not in text.lower() and "⚠" not in text
    assert "sublux" in e.facets.status.get_text() and "seated" not in e.facets.status.get_text()
    assert e.knee_view.patella.get_xdata()[0] > seated  # drawn off the groove, laterally
    assert all(b.get_height() == 0 for b in e.facets.bars)
    e.set(vmo_share=0.24, hip_adduction_deg=0.0, hip_internal_rotation_deg=0.0)  # and back in the groove
    assert e.state["stable"] and e.knee_view.patella.get_xdata()[0] == seated
