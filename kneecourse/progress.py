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
import tempfile
import time
import warnings
from pathlib import Path

__all__ = ["user_folder", "ProgressStore", "progress_report", "atomic_write_text"]

_VERSION = 1


def user_folder() -> Path:
    """Return (and create) the per-user course folder.

    ``$KNEECOURSE_HOME`` overrides the default ``~/.kneecourse``; on Binder
    the home folder is writable, so the default works there too.
    """
    env = os.environ.get("KNEECOURSE_HOME")
    folder = Path(env).expanduser() if env else Path.home() / ".kneecourse"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def atomic_write_text(path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (temp file + fsync + replace).

    Either the old content or the whole new content is on disk afterwards,
    never a mix, whatever happens during the write.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


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


def progress_report(store: ProgressStore | None = None, *, show: bool = True) -> dict:
    """Completion per notebook: answered correctly / registered questions.

    Parameters
    ----------
    store : ProgressStore, optional
        Defaults to the learner's store.
    show : bool
        Print a table as well as returning it.

    Returns
    -------
    dict
        ``{notebook: {"correct": n, "total": m, "predictions": {...}}}`` for every
        notebook with registered self-checks (see :mod:`kneecourse.checks`);
        ``predictions`` maps each predict-then-check id to ``{"prediction": your
        number or None, "model": the model's, "unit": ...}``.
    """
    from .checks import PREDICTIONS, QUESTION_BANK
    from .selfchecks import register_all

    register_all()
    store = store or ProgressStore()
    answers = store.load()["notebooks"]
    report = {}
    for nb, ids in sorted(QUESTION_BANK.items()):
        done = answers.get(nb, {})
        correct = sum(1 for q in ids if done.get(q, {}).get("correct"))
        predictions = {pid: {"prediction": done.get(p.key, {}).get("prediction"), "model": p.model_value,
                             "unit": p.unit} for pid, p in PREDICTIONS.get(nb, {}).items()}
        report[nb] = {"correct": correct, "total": len(ids), "predictions": predictions}
    if show:
        width = max((len(k) for k in report), default=8)
        print(f"{'notebook'.ljust(width)}  done")
        for nb, r in report.items():
            bar = "█" * r["correct"] + "·" * (r["total"] - r["correct"])
            guesses = "; ".join(f"predicted {v['prediction']:g} {v['unit']}, model {v['model']:.3g}".replace("  ", " ")
                                for v in r["predictions"].values() if v["prediction"] is not None)
            print(f"{nb.ljust(width)}  {r['correct']}/{r['total']} {bar}" + (f"   ({guesses})" if guesses else ""))
    return report
