"""Module 7 views: daily load with the ACWR and its bands; the weekly progression plan."""
from __future__ import annotations

import numpy as np

from .style import COLORS, legend_below, nice_ceiling

__all__ = ["ACWRView", "PlanView"]


class ACWRView:
    """Top: daily load bars (as a step line); bottom: ACWR, with the 0.8–1.3 and ≥1.5 bands for the rolling ratio.

    The bands were derived for the coupled rolling ratio (Gabbett 2016) and are shown only for it.
    """

    def __init__(self, ax_load, ax_ratio, n_days):
        self.ax_load, self.ax_ratio = ax_load, ax_ratio
        days = np.arange(n_days)
        (self.load,) = ax_load.plot(days, np.zeros(n_days), drawstyle="steps-mid", color=COLORS["model"])
        ax_load.set_ylabel("daily load (AU)")
        self.bands = [
            ax_ratio.axhspan(0.8, 1.3, color=COLORS["safe"], alpha=0.15, label="0.8–1.3 'sweet spot' (rolling)"),
            ax_ratio.axhspan(1.5, 3.0, color=COLORS["danger"], alpha=0.12, label="≥ 1.5 'danger zone' (rolling)"),
        ]
        (self.ratio,) = ax_ratio.plot(days, np.full(n_days, np.nan), color=COLORS["force"], label="ACWR")
        ax_ratio.set_ylim(0, 3.0)
        ax_ratio.set_ylabel("acute : chronic")
        ax_ratio.set_xlabel("day")
        legend_below(ax_ratio)
        self.n = n_days

    def dynamic(self):
        return [self.load, self.ratio, self.ax_load.yaxis]  # the load axis fits the log: its ticks are frames

    def update(self, load, ratio, bands=True):
        """Returns True when a full redraw is needed: the number of days or the y scale changed, or the
        bands were shown or hidden (``bands``: draw them — only for the rolling ratio)."""
        toggled = bands != self.bands[0].get_visible()
        for b in self.bands:
            b.set_visible(bands)
        n = len(load)
        days = np.arange(n)
        self.load.set_data(days, load)
        self.ratio.set_data(days, ratio)
        top = nice_ceiling(max(10.0, float(np.max(load)) * 1.05))
        rescale = n != self.n or self.ax_load.get_ylim()[1] != top
        if rescale:
            self.n = n
            for ax in (self.ax_load, self.ax_ratio):
                ax.set_xlim(-0.5, n - 0.5)
            self.ax_load.set_ylim(0, top)
        return rescale or toggled


class PlanView:
    """Weekly distance of the plan; lighter weeks marked."""

    def __init__(self, ax):
        self.ax = ax
        (self.line,) = ax.plot([], [], "-o", color=COLORS["model"], label="build week")
        (self.deload,) = ax.plot([], [], "s", ms=10, color=COLORS["safe"], label="lighter week")
        (self.target,) = ax.plot([], [], ls="--", color=COLORS["com"], label="target")
        ax.set_xlabel("week")
        legend_below(ax)
        self._lims = None

    def dynamic(self):
        return [self.line, self.deload, self.target, self.ax.xaxis, self.ax.yaxis]  # both axes fit the plan

    def update(self, weeks, distance, deload, target, unit):
        self.line.set_data(weeks, distance)
        self.deload.set_data(weeks[deload], distance[deload])
        self.target.set_data([0.5, max(weeks[-1] if len(weeks) else 1, 1) + 0.5], [target, target])
        top = nice_ceiling(1.1 * float(max(target, distance.max() if len(distance) else target)))
        lims = (int(nice_ceiling(max(len(weeks), 1))), top, unit)  # whole weeks, few distinct layouts
        if lims != self._lims:
            self._lims = lims
            self.ax.set_xlim(0.5, lims[0] + 0.5)
            self.ax.set_ylim(0, top)
            self.ax.set_ylabel(f"weekly distance ({unit})")
            return True
        return False
