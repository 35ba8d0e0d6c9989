"""The pain diary: its own record in the progress file, every line kept, old and damaged files read safely
(selfcheck.store.PainRecord)."""
import json

import pytest

from kneecourse.selfcheck.report import progress_report
from kneecourse.selfcheck.store import PainRecord, ProgressStore

from ..conftest import writers_at_once


def _record(when="2026-05-04T18:30:00", during=2, morning=0, advice="progress", exercise="Wall squat"):
    return PainRecord(when, exercise, during, morning, advice)


def test_two_lines_in_the_same_second_are_both_kept(course_home):
    """The diary was kept as answers keyed by the second and the exercise: a second line recorded in the same
    second for the same exercise replaced the first. Each line is its own record now."""
    from kneecourse.widgets import ProgramApp

    app = ProgramApp()
    app.answer_screen(swelling=False)
    app.continue_()
    app.p_during.value, app.p_morning.value = 2, 0
    app.record_pain()
    app.p_during.value, app.p_morning.value = 6, 2
    app.record_pain()
    diary = ProgressStore().pain_diary()
    assert [(r.pain_during_of_10, r.advice) for r in diary] == [(2, "progress"), (6, "regress")]
    assert app.p_log.value.count("<tr>") == 3  # the heading and both lines


def test_the_diary_is_not_counted_as_answers(course_home):
    s = ProgressStore()
    assert s.add_pain_record(_record())
    assert s.load()["notebooks"] == {}
    assert progress_report(s, show=False)["08_your_program"]["correct"] == 0


def test_a_file_from_an_older_course_keeps_its_pain_lines(course_home):
    """An older course kept the diary as `pain:` answers of module 8: they are read into the diary, the real
    answers stay answers, and the next write keeps both."""
    s = ProgressStore()
    old = {"version": 1, "notebooks": {"08_your_program": {
        "pain_rule": {"attempts": 1, "correct": True, "last": "2026-05-01T10:00:00"},
        "pain:2026-05-02T09:00:00:Wall squat": {"attempts": 1, "correct": False, "last": "2026-05-02T09:00:00",
                                                "pain_during": 4, "next_morning": 1, "advice": "hold",
                                                "exercise": "Wall squat"}}}}
    s.path.write_text(json.dumps(old))
    assert s.pain_diary() == [PainRecord("2026-05-02T09:00:00", "Wall squat", 4, 1, "hold")]
    assert s.add_pain_record(_record(when="2026-05-03T09:00:00"))
    stored = json.loads(s.path.read_text())
    assert list(stored["notebooks"]["08_your_program"]) == ["pain_rule"]
    assert [r["when"] for r in stored["pain_diary"]] == ["2026-05-02T09:00:00", "2026-05-03T09:00:00"]


def test_a_damaged_line_is_set_aside_and_the_others_kept(course_home):
    s = ProgressStore()
    s.add_pain_record(_record())
    data = json.loads(s.path.read_text())
    data["pain_diary"].append({"when": "x", "exercise": "y", "pain_during_of_10": 99, "next_morning_vs_usual": 0,
                               "advice": "progress"})
    data["pain_diary"].append("not a record")
    s.path.write_text(json.dumps(data))
    with pytest.warns(RuntimeWarning, match="2 entries"):
        assert s.pain_diary() == [_record()]
    aside = list(course_home.glob("progress.json.corrupt-*"))
    assert aside and "not a record" in aside[0].read_text()


def test_a_diary_that_is_not_a_list_is_set_aside_not_trusted(course_home):
    s = ProgressStore()
    s.record("nb", "q", True)
    data = json.loads(s.path.read_text())
    data["pain_diary"] = {"oops": 1}
    s.path.write_text(json.dumps(data))
    with pytest.warns(RuntimeWarning, match="wrong shape"):
        assert s.pain_diary() == []
        assert s.load()["notebooks"]["nb"]["q"]["correct"]


@pytest.mark.parametrize("bad", [_record(during=11), _record(morning=-11), _record(advice="push on"),
                                 PainRecord("now", "Wall squat", 2.5, 0, "progress")])
def test_a_line_the_diary_cannot_keep_is_refused_before_writing(course_home, bad):
    with pytest.raises(ValueError, match="pain record"):
        ProgressStore().add_pain_record(bad)
    assert not ProgressStore().path.exists()


_WRITER = """
import sys
from kneecourse.selfcheck.store import PainRecord, ProgressStore
s = ProgressStore(sys.argv[1])
ok = [s.add_pain_record(PainRecord(f"2026-05-04T18:30:{i % 60:02d}", sys.argv[2], i % 11, 0, "progress"))
      for i in range(int(sys.argv[3]))]
sys.exit(0 if all(ok) else 1)
"""


def test_two_notebooks_writing_the_diary_at_once_keep_every_line(tmp_path):
    path = tmp_path / "progress.json"
    n = 150
    writers_at_once(_WRITER, path, n)
    diary = ProgressStore(path).pain_diary()
    assert len(diary) == 2 * n and {r.exercise for r in diary} == {"a", "b"}
