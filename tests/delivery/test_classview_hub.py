"""The class view on a real JupyterHub, configured with docs/jupyterhub.md's recipe as written.

Learners post through the course's own client with hub tokens, the facilitator reads the counts, a learner
cannot, a bad post is refused, and killing the service between posts loses nothing (the hub restarts it; the
learner's outbox holds the answer meanwhile). The learners' kernels themselves post in the workshop load test
(tests/delivery/test_workshop_load.py); the page in a browser: tests/browser/test_classview.py.
"""
import json
import os
import secrets
import signal
import sys
import time
import urllib.error
import urllib.request

import pytest

from kneecourse.classview.service import FACILITATE_SCOPE, SERVICE_NAME
from kneecourse.selfcheck import sharing

from ..conftest import ROOT, require_command

sys.path.insert(0, str(ROOT / "tests" / "tools"))
from workshop_load import FACILITATOR, free_port, hub_config, running_hub, service_pids  # noqa: E402

pytestmark = pytest.mark.slow
ACCESS = f"access:services!service={SERVICE_NAME}"
NB = "03_patellofemoral_load"


def request(url, token=None, body=None, method=None, redirect=True):
    req = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(),
                                 method=method or ("POST" if body is not None else "GET"))
    if token:
        req.add_header("Authorization", f"token {token}")
    opener = urllib.request.build_opener(*([] if redirect else [_NoRedirect()]))
    try:
        with opener.open(req, timeout=30) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if "json" in r.headers.get("Content-Type", "") else text), r.headers
    except urllib.error.HTTPError as exc:
        text = exc.read().decode()
        return exc.code, (json.loads(text) if text.startswith("{") else text), exc.headers


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    require_command("configurable-http-proxy", "npm install -g configurable-http-proxy")
    work = tmp_path_factory.mktemp("classview-hub")
    port, admin = free_port(), secrets.token_hex(16)
    config = hub_config(work, port, admin, classview=True) + '\nc.Authenticator.admin_users = {"boss"}\n'
    with running_hub(work, port, config) as base:
        def token(user, scopes):
            request(f"{base}/hub/api/users/{user}", admin, {})  # 409 if there already
            status, reply, _ = request(f"{base}/hub/api/users/{user}/tokens", admin, {"scopes": scopes})
            assert status in (200, 201), reply
            return reply["token"]

        service = f"{base}/services/{SERVICE_NAME}/"
        deadline = time.time() + 60  # the hub starts the service beside itself
        while request(service + "api/summary")[0] != 401 and time.time() < deadline:
            time.sleep(0.5)
        yield {"base": base, "service": service, "token": token, "work": work,
               "facilitator": token(FACILITATOR, [FACILITATE_SCOPE, ACCESS])}


def counts(hub):
    status, data, _ = request(hub["service"] + "api/summary", hub["facilitator"])
    assert status == 200, data
    return {q["question"]: q for q in data["questions"] if q["notebook"] == NB and q["n"]}, data


@pytest.fixture
def learner(hub, course_home, monkeypatch):
    """A learner's kernel on this hub: the recipe's address, the learner's hub token, sharing on."""
    def as_learner(name):
        monkeypatch.setenv("KNEECOURSE_HOME", str(course_home / name))
        monkeypatch.setenv(sharing.URL_ENV, hub["service"])
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", hub["token"](name, [ACCESS]))
        monkeypatch.setenv(sharing.DEFAULT_ENV, "on")
    return as_learner


def test_learners_post_and_only_the_facilitator_reads(hub, learner):
    for name, value, option in (("ann", 2.0, 0), ("ben", 2.5, 0), ("cy", 3.0, 1)):
        learner(name)
        assert sharing.share(NB, "pf_30_to_90", "prediction", value, background=False)
        assert sharing.share(NB, "units", "choice", option, background=False)
        assert sharing.pending() == 0
    ok, found, _ = sharing.status()  # the environment check's line, as a learner's server sees it
    assert ok and "reachable" in found and "sharing on" in found, found
    seen, data = counts(hub)
    assert seen["pf_30_to_90"]["values"] == [2.0, 2.5, 3.0] and seen["units"]["counts"][:2] == [2, 1]
    assert "model" not in seen["pf_30_to_90"], "the model's value is shown before the reveal"
    # a learner's own token cannot read the room, nor can anyone without one
    status, reply, _ = request(hub["service"] + "api/summary", os.environ["JUPYTERHUB_API_TOKEN"])
    assert status == 403 and "facilitators" in reply["error"]
    assert request(hub["service"] + "api/summary")[0] == 401
    assert request(hub["service"] + "api/export.csv", os.environ["JUPYTERHUB_API_TOKEN"])[0] == 403
    # the page sends a browser without a login to the hub's
    status, _, headers = request(hub["service"], redirect=False)
    assert status == 302 and "/hub/api/oauth2/authorize" in headers["Location"]


def test_a_hub_admin_reads_too(hub):
    """An admin outside the facilitators' group: the service asks the hub (its token may read user records)."""
    status, data, _ = request(hub["service"] + "api/summary", hub["token"]("boss", [ACCESS]))
    assert status == 200 and "questions" in data


def test_a_bad_post_is_refused_with_the_reason(hub):
    token = hub["token"]("dee", [ACCESS])
    status, reply, _ = request(hub["service"] + "api/answers", token,
                               {"notebook": NB, "question": "units", "kind": "choice", "value": 9})
    assert status == 400 and "option index" in reply["error"]
    status, reply, _ = request(hub["service"] + "api/answers", None,
                               {"notebook": NB, "question": "units", "kind": "choice", "value": 0})
    assert status == 401


def test_killing_the_service_between_posts_loses_nothing(hub, learner):
    learner("eve")
    assert sharing.share(NB, "k0", "number", 0.46, background=False) and sharing.pending() == 0
    before = service_pids("kneecourse.classview")
    assert before, "the service is not running"
    for pid in before:
        os.kill(pid, signal.SIGKILL)
    assert sharing.share(NB, "pf_bw", "number", 6.2, background=False)  # while it is down: kept in the outbox
    deadline = time.time() + 90  # the hub restarts a managed service when it next polls it
    while sharing.flush()[1] and time.time() < deadline:
        time.sleep(1)
    assert sharing.pending() == 0, "the answer sent while the service was down never arrived"
    assert set(service_pids("kneecourse.classview")) - set(before), "the hub did not restart the service"
    seen, _ = counts(hub)
    assert seen["k0"]["values"] == [0.46] and seen["pf_bw"]["values"] == [6.2]
    assert seen["pf_30_to_90"]["n"] == 3, "answers posted before the restart were lost"
