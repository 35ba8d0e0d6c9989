"""The progress store: round trip, a corrupt or unwritable file, a crash mid-write (selfcheck.store)."""
import os

import pytest

from kneecourse.selfcheck.store import ProgressStore


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
