"""Question types: multiple choice, numeric, code exercises, and their widgets (selfcheck.questions)."""

import pytest

from kneecourse.selfcheck.bank import NOTEBOOKS, quiz
from kneecourse.selfcheck.questions import CodeExercise, MultipleChoice, Numeric
from kneecourse.selfcheck.store import ProgressStore


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
        assert not r.correct and r.feedback.startswith("Not done yet") and "Multiply x by itself." in r.feedback
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


def _all_questions():
    return [q for nb in NOTEBOOKS for q in quiz(nb)]


def test_outside_a_static_page_submit_still_returns_a_result(course_home):
    ex = next(q for q in _all_questions() if isinstance(q, CodeExercise))
    assert not ex.submit(lambda *a: None).correct
