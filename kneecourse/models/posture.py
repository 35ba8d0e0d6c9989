"""Quasi-static sagittal stick-figure body: joint moments in squats, steps and running.

The body is a chain of rigid segments (lengths from Drillis & Contini,
masses and centres of mass from Winter 2009 Table 4.1 [winter2009]) seen from
the right: x forward, y up, the stance foot flat on the ground with its ankle
above x = 0. Angles of segments are measured from the vertical, forward
positive:

* shank angle φs — forward tilt of the shin (forward knee travel),
* thigh angle φt = φs − knee flexion,
* trunk lean λ — forward tilt of the hip-to-shoulder line.

**Balance.** In the static postures the whole-body centre of mass must stand
over the centre of pressure (mid-foot); the trunk lean is solved to make that
true. When the learner leaves the shank angle free, the shin and the trunk
are kept parallel (a common coaching cue); "restrict knee travel" stops the
knee at the toes, as in Fry et al. 2003 [fry2003], and the trunk must lean
further to keep balance.

**Moments** are net internal joint moments of the stance leg found from the
external forces on the part of the body below the joint (ground reaction
force and segment weights): ankle plantarflexor, knee extensor and hip
extensor moments are positive.

**Running stance** is a snapshot: the ground-reaction force (given in body
weights) points from the centre of pressure through the centre of mass, and
the inertial (d'Alembert) force −m·a at the centre of mass closes the free
body.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..runner import RUNNER
from ..units import G, body_weight_n, to_body_weights
from ..validation import Limit, check, check_choice, check_flag, check_real
from .bisection import bisect
from .extensor import EXTENSOR_RANGE_DEG, quadriceps_force
from .segments import anthropometry
from .statics import cross_moment, moment_about

__all__ = ["POSTURES", "Posture", "posture", "knee_travel_comparison", "descent_knee_flexion", "STAIR_RISER_M",
           "STAIR_TREAD_M", "RUNNING_GRF_BW"]

#: The ground-reaction force the running stance posture is built for (the spring-mass runner's peaks are
#: 2–3.5 BW over the explorers' range).
RUNNING_GRF_BW = Limit("BW", 0.5, 5, "ground-reaction force of the running stance")
#: Postures with the swing leg's assumed pose (thigh angle, knee flexion), deg.
POSTURES = {
    "double_leg_squat": None,
    "single_leg_squat": (40.0, 30.0),
    "step_up": (-10.0, 30.0),
    "stair_descent": (20.0, 10.0),
    "running_stance": (10.0, 90.0),
}


@dataclass
class Posture:
    """Result of :func:`posture` (SI units, x forward, y up)."""

    kind: str
    joints: dict  # name -> (2,) m
    swing: dict  # name -> (2,) m, the non-stance leg (may be empty)
    com: np.ndarray  # (2,) m
    cop: np.ndarray  # (2,) m, centre of pressure of the stance foot(s)
    grf: np.ndarray  # (2,) N, on each stance foot
    moments: dict  # "ankle", "knee", "hip" -> N·m (net internal, per stance leg)
    moments_per_kg: dict
    quadriceps_force_n: float
    quadriceps_force_bw: float
    knee_flexion_deg: float
    shank_angle_deg: float
    trunk_lean_deg: float
    mass_kg: float
    load_kg: float
    forces: list = field(default_factory=list)  # (point, force, label) for the free-body check

    def moment_arms(self) -> dict:
        """Perpendicular distance (m) from each stance-leg joint to the GRF line."""
        f = self.grf
        mag = float(np.hypot(*f))
        return {j: abs(moment_about(self.cop, f, self.joints[j])) / mag for j in ("ankle", "knee", "hip")}


def _unit(angle_deg):
    a = np.radians(angle_deg)
    return np.array([np.sin(a), np.cos(a)])


def _leg(hip, thigh_angle, knee_flexion, a):
    """Joints of a leg hanging from ``hip`` (used for the swing leg)."""
    knee = hip - a.thigh_m * _unit(thigh_angle)
    shank_angle = thigh_angle - knee_flexion  # shank tilt of a hanging leg
    ankle = knee - a.shank_m * _unit(shank_angle)
    toe = ankle + np.array([0.75 * a.foot_m, -0.5 * a.ankle_height_m])
    return {"hip": hip, "knee": knee, "ankle": ankle, "toe": toe}


def _parts(a, joints, swing, load_kg, double):
    """Weights as (point, mass, label) of every part of the body and the load."""
    legs = 2 if double else 1
    m, c = a.masses, a.com_fractions
    ank, kne, hip, sho = joints["ankle"], joints["knee"], joints["hip"], joints["shoulder"]
    foot_com = ank + np.array([0.2 * a.foot_m, -0.5 * a.ankle_height_m])
    parts = [
        (foot_com, legs * m["foot"], "stance foot"),
        (kne + c["shank"] * (ank - kne), legs * m["shank"], "stance shank"),
        (hip + c["thigh"] * (kne - hip), legs * m["thigh"], "stance thigh"),
        (hip + c["hat"] * (sho - hip), m["hat"], "head, arms, trunk"),
    ]
    if swing:
        s = swing
        parts += [
            (s["ankle"] + np.array([0.2 * a.foot_m, -0.5 * a.ankle_height_m]), m["foot"], "swing foot"),
            (s["knee"] + c["shank"] * (s["ankle"] - s["knee"]), m["shank"], "swing shank"),
            (s["hip"] + c["thigh"] * (s["knee"] - s["hip"]), m["thigh"], "swing thigh"),
        ]
    if load_kg > 0:
        parts.append((sho.copy(), load_kg, "load"))
    return parts


def _stance_joints(a, knee_flexion, shank_angle, trunk_lean):
    ankle = np.array([0.0, a.ankle_height_m])
    knee = ankle + a.shank_m * _unit(shank_angle)
    hip = knee + a.thigh_m * _unit(shank_angle - knee_flexion)
    shoulder = hip + a.trunk_m * _unit(trunk_lean)
    head = shoulder + a.head_neck_m * _unit(trunk_lean)
    return {
        "heel": np.array([-0.25 * a.foot_m, 0.0]),
        "toe": np.array([0.75 * a.foot_m, 0.0]),
        "ankle": ankle, "knee": knee, "hip": hip, "shoulder": shoulder, "head": head,
    }


def _com(parts):
    pts = np.array([p for p, _, _ in parts])
    ms = np.array([m for _, m, _ in parts])
    return (ms[:, None] * pts).sum(0) / ms.sum(), ms.sum()


def _balance_lean(a, kind, knee_flexion, shank_angle, load_kg, cop_x):
    """Trunk lean (deg) that puts the whole-body COM over ``cop_x`` (closed form)."""
    double = kind == "double_leg_squat"
    j = _stance_joints(a, knee_flexion, shank_angle, 0.0)
    swing = _swing(a, kind, j["hip"])
    parts = _parts(a, j, swing, load_kg, double)
    total = sum(m for _, m, _ in parts)
    upper = {"head, arms, trunk", "load"}
    lower_moment = sum(m * p[0] for p, m, lab in parts if lab not in upper)
    upper_mass = sum(m for _, m, lab in parts if lab in upper)
    lever = a.masses["hat"] * a.com_fractions["hat"] * a.trunk_m + load_kg * a.trunk_m
    s = (cop_x * total - lower_moment - upper_mass * j["hip"][0]) / lever
    if not -np.sin(np.radians(20)) <= s <= np.sin(np.radians(80)):
        raise ValueError(
            f"no balanced {kind.replace('_', ' ')} with knee_flexion_deg = {knee_flexion:g} deg and "
            f"shank_angle_deg = {shank_angle:g} deg: the trunk would have to lean beyond -20..80 deg; "
            "change the shank angle or the knee flexion"
        )
    return float(np.degrees(np.arcsin(s)))


#: A building-code stair: riser at most 7 in (178 mm), tread at least 11 in (279 mm) (IBC 2018 §1011.5.2 [icc2018]).
STAIR_RISER_M = 0.178
STAIR_TREAD_M = 0.279
#: Stair descent, step over step: the lead leg reaches for the step below nearly straight (knee 10°) and lands
#: toe first, the foot plantarflexed 20° (assumptions; its ball lands half a tread past the nosing, the support
#: foot's toes at the nosing).
DESCENT_LEAD_KNEE_DEG = 10.0
DESCENT_LEAD_PLANTARFLEXION_DEG = 20.0


def _descent_ankle(a):
    """Where the lead ankle is when its forefoot touches the step below (x forward, y up, support sole at 0)."""
    ball = np.array([0.75 * a.foot_m + 0.5 * STAIR_TREAD_M, -STAIR_RISER_M])
    p = np.radians(DESCENT_LEAD_PLANTARFLEXION_DEG)
    return ball + np.array([-0.75 * a.foot_m * np.cos(p) + a.ankle_height_m * np.sin(p),
                            0.75 * a.foot_m * np.sin(p) + a.ankle_height_m * np.cos(p)])


def _reaching_leg(hip, target, a):
    """A leg from ``hip`` towards the ankle point ``target``, knee forward: bent to reach it exactly if it can,
    straight along the line to it if it is too far."""
    chord = target - hip
    d = float(np.hypot(*chord))
    u = chord / d
    lt, ls = a.thigh_m, a.shank_m
    c = np.clip((lt**2 + d**2 - ls**2) / (2 * lt * d), -1.0, 1.0)
    # the thigh turns forward of the hip-ankle line by the triangle's angle at the hip (0 when straight)
    g = -np.arccos(c) if d < lt + ls else 0.0
    rot = np.array([[np.cos(g), -np.sin(g)], [np.sin(g), np.cos(g)]])
    knee = hip + lt * (rot @ u)
    ankle = knee + ls * (target - knee) / np.hypot(*(target - knee)) if d < lt + ls else hip + (lt + ls) * u
    toe = ankle + np.array([0.75 * a.foot_m, -0.5 * a.ankle_height_m])
    return {"hip": hip, "knee": knee, "ankle": ankle, "toe": toe}


def _swing(a, kind, hip):
    if kind == "stair_descent":
        return _reaching_leg(hip, _descent_ankle(a), a)
    pose = POSTURES[kind]
    return {} if pose is None else _leg(hip, pose[0], pose[1], a)


def descent_knee_flexion(height_m=RUNNER.height_m, mass_kg=RUNNER.mass_kg):
    """Support-knee flexion (deg) at which the lead foot reaches the step below in step-over-step descent.

    The support leg lowers the body (balanced over its mid-foot, trunk parallel to the shin, as in every
    static posture here) until the lead leg, nearly straight (:data:`DESCENT_LEAD_KNEE_DEG`), touches the
    next tread toe first (:data:`STAIR_RISER_M`, :data:`STAIR_TREAD_M`): the lowest point of the support
    leg's stance, where its knee extensor moment peaks before the weight passes to the lead leg.

    Parameters
    ----------
    height_m, mass_kg : float
        Body size (1.2–2.2 m, 30–200 kg).

    Returns
    -------
    float
        Knee flexion, deg.
    """
    a = anthropometry(height_m, mass_kg)
    reach = np.sqrt(a.thigh_m**2 + a.shank_m**2 + 2 * a.thigh_m * a.shank_m * np.cos(np.radians(DESCENT_LEAD_KNEE_DEG)))
    target = _descent_ankle(a)

    def gap(theta):  # distance left between the lead ankle's reach and the step below
        phi = _free_shank(a, "stair_descent", theta, 0.0, 0.25 * a.foot_m)
        hip = _stance_joints(a, theta, phi, phi)["hip"]
        return float(np.hypot(*(target - hip))) - reach

    lo, hi = 5.0, 110.0
    if gap(lo) <= 0 or gap(hi) >= 0:  # pragma: no cover - the stair fits every body size the checks allow
        raise ValueError(f"height_m = {height_m:g} m: the lead foot cannot reach a {STAIR_RISER_M * 1000:.0f} mm step")
    lo, hi = bisect(lambda theta: gap(theta) > 0, lo, hi, 1e-6)
    return 0.5 * (lo + hi)


def _free_shank(a, kind, knee_flexion, load_kg, cop_x):
    """Shank angle with the trunk parallel to the shin and the body balanced."""
    def residual(phi):
        lean = phi
        j = _stance_joints(a, knee_flexion, phi, lean)
        com, _ = _com(_parts(a, j, _swing(a, kind, j["hip"]), load_kg, kind == "double_leg_squat"))
        return com[0] - cop_x

    lo, hi = 0.0, 60.0
    flo, fhi = residual(lo), residual(hi)
    if flo > 0:
        return 0.0  # already balanced with a vertical shin (shallow postures)
    if fhi < 0:
        raise ValueError(
            f"knee_flexion_deg = {knee_flexion:g} deg: no shank angle up to 60 deg balances the body "
            "with the trunk parallel to the shin; give shank_angle_deg explicitly"
        )
    # regula falsi with the Illinois modification: the residual is smooth and increasing in the
    # shank angle, so this brackets the root like bisection but needs ~6 evaluations, not 40
    side = 0
    for _ in range(60):
        mid = (lo * fhi - hi * flo) / (fhi - flo)
        fm = residual(mid)
        if abs(fm) < 1e-10 or hi - lo < 1e-9:
            return mid
        if fm > 0:
            hi, fhi = mid, fm
            if side == -1:
                flo /= 2
            side = -1
        else:
            lo, flo = mid, fm
            if side == 1:
                fhi /= 2
            side = 1
    return mid


def posture(kind="double_leg_squat", knee_flexion_deg=90.0, shank_angle_deg=None, *,
            restrict_knee_travel=False, load_kg=0.0, height_m=RUNNER.height_m, mass_kg=RUNNER.mass_kg,
            trunk_lean_deg=10.0, grf_bw=2.5):
    """Pose the stick figure and compute its joint moments.

    Parameters
    ----------
    kind : str
        One of :data:`POSTURES`.
    knee_flexion_deg : float
        Stance-knee flexion, 0–120°.
    shank_angle_deg : float, optional
        Forward tilt of the stance shin, −10 to 60°. ``None`` (default):
        shin and trunk parallel, solved for balance.
    restrict_knee_travel : bool
        Stop the knee at the toes (``knee x ≤ toe x``).
    load_kg : float
        Load held at the shoulders (bar), 0–200 kg.
    height_m, mass_kg : float
        Body size (1.2–2.2 m, 30–200 kg).
    trunk_lean_deg : float
        Running stance only: trunk lean, −20 to 60°.
    grf_bw : float
        Running stance only: ground-reaction force, 0.5–5 BW.

    Returns
    -------
    Posture
    """
    kind = check_choice(kind, "kind", POSTURES)
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", *EXTENSOR_RANGE_DEG, array=False)
    restrict = check_flag(restrict_knee_travel, "restrict_knee_travel")
    load = check_real(load_kg, "load_kg", "kg", 0, 200, array=False)
    a = anthropometry(height_m, mass_kg)
    cop = np.array([0.25 * a.foot_m, 0.0])  # mid-foot
    running = kind == "running_stance"
    if shank_angle_deg is None:
        phi = 0.6 * theta if running else _free_shank(a, kind, theta, load, cop[0])
    else:
        phi = check_real(shank_angle_deg, "shank_angle_deg", "deg", -10, 60, array=False)
    if restrict:
        limit = float(np.degrees(np.arcsin(min(1.0, 0.75 * a.foot_m / a.shank_m))))
        phi = min(phi, limit)
    if running:
        lean = check(trunk_lean_deg, "trunk_lean_deg", array=False)
        grf_mag = check(grf_bw, "grf_bw", array=False, limit=RUNNING_GRF_BW)
    else:
        lean = _balance_lean(a, kind, theta, phi, load, cop[0])
    joints = _stance_joints(a, theta, phi, lean)
    swing = _swing(a, kind, joints["hip"])
    double = kind == "double_leg_squat"
    parts = _parts(a, joints, swing, load, double)
    com, total = _com(parts)
    weight = total * G
    forces = [(p, np.array([0.0, -m * G]), lab) for p, m, lab in parts]
    if running:
        d = (com - cop) / np.hypot(*(com - cop))
        grf_each = grf_mag * body_weight_n(a.mass_kg) * d
        grf_total = grf_each
        inertial = -(grf_total + np.array([0.0, -weight]))
        forces.append((com, inertial, "inertia (d'Alembert)"))
    else:
        grf_total = np.array([0.0, weight])
        grf_each = grf_total / (2 if double else 1)
    for _ in range(2 if double else 1):
        forces.append((cop, grf_each, "ground reaction"))
    # net internal moments of the stance leg from the forces below each joint
    per_leg = 2 if double else 1
    foot = [(parts[0][0], parts[0][1] / per_leg * G)]
    shank = [(parts[1][0], parts[1][1] / per_leg * G)]
    thigh = [(parts[2][0], parts[2][1] / per_leg * G)]

    def cross_sum(items, about):
        total_m = float(cross_moment(cop, grf_each, about))
        for p, w in items:
            total_m -= float(p[0] - about[0]) * w  # a weight (0, −w) at p
        return total_m

    moments = {
        "ankle": cross_sum(foot, joints["ankle"]),
        "knee": -cross_sum(foot + shank, joints["knee"]),
        "hip": cross_sum(foot + shank + thigh, joints["hip"]),
    }
    mk = max(moments["knee"], 0.0)
    fq = float(quadriceps_force(min(mk, 1000.0), theta))
    return Posture(
        kind=kind, joints=joints, swing=swing, com=com, cop=cop, grf=grf_each,
        moments=moments, moments_per_kg={k: v / a.mass_kg for k, v in moments.items()},
        quadriceps_force_n=fq, quadriceps_force_bw=to_body_weights(fq, a.mass_kg),
        knee_flexion_deg=theta, shank_angle_deg=float(phi), trunk_lean_deg=float(lean),
        mass_kg=a.mass_kg, load_kg=load, forces=forces,
    )


def knee_travel_comparison(kind="double_leg_squat", knee_flexion_deg=90.0, **kwargs):
    """The same squat depth with forward knee travel free vs restricted at the toes.

    Returns
    -------
    dict
        ``free`` and ``restricted`` :class:`Posture` objects, and
        ``knee_change`` / ``hip_change`` — relative change of the knee and hip
        moments when the knee is held back (restricted / free − 1).
    """
    free = posture(kind, knee_flexion_deg, restrict_knee_travel=False, **kwargs)
    held = posture(kind, knee_flexion_deg, restrict_knee_travel=True, **kwargs)
    return {
        "free": free,
        "restricted": held,
        "knee_change": held.moments["knee"] / free.moments["knee"] - 1,
        "hip_change": held.moments["hip"] / free.moments["hip"] - 1,
    }
