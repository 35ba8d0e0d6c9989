"""The learner's progress: answered self-checks and predictions per notebook."""
from __future__ import annotations

from ..course.modules import NOTEBOOKS
from .bank import predictions, quiz
from .store import ProgressStore

__all__ = ["progress_report"]


def progress_report(store: ProgressStore | None = None, *, show: bool = True) -> dict:
    """Completion per notebook: answered correctly / the notebook's questions.

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
        notebook of the course (its questions: :func:`kneecourse.quiz`);
        ``predictions`` maps each predict-then-check id to ``{"prediction": your
        number or None, "model": the model's, "unit": ...}``.
    """
    store = store or ProgressStore()
    answers = store.load()["notebooks"]
    report = {}
    for nb in sorted(NOTEBOOKS):
        done = answers.get(nb, {})
        ids = [q.id for q in quiz(nb)]
        correct = sum(1 for q in ids if done.get(q, {}).get("correct"))
        guesses = {p.id: {"prediction": done.get(p.key, {}).get("prediction"), "model": p.model_value,
                          "unit": p.unit} for p in predictions(nb)}
        report[nb] = {"correct": correct, "total": len(ids), "predictions": guesses}
    if show:
        width = max((len(k) for k in report), default=8)
        print(f"{'notebook'.ljust(width)}  done")
        for nb, r in report.items():
            bar = "█" * r["correct"] + "·" * (r["total"] - r["correct"])
            guesses = "; ".join(f"predicted {v['prediction']:g} {v['unit']}, model {v['model']:.3g}".replace("  ", " ")
                                for v in r["predictions"].values() if v["prediction"] is not None)
            print(f"{nb.ljust(width)}  {r['correct']}/{r['total']} {bar}" + (f"   ({guesses})" if guesses else ""))
    return report
