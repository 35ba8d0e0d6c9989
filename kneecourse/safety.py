"""The disclaimer and the one red-flag table of the course.

Every place that shows red flags — the notebooks' safety box
(:func:`kneecourse.red_flags_html`), the screen in front of the program
builder (:func:`kneecourse.models.program.red_flag_screen`) and the printed
plan — reads this table, so they always say the same thing.
"""
from __future__ import annotations

__all__ = ["DISCLAIMER", "RED_FLAG_TABLE", "RED_FLAGS", "RED_FLAG_QUESTIONS"]

#: Shown wherever exercises appear.
DISCLAIMER = (
    "This course is educational and is not medical advice. It cannot diagnose or treat knee pain. "
    "If you have pain, see a physiotherapist or doctor before starting or changing exercise."
)

#: key -> (statement for lists, question for the screen). Any one of them: stop and see a clinician.
RED_FLAG_TABLE = {
    "numbness": ("numbness or tingling in the leg or foot", "Numbness or tingling in the leg or foot?"),
    "locking": ("the knee locks or gives way", "Does the knee lock or give way?"),
    "swelling": ("marked swelling of the knee", "Marked swelling of the knee?"),
    "hot_knee": ("a hot, red or feverish knee (possible infection)", "Is the knee hot or red, or do you have a fever?"),
    "weight_bearing": ("you cannot bear weight on the leg", "Are you unable to bear weight on the leg?"),
    "calf": ("calf swelling or pain (possible blood clot)", "Swelling or pain in the calf?"),
    "bone": ("pain in one spot on a bone, or pain when you hop (possible bone stress injury)",
             "Pain in one spot on a bone, or pain when you hop?"),
    "systemic": ("unexplained weight loss, fever, or a history of cancer",
                 "Unexplained weight loss, fever, or a history of cancer?"),
    "young": ("a child or adolescent with knee pain (hip problems can be felt in the knee: have the hip checked)",
              "Is this a child or adolescent with knee pain?"),
    "night_pain": ("pain at night that wakes you", "Pain at night that wakes you?"),
    "worsening": ("pain that gets worse from session to session", "Pain getting worse from session to session?"),
    "trauma": ("pain that started with a fall, twist or blow (trauma)", "Did the pain start with a fall, twist or blow?"),
}

#: The red flags as statements, in the table's order.
RED_FLAGS = tuple(statement for statement, _ in RED_FLAG_TABLE.values())
#: key -> question shown in the red-flag screen.
RED_FLAG_QUESTIONS = {key: question for key, (_, question) in RED_FLAG_TABLE.items()}
