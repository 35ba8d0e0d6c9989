"""Moments, moment arms and free bodies (models.statics)."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneecourse.models.statics import force_on_lever, free_body_residual, moment_about, moment_arm, resultant


def test_hand_computed_moments():
    # 100 N straight down, 0.3 m in front of the pivot: 30 N·m clockwise (negative)
    assert moment_about((0.3, 0.0), (0.0, -100.0)) == pytest.approx(-30.0)
    # a force through the pivot has no moment
    assert moment_about((0.5, 0.5), (10.0, 10.0)) == pytest.approx(0.0)
    # 50 N at 30° above horizontal, applied 0.4 m along x: M = 0.4 · 50 · sin 30° = 10 N·m
    f = 50 * np.array([np.cos(np.radians(30)), np.sin(np.radians(30))])
    assert moment_about((0.4, 0.0), f) == pytest.approx(10.0)
    assert moment_arm((0.4, 0.0), f) == pytest.approx(0.2)
    # about another point
    assert moment_about((1.0, 0.0), (0.0, 10.0), about_m=(0.5, 0.0)) == pytest.approx(5.0)


def test_resultant_and_free_body():
    pts = [(0.0, 0.0), (1.0, 0.0)]
    fs = [(0.0, 10.0), (0.0, -10.0)]
    total, m = resultant(pts, fs)
    assert np.allclose(total, 0) and m == pytest.approx(-10.0)  # a couple
    rf, rm = free_body_residual([(0, 0), (1, 0), (0.5, 0)], [(0, 5), (0, 5), (0, -10)])
    assert rf == pytest.approx(0) and rm == pytest.approx(0)


def test_statics_bad_input():
    with pytest.raises(ValueError, match="point_m"):
        moment_about((1.0, 2.0, 3.0), (0.0, 1.0))
    with pytest.raises(ValueError, match="no line of action"):
        moment_arm((1.0, 0.0), (0.0, 0.0))
    with pytest.raises(ValueError, match="force_n"):
        moment_about((1.0, 0.0), (np.nan, 1.0))


@given(st.floats(0, 5000), st.floats(-360, 360), st.floats(-2, 2))
def test_force_on_lever_is_moment_and_arm_of_its_force(size, angle, x):
    r = force_on_lever(size, angle, x)
    a = np.radians(angle)
    assert np.allclose(r["force_n"], size * np.array([np.cos(a), np.sin(a)]))
    assert r["moment_nm"] == pytest.approx(moment_about((x, 0.0), r["force_n"]), abs=1e-9)
    assert r["moment_arm_m"] == (moment_arm((x, 0.0), r["force_n"]) if size > 0 else 0.0)
    # hand check: 100 N straight up at 0.5 m makes 50 N·m with a 0.5 m arm
    up = force_on_lever(100.0, 90.0, 0.5)
    assert up["moment_nm"] == pytest.approx(50.0) and up["moment_arm_m"] == pytest.approx(0.5)


@pytest.mark.parametrize("kwargs,name", [({"force_n": -1.0}, "force_n"), ({"angle_deg": 400.0}, "angle_deg"),
                                         ({"distance_m": float("nan")}, "distance_m")])
def test_force_on_lever_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        force_on_lever(**{"force_n": 10.0, "angle_deg": 0.0, "distance_m": 0.3, **kwargs})
