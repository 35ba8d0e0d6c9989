"""What the class view accepts: every prediction and question of the course, and only valid answers."""
import math

import pytest

from kneecourse.classview.catalogue import NUMBER_LIMIT, Rejected, catalogue, validated
from kneecourse.selfcheck.bank import NOTEBOOKS, predictions, quiz
from kneecourse.selfcheck.questions import MultipleChoice, Numeric


def test_every_prediction_and_answerable_question_is_in_the_catalogue():
    cat = catalogue()
    for nb in NOTEBOOKS:
        for p in predictions(nb):
            assert cat[(nb, p.id)]["kind"] == "prediction" and cat[(nb, p.id)]["model"] == p.model_value
        for q in quiz(nb):
            if isinstance(q, (MultipleChoice, Numeric)):
                assert (nb, q.id) in cat, f"{nb}/{q.id} cannot be posted"
    assert len({e["order"] for e in cat.values()}) == len(cat)


def test_a_valid_post_of_each_kind_passes():
    cat = catalogue()
    for (nb, qid), e in list(cat.items())[:12]:
        value = len(e["options"]) - 1 if e["kind"] == "choice" else 2.5
        assert validated({"notebook": nb, "question": qid, "kind": e["kind"], "value": value})["value"] == value


CHOICE = ("03_patellofemoral_load", "units")
PREDICTION = ("03_patellofemoral_load", "pf_30_to_90")


@pytest.mark.parametrize("post, why", [
    (None, "JSON object"),
    ([1, 2], "JSON object"),
    ({"notebook": "99_nope", "question": "units", "kind": "choice", "value": 0}, "no question"),
    ({"notebook": CHOICE[0], "question": "nope", "kind": "choice", "value": 0}, "no question"),
    ({"notebook": CHOICE[0], "question": CHOICE[1], "kind": "number", "value": 0}, "takes a choice"),
    ({"notebook": CHOICE[0], "question": CHOICE[1], "kind": "choice", "value": 3}, "option index"),
    ({"notebook": CHOICE[0], "question": CHOICE[1], "kind": "choice", "value": -1}, "option index"),
    ({"notebook": CHOICE[0], "question": CHOICE[1], "kind": "choice", "value": 1.0}, "option index"),
    ({"notebook": CHOICE[0], "question": CHOICE[1], "kind": "choice", "value": True}, "must be a number"),
    ({"notebook": PREDICTION[0], "question": PREDICTION[1], "kind": "prediction", "value": "2.5"}, "must be a number"),
    ({"notebook": PREDICTION[0], "question": PREDICTION[1], "kind": "prediction", "value": math.nan}, "finite"),
    ({"notebook": PREDICTION[0], "question": PREDICTION[1], "kind": "prediction", "value": math.inf}, "finite"),
    ({"notebook": PREDICTION[0], "question": PREDICTION[1], "kind": "prediction", "value": 2 * NUMBER_LIMIT}, "within"),
    ({"notebook": PREDICTION[0], "question": PREDICTION[1], "kind": "prediction", "value": 1, "name": "Ann"},
     "unknown fields"),
    ({"notebook": 3, "question": PREDICTION[1], "kind": "prediction", "value": 1}, "strings"),
])
def test_a_bad_post_is_refused_with_the_reason(post, why):
    with pytest.raises(Rejected, match=why):
        validated(post)
