"""Write a weekly exercise plan as printable HTML and as CSV into the learner's folder.

Files are written atomically (see :func:`~kneecourse.selfcheck.store.atomic_write_text`),
so a crash never leaves half a plan.
"""
from __future__ import annotations

import csv
import html
import io
import time
from pathlib import Path

from ..safety import DISCLAIMER, red_flag_list_html
from .learner_files import atomic_write_text, user_folder

__all__ = ["plan_rows", "plan_html", "plan_csv", "export_plan"]

_COLUMNS = ("session", "exercise", "category", "dosage", "frequency", "minutes", "evidence_grade",
            "safety", "why (notebook)")


def plan_rows(program: dict) -> list:
    """One row per exercise per session, daily drills first."""
    rows = [("daily", e) for e in program["daily"]]
    for i, session in enumerate(program["sessions"], start=1):
        rows += [(f"session {i}", e) for e in session]
    return [{
        "session": s, "exercise": e["name"], "category": e["category"], "dosage": e["dosage"],
        "frequency": e["frequency"], "minutes": e["minutes"], "evidence_grade": e["evidence_grade"],
        "safety": e["safety"], "why (notebook)": e["notebook"],
    } for s, e in rows]


def plan_csv(program: dict) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=_COLUMNS)
    w.writeheader()
    w.writerows(plan_rows(program))
    return buf.getvalue()


def plan_html(program: dict, title: str = "My weekly knee program") -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in _COLUMNS) + "</tr>"
        for r in plan_rows(program)
    )
    head = "".join(f"<th>{html.escape(c)}</th>" for c in _COLUMNS)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}}
.warn{{border:2px solid #D55E00;padding:8px}}@media print{{.noprint{{display:none}}}}</style></head>
<body><h1>{html.escape(title)}</h1>
<p>Goal: {html.escape(program['goal'])} · about {program['minutes_per_session']:.0f} min per session ·
made {time.strftime('%Y-%m-%d')}</p>
<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>
<h2>Pain rule</h2><p>Pain during an exercise at most 3/10 and back to usual by the next morning: progress.
A little over: hold. More: go back a step.</p>
<div class="warn"><b>Not medical advice.</b> {html.escape(DISCLAIMER)}<br><b>Stop and see a clinician if:</b>
{red_flag_list_html()}</div></body></html>
"""


def export_plan(program: dict, folder=None, stem: str = "knee_program") -> dict:
    """Write ``<stem>.html`` and ``<stem>.csv`` into ``folder`` (default: the course folder's ``plans``).

    Returns
    -------
    dict
        ``{"html": Path, "csv": Path}``.
    """
    folder = Path(folder) if folder is not None else user_folder() / "plans"
    return {
        "html": atomic_write_text(folder / f"{stem}.html", plan_html(program)),
        "csv": atomic_write_text(folder / f"{stem}.csv", plan_csv(program)),
    }
