"""The 3D leg: joint coordinate system and posed bones (models.leg3d)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kneecourse.models.leg3d import BONES, jcs_rotation, pose_leg
from kneecourse.models.screw_home import (
    coupled_tibial_rotation,
)


def _dists(points, names):
    return np.array([np.linalg.norm(points[a] - points[b]) for i, a in enumerate(names) for b in names[i + 1:]])


@settings(max_examples=200)
@given(st.floats(-10, 160), st.floats(-30, 30), st.floats(-60, 60))
def test_jcs_rotation_is_orthonormal(f, a, r):
    R = jcs_rotation(f, a, r)
    assert np.allclose(R @ R.T, np.eye(3), atol=1e-12)
    assert np.linalg.det(R) == pytest.approx(1.0, abs=1e-12)


@settings(max_examples=150)
@given(st.floats(0, 140), st.floats(-30, 30), st.floats(-40, 40), st.booleans())
def test_bones_stay_rigid_under_any_pose(theta, add, extra, coupled):
    ref = pose_leg(0.0)["points"]
    pts = pose_leg(theta, add, extra, coupled)["points"]
    for bone in ("tibia", "fibula", "foot", "femur", "patella"):
        names = sorted(set(BONES[bone]))
        assert np.allclose(_dists(pts, names), _dists(ref, names), atol=1e-12)
    shank = sorted(set(BONES["tibia"]) | set(BONES["fibula"]) | set(BONES["foot"]))
    assert np.allclose(_dists(pts, shank), _dists(ref, shank), atol=1e-12)


def test_pose_directions():
    # flexion moves the ankle backwards; coupled internal rotation turns the toes medially (-x, right leg)
    straight = pose_leg(0.0, coupled=False)["points"]
    bent = pose_leg(90.0, coupled=False)["points"]
    assert bent["medial_malleolus"][1] < straight["medial_malleolus"][1] - 0.3
    turned = pose_leg(90.0)["points"]
    assert turned["toe"][0] < bent["toe"][0]
    assert pose_leg(45.0)["axial_rotation_deg"] == pytest.approx(coupled_tibial_rotation(45.0))


def test_pose_reports_the_available_range():
    from kneecourse.models.screw_home import axial_rotation_envelope

    for theta, extra in ((30.0, 0.0), (90.0, 30.0), (5.0, -20.0)):
        pose = pose_leg(theta, extra_rotation_deg=extra)
        lo, hi = axial_rotation_envelope(theta)
        assert pose["rotation_range_deg"] == (lo, hi)
        assert pose["within_range"] == bool(lo <= pose["axial_rotation_deg"] <= hi)
    assert pose_leg(30.0)["within_range"]  # the coupling alone is always inside the range
