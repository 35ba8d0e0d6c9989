"""Patellofemoral force, contact area and stress (models.patellofemoral)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kneecourse as kc
from kneecourse.models.patellofemoral import WEIGHT_BEARING_AREA_GAIN


def test_k_published_coefficients():
    # k(θ) = (0.462 + 1.47e-3θ − 3.84e-5θ²)/(1 − 1.62e-2θ + 1.55e-4θ² − 6.98e-7θ³) (van Eijden 1986)
    assert kc.pfjrf_ratio(0.0) == pytest.approx(0.462)
    t = 60.0
    expected = (0.462 + 1.47e-3 * t - 3.84e-5 * t**2) / (1 - 1.62e-2 * t + 1.55e-4 * t**2 - 6.98e-7 * t**3)
    assert kc.pfjrf_ratio(t) == pytest.approx(expected)
    theta = np.linspace(0, 120, 241)
    k = kc.pfjrf_ratio(theta)
    assert np.all(k > 0.4) and np.all(k < 1.2)  # the printed typo variant goes negative near 60°


@pytest.mark.parametrize("theta, area_mm2", [(0, 210), (30, 414), (60, 520)])
def test_contact_area_through_besier_points(theta, area_mm2):
    # Besier et al. 2005, J Orthop Res: 210 / 414 / 520 mm² at 0 / 30 / 60°, males unloaded
    assert abs(kc.patellofemoral_contact_area(theta) * 1e6 / area_mm2 - 1) <= 0.05
    wb = kc.patellofemoral_contact_area(theta, weight_bearing=True)
    assert wb / kc.patellofemoral_contact_area(theta) == pytest.approx(WEIGHT_BEARING_AREA_GAIN)


def test_contact_area_held_beyond_60():
    a = kc.patellofemoral_contact_area(np.array([60.0, 90.0, 120.0]))
    assert np.allclose(a, a[0])
    assert np.all(np.diff(kc.patellofemoral_contact_area(np.linspace(0, 60, 61))) > 0)


def test_stress_is_force_over_area_in_pascal():
    m, t = 150.0, 45.0
    f = kc.patellofemoral_force(m, t)
    assert f == pytest.approx(kc.pfjrf_ratio(t) * m / kc.quadriceps_moment_arm(t))
    s = kc.patellofemoral_stress(m, t)
    assert s == pytest.approx(f / kc.patellofemoral_contact_area(t))
    assert 1e6 < s < 2e7  # of the order of MPa
    assert kc.to_mpa(s) == pytest.approx(s / 1e6)


@given(st.floats(0, 500), st.floats(0, 120))
def test_pf_force_nonnegative_and_linear_in_moment(m, t):
    f = kc.patellofemoral_force(m, t)
    assert f >= 0 and np.isfinite(f)
    assert kc.patellofemoral_force(2 * m, t) == pytest.approx(2 * f)


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 250), st.lists(st.floats(0, 120), min_size=1, max_size=5), st.floats(40, 120), st.booleans())
def test_loading_in_one_call_is_the_separate_equations(moment, angles, mass, wb):
    from kneecourse.models.patellofemoral import patellofemoral_loading

    theta = np.array(angles)
    r = patellofemoral_loading(moment, theta, mass, wb)
    assert np.allclose(r["quadriceps_force_n"], kc.quadriceps_force(moment, theta))
    assert np.allclose(r["k"], kc.pfjrf_ratio(theta))
    assert np.allclose(r["pf_force_n"], kc.patellofemoral_force(moment, theta))
    assert np.allclose(r["contact_area_m2"], kc.patellofemoral_contact_area(theta, wb))
    assert np.allclose(r["stress_pa"], kc.patellofemoral_stress(moment, theta, wb))
    assert np.allclose(r["pf_force_bw"], kc.to_body_weights(r["pf_force_n"], mass))
