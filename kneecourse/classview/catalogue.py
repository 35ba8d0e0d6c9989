"""What the class view accepts: the course's predictions and self-check questions, and a valid answer to each."""
from __future__ import annotations

import functools
import math

#: kinds of post: a committed prediction (a number), a multiple-choice answer (an option index), a numeric answer
KINDS = ("prediction", "choice", "number")
#: a number a learner may post (any answer of the course is far inside this)
NUMBER_LIMIT = 1e7


class Rejected(ValueError):
    """A post the class view refuses, with the reason in words."""


@functools.lru_cache(maxsize=1)
def catalogue() -> dict:
    """``{(notebook, question id): entry}`` for every prediction and question of the course.

    An entry holds ``kind``, ``prompt``, ``unit``, and ``options`` with the ``correct`` index (choices) or the
    ``model`` value (predictions and numeric questions).
    """
    from ..course.modules import NOTEBOOKS
    from ..selfcheck.bank import predictions, quiz
    from ..selfcheck.questions import MultipleChoice, Numeric

    out = {}

    def add(key, entry):
        if key in out:
            raise ValueError(f"{key[0]}: the id {key[1]!r} is both a prediction and a question")
        out[key] = {**entry, "order": len(out)}

    for nb in NOTEBOOKS:
        for p in predictions(nb):
            add((nb, p.id), {"kind": "prediction", "prompt": p.prompt, "unit": p.unit, "model": p.model_value})
        for q in quiz(nb):
            if isinstance(q, MultipleChoice):
                add((nb, q.id), {"kind": "choice", "prompt": q.prompt, "options": list(q.options),
                                 "correct": q.answer})
            elif isinstance(q, Numeric):
                add((nb, q.id), {"kind": "number", "prompt": q.prompt, "unit": q.unit, "model": float(q.answer)})
    return out


def validated(post) -> dict:
    """The post as stored (``notebook``, ``question``, ``kind``, ``value``), or :class:`Rejected` saying why."""
    if not isinstance(post, dict):
        raise Rejected("the body must be a JSON object")
    unknown = set(post) - {"notebook", "question", "kind", "value"}
    if unknown:
        raise Rejected(f"unknown fields: {sorted(unknown)}")
    nb, qid, kind, value = (post.get(k) for k in ("notebook", "question", "kind", "value"))
    if not isinstance(nb, str) or not isinstance(qid, str):
        raise Rejected("notebook and question must be strings")
    entry = catalogue().get((nb, qid))
    if entry is None:
        raise Rejected(f"no question {qid!r} in notebook {nb!r}")
    if kind != entry["kind"]:
        raise Rejected(f"{nb}/{qid} takes a {entry['kind']}, not {kind!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Rejected(f"value must be a number, not {type(value).__name__}")
    if kind == "choice":
        if not isinstance(value, int) or not 0 <= value < len(entry["options"]):
            raise Rejected(f"value must be an option index 0..{len(entry['options']) - 1}, not {value!r}")
    elif not math.isfinite(value) or abs(value) > NUMBER_LIMIT:
        raise Rejected(f"value must be a finite number within ±{NUMBER_LIMIT:g}, not {value!r}")
    return {"notebook": nb, "question": qid, "kind": kind, "value": value}
