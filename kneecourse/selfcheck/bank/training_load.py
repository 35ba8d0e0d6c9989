"""The self-checks of 07_training_load.ipynb (Module 7 — Training load).

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order), what each wrong option
of a choice misses, its predict-then-check and the worked solutions of its code exercises, written as a learner
writes them (only ``np`` and ``kc``; the notebook ships a stub).
"""
from __future__ import annotations

from ...models import (
    training_load,
)
from ..questions import CodeExercise, MultipleChoice, Numeric


def questions(nb):
    r = training_load.acwr([100.0] * 21 + [200.0] * 7)
    return [
        Numeric(nb, "acwr_spike", "Three weeks of 100 AU a day, then one week of 200 AU a day. Rolling ACWR on day 28?",
                float(r["ratio"][27]), "", "Acute 1400; chronic (700·3 + 1400)/4 = 875; 1400/875 = 1.6.", rel_tol=0.01),
        MultipleChoice(nb, "coupling", "Why is the rolling ACWR 'mathematically coupled'?",
                       ["The acute week is also part of the chronic average", "It uses RPE",
                        "It ignores rest days"], 0, "Lolli 2019: the same data are on both sides of the ratio."),
        Numeric(nb, "session_load_value", "A 45 min run at RPE 6. Session load in AU?", 270.0, "AU",
                "Load = minutes × RPE.",
                rel_tol=0.01),
        MultipleChoice(nb, "nielsen", "Nielsen 2014 suggested (the hazard ratio's interval included no effect) that "
                                      "distance-related injuries in novice runners follow…",
                       [">30% weekly distance increase over two weeks", "any run longer than 10 km",
                        "running on consecutive days"], 0, "A weekly progression above 30% was the suggested risk "
                                                           "signal (HR 1.59, 95% CI 0.96–2.66)."),
        CodeExercise(nb, "session_load", "Write session_load(minutes, rpe): the session's load in arbitrary units.",
                     lambda mins, rpe: mins * rpe, [(45.0, 6.0), (30.0, 3.0), (90.0, 8.0)], session_load,
                     ["The course counts load as duration × effort.", "Multiply the minutes by the RPE (0–10)."],
                     explanation="Session RPE × minutes: one number per day for the ratios."),
        CodeExercise(nb, "rolling_acwr",
                     "Harder: write rolling_acwr(daily_loads): the rolling ACWR on the last day of a list of at least "
                     "28 daily loads.",
                     lambda d: float(training_load.acwr(list(d))["ratio"][-1]),
                     [((100.0,) * 21 + (200.0,) * 7,), ((50.0, 0.0) * 14,), ((0.0,) * 20 + (80.0,) * 10,)],
                     rolling_acwr,
                     ["Acute load: the total of the last 7 days (daily_loads[-7:]).",
                      "Chronic load: the total of the last 28 days divided by 4 (an average week); ratio = acute / "
                      "chronic."],
                     explanation="The last 7 days are inside the 28: that is the coupling Lolli 2019 criticised."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "coupling": {1: "RPE is how the load is measured, not why the ratio is coupled.",
                 2: "Rest days count as zero load in both averages; the coupling is the shared week."},
    "nielsen": {1: "The study was about how fast weekly distance grew, not the length of one run.",
                2: "Back-to-back days were not the exposure studied; the change in weekly distance was."},
}


def prediction():
    """The predict-then-check: (id, prompt, unit, model value, explanation)."""
    return (
        "acwr_150", "Three weeks of 100 AU a day, then one week of 150 AU a day: the rolling ACWR on day 28?", "",
        float(training_load.acwr([100.0] * 21 + [150.0] * 7)["ratio"][27]),
        "The spike week is also a quarter of the chronic average, which damps the ratio (coupling).")


# -- worked solutions ----------------------------------------------------------------------


def session_load(minutes, rpe):
    # session-RPE load: minutes × RPE, in arbitrary units
    return minutes * rpe


def rolling_acwr(daily_loads):
    # last 7 days' total over the average week of the last 28 days
    acute = sum(daily_loads[-7:])
    chronic = sum(daily_loads[-28:]) / 4
    return acute / chronic
