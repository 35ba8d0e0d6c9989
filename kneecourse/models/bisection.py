"""The crossing of a monotonic condition by bisection (shared by the stance, the contact pose and the stairs)."""
from __future__ import annotations

__all__ = ["bisect"]


def bisect(below, lo: float, hi: float, tol: float) -> tuple:
    """Halve ``[lo, hi]`` until it is at most ``tol`` wide, keeping the crossing of ``below`` inside.

    Parameters
    ----------
    below : callable
        ``below(x)`` is True for x under the crossing and False above it (``below(lo)`` True, ``below(hi)``
        False, as the caller has checked).
    lo, hi : float
        The bracket.
    tol : float
        Width to stop at, > 0, in the units of x.

    Returns
    -------
    (float, float)
        The final bracket ``(lo, hi)``.
    """
    while hi - lo > tol:
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if below(mid) else (lo, mid)
    return lo, hi
