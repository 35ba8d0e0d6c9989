"""Module 2 explorers: a lever and the squat / step-up body."""
from __future__ import annotations

import ipywidgets as W

from ..models.posture import POSTURES, posture
from ..models.statics import force_on_lever
from ..runner import RUNNER
from ..views.body import LeverView, MomentBarsView, StickFigureView
from ._base import Explorer, slider

__all__ = ["LeverExplorer", "SquatExplorer"]


class LeverExplorer(Explorer):
    """Set a force's size, direction and point of application; see its moment about the pivot."""

    caption = ("keep the force the same size and change only its direction: the moment is largest when "
               "the force is at right angles to the line from the pivot.")
    figsize = (7, 5)

    def _controls(self):
        return {
            "force_n": slider("force", 100.0, 0.0, 200.0, 5.0, "N"),
            "angle_deg": slider("direction from +x", -90.0, -180.0, 180.0, 5.0, "deg"),
            "distance_m": slider("point on the beam", 0.8, 0.1, 1.0, 0.05, "m", ".2f"),
        }

    def _build(self, fig):
        self.lever = self.view(LeverView(fig.add_subplot(1, 1, 1)))

    def _compute(self, force_n, angle_deg, distance_m):
        return force_on_lever(force_n, angle_deg, distance_m)

    def _draw(self, s):
        self.lever.update(s["point_m"], s["force_n"], s["moment_nm"], s["moment_arm_m"])

    def _describe(self, s):
        return f"Moment about the pivot: <b>{s['moment_nm']:+.1f} N·m</b> = force × moment arm"


class SquatExplorer(Explorer):
    """Stick figure in a squat, step-up, stair descent or running stance with joint moments."""

    caption = ("switch <i>restrict knee travel</i> on and off at the same depth: the knee moment falls, "
               "the hip moment rises and the trunk leans further.")
    figsize = (8.6, 4.8)
    drag = {"control": "knee_flexion_deg", "axis": "y", "sign": -1}  # down: a deeper squat

    def _controls(self):
        return {
            "kind": W.Dropdown(options=[(k.replace("_", " "), k) for k in POSTURES], value="double_leg_squat",
                               description="posture"),
            "knee_flexion_deg": slider("knee flexion", 90.0, 10.0, 120.0, 1.0, "deg"),
            "restrict_knee_travel": W.Checkbox(value=False, description="restrict knee travel (knee stops at toes)",
                                               indent=False, layout=W.Layout(width="auto")),
            "load_kg": slider("load on the shoulders", 0.0, 0.0, 100.0, 5.0, "kg"),
            "mass_kg": slider("body mass", RUNNER.mass_kg, 40.0, 120.0, 1.0, "kg"),
        }

    def _build(self, fig):
        gs = fig.add_gridspec(1, 2, width_ratios=(1.4, 1))
        self.figure_view = self.view(StickFigureView(fig.add_subplot(gs[0])))
        self.bars_view = self.view(MomentBarsView(fig.add_subplot(gs[1]), ylim=(-0.5, 3.0)))

    def _compute(self, kind, knee_flexion_deg, restrict_knee_travel, load_kg, mass_kg):
        return posture(kind, knee_flexion_deg, restrict_knee_travel=restrict_knee_travel,
                       load_kg=load_kg, mass_kg=mass_kg)

    def _draw(self, p):
        self.figure_view.update(p)
        self.bars_view.update(p.moments_per_kg)

    def _describe(self, p):
        m = p.moments
        return (f"Knee extensor moment <b>{m['knee']:.0f} N·m</b>, hip extensor {m['hip']:.0f} N·m, "
                f"ankle plantarflexor {m['ankle']:.0f} N·m · quadriceps force <b>{p.quadriceps_force_n:.0f} N "
                f"({p.quadriceps_force_bw:.1f} BW)</b> · shin tilt {p.shank_angle_deg:.0f}°, "
                f"trunk lean {p.trunk_lean_deg:.0f}°")
