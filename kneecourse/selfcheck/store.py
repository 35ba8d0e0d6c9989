"""Where a learner's answered self-checks are remembered.

The store is one JSON file in a per-user folder: ``$KNEECOURSE_HOME`` if set,
else ``~/.kneecourse``. Writes are atomic (write a temporary file in the same
folder, flush, fsync, then :func:`os.replace`), so a crash mid-write leaves the
previous progress intact. A corrupt or unreadable file is moved aside with a
visible warning and a fresh store is started: a notebook never raises because
of its progress file.
"""
from __future__ import annotations

import json
import os
import time
import warnings
from pathlib import Path

from ..io.learner_files import atomic_write_text, user_folder

__all__ = ["ProgressStore"]

_VERSION = 1


class ProgressStore:
    """Answered self-checks per notebook, persisted as JSON.

    Parameters
    ----------
    path : path-like, optional
        The JSON file; default ``user_folder() / "progress.json"``.
    """

    def __init__(self, path=None):
        self.path = Path(path) if path is not None else user_folder() / "progress.json"

    def _empty(self) -> dict:
        return {"version": _VERSION, "notebooks": {}}

    def _set_aside(self, reason: str) -> None:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
            where = f"it was moved to {aside}"
        except OSError as exc:
            where = f"it could not be moved aside ({exc})"
        warnings.warn(
            f"kneecourse: your progress file {self.path} could not be read ({reason}); "
            f"{where} and a fresh progress record was started.",
            RuntimeWarning,
            stacklevel=3,
        )

    def load(self) -> dict:
        """Return the stored progress; never raises for a bad file."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return self._empty()
        except (OSError, UnicodeDecodeError) as exc:
            self._set_aside(str(exc))
            return self._empty()
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or not isinstance(data.get("notebooks"), dict):
                raise ValueError("unexpected structure")
            for nb, answers in data["notebooks"].items():
                if not isinstance(answers, dict):
                    raise ValueError(f"entry for {nb!r} is not a mapping")
        except ValueError as exc:
            self._set_aside(str(exc))
            return self._empty()
        return data

    def save(self, data: dict) -> bool:
        """Write ``data`` atomically. Returns False (with a warning) if it cannot."""
        try:
            atomic_write_text(self.path, json.dumps(data, indent=1, sort_keys=True))
            return True
        except OSError as exc:
            warnings.warn(f"kneecourse: progress not saved to {self.path}: {exc}", RuntimeWarning, stacklevel=2)
            return False

    def record(self, notebook: str, question_id: str, correct: bool, **extra) -> bool:
        """Record the latest attempt at one question of one notebook."""
        data = self.load()
        answers = data["notebooks"].setdefault(str(notebook), {})
        entry = answers.get(str(question_id), {"attempts": 0})
        entry["attempts"] = int(entry.get("attempts", 0)) + 1
        entry["correct"] = bool(correct) or bool(entry.get("correct", False))
        entry["last"] = time.strftime("%Y-%m-%dT%H:%M:%S")
        entry.update(extra)
        answers[str(question_id)] = entry
        return self.save(data)

    def entries(self, notebook: str, prefix: str = "") -> dict:
        """Entries recorded for ``notebook`` whose id starts with ``prefix``."""
        answers = self.load()["notebooks"].get(str(notebook), {})
        return {k: v for k, v in answers.items() if k.startswith(prefix)}
