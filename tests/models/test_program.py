"""Program builder and pain rule (models.program)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneecourse.models.program import build_program, filter_exercises, pain_rule


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
