"""Self-checks: question types, the question bank of every notebook, the learner's progress.

One way down, no circle::

    questions (MultipleChoice, Numeric, CodeExercise, Prediction) ──> store (ProgressStore)
    bank (each notebook's questions, built from the models) ──> questions, solutions
    report (progress_report) ──> bank, store

Notebooks reach these through ``kc.quiz(notebook)``, ``kc.prediction(notebook)``
and ``kc.progress_report()``.
"""
from .bank import NOTEBOOKS, capstone_cases, prediction, predictions, quiz
from .questions import CodeExercise, MultipleChoice, Numeric, Prediction, Result
from .report import progress_report
from .store import ProgressStore

__all__ = ["NOTEBOOKS", "quiz", "prediction", "predictions", "capstone_cases", "progress_report",
           "Result", "MultipleChoice", "Numeric", "CodeExercise", "Prediction", "ProgressStore"]
