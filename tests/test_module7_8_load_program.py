"""Modules 7 and 8: ACWR, planner, training-log import, exercise library, program, red flags."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kneecourse.models.load import KM_PER_MILE, acwr, plan_progression, weekly_change, weekly_totals
from kneecourse.models.program import (
    RED_FLAG_QUESTIONS,
    build_program,
    exercise_library,
    filter_exercises,
    pain_rule,
    red_flag_screen,
    validate_library,
)
from kneecourse.tables import TableError
from kneecourse.trainlog import LogError, parse_training_log, sample_log

from .conftest import ROOT


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


def test_log_import_reports_bad_rows_by_line():
    text = (
        "# a comment\n"
        "date,duration_min,rpe,distance_km\n"
        "2026-01-01,30,5,5\n"
        "2026-01-02,-10,5,5\n"        # line 4: negative
        "2026-01-03,30,nan,5\n"       # line 5: NaN
        "01/04/2026,30,5,5\n"         # line 6: bad date
        "2026-01-05,30,5\n"           # line 7: missing cell
        "2026-01-06,thirty,5,5\n"     # line 8: not a number
        "2026-01-07,40,6,\n"
    )
    log = parse_training_log(text)
    assert [n for n, _ in log.problems] == [4, 5, 6, 7, 8]
    assert "duration_min = -10" in dict(log.problems)[4]
    assert log.sessions == 2 and len(log.dates) == 7
    assert log.load[0] == 150 and log.load[-1] == 240 and log.load[1:6].sum() == 0
    with pytest.raises(LogError) as e:
        parse_training_log(text, strict=True)
    assert "line 4" in str(e.value) and len(e.value.problems) == 5
    with pytest.raises(LogError, match="header lacks"):
        parse_training_log("when,minutes\n2026-01-01,30\n")


def test_sample_log_is_synthetic_with_a_spike():
    text = (ROOT / "data" / "sample_training_log.csv").read_text()
    assert text.startswith("# SYNTHETIC")
    log = sample_log()
    change = weekly_change(log.distance_km)
    assert change.max() > 0.3  # the spike the module is about


def test_library_schema_and_reference_exercises():
    lib = exercise_library()
    validate_library({"exercises": lib})
    ids = {e["id"] for e in lib}
    # every exercise named in the runner's-knee articles (REFERENCES.md)
    for needed in ("tibial_rotation_seated", "forward_step_up", "glute_bridge", "lateral_leg_lift",
                   "hamstring_bridge_roller", "door_frame_isometric", "wall_calf_strides", "breathing_90_90",
                   "hip_switch_90_90", "hip_ir_breathing", "standing_hip_foot_rotation", "high_knees_overhead"):
        assert needed in ids
    for e in lib:
        assert (ROOT / "notebooks" / e["notebook"]).exists(), f"{e['id']} links to a missing notebook"


@pytest.mark.parametrize("mutate, msg", [
    (lambda e: e.pop("dosage"), "missing field"),
    (lambda e: e.update(evidence_grade="great"), "evidence_grade"),
    (lambda e: e.update(equipment=["trampoline"]), "equipment"),
    (lambda e: e.update(minutes=0), "minutes"),
    (lambda e: e.update(cues=[1, 2]), "cues"),
])
def test_library_validation_rejects(mutate, msg):
    lib = exercise_library()
    mutate(lib[0])
    with pytest.raises(TableError, match=msg):
        validate_library({"exercises": lib})


def test_filters():
    none_only = filter_exercises(equipment=["none"])
    assert all(set(e["equipment"]) & {"none"} for e in none_only)
    assert all(e["category"] == "strength" for e in filter_exercises(category="strength"))
    assert all(e["evidence_grade"] == "strong" for e in filter_exercises(min_grade="strong"))
    assert any("step-up" in e["name"].lower() for e in filter_exercises(text="step-up", equipment=["step"]))
    with pytest.raises(ValueError, match="category"):
        filter_exercises(category="yoga")


@given(st.sampled_from(["pfp_rehab", "prevention", "return_to_run"]), st.floats(20, 600),
       st.integers(1, 6), st.sets(st.sampled_from(["step", "wall", "band", "foam_roller"])))
def test_program_fits_time(goal, minutes, n, equipment):
    p = build_program(goal, minutes, ["none", *equipment], n)
    per = minutes / n
    daily_share = sum(e["minutes"] for e in p["daily"]) * 7 / n
    for s in p["sessions"]:
        assert sum(e["minutes"] for e in s) + daily_share <= per + 1e-9 or not s
        assert all(goal in e["goals"] for e in s)


def test_strong_grade_belongs_to_the_programme_not_to_single_exercises():
    # Crossley 2016 / Willy 2019: strong evidence for combined hip + knee exercise therapy in treating
    # patellofemoral pain — the programme, not each exercise, and not prevention
    from kneecourse.models.program import PROGRAMME_EVIDENCE

    lib = exercise_library()
    assert not [e["id"] for e in lib if e["evidence_grade"] == "strong"]
    core = {e["id"] for e in lib if e["pfp_core"]}
    assert {"forward_step_up", "wall_squat", "lateral_leg_lift", "glute_bridge"} <= core
    assert PROGRAMME_EVIDENCE["pfp_rehab"][0] == "strong" and PROGRAMME_EVIDENCE["prevention"][0] != "strong"
    # mechanism claims are not sold as fact: pain improves without kinematic change
    lateral = next(e for e in lib if e["id"] == "lateral_leg_lift")
    assert "not supported" in lateral["targets"]
    bad = exercise_library()
    bad[0]["evidence_grade"] = "strong"
    with pytest.raises(TableError, match="programme"):
        validate_library({"exercises": bad})


def test_pfp_builder_starts_from_the_hip_and_knee_core():
    # Jo of the capstone: 90 min a week, a step and a wall, 3 sessions
    p = build_program("pfp_rehab", 90, ("none", "step", "wall"), 3)
    ids = [e["id"] for e in p["sessions"][0]]
    assert {"forward_step_up", "wall_squat", "lateral_leg_lift", "glute_bridge"} <= set(ids)
    first_opinion = min((i for i, e in enumerate(p["sessions"][0]) if e["evidence_grade"] == "opinion"),
                        default=len(ids))
    assert all(e["pfp_core"] for e in p["sessions"][0][:first_opinion])
    assert p["evidence"][0] == "strong"
    # even with little time, the first two exercises are one knee and one hip exercise
    small = build_program("pfp_rehab", 30, ("none", "step", "wall"), 3)["sessions"][0]
    assert len(small) >= 2 and small[0]["pfp_core"] and small[1]["pfp_core"]
    assert ("quadriceps" in small[0]["muscles"]) != ("quadriceps" in small[1]["muscles"])


def test_pain_rule():
    assert pain_rule(2, 0) == "progress"
    assert pain_rule(3, -1) == "progress"
    assert pain_rule(4, 0) == "hold"
    assert pain_rule(2, 1) == "hold"
    assert pain_rule(6, 0) == "regress" and pain_rule(2, 3) == "regress"
    with pytest.raises(ValueError, match="pain_during"):
        pain_rule(11, 0)


@pytest.mark.parametrize("flag", list(RED_FLAG_QUESTIONS))
def test_every_red_flag_triggers(flag):
    answers = {k: False for k in RED_FLAG_QUESTIONS}
    assert red_flag_screen(answers) == []
    answers[flag] = True
    assert red_flag_screen(answers) == [RED_FLAG_QUESTIONS[flag]]


def test_red_flag_bad_input():
    with pytest.raises(ValueError, match="unknown"):
        red_flag_screen({"headache": True})
    with pytest.raises(TypeError):
        red_flag_screen({"locking": "yes"})
