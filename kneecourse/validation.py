"""Input checks shared by every model.

Every public function of the course validates its inputs with :func:`check_real`
so that a learner who types a wrong value gets an error that names the
parameter, the value, the unit and the allowed range, instead of a silent NaN
or a plot that makes no sense.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np

__all__ = ["Limit", "LIMITS", "check", "check_real", "check_choice", "check_flag", "scalar_or_array"]


def _fmt(x: float) -> str:
    return f"{x:g}"


def _range_text(low: float, high: float, unit: str, low_open: bool, high_open: bool) -> str:
    u = f" {unit}" if unit else ""
    if np.isfinite(low) and np.isfinite(high):
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        return f"{left}{_fmt(low)}, {_fmt(high)}{right}{u}"
    if np.isfinite(low):
        return f"{'>' if low_open else '>='} {_fmt(low)}{u}"
    if np.isfinite(high):
        return f"{'<' if high_open else '<='} {_fmt(high)}{u}"
    return f"any finite number{u}"


def check_real(
    value,
    name: str,
    unit: str = "",
    low: float = -np.inf,
    high: float = np.inf,
    *,
    low_open: bool = False,
    high_open: bool = False,
    array: bool = True,
):
    """Validate a real number (or array of real numbers) and return it as float.

    Parameters
    ----------
    value : float or array_like
        The value given by the caller.
    name : str
        Parameter name used in the error message.
    unit : str, optional
        Unit shown in the error message (e.g. ``"deg"``, ``"N·m"``).
    low, high : float, optional
        Allowed range (inclusive unless ``low_open``/``high_open``).
    low_open, high_open : bool, optional
        Make the corresponding bound exclusive.
    array : bool, optional
        Accept numpy arrays / sequences. If False only scalars are accepted.

    Returns
    -------
    float or numpy.ndarray
        A Python float for scalar input, otherwise a float64 array of the
        same shape.

    Raises
    ------
    TypeError
        If the value is not a real number (strings, booleans, complex, None,
        objects) or an array was given where a scalar is required.
    ValueError
        If any entry is NaN, infinite or outside the allowed range.
    """
    # fast path for the common case (a plain finite float in range): models call this for every
    # input on every slider move, so it must cost well under a microsecond
    tv = type(value)
    if tv is float or tv is np.float64 or (tv is int and -(2**53) <= value <= 2**53):
        v = float(value)
        if (math.isfinite(v) and (v > low if low_open else v >= low)
                and (v < high if high_open else v <= high)):
            return v

    def allowed():  # built only for an error message
        return _range_text(low, high, unit, low_open, high_open)

    u = f" {unit}" if unit else ""
    scalar = np.ndim(value) == 0 if not isinstance(value, (str, bytes)) else True
    if isinstance(value, (bool, np.bool_)) or isinstance(value, (str, bytes)) or value is None:
        raise TypeError(
            f"{name} must be a real number in {unit or 'no unit'}, got {value!r} "
            f"({type(value).__name__}); allowed: {allowed()}"
        )
    if scalar:
        if not isinstance(value, (numbers.Real, np.integer, np.floating)) and not (
            isinstance(value, np.ndarray) and value.dtype.kind in "iuf"
        ):
            raise TypeError(
                f"{name} must be a real number in {unit or 'no unit'}, got {value!r} "
                f"({type(value).__name__}); allowed: {allowed()}"
            )
        try:
            arr = np.asarray(value, dtype=float)
        except OverflowError:  # a Python int beyond a float's range
            raise ValueError(f"{name} = an integer of {len(str(abs(int(value))))} digits{u} is out of range; "
                             f"allowed: {allowed()}") from None
    else:
        if not array:
            raise TypeError(f"{name} must be a single number in {unit or 'no unit'}, got an array")
        try:
            arr = np.asarray(value)
        except Exception as exc:  # ragged lists and the like
            raise TypeError(f"{name} must be an array of real numbers ({unit}): {exc}") from None
        if arr.dtype.kind not in "iuf":
            raise TypeError(
                f"{name} must contain real numbers in {unit or 'no unit'}, "
                f"got an array of dtype {arr.dtype}; allowed: {allowed()}"
            )
        arr = arr.astype(float)
        if arr.size == 0:
            raise ValueError(f"{name} is empty; give at least one value ({allowed()})")
    finite = np.isfinite(arr)
    if not finite.all():
        v = arr[~finite].flat[0] if arr.ndim else float(arr)
        raise ValueError(f"{name} = {v}{u} is not a finite number; allowed: {allowed()}")
    lo_v, hi_v = (float(arr), float(arr)) if scalar else (arr.min(), arr.max())
    if (lo_v <= low if low_open else lo_v < low) or (hi_v >= high if high_open else hi_v > high):
        below = arr <= low if low_open else arr < low
        above = arr >= high if high_open else arr > high
        v = arr[below | above].flat[0] if arr.ndim else float(arr)
        raise ValueError(f"{name} = {_fmt(v)}{u} is out of range; allowed: {allowed()}")
    return float(arr) if scalar else arr


@dataclass(frozen=True)
class Limit:
    """The allowed range of one input: unit, inclusive bounds and what it is (for the docs and the fuzz tests)."""

    unit: str
    low: float
    high: float
    what: str = ""

    def check(self, value, name: str, *, array: bool = True):
        """:func:`check_real` of ``value`` against this range, named ``name`` in the error."""
        return check_real(value, name, self.unit, self.low, self.high, array=array)


#: Inputs that several models share, each declared once: parameter name -> its limit. A model valid over a
#: narrower range declares that range once, in its own module, and says why (e.g. the speeds for which
#: :mod:`~kneecourse.models.spring_mass` solves a periodic gait); the fuzz tests read both.
LIMITS = {
    "mass_kg": Limit("kg", 30, 200, "body mass"),
    "height_m": Limit("m", 1.2, 2.2, "standing height"),
    "leg_length_m": Limit("m", 0.5, 1.3, "rest length of the spring leg (hip to ground)"),
    "speed_m_s": Limit("m/s", 1, 12, "running speed"),
    "step_rate_spm": Limit("steps/min", 100, 260, "step rate, both feet counted"),
    "pelvic_tilt_deg": Limit("deg", -30, 40, "anterior pelvic tilt (negative: posterior)"),
    "trunk_lean_deg": Limit("deg", -20, 60, "forward lean of the trunk from vertical"),
    "static_q_deg": Limit("deg", 0, 30, "standing Q-angle"),
}


def check(value, name: str, *, array: bool = True, limit: Limit | None = None):
    """Check an input against its declared limit (:data:`LIMITS`, or a model's narrower ``limit``)."""
    return (limit or LIMITS[name]).check(value, name, array=array)


def check_choice(value, name: str, choices):
    """Check that ``value`` is one of ``choices`` and return it.

    Raises
    ------
    ValueError
        Naming the parameter, the value and the allowed choices.
    """
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} = {value!r} is not allowed; choose one of {sorted(choices)}")
    return value


def check_flag(value, name: str) -> bool:
    """Check that ``value`` is a real boolean (True/False) and return it."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def scalar_or_array(out):
    """Return a Python float for a 0-d result, the array otherwise (the models' output convention)."""
    return float(out) if np.ndim(out) == 0 else out
