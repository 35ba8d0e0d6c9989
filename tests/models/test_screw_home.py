"""Screw-home coupling, rotation envelope, foot-angle demand and the stance knee (models.screw_home)."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kneecourse as kc
from kneecourse.models.screw_home import (
    axial_rotation_envelope,
    coupled_tibial_rotation,
    stance_knee_flexion,
    stance_rotation_demand,
    tibial_rotation_demand,
)

# Walker, Rovick & Robertson 1988, J Biomech 21:965 (as in the Rajagopal 2016 OpenSim knee):
WALKER = [(0, 0.0), (10, 3.4), (20, 6.3), (30, 8.6), (60, 13.2), (90, 14.9), (120, 15.0)]


@pytest.mark.parametrize("flexion, rotation", WALKER)
def test_reproduces_walker_1988_within_half_degree(flexion, rotation):
    assert abs(kc.coupled_tibial_rotation(flexion) - rotation) <= 0.5


def test_monotone_smooth_and_vectorised():
    theta = np.linspace(0, 140, 2801)
    r = coupled_tibial_rotation(theta)
    assert r.shape == theta.shape
    assert np.all(np.diff(r) >= -1e-12)
    # smooth: no jumps in the slope bigger than a cubic between published points allows
    slope = np.diff(r) / np.diff(theta)
    assert np.max(np.abs(np.diff(slope))) < 0.01
    assert r.max() <= 15.0 + 1e-9  # never overshoots the last published value


def test_most_rotation_in_last_30_degrees():
    assert coupled_tibial_rotation(30.0) / coupled_tibial_rotation(120.0) > 0.5


@pytest.mark.parametrize("bad, exc", [(-1, ValueError), (140.5, ValueError), (np.nan, ValueError),
                                      (np.inf, ValueError), ("30", TypeError), (None, TypeError),
                                      ([10, 200], ValueError)])
def test_bad_input(bad, exc):
    with pytest.raises(exc, match="knee_flexion_deg"):
        coupled_tibial_rotation(bad)


def test_envelope_anchor_points():
    # Neumann 2017: ~0 at full extension, ~40–50° total near 90°, external about twice internal
    lo, hi = axial_rotation_envelope(0.0)
    assert hi - lo == pytest.approx(0.0, abs=1e-9)
    lo, hi = axial_rotation_envelope(90.0)
    c = coupled_tibial_rotation(90.0)
    assert 40 <= hi - lo <= 50
    assert (c - lo) / (hi - c) == pytest.approx(2.0)


@given(st.floats(0, 140), st.floats(0, 60), st.floats(0, 1))
def test_envelope_contains_coupling(theta, total, share):
    lo, hi = axial_rotation_envelope(theta, total, share)
    c = coupled_tibial_rotation(theta)
    assert lo - 1e-9 <= c <= hi + 1e-9


def test_foot_angle_demand():
    # a foot pointing where the leg's own torsion puts it asks nothing of the knee: the normal
    # thigh–foot angle is about 10° toe-out (external tibial torsion; Staheli 1985)
    d = tibial_rotation_demand(10.0, 0.0)
    assert d["required_deg"] == 0 and d["within"]
    # a straight foot is 10° of toe-in relative to that: the knee and foot share 10° of internal rotation
    assert tibial_rotation_demand(0.0, 0.0)["required_deg"] == pytest.approx(5.0)
    # a hip turned out 10° turns the whole leg: a 20° toe-out then asks nothing either
    assert tibial_rotation_demand(20.0, 30.0, hip_external_rotation_deg=10.0)["required_deg"] == 0
    # toe-out beyond the leg's neutral at mid-stance: external rotation against the coupling
    d = tibial_rotation_demand(30.0, 45.0, foot_share=0.0)
    assert d["required_deg"] == -20.0 and d["extra_deg"] < -20
    # a stiffer knee (smaller envelope) leaves a shortfall
    loose = tibial_rotation_demand(30.0, 45.0, total_range_deg=45.0)
    stiff = tibial_rotation_demand(30.0, 45.0, total_range_deg=10.0)
    assert stiff["shortfall_deg"] > loose["shortfall_deg"] >= 0
    v = tibial_rotation_demand(np.array([0.0, 10.0, 20.0]), 45.0)
    assert v["required_deg"].shape == (3,)
    with pytest.raises(ValueError, match="thigh_foot_angle_deg"):
        tibial_rotation_demand(0.0, 0.0, thigh_foot_angle_deg=60.0)


@given(st.floats(-40, 40), st.floats(0, 140), st.floats(0, 1), st.floats(0, 60))
def test_demand_shortfall_nonnegative(phi, theta, share, total):
    d = tibial_rotation_demand(phi, theta, share, total)
    assert d["shortfall_deg"] >= 0
    assert bool(d["within"]) == bool(d["shortfall_deg"] <= 1e-12)


def test_stance_profile():
    s = np.linspace(0, 1, 101)
    th = stance_knee_flexion(s, 20, 45, 15)
    assert th[0] == pytest.approx(20) and th[50] == pytest.approx(45) and th[-1] == pytest.approx(15)
    with pytest.raises(ValueError, match="peak_deg"):
        stance_knee_flexion(0.5, 30, 20, 10)


def test_stance_demand_is_the_demand_at_the_stance_knee_angles():
    s = np.linspace(0, 1, 11)
    d = stance_rotation_demand(15.0, s, 50.0, 0.4, 40.0, 12.0, 5.0)
    theta = stance_knee_flexion(s, contact_deg=20.0, peak_deg=50.0, toe_off_deg=15.0)
    ref = tibial_rotation_demand(15.0, theta, 0.4, 40.0, thigh_foot_angle_deg=12.0, hip_external_rotation_deg=5.0)
    assert np.allclose(d["knee_flexion_deg"], theta)
    for key, value in ref.items():
        assert np.array_equal(d[key], value), key
    lo, hi = axial_rotation_envelope(theta, 40.0)
    assert np.allclose(d["lower_deg"], lo) and np.allclose(d["upper_deg"], hi)
