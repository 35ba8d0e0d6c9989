"""Pelvic tilt, whole-body centre of mass and foot placement at contact.

Tests the coaching chain "anterior pelvic tilt shifts the centre of mass
forward, so the foot lands further ahead". The body is the segment model of
:mod:`.segments` (Winter 2009 or de Leva 1996 masses [winter2009, deleva1996];
Drillis & Contini lengths [drillis1966]) seen from the right: x forward, y up,
origin on the ground below the ankle joint.

Assumptions, stated for the learner:

* The trunk of the table is split into the pelvis (Winter: 0.142 of body
  mass, centre of mass 0.105 of its length from L4/L5) and the rest of the
  trunk, whose centre of mass is placed so that the two together keep the
  table's trunk centre of mass. The pelvis length (hip to L4/L5) is taken as
  0.10 H.
* Anterior pelvic tilt (positive) rotates the pelvis about the hip axis.
  ``lumbar_compensation = 1``: the lumbar spine absorbs all of it and the
  upper body (rest of the trunk, head, arms) stays where it was;
  ``0``: the upper body rotates with the pelvis about the hips; values in
  between rotate it by ``(1 − c)`` of the tilt.
* Arms hang at the sides; the head's centre of mass sits at 0.93 H (ear
  canal level).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..runner import RUNNER
from ..validation import check, check_real
from ._result import ModelResult
from .bisection import bisect
from .running_step import RUNNING_TRUNK_LEAN, RUNNING_TRUNK_LEAN_DEG
from .segments import anthropometry, center_of_mass
from .spring_mass import CONTACT_KNEE_FLEXION_DEG

__all__ = ["rotate_about", "standing_parts", "body_com", "pelvic_tilt_pose", "contact_pose", "ContactPose",
           "PelvicTiltPose", "thigh_angle_for_overstride",
           "TOUCHDOWN_THIGH_ANGLE_DEG", "TOUCHDOWN_KNEE_FLEXION_DEG", "TOUCHDOWN_TRUNK_LEAN_DEG"]

_HEAD_COM_FRACTION_OF_HEIGHT = 0.93
#: Winter 2009 Table 4.1: pelvis 0.142 of body mass within the trunk's 0.497; COM 0.105 from L4/L5.
_PELVIS_SHARE_OF_TRUNK = 0.142 / 0.497
_PELVIS_COM_FROM_L4L5 = 0.105


#: The inputs whose range here is not the one of ``validation.LIMITS`` (the fuzz tests read it): the touchdown
#: pose leans the trunk as a runner does.
SCOPES = {"contact_pose": {"trunk_lean_deg": RUNNING_TRUNK_LEAN},
          "thigh_angle_for_overstride": {"trunk_lean_deg": RUNNING_TRUNK_LEAN}}


@dataclass(frozen=True, kw_only=True, eq=False)
class ContactPose(ModelResult):
    """The running pose at initial contact (:func:`contact_pose`)."""

    #: (2,) positions, m: hip, knee, ankle, heel, toe, shoulder, head, swing_knee, swing_ankle
    joints: dict
    #: whole-body centre of mass, (2,) m
    com: np.ndarray
    overstride_m: float
    shank_angle_deg: float
    braking_ratio: float


@dataclass(frozen=True, kw_only=True, eq=False)
class PelvicTiltPose(ModelResult):
    """Standing with the pelvis tilted (:func:`pelvic_tilt_pose`); positions (2,) m, forward then up."""

    #: (n, 2) centres of mass of the parts, m
    points: np.ndarray
    #: (n,) part masses, kg
    masses: np.ndarray
    com: np.ndarray
    com_upright: np.ndarray
    #: forward (+) and up, m
    com_shift_m: np.ndarray
    hip: np.ndarray
    pelvis_top: np.ndarray
    shoulder: np.ndarray

def rotate_about(points, about, angle_deg):
    """Rotate points (n, 2) about a point; positive angle moves the top forward (clockwise)."""
    a = np.radians(angle_deg)
    c, s = np.cos(a), np.sin(a)
    r = np.asarray(points, float) - about
    return np.stack([c * r[..., 0] + s * r[..., 1], -s * r[..., 0] + c * r[..., 1]], -1) + about


def standing_parts(height_m=RUNNER.height_m, mass_kg=RUNNER.mass_kg, pelvic_tilt_deg=0.0, lumbar_compensation=1.0,
                   table="winter"):
    """Centre of mass (m) and mass (kg) of every part of the standing body.

    Returns
    -------
    dict
        Part name -> ``(point (2,), mass)``; the parts add up to the whole body.
    """
    a = anthropometry(height_m, mass_kg, table)
    tilt = check(pelvic_tilt_deg, "pelvic_tilt_deg", array=False)
    comp = check_real(lumbar_compensation, "lumbar_compensation", "", 0, 1, array=False)
    h, m, c = a.height_m, a.masses, a.com_fractions
    ankle_y, knee_y = a.ankle_height_m, a.ankle_height_m + a.shank_m
    hip = np.array([0.0, knee_y + a.thigh_m])
    shoulder = hip + np.array([0.0, a.trunk_m])
    # pelvis and rest of trunk keep the table's trunk centre of mass
    d_pelvis = a.pelvis_m * (1 - _PELVIS_COM_FROM_L4L5)
    m_pelvis = m["trunk"] * _PELVIS_SHARE_OF_TRUNK
    m_rest = m["trunk"] - m_pelvis
    if table == "deleva":  # de Leva's trunk runs from cervicale (taken at shoulder height) down to mid-hip
        trunk_com = (1 - c["trunk"]) * a.trunk_m
    else:  # Winter's trunk runs from the greater trochanter up to the glenohumeral joint
        trunk_com = c["trunk"] * a.trunk_m
    d_rest = (m["trunk"] * trunk_com - m_pelvis * d_pelvis) / m_rest
    parts = {
        "feet": (np.array([0.2 * a.foot_m, 0.5 * ankle_y]), 2 * m["foot"]),
        "shanks": (np.array([0.0, knee_y - c["shank"] * a.shank_m]), 2 * m["shank"]),
        "thighs": (np.array([0.0, hip[1] - c["thigh"] * a.thigh_m]), 2 * m["thigh"]),
        "pelvis": (hip + [0.0, d_pelvis], m_pelvis),
        "upper trunk": (hip + [0.0, d_rest], m_rest),
        "head and neck": (np.array([0.0, _HEAD_COM_FRACTION_OF_HEIGHT * h]), m["head_neck"]),
        "upper arms": (shoulder - [0.0, c["upper_arm"] * a.upper_arm_m], 2 * m["upper_arm"]),
        "forearms": (shoulder - [0.0, a.upper_arm_m + c["forearm"] * a.forearm_m], 2 * m["forearm"]),
        "hands": (shoulder - [0.0, a.upper_arm_m + a.forearm_m + c["hand"] * a.hand_m], 2 * m["hand"]),
    }
    parts["pelvis"] = (rotate_about(parts["pelvis"][0], hip, tilt), parts["pelvis"][1])
    upper_tilt = (1 - comp) * tilt
    for k in ("upper trunk", "head and neck", "upper arms", "forearms", "hands"):
        parts[k] = (rotate_about(parts[k][0], hip, upper_tilt), parts[k][1])
    return parts


def body_com(height_m=RUNNER.height_m, pelvic_tilt_deg=0.0, lumbar_compensation=1.0, *, mass_kg=RUNNER.mass_kg,
             table="winter"):
    """Whole-body centre of mass of a person standing upright, arms by the sides.

    Parameters
    ----------
    height_m : float
        Standing height, 1.2–2.2 m.
    pelvic_tilt_deg : float
        Pelvic tilt away from the reference posture, anterior positive, −30 to 40°.
    lumbar_compensation : float
        1 keeps the trunk upright (the lumbar spine absorbs the tilt); 0 lets
        trunk, head and arms rotate with the pelvis about the hips. 0–1.
    mass_kg : float, optional
        Body mass (does not move the centre of mass; kept for completeness).
    table : {"winter", "deleva"}
        Segment table.

    Returns
    -------
    tuple of float
        ``(x_m, y_m)``: forward of the ankle joint and above the ground, m.

    Examples
    --------
    >>> x0, _ = body_com(1.75)
    >>> x1, _ = body_com(1.75, pelvic_tilt_deg=10.0)
    >>> 0 < (x1 - x0) * 1000 < 10   # millimetres: a 10° tilt moves it a few mm
    True
    """
    parts = standing_parts(height_m, mass_kg, pelvic_tilt_deg, lumbar_compensation, table)
    pts = np.array([p for p, _ in parts.values()])
    ms = np.array([w for _, w in parts.values()])
    com = center_of_mass(pts, ms)
    return float(com[0]), float(com[1])


#: Default touchdown pose: the runner of module 6 (1.75 m, 3.3 m/s, 170 steps/min) lands with the knee
#: flexed 20° and the heel 0.25 m ahead of the centre of mass, which with its 7° trunk lean (Teng & Powers
#: 2014 [teng2014]) is a thigh angle of 33.5° (a test holds the two modules within 1 cm).
TOUCHDOWN_THIGH_ANGLE_DEG = 33.5
TOUCHDOWN_KNEE_FLEXION_DEG = CONTACT_KNEE_FLEXION_DEG
TOUCHDOWN_TRUNK_LEAN_DEG = RUNNING_TRUNK_LEAN_DEG


def contact_pose(height_m=RUNNER.height_m, pelvic_tilt_deg=0.0, lumbar_compensation=1.0,
                 trunk_lean_deg=TOUCHDOWN_TRUNK_LEAN_DEG, thigh_angle_deg=TOUCHDOWN_THIGH_ANGLE_DEG,
                 knee_flexion_deg=TOUCHDOWN_KNEE_FLEXION_DEG, *, mass_kg=RUNNER.mass_kg):
    """Running pose at initial contact: where the heel lands relative to the centre of mass.

    ``overstride_m`` is defined as in module 6
    (:func:`~kneecourse.models.running_step.run_step`): the horizontal distance
    from the whole-body centre of mass to the heel at touchdown. The defaults
    are the touchdown of module 6's runner.

    The stance thigh is set by its angle from the vertical (forward positive),
    the shank by the knee flexion, the trunk by its lean; the swing leg trails
    (thigh −20°, knee 90°, an assumption). Pelvic tilt moves the pelvis and,
    as in :func:`body_com`, the upper body.

    Parameters
    ----------
    height_m : float
        1.2–2.2 m.
    pelvic_tilt_deg : float
        −30 to 40° (anterior positive).
    lumbar_compensation : float
        0–1.
    trunk_lean_deg : float
        −10 to 40° (forward positive), applied on top of the pelvic effect.
    thigh_angle_deg : float
        Stance thigh angle from vertical at contact, −10 to 60°.
    knee_flexion_deg : float
        Stance knee flexion at contact, 0–60°.

    Returns
    -------
    dict
        ``joints`` (name -> (2,) m, with the foot on the ground), ``com`` (2,),
        ``overstride_m`` (heel ahead of the centre of mass),
        ``shank_angle_deg`` (shin tilt from vertical, positive = shin leaning
        back with the foot ahead of the knee), and ``braking_ratio``: the
        horizontal/vertical ratio of a ground-reaction force pointing from the
        contact point through the centre of mass (the spring-mass assumption).
    """
    a = anthropometry(height_m, mass_kg)
    check(pelvic_tilt_deg, "pelvic_tilt_deg", array=False)
    lean = check(trunk_lean_deg, "trunk_lean_deg", array=False, limit=RUNNING_TRUNK_LEAN)
    phi_t = check_real(thigh_angle_deg, "thigh_angle_deg", "deg", -10, 60, array=False)
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", 0, 60, array=False)
    standing = standing_parts(height_m, mass_kg, pelvic_tilt_deg, lumbar_compensation)
    hip0 = np.array([0.0, a.ankle_height_m + a.shank_m + a.thigh_m])

    def _down(angle):
        r = np.radians(angle)
        return np.array([np.sin(r), -np.cos(r)])

    # stance leg hanging from the hip: thigh forward by phi_t, shin back by the knee flexion
    knee = hip0 + a.thigh_m * _down(phi_t)
    ankle = knee + a.shank_m * _down(phi_t - theta)
    s_knee = hip0 + a.thigh_m * _down(-20.0)
    s_ankle = s_knee + a.shank_m * _down(-20.0 - 90.0)
    c = a.com_fractions
    m = a.masses
    parts = [
        (hip0 + c["thigh"] * (knee - hip0), m["thigh"]),
        (knee + c["shank"] * (ankle - knee), m["shank"]),
        (ankle + [0.2 * a.foot_m, -0.5 * a.ankle_height_m], m["foot"]),
        (hip0 + c["thigh"] * (s_knee - hip0), m["thigh"]),
        (s_knee + c["shank"] * (s_ankle - s_knee), m["shank"]),
        (s_ankle + [0.2 * a.foot_m, -0.5 * a.ankle_height_m], m["foot"]),
    ]
    for name in ("pelvis", "upper trunk", "head and neck", "upper arms", "forearms", "hands"):
        p, w = standing[name]
        if name != "pelvis":
            p = rotate_about(p, hip0, lean)
        parts.append((p, w))
    pts = np.array([p for p, _ in parts])
    ws = np.array([w for _, w in parts])
    com = (ws[:, None] * pts).sum(0) / ws.sum()
    contact = ankle + np.array([-0.25 * a.foot_m, -a.ankle_height_m])  # heel on the ground
    shift = np.array([0.0, -contact[1]])
    com, contact = com + shift, contact + shift
    shoulder = rotate_about(hip0 + [0.0, a.trunk_m], hip0, lean) + shift
    joints = {
        "hip": hip0 + shift, "knee": knee + shift, "ankle": ankle + shift, "heel": contact,
        "toe": contact + [a.foot_m, 0.0], "shoulder": shoulder,
        "head": rotate_about(hip0 + [0.0, a.trunk_m + a.head_neck_m], hip0, lean) + shift,
        "swing_knee": s_knee + shift, "swing_ankle": s_ankle + shift,
    }
    overstride = float(contact[0] - com[0])
    return ContactPose(joints=joints, com=com, overstride_m=overstride, shank_angle_deg=float(phi_t - theta),
                       braking_ratio=overstride / float(com[1]))


def thigh_angle_for_overstride(overstride_m, height_m=RUNNER.height_m, pelvic_tilt_deg=0.0, lumbar_compensation=1.0,
                               trunk_lean_deg=TOUCHDOWN_TRUNK_LEAN_DEG, knee_flexion_deg=TOUCHDOWN_KNEE_FLEXION_DEG,
                               *, mass_kg=RUNNER.mass_kg):
    """The stance thigh angle at which :func:`contact_pose` lands the heel ``overstride_m`` ahead of the
    centre of mass: module 5's pose of the runner whose step module 6 computes (its ``overstride_m``).

    The overstride grows with the thigh angle (the heel swings forward with the leg), so the angle is
    found by bisection over the range :func:`contact_pose` takes, to 1e-9°.

    Parameters
    ----------
    overstride_m : float
        Heel ahead of the centre of mass at touchdown, −0.5 to 1 m.
    height_m, pelvic_tilt_deg, lumbar_compensation, trunk_lean_deg, knee_flexion_deg, mass_kg : float
        As for :func:`contact_pose`.

    Returns
    -------
    float
        Thigh angle from vertical, deg.

    Raises
    ------
    ValueError
        If no thigh angle from −10 to 60° reaches ``overstride_m`` with this pose (the message gives the
        overstrides that can be reached).
    """
    target = check_real(overstride_m, "overstride_m", "m", -0.5, 1.0, array=False)

    def reach(angle):
        return contact_pose(height_m, pelvic_tilt_deg, lumbar_compensation, trunk_lean_deg, angle, knee_flexion_deg,
                            mass_kg=mass_kg)["overstride_m"]

    lo, hi = -10.0, 60.0
    r_lo, r_hi = reach(lo), reach(hi)
    if not r_lo <= target <= r_hi:
        raise ValueError(f"overstride_m = {target:g} m cannot be reached with this pose: thigh angles from −10 to 60° "
                         f"land the heel {r_lo:.3f} to {r_hi:.3f} m ahead of the centre of mass")
    lo, hi = bisect(lambda angle: reach(angle) < target, lo, hi, 1e-9)
    return 0.5 * (lo + hi)


def pelvic_tilt_pose(height_m=RUNNER.height_m, pelvic_tilt_deg=0.0, lumbar_compensation=1.0, mass_kg=RUNNER.mass_kg):
    """The standing body with its pelvis tilted, in one call: its parts, the centre of mass and how far it moved.

    Parameters
    ----------
    height_m, pelvic_tilt_deg, lumbar_compensation, mass_kg : float
        As for :func:`standing_parts`.

    Returns
    -------
    dict
        ``points`` ((n, 2) centres of mass of the parts, m), ``masses`` ((n,) kg), ``com``
        and ``com_upright`` (whole body tilted and untilted, (2,) m), ``com_shift_m``
        (forward (+) and up, (2,) m), ``hip``, ``pelvis_top`` and ``shoulder`` ((2,) m:
        the lines drawn for the pelvis and the trunk).
    """
    parts = standing_parts(height_m, mass_kg, pelvic_tilt_deg, lumbar_compensation)
    points = np.array([p for p, _ in parts.values()])
    masses = np.array([m for _, m in parts.values()])
    com = center_of_mass(points, masses)
    upright = np.array(body_com(height_m, mass_kg=mass_kg))
    a = anthropometry(height_m, mass_kg)
    hip = np.array([0.0, a.ankle_height_m + a.shank_m + a.thigh_m])
    top = rotate_about(hip + [0.0, a.pelvis_m], hip, pelvic_tilt_deg)
    shoulder = rotate_about(hip + [0.0, a.trunk_m], hip, (1 - lumbar_compensation) * pelvic_tilt_deg)
    return PelvicTiltPose(points=points, masses=masses, com=com, com_upright=upright, com_shift_m=com - upright,
                          hip=hip, pelvis_top=top, shoulder=shoulder)
