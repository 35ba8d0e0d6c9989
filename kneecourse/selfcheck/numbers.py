"""Numbers as people type them: one rule for the notebooks and the course site.

An answer is a number with or without the question's unit after it (in any of its
common spellings, any case): ``6.2``, ``6,2``, ``6.2 BW``, ``6,2 x BW``, ``6.2 body
weights``, ``−3`` (a typographic minus). A decimal comma is read as a point when it
is the only separator. Anything else is not a number (``None``), so the learner is
asked again rather than graded on a guess of what they meant.

The site's script (``kneecourse-quiz.js``, function ``number``) applies the same
rule to the spellings this module writes into each page (:func:`unit_spellings`);
a browser test runs one table of inputs through both.
"""
from __future__ import annotations

import math
import re

__all__ = ["UNIT_SPELLINGS", "unit_spellings", "parse_number"]

#: the ways a unit is written after a number, besides the unit itself (all compared in lower case)
UNIT_SPELLINGS = {
    "BW": ("× bw", "x bw", "×bw", "xbw", "body weight", "body weights", "bodyweight", "bodyweights",
           "times body weight", "times bodyweight"),
    "MPa": ("mpa", "megapascal", "megapascals"),
    "N·m": ("n·m", "nm", "n m", "n.m", "n-m", "newton metres", "newton meters"),
    "N·m/kg": ("n·m/kg", "nm/kg", "n m/kg", "n.m/kg"),
    "deg": ("°", "deg", "degree", "degrees"),
    "°": ("°", "deg", "degree", "degrees"),
    "%": ("%", "percent", "per cent"),
    "mm": ("mm", "millimetres", "millimeters"),
    "mm²": ("mm²", "mm2", "mm^2"),
    "cm": ("cm", "centimetres", "centimeters"),
    "m": ("m", "metres", "meters"),
    "m/s": ("m/s", "m s-1", "metres per second", "meters per second"),
    "km": ("km", "kilometres", "kilometers"),
    "kg": ("kg", "kilograms", "kilos"),
    "N": ("n", "newtons"),
    "kN/m": ("kn/m",),
    "ms": ("ms", "milliseconds"),
    "s": ("s", "sec", "seconds"),
    "steps/min": ("steps/min", "spm", "steps per minute", "steps a minute"),
    "AU": ("au", "arbitrary units"),
    "weeks": ("weeks", "week", "wk", "wks"),
    "days": ("days", "day"),
}
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?", re.IGNORECASE)


def unit_spellings(unit: str) -> list:
    """Every spelling of ``unit`` an answer may end with, longest first (lower case)."""
    found = {unit.lower(), *UNIT_SPELLINGS.get(unit, ())} - {""}
    return sorted(found, key=lambda s: (-len(s), s))


def parse_number(text, unit: str = ""):
    """The number a learner typed (a float), or None if it is not one.

    Parameters
    ----------
    text : str or float
        What was typed (a real number passes through when finite).
    unit : str, optional
        The question's unit: it may follow the number in any spelling of :func:`unit_spellings`.
    """
    if isinstance(text, bool) or text is None:
        return None
    if isinstance(text, (int, float)):
        try:
            x = float(text)
        except OverflowError:
            return None
        return x if math.isfinite(x) else None
    s = str(text).strip().lower().replace("\u2212", "-").replace("\u00a0", " ")
    for spelling in unit_spellings(unit):
        if s.endswith(spelling):
            s = s[: -len(spelling)].strip()
            break
    if "," in s and "." not in s:
        if s.count(",") != 1:
            return None
        s = s.replace(",", ".")
    if not _NUMBER.fullmatch(s):
        return None
    x = float(s)
    return x if math.isfinite(x) else None
