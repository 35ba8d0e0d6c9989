"""The disclaimer and the one red-flag table of the course.

Every place that shows red flags — the notebooks' safety box
(:func:`red_flags_html`), the screen in front of the program builder
(:func:`red_flag_screen`), the printed plan and the course website — reads
this one table, so they always say the same thing.
"""
from __future__ import annotations

import html

__all__ = ["DISCLAIMER", "RED_FLAG_TABLE", "RED_FLAGS", "RED_FLAG_QUESTIONS", "red_flag_screen", "red_flags_html",
           "red_flag_list_html"]

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
    "trauma": ("pain that started with a fall, twist or blow (trauma)",
               "Did the pain start with a fall, twist or blow?"),
}

#: The red flags as statements, in the table's order.
RED_FLAGS = tuple(statement for statement, _ in RED_FLAG_TABLE.values())
#: key -> question shown in the red-flag screen.
RED_FLAG_QUESTIONS = {key: question for key, (_, question) in RED_FLAG_TABLE.items()}


def red_flag_list_html() -> str:
    """The red flags as an HTML list (``<ul>…</ul>``), text escaped."""
    return "<ul>" + "".join(f"<li>{html.escape(f)}</li>" for f in RED_FLAGS) + "</ul>"


def red_flags_html() -> str:
    """The disclaimer and the red-flag list as HTML: the safety box of every notebook with exercises."""
    return (
        '<div style="border:2px solid #D55E00;padding:8px;border-radius:6px">'
        f"<b>⚠ Not medical advice.</b> {html.escape(DISCLAIMER)}<br><b>Stop and see a clinician if:</b>"
        f"{red_flag_list_html()}</div>"
    )


def red_flag_screen(answers: dict) -> list:
    """Red flags answered "yes".

    Parameters
    ----------
    answers : dict
        Question key (:data:`RED_FLAG_QUESTIONS`) -> bool. Missing keys count
        as not answered (False).

    Returns
    -------
    list of str
        The questions answered yes; any entry means stop and see a clinician.
    """
    if not isinstance(answers, dict):
        raise TypeError(f"answers must be a dict of question -> True/False, got {type(answers).__name__}")
    unknown = set(answers) - set(RED_FLAG_QUESTIONS)
    if unknown:
        raise ValueError(f"unknown red-flag keys {sorted(unknown)}; known: {sorted(RED_FLAG_QUESTIONS)}")
    for k, v in answers.items():
        if not isinstance(v, bool):
            raise TypeError(f"answers[{k!r}] must be True or False, got {v!r}")
    return [RED_FLAG_QUESTIONS[k] for k in RED_FLAG_QUESTIONS if answers.get(k)]
