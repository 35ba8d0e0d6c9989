"""Module 7 explorers: the ACWR of a training log, and the progression planner."""
from __future__ import annotations

import html

import ipywidgets as W
import numpy as np

from ..dataio.training_log import LogError, parse_training_log, sample_log
from ..models.training_load import plan_progression, spike_scenario
from ..views.training_load import ACWRView, PlanView
from ._base import Explorer, slider

__all__ = ["ACWRExplorer", "PlannerExplorer"]

#: the bad rows listed in the explorer (the rest are counted): 20,000 of them were 1.3 MB of HTML
SHOWN_PROBLEMS = 20


class ACWRExplorer(Explorer):
    """The acute:chronic ratio of the sample (or your own) log; scale the spike and watch the ratio."""

    caption = ("scale the two spike weeks (9–10) down to 1.0× and the ratio stays in the band; up to 2× and it "
               "jumps past 1.5. Switch the method to see how much the definition matters: the bands belong to "
               "the rolling ratio they were derived for, so the other methods are drawn without them.")
    figsize = (8.6, 4.4)

    def __init__(self):
        self.log = sample_log()
        self.source = "the synthetic sample log"
        self.upload = W.Textarea(placeholder="paste your log here: date,duration_min,rpe,distance_km …",
                                 layout=W.Layout(width="40em", height="8em"))
        self.use = W.Button(description="use my log", icon="upload")
        self.reset = W.Button(description="back to the sample")
        self.problems = W.HTML()
        self.use.on_click(lambda _: self.load_text(self.upload.value))
        self.reset.on_click(lambda _: self._set_log(sample_log(), "the synthetic sample log"))
        super().__init__()

    def _controls(self):
        return {
            "method": W.Dropdown(options=[("rolling (Hulin 2016)", "rolling"), ("uncoupled", "uncoupled"),
                                          ("EWMA (Williams 2017)", "ewma")], value="rolling", description="method"),
            "spike_scale": slider("scale weeks 9–10 of the log by", 1.0, 0.5, 2.5, 0.1, "×", ".1f"),
        }

    def _extra_widgets(self):
        return [W.HTML("<b>Your own log</b> (CSV with a header line):"), self.upload,
                W.HBox([self.use, self.reset]), self.problems]

    def load_text(self, text):
        """Parse pasted CSV; report bad rows by line; use the good rows."""
        try:
            log = parse_training_log(text)
        except LogError as exc:
            self.problems.value = f'<span style="color:#D55E00">⚠ {html.escape(str(exc))}</span>'
            return None
        self._set_log(log, "your log")
        if log.problems:
            shown = log.problems[:SHOWN_PROBLEMS]
            items = "".join(f"<li>line {n}: {html.escape(m)}</li>" for n, m in shown)
            more = (f"<li>… and {len(log.problems) - len(shown)} more: fix the rows above and paste the log again"
                    "</li>" if len(log.problems) > len(shown) else "")
            self.problems.value = (f'<span style="color:#D55E00">⚠ {len(log.problems)} row(s) left out:</span>'
                                   f"<ul>{items}{more}</ul>")
        return log

    def _set_log(self, log, source):
        self.log, self.source = log, source
        self.problems.value = ""
        self.update()

    def _build(self, fig):
        gs = fig.add_gridspec(2, 1, height_ratios=(1, 1.3))
        ax1 = fig.add_subplot(gs[0])
        self.acwr_view = self.view(ACWRView(ax1, fig.add_subplot(gs[1], sharex=ax1), len(self.log.load)))

    def _compute(self, method, spike_scale):
        return spike_scenario(self.log.load, self.log.distance_km, spike_scale, 56, 70, method)

    def _draw(self, s):
        return self.acwr_view.update(s["load"], s["ratio"], bands=s["method"] == "rolling")

    def _describe(self, s):
        ok = s["defined"]
        if not ok.any():
            return (f"Log: {self.source} · {len(ok)} day(s): the ACWR needs at least 28 days (its chronic window) "
                    "before it has a value. Log a few more weeks, or go back to the sample.")
        peak = np.nanmax(s["ratio"])
        ch = s["weekly_change"]
        big = np.nanmax(ch) if ch.size and np.isfinite(ch).any() else float("nan")
        if s["method"] == "rolling":
            days = f"days ≥ 1.5: <b>{int(np.sum(s['ratio'][ok] >= 1.5))}</b>"
        else:
            days = "no bands for this method (they were derived for the rolling ratio)"
        change = (f"largest week-to-week distance increase <b>{100 * big:+.0f}%</b>" if np.isfinite(big)
                  else "no week-to-week change yet (it needs two weeks with distance)")
        return (f"Log: {self.source} · highest ACWR <b>{peak:.2f}</b> · {days} · {change} "
                f"(first {int(np.argmax(ok))} days have no ratio yet)")


class PlannerExplorer(Explorer):
    """From current to target weekly distance within a maximum weekly increase."""

    caption = "lower the maximum weekly increase from 10% to 5%: how many more weeks does the plan take?"
    figsize = (8, 4)

    def _controls(self):
        return {
            "current": slider("current weekly distance", 20.0, 5.0, 100.0, 1.0),
            "target": slider("target weekly distance", 40.0, 5.0, 150.0, 1.0),
            "max_increase": slider("maximum weekly increase", 0.10, 0.02, 0.30, 0.01, "", ".2f"),
            "deload_every": W.IntSlider(value=4, min=0, max=8, description="lighter week every (0 = never)",
                                        style={"description_width": "initial"}, layout=W.Layout(width="34em")),
            "unit": W.ToggleButtons(options=["km", "mi"], value="km", description="unit"),
        }

    def _build(self, fig):
        self.plan_view = self.view(PlanView(fig.add_subplot(1, 1, 1)))

    def _compute(self, current, target, max_increase, deload_every, unit):
        if deload_every == 1:
            raise ValueError("a lighter week every week means no building: choose 0 or 2–8")
        p = plan_progression(current, target, max_increase, deload_every, 0.8, unit)
        p["target"] = target
        return p

    def _draw(self, p):
        return self.plan_view.update(p["week"], p["distance"], p["deload"], p["target"], p["unit"])

    def _describe(self, p):
        n = len(p["week"])
        return (f"<b>{n} weeks</b> to reach {p['target']:.0f} {p['unit']}/week "
                f"({int(p['deload'].sum())} lighter weeks)" if n else "Already at or above the target.")
