"""Modules 3 and 4: patellofemoral force, contact area and stress; tracking and facets."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kneecourse as kc
from kneecourse.models.activities import activity_loads
from kneecourse.models.patellofemoral import WEIGHT_BEARING_AREA_GAIN
from kneecourse.models.tracking import balanced_vmo_share, facet_loading
from kneecourse.units import G


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


def test_activities_against_literature():
    rows = {r["activity"]: r for r in activity_loads(70.0)}
    stairs = rows["stair climbing (step-up, 60°)"]
    # Reilly & Martens 1972: stair climbing 3.3 BW
    assert abs(stairs["pf_force_bw"] - 3.3) < 0.5
    run = rows["running stance (40°, 2.5 BW)"]
    # Lenhart et al. 2015: running PF contact pressure mean 5.0 MPa, peak 9.7 MPa
    assert 3.0 < run["pf_stress_mpa"] < 9.7
    assert run["pf_force_bw"] > stairs["pf_force_bw"]


def test_lateral_force_zero_at_q0_balanced():
    assert kc.lateral_patellar_force(2000.0, 0.0) == pytest.approx(0.0, abs=1e-9)
    s0 = balanced_vmo_share()
    assert s0 == pytest.approx(np.sin(np.radians(15)) / (np.sin(np.radians(15)) + np.sin(np.radians(55))))


@given(st.floats(1, 5000), st.floats(-10, 39), st.floats(0.05, 2))
def test_lateral_force_increases_with_q(fq, q, dq):
    assert kc.lateral_patellar_force(fq, min(q + dq, 40)) > kc.lateral_patellar_force(fq, q)


@given(st.floats(1, 5000), st.floats(0, 40), st.floats(0, 0.9))
def test_weaker_vmo_more_lateral(fq, q, s):
    assert kc.lateral_patellar_force(fq, q, s) > kc.lateral_patellar_force(fq, q, s + 0.1)


@given(st.floats(0, 30), st.floats(0, 29), st.floats(0, 39), st.floats(1, 120))
def test_dynamic_valgus_raises_q(q, add, ir, theta):
    base = kc.effective_q_angle(q, 0, 0, theta)
    assert base == pytest.approx(q)
    now = kc.effective_q_angle(q, add, ir, theta)
    assert now >= base
    assert kc.effective_q_angle(q, add + 1, ir, theta) > now
    assert kc.effective_q_angle(q, add, ir + 1, theta) > now


@given(st.floats(0, 20000), st.floats(-20000, 20000), st.floats(1e-5, 0.002))
def test_facet_shares_sum_to_one(f, fl, a):
    r = facet_loading(f, fl, a)
    assert r["lateral_share"] + r["medial_share"] == pytest.approx(1.0)
    assert 0 <= r["lateral_share"] <= 1
    assert r["lateral_n"] >= 0 and r["medial_n"] >= 0


def test_facets_balanced_then_shift_lateral():
    r0 = facet_loading(3000.0, 0.0, 5e-4)
    assert r0["lateral_share"] == pytest.approx(0.5)
    r1 = facet_loading(3000.0, 300.0, 5e-4)
    assert r1["lateral_share"] > 0.5 and r1["lateral_stress_pa"] > r1["medial_stress_pa"]


def test_huberti_direction():
    # Huberti & Hayes 1984: raising Q by 10° raised peak PF pressure (~45% at 20° flexion).
    # The model's lateral-facet stress rises with Q too (a direction check, not a calibration).
    m, t = 100.0, 20.0
    fq = kc.quadriceps_force(m, t)
    pf = kc.patellofemoral_force(m, t)
    a = kc.patellofemoral_contact_area(t)
    lo = facet_loading(pf, kc.lateral_patellar_force(fq, 10.0), a)["lateral_stress_pa"]
    hi = facet_loading(pf, kc.lateral_patellar_force(fq, 20.0), a)["lateral_stress_pa"]
    assert hi > 1.2 * lo


@pytest.mark.parametrize("fn, args, name", [
    (kc.pfjrf_ratio, (130,), "knee_flexion_deg"),
    (kc.patellofemoral_contact_area, (np.nan,), "knee_flexion_deg"),
    (kc.patellofemoral_stress, (-1, 30), "knee_moment_nm"),
    (kc.lateral_patellar_force, (1000, 50), "q_angle_deg"),
    (kc.lateral_patellar_force, (1000, 10, 1.5), "vmo_share"),
    (kc.effective_q_angle, (14, 40), "hip_adduction_deg"),
    (facet_loading, (1000, 0, 0), "contact_area_m2"),
])
def test_bad_input(fn, args, name):
    with pytest.raises((ValueError, TypeError), match=name):
        fn(*args)


def test_body_weight_helper():
    assert kc.to_body_weights(70 * G, 70) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="mass_kg"):
        kc.to_body_weights(100, 0)
