"""Running as a spring: the planar spring-mass (SLIP) model and its periodic running step.

What the step means for the knee is :mod:`.running_step`.

The body is a point mass on a massless spring leg (McMahon & Cheng 1990
[mcmahon1990]). During stance the foot is pinned at the origin and

``m·a = k·(L0 − r)·r̂ − m·g·ŷ``,  ``r = |(x, y)|``,

which conserves ``½·m·|v|² + m·g·y + ½·k·(L0 − r)²``. Lift-off is the event
``r = L0`` while the leg lengthens.

**Closing the periodic gait.** At a given speed and step rate a whole family
of (leg stiffness, touchdown angle) pairs gives a periodic gait, so one more
assumption is needed. This module takes the leg stiffness from the step rate
*relative to the rate the runner would choose at that speed*:

``k = K_ref·(m·g/L0)·(step rate / preferred rate(speed))^1.39``

* At the preferred rate the leg stiffness does not change with speed: force-platform
  studies find it "nearly the same at all speeds", faster running coming from a
  larger sweep of the leg (Farley & Gonzalez 1996 [farley1996], citing He, Kram &
  McMahon 1991 and Farley, Glasheen & McMahon 1993). ``K_ref = 15`` is the
  dimensionless stiffness McMahon & Cheng found to fit human running [mcmahon1990].
* Away from it the stiffness follows the step rate: Farley & Gonzalez's runners, all
  at 2.5 m/s, went from 7.0 to 16.3 kN/m as step frequency went from −26% to +36%
  of preferred, hence the exponent ``ln(16.3/7.0)/ln(1.36/0.74) = 1.39``.
* The preferred rate rises slowly with speed, ``170·(v/3.3)^0.24`` steps/min: 170
  steps/min at 3.3 m/s is the course's reference runner, and the exponent is
  ``ln 1.10 / ln(5.2/3.5)`` from Dorn, Schache & Pandy 2012 [dorn2012], whose runners'
  stride frequency rose 10% from 3.5 to 5.2 m/s (:func:`preferred_step_rate`).

(Taking the stiffness from the absolute step rate instead, as an earlier version
did, stiffens the leg with speed against the first point, and from 3 to 5 m/s
made the stance-averaged force climb more than twice as fast as Weyand & Davis
2005 measured.) The learner can override ``leg_stiffness_n_per_m``.

**Overstride** is one quantity in the whole course: the horizontal distance
from the body's centre of mass to the heel (the first point of contact) at
touchdown (module 5's :func:`~kneecourse.models.pelvis.contact_pose` uses the
same). The spring-mass leg ends at the centre of pressure, which in real
stance rolls from the heel to the toes over about one foot length; the
model's fixed foot point stands for the middle of that roll, so the heel
lands half a foot length closer than the spring leg's foot point:
``overstride = L0·sin(touchdown angle) − foot length / 2``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..runner import RUNNER
from ..units import G, to_body_weights
from ..validation import Limit, check, check_choice, check_real
from . import periodic_gait as pg
from ._result import ModelResult
from .bisection import bisect
from .segments import proportions

__all__ = [
    "slip_stance",
    "spring_step",
    "morin_stiffness",
    "leg_geometry",
    "default_leg_stiffness",
    "K_REFERENCE",
    "CONTACT_KNEE_FLEXION_DEG",
    "STEP_RATE_SPEED_EXPONENT",
    "preferred_step_rate",
    "STIFFNESS_EXPONENT",
    "TABLE_TOLERANCE",
    "STANCE_STEPS",
    "GAIT_LIMITS",
    "STANCE_SPEED",
    "SCOPES",
    "SpringStep",
]

#: Dimensionless leg stiffness at the reference step rate (McMahon & Cheng 1990).
K_REFERENCE = 15.0
#: Preferred step rate ∝ speed^0.24: ln 1.10 / ln(5.2/3.5), Dorn, Schache & Pandy 2012 (stride frequency +10%
#: from 3.5 to 5.2 m/s).
STEP_RATE_SPEED_EXPONENT = math.log(1.10) / math.log(5.2 / 3.5)
#: ln(16.3/7.0) / ln(1.36/0.74), from Farley & Gonzalez 1996.
STIFFNESS_EXPONENT = math.log(16.3 / 7.0) / math.log(1.36 / 0.74)
#: Knee flexion at touchdown (deg), the default for the spring leg and module 5's touchdown pose.
CONTACT_KNEE_FLEXION_DEG = 20.0
#: Where :func:`spring_step` solves the periodic gait, narrower than any running (``validation.LIMITS``): the
#: table of periodic gaits and the checks against published step-rate studies span these speeds and rates.
GAIT_LIMITS = {
    "speed_m_s": Limit("m/s", 1.5, 7, "speed of the periodic spring-mass gait"),
    "step_rate_spm": Limit("steps/min", 120, 230, "step rate of the periodic spring-mass gait"),
}
#: One stance of :func:`slip_stance` may start slower than running: the horizontal speed at touchdown.
STANCE_SPEED = Limit("m/s", 0.5, 12, "horizontal speed at touchdown")
#: The inputs of this module's functions whose range is not the one of ``validation.LIMITS``: function -> {name:
#: limit}. The fuzz tests read it.
SCOPES = {"spring_step": GAIT_LIMITS, "slip_stance": {"speed_m_s": STANCE_SPEED}}


# ---------------------------------------------------------------------------
# stance dynamics
def _leg_units(L0):
    """Time (s) and velocity (m/s) units of a leg of rest length L0: sqrt(L0/g) and sqrt(g·L0)."""
    return math.sqrt(L0 / G), math.sqrt(G * L0)


def _leg_force(k, L0, x, y):
    """Leg length (m) and ground-reaction force components (N) with the mass at (x, y) from the foot.

    The spring pushes along the leg with ``k·(L0 − r)``; it cannot pull.
    """
    r = np.hypot(x, y)
    force = np.maximum(k * (L0 - r), 0.0)
    return r, force * x / r, force * y / r


#: RK4 steps of :func:`slip_stance` per time unit of the leg's own bounce, ``π/sqrt(K)`` in the leg's units
#: (about a contact time): 1,000 keep the energy to 1e-10 of itself over a stance.
STANCE_STEPS = 1000


def slip_stance(mass_kg, leg_length_m, leg_stiffness_n_per_m, speed_m_s, touchdown_angle_deg,
                vertical_velocity_m_s=0.0, *, n_points=200, steps=STANCE_STEPS):
    """Stance phase of the spring-mass runner, integrated step by step (RK4) to lift-off.

    The course's own Runge-Kutta step (:mod:`.periodic_gait`, checked there against scipy's DOP853), with
    lift-off found inside the last step on the cubic Hermite interpolant; the returned samples are read
    off that interpolant too. (No scipy in a learner's kernel: it would cost each kernel 24 MB.)

    Parameters
    ----------
    mass_kg : float
        30–200 kg.
    leg_length_m : float
        Rest length of the spring leg, 0.5–1.3 m.
    leg_stiffness_n_per_m : float
        1,000–100,000 N/m.
    speed_m_s : float
        Horizontal velocity at touchdown, 0.5–12 m/s.
    touchdown_angle_deg : float
        Leg angle from vertical at touchdown (foot ahead of the mass), 1–60°.
    vertical_velocity_m_s : float, optional
        Vertical velocity at touchdown (downward negative), −5 to 0 m/s.
    n_points : int
        Samples of the returned trajectory, 2–100000.
    steps : int
        RK4 steps per ``π·sqrt(m/k)`` of stance (the leg's bounce time), 100–100000.

    Returns
    -------
    dict
        ``t_s``, ``x_m``, ``y_m`` (centre of mass relative to the foot),
        ``vx_m_s``, ``vy_m_s``, ``grf_x_n``, ``grf_y_n``, ``leg_length_m``,
        ``energy_j`` (arrays), and the summary ``contact_time_s``,
        ``peak_vgrf_n``, ``com_drop_m`` (touchdown height − lowest point),
        ``leg_compression_m``, ``takeoff_velocity_m_s`` (vx, vy),
        ``lifted_off`` (False if the mass fell to the ground first).
    """
    m = check(mass_kg, "mass_kg", array=False)
    L0 = check(leg_length_m, "leg_length_m", array=False)
    k = check_real(leg_stiffness_n_per_m, "leg_stiffness_n_per_m", "N/m", 1e3, 1e5, array=False)
    v = check(speed_m_s, "speed_m_s", array=False, limit=STANCE_SPEED)
    a = math.radians(check_real(touchdown_angle_deg, "touchdown_angle_deg", "deg", 1, 60, array=False))
    vy0 = check_real(vertical_velocity_m_s, "vertical_velocity_m_s", "m/s", -5, 0, array=False)
    n = _whole(n_points, "n_points", "points", 2, 100_000)
    per_bounce = _whole(steps, "steps", "steps", 100, 100_000)
    # integrate in the leg's units (periodic_gait): length L0, time sqrt(L0/g), stiffness K
    K = k * L0 / (m * G)
    ts, vs = _leg_units(L0)
    h = math.pi / math.sqrt(K) / per_bounce
    state = (-math.sin(a), math.cos(a), v / vs, vy0 / vs)
    states, times, lifted = [state], [0.0], False
    # a stance lasts about one bounce (a flat, fast one longer): 20 bounces is a bound never reached by a gait
    for i in range(20 * per_bounce):
        new = pg._rk4(state, h, K)
        if new[1] <= 0.0:  # the mass reached the ground first: stop where it does (to the step's accuracy)
            ends, at = np.array([state, new]), np.array([0.0, h])
            # on the interpolant's height: 40 halvings reach 1e-12 of the step
            _, hi = bisect(lambda t, ends=ends, at=at: _hermite_samples(ends, at, np.array([t]), K)[1, 0] > 0,
                           0.0, h, h * 2.0**-40)
            states.append(tuple(float(c) for c in _hermite_samples(ends, at, np.array([hi]), K)[:, 0]))
            times.append(times[-1] + hi)
            break
        if i > 0 and new[0] * new[0] + new[1] * new[1] >= 1.0:
            u, new = pg._lift_off(state, new, h, K)
            states.append(tuple(float(c) for c in new))
            times.append(times[-1] + u * h)
            lifted = True
            break
        states.append(new)
        times.append(times[-1] + h)
        state = new
    S, T = np.array(states), np.array(times)
    t = np.linspace(0.0, T[-1], n)
    x, y, vx, vy = _hermite_samples(S, T, t, K) * np.array([[L0], [L0], [vs], [vs]])
    t = t * ts
    r, grf_x, grf_y = _leg_force(k, L0, x, y)
    energy = 0.5 * m * (vx**2 + vy**2) + m * G * y + 0.5 * k * (L0 - r) ** 2
    return {
        "t_s": t, "x_m": x, "y_m": y, "vx_m_s": vx, "vy_m_s": vy,
        "grf_x_n": grf_x, "grf_y_n": grf_y, "leg_length_m": r, "energy_j": energy,
        "contact_time_s": float(t[-1]),
        "peak_vgrf_n": float(grf_y.max()),
        "com_drop_m": float(y[0] - y.min()),
        "leg_compression_m": float(L0 - r.min()),
        "takeoff_velocity_m_s": (float(vx[-1]), float(vy[-1])),
        "lifted_off": lifted,
    }


def _whole(value, name, unit, lo, hi):
    """A whole number in [lo, hi], checked like every other input."""
    x = check_real(value, name, unit, lo, hi, array=False)
    if x != int(x):
        raise TypeError(f"{name} must be a whole number of {unit}, got {value!r}; allowed: {lo} to {hi}")
    return int(x)


def _hermite_samples(S, T, t, K):
    """The state at times ``t`` on the cubic Hermite interpolant of RK4 states ``S`` (n, 4) at times ``T``."""
    F = np.array(pg._rhs(*S.T, K)).T
    i = np.clip(np.searchsorted(T, t, side="right") - 1, 0, len(T) - 2)
    h = T[i + 1] - T[i]
    u = np.where(h > 0, (t - T[i]) / np.where(h > 0, h, 1.0), 0.0)
    w = pg._hermite_weights(u, h)
    return (w[0][:, None] * S[i] + w[1][:, None] * F[i] + w[2][:, None] * S[i + 1] + w[3][:, None] * F[i + 1]).T


# ---------------------------------------------------------------------------
# leg geometry and the knee
@dataclass(frozen=True, kw_only=True, eq=False)
class SpringStep(ModelResult):
    """One periodic spring-mass running step (:func:`spring_step`); every field is in the unit its name says."""

    contact_time_s: float
    flight_time_s: float
    leg_stiffness_n_per_m: float
    touchdown_angle_deg: float
    peak_vgrf_n: float
    peak_vgrf_bw: float
    overstride_m: float
    foot_point_ahead_m: float
    com_drop_m: float
    leg_compression_m: float
    step_length_m: float
    leg_length_m: float
    preferred_step_rate_spm: float
    #: (forward, vertical) centre-of-mass velocity at touchdown, m/s
    touchdown_velocity_m_s: tuple
    #: (height m, forward velocity m/s) of the centre of mass at mid-stance
    mid_stance: tuple
    #: ``"newton"`` or ``"table"``
    solved_by: str
    #: the whole stance sampled (with ``n_points``): ``t_s``, ``x_m``, ``y_m``, ``vx_m_s``, ``vy_m_s``, ``grf_x_n``,
    #: ``grf_y_n``, ``grf_y_bw``
    trajectory: dict | None = None


@dataclass(frozen=True)
class LegGeometry:
    thigh_m: float
    shank_m: float  # knee to ground (shank + foot height)
    rest_length_m: float
    contact_knee_flexion_deg: float
    foot_m: float  # heel to toe


def leg_geometry(height_m=RUNNER.height_m, contact_knee_flexion_deg=CONTACT_KNEE_FLEXION_DEG) -> LegGeometry:
    """Thigh and shank(+foot) lengths from Drillis & Contini and the spring rest length.

    ``L0 = sqrt(Lt² + Ls² + 2·Lt·Ls·cos θc)`` with θc the knee flexion at contact.
    """
    h = check(height_m, "height_m", array=False)
    tc = check_real(contact_knee_flexion_deg, "contact_knee_flexion_deg", "deg", 0, 45, array=False)
    p = proportions()
    lt, ls = p["thigh"] * h, p["knee"] * h
    L0 = math.sqrt(lt**2 + ls**2 + 2 * lt * ls * math.cos(math.radians(tc)))
    return LegGeometry(lt, ls, L0, tc, p["foot"] * h)


def preferred_step_rate(speed_m_s):
    """The step rate (steps/min) a runner chooses at a speed: ``170·(v/3.3)^0.24`` (see the module notes).

    Parameters
    ----------
    speed_m_s : float or array_like
        Running speed, 1–12 m/s.
    """
    return _preferred_step_rate(check(speed_m_s, "speed_m_s"))


def _preferred_step_rate(v):
    # anchored at the reference runner's own rate at its speed (170 steps/min at 3.3 m/s)
    return RUNNER.step_rate_spm * (v / RUNNER.speed_m_s) ** STEP_RATE_SPEED_EXPONENT


def default_leg_stiffness(mass_kg, leg_length_m, step_rate_spm, speed_m_s):
    """Leg stiffness (N/m) assumed for a step rate at a speed (see the module notes).

    ``k = K_ref·(m·g/L0)·(step rate / preferred rate(speed))^1.39`` with ``K_ref = 15``.

    Parameters
    ----------
    mass_kg : float or array_like
        30–200 kg.
    leg_length_m : float or array_like
        Rest length of the spring leg, 0.5–1.3 m.
    step_rate_spm : float or array_like
        100–260 steps/min.
    speed_m_s : float or array_like
        1–12 m/s (sets the preferred step rate, :func:`preferred_step_rate`).
    """
    return _default_leg_stiffness(check(mass_kg, "mass_kg"), check(leg_length_m, "leg_length_m"),
                                  check(step_rate_spm, "step_rate_spm"), check(speed_m_s, "speed_m_s"))


def _default_leg_stiffness(m, L0, f, v):
    return K_REFERENCE * m * G / L0 * (f / _preferred_step_rate(v)) ** STIFFNESS_EXPONENT


# ---------------------------------------------------------------------------
# the periodic gait
#: Largest periodicity error accepted from the table, in the leg's units (3e-5 of the leg length is
#: 0.03 mm for a 0.91 m leg, 3e-5 of sqrt(L0/g) is 0.01 ms); beyond it the gait is solved. Over 592
#: random explorer settings the table served 589, with contact and flight times within 0.05 ms.
TABLE_TOLERANCE = 3e-5
#: RK4 steps over a half stance when a table gait is checked and no n_points asks for more.
HALF_SAMPLES = 30


def _solved_gait(V, T, K, guess):
    """The periodic gait by Newton's method, seeded from the table when it covers (V, T, K)."""
    if guess is None:
        hit = pg.lookup(V, T, K)
        guess = (hit["y_mid"], hit["v_mid"]) if hit else None
    sol = pg.solve_periodic(V, T, K, guess)
    if not np.isfinite(sol[0]) and guess is not None:
        sol = pg.solve_periodic(V, T, K)  # the seed led nowhere: start from the plain guess
    if not np.isfinite(sol[0]):
        return None
    return dict(zip(("y_mid", "v_mid", "t_half", "x_off", "y_off", "vx_off", "vy_off"), (float(q) for q in sol)))


def _table_gait(V, T, K, n_half):
    """The periodic gait read from the table and checked: integrate its stance, it must repeat.

    Returns (gait, samples), or (None, None) when the table does not cover the
    point or its gait misses periodicity by more than :data:`TABLE_TOLERANCE`.
    """
    hit = pg.lookup(V, T, K)
    if hit is None:
        return None, None
    error, samples = pg.periodicity_error(V, T, K, hit["y_mid"], hit["v_mid"], hit["t_half"], n_half)
    if error > TABLE_TOLERANCE:
        return None, None
    _, x, y, vx, vy = (float(q) for q in samples[:, -1])
    gait = {"y_mid": hit["y_mid"], "v_mid": hit["v_mid"], "t_half": hit["t_half"],
            "x_off": x, "y_off": y, "vx_off": vx, "vy_off": vy}
    return gait, samples


def _whole_stance(samples, k, L0):
    """Mirror a mid-stance-to-lift-off sampling into the whole stance, in SI units."""
    ts, vs = _leg_units(L0)
    t, x, y, vx, vy = samples
    th = t[-1]
    t = np.concatenate([th - t[:0:-1], th + t]) * ts
    x = np.concatenate([-x[:0:-1], x]) * L0
    y = np.concatenate([y[:0:-1], y]) * L0
    vx = np.concatenate([vx[:0:-1], vx]) * vs
    vy = np.concatenate([-vy[:0:-1], vy]) * vs
    _, grf_x, grf_y = _leg_force(k, L0, x, y)
    return {"t_s": t, "x_m": x, "y_m": y, "vx_m_s": vx, "vy_m_s": vy, "grf_x_n": grf_x, "grf_y_n": grf_y}


def spring_step(mass_kg=RUNNER.mass_kg, height_m=RUNNER.height_m, speed_m_s=RUNNER.speed_m_s,
                step_rate_spm=RUNNER.step_rate_spm, *, leg_stiffness_n_per_m=None, stiffness_scale=1.0,
                contact_knee_flexion_deg=CONTACT_KNEE_FLEXION_DEG, solver="newton", n_points=0, _guess=None):
    """The periodic, symmetric spring-mass running step at a speed and step rate: the gait alone.

    :func:`~kneecourse.models.running_step.run_step` adds what the step means for the knee.

    Parameters
    ----------
    mass_kg : float
        30–200 kg.
    height_m : float
        1.2–2.2 m (sets the leg: :func:`leg_geometry`).
    speed_m_s : float
        Running speed, 1.5–7 m/s.
    step_rate_spm : float
        Steps per minute (cadence), 120–230.
    leg_stiffness_n_per_m : float, optional
        Override the assumed stiffness (:func:`default_leg_stiffness`), 3–100 kN/m.
    stiffness_scale : float, optional
        Multiplies the leg stiffness (assumed or given), 0.5–2 (default 1).
    contact_knee_flexion_deg : float, optional
        Knee flexion at touchdown, 0–45° (sets the leg's rest length).
    solver : {"newton", "table"}
        ``"newton"`` (default) solves the periodic gait to 1e-11
        (:func:`~kneecourse.models.periodic_gait.solve_periodic`, a few ms).
        ``"table"`` interpolates the precomputed gaits and integrates the
        stance from there (under 1 ms, for sliders); if that stance misses
        periodicity by more than :data:`TABLE_TOLERANCE` (in the leg's units)
        or the table does not cover the inputs, it solves instead.
    n_points : int, optional
        If given (odd, 3–2001), also return the whole stance sampled at
        ``n_points`` equally spaced instants as ``trajectory``.

    Returns
    -------
    dict
        ``contact_time_s``, ``flight_time_s``, ``leg_stiffness_n_per_m``,
        ``touchdown_angle_deg``, ``peak_vgrf_n``, ``peak_vgrf_bw``,
        ``overstride_m`` (heel ahead of the centre of mass at touchdown, see
        the module notes), ``foot_point_ahead_m`` (the spring leg's foot point
        ahead of the centre of mass at touchdown), ``com_drop_m``,
        ``leg_compression_m``, ``step_length_m``, ``leg_length_m``,
        ``preferred_step_rate_spm`` (the rate a runner chooses at this speed, which the assumed stiffness is
        taken relative to: :func:`preferred_step_rate`), ``touchdown_velocity_m_s``, ``mid_stance`` (height m,
        forward velocity m/s), ``solved_by`` (``"newton"`` or ``"table"``) and, with
        ``n_points``, ``trajectory``: ``t_s`` (from touchdown), ``x_m``,
        ``y_m`` (centre of mass from the foot), ``vx_m_s``, ``vy_m_s``,
        ``grf_x_n``, ``grf_y_n`` and ``grf_y_bw`` (the vertical force in body weights).

    Raises
    ------
    ValueError
        If no periodic gait with a flight phase exists for these inputs (the
        message says which input to change), or for bad inputs.
    """
    m = check(mass_kg, "mass_kg", array=False)
    v = check(speed_m_s, "speed_m_s", array=False, limit=GAIT_LIMITS["speed_m_s"])
    f = check(step_rate_spm, "step_rate_spm", array=False, limit=GAIT_LIMITS["step_rate_spm"])
    scale = check_real(stiffness_scale, "stiffness_scale", "", 0.5, 2, array=False)
    solver = check_choice(solver, "solver", ("newton", "table"))
    n_points = check_real(n_points, "n_points", "samples", 0, 2001, array=False)
    if n_points and (n_points != int(n_points) or n_points < 3 or n_points % 2 == 0):
        raise ValueError(f"n_points = {n_points:g} must be 0 (no trajectory) or an odd whole number from 3 to 2001")
    n_points = int(n_points)
    geo = leg_geometry(height_m, contact_knee_flexion_deg)
    L0 = geo.rest_length_m
    if leg_stiffness_n_per_m is None:
        k = float(_default_leg_stiffness(m, L0, f, v))  # inputs checked above: once per call
    else:
        k = check_real(leg_stiffness_n_per_m, "leg_stiffness_n_per_m", "N/m", 3e3, 1e5, array=False)
    k *= scale
    # the gait in the leg's units (periodic_gait): V, T and K fix it
    ts, vs = _leg_units(L0)
    V, T, K = v / vs, 60.0 / f / ts, k * L0 / (m * G)
    k_low, k_high = pg.LIMITS["K"]
    if not k_low <= K <= k_high:
        raise ValueError(
            f"leg_stiffness_n_per_m = {k:.0f} N/m gives a dimensionless stiffness k·L0/(m·g) = {K:.2g} for "
            f"mass_kg = {m:g} kg and height_m = {height_m:g} m; the spring-mass runner needs {k_low:g}–{k_high:g}"
        )
    n_half = n_points // 2 if n_points else HALF_SAMPLES
    gait, samples, solved_by = None, None, "table"
    if solver == "table":
        gait, samples = _table_gait(V, T, K, n_half)
    if gait is None:
        guess = None if _guess is None else (_guess[0] / L0, _guess[1] / vs)
        gait, solved_by = _solved_gait(V, T, K, guess), "newton"
    if gait is None or gait["vy_off"] <= 0:
        raise ValueError(
            f"no periodic spring-mass running gait with a flight phase at speed_m_s = {v:g} m/s, "
            f"step_rate_spm = {f:g} steps/min and leg stiffness {k:.0f} N/m: lower step_rate_spm, "
            "raise speed_m_s or give a stiffer leg (leg_stiffness_n_per_m)"
        )
    th = gait["t_half"] * ts
    x_to, y_to, y_mid = gait["x_off"] * L0, gait["y_off"] * L0, gait["y_mid"] * L0
    vx_to, vy_to = gait["vx_off"] * vs, gait["vy_off"] * vs
    tc, tf = 2 * th, 2 * vy_to / G
    alpha = math.degrees(math.asin(min(1.0, x_to / L0)))
    # peak force at mid-stance (maximum compression, by symmetry)
    f_peak = k * (L0 - y_mid)
    trajectory = None
    if n_points:
        if samples is None:
            samples = pg.stance_samples(gait["y_mid"], gait["v_mid"], K, gait["t_half"], n_half)
        trajectory = _whole_stance(samples, k, L0)
        trajectory["grf_y_bw"] = to_body_weights(trajectory["grf_y_n"], m)
    return SpringStep(
        contact_time_s=tc,
        flight_time_s=tf,
        leg_stiffness_n_per_m=k,
        touchdown_angle_deg=alpha,
        peak_vgrf_n=f_peak,
        peak_vgrf_bw=float(to_body_weights(f_peak, m)),
        overstride_m=x_to - 0.5 * geo.foot_m,
        foot_point_ahead_m=x_to,
        com_drop_m=y_to - y_mid,
        leg_compression_m=L0 - y_mid,
        step_length_m=v * 60.0 / f,
        leg_length_m=L0,
        preferred_step_rate_spm=float(_preferred_step_rate(v)),
        touchdown_velocity_m_s=(vx_to, -vy_to),
        mid_stance=(y_mid, gait["v_mid"] * vs),
        solved_by=solved_by,
        trajectory=trajectory,
    )


def morin_stiffness(mass_kg, contact_time_s, flight_time_s, speed_m_s, leg_length_m):
    """Leg and vertical stiffness from contact and flight times (Morin et al. 2005 [morin2005]).

    Sine-wave model of the vertical force:

    * ``Fmax = m·g·(π/2)·(tf/tc + 1)``
    * ``Δy = Fmax·tc²/(m·π²) − g·tc²/8``
    * ``ΔL = L − sqrt(L² − (v·tc/2)²) + Δy``
    * ``k_vert = Fmax/Δy``, ``k_leg = Fmax/ΔL``

    Parameters
    ----------
    mass_kg : float or array_like
        30–200 kg.
    contact_time_s, flight_time_s : float or array_like
        0.08–0.6 s and 0–0.4 s.
    speed_m_s : float or array_like
        1–12 m/s.
    leg_length_m : float or array_like
        Trochanter height, 0.5–1.3 m (Morin uses 0.53 × height).

    Returns
    -------
    dict
        ``peak_force_n``, ``com_drop_m``, ``leg_compression_m``,
        ``vertical_stiffness_n_per_m``, ``leg_stiffness_n_per_m``.
    """
    m = check(mass_kg, "mass_kg")
    tc = check_real(contact_time_s, "contact_time_s", "s", 0.08, 0.6)
    tf = check_real(flight_time_s, "flight_time_s", "s", 0, 0.4)
    v = check(speed_m_s, "speed_m_s")
    L = check(leg_length_m, "leg_length_m")
    half = v * tc / 2
    if np.any(half >= L):
        raise ValueError("speed_m_s × contact_time_s / 2 must be shorter than leg_length_m; check the inputs")
    fmax = m * G * (np.pi / 2) * (tf / tc + 1)
    dy = fmax * tc**2 / (m * np.pi**2) - G * tc**2 / 8
    dl = L - np.sqrt(L**2 - half**2) + dy
    return {
        "peak_force_n": fmax,
        "com_drop_m": dy,
        "leg_compression_m": dl,
        "vertical_stiffness_n_per_m": fmax / dy,
        "leg_stiffness_n_per_m": fmax / dl,
    }
