"""The class view's database: one SQLite file in WAL mode, each posted answer on disk before the post is answered.

One row per learner and question (a later answer replaces the earlier one: the room's counts are of what each
learner thinks now). A learner is a pseudonym (:func:`learner_key`), never a hub name. The reveal switch of each
question lives here too, so a restarted service shows what it showed.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import hmac
import io
import os
import secrets
import sqlite3
import time
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
  learner TEXT NOT NULL, notebook TEXT NOT NULL, question TEXT NOT NULL, kind TEXT NOT NULL,
  value REAL NOT NULL, at REAL NOT NULL, PRIMARY KEY (learner, notebook, question));
CREATE TABLE IF NOT EXISTS revealed (
  notebook TEXT NOT NULL, question TEXT NOT NULL, shown INTEGER NOT NULL, PRIMARY KEY (notebook, question));
"""


def secret(folder: Path) -> bytes:
    """The service's own key (made once, readable by the service only): learner pseudonyms are keyed by it."""
    path = Path(folder) / "secret.key"
    with contextlib.suppress(FileExistsError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
    return path.read_bytes()


def learner_key(key: bytes, workshop: str, user: str) -> str:
    """A learner's pseudonym for one workshop: stable across posts and restarts, not reversible to the name."""
    return hmac.new(key, f"{workshop}\0{user}".encode(), hashlib.sha256).hexdigest()[:24]


class Answers:
    """The answers of one workshop (a SQLite database under ``folder``)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = self.folder / "answers.sqlite"
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # an answered post survives a crash of the service or machine
        self._db.executescript(_SCHEMA)

    def close(self):
        self._db.close()

    def record(self, learner: str, post: dict) -> None:
        """Store a validated post (see :func:`~kneecourse.classview.catalogue.validated`), replacing the learner's
        earlier answer to that question; on disk when this returns."""
        with self._db:
            self._db.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (learner, notebook, question) DO UPDATE "
                "SET kind = excluded.kind, value = excluded.value, at = excluded.at",
                (learner, post["notebook"], post["question"], post["kind"], float(post["value"]), time.time()))

    def reveal(self, notebook: str, question: str, shown: bool) -> None:
        with self._db:
            self._db.execute("INSERT INTO revealed VALUES (?, ?, ?) ON CONFLICT (notebook, question) DO UPDATE "
                             "SET shown = excluded.shown", (notebook, question, int(bool(shown))))

    def revealed(self) -> set:
        return {(n, q) for n, q, s in self._db.execute("SELECT notebook, question, shown FROM revealed") if s}

    def values(self) -> dict:
        """``{(notebook, question): [value, …]}``: the latest answer of each learner (no learner in it)."""
        out = {}
        for nb, q, v in self._db.execute("SELECT notebook, question, value FROM answers ORDER BY notebook, question"):
            out.setdefault((nb, q), []).append(v)
        return out

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    def learners(self) -> int:
        return self._db.execute("SELECT COUNT(DISTINCT learner) FROM answers").fetchone()[0]

    def export_csv(self, catalogue: dict) -> str:
        """Counts after the workshop: per question, each option (or each answer value) and how many gave it."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["notebook", "question", "kind", "answer", "learners", "model_or_correct"])
        for (nb, q), vals in sorted(self.values().items()):
            entry = catalogue.get((nb, q), {})
            kind = entry.get("kind", "")
            right = entry.get("options", [None])[entry["correct"]] if kind == "choice" else entry.get("model", "")
            counts = {}
            for v in vals:
                shown = entry["options"][int(v)] if kind == "choice" else f"{v:g}"
                counts[shown] = counts.get(shown, 0) + 1
            for shown, n in sorted(counts.items()):
                w.writerow([nb, q, kind, shown, n, right])
        return buf.getvalue()
