"""The class view as a JupyterHub service: learners post, facilitators read, the hub authenticates both.

Run by the hub (``c.JupyterHub.services``, see ``docs/jupyterhub.md``) as ``python -m kneecourse.classview``.
Under the service's prefix:

- ``POST api/answers`` — a learner's kernel posts one answer with its hub token (``Authorization: token …``);
  401 without a valid token, 400 for a post that is not a known question with a valid value (the reason in the
  body), 413 beyond :data:`MAX_BODY_BYTES`, 429 beyond :data:`RATE_POSTS` posts per :data:`RATE_WINDOW_S` s;
- ``GET`` (the page), ``GET api/summary``, ``POST api/reveal``, ``GET api/export.csv`` — facilitators only:
  users holding the :data:`FACILITATE_SCOPE` custom scope (the recipe grants it to a ``facilitators`` group) or
  hub admins; anyone else gets 403, no login 401 (the page sends a browser to the hub's login instead).
"""
from __future__ import annotations

import collections
import json
import os
import time
from importlib import resources
from pathlib import Path

from tornado import web

from .answers import Answers, learner_key, secret
from .catalogue import Rejected, catalogue, validated

#: the service's name in the hub's configuration (its URL prefix is /services/<name>/)
SERVICE_NAME = "kneecourse-classview"
#: the custom scope that lets a user read the class view
FACILITATE_SCOPE = f"custom:{SERVICE_NAME}:facilitate"
#: a post is one small JSON object
MAX_BODY_BYTES = 2048
#: per learner: at most this many posts …
RATE_POSTS = 30
#: … in this many seconds
RATE_WINDOW_S = 10.0


class _Base(web.RequestHandler):
    @property
    def answers(self) -> Answers:
        return self.settings["answers"]

    async def prepare(self):
        """Ask the hub who this is without blocking the service (the mixin's own check waits for the hub's
        reply, which under a full room's load holds every other post up; answers are cached 60 s either way)."""
        auth = self.settings.get("hub_auth")
        if auth is None or hasattr(self, "_hub_auth_user_cache"):
            return
        model = await auth.get_user(self, sync=False)
        try:
            self._hub_auth_user_cache = self.check_hub_user(model) if model else None
        except Exception:  # noqa: BLE001 - not allowed (the mixin's UserNotAllowed) or a bad reply: nobody
            self._hub_auth_user_cache = None

    def write_error(self, status_code, **kwargs):
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"error": self._reason}))

    def user(self):
        """The hub user model of the request, or a 401."""
        user = self.current_user
        if not user:
            raise web.HTTPError(401, reason="log in through the hub (a hub token or the hub's login)")
        return user

    async def facilitator(self):
        user = self.user()
        if FACILITATE_SCOPE in set(user.get("scopes") or ()) or user.get("admin"):
            return user
        lookup = self.settings.get("is_admin")  # the hub's own record: an OAuth token may not carry the flag
        if lookup is not None and await lookup(str(user.get("name"))):
            return user
        raise web.HTTPError(403, reason="the class view is for the workshop's facilitators")


class AnswerHandler(_Base):
    """A learner's answer: validated, stored under the learner's pseudonym, on disk before 200."""

    def post(self):
        user = self.user()
        if len(self.request.body) > MAX_BODY_BYTES:
            raise web.HTTPError(413, reason=f"a post is at most {MAX_BODY_BYTES} bytes")
        learner = learner_key(self.settings["key"], self.settings["workshop"], str(user.get("name")))
        recent = self.settings["recent"][learner]
        now = time.monotonic()
        while recent and now - recent[0] > RATE_WINDOW_S:
            recent.popleft()
        if len(recent) >= RATE_POSTS:
            raise web.HTTPError(429, reason=f"at most {RATE_POSTS} posts in {RATE_WINDOW_S:g} s: wait a moment")
        recent.append(now)
        try:
            post = validated(json.loads(self.request.body or b"null"))
        except json.JSONDecodeError:
            raise web.HTTPError(400, reason="the body is not JSON") from None
        except Rejected as exc:
            raise web.HTTPError(400, reason=str(exc)) from None
        self.answers.record(learner, post)
        self.finish({"stored": True})


def summary(answers: Answers) -> dict:
    """What the page shows: per question its answers (no learner), and the model's value only once revealed."""
    values, shown, cat = answers.values(), answers.revealed(), catalogue()
    questions = []
    for (nb, qid), entry in sorted(cat.items(), key=lambda kv: kv[1]["order"]):
        vals = values.get((nb, qid), [])
        item = {"notebook": nb, "question": qid, "kind": entry["kind"], "prompt": entry["prompt"],
                "unit": entry.get("unit", ""), "n": len(vals), "revealed": (nb, qid) in shown}
        if entry["kind"] == "choice":
            item["options"] = entry["options"]
            item["counts"] = [sum(1 for v in vals if int(v) == i) for i in range(len(entry["options"]))]
            if item["revealed"]:
                item["correct"] = entry["correct"]
        else:
            item["values"] = sorted(vals)
            if item["revealed"]:
                item["model"] = entry["model"]
        questions.append(item)
    return {"learners": answers.learners(), "answers": answers.count(), "questions": questions}


class SummaryHandler(_Base):
    async def get(self):
        await self.facilitator()
        self.set_header("Cache-Control", "no-store")
        self.finish(summary(self.answers))


class RevealHandler(_Base):
    async def post(self):
        await self.facilitator()
        try:
            body = json.loads(self.request.body or b"null")
            nb, qid, shown = body["notebook"], body["question"], bool(body["shown"])
        except (json.JSONDecodeError, KeyError, TypeError):
            raise web.HTTPError(400, reason="give notebook, question and shown") from None
        if (nb, qid) not in catalogue():
            raise web.HTTPError(400, reason=f"no question {qid!r} in notebook {nb!r}")
        self.answers.reveal(nb, qid, shown)
        self.finish({"revealed": shown})


class ExportHandler(_Base):
    async def get(self):
        await self.facilitator()
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", 'attachment; filename="class-view-counts.csv"')
        self.finish(self.answers.export_csv(catalogue()))


class PageHandler(_Base):
    async def get(self):
        if not self.current_user and "hub_auth" in self.settings:
            return self.redirect(self.get_login_url())
        await self.facilitator()
        page = resources.files(__package__).joinpath("page.html").read_text(encoding="utf-8")
        xsrf = self.xsrf_token.decode() if hasattr(self, "xsrf_token") else ""
        self.set_header("Cache-Control", "no-store")
        self.finish(page.replace("{{xsrf}}", xsrf).replace("{{workshop}}", self.settings["workshop"]))


HANDLERS = (("", PageHandler), ("api/answers", AnswerHandler), ("api/summary", SummaryHandler),
            ("api/reveal", RevealHandler), ("api/export.csv", ExportHandler))


def make_app(folder, prefix="/", workshop="workshop", auth_mixin=None, **settings) -> web.Application:
    """The service's tornado application.

    Parameters
    ----------
    folder : path-like
        The service's own folder: its database and key.
    prefix : str
        URL prefix (the hub gives ``/services/<name>/``).
    auth_mixin : class, optional
        Supplies ``get_current_user`` (default: the hub's ``HubOAuthenticated``; tests give their own).
    """
    if auth_mixin is None:
        from jupyterhub.services.auth import HubOAuthenticated

        auth_mixin = HubOAuthenticated
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    routes = [(prefix + path + ("$" if path else ""), type(h.__name__, (auth_mixin, h), {})) for path, h in HANDLERS]
    if auth_mixin.__name__ == "HubOAuthenticated":
        from jupyterhub.services.auth import HubOAuthCallbackHandler

        routes.append((prefix + "oauth_callback", HubOAuthCallbackHandler))
    answers = Answers(folder)
    return web.Application(routes, answers=answers, key=secret(folder), workshop=workshop,
                           recent=collections.defaultdict(collections.deque), **settings)


def hub_admin_lookup(api_url: str, token: str, max_age_s: float = 60.0):
    """``async is_admin(name)`` from the hub's API (the service's role needs ``read:users``, as in the recipe),
    each answer remembered for ``max_age_s``."""
    from urllib.parse import quote

    from tornado.httpclient import AsyncHTTPClient, HTTPClientError

    seen = {}

    async def is_admin(name: str) -> bool:
        hit = seen.get(name)
        if hit and time.monotonic() - hit[1] < max_age_s:
            return hit[0]
        try:
            r = await AsyncHTTPClient().fetch(f"{api_url.rstrip('/')}/users/{quote(name, safe='')}",
                                              headers={"Authorization": f"token {token}"}, request_timeout=10)
            admin = bool(json.loads(r.body).get("admin"))
        except (HTTPClientError, OSError, ValueError):
            admin = False
        seen[name] = (admin, time.monotonic())
        return admin

    return is_admin


def main() -> None:  # pragma: no cover - run by the hub; tests start it through a real hub
    import asyncio
    from urllib.parse import urlparse

    from jupyterhub.services.auth import HubOAuth

    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"))
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", f"/services/{SERVICE_NAME}/")
    folder = Path(os.environ.get("KNEECOURSE_CLASSVIEW_DIR", Path.cwd() / SERVICE_NAME))

    async def serve():
        app = make_app(folder, prefix, os.environ.get("KNEECOURSE_WORKSHOP", "workshop"),
                       hub_auth=HubOAuth(api_token=os.environ["JUPYTERHUB_API_TOKEN"], cache_max_age=60),
                       is_admin=hub_admin_lookup(os.environ["JUPYTERHUB_API_URL"], os.environ["JUPYTERHUB_API_TOKEN"]),
                       cookie_secret=os.urandom(32))
        app.listen(url.port or 80, url.hostname or "127.0.0.1", max_body_size=64 * 1024)
        print(f"class view on {url.geturl()} (prefix {prefix}), answers in {folder}", flush=True)
        await asyncio.Event().wait()

    asyncio.run(serve())
