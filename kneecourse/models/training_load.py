"""Training load: acute:chronic workload ratio, weekly change and a progression planner.

* Rolling ACWR (Hulin et al. 2016 [hulin2016]): acute = total load of the last
  7 days; chronic = mean of the last four 7-day totals (the last 28 days / 4).
  The 0.8–1.3 "sweet spot" and ≥ 1.5 "danger zone" (Gabbett 2016
  [gabbett2016]) were derived for this coupled rolling ratio in team sports,
  and only for it.
* The *uncoupled* variant leaves the acute week out of the chronic mean (the
  three weeks before it). With 7- and 28-day windows it is exactly
  ``U = 3R/(4 − R)`` of the rolling ratio R: a monotone **rescaling** that
  ranks every day the same way, so it does not answer the coupling critique
  (Lolli et al. 2019 [lolli2019]; Impellizzeri et al. 2020 [impellizzeri2020]).
* EWMA ACWR (Williams et al. 2017 [williams2017]): exponentially weighted
  averages with ``λ = 2/(N + 1)``, N = 7 (acute) and 28 (chronic) days.
  **Initialisation:** each day's average uses only the days logged so far,
  with the EWMA weights normalised over them (``Σ λ(1−λ)^j`` over the
  available days); seeding the average with day 1 instead would leave day 1
  about 14% of the chronic weight on day 28.

Days without 28 days of history (and days whose chronic load is 0) have no
ratio: they are NaN in ``ratio`` and False in ``defined``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..validation import check_choice, check_real
from ._result import ModelResult

__all__ = ["acwr", "ACWR", "weekly_totals", "weekly_change", "plan_progression", "spike_scenario", "KM_PER_MILE"]

KM_PER_MILE = 1.609344


def _daily(values, name="daily_load", unit="AU per day", high=1e5):
    x = check_real(values, name, unit, 0, high)
    x = np.atleast_1d(np.asarray(x, float))
    if x.ndim != 1:
        raise ValueError(f"{name} must be one value per day (1-D), got shape {x.shape}")
    return x


@dataclass(frozen=True, kw_only=True, eq=False)
class ACWR(ModelResult):
    """The acute:chronic workload ratio, one value per day (:func:`acwr`); loads in the log's units (AU)."""

    #: the acute window's load
    acute: np.ndarray
    #: the chronic window's load per acute window (an average week for 7/28)
    chronic: np.ndarray
    #: acute / chronic, NaN where undefined
    ratio: np.ndarray
    #: True where the ratio is defined (a whole chronic window with load in it)
    defined: np.ndarray


def acwr(daily_load, method="rolling", acute_days=7, chronic_days=28):
    """Acute:chronic workload ratio for every day.

    Parameters
    ----------
    daily_load : array_like
        One load per day (e.g. session RPE × minutes, in arbitrary units), ≥ 0.
    method : {"rolling", "uncoupled", "ewma"}
    acute_days, chronic_days : int
        Window lengths (7 and 28 by default; chronic must be a multiple of acute).

    Returns
    -------
    dict
        ``acute``, ``chronic``, ``ratio`` (NaN where undefined) and ``defined``
        (bool), one value per day.
    """
    x = _daily(daily_load)
    check_choice(method, "method", {"rolling", "uncoupled", "ewma"})
    a = int(check_real(acute_days, "acute_days", "days", 1, 60, array=False))
    c = int(check_real(chronic_days, "chronic_days", "days", 2, 365, array=False))
    if c % a or c <= a:
        raise ValueError(f"chronic_days = {c} must be a multiple of acute_days = {a} and larger than it")
    n = x.size
    cum = np.concatenate([[0.0], np.cumsum(x)])
    idx = np.arange(n)

    def window_sum(end_exclusive, length):
        start = np.clip(end_exclusive - length, 0, None)
        return cum[end_exclusive] - cum[start]

    if method == "ewma":
        acute, chronic = _ewma(x, 2 / (a + 1)), _ewma(x, 2 / (c + 1))
    else:
        acute = window_sum(idx + 1, a)
        if method == "rolling":
            chronic = window_sum(idx + 1, c) / (c // a)
        else:
            chronic = window_sum(idx + 1 - a, c - a) / (c // a - 1)
    defined = (idx >= c - 1) & (chronic > 0)
    ratio = np.full(n, np.nan)
    ratio[defined] = acute[defined] / chronic[defined]
    return ACWR(acute=acute, chronic=chronic, ratio=ratio, defined=defined)


def _ewma(x, lam):
    """EWMA with weights normalised over the days so far: Σ λ(1−λ)^j x_{t−j} / Σ λ(1−λ)^j."""
    out = np.empty(x.size)
    num = den = 0.0
    for i, v in enumerate(x):  # a recursive filter: each day depends on the one before
        num = lam * v + (1 - lam) * num
        den = lam + (1 - lam) * den
        out[i] = num / den
    return out


def weekly_totals(daily_load):
    """Totals of consecutive 7-day blocks (a last partial week is left out)."""
    x = _daily(daily_load)
    weeks = x.size // 7
    return x[: weeks * 7].reshape(weeks, 7).sum(1)


def weekly_change(daily_load):
    """Relative change of each week's total from the week before (NaN after a zero week)."""
    w = weekly_totals(daily_load)
    prev = w[:-1]
    out = np.full(w.size - 1 if w.size else 0, np.nan)
    ok = prev > 0
    out[ok] = w[1:][ok] / prev[ok] - 1
    return out


def plan_progression(current_weekly, target_weekly, max_increase=0.10, deload_every=4,
                     deload_factor=0.8, unit="km", max_weeks=104):
    """Weekly plan from the current to the target weekly distance.

    Rules: every ``deload_every``-th week is a lighter week at
    ``deload_factor`` of the last build week; the week after a lighter week
    **returns to the pre-deload level** (no increase on top of the return);
    every other build week is at most ``max_increase`` above the week before;
    the plan stops at the first build week that reaches the target. So no
    build week exceeds the week before by more than ``max_increase``, except
    the return from a lighter week to a level already run. Nielsen et al.
    2014 [nielsen2014] *suggested* that > 30% increases over two weeks raise
    the risk of distance-related injuries in novices (hazard ratio 1.59, 95%
    CI 0.96–2.66); a graded "10% rule" programme did not prevent injuries in a
    randomised trial (Buist et al. 2008 [buist2008]). The cap is a planning
    habit, not a proven safe limit.

    Parameters
    ----------
    current_weekly, target_weekly : float
        Weekly distance now and wanted, > 0, ≤ 500 (in ``unit``).
    max_increase : float
        0–0.3 (fraction per week).
    deload_every : int
        2–8, or 0 for no lighter weeks.
    deload_factor : float
        0.5–1.
    unit : {"km", "mi"}
    max_weeks : int
        Safety stop.

    Returns
    -------
    dict
        ``week`` (1, 2, …), ``distance`` (in ``unit``), ``distance_km``,
        ``deload`` (bool), ``unit``.
    """
    check_choice(unit, "unit", {"km", "mi"})
    cur = check_real(current_weekly, "current_weekly", unit, 0, 500, low_open=True, array=False)
    tgt = check_real(target_weekly, "target_weekly", unit, 0, 500, low_open=True, array=False)
    inc = check_real(max_increase, "max_increase", "", 0, 0.3, low_open=True, array=False)
    every = int(check_real(deload_every, "deload_every", "weeks", 0, 8, array=False))
    if every == 1:
        raise ValueError("deload_every = 1 week would make every week a lighter week; use 0 or 2–8")
    factor = check_real(deload_factor, "deload_factor", "", 0.5, 1, array=False)
    max_weeks = int(check_real(max_weeks, "max_weeks", "weeks", 1, 520, array=False))
    dist, deload = [], []
    base = cur
    week = 0
    after_deload = False
    while base < tgt - 1e-9 or after_deload:
        week += 1
        if week > max_weeks:
            raise ValueError(f"the target is more than {max_weeks} weeks away at max_increase = {inc:g}")
        if every and week % every == 0:
            dist.append(base * factor)
            deload.append(True)
            after_deload = True
            continue
        if not after_deload:
            base = min(base * (1 + inc), tgt)
        after_deload = False
        dist.append(base)
        deload.append(False)
    d = np.array(dist)
    return {
        "week": np.arange(1, d.size + 1),
        "distance": d,
        "distance_km": d * (KM_PER_MILE if unit == "mi" else 1.0),
        "deload": np.array(deload, bool),
        "unit": unit,
    }


def spike_scenario(daily_load, daily_distance_km, spike_scale=1.0, first_day=56, last_day=70, method="rolling"):
    """What if some days of a log had been bigger or smaller: the scaled log, its ACWR and weekly change.

    Parameters
    ----------
    daily_load, daily_distance_km : array_like
        One value per day (same length), ≥ 0.
    spike_scale : float
        Multiplies the load and distance of days ``first_day`` to ``last_day − 1``, 0–10.
    first_day, last_day : int
        The scaled days (0-based, end excluded; default weeks 9–10).
    method : {"rolling", "uncoupled", "ewma"}
        As for :func:`acwr`.

    Returns
    -------
    dict
        ``load`` and ``distance_km`` (scaled), ``ratio`` and ``defined`` (from :func:`acwr`
        on the load), ``weekly_change`` (of the distance, :func:`weekly_change`) and ``method``.
    """
    load = _daily(daily_load).copy()
    dist = _daily(daily_distance_km, "daily_distance_km", "km", 1e3).copy()
    if dist.shape != load.shape:
        raise ValueError(f"daily_distance_km has {dist.size} days and daily_load {load.size}: give one value per day")
    scale = check_real(spike_scale, "spike_scale", "", 0, 10, array=False)
    first = int(check_real(first_day, "first_day", "days", 0, 1e5, array=False))
    last = int(check_real(last_day, "last_day", "days", 0, 1e5, array=False))
    load[first:last] *= scale
    dist[first:last] *= scale
    r = acwr(load, method=method)
    return {"load": load, "distance_km": dist, "ratio": r["ratio"], "defined": r["defined"],
            "weekly_change": weekly_change(dist), "method": method}
