"""Q-angle, VMO share, side pull and facet loading (models.tracking)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kneecourse as kc
from kneecourse.models.tracking import balanced_vmo_share, facet_loading


def test_side_pull_zero_at_own_q_balanced():
    # the knee is balanced at its own standing Q-angle with a balanced VMO (Huberti & Hayes 1984:
    # about equal lateral and medial facet pressures at the physiological Q-angle)
    for q0 in (10.0, 14.0, 17.0):
        assert kc.lateral_patellar_force(2000.0, q0, static_q_deg=q0) == pytest.approx(0.0, abs=1e-9)
    assert kc.lateral_patellar_force(2000.0, 14.0) == pytest.approx(0.0, abs=1e-9)  # default Q 14°
    s0 = balanced_vmo_share()
    assert s0 == pytest.approx(np.sin(np.radians(15)) / (np.sin(np.radians(15)) + np.sin(np.radians(55))))
    r = facet_loading(kc.patellofemoral_force(100.0, 30.0), 0.0, 4e-4)
    assert r["lateral_share"] == pytest.approx(0.5)
    assert r["lateral_stress_pa"] == pytest.approx(r["medial_stress_pa"]) == pytest.approx(r["balanced_stress_pa"])


@given(st.floats(1, 5000), st.floats(-10, 39), st.floats(0.05, 2), st.floats(0, 30))
def test_lateral_force_increases_with_q(fq, q, dq, q0):
    assert (kc.lateral_patellar_force(fq, min(q + dq, 40), static_q_deg=q0)
            > kc.lateral_patellar_force(fq, q, static_q_deg=q0))


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


@given(st.floats(1, 20000), st.floats(-20000, 20000), st.floats(1e-5, 0.002), st.floats(0, 20))
def test_facet_equilibrium(f, fl, a, lat_deg):
    # shares sum to one; where stable, the facet forces balance the compression (y) and, with the
    # restraint, the side pull (x); where not stable, no stress is reported
    r = facet_loading(f, fl, a, lateral_facet_deg=lat_deg)
    assert r["lateral_share"] + r["medial_share"] == pytest.approx(1.0)
    assert 0 <= r["lateral_share"] <= 1
    if not r["stable"]:
        assert np.isnan(r["lateral_stress_pa"]) and np.isnan(r["peak_stress_pa"]) and r["restraint_n"] > 347
        return
    al, am = np.radians(lat_deg), np.radians(42.0 - lat_deg)
    nl, nm = r["lateral_n"], r["medial_n"]
    assert nl >= 0 and nm >= 0
    assert nl * np.cos(al) + nm * np.cos(am) == pytest.approx(f, rel=1e-9)
    n0 = f / (np.cos(al) + np.cos(am))
    side = (nl - n0) * np.sin(al) - (nm - n0) * np.sin(am) + r["restraint_n"]
    assert side == pytest.approx(fl, rel=1e-9, abs=1e-6 * f)
    assert r["peak_stress_pa"] == max(r["lateral_stress_pa"], r["medial_stress_pa"])


@given(st.floats(100, 5000), st.floats(1e-4, 0.001))
def test_restraint_engages_continuously(f, a):
    # the medial restraint takes over smoothly where the medial facet unloads, and the lateral
    # facet's stress then stays at its ceiling (the whole compression on one facet)
    r0 = facet_loading(f, 0.0, a)
    grid = np.linspace(0, 2 * f, 4001)
    r = facet_loading(f, grid, a)
    t = r["restraint_n"]
    assert np.all(np.diff(t) >= -1e-9) and t[0] == 0
    first = np.argmax(t > 0)
    assert t[first] < 2 * f / 4000 * 1.5
    riding = (t > 0) & r["stable"]
    c22, c20 = np.cos(np.radians(22)), np.cos(np.radians(20))
    ceiling = r0["balanced_stress_pa"] * (1 / c22 / (f / (c22 + c20)) * f) ** (2 / 3)
    assert np.allclose(r["lateral_stress_pa"][riding], ceiling, rtol=1e-9)


def test_subluxation_reported_instead_of_stress():
    # near extension the PF compression is small, so the groove holds little and the medial
    # restraint (MPFL 208 N, ~60% of the restraint [amis2003, desio1998]) gives way first
    fq = kc.quadriceps_force(60.0, 10.0)
    pf = kc.patellofemoral_force(60.0, 10.0)
    big = kc.lateral_patellar_force(fq, 40.0, vmo_share=0.0, static_q_deg=10.0)
    r = facet_loading(pf, big, 3e-4)
    assert not r["stable"] and np.isnan(r["peak_stress_pa"]) and r["restraint_use"] > 1
    # a stronger restraint (or a deeper groove at more flexion) holds the same pull
    assert facet_loading(pf, big, 3e-4, medial_restraint_n=2000.0)["stable"]
    # a dysplastic, flat lateral facet (inclination < 11° [carrillon2000]) holds less
    mid = 0.5 * big
    flatter = facet_loading(pf, mid, 3e-4, lateral_facet_deg=5.0)
    assert flatter["restraint_n"] > facet_loading(pf, mid, 3e-4)["restraint_n"]


@pytest.mark.parametrize("q0", [10.0, 14.0, 17.0])
def test_huberti_hayes_q_up_and_down(q0):
    # Huberti & Hayes 1984 (JBJS 66A), 20° flexion, 23.6 N·m: about equal facet pressures at the
    # physiological Q; +10° Q raised peak pressure ~45%, -10° Q raised it ~50% (on other areas).
    m, t = 23.6, 20.0
    fq, pf, a = kc.quadriceps_force(m, t), kc.patellofemoral_force(m, t), kc.patellofemoral_contact_area(t)
    peak = {dq: facet_loading(pf, kc.lateral_patellar_force(fq, q0 + dq, static_q_deg=q0), a)["peak_stress_pa"]
            for dq in (-10.0, 0.0, 10.0)}
    up, down = peak[10.0] / peak[0.0] - 1, peak[-10.0] / peak[0.0] - 1
    assert 0.25 < up < 0.60, up     # published +45%; the model gives about +36%
    assert 0.25 < down < 0.65, down  # published +50%; the model gives about +37%
    # and the load moves to the lateral facet for +Q, to the medial facet for -Q
    assert facet_loading(pf, kc.lateral_patellar_force(fq, q0 + 10, static_q_deg=q0), a)["lateral_share"] > 0.6
    assert facet_loading(pf, kc.lateral_patellar_force(fq, q0 - 10, static_q_deg=q0), a)["lateral_share"] < 0.4


@given(st.floats(0.0, 0.5), st.floats(0.0, 0.5))
def test_vmo_moves_pressure_not_mean_stress(s1, s2):
    # Lenhart et al. 2015: strengthening the vastus medialis shifted the contact pressure medially
    # but did not substantially change its magnitude. In the model the mean stress cannot change
    # with the VMO share, and a larger share moves the load medially.
    fq, pf, a = kc.quadriceps_force(150.0, 45.0), kc.patellofemoral_force(150.0, 45.0), 5e-4
    r1 = facet_loading(pf, kc.lateral_patellar_force(fq, 14.0, s1), a)
    r2 = facet_loading(pf, kc.lateral_patellar_force(fq, 14.0, s2), a)
    assert r1["mean_stress_pa"] == r2["mean_stress_pa"]
    if s2 > s1 + 1e-6 and r1["stable"] and r2["stable"]:
        assert r2["lateral_share"] <= r1["lateral_share"]


@pytest.mark.parametrize("fn, args, name", [
    (kc.pfjrf_ratio, (130,), "knee_flexion_deg"),
    (kc.patellofemoral_contact_area, (np.nan,), "knee_flexion_deg"),
    (kc.patellofemoral_stress, (-1, 30), "knee_moment_nm"),
    (kc.lateral_patellar_force, (1000, 50), "q_angle_deg"),
    (kc.lateral_patellar_force, (1000, 10, 1.5), "vmo_share"),
    (kc.effective_q_angle, (14, 40), "hip_adduction_deg"),
    (facet_loading, (1000, 0, 0), "contact_area_m2"),
    (facet_loading, (1000, 0, 4e-4, 138, 42), "lateral_facet_deg"),
    (facet_loading, (1000, 0, 4e-4, 138, 22, 0), "medial_restraint_n"),
    (kc.lateral_patellar_force, (1000, 10, None, 55, 15, 35), "static_q_deg"),
])
def test_bad_input(fn, args, name):
    with pytest.raises((ValueError, TypeError), match=name):
        fn(*args)


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 30), st.floats(-10, 20), st.floats(-20, 30), st.floats(0.0, 0.5), st.floats(0, 90),
       st.floats(0, 250))
def test_tracking_in_one_call_is_the_chain_of_models(q0, add, ir, vmo, theta, moment):
    from kneecourse.models.tracking import WORKING_Q_RANGE_DEG, patellar_tracking

    r = patellar_tracking(q0, add, ir, vmo, theta, moment)
    q = np.clip(kc.effective_q_angle(q0, add, ir, theta), *WORKING_Q_RANGE_DEG)
    fq = kc.quadriceps_force(moment, theta)
    side = kc.lateral_patellar_force(fq, q, vmo, static_q_deg=q0)
    facets = facet_loading(kc.patellofemoral_force(moment, theta), side,
                           kc.patellofemoral_contact_area(theta, True))
    assert r["q_eff_deg"] == pytest.approx(q) and r["side_pull_n"] == pytest.approx(side)
    for key, value in facets.items():
        assert np.allclose(r[key], value, equal_nan=True), key


def test_tracking_says_when_the_moment_is_beyond_the_model():
    from kneecourse.models.tracking import patellar_tracking

    with pytest.raises(ValueError, match="knee_moment_nm"):
        patellar_tracking(knee_flexion_deg=5.0, knee_moment_nm=1000.0)
