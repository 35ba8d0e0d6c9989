"""A rigid 3D leg posed with the knee joint coordinate system (Grood & Suntay 1983).

Frames (right leg, metres): x lateral, y anterior, z proximal (up). The femur
frame is fixed with the knee joint centre at the origin and the hip above it.
The tibia (with fibula and foot) is posed relative to the femur by the three
Grood & Suntay [grood1983] rotations applied in order:

1. flexion about the femoral medio-lateral axis (x),
2. ab/adduction about the floating axis (the rotated y),
3. axial rotation about the tibial long axis (z).

``R = Rx(−flexion) · Ry(adduction) · Rz(internal rotation)``: knee flexion
moves the ankle backwards, adduction (varus) moves it medially, internal
rotation turns the toes medially. Because the pose is a rotation, every bone
stays rigid.
"""
from __future__ import annotations

import numpy as np

from ..validation import check_real
from .screw_home import FLEXION_RANGE_DEG, axial_rotation_envelope, coupled_tibial_rotation

__all__ = ["jcs_rotation", "leg_landmarks", "BONES", "pose_leg"]

#: Bones as chains of landmark names (drawn as thick lines).
BONES = {
    "femur": ("hip", "femur_shaft_low", "lateral_condyle", "medial_condyle", "femur_shaft_low"),
    "tibia": ("medial_plateau", "lateral_plateau", "tibial_tuberosity", "medial_malleolus"),
    "fibula": ("fibular_head", "lateral_malleolus"),
    "patella": ("patella_top", "patella_bottom"),
    "foot": ("lateral_malleolus", "heel", "toe", "medial_malleolus"),
}


def _rx(a):
    c, s = np.cos(a), np.sin(a)
    o, z = np.ones_like(a), np.zeros_like(a)
    return np.stack([np.stack([o, z, z], -1), np.stack([z, c, -s], -1), np.stack([z, s, c], -1)], -2)


def _ry(a):
    c, s = np.cos(a), np.sin(a)
    o, z = np.ones_like(a), np.zeros_like(a)
    return np.stack([np.stack([c, z, s], -1), np.stack([z, o, z], -1), np.stack([-s, z, c], -1)], -2)


def _rz(a):
    c, s = np.cos(a), np.sin(a)
    o, z = np.ones_like(a), np.zeros_like(a)
    return np.stack([np.stack([c, -s, z], -1), np.stack([s, c, z], -1), np.stack([z, z, o], -1)], -2)


def jcs_rotation(flexion_deg, adduction_deg=0.0, internal_rotation_deg=0.0):
    """Rotation matrix of the tibia in the femur frame (Grood & Suntay order).

    Parameters
    ----------
    flexion_deg : float or array_like
        Knee flexion, −10 to 160° (hyperextension allowed to −10°).
    adduction_deg : float or array_like
        Adduction (varus) positive, −30 to 30°.
    internal_rotation_deg : float or array_like
        Tibial internal rotation positive, −60 to 60°.

    Returns
    -------
    numpy.ndarray
        Shape ``(..., 3, 3)``, orthonormal with determinant +1.
    """
    f = np.radians(check_real(flexion_deg, "flexion_deg", "deg", -10, 160))
    a = np.radians(check_real(adduction_deg, "adduction_deg", "deg", -30, 30))
    r = np.radians(check_real(internal_rotation_deg, "internal_rotation_deg", "deg", -60, 60))
    f, a, r = np.broadcast_arrays(f, a, r)
    return _rx(-f) @ _ry(a) @ _rz(r)


def leg_landmarks(thigh_length_m=0.42, shank_length_m=0.43):
    """Landmarks of each bone in its own frame (metres).

    Returns
    -------
    femur, tibia : dict
        Landmark name -> (3,) array. Femur landmarks are in the femur frame,
        tibia/fibula/foot landmarks in the tibia frame (both with the knee
        joint centre at the origin); the patella is handled by :func:`pose_leg`.
    """
    lt = check_real(thigh_length_m, "thigh_length_m", "m", 0.2, 0.7, array=False)
    ls = check_real(shank_length_m, "shank_length_m", "m", 0.2, 0.7, array=False)
    femur = {
        "hip": np.array([-0.02, 0.0, lt]),
        "femur_shaft_low": np.array([0.0, 0.005, 0.06]),
        "lateral_condyle": np.array([0.04, 0.0, 0.0]),
        "medial_condyle": np.array([-0.04, 0.0, 0.0]),
    }
    tibia = {
        "medial_plateau": np.array([-0.04, 0.0, -0.01]),
        "lateral_plateau": np.array([0.04, 0.0, -0.01]),
        "tibial_tuberosity": np.array([0.0, 0.035, -0.07]),
        "medial_malleolus": np.array([-0.025, 0.0, -ls]),
        "fibular_head": np.array([0.045, -0.015, -0.04]),
        "lateral_malleolus": np.array([0.035, -0.015, -ls - 0.01]),
        "heel": np.array([0.0, -0.05, -ls - 0.07]),
        "toe": np.array([0.0, 0.19, -ls - 0.08]),
    }
    return femur, tibia


def pose_leg(knee_flexion_deg, adduction_deg=0.0, extra_rotation_deg=0.0, coupled=True,
             thigh_length_m=0.42, shank_length_m=0.43):
    """Landmark coordinates of the posed leg in the femur frame.

    Parameters
    ----------
    knee_flexion_deg : float
        Knee flexion, 0–140°.
    adduction_deg : float, optional
        Varus (+) / valgus (−), −30 to 30°.
    extra_rotation_deg : float, optional
        Tibial internal rotation added by hand on top of the coupling, −40 to 40°.
    coupled : bool, optional
        Include the screw-home coupling (:func:`coupled_tibial_rotation`).
    thigh_length_m, shank_length_m : float, optional
        Bone lengths, 0.2–0.7 m.

    Returns
    -------
    dict
        ``points`` (name -> (3,) array in the femur frame), ``rotation``
        (3×3 tibia-in-femur matrix), ``axial_rotation_deg`` used,
        ``rotation_range_deg`` (the available passive range at this flexion,
        :func:`~.screw_home.axial_rotation_envelope`) and ``within_range``.
    """
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", *FLEXION_RANGE_DEG, array=False)
    extra = check_real(extra_rotation_deg, "extra_rotation_deg", "deg", -40, 40, array=False)
    axial = (coupled_tibial_rotation(theta) if coupled else 0.0) + extra
    R = jcs_rotation(theta, adduction_deg, axial)
    femur, tibia = leg_landmarks(thigh_length_m, shank_length_m)
    points = dict(femur)
    for name, p in tibia.items():
        points[name] = R @ p
    # Patella: rides in the trochlear groove, 5 cm in front of the knee centre,
    # sliding down and back around the condyles by ~70% of the flexion angle.
    g = np.radians(0.7 * theta)
    centre = np.array([0.0, 0.05 * np.cos(g), 0.05 * np.sin(-g) + 0.03 * np.cos(g)])
    axis = np.array([0.0, -np.sin(g), np.cos(g)])
    points["patella_top"] = centre + 0.025 * axis
    points["patella_bottom"] = centre - 0.025 * axis
    lo, hi = axial_rotation_envelope(theta)
    return {"points": points, "rotation": R, "axial_rotation_deg": axial, "rotation_range_deg": (lo, hi),
            "within_range": bool(lo - 1e-9 <= axial <= hi + 1e-9)}
