"""Sharing with the class view from a learner's kernel: off unless switched on, and nothing lost on the way."""
import json
import multiprocessing
import urllib.request

import pytest

from kneecourse.selfcheck import sharing
from kneecourse.selfcheck.bank import predictions, quiz
from kneecourse.selfcheck.questions import MultipleChoice, Numeric

from ..classview.conftest import Service

NB = "03_patellofemoral_load"


@pytest.fixture
def service(tmp_path):
    s = Service(tmp_path / "service").start()
    yield s
    s.stop()


@pytest.fixture
def hub_env(course_home, monkeypatch):
    """What a learner's kernel on a hub with the class view sees (the token names the learner, see the
    stand-in for the hub's authentication)."""
    def at(svc, learner="ann", default=None):
        monkeypatch.setenv(sharing.URL_ENV, svc.url)
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", learner)
        if default:
            monkeypatch.setenv(sharing.DEFAULT_ENV, default)
    return at


def counts(service):
    req = urllib.request.Request(service.url + "api/summary", headers={"Authorization": "token fac:facilitator"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return {(q["notebook"], q["question"]): q for q in json.load(r)["questions"] if q["n"]}


def test_a_laptop_never_shares(course_home, monkeypatch):
    monkeypatch.delenv(sharing.URL_ENV, raising=False)
    sharing.set_sharing(True)
    assert not sharing.sharing() and not sharing.share(NB, "units", "choice", 0, background=False)
    assert sharing.pending() == 0


def test_sharing_is_off_until_switched_on_unless_the_hub_says_on(service, hub_env, monkeypatch):
    hub_env(service)
    assert not sharing.sharing()
    assert not sharing.share(NB, "units", "choice", 0, background=False) and counts(service) == {}
    assert sharing.set_sharing(True) and sharing.sharing()
    monkeypatch.setenv(sharing.DEFAULT_ENV, "on")
    assert not sharing.set_sharing(False), "the learner's own choice beats the hub's default"
    (sharing._settings_path()).unlink()
    assert sharing.sharing(), "the facilitator's hub makes sharing the default"


def test_a_committed_prediction_and_checked_answers_reach_the_room(service, hub_env):
    hub_env(service, default="on")
    guess = predictions(NB)[0]
    assert guess.commit("2,5").correct
    choice = next(q for q in quiz(NB) if isinstance(q, MultipleChoice))
    number = next(q for q in quiz(NB) if isinstance(q, Numeric))
    choice.submit(choice.options[1])  # as the widget passes it: the option's text
    number.submit(f"6.2 {number.unit}")
    choice.submit("not an option")  # not an answer: not shared
    assert sharing.flush()[1] == 0
    seen = counts(service)
    assert seen[(NB, guess.id)]["values"] == [2.5]
    assert seen[(NB, choice.id)]["counts"][1] == 1 and sum(seen[(NB, choice.id)]["counts"]) == 1
    assert seen[(NB, number.id)]["values"] == [6.2]


def test_an_unreachable_service_keeps_answers_and_sends_them_later(tmp_path, hub_env):
    service = Service(tmp_path / "service").start()
    hub_env(service, default="on")
    assert sharing.share(NB, "units", "choice", 0, background=False)
    service.stop()  # the service restarts mid-workshop (or the network drops)
    assert sharing.share(NB, "pf_30_to_90", "prediction", 2.0, background=False)
    assert sharing.share(NB, "k0", "number", 0.46, background=False)
    assert sharing.pending() == 2 and sharing.flush() == (0, 2)
    service.start()
    try:
        assert sharing.flush() == (2, 0)
        seen = counts(service)
        assert {(NB, "units"), (NB, "pf_30_to_90"), (NB, "k0")} <= set(seen)
    finally:
        service.stop()


def test_a_post_the_service_refuses_leaves_the_outbox(service, hub_env):
    hub_env(service, default="on")
    assert sharing.share(NB, "no_such_question", "prediction", 1.0, background=False)
    assert sharing.pending() == 0, "a post refused for good is retried for ever"


def _share_many(home, url, who, n):
    import os

    os.environ.update(KNEECOURSE_HOME=home, KNEECOURSE_CLASSVIEW_URL=url, JUPYTERHUB_API_TOKEN=who,
                      KNEECOURSE_CLASSVIEW_SHARE="on")
    from kneecourse.selfcheck import sharing as s

    for i in range(n):
        s.share(NB, "pf_30_to_90", "prediction", float(i), background=False)


def test_two_notebooks_sharing_at_once_lose_nothing(service, course_home, monkeypatch):
    """Two kernels of one learner write the same outbox while the service is down: every answer waits."""
    down = Service(course_home / "never-started")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_share_many, args=(str(course_home), down.url, "ann", 25)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    monkeypatch.setenv(sharing.URL_ENV, service.url)
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "ann")
    assert sharing.pending() == 50
    from kneecourse.classview import service as service_module
    from kneecourse.classview.service import RATE_POSTS

    # oldest first, until the service's rate limit says wait: the rest stays for the next try (a window longer
    # than any flush on a busy machine: 30 posts slower than 10 s let a 31st through and the count drifted)
    monkeypatch.setattr(service_module, "RATE_WINDOW_S", 3600.0)
    assert sharing.flush() == (RATE_POSTS, 50 - RATE_POSTS)


def test_sharing_never_breaks_a_cell(course_home, monkeypatch):
    monkeypatch.setenv(sharing.URL_ENV, "http://127.0.0.1:9/")  # nothing listens there
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "ann")
    monkeypatch.setenv(sharing.DEFAULT_ENV, "on")
    monkeypatch.setattr(sharing, "_outbox", lambda: (_ for _ in ()).throw(OSError("disk full")))
    assert sharing.share(NB, "units", "choice", 0, background=False) is False


def test_the_environment_check_says_whether_the_class_view_answers(tmp_path, course_home, monkeypatch):
    from kneecourse.cli.environment import check_environment

    monkeypatch.delenv(sharing.URL_ENV, raising=False)
    assert not any(r["item"] == "class view" for r in check_environment(show=False)), "a laptop has no class view"
    down = Service(tmp_path / "down")  # an address with nothing listening
    monkeypatch.setenv(sharing.URL_ENV, down.url)
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "ann")
    row = next(r for r in check_environment(show=False) if r["item"] == "class view")
    assert not row["ok"] and "not reachable" in row["found"] and "facilitator" in row["fix"]
    up = Service(tmp_path / "up").start()
    try:
        monkeypatch.setenv(sharing.URL_ENV, up.url)
        row = next(r for r in check_environment(show=False) if r["item"] == "class view")
        assert row["ok"] and "reachable" in row["found"] and "sharing off" in row["found"], row
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "")  # a server token the service does not take: 401
        row = next(r for r in check_environment(show=False) if r["item"] == "class view")
        assert not row["ok"] and "401" in row["found"] and "server_token_scopes" in row["fix"]
    finally:
        up.stop()
