"""The self-checks of 00_start_here.ipynb (Start here).

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order) and what each wrong
option of a choice misses.
"""
from __future__ import annotations

from ..questions import MultipleChoice


def questions(nb):
    return [
        MultipleChoice(nb, "red_flags", "Which of these means: stop and see a clinician before exercising?",
                       ["A dull ache after a long run that is gone the next day",
                        "The knee locks or gives way",
                        "Tired thighs after step-ups"], 1,
                       "Locking or giving way is a red flag: it can mean a mechanical problem inside the joint.",
                       hint="Look at the red-flag list above.",
                       feedback={0: "An ache that settles by the next day is a normal response to load.",
                                 2: "Muscle fatigue is expected after strength work."}),
        MultipleChoice(nb, "widgets", "What happens when you move a slider in this course?",
                       ["Nothing until you re-run the cell",
                        "The model is re-computed and the same figure is redrawn",
                        "A new figure is added below"], 1,
                       "Each explorer keeps one figure and updates it in place, so you can move the slider freely."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "widgets": {0: "No re-run needed: the explorer is live, every move redraws it at once.",
                2: "The same figure changes in place; nothing piles up below it."},
}
