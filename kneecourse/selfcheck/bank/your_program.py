"""The self-checks of 08_your_program.ipynb (Module 8 — Your program).

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order) and what each wrong
option of a choice misses.
"""
from __future__ import annotations

from ...models.program import PAIN_ADVICE, pain_rule
from ..questions import MultipleChoice


def questions(nb):
    return [
        MultipleChoice(nb, "pain_rule", "Pain 2/10 during step-ups and back to usual by the next morning. The rule "
                                        "says…",
                       list(PAIN_ADVICE), PAIN_ADVICE.index(pain_rule(2, 0)),
                       "Within 3/10 and settled by the morning: the tissue tolerated the load."),
        MultipleChoice(nb, "pain_rule_2", "Pain 6/10 during the set and worse the next morning. The rule says…",
                       list(PAIN_ADVICE), PAIN_ADVICE.index(pain_rule(6, 2)),
                       "Too much: go back a step (regression or lower load)."),
        MultipleChoice(nb, "first_line", "Which exercise therapy has the strongest support for patellofemoral pain?",
                       ["Combined hip and knee strengthening", "Stretching alone", "Complete rest"], 0,
                       "Crossley 2016 consensus; Willy 2019 guideline."),
        MultipleChoice(nb, "red_flag", "During the program your knee starts to swell markedly. You…",
                       ["stop and see a clinician", "push through", "double the stretching"], 0,
                       "Marked swelling is a red flag."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "pain_rule": {1: "Within 3/10 and settled by the next morning: the tissue tolerated it, so progress.",
                  2: "Regress is for pain above 5/10, or stiffness more than a point above usual the next "
                     "morning."},
    "pain_rule_2": {0: "Above 5/10 and worse the next morning: the load was too much, so step back.",
                    1: "Hold is for pain of 4–5/10 that is at most a point above usual by the morning; 6/10 "
                       "and worse the next day is more."},
    "first_line": {1: "Stretching alone has far less support than strengthening for patellofemoral pain.",
                   2: "Rest unloads the knee for a while but does not build capacity; exercise therapy does."},
    "red_flag": {1: "Marked swelling is a red flag: stop and have it checked.",
                 2: "Stretching does not address swelling; it needs a clinician's look."},
}
