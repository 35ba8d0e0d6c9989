"""Moments, moment arms and free bodies (models.statics)."""
import numpy as np
import pytest

from kneecourse.models.statics import free_body_residual, moment_about, moment_arm, resultant


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
