"""Module 5 explorers: pelvic tilt and the centre of mass; the pose at foot contact."""
from __future__ import annotations

from ..models.pelvis import (
    TOUCHDOWN_KNEE_FLEXION_DEG,
    TOUCHDOWN_THIGH_ANGLE_DEG,
    TOUCHDOWN_TRUNK_LEAN_DEG,
    contact_pose,
    pelvic_tilt_pose,
    standing_parts,
)
from ..runner import RUNNER
from ..units import to_mm
from ..views.pelvis import ContactView, StandingView
from ._base import Explorer, slider

__all__ = ["PelvisExplorer", "FootStrikeExplorer"]


class PelvisExplorer(Explorer):
    """Tilt the pelvis, choose how much the lumbar spine compensates, see the COM move (mm)."""

    caption = ("tilt the pelvis forward 15° with full lumbar compensation, then drop the compensation to 0: "
               "compare the two shifts in millimetres.")
    figsize = (5.5, 6.5)
    drag = {"control": "pelvic_tilt_deg", "axis": "x"}

    def _controls(self):
        return {
            "pelvic_tilt_deg": slider("anterior pelvic tilt", 0.0, -15.0, 30.0, 1.0, "deg"),
            "lumbar_compensation": slider("lumbar compensation", 1.0, 0.0, 1.0, 0.05, "", ".2f"),
            "height_m": slider("height", RUNNER.height_m, 1.5, 2.0, 0.01, "m", ".2f"),
        }

    def _build(self, fig):
        n = len(standing_parts())
        self.standing = self.view(StandingView(fig.add_subplot(1, 1, 1), n, 2.0))

    def _compute(self, pelvic_tilt_deg, lumbar_compensation, height_m):
        return pelvic_tilt_pose(height_m, pelvic_tilt_deg, lumbar_compensation)

    def _draw(self, pose):
        self.standing.update(pose)

    def _describe(self, pose):
        forward, up = to_mm(pose.com_shift_m)
        return f"Centre of mass moved <b>{forward:+.1f} mm</b> forward (height {up:+.1f} mm)"


class FootStrikeExplorer(Explorer):
    """Posture at initial contact -> how far ahead of the centre of mass the foot lands."""

    caption = ("lengthen the reach (thigh angle) and straighten the knee: the foot lands further ahead. "
               "Then change only the pelvic tilt and compare the size of the effect.")
    figsize = (7, 6)
    drag = {"control": "thigh_angle_deg", "axis": "x"}  # the foot reaches forward

    def _controls(self):
        return {
            "thigh_angle_deg": slider("thigh angle at contact", TOUCHDOWN_THIGH_ANGLE_DEG, 0.0, 45.0, 0.5, "deg",
                                      ".1f"),
            "knee_flexion_deg": slider("knee flexion at contact", TOUCHDOWN_KNEE_FLEXION_DEG, 0.0, 45.0, 1.0, "deg"),
            "trunk_lean_deg": slider("trunk lean", TOUCHDOWN_TRUNK_LEAN_DEG, -5.0, 25.0, 1.0, "deg"),
            "pelvic_tilt_deg": slider("anterior pelvic tilt", 0.0, -15.0, 30.0, 1.0, "deg"),
        }

    def _build(self, fig):
        self.contact = self.view(ContactView(fig.add_subplot(1, 1, 1)))

    def _compute(self, thigh_angle_deg, knee_flexion_deg, trunk_lean_deg, pelvic_tilt_deg):
        return contact_pose(RUNNER.height_m, pelvic_tilt_deg, 1.0, trunk_lean_deg, thigh_angle_deg, knee_flexion_deg)

    def _draw(self, pose):
        self.contact.update(pose)

    def _describe(self, pose):
        return (f"Overstride <b>{100 * pose.overstride_m:.1f} cm</b> · shin angle "
                f"{pose.shank_angle_deg:+.0f}° (positive: foot ahead of the knee) · "
                f"braking/vertical force ratio {pose.braking_ratio:.2f}")
