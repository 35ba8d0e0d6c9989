"""Module 6 views: the spring-mass runner in stance and its ground-reaction force."""
from __future__ import annotations

from .style import COLORS, legend_below

__all__ = ["StanceView", "ForceCurveView"]


class StanceView:
    """The mass on its spring leg over one stance, foot at the origin."""

    def __init__(self, ax):
        self.ax = ax
        (self.path,) = ax.plot([], [], ls=":", color=COLORS["com"], lw=1.5, label="centre-of-mass path")
        (self.leg,) = ax.plot([], [], color=COLORS["tibia"], lw=4, label="spring leg")
        (self.mass,) = ax.plot([], [], "o", ms=22, color=COLORS["model"], label="body mass")
        (self.arrow,) = ax.plot([], [], color=COLORS["force"], lw=3, label="ground reaction")
        ax.plot([-0.7, 0.7], [0, 0], color="black", lw=2)
        ax.plot([0], [0], "^", ms=12, color="black")
        self.text = ax.text(0.02, 0.98, "", transform=ax.transAxes, va="top", fontsize="small")
        ax.set_xlim(-0.7, 0.7)
        ax.set_ylim(-0.05, 1.15)
        ax.set_aspect("equal")
        ax.set_xlabel("forward from the foot (m)")
        ax.set_ylabel("up (m)")
        legend_below(ax)

    def dynamic(self):
        return [self.path, self.leg, self.arrow, self.mass, self.text]

    def set_path(self, x, y):
        self.path.set_data(x, y)

    def update(self, x, y, fx, fy, t, scale=1.2e-4):
        self.leg.set_data([0, x], [0, y])
        self.mass.set_data([x], [y])
        self.arrow.set_data([0, fx * scale], [0, fy * scale])
        self.text.set_text(f"t = {1000 * t:.0f} ms into stance")


class ForceCurveView:
    """Vertical ground-reaction force (BW) drawn up to the current instant."""

    def __init__(self, ax):
        self.ax = ax
        (self.full,) = ax.plot([], [], color=COLORS["force"], alpha=0.25, lw=2)
        (self.so_far,) = ax.plot([], [], color=COLORS["force"], lw=3, label="vertical force")
        (self.now,) = ax.plot([], [], "o", color=COLORS["force"], ms=9)
        ax.axhline(1.0, color=COLORS["com"], lw=1, ls="--")
        ax.text(0.99, 1.0, "body weight", transform=ax.get_yaxis_transform(), ha="right", va="bottom",
                fontsize="small")
        # what the runner would choose at this speed
        self.note = ax.text(0.98, 0.97, "", transform=ax.transAxes, ha="right", va="top", fontsize="small")
        ax.set_xlim(0, 400)
        ax.set_ylim(0, 5.0)  # room above the highest peaks (about 3.2 BW) for the notes
        ax.set_xlabel("time in stance (ms)")
        ax.set_ylabel("vertical force (BW)")

    def dynamic(self):
        return [self.full, self.so_far, self.now, self.note]

    def set_note(self, text):
        """A note in the plot's top right corner, above the highest peaks."""
        self.note.set_text(text)

    def set_curve(self, t_ms, f_bw):
        self.t, self.f = t_ms, f_bw
        self.full.set_data(t_ms, f_bw)

    def update(self, i):
        self.so_far.set_data(self.t[: i + 1], self.f[: i + 1])
        self.now.set_data([self.t[i]], [self.f[i]])
