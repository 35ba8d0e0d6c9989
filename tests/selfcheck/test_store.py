"""The progress store: round trip, a corrupt or unwritable file, a crash mid-write (selfcheck.store)."""
import os

import pytest

from kneecourse.selfcheck.store import ProgressStore

from ..conftest import writers_at_once


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"notebooks": 3}', '{"notebooks": {"a": 1}}'])
def test_corrupt_file_is_moved_aside_with_warning(course_home, content):
    s = ProgressStore()
    s.path.write_text(content)
    with pytest.warns(RuntimeWarning, match="could not be read"):
        data = s.load()
    assert data["notebooks"] == {}
    assert list(course_home.glob("progress.json.corrupt-*"))
    assert s.record("nb", "q", True)  # a fresh store works


def test_unwritable_location_warns_not_raises(course_home):
    blocker = course_home / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    s = ProgressStore(blocker / "progress.json")
    with pytest.warns(RuntimeWarning) as caught:
        assert s.record("nb", "q", True) is False
    messages = [str(w.message) for w in caught]
    assert any("could not be read" in m for m in messages) and any("not saved" in m for m in messages)


def test_crash_mid_write_keeps_old_progress(course_home, monkeypatch):
    s = ProgressStore()
    s.record("nb", "q", True)
    before = s.path.read_text()

    def boom(*a, **k):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.warns(RuntimeWarning, match="not saved"):
        assert s.record("nb", "q2", True) is False
    monkeypatch.undo()
    assert s.path.read_text() == before
    assert not list(course_home.glob(".progress.json.*.tmp")), "temporary files must be cleaned up"


# --- faults a learner's data must survive (each failed before the store took a lock and checked shapes) ---

_WRITER = """
import sys
from kneecourse.selfcheck.store import ProgressStore
s = ProgressStore(sys.argv[1])
ok = [s.record("nb", f"{sys.argv[2]}-{i}", True) for i in range(int(sys.argv[3]))]
sys.exit(0 if all(ok) else 1)
"""


def test_two_processes_recording_at_once_keep_every_answer(tmp_path):
    """Two notebooks (or a notebook and an app page) answering at the same time: 2 × 300 answers, all kept."""
    path = tmp_path / "progress.json"
    n = 300
    writers_at_once(_WRITER, path, n)
    answers = ProgressStore(path).load()["notebooks"]["nb"]
    assert len(answers) == 2 * n, f"kept {len(answers)} of {2 * n}"
    assert not list(tmp_path.glob("progress.json.corrupt-*"))


@pytest.mark.parametrize("error", [OSError(24, "Too many open files"), PermissionError(13, "Permission denied")])
def test_a_momentary_read_error_keeps_the_file_and_its_answers(course_home, monkeypatch, error):
    s = ProgressStore()
    assert s.record("nb", "kept", True)
    real = type(s.path).read_text
    calls = {"n": 0}

    def failing(self, *a, **k):
        if self.name == "progress.json":
            calls["n"] += 1
            raise error
        return real(self, *a, **k)

    monkeypatch.setattr(type(s.path), "read_text", failing)
    with pytest.warns(RuntimeWarning, match="could not be read"):
        assert s.record("nb", "during", True) is False  # not saved over a file it could not read
    with pytest.warns(RuntimeWarning, match="could not be read"):
        assert s.load()["notebooks"] == {}  # read-only for now
    monkeypatch.undo()
    assert not list(course_home.glob("progress.json.corrupt-*")), "a valid file was set aside"
    assert "kept" in s.load()["notebooks"]["nb"]
    assert calls["n"] >= 2


def test_a_read_error_that_passes_is_retried(course_home, monkeypatch):
    s = ProgressStore()
    assert s.record("nb", "kept", True)
    real = type(s.path).read_text
    calls = {"n": 0}

    def once(self, *a, **k):
        if self.name == "progress.json" and calls["n"] == 0:
            calls["n"] += 1
            raise OSError(24, "Too many open files")
        return real(self, *a, **k)

    monkeypatch.setattr(type(s.path), "read_text", once)
    assert s.record("nb", "after", True)
    monkeypatch.undo()
    assert set(s.load()["notebooks"]["nb"]) == {"kept", "after"}


def test_files_set_aside_in_the_same_second_get_their_own_names(course_home):
    s = ProgressStore()
    for text in ("{broken one", "{broken two", "{broken three"):
        s.path.write_text(text)
        with pytest.warns(RuntimeWarning, match="could not be read"):
            s.load()
    kept = sorted(p.read_text() for p in course_home.glob("progress.json.corrupt-*"))
    assert kept == ["{broken one", "{broken three", "{broken two"]


_GOOD = {"attempts": 2, "correct": True, "last": "2026-11-30T10:00:00"}


@pytest.mark.parametrize("bad", ['"a string"', '{"attempts": "two"}', '{"attempts": 1e400}', '{"attempts": -3}',
                                 '{"attempts": 1, "correct": "yes"}', '{"attempts": 1, "pain_during": 1e400}',
                                 '{"attempts": 1, "note": ' + "[" * 50 + "]" * 50 + "}"])
def test_entries_of_the_wrong_shape_are_set_aside_and_the_good_ones_kept(course_home, bad):
    import json

    s = ProgressStore()
    s.path.write_text('{"version": 1, "notebooks": {"nb": {"good": ' + json.dumps(_GOOD) + ', "bad": ' + bad
                      + '}, "other": {"fine": ' + json.dumps(_GOOD) + "}}}")
    original = s.path.read_text()
    with pytest.warns(RuntimeWarning, match="set aside"):
        assert s.record("nb", "new", True)
    data = s.load()["notebooks"]
    assert set(data["nb"]) == {"good", "new"} and data["nb"]["good"]["attempts"] == 2
    assert set(data["other"]) == {"fine"}
    aside = list(course_home.glob("progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == original  # nothing lost: the whole file as it was


def test_a_deeply_nested_file_is_set_aside_not_raised(course_home):
    s = ProgressStore()
    s.path.write_text('{"version": 1, "notebooks": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.warns(RuntimeWarning, match="could not be read"):
        assert s.record("nb", "q", True)
    assert list(course_home.glob("progress.json.corrupt-*"))


def test_a_symlinked_progress_file_stays_a_link(tmp_path, monkeypatch):
    real = tmp_path / "synced" / "progress.json"
    real.parent.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    (home / "progress.json").symlink_to(real)
    monkeypatch.setenv("KNEECOURSE_HOME", str(home))
    s = ProgressStore()
    assert s.record("nb", "q1", True) and s.record("nb", "q2", False)
    assert (home / "progress.json").is_symlink()
    assert set(ProgressStore(real).load()["notebooks"]["nb"]) == {"q1", "q2"}


def test_a_progress_file_far_too_large_is_set_aside_unread(course_home, monkeypatch):
    """A 22 MB file cost 9.7 s and 383 MB per answer: it is set aside unread, and the next answers use a small file."""
    import json

    s = ProgressStore()
    huge = {"version": 1, "notebooks": {"nb": {f"q{i}": dict(_GOOD, note="x" * 200) for i in range(60_000)}}}
    s.path.write_text(json.dumps(huge))  # about 17 MB: a real one is a few kB
    parsed = []
    real = json.loads
    monkeypatch.setattr(json, "loads", lambda text, *a, **k: parsed.append(len(text)) or real(text, *a, **k))
    with pytest.warns(RuntimeWarning, match="too large"):
        assert s.record("nb", "q", True)
    assert s.record("nb", "q2", True)
    assert max(parsed, default=0) < 10_000, "the huge file was parsed"
    assert set(s.load()["notebooks"]["nb"]) == {"q", "q2"}  # the live file holds only the new answers
    assert [p.stat().st_size for p in course_home.glob("progress.json.corrupt-*")] == [len(json.dumps(huge))]


def test_a_progress_folder_that_cannot_be_made_is_a_warning_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KNEECOURSE_HOME", str(blocker / "course"))
    s = ProgressStore()  # constructing it never raises
    with pytest.warns(RuntimeWarning, match="not saved"):
        assert s.record("nb", "q", True) is False
    assert s.entries("nb") == {}
