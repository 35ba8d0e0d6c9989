"""Module 2 views: a lever with a force, and the sagittal stick figure with joint moments."""
from __future__ import annotations

import numpy as np

from .style import COLORS, OKABE_ITO, force_arrow, legend_below

__all__ = ["LeverView", "StickFigureView", "MomentBarsView"]


def _foot_of_perpendicular(p, d, o):
    """Closest point to ``o`` on the line through ``p`` with direction ``d``."""
    d = d / np.hypot(*d)
    return p + np.dot(o - p, d) * d


class LeverView:
    """A beam on a pivot, a force arrow, its line of action and moment arm."""

    def __init__(self, ax, length=1.0):
        self.ax = ax
        ax.plot([0, length], [0, 0], color=COLORS["bone"], lw=8, solid_capstyle="round")
        ax.plot([0], [0], "^", ms=18, color=COLORS["com"])
        self.arrow = force_arrow(ax, COLORS["force"], lw=3)
        (self.line,) = ax.plot([], [], ls="--", lw=1, color=COLORS["force"])
        (self.arm,) = ax.plot([], [], lw=3, color=COLORS["moment_arm"], label="moment arm")
        self.text = ax.text(0.02, 0.95, "", transform=ax.transAxes, va="top")
        ax.set_xlim(-0.6, 1.3)
        ax.set_ylim(-0.9, 0.9)
        ax.set_aspect("equal")
        ax.set_xlabel("x (m)")
        ax.set_ylabel("y (m)")
        legend_below(ax)

    def dynamic(self):
        return [self.line, self.arm, self.arrow, self.text]

    def update(self, point, force, moment, arm, scale=0.004):
        p, f = np.asarray(point, float), np.asarray(force, float)
        self.arrow.xy = tuple(p)
        self.arrow.set_position(tuple(p - f * scale))
        size = np.hypot(*f)
        if size > 0:
            d = f / size
            self.line.set_data(*np.array([p - 3 * d, p + 3 * d]).T)
            foot = _foot_of_perpendicular(p, d, np.zeros(2))
            self.arm.set_data([0, foot[0]], [0, foot[1]])
        else:  # no force: no line of action and no moment arm to draw
            self.line.set_data([], [])
            self.arm.set_data([], [])
        turn = "counter-clockwise" if moment > 0 else "clockwise" if moment < 0 else "no turning"
        self.text.set_text(f"M = {moment:+.1f} N·m ({turn})\nmoment arm = {arm:.3f} m")


class StickFigureView:
    """Side view of the body: segments, centre of mass, GRF line and moment arms."""

    _chain = ("toe", "heel", "ankle", "knee", "hip", "shoulder", "head")

    def __init__(self, ax, legend: bool = True):
        self.ax = ax
        (self.body,) = ax.plot([], [], "-o", color=COLORS["bone"], lw=5, ms=6)
        (self.swing,) = ax.plot([], [], "-o", color=COLORS["bone"], lw=4, ms=5, alpha=0.45)
        (self.com,) = ax.plot([], [], "o", ms=14, mfc="white", mec=COLORS["com"], mew=3, label="centre of mass")
        (self.grf,) = ax.plot([], [], color=COLORS["force"], lw=2.5, label="ground reaction force line")
        self.arms = {j: ax.plot([], [], color=c, lw=3)[0] for j, c in
                     (("ankle", COLORS["foot"]), ("knee", COLORS["tibia"]), ("hip", COLORS["femur"]))}
        (self.toe_line,) = ax.plot([], [], ls=":", color=OKABE_ITO["grey"])
        self.load = ax.plot([], [], "s", ms=16, color=COLORS["com"], alpha=0.7)[0]
        ax.axhline(0, color="black", lw=1)
        ax.set_xlim(-0.7, 0.7)
        ax.set_ylim(-0.05, 1.9)
        ax.set_aspect("equal")
        ax.set_xlabel("forward (m)")
        ax.set_ylabel("up (m)")
        if legend:  # side-by-side pictures in a notebook may leave it out
            legend_below(ax)

    def dynamic(self):
        return [self.toe_line, self.grf, *self.arms.values(), self.swing, self.body, self.com, self.load]

    def update(self, p):
        j = p.joints
        pts = np.array([j[k] for k in ("toe", "heel", "ankle", "knee", "hip", "shoulder", "head")])
        self.body.set_data(pts[:, 0], pts[:, 1])
        if p.swing:
            s = np.array([p.swing[k] for k in ("hip", "knee", "ankle", "toe")])
            self.swing.set_data(s[:, 0], s[:, 1])
        else:
            self.swing.set_data([], [])
        self.com.set_data([p.com[0]], [p.com[1]])
        d = p.grf / np.hypot(*p.grf)
        end = p.cop + d * 2.0
        self.grf.set_data([p.cop[0], end[0]], [p.cop[1], end[1]])
        for name, line in self.arms.items():
            o = j[name]
            foot = _foot_of_perpendicular(p.cop, d, o)
            line.set_data([o[0], foot[0]], [o[1], foot[1]])
        self.toe_line.set_data([j["toe"][0]] * 2, [0, 1.0])
        if p.load_kg > 0:
            self.load.set_data([j["shoulder"][0]], [j["shoulder"][1]])
        else:
            self.load.set_data([], [])


class MomentBarsView:
    """Bar chart of net joint moments (N·m/kg)."""

    names = ("ankle", "knee", "hip")

    def __init__(self, ax, ylim=(0, 3.0)):
        self.ax = ax
        colors = [COLORS["foot"], COLORS["tibia"], COLORS["femur"]]
        self.bars = ax.bar(self.names, [0, 0, 0], color=colors)
        self.labels = [ax.text(i, 0, "", ha="center", va="bottom") for i in range(3)]
        ax.set_ylim(*ylim)
        ax.set_ylabel("net joint moment (N·m/kg)")

    def dynamic(self):
        return [*self.bars, *self.labels]

    def update(self, moments_per_kg: dict):
        top = self.ax.get_ylim()[1]
        for i, (bar, name) in enumerate(zip(self.bars, self.names)):
            v = moments_per_kg[name]
            bar.set_height(v)
            self.labels[i].set_position((i, min(max(v, 0), top * 0.92)))
            self.labels[i].set_text(f"{v:.2f}")
