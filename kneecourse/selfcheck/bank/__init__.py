"""The question bank: every notebook's self-checks and predictions, with answers computed from the models.

One file per notebook (named after it without the ``NN_`` prefix) holds its questions, what each wrong option
of a choice misses, its predict-then-check and the worked solutions of its code exercises. The course map
(:mod:`kneecourse.course.modules`) says which questions each notebook asks, by id and in order.

``quiz("01_knee_is_not_a_hinge")`` returns that notebook's questions, reached by id
(``quiz["coupled_30"]``), and ``predictions(notebook)`` its predict-then-check (if any). Both are built on
first use and cached, so a notebook's widgets keep their state; the progress report
(:mod:`kneecourse.selfcheck.report`) and the class view ask the same two functions for the course's totals.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import import_module

from ...course.modules import NOTEBOOKS, module
from ..questions import MultipleChoice, Prediction
from .capstone_cases import ALEX, JO, capstone_cases

__all__ = ["quiz", "Quiz", "prediction", "predictions", "NOTEBOOKS", "capstone_cases", "ALEX", "JO",
           "bank_module"]


def bank_module(notebook: str):
    """The bank's module holding the questions of ``notebook``."""
    return import_module(f"{__name__}.{module(notebook).bank}")


class Quiz(Sequence):
    """A notebook's self-checks in the order it asks them, reached by id: ``quiz["coupled_30"]``.

    Iterating gives the questions in order; ``quiz[k]`` by position still works for a copy of a notebook
    written before questions had ids.
    """

    def __init__(self, notebook: str, questions: tuple):
        self.notebook, self._questions = notebook, tuple(questions)
        self._by_id = {q.id: q for q in self._questions}

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"{self.notebook} has no question {key!r}; its questions: {list(self._by_id)}") \
                    from None
        return self._questions[key]

    def __len__(self):
        return len(self._questions)

    def __repr__(self):
        return f"Quiz({self.notebook!r}: {', '.join(self._by_id)})"

    @property
    def ids(self) -> tuple:
        """The question ids, in order."""
        return tuple(self._by_id)


@cache
def quiz(notebook: str) -> Quiz:
    """The questions of one notebook (cached, so the widgets keep their state)."""
    row, bank = module(notebook), bank_module(notebook)
    questions = tuple(bank.questions(notebook))
    ids = tuple(q.id for q in questions)
    if len(set(ids)) != len(ids):  # the progress store keys answers by id
        raise RuntimeError(f"{notebook}: question ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}")
    if ids != row.questions:
        raise RuntimeError(f"{notebook}: the bank's questions {list(ids)} are not the course map's "
                           f"{list(row.questions)} (kneecourse/course/modules.py): list each id there, in order")
    wrong = getattr(bank, "WRONG_OPTIONS", {})
    for q in questions:
        if isinstance(q, MultipleChoice):
            q.feedback = {**wrong.get(q.id, {}), **q.feedback}
        if hasattr(q, "handle"):  # the feedback names how the notebook reaches it
            q.handle = f'quiz["{q.id}"]'
    return Quiz(notebook, questions)


@cache
def prediction(notebook: str) -> Prediction:
    """The predict-then-check of a module (1–7), e.g. ``prediction("03_patellofemoral_load")``."""
    row = module(notebook)
    if row.prediction is None:
        with_one = [n for n in NOTEBOOKS if module(n).prediction]
        raise KeyError(f"no prediction for {notebook!r}; modules with one: {with_one}")
    made = Prediction(notebook, *bank_module(notebook).prediction())
    if made.id != row.prediction:
        raise RuntimeError(f"{notebook}: the bank's prediction {made.id!r} is not the course map's "
                           f"{row.prediction!r} (kneecourse/course/modules.py)")
    return made


def predictions(notebook: str) -> tuple:
    """The predict-then-check questions of a notebook: ``(prediction(notebook),)``, or ``()`` if it has none."""
    return (prediction(notebook),) if module(notebook).prediction else ()
