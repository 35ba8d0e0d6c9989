"""Module 5 explorers: pelvic tilt and the centre of mass; the pose at foot contact."""
from __future__ import annotations

import numpy as np

from ..models.pelvis import (
    TOUCHDOWN_KNEE_FLEXION_DEG,
    TOUCHDOWN_THIGH_ANGLE_DEG,
    TOUCHDOWN_TRUNK_LEAN_DEG,
    body_com,
    contact_pose,
    rotate_about,
    standing_parts,
)
from ..models.segments import anthropometry
from ..views.pelvis import ContactView, StandingView
from ._base import Explorer, slider

__all__ = ["PelvisExplorer", "FootStrikeExplorer"]


class PelvisExplorer(Explorer):
    """Tilt the pelvis, choose how much the lumbar spine compensates, see the COM move (mm)."""

    caption = ("tilt the pelvis forward 15° with full lumbar compensation, then drop the compensation to 0: "
               "compare the two shifts in millimetres.")
    figsize = (5.5, 6.5)

    def _controls(self):
        return {
            "pelvic_tilt_deg": slider("anterior pelvic tilt", 0.0, -15.0, 30.0, 1.0, "deg"),
            "lumbar_compensation": slider("lumbar compensation", 1.0, 0.0, 1.0, 0.05, "", ".2f"),
            "height_m": slider("height", 1.75, 1.5, 2.0, 0.01, "m", ".2f"),
        }

    def _build(self, fig):
        n = len(standing_parts())
        self.standing = self.view(StandingView(fig.add_subplot(1, 1, 1), n, 2.0))

    def _compute(self, pelvic_tilt_deg, lumbar_compensation, height_m):
        parts = standing_parts(height_m, 70.0, pelvic_tilt_deg, lumbar_compensation)
        pts = np.array([p for p, _ in parts.values()])
        ms = np.array([m for _, m in parts.values()])
        com = np.array(body_com(height_m, pelvic_tilt_deg, lumbar_compensation))
        ref = np.array(body_com(height_m))
        a = anthropometry(height_m, 70.0)
        hip = np.array([0.0, a.ankle_height_m + a.shank_m + a.thigh_m])
        top = rotate_about(hip + [0.0, a.pelvis_m], hip, pelvic_tilt_deg)
        shoulder = rotate_about(hip + [0.0, a.trunk_m], hip, (1 - lumbar_compensation) * pelvic_tilt_deg)
        return {"points": pts, "masses": ms, "com": com, "ref": ref, "hip": hip, "pelvis_top": top,
                "shoulder": shoulder, "shift_mm": 1000 * (com[0] - ref[0])}

    def _draw(self, s):
        self.standing.update(s["points"], s["masses"], s["com"], s["ref"], s["hip"], s["pelvis_top"],
                             s["shoulder"], s["shift_mm"])

    def _describe(self, s):
        return (f"Centre of mass moved <b>{s['shift_mm']:+.1f} mm</b> forward "
                f"(height {1000 * (s['com'][1] - s['ref'][1]):+.1f} mm)")


class FootStrikeExplorer(Explorer):
    """Posture at initial contact -> how far ahead of the centre of mass the foot lands."""

    caption = ("lengthen the reach (thigh angle) and straighten the knee: the foot lands further ahead. "
               "Then change only the pelvic tilt and compare the size of the effect.")
    figsize = (7, 6)

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
        return contact_pose(1.75, pelvic_tilt_deg, 1.0, trunk_lean_deg, thigh_angle_deg, knee_flexion_deg)

    def _draw(self, pose):
        self.contact.update(pose)

    def _describe(self, pose):
        return (f"Overstride <b>{100 * pose['overstride_m']:.1f} cm</b> · shin angle "
                f"{pose['shank_angle_deg']:+.0f}° (positive: foot ahead of the knee) · "
                f"braking/vertical force ratio {pose['braking_ratio']:.2f}")
