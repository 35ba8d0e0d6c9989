"""Monotone piecewise-cubic (PCHIP, Fritsch–Carlson) interpolation in numpy.

Used to turn small published tables into smooth, shape-preserving curves
without overshoot between the published points.
"""
from __future__ import annotations

import numpy as np


def _pchip_slopes(x, y):
    h = np.diff(x)
    delta = np.diff(y) / h
    d = np.zeros_like(y)
    # interior: weighted harmonic mean where the secants have the same sign
    for k in range(1, len(x) - 1):
        if delta[k - 1] * delta[k] > 0:
            w1 = 2 * h[k] + h[k - 1]
            w2 = h[k] + 2 * h[k - 1]
            d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k])
    # ends: one-sided three-point estimate, limited to keep monotonicity
    def end(h0, h1, d0, d1):
        s = ((2 * h0 + h1) * d0 - h0 * d1) / (h0 + h1)
        if np.sign(s) != np.sign(d0):
            return 0.0
        if np.sign(d0) != np.sign(d1) and abs(s) > abs(3 * d0):
            return 3 * d0
        return s

    if len(x) > 2:
        d[0] = end(h[0], h[1], delta[0], delta[1])
        d[-1] = end(h[-1], h[-2], delta[-1], delta[-2])
    else:
        d[:] = delta[0]
    return d


class Pchip:
    """Monotone cubic interpolant through ``(x, y)``; ``x`` strictly increasing.

    Outside ``[x[0], x[-1]]`` the end values are held constant.
    """

    def __init__(self, x, y):
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        if self.x.ndim != 1 or self.x.size < 2 or np.any(np.diff(self.x) <= 0):
            raise ValueError("Pchip needs at least two strictly increasing x values")
        self.d = _pchip_slopes(self.x, self.y)

    def __call__(self, xq):
        xq = np.asarray(xq, dtype=float)
        xc = np.clip(xq, self.x[0], self.x[-1])
        k = np.clip(np.searchsorted(self.x, xc, side="right") - 1, 0, self.x.size - 2)
        h = self.x[k + 1] - self.x[k]
        t = (xc - self.x[k]) / h
        h00 = (1 + 2 * t) * (1 - t) ** 2
        h10 = t * (1 - t) ** 2
        h01 = t**2 * (3 - 2 * t)
        h11 = t**2 * (t - 1)
        return h00 * self.y[k] + h10 * h * self.d[k] + h01 * self.y[k + 1] + h11 * h * self.d[k + 1]
