"""Module 1 views: the 3D leg, the coupling curve and the foot-angle demand."""
from __future__ import annotations

import numpy as np
from matplotlib.patches import Polygon

from .style import COLORS, is_projector, legend_below

__all__ = ["Leg3DView", "CouplingCurveView", "RotationDemandView"]


class Leg3DView:
    """Bones as thick 3D lines on an existing 3D axes; update in place."""

    def __init__(self, ax, bones: dict, points: dict):
        self.ax, self.bones = ax, bones
        self.lines = {}
        for name, chain in bones.items():
            xyz = np.array([points[p] for p in chain]).T
            (line,) = ax.plot(*xyz, color=COLORS.get(name, COLORS["bone"]), lw=6 if name != "fibula" else 3,
                              solid_capstyle="round", label=name)
            self.lines[name] = line
        # black, not another orange: the tibia (vermillion) and the fibula (orange) are told apart by colour
        (self.axis_line,) = ax.plot([0, 0], [0, 0], [0, 0], color=COLORS["com"], lw=1.5, ls="--",
                                    label="tibial long axis")
        ax.set(xlim=(-0.25, 0.25), ylim=(-0.35, 0.25), zlim=(-0.55, 0.45))
        ax.set_xlabel("lateral (m)")
        ax.set_ylabel("anterior (m)")
        ax.set_zlabel("up (m)")
        ax.set_box_aspect((0.5, 0.6, 1.0))
        from matplotlib.ticker import MaxNLocator

        for axis in (ax.xaxis, ax.yaxis, ax.zaxis):  # three ticks a side: the labels do not run together
            axis.set_major_locator(MaxNLocator(3))
        if is_projector():  # projector-size numbers do not fit the two short floor axes: the grid stays, the
            ax.set_xticklabels([])  # up axis keeps its scale, the floor axes keep their names, closer in
            ax.set_yticklabels([])
            ax.set_xlabel("lateral", labelpad=-10)
            ax.set_ylabel("anterior", labelpad=-10)
        ax.view_init(elev=12, azim=-40)
        legend_below(ax)

    def dynamic(self):
        return [*self.lines.values(), self.axis_line]

    def update(self, points: dict):
        for name, chain in self.bones.items():
            xyz = np.array([points[p] for p in chain]).T
            self.lines[name].set_data_3d(*xyz)
        mid = 0.5 * (points["medial_malleolus"] + points["lateral_malleolus"])
        self.axis_line.set_data_3d(*np.array([[0.0, 0.0, 0.0], mid]).T)


class CouplingCurveView:
    """Coupling curve (and optional envelope) with the current point marked."""

    def __init__(self, ax, flexion, coupled, lower, upper, table_x=None, table_y=None):
        self.ax = ax
        ax.plot(flexion, coupled, color=COLORS["model"], label="coupled rotation (model)")
        self.band = ax.fill_between(flexion, lower, upper, color=COLORS["model"], alpha=0.15,
                                    label="available range")
        if table_x is not None:
            ax.plot(table_x, table_y, "o", color=COLORS["published"], label="Walker 1988")
        (self.point,) = ax.plot([0], [0], "o", ms=12, mfc="none", mew=2.5, color=COLORS["current"],
                                label="current pose")
        self.text = ax.text(0.98, 0.04, "", transform=ax.transAxes, ha="right")
        ax.set_xlabel("knee flexion (deg)")
        ax.set_ylabel("tibial internal rotation (deg)")
        legend_below(ax)

    def dynamic(self):
        return [self.band, self.point, self.text]

    def update(self, flexion, rotation, show_envelope=True):
        self.point.set_data([flexion], [rotation])
        self.band.set_visible(show_envelope)
        self.text.set_text(f"{flexion:.0f}° flexion → {rotation:.1f}° internal rotation")


class RotationDemandView:
    """Required tibial rotation over stance against the coupling and the envelope."""

    def __init__(self, ax, n=101):
        self.ax = ax
        s = np.linspace(0, 1, n)
        self.s = s
        (self.req,) = ax.plot(s, np.zeros(n), color=COLORS["force"], label="needed by the planted foot")
        (self.cpl,) = ax.plot(s, np.zeros(n), color=COLORS["model"], label="screw-home coupling")
        (self.lo,) = ax.plot(s, np.zeros(n), color=COLORS["model"], ls=":", label="available range")
        (self.hi,) = ax.plot(s, np.zeros(n), color=COLORS["model"], ls=":")
        # the shortfall between the range's edge and the need: one polygon, moved in place
        self.short = ax.add_patch(Polygon(np.zeros((2 * n, 2)), closed=True, color=COLORS["danger"], alpha=0.3,
                                          lw=0, label="shortfall"))
        ax.set_xlabel("stance (0 = touchdown, 1 = toe-off)")
        ax.set_ylabel("tibial internal rotation (deg)")
        ax.set_xlim(0, 1)
        ax.set_ylim(-45, 30)
        legend_below(ax)

    def dynamic(self):
        return [self.req, self.cpl, self.lo, self.hi, self.short]

    def update(self, required, coupled, lower, upper):
        self.req.set_ydata(required)
        self.cpl.set_ydata(coupled)
        self.lo.set_ydata(lower)
        self.hi.set_ydata(upper)
        edge = np.clip(required, lower, upper)
        self.short.set_xy(np.column_stack([np.concatenate([self.s, self.s[::-1]]),
                                           np.concatenate([edge, required[::-1]])]))


def draw_articulations(ax, points: dict):
    """Front view (x–z) of a posed leg with the three articulations of the knee labelled."""
    chains = {
        "femur": ("hip", "femur_shaft_low", "lateral_condyle", "medial_condyle", "femur_shaft_low"),
        "tibia": ("medial_plateau", "lateral_plateau", "tibial_tuberosity", "medial_malleolus"),
        "fibula": ("fibular_head", "lateral_malleolus"),
    }
    for name, chain in chains.items():
        xz = np.array([[points[p][0], points[p][2]] for p in chain])
        ax.plot(xz[:, 0], xz[:, 1], color=COLORS[name], lw=7 if name != "fibula" else 4, solid_capstyle="round",
                label=name)
    pat = np.array([points["patella_top"], points["patella_bottom"]])
    ax.plot(pat[:, 0], pat[:, 2], color=COLORS["patella"], lw=10, solid_capstyle="round", label="patella")
    labels = (
        ("patellofemoral joint\n(patella on the femoral groove)", 0.5 * (pat[0] + pat[1]), (-0.3, 0.15)),
        ("tibiofemoral joint\n(femoral condyles on the tibial plateau)", points["medial_plateau"], (-0.32, -0.12)),
        ("proximal tibiofibular joint", points["fibular_head"], (0.12, -0.2)),
    )
    for text, p, (dx, dz) in labels:
        ax.annotate(text, xy=(p[0], p[2]), xytext=(p[0] + dx, p[2] + dz), fontsize="small",
                    arrowprops=dict(arrowstyle="->", color="black"))
    ax.set_aspect("equal")
    ax.set_xlim(-0.45, 0.35)
    ax.set_ylim(-0.5, 0.45)
    ax.set_xlabel("medial ← → lateral (m)")
    ax.set_ylabel("up (m)")
    ax.legend(loc="upper right", fontsize="small")
