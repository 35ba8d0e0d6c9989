"""One red-flag table for the whole course: the notebooks' box, the program screen and the printed plan."""
import pytest

import kneecourse as kc
from kneecourse import safety
from kneecourse.safety import RED_FLAG_QUESTIONS, red_flag_screen


def test_one_table_feeds_every_red_flag_list():
    assert kc.RED_FLAGS == safety.RED_FLAGS and kc.DISCLAIMER == safety.DISCLAIMER
    assert kc.RED_FLAG_QUESTIONS is safety.RED_FLAG_QUESTIONS and kc.red_flag_screen is safety.red_flag_screen
    assert list(RED_FLAG_QUESTIONS) == list(safety.RED_FLAG_TABLE)
    box = kc.red_flags_html()
    assert all(statement in box for statement in safety.RED_FLAGS)


def test_red_flags_a_clinician_would_ask_for():
    # infection, inability to bear weight, possible clot, bone stress injury, systemic signs, a young
    # person's knee pain (check the hip), and night pain that wakes — not "pain at rest"
    text = " ".join(safety.RED_FLAGS).lower()
    for needed in ("hot, red or feverish", "cannot bear weight", "calf", "blood clot", "bone stress", "hop",
                   "weight loss", "cancer", "child or adolescent", "hip", "wakes you", "locks or gives way",
                   "numbness", "swelling", "trauma"):
        assert needed in text, needed
    assert "at rest" not in text


def test_every_flag_stops_the_program_screen():
    for key in safety.RED_FLAG_TABLE:
        assert red_flag_screen({key: True}) == [RED_FLAG_QUESTIONS[key]]


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


def test_the_printed_plan_lists_the_same_red_flags(tmp_path):
    from kneecourse.dataio.plan_export import plan_html

    page = plan_html(kc.build_program())
    assert safety.red_flag_list_html() in page and all(f in kc.red_flags_html() for f in safety.RED_FLAGS)
