"""The progress store: round trip, a corrupt or unwritable file, a crash mid-write (selfcheck.store)."""
import os

import pytest

from kneecourse.io.learner_files import user_folder
from kneecourse.selfcheck.bank import NOTEBOOKS, quiz
from kneecourse.selfcheck.report import progress_report
from kneecourse.selfcheck.store import ProgressStore


def test_progress_store_roundtrip_and_report(course_home):
    s = ProgressStore()
    assert s.path.parent == course_home == user_folder()
    s.record("01_knee_is_not_a_hinge", "coupled_30", True)
    s.record("01_knee_is_not_a_hinge", "envelope", False)
    rep = progress_report(s, show=False)
    assert set(NOTEBOOKS) <= set(rep)
    assert {k: rep["01_knee_is_not_a_hinge"][k] for k in ("correct", "total")} == {
        "correct": 1, "total": len(quiz("01_knee_is_not_a_hinge"))}


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
