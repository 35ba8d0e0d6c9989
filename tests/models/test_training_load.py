"""ACWR, weekly change and the progression planner (models.training_load)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kneecourse.models.training_load import KM_PER_MILE, acwr, plan_progression, weekly_change, weekly_totals


def test_rolling_acwr_hand_computed():
    x = np.arange(1, 36, dtype=float)  # loads 1, 2, ..., 35
    r = acwr(x)
    assert not r["defined"][:27].any() and np.isnan(r["ratio"][:27]).all()
    # day 28: acute = 22 + ... + 28 = 175; chronic = (1 + ... + 28) / 4 = 101.5
    assert r["acute"][27] == 175 and r["chronic"][27] == pytest.approx(101.5)
    assert r["ratio"][27] == pytest.approx(175 / 101.5)
    # Hulin-style spike: 3 weeks at 100, 1 week at 200 -> 1400 / 875 = 1.6
    r = acwr([100.0] * 21 + [200.0] * 7)
    assert r["ratio"][27] == pytest.approx(1.6)


def test_uncoupled_acwr():
    r = acwr([100.0] * 21 + [200.0] * 7, method="uncoupled")
    # chronic = the three weeks before the acute week: 2100 / 3 = 700
    assert r["chronic"][27] == pytest.approx(700.0) and r["ratio"][27] == pytest.approx(2.0)


@given(st.lists(st.floats(0, 2000), min_size=28, max_size=120))
def test_uncoupled_is_a_rescaling_of_rolling(xs):
    # U = 3R/(4 - R) exactly (7/28-day windows): the same ranking of days, so it does not answer the
    # coupling critique (Lolli 2019; Impellizzeri 2020) — it only changes the numbers
    r, u = acwr(xs)["ratio"], acwr(xs, method="uncoupled")["ratio"]
    ok = np.isfinite(r) & np.isfinite(u)
    assert np.allclose(u[ok], 3 * r[ok] / (4 - r[ok]), rtol=1e-9)


def test_ewma_acwr_hand_computed():
    # Williams 2017: λ = 2/(N+1); the weights λ(1-λ)^j are normalised over the days logged so far
    x = np.array([10.0, 20.0, 0.0] + [5.0] * 30)
    r = acwr(x, method="ewma")
    for lam, key in ((2 / 8, "acute"), (2 / 29, "chronic")):
        w = lam * (1 - lam) ** np.arange(3)[::-1]  # weights of days 1, 2, 3 on day 3
        assert r[key][2] == pytest.approx((w * x[:3]).sum() / w.sum())
    assert r["acute"][0] == pytest.approx(10.0)
    assert r["defined"][27] and not r["defined"][26]


def test_ewma_does_not_keep_day_one():
    # seeding the average with day 1 kept ~14% of the chronic weight on day 1 at day 28
    # ((1 - 2/29)^27 = 0.146); with normalised weights day 1 has its EWMA weight, ~1.2%
    impulse = np.zeros(28)
    impulse[0] = 1.0
    assert acwr(impulse, method="ewma")["chronic"][27] < 0.02
    flat = acwr(np.full(40, 50.0), method="ewma")
    assert np.allclose(flat["acute"], 50.0) and np.allclose(flat["chronic"], 50.0)


def test_zero_chronic_is_undefined():
    r = acwr(np.zeros(40))
    assert not r["defined"].any() and np.isnan(r["ratio"]).all()


@given(st.lists(st.floats(0, 2000), min_size=28, max_size=120))
def test_acwr_properties(xs):
    r = acwr(xs)
    ok = r["defined"]
    assert np.all(np.isfinite(r["ratio"][ok])) and np.all(r["ratio"][ok] >= 0)
    assert np.all(r["ratio"][ok] <= 4.0 + 1e-9)  # acute week is at most all four weeks


def test_weekly_totals_and_change():
    x = [1.0] * 7 + [2.0] * 7 + [0.0] * 7 + [3.0] * 7 + [9.0] * 3
    assert weekly_totals(x).tolist() == [7, 14, 0, 21]
    ch = weekly_change(x)
    assert ch[0] == pytest.approx(1.0) and ch[1] == pytest.approx(-1.0) and np.isnan(ch[2])


@settings(max_examples=200)
@given(st.floats(5, 100), st.floats(5, 150), st.floats(0.02, 0.3), st.sampled_from([0, 2, 3, 4, 5]),
       st.floats(0.5, 1.0))
def test_planner_never_exceeds_limit(cur, tgt, inc, every, factor):
    try:
        p = plan_progression(cur, tgt, inc, every, factor)
    except ValueError as exc:
        assert "weeks away" in str(exc)
        return
    base, prev, returning = cur, cur, False
    for d, deload in zip(p["distance"], p["deload"]):
        if deload:
            assert d <= base + 1e-9
            returning = True
        elif returning:
            # after a lighter week, back to the level already run before it (no increase on top)
            assert d == pytest.approx(base)
            returning = False
        else:
            assert d <= prev * (1 + inc) + 1e-9
            base = d
        prev = d
    if tgt > cur + 1e-9:
        assert p["distance"][-1] == pytest.approx(tgt)
    else:
        assert p["distance"].size == 0
    assert np.all(p["distance"] <= max(cur, tgt) + 1e-9)


def test_planner_resumes_at_the_pre_deload_level():
    # 20 -> 40 km at 10%: the week after each lighter week repeats the last build week, so the plan
    # never trips the >30% two-week warning (Nielsen 2014) it teaches
    p = plan_progression(20.0, 40.0, 0.10, 4, 0.8)
    d = p["distance"]
    for i in np.flatnonzero(p["deload"]):
        if i + 1 < d.size:
            assert d[i + 1] == pytest.approx(d[i - 1])
    assert np.all(d[1:] / d[:-1] - 1 <= 0.25 + 1e-9)  # the return from 80% is +25%, below the 30% flag


def test_planner_units():
    km = plan_progression(20, 40, 0.1, 4, 0.8, unit="km")
    mi = plan_progression(20 / KM_PER_MILE, 40 / KM_PER_MILE, 0.1, 4, 0.8, unit="mi")
    assert np.allclose(km["distance_km"], mi["distance_km"])
    with pytest.raises(ValueError, match="unit"):
        plan_progression(20, 40, unit="furlong")
    with pytest.raises(ValueError, match="max_increase"):
        plan_progression(20, 40, max_increase=0.5)


def test_spike_scenario_scales_the_chosen_days_only():
    from kneecourse.models.training_load import spike_scenario

    load, km = np.full(84, 100.0), np.full(84, 5.0)
    r = spike_scenario(load, km, 2.0, 56, 70)
    assert np.all(r["load"][56:70] == 200.0) and np.all(r["load"][:56] == 100.0) and np.all(r["load"][70:] == 100.0)
    assert np.all(load == 100.0), "the log itself is left alone"
    assert np.allclose(r["ratio"], acwr(r["load"])["ratio"], equal_nan=True)
    assert np.allclose(r["weekly_change"], weekly_change(r["distance_km"]), equal_nan=True)
    with pytest.raises(ValueError, match="daily_distance_km"):
        spike_scenario(load, km[:10], 2.0)
