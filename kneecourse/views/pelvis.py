"""Module 5 views: the standing body with its centre of mass, and the pose at foot contact."""
from __future__ import annotations

import numpy as np

from .style import COLORS, OKABE_ITO, legend_below

__all__ = ["StandingView", "ContactView", "segment_mass_bars"]


class StandingView:
    """Part centres of mass as dots sized by mass, the whole-body COM and its shift."""

    def __init__(self, ax, n_parts, height_m):
        self.ax = ax
        self.parts = ax.scatter(np.zeros(n_parts), np.zeros(n_parts), s=np.ones(n_parts), color=COLORS["bone"],
                                alpha=0.6, label="part centres of mass (size = mass)")
        (self.ref,) = ax.plot([], [], "+", ms=22, mew=2, color=COLORS["model"], label="reference (no tilt)")
        (self.com,) = ax.plot([], [], "o", ms=14, mfc="white", mec=COLORS["com"], mew=3,
                              label="whole-body centre of mass")
        (self.pelvis,) = ax.plot([], [], color=COLORS["patella"], lw=6, solid_capstyle="round", label="pelvis")
        (self.trunk,) = ax.plot([], [], color=COLORS["femur"], lw=4, label="trunk line")
        self.text = ax.text(0.02, 0.98, "", transform=ax.transAxes, va="top")
        ax.axhline(0, color="black", lw=1)
        ax.set_xlim(-0.5, 0.5)
        ax.set_ylim(-0.02, height_m * 1.02)
        ax.set_aspect("equal")
        ax.set_xlabel("forward (m)")
        ax.set_ylabel("up (m)")
        legend_below(ax)

    def dynamic(self):
        return [self.parts, self.pelvis, self.trunk, self.ref, self.com, self.text]

    def update(self, pose):
        """Draw a :class:`~kneecourse.models.pelvis.PelvicTiltPose`."""
        hip, top, shoulder = pose.hip, pose.pelvis_top, pose.shoulder
        self.parts.set_offsets(pose.points)
        self.parts.set_sizes(8 * np.asarray(pose.masses))
        self.com.set_data([pose.com[0]], [pose.com[1]])
        self.ref.set_data([pose.com_upright[0]], [pose.com_upright[1]])
        self.pelvis.set_data([hip[0], top[0]], [hip[1], top[1]])
        self.trunk.set_data([hip[0], shoulder[0]], [hip[1], shoulder[1]])
        self.text.set_text(f"centre of mass moved\n{1000 * pose.com_shift_m[0]:+.1f} mm forward")


class ContactView:
    """Side view at initial contact: stance and swing legs, trunk, COM and the foot's lead."""

    def __init__(self, ax):
        self.ax = ax
        (self.stance,) = ax.plot([], [], "-o", color=COLORS["tibia"], lw=5, ms=5, label="stance leg")
        (self.swing,) = ax.plot([], [], "-o", color=COLORS["bone"], lw=4, ms=4, alpha=0.5)
        (self.trunk,) = ax.plot([], [], "-o", color=COLORS["femur"], lw=5, ms=5)
        (self.com,) = ax.plot([], [], "o", ms=14, mfc="white", mec=COLORS["com"], mew=3, label="centre of mass")
        (self.plumb,) = ax.plot([], [], ls=":", color=COLORS["com"])
        (self.lead,) = ax.plot([], [], color=COLORS["danger"], lw=4, label="overstride")
        (self.grf,) = ax.plot([], [], color=COLORS["force"], lw=2, ls="--", label="force line (contact → COM)")
        # in the clear space ahead of the runner's head, off the legs and the trunk
        self.text = ax.text(0.98, 0.98, "", transform=ax.transAxes, ha="right", va="top", fontsize="small",
                            bbox=dict(facecolor="white", alpha=0.8, edgecolor="none"))
        ax.axhline(0, color="black", lw=1)
        ax.set_xlim(-0.6, 1.3)
        ax.set_ylim(-0.02, 1.9)
        ax.set_aspect("equal")
        ax.set_xlabel("forward (m)")
        legend_below(ax)

    def dynamic(self):
        return [self.plumb, self.lead, self.grf, self.swing, self.stance, self.trunk, self.com, self.text]

    def update(self, pose):
        """Draw a :class:`~kneecourse.models.pelvis.ContactPose`."""
        j = pose.joints
        st = np.array([j["hip"], j["knee"], j["ankle"], j["heel"], j["toe"]])
        self.stance.set_data(st[:, 0], st[:, 1])
        sw = np.array([j["hip"], j["swing_knee"], j["swing_ankle"]])
        self.swing.set_data(sw[:, 0], sw[:, 1])
        tr = np.array([j["hip"], j["shoulder"], j["head"]])
        self.trunk.set_data(tr[:, 0], tr[:, 1])
        c = pose.com
        self.com.set_data([c[0]], [c[1]])
        self.plumb.set_data([c[0], c[0]], [0, c[1]])
        self.lead.set_data([c[0], j["heel"][0]], [0.01, 0.01])
        self.grf.set_data([j["heel"][0], c[0]], [0, c[1]])
        self.text.set_text(f"heel {100 * pose.overstride_m:.1f} cm ahead of\nthe centre of mass\n"
                           f"shin angle {pose.shank_angle_deg:+.0f}°\nbraking/vertical {pose.braking_ratio:.2f}")


def segment_mass_bars(ax, names, fractions_a, fractions_b, labels=("Winter 2009", "de Leva 1996")):
    """Static grouped bar chart of segment mass fractions from two tables."""
    x = np.arange(len(names))
    ax.bar(x - 0.2, 100 * np.asarray(fractions_a), 0.4, label=labels[0], color=OKABE_ITO["blue"])
    ax.bar(x + 0.2, 100 * np.asarray(fractions_b), 0.4, label=labels[1], color=OKABE_ITO["orange"])
    ax.set_xticks(x, [n.replace("_", " ") for n in names], rotation=30, ha="right")
    ax.set_ylabel("% of body mass (one side)")
    ax.legend()
