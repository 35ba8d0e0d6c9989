"""Sharing with the class view: opt in, and each committed answer is sent — later if need be.

Nothing is sent unless the learner switches sharing on (:func:`set_sharing`, the switch in module 00), and only
on a hub that runs the class view: its address is :data:`URL_ENV`, which the hub's configuration sets for every
learner (``docs/jupyterhub.md``). The facilitator's hub may make sharing the default (:data:`DEFAULT_ENV` =
``on``); a laptop never shares.

Each answer first goes into an outbox (a small SQLite database in the learner's course folder, safe with several
notebooks open) and is sent from there in the background; what cannot be sent now (no network, the service
restarting) stays there and goes with the next answer or the next :func:`flush`. The service keeps one answer per
learner and question, so an answer sent twice counts once. The learner's own progress file is written as before,
whatever happens here.
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import urllib.error
import urllib.request

from ..dataio.learner_files import atomic_write_text, user_folder

#: the class view's address (``…/services/kneecourse-classview/``), set by the hub for every learner
URL_ENV = "KNEECOURSE_CLASSVIEW_URL"
#: ``on``: sharing starts switched on (a learner can still switch it off); anything else: off
DEFAULT_ENV = "KNEECOURSE_CLASSVIEW_SHARE"
#: seconds a post may take before it waits in the outbox for the next try
POST_TIMEOUT_S = 3.0
#: replies after which a post is dropped from the outbox: the service refused it for good (it is still in the
#: learner's own progress file)
_REFUSED = (400, 413)

_flushing = threading.Lock()


def service_url() -> str | None:
    """The class view's address on this hub, or None (a laptop, Binder, a hub without it)."""
    url = os.environ.get(URL_ENV, "").strip()
    return (url.rstrip("/") + "/") if url.startswith(("http://", "https://")) else None


def _settings_path():
    return user_folder(create=False) / "classview.json"


def sharing() -> bool:
    """Does this learner share their answers with the class view? (Never where there is none.)"""
    if service_url() is None or not os.environ.get("JUPYTERHUB_API_TOKEN"):
        return False
    try:
        return bool(json.loads(_settings_path().read_text(encoding="utf-8"))["share"])
    except (OSError, ValueError, KeyError, TypeError):
        return os.environ.get(DEFAULT_ENV, "").strip().lower() == "on"


def set_sharing(on: bool) -> bool:
    """Switch sharing on or off (kept in the learner's course folder); returns the new setting."""
    atomic_write_text(_settings_path(), json.dumps({"share": bool(on)}))
    return sharing()


def _outbox():
    db = sqlite3.connect(user_folder() / "classview_outbox.sqlite", timeout=10, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE IF NOT EXISTS pending (seq INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)")
    return db


def pending() -> int:
    """Answers waiting in the outbox."""
    with contextlib.closing(_outbox()) as db:
        return db.execute("SELECT COUNT(*) FROM pending").fetchone()[0]


def share(notebook: str, question: str, kind: str, value, background: bool = True) -> bool:
    """Put one answer in the outbox and send what is there (in a background thread unless ``background`` is
    False). Does nothing unless :func:`sharing`; never raises into the learner's cell. True if it was queued."""
    try:
        if not sharing():
            return False
        body = json.dumps({"notebook": str(notebook), "question": str(question), "kind": kind,
                           "value": int(value) if kind == "choice" else float(value)})
        with contextlib.closing(_outbox()) as db:
            db.execute("INSERT INTO pending (body) VALUES (?)", (body,))
        if background:
            threading.Thread(target=flush, daemon=True, name="kneecourse-classview").start()
        else:
            flush()
        return True
    except Exception:  # noqa: BLE001 - the class view must never break a learner's notebook
        return False


def _call(url: str, body: str | None = None) -> int:
    """The HTTP status of one request to the class view with this server's hub token (a POST with ``body``)."""
    req = urllib.request.Request(url, data=None if body is None else body.encode(), headers={
        "Content-Type": "application/json", "Authorization": f"token {os.environ.get('JUPYTERHUB_API_TOKEN', '')}"})
    try:
        with urllib.request.urlopen(req, timeout=POST_TIMEOUT_S) as r:  # noqa: S310 - the hub's own address
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def flush() -> tuple:
    """Send the outbox, oldest first, until it is empty or a post cannot be delivered now.

    Returns
    -------
    (int, int)
        Answers delivered (or refused for good) and answers still waiting.
    """
    url = service_url()
    if url is None:
        return 0, pending()
    with _flushing:
        done = 0
        with contextlib.closing(_outbox()) as db:
            for seq, body in db.execute("SELECT seq, body FROM pending ORDER BY seq").fetchall():
                try:
                    status = _call(url + "api/answers", body)
                except (OSError, ValueError):  # no route, refused, timed out: try again later
                    break
                if status == 200 or status in _REFUSED:
                    db.execute("DELETE FROM pending WHERE seq = ?", (seq,))
                    done += 1
                else:  # 401/403 (token), 429 (too fast), 5xx (restarting): keep it for the next try
                    break
            left = db.execute("SELECT COUNT(*) FROM pending").fetchone()[0]
    return done, left


def status():
    """The environment check's line for the class view: ``(ok, found, fix)``, or None where there is none.

    A learner's token reading the facilitators' summary is refused with 403 when all is well (the service is up
    and knows the token); 401 means the hub gives the learners' servers a token the service does not accept.
    """
    url = service_url()
    if url is None:
        return None
    on = "on" if sharing() else "off"
    try:
        code = _call(url + "api/summary")
    except (OSError, ValueError) as exc:
        return (False, f"not reachable at {url} ({exc})", "ask the facilitator: the hub starts the class view "
                "service (docs/jupyterhub.md); answers wait in your outbox meanwhile")
    if code in (200, 403):
        return True, f"reachable at {url}; sharing {on} (the switch in module 0); {pending()} waiting", ""
    return (False, f"{url} answered HTTP {code}", "the hub's Spawner.server_token_scopes must include "
            "access:services!service=kneecourse-classview (docs/jupyterhub.md, The class view)")


def switch():
    """The opt-in switch of module 00: a checkbox on a hub with a class view, a sentence anywhere else."""
    if service_url() is None:
        from IPython.display import HTML

        return HTML("<p><b>Class view:</b> none here, so nothing is shared. In a workshop on the facilitator's "
                    "hub a switch appears here: with it on, your predictions and answers join the room's counts "
                    "on the projector, without your name.</p>")
    import ipywidgets as W

    box = W.Checkbox(value=sharing(), description="Share my predictions and self-check answers with the "
                     "workshop's class view (no name is sent)", indent=False, layout=W.Layout(width="auto"))
    note = W.HTML()

    def said(on):
        note.value = ("<i>On: each prediction you commit and each answer you check appears in the room's counts, "
                      "without your name. Switch it off at any time.</i>" if on else
                      "<i>Off: your answers stay in your own progress file only.</i>")

    def changed(change):
        said(set_sharing(change["new"]))

    box.observe(changed, names="value")
    said(box.value)
    return W.VBox([box, note])
