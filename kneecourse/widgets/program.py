"""Module 8 widgets: red-flag screen first, then the exercise library, program builder and pain tracker."""
from __future__ import annotations

import datetime as dt
import html

import ipywidgets as W

from ..dataio.exercises import CATEGORIES, EQUIPMENT, EVIDENCE_GRADES, GOALS, exercise_library
from ..dataio.plan_export import export_plan, plan_rows
from ..models.program import build_program, filter_exercises, pain_rule
from ..safety import DISCLAIMER, RED_FLAG_QUESTIONS, red_flag_screen
from ..selfcheck.store import PainRecord, ProgressStore

__all__ = ["ProgramApp"]


def _table(rows, columns):
    head = "".join(f"<th style='text-align:left'>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in columns) + "</tr>" for r in rows)
    return f"<table class='kneecourse-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class ProgramApp:
    """The whole module-8 tool; headless use: ``answer_screen``, ``continue_``, set controls, read ``.table``."""

    def __init__(self, store: ProgressStore | None = None):
        self.store = store
        # --- red-flag screen
        self.flags = {k: W.Checkbox(value=False, description=q, layout=W.Layout(width="40em"),
                                    style={"description_width": "initial"}) for k, q in RED_FLAG_QUESTIONS.items()}
        self.go = W.Button(description="I answered honestly — continue", button_style="warning",
                           layout=W.Layout(width="22em"))
        self.screen_msg = W.HTML()
        self.go.on_click(lambda _: self.continue_())
        # --- library browser
        self.f_category = W.Dropdown(options=[("any", None)] + [(c, c) for c in CATEGORIES], description="category")
        goals = [(g.replace("_", " "), g) for g in GOALS]
        self.f_goal = W.Dropdown(options=[("any", None), *goals], description="goal")
        self.f_grade = W.Dropdown(options=[("any", None)] + [(f"at least {g}", g) for g in EVIDENCE_GRADES],
                                  description="evidence")
        self.f_equipment = W.SelectMultiple(options=list(EQUIPMENT), value=tuple(EQUIPMENT),
                                            description="equipment", rows=4)
        self.f_text = W.Text(placeholder="search, e.g. hip", description="search")
        self.table = W.HTML()
        for w in (self.f_category, self.f_goal, self.f_grade, self.f_equipment, self.f_text):
            w.observe(lambda _: self.refresh_library(), names="value")
        # --- program builder
        self.b_goal = W.Dropdown(options=goals, value="pfp_rehab", description="goal")
        self.b_minutes = W.IntSlider(value=90, min=20, max=300, step=10, description="minutes per week",
                                     style={"description_width": "initial"}, layout=W.Layout(width="34em"))
        self.b_sessions = W.IntSlider(value=3, min=1, max=6, description="sessions per week",
                                      style={"description_width": "initial"}, layout=W.Layout(width="34em"))
        self.plan = W.HTML()
        self.export_btn = W.Button(description="export printable plan (HTML + CSV)", icon="download",
                                   layout=W.Layout(width="22em"))
        self.export_msg = W.HTML()
        for w in (self.b_goal, self.b_minutes, self.b_sessions, self.f_equipment):
            w.observe(lambda _: self.refresh_plan(), names="value")
        self.export_btn.on_click(lambda _: self.export())
        # --- pain tracker
        names = [e["name"] for e in exercise_library()]
        self.p_exercise = W.Dropdown(options=names, description="exercise", layout=W.Layout(width="34em"))
        self.p_during = W.IntSlider(value=0, min=0, max=10, description="pain during (0–10)",
                                    style={"description_width": "initial"})
        self.p_morning = W.IntSlider(value=0, min=-5, max=5, description="next morning vs usual",
                                     style={"description_width": "initial"})
        self.p_record = W.Button(description="record", icon="save")
        self.p_advice = W.HTML()
        self.p_log = W.HTML()
        self.p_record.on_click(lambda _: self.record_pain())
        self.content = W.VBox(self._content_children(), layout=W.Layout(display="none"))
        self.refresh_library()
        self.refresh_plan()
        self.show_pain_log()

    def _content_children(self):
        return [
            W.HTML("<h3>Exercise library</h3><i>Filter the library; every exercise says which notebook explains "
                   "why.</i>"),
            W.HBox([W.VBox([self.f_category, self.f_goal, self.f_grade, self.f_text]), self.f_equipment]),
            self.table,
            W.HTML("<h3>Build your week</h3>"),
            W.VBox([self.b_goal, self.b_minutes, self.b_sessions]), self.plan,
            W.HBox([self.export_btn]), self.export_msg,
            W.HTML("<h3>Pain monitoring</h3><i>After each session: how much did it hurt, and how was the knee next "
                   "morning?</i>"),
            W.VBox([self.p_exercise, self.p_during, self.p_morning, self.p_record]), self.p_advice, self.p_log,
        ]

    # --- screen ------------------------------------------------------------
    def answer_screen(self, **answers):
        for k, v in answers.items():
            self.flags[k].value = v

    def continue_(self) -> list:
        """Run the screen; show the tool only when no red flag is ticked."""
        found = red_flag_screen({k: w.value for k, w in self.flags.items()})
        if found:
            items = "".join(f"<li>{html.escape(f)}</li>" for f in found)
            self.screen_msg.value = (
                '<div style="border:3px solid #D55E00;padding:8px"><b>⚠ Stop here and see a clinician '
                f"(physiotherapist or doctor) before exercising.</b> You answered yes to:<ul>{items}</ul>"
                f"{html.escape(DISCLAIMER)}</div>")
            self.content.layout.display = "none"
        else:
            self.screen_msg.value = ("<div style='border-left:4px solid #009E73;padding:4px 8px'>No red flags. "
                                     f"{html.escape(DISCLAIMER)}</div>")
            self.content.layout.display = "flex"
        return found

    @property
    def unlocked(self) -> bool:
        return self.content.layout.display != "none"

    # --- library -----------------------------------------------------------
    def filtered(self):
        return filter_exercises(equipment=self.f_equipment.value or ("none",), category=self.f_category.value,
                                goal=self.f_goal.value, min_grade=self.f_grade.value, text=self.f_text.value)

    def refresh_library(self):
        rows = [{"exercise": e["name"], "category": e["category"], "dosage": e["dosage"],
                 "evidence": e["evidence_grade"], "why": e["notebook"]} for e in self.filtered()]
        self.table.value = (f"<p><b>{len(rows)} exercise(s)</b></p>"
                            + _table(rows, ("exercise", "category", "dosage", "evidence", "why")))

    # --- program -----------------------------------------------------------
    def program(self):
        return build_program(self.b_goal.value, self.b_minutes.value, self.f_equipment.value or ("none",),
                             self.b_sessions.value)

    def refresh_plan(self):
        program = self.program()
        rows = plan_rows(program)
        grade, why = program["evidence"]
        self.plan.value = (f"<p><b>{len(rows)} line(s) in your week</b> · evidence for this kind of programme: "
                           f"<b>{grade}</b> — {html.escape(why)}</p>"
                           + _table(rows, ("session", "exercise", "dosage", "minutes", "evidence_grade")))

    def export(self, folder=None):
        """Write the plan (HTML and CSV); the paths, or None with the reason shown in the app."""
        try:
            paths = export_plan(self.program(), folder)
        except OSError as exc:
            where = exc.filename or folder or "the course folder"
            self.export_msg.value = (f"⚠ The plan could not be saved in <code>{html.escape(str(where))}</code> "
                                     f"({html.escape(exc.strerror or str(exc))}). Choose another folder you can "
                                     "write to, e.g. <code>app.export('.')</code> for this notebook's folder.")
            return None
        self.export_msg.value = (f"Saved <code>{html.escape(str(paths['html']))}</code> (open it and print) and "
                                 f"<code>{html.escape(str(paths['csv']))}</code>.")
        return paths

    # --- pain tracker ------------------------------------------------------
    def record_pain(self):
        advice = pain_rule(self.p_during.value, self.p_morning.value)
        record = PainRecord(when=dt.datetime.now().isoformat(timespec="seconds"), exercise=self.p_exercise.value,
                            pain_during_of_10=int(self.p_during.value),
                            next_morning_vs_usual=int(self.p_morning.value), advice=advice)
        (self.store or ProgressStore()).add_pain_record(record)
        text = {"progress": "Progress: next time a little more (load, range or reps).",
                "hold": "Hold: keep the same dose until it settles.",
                "regress": "Go back a step: use the regression or a lower load."}[advice]
        self.p_advice.value = f"<b>{text}</b>"
        self.show_pain_log()
        return advice

    def show_pain_log(self):
        records = (self.store or ProgressStore()).pain_diary()[-10:]
        rows = [{"when": r.when, "exercise": r.exercise, "pain": r.pain_during_of_10,
                 "next morning": r.next_morning_vs_usual, "advice": r.advice} for r in records]
        self.p_log.value = _table(rows, ("when", "exercise", "pain", "next morning", "advice")) if rows else ""

    # --- display -----------------------------------------------------------
    def widget(self):
        if getattr(self, "_box", None) is None:
            self._box = W.VBox([
                W.HTML("<h3>First: red-flag screen</h3><i>Tick any that are true for you.</i>"),
                *self.flags.values(), self.go, self.screen_msg, self.content,
            ])
        return self._box

    def _ipython_display_(self):
        from IPython.display import HTML, display

        from ..views.display import static_html, static_mode

        if static_mode():
            display(HTML(static_html(self)))
            return
        display(self.widget())
