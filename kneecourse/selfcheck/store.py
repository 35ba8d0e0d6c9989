"""Where a learner's answered self-checks are remembered.

The store is one JSON file in a per-user folder: ``$KNEECOURSE_HOME`` if set,
else ``~/.kneecourse``. A notebook never raises because of its progress file, and
never loses what the file holds:

* **One writer at a time.** Recording an answer reads, changes and writes the file
  under an exclusive lock (``progress.json.lock``), so two notebooks, or a notebook
  and an app page, answering at once keep every answer.
* **Atomic writes.** A temporary file in the same folder, flushed, fsynced, then
  :func:`os.replace`: a crash mid-write leaves the previous progress intact. A
  symlinked progress file is written through its link (the link stays).
* **A read error is not damage.** If the file cannot be read (too many open files,
  a permission), it is kept as it is: the read is retried, then the store is
  read-only for that call (nothing recorded, a warning says so).
* **Damage is set aside, never deleted.** A file whose content does not parse (or
  is far larger than any progress file) is moved to a uniquely named
  ``progress.json.corrupt-…`` and a fresh record starts. Entries of the wrong shape
  in a file that parses are dropped from the live file, and the whole file as it
  was is copied aside first.

The pain diary of module 8 is its own record in the same file (``pain_diary``, a list of
:class:`PainRecord`), kept with the same lock, atomic writes and checks; a file from an older course, which
kept it as ``pain:`` entries among the answers, is read into the diary.
"""
from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import time
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from ..dataio.learner_files import atomic_write_text, user_folder
from ..models.program import PAIN_ADVICE

__all__ = ["ProgressStore", "PainRecord", "MAX_BYTES"]

_VERSION = 1
#: far larger than any real progress file (a few kB for the whole course): set aside, not parsed on every answer
MAX_BYTES = 2_000_000
_READ_TRIES = 3
_LOCK_TIMEOUT_S = 15.0
_MAX_ATTEMPTS = 10**9


class _Unreadable(Exception):
    """The progress file exists but could not be read (an OSError): keep it, write nothing."""


class _Damaged(Exception):
    """The progress file's content is not a progress file: set it aside."""


def _scalar_ok(value) -> bool:
    if value is None or isinstance(value, (bool, str)):
        return True
    if isinstance(value, int):
        return abs(value) < 10**15
    return isinstance(value, float) and math.isfinite(value)


def _entry_ok(entry) -> bool:
    """True for an answer entry as the course writes it: attempts, correct, last and scalar extras."""
    if not isinstance(entry, dict):
        return False
    attempts = entry.get("attempts", 0)
    if isinstance(attempts, bool) or not isinstance(attempts, int) or not 0 <= attempts <= _MAX_ATTEMPTS:
        return False
    if not isinstance(entry.get("correct", False), bool) or not isinstance(entry.get("last", ""), str):
        return False
    return all(isinstance(k, str) and _scalar_ok(v) for k, v in entry.items())


#: the old home of the pain diary: answers of module 8 with ids ``pain:<when>:<exercise>``
_OLD_PAIN_PREFIX = "pain:"


@dataclass(frozen=True)
class PainRecord:
    """One line of the pain diary: after an exercise, how it felt and what the pain rule advised.

    ``when`` is local time to the second (``2026-05-04T18:30:00``); ``pain_during_of_10`` is 0–10;
    ``next_morning_vs_usual`` is the next morning's pain or stiffness minus the usual, −10 to 10.
    """

    when: str
    exercise: str
    pain_during_of_10: int
    next_morning_vs_usual: int
    advice: str

    @classmethod
    def from_stored(cls, entry):
        """The record an entry of the file holds, or None for one of the wrong shape."""
        if not isinstance(entry, dict) or set(entry) != {f for f in cls.__dataclass_fields__}:
            return None
        during, morning = entry["pain_during_of_10"], entry["next_morning_vs_usual"]
        numbers_ok = all(isinstance(v, int) and not isinstance(v, bool) for v in (during, morning))
        if not (numbers_ok and 0 <= during <= 10 and -10 <= morning <= 10 and entry["advice"] in PAIN_ADVICE
                and isinstance(entry["when"], str) and isinstance(entry["exercise"], str)):
            return None
        return cls(**entry)


def _pain_from_old_answers(answers: dict) -> list:
    """Diary records from ``pain:`` answers (an older course's file), removed from ``answers``."""
    found = []
    for key in sorted(k for k in answers if k.startswith(_OLD_PAIN_PREFIX)):
        old = answers.pop(key)
        when = key[len(_OLD_PAIN_PREFIX):].rsplit(":", 1)[0]
        found.append({"when": when, "exercise": old.get("exercise", ""), "pain_during_of_10": old.get("pain_during"),
                      "next_morning_vs_usual": old.get("next_morning"), "advice": old.get("advice")})
    return found


class ProgressStore:
    """Answered self-checks per notebook, persisted as JSON.

    Parameters
    ----------
    path : path-like, optional
        The JSON file; default ``user_folder() / "progress.json"`` (the folder is made when first written).
    """

    def __init__(self, path=None):
        self.path = Path(path) if path is not None else user_folder(create=False) / "progress.json"

    @property
    def _file(self) -> Path:
        """The file itself: through a symlink, so writing replaces the target and keeps the link."""
        return Path(os.path.realpath(self.path))

    def _empty(self) -> dict:
        return {"version": _VERSION, "notebooks": {}, "pain_diary": []}

    def _aside_name(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for n in range(1, 10_000):
            aside = self._file.with_name(f"{self._file.name}.corrupt-{stamp}-{os.getpid()}-{n}")
            if not aside.exists():
                return aside
        raise OSError(f"no free name to set {self._file} aside")

    def _put_aside(self, copy: bool = False) -> str:
        """Move the file (or, with ``copy``, a copy of it) to a new set-aside name; what happened, in words."""
        try:
            aside = self._aside_name()
            (shutil.copyfile if copy else os.replace)(self._file, aside)
            return f"the file as it was is kept in {aside}" if copy else f"it was moved to {aside}"
        except OSError as exc:
            return f"a copy could not be kept ({exc})" if copy else f"it could not be moved aside ({exc})"

    def _set_aside(self, reason: str) -> None:
        where = self._put_aside()
        warnings.warn(
            f"kneecourse: your progress file {self.path} could not be read ({reason}); "
            f"{where} and a fresh progress record was started.",
            RuntimeWarning,
            stacklevel=4,
        )

    def _read_text(self):
        """The file's text, None if there is none; retried, then :class:`_Unreadable`, on an OSError;
        :class:`_Damaged` for content that cannot be a progress file."""
        for attempt in range(_READ_TRIES):
            try:
                if self._file.stat().st_size > MAX_BYTES:
                    raise _Damaged(f"larger than {MAX_BYTES // 1_000_000} MB: far too large for a progress file")
                return self.path.read_text(encoding="utf-8")
            except FileNotFoundError:
                return None
            except UnicodeDecodeError as exc:
                raise _Damaged(f"not UTF-8 text: {exc}") from exc
            except OSError as exc:
                if attempt == _READ_TRIES - 1:
                    raise _Unreadable(f"{type(exc).__name__}: {exc}") from exc
                time.sleep(0.05 * (attempt + 1))
        return None  # pragma: no cover - the loop returns or raises

    def _load(self) -> dict:
        """The stored progress; damage set aside (see the module's docstring); :class:`_Unreadable` on a read
        error."""
        try:
            text = self._read_text()
        except _Damaged as exc:
            self._set_aside(str(exc))
            return self._empty()
        if text is None:
            return self._empty()
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or not isinstance(data.get("notebooks"), dict):
                raise ValueError("unexpected structure")
            if not any(isinstance(v, dict) for v in data["notebooks"].values()) and data["notebooks"]:
                raise ValueError("no notebook entry is a mapping")
        except (ValueError, RecursionError) as exc:
            self._set_aside(str(exc) if not isinstance(exc, RecursionError) else "nested too deeply")
            return self._empty()
        good, bad = {}, 0
        diary = data.get("pain_diary", [])
        if not isinstance(diary, list):
            diary, bad = [], 1
        for nb, answers in data["notebooks"].items():
            if not isinstance(answers, dict):
                bad += 1
                continue
            good[nb] = {q: e for q, e in answers.items() if _entry_ok(e)}
            bad += len(answers) - len(good[nb])
            diary = diary + _pain_from_old_answers(good[nb])
        records = [r for r in map(PainRecord.from_stored, diary) if r is not None]
        bad += len(diary) - len(records)
        data["notebooks"], data["pain_diary"] = good, [asdict(r) for r in records]
        if bad:
            self._keep_original(bad)
        return data

    def _keep_original(self, bad: int) -> None:
        """Copy the whole file aside before entries of the wrong shape leave the live one."""
        where = self._put_aside(copy=True)
        warnings.warn(f"kneecourse: {bad} entr{'y' if bad == 1 else 'ies'} of your progress file {self.path} "
                      f"had the wrong shape and were set aside ({where}); the other answers are kept.",
                      RuntimeWarning, stacklevel=4)

    @contextlib.contextmanager
    def _locked(self):
        """Hold the store's lock (a sidecar file) for one read-change-write; yields False if it cannot."""
        lock = self._file.with_name(self._file.name + ".lock")
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            fh = open(lock, "a+b")  # noqa: SIM115 - closed below
        except OSError:
            yield True  # no lock file possible: nothing can be written there either, the save will say so
            return
        try:
            deadline = time.monotonic() + _LOCK_TIMEOUT_S
            while not _try_lock(fh):
                if time.monotonic() > deadline:
                    yield False
                    return
                time.sleep(0.005)
            try:
                yield True
            finally:
                _unlock(fh)
        finally:
            fh.close()

    def load(self) -> dict:
        """Return the stored progress; never raises for a bad file (empty, with a warning, if it cannot be read)."""
        try:
            with self._locked():
                return self._load()
        except _Unreadable as exc:
            self._warn_unreadable(exc)
            return self._empty()

    def _warn_unreadable(self, exc) -> None:
        warnings.warn(f"kneecourse: your progress file {self.path} could not be read just now ({exc}); it is kept "
                      "as it is. Nothing was recorded this time: try again in a moment.", RuntimeWarning, stacklevel=3)

    def save(self, data: dict) -> bool:
        """Write ``data`` atomically. Returns False (with a warning) if it cannot."""
        try:
            atomic_write_text(self._file, json.dumps(data, indent=1, sort_keys=True))
            return True
        except OSError as exc:
            warnings.warn(f"kneecourse: progress not saved to {self.path}: {exc}", RuntimeWarning, stacklevel=2)
            return False

    def _change(self, what: str, change) -> bool:
        """Read the file, ``change(data)`` and write it back, all under the lock; True when it is on disk.

        ``what`` names the record in the warnings ("progress", "pain diary")."""
        with self._locked() as held:
            if not held:
                warnings.warn(f"kneecourse: {what} not saved to {self.path}: another notebook kept it busy for "
                              f"{_LOCK_TIMEOUT_S:.0f} s; try again.", RuntimeWarning, stacklevel=3)
                return False
            try:
                data = self._load()
            except _Unreadable as exc:
                self._warn_unreadable(exc)
                warnings.warn(f"kneecourse: {what} not saved to {self.path} (it could not be read).",
                              RuntimeWarning, stacklevel=3)
                return False
            change(data)
            return self.save(data)

    def record(self, notebook: str, question_id: str, correct: bool, **extra) -> bool:
        """Record the latest attempt at one question of one notebook; True when it is on disk."""
        def change(data):
            answers = data["notebooks"].setdefault(str(notebook), {})
            entry = answers.get(str(question_id), {"attempts": 0})
            entry["attempts"] = min(int(entry.get("attempts", 0)) + 1, _MAX_ATTEMPTS)
            entry["correct"] = bool(correct) or bool(entry.get("correct", False))
            entry["last"] = time.strftime("%Y-%m-%dT%H:%M:%S")
            entry.update(extra)
            answers[str(question_id)] = entry

        return self._change("progress", change)

    def add_pain_record(self, record: PainRecord) -> bool:
        """Add one line to the pain diary; True when it is on disk (every line is kept, however close in time)."""
        if PainRecord.from_stored(asdict(record)) != record:
            raise ValueError(f"not a pain record the diary can keep: {record!r}")
        return self._change("pain diary", lambda data: data["pain_diary"].append(asdict(record)))

    def pain_diary(self) -> list:
        """The pain diary's records, oldest first."""
        return sorted((PainRecord(**r) for r in self.load()["pain_diary"]), key=lambda r: r.when)

    def entries(self, notebook: str, prefix: str = "") -> dict:
        """Entries recorded for ``notebook`` whose id starts with ``prefix``."""
        answers = self.load()["notebooks"].get(str(notebook), {})
        return {k: v for k, v in answers.items() if k.startswith(prefix)}


if os.name == "nt":  # pragma: no cover - the course is tested on Linux; Windows learners get the same guarantee
    import msvcrt

    def _try_lock(fh) -> bool:
        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fh) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fh) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError:  # a file system without locks: one writer is the best it can do
            return True

    def _unlock(fh) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
