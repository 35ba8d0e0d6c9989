"""The exercise library: ``data/exercises.json``, read once from the installed copy and checked.

Every exercise has the fields of :data:`EXERCISE_FIELDS`; categories, evidence grades, equipment and goals come
from the lists below. :func:`validate_library` raises a :class:`~kneecourse.dataio.tables.TableError` naming the
file, the exercise and the field. The program builder (:mod:`kneecourse.models.program`) chooses from it.
"""
from __future__ import annotations

from functools import lru_cache

from .tables import TableError, load_json

__all__ = ["EXERCISE_FIELDS", "EVIDENCE_GRADES", "EQUIPMENT", "GOALS", "CATEGORIES", "exercise_library",
           "validate_library"]

EVIDENCE_GRADES = ("strong", "mixed", "weak", "opinion")
EQUIPMENT = ("none", "step", "band", "wall", "door_frame", "foam_roller", "leg_press", "weights")
GOALS = ("pfp_rehab", "prevention", "return_to_run")
CATEGORIES = ("mobility", "strength", "control")

#: field -> expected type; lists are lists of str
EXERCISE_FIELDS = {
    "id": str, "name": str, "category": str, "targets": str, "muscles": list, "notebook": str,
    "dosage": str, "frequency": str, "progression": str, "regression": str, "cues": list,
    "equipment": list, "minutes": (int, float), "evidence_grade": str, "safety": str,
    "goals": list, "sources": list, "pfp_core": bool, "evidence_for": str,
}


def validate_library(data: dict, filename: str = "exercises.json") -> list:
    """Check the library structure; return the exercise list or raise TableError."""
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), list):
        raise TableError(f"{filename}: expected an object with an 'exercises' list")
    seen = set()
    for i, ex in enumerate(data["exercises"]):
        where = f"{filename}, exercise {i} ({ex.get('id', '?') if isinstance(ex, dict) else '?'})"
        if not isinstance(ex, dict):
            raise TableError(f"{where}: not an object")
        missing = set(EXERCISE_FIELDS) - set(ex)
        if missing:
            raise TableError(f"{where}: missing field(s) {sorted(missing)}")
        for key, typ in EXERCISE_FIELDS.items():
            value = ex[key]
            if not isinstance(value, typ) or (isinstance(value, bool) and typ is not bool):
                raise TableError(f"{where}, field {key!r}: expected {typ}, got {type(value).__name__}")
            if isinstance(value, list) and not all(isinstance(v, str) for v in value):
                raise TableError(f"{where}, field {key!r}: every entry must be text")
            if isinstance(value, str) and not value.strip():
                raise TableError(f"{where}, field {key!r}: empty")
        if ex["id"] in seen:
            raise TableError(f"{where}: duplicate id")
        seen.add(ex["id"])
        for key, allowed in (("category", CATEGORIES), ("evidence_grade", EVIDENCE_GRADES)):
            if ex[key] not in allowed:
                raise TableError(f"{where}, field {key!r}: {ex[key]!r} is not one of {allowed}")
        for key, allowed in (("equipment", EQUIPMENT), ("goals", GOALS)):
            bad = [v for v in ex[key] if v not in allowed]
            if bad or not ex[key]:
                raise TableError(f"{where}, field {key!r}: {bad or 'empty'} not in {allowed}")
        if not 0 < ex["minutes"] <= 60:
            raise TableError(f"{where}, field 'minutes': {ex['minutes']} is outside 0–60 min")
        if ex["pfp_core"] and ex["category"] != "strength":
            raise TableError(f"{where}, field 'pfp_core': only strength exercises belong to the hip + knee core")
        if ex["evidence_grade"] == "strong":
            raise TableError(f"{where}, field 'evidence_grade': 'strong' belongs to a whole programme "
                             "(PROGRAMME_EVIDENCE), not to a single exercise")
        if not ex["notebook"].endswith(".ipynb"):
            raise TableError(f"{where}, field 'notebook': must name a course notebook")
    return data["exercises"]


@lru_cache(maxsize=1)
def _library():
    return tuple(validate_library(load_json("exercises.json")))


def exercise_library() -> list:
    """All exercises (validated), as a list of dicts (copies)."""
    return [dict(ex) for ex in _library()]
