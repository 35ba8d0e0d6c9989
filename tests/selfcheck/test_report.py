"""The progress report: answered questions and predictions per notebook, from the question bank (selfcheck.report)."""
from kneecourse.dataio.learner_files import user_folder
from kneecourse.selfcheck.bank import NOTEBOOKS, predictions, quiz
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


def test_the_bank_holds_every_notebook_and_the_report_counts_it():
    report = progress_report(show=False)
    assert list(report) == sorted(NOTEBOOKS)
    for nb in NOTEBOOKS:
        assert report[nb]["total"] == len(quiz(nb)) >= 2
        assert len({q.id for q in quiz(nb)}) == len(quiz(nb)), f"{nb}: question ids repeat"
        assert set(report[nb]["predictions"]) == {p.id for p in predictions(nb)}
    assert sum(len(predictions(nb)) for nb in NOTEBOOKS) == 7  # one predict-then-check in each of modules 1-7
