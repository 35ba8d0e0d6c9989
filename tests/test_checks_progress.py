import json
import multiprocessing
import os
import signal
import time

import numpy as np
import pytest

from kneecourse.checks import QUESTION_BANK, CodeExercise, MultipleChoice, Numeric
from kneecourse.progress import ProgressStore, atomic_write_text, progress_report, user_folder
from kneecourse.selfchecks import NOTEBOOKS, quiz


def mc():
    return MultipleChoice("nbtest", "q1", "2 + 2?", ["3", "4", "5"], 1, "Four.", hint="Count.",
                          feedback={0: "One short."})


def test_multiple_choice_headless():
    q = mc()
    assert q.check(1).correct and q.check("4").correct
    r = q.check(0)
    assert not r.correct and "One short." in r.feedback and "Count." in r.feedback
    assert not q.check(7).correct and not q.check("six").correct and not q.check(None).correct
    assert "Four." in str(q.check(1))
    with pytest.raises(ValueError):
        MultipleChoice("nb", "x", "?", ["a", "b"], 5, "")


def test_numeric_tolerance_and_units():
    q = Numeric("nbtest", "q2", "g?", 9.81, "m/s²", "Gravity.", rel_tol=0.01)
    assert q.check(9.8).correct and q.check("9.85").correct
    r = q.check(12)
    assert not r.correct and "too high" in r.feedback and "m/s²" in r.feedback
    assert not q.check("abc").correct and not q.check(float("nan")).correct


def _square_exercise():
    def square(x):
        return x * x

    return CodeExercise("nbtest", "q3", "square", lambda x: x * x, [(1.0,), (2.0,), (3.0,)], square,
                        ["Multiply x by itself.", "return x * x"])


def test_code_exercise_reports_failing_case():
    ex = _square_exercise()
    assert ex.check(lambda x: x**2).correct
    r = ex.check(lambda x: x * x if x < 3 else 0.0)
    assert not r.correct and "case 3 of 3" in r.feedback and "returned 0.0, expected 9.0" in r.feedback
    r = ex.check(lambda x: 1 / 0)
    assert "case 1" in r.feedback and "ZeroDivisionError" in r.feedback
    assert not ex.check(5).correct
    assert "not a number" in ex.check(lambda x: "x").feedback


def test_code_exercise_stub_hints_and_solution(course_home):
    ex = _square_exercise()

    def stub(x):
        ...  # your code here

    def raises(x):
        raise NotImplementedError

    for s in (stub, raises):
        r = ex.check(s)
        assert not r.correct and r.feedback.startswith("not done yet") and "Multiply x by itself." in r.feedback
    # later hints one at a time, the last one repeats
    assert "Hint 2 of 2: return x * x" in ex.hint().feedback
    assert "Hint 2 of 2" in ex.hint().feedback and "solution()" in ex.hint().feedback
    # a function that returns nothing on a later case is not mistaken for a stub
    r = ex.check(lambda x: x * x if x < 2 else None)
    assert not r.correct and "case 2 of 3" in r.feedback
    shown = ex.solution().data
    assert "def square(x):" in shown and "return x * x" in shown
    assert ProgressStore().load()["notebooks"]["nbtest"]["q3.solution_seen"]["correct"] is False
    with pytest.raises(ValueError, match="hints and a worked solution"):
        CodeExercise("nbtest", "q4", "x", lambda x: x, [(1.0,)], None, [])


def test_widget_records_progress(course_home):
    q = mc()
    w = q.widget()
    q._controls["input"].value = "4"
    q._controls["check"].click()
    assert "Correct" in q._controls["feedback"].value
    q._controls["input"].value = "3"
    q._controls["check"].click()
    assert "Not yet" in q._controls["feedback"].value
    entry = ProgressStore().load()["notebooks"]["nbtest"]["q1"]
    assert entry["correct"] and entry["attempts"] == 2
    q._controls["hint"].click()
    assert "Count." in q._controls["feedback"].value
    assert w is q.widget()


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


def killed_mid_write(target, args, delays):
    """Start a writer process, SIGKILL it after each delay; yield after each kill so the caller can check files."""
    ctx = multiprocessing.get_context("fork")
    for delay in delays:
        p = ctx.Process(target=target, args=args)
        p.start()
        time.sleep(delay)
        os.kill(p.pid, signal.SIGKILL)
        p.join()
        yield delay


def _writer(path, n):
    big = {"notebooks": {"nb": {f"q{i}": {"correct": True, "attempts": i, "pad": "x" * 2000} for i in range(200)}}}
    for _ in range(n):
        atomic_write_text(path, json.dumps(big))


def test_process_killed_mid_write_leaves_valid_file(course_home):
    path = course_home / "progress.json"
    atomic_write_text(path, json.dumps({"version": 1, "notebooks": {"nb": {"q": {"correct": True}}}}))
    for _ in killed_mid_write(_writer, (path, 10_000), (0.01, 0.03, 0.07)):
        data = json.loads(path.read_text())  # always a whole file, old or new
        assert "nb" in data["notebooks"]


def test_question_bank_registers_all_notebooks():
    from kneecourse.selfchecks import register_all

    register_all()
    for nb in NOTEBOOKS:
        assert len(QUESTION_BANK[nb]) >= 2
    for nb in NOTEBOOKS[1:]:
        assert len(quiz(nb)) >= 4, f"{nb} needs at least four self-checks"


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_every_question_has_a_right_answer(nb):
    for q in quiz(nb):
        if isinstance(q, MultipleChoice):
            assert q.check(q.answer).correct
        elif isinstance(q, Numeric):
            assert q.check(q.answer).correct
            assert not q.check(q.answer + 10 * q.tolerance + 1).correct
        else:
            assert q.check(q.reference).correct
            assert not q.check(lambda *a: np.nan).correct


def _export_writer(folder, n):
    from kneecourse.export import export_plan
    from kneecourse.models.program import build_program

    prog = build_program("pfp_rehab", 300, ("none", "step", "wall", "band"), 6)
    for _ in range(n):
        export_plan(prog, folder)


def test_exported_plan_survives_a_kill_mid_write(tmp_path):
    from kneecourse.export import export_plan
    from kneecourse.models.program import build_program

    export_plan(build_program(), tmp_path)
    for _ in killed_mid_write(_export_writer, (tmp_path, 10_000), (0.02, 0.05, 0.11)):
        html = (tmp_path / "knee_program.html").read_text()
        assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
        lines = (tmp_path / "knee_program.csv").read_text().splitlines()
        assert lines[0].startswith("session,exercise") and len(lines) > 2
