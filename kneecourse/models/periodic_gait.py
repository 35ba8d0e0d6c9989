"""The periodic spring-mass running step in dimensionless form, solved exactly or read from a table.

Measured in the leg's own units — length ``L0``, time ``sqrt(L0/g)``,
velocity ``sqrt(g·L0)``, force ``m·g`` — the stance of the spring-mass runner
(McMahon & Cheng 1990 [mcmahon1990]) with the foot at the origin is

``x'' = K·(1/r − 1)·x``,  ``y'' = K·(1/r − 1)·y − 1``,  ``r = sqrt(x² + y²)``,

with one number left: the dimensionless leg stiffness ``K = k·L0/(m·g)``.
A symmetric periodic step is fixed by its mid-stance state (leg vertical:
height ``y_mid``, forward velocity ``v_mid``). From there the stance runs to
lift-off (``r = 1``) after ``t_half``; the flight is a parabola. The step
repeats when

* ``2·t_half + 2·vy_off = T``   (contact + flight = step period), and
* ``2·x_off + 2·vx_off·vy_off = V·T``   (distance covered = speed × period),

with ``V = v/sqrt(g·L0)`` and ``T = (60 / step rate)/sqrt(L0/g)``. So the whole
family of periodic gaits is a function of three numbers (V, T, K).

:func:`solve_periodic` finds it by Newton's method on the two conditions,
integrating the half stance with fixed-step RK4 (75 steps per
quarter period of the leg spring: error ~1e-10). Solving takes a few milliseconds per gait, too
slow for a slider, so the solutions over a grid of (V, T, K) were computed
once by the same solver (:func:`build_table`, ``python -m kneecourse
gait-table``) and ship as ``data/slip_periodic_gaits.npz``;
:func:`lookup` interpolates them (cubic in each axis) in tens of
microseconds. The tests hold the interpolated gait to the solved one.
"""
from __future__ import annotations

import io
import math
from functools import lru_cache

import numpy as np

from ..validation import check_real

__all__ = [
    "half_stance",
    "stance_samples",
    "periodicity_error",
    "solve_periodic",
    "build_table",
    "load_gait_table",
    "lookup",
    "TABLE_FILE",
    "RK4_STEPS",
]

#: RK4 steps over 1.6 quarter periods of the leg spring (longer than any half stance of these gaits),
#: for the solver and the table: 75 steps per quarter period, error ~1e-10.
RK4_STEPS = 120
#: Where the precomputed gaits ship (inside the kneecourse.data package).
TABLE_FILE = "slip_periodic_gaits.npz"
#: The grid of the table: ln V, T and ln K, each (first, last, count). The contact time varies
#: roughly as 1/V at low speed; on a ln V axis cubic interpolation is ten times more accurate.
TABLE_AXES = {"lnV": (math.log(0.4), math.log(3.0), 27), "T": (0.7, 2.0, 27),
              "lnK": (math.log(5.0), math.log(60.0), 23)}
#: Inputs the solver accepts (in the leg's units): speed V, step period T, leg stiffness K,
#: mid-stance height and forward velocity, duration of a half stance.
LIMITS = {"V": (0.1, 5.0), "T": (0.2, 5.0), "K": (2.0, 500.0), "y_mid": (0.05, 1.0), "v_mid": (0.0, 10.0),
          "t_half": (0.01, 5.0)}
UNITS = {"V": "sqrt(g·L0)", "T": "sqrt(L0/g)", "K": "m·g/L0", "y_mid": "L0", "v_mid": "sqrt(g·L0)",
         "t_half": "sqrt(L0/g)"}


def _check(name, value, array=True):
    return check_real(value, name, UNITS[name], *LIMITS[name], array=array)


#: The table's channels, in order.
TABLE_CHANNELS = ("y_mid", "v_mid", "t_half", "x_off", "vx_off")


# ---------------------------------------------------------------------------
# one stance: the same arithmetic serves Python floats (one gait) and numpy arrays (many)
def _acc(x, y, K):
    """Acceleration of the mass: spring along the leg, gravity down."""
    a = K * (1.0 / (x * x + y * y) ** 0.5 - 1.0)
    return a * x, a * y - 1.0


def _rhs(x, y, vx, vy, K):
    return (vx, vy, *_acc(x, y, K))


def _rk4(s, h, K):
    """One classical Runge-Kutta step (written out: this is the inner loop of every solve)."""
    x, y, vx, vy = s
    h2 = 0.5 * h
    ax1, ay1 = _acc(x, y, K)
    x2, y2, vx2, vy2 = x + h2 * vx, y + h2 * vy, vx + h2 * ax1, vy + h2 * ay1
    ax2, ay2 = _acc(x2, y2, K)
    x3, y3, vx3, vy3 = x + h2 * vx2, y + h2 * vy2, vx + h2 * ax2, vy + h2 * ay2
    ax3, ay3 = _acc(x3, y3, K)
    x4, y4, vx4, vy4 = x + h * vx3, y + h * vy3, vx + h * ax3, vy + h * ay3
    ax4, ay4 = _acc(x4, y4, K)
    h6 = h / 6.0
    return (x + h6 * (vx + 2.0 * (vx2 + vx3) + vx4), y + h6 * (vy + 2.0 * (vy2 + vy3) + vy4),
            vx + h6 * (ax1 + 2.0 * (ax2 + ax3) + ax4), vy + h6 * (ay1 + 2.0 * (ay2 + ay3) + ay4))


def _lift_off(s0, s1, h, K):
    """Fraction u of the step h where the leg reaches its rest length, and the state there.

    The state inside the step is the cubic Hermite interpolant of the two ends
    and their derivatives (as accurate as the RK4 step); ``|p(u)|² = 1`` is
    solved by Newton's method from the linear estimate.
    """
    f0, f1 = _rhs(*s0, K), _rhs(*s1, K)

    def hermite(w, i):  # component i of the interpolant with weights w (of s0, f0, s1, f1)
        return w[0] * s0[i] + w[1] * f0[i] + w[2] * s1[i] + w[3] * f1[i]

    r0 = (s0[0] * s0[0] + s0[1] * s0[1]) ** 0.5
    r1 = (s1[0] * s1[0] + s1[1] * s1[1]) ** 0.5
    u = (1.0 - r0) / (r1 - r0)
    for _ in range(5):
        w = _hermite_weights(u, h)
        dw = 6 * u * u - 6 * u, (3 * u * u - 4 * u + 1) * h, 6 * u - 6 * u * u, (3 * u * u - 2 * u) * h
        px, py, dx, dy = hermite(w, 0), hermite(w, 1), hermite(dw, 0), hermite(dw, 1)
        slope = 2.0 * (px * dx + py * dy)
        # a zero slope means the leg starts at rest length (y_mid = 1, found by fuzzing): u = 0 is the root and the
        # numerator is 0 there, so divide by 1 instead (works for floats and arrays alike)
        u = u - (px * px + py * py - 1.0) / (slope + (slope == 0.0))
    w = _hermite_weights(u, h)
    return u, tuple(hermite(w, i) for i in range(4))


def _hermite_weights(u, h):
    """Cubic Hermite weights of (start, start slope, end, end slope) at fraction u of a step h."""
    return (1 + 2 * u) * (1 - u) ** 2, u * (1 - u) ** 2 * h, u * u * (3 - 2 * u), u * u * (u - 1) * h


def _step_size(K):
    return 1.6 * (math.pi / 2) / np.sqrt(K) / RK4_STEPS


def half_stance(y_mid, v_mid, K):
    """One half stance, from mid-stance (leg vertical) to lift-off.

    Parameters
    ----------
    y_mid : float
        Height of the mass at mid-stance, 0.05–1 L0.
    v_mid : float
        Forward velocity at mid-stance, 0–10 sqrt(g·L0).
    K : float
        Leg stiffness, 2–500 m·g/L0.

    Returns
    -------
    tuple or None
        ``(t_half, x, y, vx, vy)`` at lift-off, in the leg's units; None if
        the mass reaches the ground or the leg never lengthens back to L0.
    """
    return _half_stance(_check("y_mid", y_mid, False), _check("v_mid", v_mid, False), _check("K", K, False))


def _half_stance(y_mid, v_mid, K):
    h = float(_step_size(K))
    s, t = (0.0, y_mid, v_mid, 0.0), 0.0
    for _ in range(6 * RK4_STEPS):
        new = _rk4(s, h, K)
        if new[1] <= 0.0:
            return None
        if new[0] * new[0] + new[1] * new[1] >= 1.0:
            u, p = _lift_off(s, new, h, K)
            return (t + u * h, *p)
        s, t = new, t + h
    return None


def _half_stances(y_mid, v_mid, K):
    """:func:`half_stance` for arrays of gaits at once (numpy); NaN where it has no lift-off.

    Returns
    -------
    numpy.ndarray, shape (5, ...)
        ``t_half, x, y, vx, vy`` at lift-off.
    """
    y_mid, v_mid, K = np.broadcast_arrays(*(np.asarray(a, float) for a in (y_mid, v_mid, K)))
    shape = y_mid.shape
    K = K.ravel()
    n = K.size
    h_all = _step_size(K)
    s = [np.zeros(n), y_mid.ravel().copy(), v_mid.ravel().copy(), np.zeros(n)]
    t = np.zeros(n)
    out = np.full((5, n), np.nan)
    active = np.arange(n)
    for _ in range(6 * RK4_STEPS):
        if active.size == 0:
            break
        cur = tuple(c[active] for c in s)
        h, k = h_all[active], K[active]
        new = _rk4(cur, h, k)
        fell = new[1] <= 0.0
        off = (new[0] * new[0] + new[1] * new[1] >= 1.0) & ~fell
        if off.any():
            u, p = _lift_off(tuple(c[off] for c in cur), tuple(c[off] for c in new), h[off], k[off])
            done = active[off]
            out[0, done] = t[done] + u * h[off]
            for i in range(4):
                out[i + 1, done] = p[i]
        for i in range(4):
            s[i][active] = new[i]
        t[active] += h
        active = active[~(off | fell)]
    return out.reshape((5,) + shape)


def stance_samples(y_mid, v_mid, K, t_half, n=30):
    """The state at ``n + 1`` equally spaced instants from mid-stance to ``t_half`` (RK4, n steps).

    For drawing: with n = 30 the lift-off state is within ~1e-7 of the
    solver's.

    Parameters
    ----------
    y_mid, v_mid, K : float
        As in :func:`half_stance`.
    t_half : float
        Duration to integrate, 0.01–5 sqrt(L0/g).
    n : int
        Number of steps, 1–10000.

    Returns
    -------
    numpy.ndarray, shape (5, n + 1)
        ``t, x, y, vx, vy`` in the leg's units.
    """
    y_mid, v_mid, K = _check("y_mid", y_mid, False), _check("v_mid", v_mid, False), _check("K", K, False)
    t_half = _check("t_half", t_half, False)
    n = check_real(n, "n", "steps", 1, 10000, array=False)
    if n != int(n):
        raise ValueError(f"n = {n:g} must be a whole number of steps")
    n = int(n)
    h = t_half / n
    s = (0.0, y_mid, v_mid, 0.0)
    states = [s]
    for _ in range(n):
        s = _rk4(s, h, K)
        states.append(s)
    return np.vstack([np.arange(n + 1) * h, np.array(states).T])


def periodicity_error(V, T, K, y_mid, v_mid, t_half, n=30):
    """How far a gait given by its mid-stance state is from repeating, and its stance samples.

    Integrates :func:`stance_samples` to ``t_half`` and measures three
    conditions that are all zero for a periodic gait: the leg is back at its
    rest length, contact + flight equals the step period, distance covered
    equals speed × period.

    Returns
    -------
    (float, numpy.ndarray)
        The largest of the three errors (in the leg's units) and the samples.
    """
    V, T = _check("V", V, False), _check("T", T, False)
    samples = stance_samples(y_mid, v_mid, K, t_half, n)
    _, x, y, vx, vy = (float(q) for q in samples[:, -1])
    r1, r2 = _residual((t_half, x, y, vx, vy), V, T)
    return max(abs(math.hypot(x, y) - 1.0), abs(r1), abs(r2)), samples


# ---------------------------------------------------------------------------
# the periodic gait
def _residual(lift, V, T):
    """The two periodicity conditions (zero for a periodic gait) from a lift-off ``(t_half, x, y, vx, vy)``."""
    th, x, _y, vx, vy = lift
    return 2 * th + 2 * vy - T, 2 * x + 2 * vx * vy - V * T


def _initial_guess(V, T, K):
    """A starting mid-stance state (y_mid, v_mid) from a vertical bouncing spring."""
    V, T, K = (np.asarray(a, float) for a in (V, T, K))
    tc = np.minimum(np.pi / np.sqrt(K), 0.95 * T)
    half = np.minimum(V * tc / 2, 0.9)
    return np.sqrt(1 - half**2) - 0.25 * np.pi * T / tc / K, V


def _half_stances_one_by_one(y_mid, v_mid, K):
    out = np.full((5, y_mid.size), np.nan)
    for i in range(y_mid.size):
        r = _half_stance(float(y_mid[i]), float(v_mid[i]), float(K[i]))
        if r is not None:
            out[:, i] = r
    return out


def solve_periodic(V, T, K, guess=None, *, tol=1e-11, max_iter=30):
    """Periodic symmetric gaits for arrays of (V, T, K), by Newton's method.

    Parameters
    ----------
    V, T, K : array_like
        Speed (0.1–5 sqrt(g·L0)), step period (0.2–5 sqrt(L0/g)) and leg
        stiffness (2–500 m·g/L0), broadcast together.
    guess : (array_like, array_like), optional
        Starting mid-stance states (y_mid, v_mid); default: from a vertical
        bouncing spring.
    tol : float
        Both periodicity conditions met to this (dimensionless) residual.
    max_iter : int
        Newton iterations before a gait counts as not found.

    Returns
    -------
    numpy.ndarray, shape (7, ...)
        ``y_mid, v_mid, t_half, x_off, y_off, vx_off, vy_off``; NaN where
        Newton's method did not converge. ``vy_off`` may be negative: a
        periodic solution without a flight phase (not a running gait).
    """
    V, T, K = _check("V", V), _check("T", T), _check("K", K)
    try:
        V, T, K = np.broadcast_arrays(V, T, K)
    except ValueError:
        raise ValueError(f"V, T and K must broadcast together; got shapes {np.shape(V)}, {np.shape(T)}, "
                         f"{np.shape(K)}") from None
    shape = V.shape
    if guess is None:
        guess = _initial_guess(V, T, K)
    else:
        if not isinstance(guess, (tuple, list)) or len(guess) != 2:
            raise TypeError("guess must be a pair (y_mid, v_mid)")
        guess = _check("y_mid", guess[0]), _check("v_mid", guess[1])
    try:
        ym, vm = (np.broadcast_to(g, shape).ravel().copy() for g in guess)
    except ValueError:
        raise ValueError(f"guess must broadcast to the shape of V, T and K, {shape}") from None
    V, T, K = V.ravel(), T.ravel(), K.ravel()
    n = V.size
    # one gait: a Python loop over 3 stances is faster than numpy on arrays of 3
    integrate = _half_stances_one_by_one if n <= 4 else _half_stances
    out = np.full((7, n), np.nan)
    todo = np.arange(n)
    d = 1e-7
    for _ in range(max_iter):
        if todo.size == 0:
            break
        m = todo.size
        y3 = np.concatenate([ym[todo], ym[todo] + d, ym[todo]])
        v3 = np.concatenate([vm[todo], vm[todo], vm[todo] + d])
        lift = integrate(y3, v3, np.tile(K[todo], 3))
        r = np.array(_residual(lift, np.tile(V[todo], 3), np.tile(T[todo], 3)))
        r0 = r[:, :m]
        j_y, j_v = (r[:, m:2 * m] - r0) / d, (r[:, 2 * m:] - r0) / d
        det = j_y[0] * j_v[1] - j_v[0] * j_y[1]
        ok = np.isfinite(r).all(0)
        ok = ok[:m] & ok[m:2 * m] & ok[2 * m:] & (det != 0)
        conv = ok & (np.abs(r0).max(0) < tol)
        done = todo[conv]
        out[0, done], out[1, done] = ym[done], vm[done]
        out[2:, done] = lift[:, :m][:, conv]
        with np.errstate(divide="ignore", invalid="ignore"):
            dy = -(j_v[1] * r0[0] - j_v[0] * r0[1]) / det
            dv = -(-j_y[1] * r0[0] + j_y[0] * r0[1]) / det
        # damp big steps; a gait that fell or lost its lift-off restarts from a higher mid-stance
        lim = np.maximum.reduce([np.ones(m), np.abs(dy) / 0.05, np.abs(dv) / 0.3])
        go = ok & ~conv
        i = todo[go]
        ym[i] = np.minimum(ym[i] + dy[go] / lim[go], 0.999)
        vm[i] += dv[go] / lim[go]
        bad = todo[~ok]
        ym[bad] = np.minimum(ym[bad] + 0.02, 0.999)
        todo = todo[~conv]
    return out.reshape((7,) + shape)


# ---------------------------------------------------------------------------
# the table
def _axes():
    return tuple(np.linspace(*TABLE_AXES[k]) for k in ("lnV", "T", "lnK"))


def build_table():
    """Solve the periodic gait at every node of the (V, T, ln K) grid (a few seconds).

    Returns
    -------
    dict
        ``lnV``, ``T``, ``lnK`` (axes), ``values`` (channels × V × T × lnK;
        NaN where no periodic solution was found), ``channels``,
        ``rk4_steps``.
    """
    aV, aT, aL = _axes()
    V, T, L = np.meshgrid(aV, aT, aL, indexing="ij")
    sol = solve_periodic(np.exp(V), T, np.exp(L))
    keep = [0, 1, 2, 3, 5]  # y_mid, v_mid, t_half, x_off, vx_off: the rest follows from periodicity
    return {"lnV": aV, "T": aT, "lnK": aL, "values": sol[keep], "channels": np.array(TABLE_CHANNELS),
            "rk4_steps": np.array(RK4_STEPS)}


@lru_cache(maxsize=1)
def load_gait_table():
    """The shipped table (read once from the installed ``kneecourse.data`` package)."""
    from ..dataio.tables import data_files

    raw = data_files().joinpath(TABLE_FILE).read_bytes()
    with np.load(io.BytesIO(raw), allow_pickle=False) as z:
        table = {k: z[k] for k in z.files}
    if ("lnV" not in table or tuple(table["channels"]) != TABLE_CHANNELS
            or int(table["rk4_steps"]) != RK4_STEPS):
        raise RuntimeError(f"{TABLE_FILE} does not match this solver; rebuild it: python -m kneecourse gait-table")
    return table


def _cubic_weights(s, n):
    """Index of the first of 4 nodes and their Lagrange weights at grid coordinate s (None outside)."""
    if not 0.0 <= s <= n - 1:
        return None, None
    i = min(max(int(s) - 1, 0), n - 4)
    t = s - i  # position among nodes i, i+1, i+2, i+3 (0..3)
    return i, np.array([(1 - t) * (2 - t) * (3 - t) / 6, t * (2 - t) * (3 - t) / 2,
                        -t * (1 - t) * (3 - t) / 2, t * (t - 1) * (t - 2) / 6])


def lookup(V, T, K):
    """The periodic gait at (V, T, K) interpolated from the table, or None.

    None when the point is outside the table or next to a node without a
    solution; the caller then solves it (:func:`solve_periodic`).

    Parameters
    ----------
    V, T, K : float
        As in :func:`solve_periodic` (scalars).

    Returns
    -------
    dict or None
        ``y_mid, v_mid, t_half, x_off, vx_off, vy_off`` (floats, leg's units).
    """
    V, T, K = _check("V", V, False), _check("T", T, False), _check("K", K, False)
    tab = load_gait_table()
    idx, wts = [], []
    for q, ax in ((math.log(V), tab["lnV"]), (T, tab["T"]), (math.log(K), tab["lnK"])):
        i, w = _cubic_weights((q - ax[0]) / (ax[1] - ax[0]), ax.size)
        if i is None:
            return None
        idx.append(i)
        wts.append(w)
    (a, b, c), (wa, wb, wc) = idx, wts
    block = tab["values"][:, a:a + 4, b:b + 4, c:c + 4]
    vals = np.einsum("qijk,i,j,k->q", block, wa, wb, wc)
    if not np.isfinite(vals).all():
        return None
    out = dict(zip(TABLE_CHANNELS, (float(v) for v in vals)))
    out["vy_off"] = T / 2 - out["t_half"]
    return out
