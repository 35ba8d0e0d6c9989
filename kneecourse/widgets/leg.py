"""Module 1 explorers: the 3D leg and the foot-landing demand."""
from __future__ import annotations

import ipywidgets as W
import numpy as np

from ..dataio.tables import load_table
from ..models.leg3d import BONES, pose_leg
from ..models.screw_home import (
    THIGH_FOOT_ANGLE_DEG,
    axial_rotation_envelope,
    coupled_tibial_rotation,
    stance_rotation_demand,
)
from ..views.leg import CouplingCurveView, Leg3DView, RotationDemandView
from ._base import Explorer, slider

__all__ = ["LegExplorer", "FootAngleExplorer"]


class LegExplorer(Explorer):
    """3D leg posed by knee flexion, with the screw-home coupling curve beside it."""

    caption = ("bend the knee slowly from 0° to 90° (or drag across the drawing) and watch the tibia (red-orange) "
               "turn inwards; "
               "switch the coupling off to see a pure hinge.")
    figsize = (8.6, 4.4)
    drag = {"control": "knee_flexion_deg", "axis": "x"}

    def _controls(self):
        return {
            "knee_flexion_deg": slider("knee flexion", 0.0, 0.0, 140.0, 1.0, "deg"),
            "extra_rotation_deg": slider("extra tibial rotation", 0.0, -20.0, 20.0, 1.0, "deg"),
            "coupled": W.Checkbox(value=True, description="screw-home coupling on", indent=False,
                                  layout=W.Layout(width="auto")),
            "show_envelope": W.Checkbox(value=True, description="show available range", indent=False,
                                        layout=W.Layout(width="auto")),
        }

    def _build(self, fig):
        ax3d = fig.add_subplot(1, 2, 1, projection="3d")
        ax2d = fig.add_subplot(1, 2, 2)
        pose = pose_leg(0.0)
        self.leg_view = self.view(Leg3DView(ax3d, BONES, pose["points"]))
        theta = np.linspace(0, 140, 141)
        lo, hi = axial_rotation_envelope(theta)
        t = load_table("screw_home_walker1988.csv")
        self.curve_view = self.view(CouplingCurveView(ax2d, theta, coupled_tibial_rotation(theta), lo, hi,
                                                      t["knee_flexion"], t["tibial_internal_rotation"]))

    def _compute(self, knee_flexion_deg, extra_rotation_deg, coupled, show_envelope):
        pose = pose_leg(knee_flexion_deg, extra_rotation_deg=extra_rotation_deg, coupled=coupled)
        return {**pose, "knee_flexion_deg": knee_flexion_deg, "show_envelope": show_envelope}

    def _draw(self, s):
        self.leg_view.update(s["points"])
        self.curve_view.update(s["knee_flexion_deg"], s["axial_rotation_deg"], s["show_envelope"])

    def _describe(self, s):
        lo, hi = s["rotation_range_deg"]
        note = "" if s["within_range"] else " — <b>outside the available range</b>: tissues would be strained"
        return (f"Tibial internal rotation: <b>{s['axial_rotation_deg']:.1f}°</b> "
                f"(available {lo:.1f}° to {hi:.1f}°){note}")


class FootAngleExplorer(Explorer):
    """How much tibial rotation a planted foot asks of the knee during stance."""

    caption = ("an illustrative model: the foot's neutral direction is set by the leg's own twist (thigh–foot "
               "angle, about 10° toe-out) and the hip's rotation. Turn the foot out or in beyond that and stiffen "
               "the knee (smaller available range): where the red area appears, the knee cannot supply the "
               "rotation.")
    figsize = (8, 4)

    def _controls(self):
        return {
            "foot_progression_deg": slider("foot angle at contact, toe-out +", 8.0, -20.0, 30.0, 1.0, "deg"),
            "peak_flexion_deg": slider("peak knee flexion", 45.0, 25.0, 60.0, 1.0, "deg"),
            "foot_share": slider("share taken by foot/ankle", 0.5, 0.0, 1.0, 0.05, "", ".2f"),
            "total_range_deg": slider("available axial range at 90°", 45.0, 5.0, 60.0, 1.0, "deg"),
            "thigh_foot_angle_deg": slider("thigh–foot angle (tibial torsion)", THIGH_FOOT_ANGLE_DEG, -10.0, 30.0,
                                           1.0, "deg"),
            "hip_external_rotation_deg": slider("hip external rotation", 0.0, -20.0, 20.0, 1.0, "deg"),
        }

    def _build(self, fig):
        self.demand = self.view(RotationDemandView(fig.add_subplot(1, 1, 1)))

    def _compute(self, foot_progression_deg, peak_flexion_deg, foot_share, total_range_deg,
                 thigh_foot_angle_deg, hip_external_rotation_deg):
        return stance_rotation_demand(foot_progression_deg, self.demand.s, peak_flexion_deg, foot_share,
                                      total_range_deg, thigh_foot_angle_deg, hip_external_rotation_deg)

    def _draw(self, d):
        self.demand.update(d["required_deg"], d["coupled_deg"], d["lower_deg"], d["upper_deg"])

    def _describe(self, d):
        extra = np.abs(d["extra_deg"]).max()
        short = d["shortfall_deg"].max()
        msg = f"Largest rotation beyond the coupling: <b>{extra:.1f}°</b>. "
        msg += ("Within the available range all through stance." if short <= 0 else
                f"<b>Shortfall up to {short:.1f}°</b>: foot, hip or soft tissue must absorb it.")
        return msg
