"""The class view service: learners post, facilitators read, bad posts are refused, a restart loses nothing."""
import json
import re
import sqlite3
import urllib.error
import urllib.request

import pytest

from kneecourse.classview import service as service_module
from kneecourse.classview.answers import learner_key
from kneecourse.classview.service import MAX_BODY_BYTES, RATE_POSTS

from .conftest import Service

PRED = {"notebook": "03_patellofemoral_load", "question": "pf_30_to_90", "kind": "prediction"}
CHOICE = {"notebook": "03_patellofemoral_load", "question": "units", "kind": "choice"}


def call(url, path="", body=None, token=None, method=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url + path, data=data, method=method or ("POST" if data is not None else "GET"))
    if token:
        req.add_header("Authorization", f"token {token}")
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if r.headers.get("Content-Type", "").startswith("application/json")
                              else text)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read().decode() or "{}")


def summary_of(service, question):
    status, data = call(service.url, "api/summary", token="fac:facilitator")
    assert status == 200, data
    return next(q for q in data["questions"] if q["question"] == question), data


def test_learners_post_and_the_facilitator_sees_the_counts(service):
    for name, v in (("ann", 2.0), ("ben", 2.5), ("cy", 4.0)):
        assert call(service.url, "api/answers", {**PRED, "value": v}, token=name) == (200, {"stored": True})
    for name, option in (("ann", 0), ("ben", 0), ("cy", 2)):
        assert call(service.url, "api/answers", {**CHOICE, "value": option}, token=name)[0] == 200
    pred, data = summary_of(service, "pf_30_to_90")
    assert data["learners"] == 3 and data["answers"] == 6
    assert pred["n"] == 3 and pred["values"] == [2.0, 2.5, 4.0]
    assert "model" not in pred and not pred["revealed"], "the model's value was on the projector before the reveal"
    choice, _ = summary_of(service, "units")
    assert choice["counts"] == [2, 0, 1] and "correct" not in choice


def test_a_learner_answer_counts_once_and_the_latest_counts(service):
    for v in (1.0, 3.0):
        call(service.url, "api/answers", {**PRED, "value": v}, token="ann")
    pred, _ = summary_of(service, "pf_30_to_90")
    assert pred["n"] == 1 and pred["values"] == [3.0]


def test_the_reveal_shows_the_model_value_and_the_right_option(service):
    call(service.url, "api/answers", {**PRED, "value": 2.0}, token="ann")
    call(service.url, "api/answers", {**CHOICE, "value": 1}, token="ann")
    for q in (PRED, CHOICE):
        status, body = call(service.url, "api/reveal", {"notebook": q["notebook"], "question": q["question"],
                                                         "shown": True}, token="fac:facilitator")
        assert status == 200 and body == {"revealed": True}
    pred, _ = summary_of(service, "pf_30_to_90")
    choice, _ = summary_of(service, "units")
    assert pred["revealed"] and pred["model"] == pytest.approx(2.446, abs=1e-3)
    assert choice["correct"] == 0


@pytest.mark.parametrize("path, method", [("", "GET"), ("api/summary", "GET"), ("api/export.csv", "GET"),
                                          ("api/reveal", "POST")])
def test_only_facilitators_and_admins_read(service, path, method):
    body = {"notebook": PRED["notebook"], "question": PRED["question"], "shown": True} if method == "POST" else None
    assert call(service.url, path, body, method=method)[0] == 401
    status, reply = call(service.url, path, body, token="ann", method=method)
    assert status == 403 and "facilitators" in reply["error"]
    assert call(service.url, path, body, token="fac:facilitator", method=method)[0] == 200
    assert call(service.url, path, body, token="boss:admin", method=method)[0] == 200


def test_a_post_without_a_token_is_refused(service):
    assert call(service.url, "api/answers", {**PRED, "value": 1.0})[0] == 401


@pytest.mark.parametrize("raw, status, why", [
    (b"{not json", 400, "not JSON"),
    (json.dumps({**PRED, "value": "lots"}).encode(), 400, "must be a number"),
    (json.dumps({**CHOICE, "value": 7}).encode(), 400, "option index"),
    (json.dumps({**PRED, "question": "nope", "value": 1}).encode(), 400, "no question"),
    (json.dumps({**PRED, "value": 1, "pad": "x" * MAX_BODY_BYTES}).encode(), 413, "at most"),
])
def test_a_bad_post_is_refused_with_a_clear_error_and_nothing_stored(service, raw, status, why):
    got, reply = call(service.url, "api/answers", raw=raw, token="ann")
    assert got == status and why in reply["error"], reply
    assert summary_of(service, "pf_30_to_90")[1]["answers"] == 0


def test_posts_are_rate_limited_per_learner(service, monkeypatch):
    # the count, not the clock: a window longer than any run of these posts on a busy machine
    monkeypatch.setattr(service_module, "RATE_WINDOW_S", 3600.0)
    codes = [call(service.url, "api/answers", {**PRED, "value": float(i)}, token="ann")[0]
             for i in range(RATE_POSTS + 5)]
    assert codes[:RATE_POSTS] == [200] * RATE_POSTS and set(codes[RATE_POSTS:]) == {429}
    assert call(service.url, "api/answers", {**PRED, "value": 1.0}, token="ben")[0] == 200, "another learner waits"


def test_a_restart_loses_no_posted_answer(tmp_path):
    service = Service(tmp_path / "service").start()
    try:
        call(service.url, "api/answers", {**PRED, "value": 2.0}, token="ann")
        call(service.url, "api/reveal", {"notebook": PRED["notebook"], "question": PRED["question"], "shown": True},
             token="fac:facilitator")
        service.stop()
        service.start()
        call(service.url, "api/answers", {**PRED, "value": 3.0}, token="ben")
        pred, data = summary_of(service, "pf_30_to_90")
        assert pred["values"] == [2.0, 3.0] and pred["revealed"] and data["learners"] == 2
    finally:
        service.stop()


def test_no_name_is_stored_or_exported(service):
    for name in ("annabel", "benedict"):
        call(service.url, "api/answers", {**CHOICE, "value": 0}, token=name)
    db = service.folder / "answers.sqlite"
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        learners = [r[0] for r in con.execute("SELECT learner FROM answers")]
    assert not {"annabel", "benedict"} & set(learners) and all(re.fullmatch(r"[0-9a-f]{24}", k) for k in learners)
    status, csv_text = call(service.url, "api/export.csv", token="fac:facilitator")
    assert status == 200 and csv_text.splitlines()[0] == "notebook,question,kind,answer,learners,model_or_correct"
    assert "03_patellofemoral_load,units,choice,torque (N·m) and force (N),2,torque (N·m) and force (N)" in csv_text
    assert "annabel" not in csv_text and not any(k in csv_text for k in learners)


def test_a_pseudonym_is_per_workshop_and_not_the_name():
    key = b"k" * 32
    assert learner_key(key, "w1", "ann") == learner_key(key, "w1", "ann") != learner_key(key, "w2", "ann")
    assert "ann" not in learner_key(key, "w1", "ann")


def test_the_page_is_served_to_a_facilitator(service):
    status, html = call(service.url, "", token="fac:facilitator")
    assert status == 200 and "<title>Class view" in html and "api/summary" in html and "{{" not in html
