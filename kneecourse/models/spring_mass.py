"""Running as a spring: the planar spring-mass (SLIP) model and what it means for the knee.

The body is a point mass on a massless spring leg (McMahon & Cheng 1990
[mcmahon1990]). During stance the foot is pinned at the origin and

``m·a = k·(L0 − r)·r̂ − m·g·ŷ``,  ``r = |(x, y)|``,

which conserves ``½·m·|v|² + m·g·y + ½·k·(L0 − r)²``. Lift-off is the event
``r = L0`` while the leg lengthens.

**Closing the periodic gait.** At a given speed and step rate a whole family
of (leg stiffness, touchdown angle) pairs gives a periodic gait, so one more
assumption is needed. This module takes the leg stiffness from the step rate:
a dimensionless stiffness ``K = k·L0/(m·g)`` of 15 at 170 steps/min (the value
McMahon & Cheng found to fit human running) scaled by
``(step rate / 170)^1.39`` — the exponent fits Farley & Gonzalez 1996
[farley1996], whose runners' leg stiffness rose from 7.0 to 16.3 kN/m as step
frequency went from −26% to +36% of preferred. The learner can override
``leg_stiffness_n_per_m``.

**The knee.** The spring leg is a thigh and a shank (plus foot height) joined
at the knee. The rest length ``L0`` is the hip-to-ground distance with the
knee flexed ``contact_knee_flexion_deg`` (20° by default). Of the leg's
compression at mid-stance the knee supplies a share ``knee_share`` (0.5 by
default — an assumption: the ankle and foot supply the rest), which flexes it
by the law of cosines. The knee moment then comes from module 2's running
stance posture (:func:`~kneecourse.models.posture.posture`, ground-reaction
force through the centre of mass at the SLIP peak force) and the
patellofemoral force from module 3
(:func:`~kneecourse.models.patellofemoral.patellofemoral_force`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..units import G
from ..validation import check_real
from .patellofemoral import patellofemoral_force
from .posture import posture
from .segments import proportions

__all__ = [
    "slip_stance",
    "run_step",
    "step_rate_sweep",
    "morin_stiffness",
    "leg_geometry",
    "default_leg_stiffness",
    "K_REFERENCE",
    "STEP_RATE_REFERENCE_SPM",
    "STIFFNESS_EXPONENT",
]

#: Dimensionless leg stiffness at the reference step rate (McMahon & Cheng 1990).
K_REFERENCE = 15.0
#: Reference step rate, steps per minute.
STEP_RATE_REFERENCE_SPM = 170.0
#: ln(16.3/7.0) / ln(1.36/0.74), from Farley & Gonzalez 1996.
STIFFNESS_EXPONENT = math.log(16.3 / 7.0) / math.log(1.36 / 0.74)


# ---------------------------------------------------------------------------
# stance dynamics
def _rhs(state, k_over_m, L0):
    x, y, vx, vy = state
    r = math.hypot(x, y)
    a = k_over_m * (L0 - r) / r
    return (vx, vy, a * x, a * y - G)


def _rk4_half_stance(y_mid, v_mid, k_over_m, L0, n=120):
    """Integrate from mid-stance (leg vertical) to lift-off with fixed-step RK4.

    Returns (t_half, x, y, vx, vy) at lift-off (found by cubic interpolation
    of r − L0 inside the last step), or None if the mass falls to the ground.
    """
    omega = math.sqrt(k_over_m)
    dt = (math.pi / 2) / omega / n * 1.6  # the half-stance takes < 1.6 quarter-periods here
    s = (0.0, y_mid, v_mid, 0.0)
    t = 0.0
    for _ in range(6 * n):
        k1 = _rhs(s, k_over_m, L0)
        s2 = tuple(si + 0.5 * dt * ki for si, ki in zip(s, k1))
        k2 = _rhs(s2, k_over_m, L0)
        s3 = tuple(si + 0.5 * dt * ki for si, ki in zip(s, k2))
        k3 = _rhs(s3, k_over_m, L0)
        s4 = tuple(si + dt * ki for si, ki in zip(s, k3))
        k4 = _rhs(s4, k_over_m, L0)
        new = tuple(si + dt / 6 * (a + 2 * b + 2 * c + d) for si, a, b, c, d in zip(s, k1, k2, k3, k4))
        if new[1] <= 0:
            return None
        if math.hypot(new[0], new[1]) >= L0:
            # refine the crossing with a few secant steps on a Hermite interpolant of the state
            lo, hi = 0.0, dt
            for _ in range(30):
                mid = 0.5 * (lo + hi)
                p = _hermite(s, new, _rhs(s, k_over_m, L0), _rhs(new, k_over_m, L0), dt, mid)
                if math.hypot(p[0], p[1]) >= L0:
                    hi = mid
                else:
                    lo = mid
            p = _hermite(s, new, _rhs(s, k_over_m, L0), _rhs(new, k_over_m, L0), dt, hi)
            return (t + hi, *p)
        s, t = new, t + dt
    return None


def _hermite(s0, s1, f0, f1, dt, tau):
    u = tau / dt
    h00 = (1 + 2 * u) * (1 - u) ** 2
    h10 = u * (1 - u) ** 2
    h01 = u * u * (3 - 2 * u)
    h11 = u * u * (u - 1)
    return tuple(h00 * a + h10 * dt * fa + h01 * b + h11 * dt * fb for a, b, fa, fb in zip(s0, s1, f0, f1))


def slip_stance(mass_kg, leg_length_m, leg_stiffness_n_per_m, speed_m_s, touchdown_angle_deg,
                vertical_velocity_m_s=0.0, *, n_points=200, rtol=1e-10, atol=1e-12):
    """Stance phase of the spring-mass runner, integrated with scipy (DOP853) to lift-off.

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
        Samples of the returned trajectory.

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
    from scipy.integrate import solve_ivp

    m = check_real(mass_kg, "mass_kg", "kg", 30, 200, array=False)
    L0 = check_real(leg_length_m, "leg_length_m", "m", 0.5, 1.3, array=False)
    k = check_real(leg_stiffness_n_per_m, "leg_stiffness_n_per_m", "N/m", 1e3, 1e5, array=False)
    v = check_real(speed_m_s, "speed_m_s", "m/s", 0.5, 12, array=False)
    a = math.radians(check_real(touchdown_angle_deg, "touchdown_angle_deg", "deg", 1, 60, array=False))
    vy0 = check_real(vertical_velocity_m_s, "vertical_velocity_m_s", "m/s", -5, 0, array=False)
    km = k / m

    def rhs(_t, s):
        return _rhs(s, km, L0)

    def liftoff(_t, s):
        return math.hypot(s[0], s[1]) - L0

    liftoff.terminal, liftoff.direction = True, 1

    def ground(_t, s):
        return s[1]

    ground.terminal, ground.direction = True, -1
    s0 = (-L0 * math.sin(a), L0 * math.cos(a), v, vy0)
    # start a hair inside the spring so the lift-off event is not triggered at t = 0
    eps = 1e-9
    s0 = (s0[0] * (1 - eps), s0[1] * (1 - eps), v, vy0)
    sol = solve_ivp(rhs, (0.0, 5.0), s0, method="DOP853", events=(liftoff, ground), rtol=rtol, atol=atol,
                    dense_output=True)
    t_end = sol.t[-1]
    t = np.linspace(0.0, t_end, int(n_points))
    x, y, vx, vy = sol.sol(t)
    r = np.hypot(x, y)
    f = k * (L0 - r)
    grf_x, grf_y = f * x / r, f * y / r
    energy = 0.5 * m * (vx**2 + vy**2) + m * G * y + 0.5 * k * (L0 - r) ** 2
    return {
        "t_s": t, "x_m": x, "y_m": y, "vx_m_s": vx, "vy_m_s": vy,
        "grf_x_n": grf_x, "grf_y_n": grf_y, "leg_length_m": r, "energy_j": energy,
        "contact_time_s": float(t_end),
        "peak_vgrf_n": float(grf_y.max()),
        "com_drop_m": float(y[0] - y.min()),
        "leg_compression_m": float(L0 - r.min()),
        "takeoff_velocity_m_s": (float(vx[-1]), float(vy[-1])),
        "lifted_off": bool(len(sol.t_events[0]) > 0),
    }


# ---------------------------------------------------------------------------
# leg geometry and the knee
@dataclass(frozen=True)
class LegGeometry:
    thigh_m: float
    shank_m: float  # knee to ground (shank + foot height)
    rest_length_m: float
    contact_knee_flexion_deg: float


def leg_geometry(height_m=1.75, contact_knee_flexion_deg=20.0) -> LegGeometry:
    """Thigh and shank(+foot) lengths from Drillis & Contini and the spring rest length.

    ``L0 = sqrt(Lt² + Ls² + 2·Lt·Ls·cos θc)`` with θc the knee flexion at contact.
    """
    h = check_real(height_m, "height_m", "m", 1.2, 2.2, array=False)
    tc = check_real(contact_knee_flexion_deg, "contact_knee_flexion_deg", "deg", 0, 45, array=False)
    p = proportions()
    lt, ls = p["thigh"] * h, p["knee"] * h
    L0 = math.sqrt(lt**2 + ls**2 + 2 * lt * ls * math.cos(math.radians(tc)))
    return LegGeometry(lt, ls, L0, tc)


def _knee_flexion_from_length(geo: LegGeometry, r):
    c = (np.asarray(r) ** 2 - geo.thigh_m**2 - geo.shank_m**2) / (2 * geo.thigh_m * geo.shank_m)
    return np.degrees(np.arccos(np.clip(c, -1.0, 1.0)))


def default_leg_stiffness(mass_kg, leg_length_m, step_rate_spm):
    """Leg stiffness (N/m) assumed for a step rate (see the module notes).

    ``k = K_ref·(m·g/L0)·(step rate / 170)^1.39`` with ``K_ref = 15``.
    """
    m = check_real(mass_kg, "mass_kg", "kg", 30, 200)
    L0 = check_real(leg_length_m, "leg_length_m", "m", 0.5, 1.3)
    f = check_real(step_rate_spm, "step_rate_spm", "steps/min", 100, 260)
    return K_REFERENCE * m * G / L0 * (f / STEP_RATE_REFERENCE_SPM) ** STIFFNESS_EXPONENT


# ---------------------------------------------------------------------------
# the periodic gait
def _residual(u, km, L0, T, step_length):
    y_mid, v_mid = u
    out = _rk4_half_stance(y_mid, v_mid, km, L0)
    if out is None:
        return None, None
    th, x, y, vx, vy = out
    tf = 2 * vy / G
    return (2 * th + tf - T, 2 * x + vx * tf - step_length), out


def _solve_periodic(km, L0, speed, step_rate_spm, guess=None):
    T = 60.0 / step_rate_spm
    step_length = speed * T
    if guess is None:
        # vertical spring guess: contact ~ 60% of the step, centre of mass drop from a sine force
        tc = 0.6 * T
        guess = (L0 - G * tc**2 / 8 * 1.2 - 0.02, speed)
    u = np.array(guess, float)
    scale = np.array([T, step_length])
    for _ in range(30):
        r, out = _residual(u, km, L0, T, step_length)
        if r is None:
            u = u + np.array([0.01, 0.0])  # fell: start from a higher mid-stance
            continue
        r = np.array(r)
        if np.all(np.abs(r / scale) < 1e-9):
            return u, out
        J = np.empty((2, 2))
        for j, h in enumerate((1e-6, 1e-6)):
            du = u.copy()
            du[j] += h
            rj, _ = _residual(du, km, L0, T, step_length)
            if rj is None:
                break
            J[:, j] = (np.array(rj) - r) / h
        else:
            step = np.linalg.solve(J, -r)
            # damp big steps; keep the mid-stance point below the rest length
            lim = max(1.0, np.abs(step[0]) / 0.05, np.abs(step[1]) / 1.0)
            u = u + step / lim
            u[0] = min(u[0], L0 * 0.999)
            continue
        u = u + np.array([0.01, 0.0])
    return None, None


def run_step(mass_kg=70.0, height_m=1.75, speed_m_s=3.3, step_rate_spm=170.0, *,
             leg_stiffness_n_per_m=None, contact_knee_flexion_deg=20.0, knee_share=0.5, _guess=None):
    """The periodic, symmetric spring-mass running step at a speed and step rate.

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
        Override the assumed stiffness (:func:`default_leg_stiffness`).
    contact_knee_flexion_deg : float, optional
        Knee flexion at touchdown, 0–45°.
    knee_share : float, optional
        Share of the leg compression supplied by the knee, 0.1–1 (default 0.5).

    Returns
    -------
    dict
        ``contact_time_s``, ``flight_time_s``, ``leg_stiffness_n_per_m``,
        ``touchdown_angle_deg``, ``peak_vgrf_n``, ``peak_vgrf_bw``,
        ``overstride_m`` (foot ahead of the centre of mass at touchdown),
        ``com_drop_m``, ``leg_compression_m``, ``peak_knee_flexion_deg``,
        ``peak_knee_moment_nm``, ``peak_pf_force_n``, ``peak_pf_force_bw``,
        ``step_length_m``, ``leg_length_m``, ``touchdown_velocity_m_s``.

    Raises
    ------
    ValueError
        If no periodic gait with a flight phase exists for these inputs (the
        message says which input to change), or for bad inputs.
    """
    m = check_real(mass_kg, "mass_kg", "kg", 30, 200, array=False)
    v = check_real(speed_m_s, "speed_m_s", "m/s", 1.5, 7, array=False)
    f = check_real(step_rate_spm, "step_rate_spm", "steps/min", 120, 230, array=False)
    share = check_real(knee_share, "knee_share", "", 0.1, 1, array=False)
    geo = leg_geometry(height_m, contact_knee_flexion_deg)
    L0 = geo.rest_length_m
    if leg_stiffness_n_per_m is None:
        k = float(default_leg_stiffness(m, L0, f))
    else:
        k = check_real(leg_stiffness_n_per_m, "leg_stiffness_n_per_m", "N/m", 3e3, 1e5, array=False)
    u, out = _solve_periodic(k / m, L0, v, f, _guess)
    if u is None or out[4] <= 0:
        raise ValueError(
            f"no periodic spring-mass running gait with a flight phase at speed_m_s = {v:g} m/s, "
            f"step_rate_spm = {f:g} steps/min and leg stiffness {k:.0f} N/m: lower step_rate_spm, "
            "raise speed_m_s or give a stiffer leg (leg_stiffness_n_per_m)"
        )
    th, x_to, y_to, vx_to, vy_to = (float(q) for q in out)
    tc, tf = 2 * th, 2 * vy_to / G
    alpha = math.degrees(math.asin(min(1.0, x_to / L0)))
    # peak values at mid-stance (maximum compression, by symmetry)
    y_mid = float(u[0])
    f_peak = k * (L0 - y_mid)
    theta = float(_knee_flexion_from_length(geo, L0 - share * (L0 - y_mid)))
    snap = posture("running_stance", min(theta, 120.0), mass_kg=m, height_m=height_m,
                   grf_bw=min(max(f_peak / (m * G), 0.5), 5.0), trunk_lean_deg=5.0)
    knee_moment = max(snap.moments["knee"], 0.0)
    pf = float(patellofemoral_force(min(knee_moment, 1000.0), min(theta, 120.0)))
    return {
        "contact_time_s": tc,
        "flight_time_s": tf,
        "leg_stiffness_n_per_m": k,
        "touchdown_angle_deg": alpha,
        "peak_vgrf_n": f_peak,
        "peak_vgrf_bw": f_peak / (m * G),
        "overstride_m": x_to,
        "com_drop_m": y_to - y_mid,
        "leg_compression_m": L0 - y_mid,
        "peak_knee_flexion_deg": theta,
        "peak_knee_moment_nm": knee_moment,
        "peak_pf_force_n": pf,
        "peak_pf_force_bw": pf / (m * G),
        "step_length_m": v * 60.0 / f,
        "leg_length_m": L0,
        "touchdown_velocity_m_s": (vx_to, -vy_to),
        "mid_stance": (y_mid, float(u[1])),
    }


def step_rate_sweep(mass_kg=70.0, height_m=1.75, speed_m_s=3.3, preferred_spm=170.0,
                    changes=np.linspace(-0.10, 0.15, 26)):
    """:func:`run_step` over step rates ``preferred·(1 + change)``; arrays of every output.

    Each solve starts from the previous solution, so a 50-point sweep costs
    little more than 50 single steps. Step rates without a periodic gait give NaN.

    Returns
    -------
    dict
        ``step_rate_spm``, ``change`` and one array per scalar output of :func:`run_step`.
    """
    c = check_real(changes, "changes", "", -0.4, 0.5)
    c = np.atleast_1d(c)
    pref = check_real(preferred_spm, "preferred_spm", "steps/min", 120, 230, array=False)
    rates = pref * (1 + c)
    rows, guess = [], None
    for rate in rates:
        try:
            r = run_step(mass_kg, height_m, speed_m_s, float(rate), _guess=guess)
            guess = r["mid_stance"]
        except ValueError:
            r, guess = None, None
        rows.append(r)
    keys = [k for k, v in (next((r for r in rows if r), {}) or {}).items() if isinstance(v, float)]
    out = {"step_rate_spm": rates, "change": c}
    for key in keys:
        out[key] = np.array([r[key] if r else np.nan for r in rows])
    return out


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
    m = check_real(mass_kg, "mass_kg", "kg", 30, 200)
    tc = check_real(contact_time_s, "contact_time_s", "s", 0.08, 0.6)
    tf = check_real(flight_time_s, "flight_time_s", "s", 0, 0.4)
    v = check_real(speed_m_s, "speed_m_s", "m/s", 1, 12)
    L = check_real(leg_length_m, "leg_length_m", "m", 0.5, 1.3)
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
