"""Modules 3 and 4 views: the patella as a pulley, PF curves, the frontal-plane knee and facets."""
from __future__ import annotations

import numpy as np
from matplotlib.textpath import TextToPath

from .style import COLORS, force_arrow, legend_below

__all__ = ["PulleyView", "CurvesView", "FrontalKneeView", "FacetBarsView"]


def _dir(angle_deg):
    a = np.radians(angle_deg)
    return np.array([np.sin(a), np.cos(a)])


class PulleyView:
    """Side view: femur, tibia at the flexion angle, tendon pulls and their resultant."""

    def __init__(self, ax):
        self.ax = ax
        (self.femur,) = ax.plot([], [], color=COLORS["femur"], lw=10, solid_capstyle="round", label="femur")
        (self.tibia,) = ax.plot([], [], color=COLORS["tibia"], lw=10, solid_capstyle="round", label="tibia")
        self.patella = ax.plot([], [], "o", ms=16, color=COLORS["patella"], label="patella")[0]
        self.quad = force_arrow(ax, COLORS["moment_arm"])
        self.tendon = force_arrow(ax, COLORS["moment_arm"])
        self.result = force_arrow(ax, COLORS["force"], lw=4)
        # each pull named at its head
        self.labels = [ax.text(0, 0, name, fontsize="small", color=color, clip_on=False) for name, color in (
            ("quadriceps", COLORS["moment_arm"]), ("tendon", COLORS["moment_arm"]),
            ("PF force", COLORS["force"]))]
        # their sizes (px at the figure's dpi), to keep each whole on the sketch
        measure = TextToPath()
        dpi = ax.figure.dpi
        width = lambda t: measure.get_text_width_height_descent(t.get_text(), t.get_fontproperties(), False)[0]  # noqa: E731
        self.label_px = np.array([(width(t), 1.4 * t.get_fontsize()) for t in self.labels]) * dpi / 72  # width, a line
        self.text = ax.text(0.02, 0.02, "", transform=ax.transAxes, fontsize="small")
        ax.set_xlim(-0.6, 0.6)
        ax.set_ylim(-0.6, 0.6)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title("patella as a pulley")
        legend_below(ax)

    def dynamic(self):
        return [self.femur, self.tibia, self.quad, self.tendon, self.result, self.patella, *self.labels, self.text]

    def update(self, flexion_deg, fq_bw, pf_bw):
        # anterior is +x: the femur points up, the shin swings backwards as the knee flexes
        up, down = _dir(0.0), -_dir(flexion_deg)
        knee = np.zeros(2)
        self.femur.set_data(*np.array([knee, knee + 0.5 * up]).T)
        self.tibia.set_data(*np.array([knee, knee + 0.5 * down]).T)
        front = np.array([0.06, 0.0])
        self.patella.set_data([front[0]], [front[1]])
        # 0.08 of the sketch per BW; a pull too long for the sketch shrinks every arrow, and the text says so
        s = min(0.08, 0.5 / max(fq_bw, pf_bw, 1e-9))
        self.quad.xy, self.quad.xyann = tuple(front + s * fq_bw * up), tuple(front)
        self.tendon.xy, self.tendon.xyann = tuple(front + s * fq_bw * down), tuple(front)
        # the two tendon pulls add up to a force pressing the patella back into the femur
        bis = up + down
        n = np.hypot(*bis)
        into = bis / n if n > 1e-6 else np.array([-1.0, 0.0])
        self.result.xy, self.result.xyann = tuple(front + s * pf_bw * into), tuple(front)
        px_per_unit = min(self.ax.bbox.width, self.ax.bbox.height) / 1.2  # equal aspect: the square box
        arrows = (self.quad, self.tendon, self.result)
        for label, (w, h), arrow in zip(self.labels, self.label_px / px_per_unit, arrows):
            head, tail = np.asarray(arrow.xy), np.asarray(arrow.xyann)
            u = (head - tail) / max(float(np.hypot(*(head - tail))), 1e-9)
            ha = "right" if u[0] < -0.35 else "left"  # an upright pull: named to its right, off the femur
            # just past the head, along the pull (off the bones), and never past the sketch's edge
            x, y = head + 0.04 * u + (0.0 if abs(u[0]) > 0.35 else 0.03)
            lo, hi = (-0.58, 0.58 - w) if ha == "left" else (-0.58 + w, 0.58)
            va = "bottom" if u[1] > 0.35 else "top" if u[1] < -0.35 else "center"
            ylo, yhi = {"bottom": (-0.58, 0.58 - h), "top": (-0.58 + h, 0.58),
                        "center": (-0.58 + h / 2, 0.58 - h / 2)}[va]
            label.set_position((float(np.clip(x, lo, hi)), float(np.clip(y, ylo, yhi))))
            label.set_horizontalalignment(ha)
            label.set_verticalalignment(va)
        self.scale_note = "" if s == 0.08 else f"\narrows drawn at {s / 0.08:.2g}× scale"
        self.text.set_text(f"quadriceps {fq_bw:.1f} BW →\npatella pressed on femur {pf_bw:.1f} BW{self.scale_note}")


class CurvesView:
    """k(θ), moment arm, contact area and stress vs flexion; the current angle marked."""

    def __init__(self, ax_top, ax_bottom, theta, k, arm_mm, area_mm2):
        self.theta = theta
        ax_top.plot(theta, k, color=COLORS["model"], label="k = PF force / quadriceps force")
        ax_top.set_ylabel("k", color=COLORS["model"])
        ax_top.set_ylim(0, 1.2)
        # the moment arm has a unit: its own axis, not a ratio
        ax_arm = ax_top.twinx()
        ax_arm.plot(theta, arm_mm, color=COLORS["moment_arm"], ls="--", label="quadriceps moment arm (mm)")
        ax_arm.set_ylabel("moment arm (mm)", color=COLORS["moment_arm"])
        ax_arm.set_ylim(0, 60)
        ax_arm.grid(False)
        legend_below(ax_top, twins=(ax_arm,))
        (self.area,) = ax_bottom.plot(theta, area_mm2, color=COLORS["patella"], label="contact area (mm²)")
        self.ax_stress = ax_bottom.twinx()
        (self.stress,) = self.ax_stress.plot(theta, np.zeros_like(theta), color=COLORS["force"],
                                             label="stress (MPa)")
        self.ax_stress.set_ylabel("stress (MPa)", color=COLORS["force"])
        self.ax_stress.grid(False)
        ax_bottom.set_ylabel("contact area (mm²)", color=COLORS["patella"])
        ax_bottom.set_xlabel("knee flexion (deg)")
        ax_bottom.set_ylim(0, 800)
        self.marks = [ax.axvline(0, color=COLORS["current"], lw=2) for ax in (ax_top, ax_bottom)]
        self.point = self.ax_stress.plot([0], [0], "o", color=COLORS["force"], ms=9)[0]

    def dynamic(self):
        # the stress axis rescales with the load: its ticks move with the frames, not with the fixed layer
        return [self.area, self.stress, *self.marks, self.point, self.ax_stress.yaxis]

    def update(self, flexion_deg, stress_mpa_curve, stress_mpa_now, area_mm2_curve):
        """Returns True when the stress axis had to be rescaled (a full redraw is needed)."""
        self.stress.set_ydata(stress_mpa_curve)
        self.area.set_ydata(area_mm2_curve)
        top = 5.0 * np.ceil(max(5.0, float(np.max(stress_mpa_curve)) * 1.1) / 5.0)
        rescale = top != self.ax_stress.get_ylim()[1]
        if rescale:
            self.ax_stress.set_ylim(0, top)
        for m in self.marks:
            m.set_xdata([flexion_deg, flexion_deg])
        self.point.set_data([flexion_deg], [stress_mpa_now])
        return rescale


#: where the patella is drawn when it would sublux: off the groove, over the lateral condyle (axes units)
SUBLUXED_X = 0.16


class FrontalKneeView:
    """Front view of a right knee: femur, tibia, quadriceps line, VMO/VL pulls, lateral force."""

    def __init__(self, ax):
        self.ax = ax
        (self.femur,) = ax.plot([], [], color=COLORS["femur"], lw=8, solid_capstyle="round", label="femur")
        (self.tibia,) = ax.plot([], [], color=COLORS["tibia"], lw=8, solid_capstyle="round", label="tibia")
        (self.qline,) = ax.plot([], [], ls="--", color=COLORS["moment_arm"], lw=2, label="quadriceps line of pull")
        (self.tline,) = ax.plot([], [], ls="--", color=COLORS["tibia"], lw=1.5)
        self.patella = ax.plot([0], [0], "o", ms=18, color=COLORS["patella"], label="patella")[0]
        self.vmo = force_arrow(ax, COLORS["sky"])
        self.vl = force_arrow(ax, COLORS["foot"])
        self.lat = force_arrow(ax, COLORS["force"], lw=4)
        self.qtext = ax.text(0.0, 0.0, "", fontsize="small")
        ax.text(0.42, -0.52, "lateral →", ha="right", fontsize="small")
        ax.text(-0.42, -0.52, "← medial", ha="left", fontsize="small")
        ax.set_xlim(-0.45, 0.45)
        ax.set_ylim(-0.55, 0.55)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title("right knee from the front")
        legend_below(ax, ncols=2)

    def dynamic(self):
        return [self.femur, self.tibia, self.qline, self.tline, self.vmo, self.vl, self.lat, self.patella, self.qtext]

    def update(self, q_eff_deg, vmo_share, lateral_bw, vmo_angle_deg=55.0, vl_angle_deg=15.0, stable=True):
        """``stable`` False: no equilibrium, so the patella is drawn off the groove, over the lateral condyle."""
        knee = np.zeros(2)
        self.patella.set_xdata([0.0 if stable else SUBLUXED_X])
        self.patella.set_color(COLORS["patella"] if stable else COLORS["danger"])
        # x is lateral: the quadriceps line runs up and out towards the hip (ASIS), so its top leans lateral
        up_q = _dir(q_eff_deg)
        self.femur.set_data(*np.array([knee, knee + 0.5 * up_q]).T)
        self.tibia.set_data([0, 0], [0, -0.5])
        self.qline.set_data(*np.array([knee, knee + 0.55 * up_q]).T)
        self.tline.set_data([0, 0], [0, 0.45])
        s = 0.25
        vmo_dir = _dir(q_eff_deg - vmo_angle_deg)  # the VMO pulls medially of the line, the VL laterally
        vl_dir = _dir(q_eff_deg + vl_angle_deg)
        self.vmo.xy, self.vmo.xyann = tuple(knee + s * 1.6 * vmo_share * vmo_dir), (0.0, 0.0)
        self.vl.xy, self.vl.xyann = tuple(knee + s * 1.6 * (1 - vmo_share) * vl_dir), (0.0, 0.0)
        self.lat.xy, self.lat.xyann = (float(np.clip(0.12 * lateral_bw, -0.4, 0.4)), -0.02), (0.0, -0.02)
        self.qtext.set_position((-0.42, 0.42))
        self.qtext.set_text(f"working Q = {q_eff_deg:.0f}°")


class FacetBarsView:
    """Medial and lateral facet stress (MPa), the medial restraint's load, and a subluxation warning."""

    def __init__(self, ax, ylim=(0, 12)):
        self.ax = ax
        self.bars = ax.bar(["medial facet", "lateral facet"], [0, 0], color=[COLORS["sky"], COLORS["force"]])
        self.labels = [ax.text(i, 0, "", ha="center", va="bottom") for i in range(2)]
        self.balanced = ax.axhline(0.0, ls="--", lw=1.5, color=COLORS["com"], label="either facet when balanced")
        self.status = ax.text(0.5, 0.97, "", transform=ax.transAxes, ha="center", va="top", fontsize="small",
                              wrap=True)
        ax.set_ylim(*ylim)
        ax.set_ylabel("facet stress (MPa)")
        legend_below(ax)

    def dynamic(self):
        return [*self.bars, *self.labels, self.balanced, self.status, self.ax.yaxis]

    def update(self, medial_mpa, lateral_mpa, lateral_share, balanced_mpa=0.0, restraint_use=0.0, stable=True):
        """Returns True when the axis had to be rescaled (a full redraw is needed).

        ``restraint_use`` is the medial restraint's load over what it holds; when
        ``stable`` is False the bars are emptied and the view says the patella would sublux.
        """
        shown = (medial_mpa, lateral_mpa) if stable else (0.0, 0.0)
        top = 6.0 * np.ceil(max(12.0, 1.3 * max(*shown, balanced_mpa)) / 6.0)
        rescale = top != self.ax.get_ylim()[1]
        if rescale:
            self.ax.set_ylim(0, top)
        for i, v in enumerate(shown):
            self.bars[i].set_height(v)
            self.labels[i].set_position((i, v))
        self.balanced.set_ydata([balanced_mpa, balanced_mpa])
        if stable:
            self.labels[0].set_text(f"{medial_mpa:.1f}")
            self.labels[1].set_text(f"{100 * lateral_share:.0f}% of load\n{lateral_mpa:.1f}")
            if restraint_use > 0:
                self.status.set_text(f"riding on the lateral facet; medial restraint at {100 * restraint_use:.0f}% "
                                     "of what it holds")
                self.status.set_color(COLORS["force"])
            else:
                self.status.set_text("seated on both facets")
                self.status.set_color("black")
        else:
            for lab in self.labels:
                lab.set_text("")
            self.status.set_text("no equilibrium: the patella would sublux\n(the side pull exceeds what the "
                                 "groove and the medial restraint hold)")
            self.status.set_color(COLORS["danger"])
        return rescale
