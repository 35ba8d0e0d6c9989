"""Program builder and pain-monitoring rule, from the exercise library.

Pure logic, no drawing: the notebooks and widgets of modules 7 and 8 call it. The library itself
(``data/exercises.json``, read and checked) is :mod:`kneecourse.dataio.exercises`; the red-flag screen is
:mod:`kneecourse.safety`.
"""
from __future__ import annotations

from ..dataio.exercises import CATEGORIES, EQUIPMENT, EVIDENCE_GRADES, GOALS, exercise_library
from ..validation import check_choice, check_real

__all__ = ["PROGRAMME_EVIDENCE", "PAIN_ADVICE", "filter_exercises", "build_program", "pain_rule"]

#: What the pain rule can advise (:func:`pain_rule`), from the most load to the least
PAIN_ADVICE = ("progress", "hold", "regress")

#: What the evidence says for a whole programme, per goal: (grade, text). The strong grade belongs to
#: combined hip + knee exercise therapy for *treating* patellofemoral pain, not to single exercises and
#: not to prevention.
PROGRAMME_EVIDENCE = {
    "pfp_rehab": ("strong", "Combined hip and knee strengthening reduces pain and improves function in "
                            "patellofemoral pain (consensus statement and clinical practice guideline "
                            "[crossley2016, willy2019]). The strong grade is for that combination as a "
                            "programme; it works without reliably changing knee or hip kinematics."),
    "prevention": ("weak", "Exercise programmes to prevent running-related knee pain have little direct "
                           "support in runners; the exercises are reasonable general strength work."),
    "return_to_run": ("opinion", "Return-to-running progressions are built from clinical experience and the "
                                 "load principles of module 7, not from trials."),
}


def filter_exercises(equipment=None, category=None, goal=None, min_grade=None, text=""):
    """Exercises matching every given filter.

    Parameters
    ----------
    equipment : iterable of str, optional
        Equipment available; an exercise qualifies if it needs only these
        (``"none"`` is always available).
    category : str, optional
        One of :data:`CATEGORIES`.
    goal : str, optional
        One of :data:`GOALS`.
    min_grade : str, optional
        Keep exercises graded at least this well (``"strong"`` > ``"mixed"`` > ``"weak"`` > ``"opinion"``).
    text : str
        Case-insensitive search in name, targets and muscles.
    """
    have = {"none"} | set(equipment or EQUIPMENT)
    for e in have:
        check_choice(e, "equipment", EQUIPMENT)
    if category is not None:
        check_choice(category, "category", CATEGORIES)
    if goal is not None:
        check_choice(goal, "goal", GOALS)
    rank = {g: i for i, g in enumerate(EVIDENCE_GRADES)}
    if min_grade is not None:
        check_choice(min_grade, "min_grade", EVIDENCE_GRADES)
    text = str(text).lower().strip()
    out = []
    for ex in exercise_library():
        needs = set(ex["equipment"]) - {"none"}
        # an exercise listing several items needs any one of them (e.g. none or band)
        if needs and not (set(ex["equipment"]) & have):
            continue
        if category and ex["category"] != category:
            continue
        if goal and goal not in ex["goals"]:
            continue
        if min_grade and rank[ex["evidence_grade"]] > rank[min_grade]:
            continue
        if text and text not in " ".join([ex["name"], ex["targets"], *ex["muscles"]]).lower():
            continue
        out.append(ex)
    return out


def build_program(goal="pfp_rehab", minutes_per_week=60, equipment=("none",), sessions_per_week=3):
    """A weekly plan: sessions of strength, control and mobility within the time given.

    For patellofemoral pain (``"pfp_rehab"``) the sessions are built on the
    strong-evidence core first — hip and knee strengthening together
    (``pfp_core`` exercises, alternating knee and hip exercises so both are
    in), as in Crossley 2016 [crossley2016] and Willy 2019 [willy2019] — then
    the daily mobility drills, then the other exercises, best evidence first
    (strength, then control, then mobility). For the other goals the order is
    evidence, then category. Nothing is added that does not fit the time.

    Parameters
    ----------
    goal : str
        One of :data:`GOALS`.
    minutes_per_week : float
        20–600 min.
    equipment : iterable of str
        Available equipment (:data:`EQUIPMENT`).
    sessions_per_week : int
        1–6.

    Returns
    -------
    dict
        ``sessions`` (list of lists of exercises), ``daily`` (mobility drills),
        ``minutes_per_session``, ``goal``, ``evidence`` (grade, text) for the
        programme as a whole (:data:`PROGRAMME_EVIDENCE`).
    """
    check_choice(goal, "goal", GOALS)
    total = check_real(minutes_per_week, "minutes_per_week", "min", 20, 600, array=False)
    n = int(check_real(sessions_per_week, "sessions_per_week", "sessions", 1, 6, array=False))
    pool = filter_exercises(equipment=equipment, goal=goal)
    rank = {g: i for i, g in enumerate(EVIDENCE_GRADES)}
    order = {"strength": 0, "control": 1, "mobility": 2}
    pool.sort(key=lambda e: (rank[e["evidence_grade"]], order[e["category"]], e["minutes"]))
    per_session = total / n
    core = []
    if goal == "pfp_rehab":
        knee = [e for e in pool if e["pfp_core"] and "quadriceps" in e["muscles"]]
        hip = [e for e in pool if e["pfp_core"] and e not in knee]
        for i in range(max(len(knee), len(hip))):  # knee, hip, knee, hip … so both are in
            core += [group[i] for group in (knee, hip) if i < len(group)]
    used = 0.0

    def fit(candidates, minutes_of, limit=None):
        """The candidates, in order, that still fit the session's time (at most ``limit`` of them)."""
        nonlocal used
        picked = []
        for e in candidates:
            if (limit is None or len(picked) < limit) and used + minutes_of(e) <= per_session:
                picked.append(e)
                used += minutes_of(e)
        return picked

    chosen = fit(core, lambda e: e["minutes"])
    daily = fit([e for e in pool if e["category"] == "mobility" and "daily" in e["frequency"]],
                lambda e: e["minutes"] * 7 / n, limit=2)
    chosen += fit([e for e in pool if e not in chosen and e not in daily], lambda e: e["minutes"])
    return {"goal": goal, "minutes_per_session": per_session, "sessions": [list(chosen) for _ in range(n)],
            "daily": daily, "evidence": PROGRAMME_EVIDENCE[goal]}


def pain_rule(pain_during, next_morning_change):
    """The pain-monitoring rule used in the course.

    Progress when pain during the exercise is at most 3/10 **and** pain or
    stiffness is back to its usual level by the next morning; hold when one
    of them is slightly over (pain 4–5/10, or one point above usual); regress
    otherwise. Built on the pain-monitoring model of Silbernagel et al. 2007
    [silbernagel2007], with the more cautious 3/10 ceiling the course uses
    for the knee.

    Parameters
    ----------
    pain_during : float
        Pain during the exercise, 0–10.
    next_morning_change : float
        Next-morning pain minus the usual level, −10 to 10.

    Returns
    -------
    str
        ``"progress"``, ``"hold"`` or ``"regress"``.
    """
    p = check_real(pain_during, "pain_during", "/10", 0, 10, array=False)
    d = check_real(next_morning_change, "next_morning_change", "/10", -10, 10, array=False)
    if p <= 3 and d <= 0:
        return "progress"
    if p <= 5 and d <= 1:
        return "hold"
    return "regress"
