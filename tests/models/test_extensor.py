"""The quadriceps' moment arm and force (models.extensor)."""
import numpy as np
import pytest

import kneecourse as kc


@pytest.mark.parametrize("theta, expected", [
    # r(θ) = 8.0e-8·θ³ − 1.3e-5·θ² + 2.8e-4·θ + 0.046 (van Eijden 1986; Brechter & Powers 2002)
    (0.0, 0.046), (60.0, 8.0e-8 * 60**3 - 1.3e-5 * 60**2 + 2.8e-4 * 60 + 0.046),
    (90.0, 0.02422),
])
def test_moment_arm_equation(theta, expected):
    assert kc.quadriceps_moment_arm(theta) == pytest.approx(expected, rel=1e-4)


def test_moment_arm_held_beyond_the_cubic_minimum():
    # the published cubic has its minimum at 96.2° (2.39 cm) and rises to 3.06 cm at 120°, an
    # artefact; the course holds the minimum from there on (never rising with flexion)
    from kneecourse.models.extensor import MOMENT_ARM_HOLD_DEG

    assert MOMENT_ARM_HOLD_DEG == pytest.approx(96.2, abs=0.05)
    held = kc.quadriceps_moment_arm(np.array([MOMENT_ARM_HOLD_DEG, 100.0, 110.0, 120.0]))
    assert np.allclose(held, 0.02385, atol=1e-5)
    theta = np.linspace(12.2, 120, 500)
    assert np.all(np.diff(kc.quadriceps_moment_arm(theta)) <= 1e-15)


def test_moment_arm_near_mri_values():
    # MRI patellar-tendon moment arms 42.6 / 39.9 / 37.7 / 36.2 mm at 0/20/40/60° — the effective
    # arm of the equation is of the same size (within 20%)
    for theta, mri in ((0, 0.0426), (20, 0.0399), (40, 0.0377), (60, 0.0362)):
        assert abs(kc.quadriceps_moment_arm(theta) / mri - 1) < 0.2


def test_quadriceps_force():
    assert kc.quadriceps_force(46.0, 0.0) == pytest.approx(1000.0)
    f = kc.quadriceps_force(np.array([50.0, 100.0]), 30.0)
    assert f[1] == pytest.approx(2 * f[0])
    with pytest.raises(ValueError, match="knee_flexion_deg"):
        kc.quadriceps_moment_arm(121)
    with pytest.raises(ValueError, match="knee_moment_nm"):
        kc.quadriceps_force(-5, 30)
