"""Read a training log (CSV) into daily loads, reporting bad rows by line.

Columns: ``date`` (YYYY-MM-DD), ``duration_min``, ``rpe`` (session RPE,
0–10) and optionally ``distance_km``. Load = duration × RPE (arbitrary units,
"session RPE"). Lines starting with ``#`` are comments. Bad rows are never
dropped silently: each is reported with its line number and reason.

Logs are read as spreadsheets save them: comma, semicolon or tab between
cells (the header line tells which), a decimal comma where the cells are not
comma-separated, and a byte-order mark at the start. A date outside
:data:`EARLIEST`–tomorrow is a bad row (a typo would make up years of rest and
then a spike), and a log spanning more than :data:`MAX_SPAN_YEARS` is refused.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

import numpy as np

from .tables import read_text

__all__ = ["TrainingLog", "LogError", "parse_training_log", "sample_log"]

_REQUIRED = ("date", "duration_min", "rpe")
#: the earliest date a log row may have
EARLIEST = dt.date(1990, 1, 1)
#: a log longer than this is a typo in a date (or two logs pasted together)
MAX_SPAN_YEARS = 10
_RANGES = {"duration_min": (0.0, 600.0), "rpe": (0.0, 10.0), "distance_km": (0.0, 300.0)}


class LogError(ValueError):
    """The log has bad rows; ``problems`` lists (line, message)."""

    def __init__(self, problems):
        self.problems = list(problems)
        text = "; ".join(f"line {n}: {m}" for n, m in self.problems[:10])
        more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
        super().__init__(f"{len(self.problems)} bad row(s) in the training log: {text}{more}")


@dataclass
class TrainingLog:
    """Daily series from the first to the last logged day (rest days = 0)."""

    dates: list
    load: np.ndarray  # AU per day
    distance_km: np.ndarray
    sessions: int
    problems: list = field(default_factory=list)  # (line, message) of rows left out


def parse_training_log(text: str, strict: bool = False) -> TrainingLog:
    """Parse CSV text into a :class:`TrainingLog`.

    Parameters
    ----------
    text : str
        The CSV content.
    strict : bool
        Raise :class:`LogError` if any row is bad; otherwise the bad rows are
        left out and listed in ``problems`` (show them to the learner).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be the CSV content as str, got {type(text).__name__}")
    text = text.removeprefix("\ufeff")  # a spreadsheet's byte-order mark
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1)
             if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise LogError([(1, "the file has no header and no rows")])
    head_no, head = lines[0]
    # the header says how the cells are separated: comma, semicolon or tab
    delimiter = max((",", ";", "\t"), key=head.count)
    decimal_comma = delimiter != ","
    header = [h.strip().lower() for h in next(csv.reader([head], delimiter=delimiter))]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise LogError([(head_no, f"header lacks column(s) {missing}; found {header}")])
    problems, rows = [], []
    latest = dt.date.today() + dt.timedelta(days=1)
    for n, ln in lines[1:]:
        cells = next(csv.reader(io.StringIO(ln), delimiter=delimiter))
        if len(cells) != len(header):
            problems.append((n, f"{len(cells)} cells, expected {len(header)}"))
            continue
        rec = dict(zip(header, (c.strip() for c in cells)))
        try:
            day = dt.date.fromisoformat(rec["date"])
        except ValueError:
            problems.append((n, f"date {rec['date']!r} is not YYYY-MM-DD"))
            continue
        if not EARLIEST <= day <= latest:
            problems.append((n, f"date {day} is not a plausible date: a typo? (allowed {EARLIEST} to {latest})"))
            continue
        values, bad = {}, None
        for col, (lo, hi) in _RANGES.items():
            if col not in rec or (col == "distance_km" and rec[col] == ""):
                values[col] = 0.0
                continue
            try:
                v = float(rec[col].replace(",", ".") if decimal_comma else rec[col])
            except ValueError:
                bad = f"{col} {rec[col]!r} is not a number"
                break
            if not np.isfinite(v):
                bad = f"{col} is {rec[col]!r}, not a finite number"
                break
            if not lo <= v <= hi:
                bad = f"{col} = {v:g} is outside {lo:g}–{hi:g}"
                break
            values[col] = v
        if bad:
            problems.append((n, bad))
            continue
        rows.append((day, values["duration_min"] * values["rpe"], values["distance_km"]))
    if strict and problems:
        raise LogError(problems)
    if not rows:
        raise LogError(problems or [(head_no, "no data rows")])
    first = min(r[0] for r in rows)
    last = max(r[0] for r in rows)
    ndays = (last - first).days + 1
    if ndays > 365.25 * MAX_SPAN_YEARS:
        raise LogError([(head_no, f"the log spans {ndays / 365.25:.0f} years ({first} to {last}): more than "
                                  f"{MAX_SPAN_YEARS} years is a typo in a date, or two logs in one")])
    load, dist = np.zeros(ndays), np.zeros(ndays)
    for day, session_load, km in rows:
        i = (day - first).days
        load[i] += session_load
        dist[i] += km
    dates = [first + dt.timedelta(days=i) for i in range(ndays)]
    return TrainingLog(dates, load, dist, len(rows), problems)


def sample_log() -> TrainingLog:
    """The synthetic sample log shipped with the course (a made-up runner)."""
    return parse_training_log(read_text("sample_training_log.csv"), strict=True)
