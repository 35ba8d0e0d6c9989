import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneecourse.validation import check_choice, check_flag, check_real

from .conftest import seconds_per_call


def test_scalar_and_array_pass_through():
    assert check_real(3, "x", "m", 0, 5) == 3.0
    assert isinstance(check_real(np.float32(2.5), "x"), float)
    out = check_real([1, 2, 3], "x", "m", 0, 5)
    assert isinstance(out, np.ndarray) and out.dtype == float and out.tolist() == [1, 2, 3]


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_rejected_with_name_unit_and_range(bad):
    with pytest.raises(ValueError) as e:
        check_real(bad, "knee_flexion_deg", "deg", 0, 140)
    msg = str(e.value)
    assert "knee_flexion_deg" in msg and "deg" in msg and "[0, 140]" in msg


def test_out_of_range_names_value():
    with pytest.raises(ValueError, match=r"knee_flexion_deg = 150 deg is out of range; allowed: \[0, 140\] deg"):
        check_real(150, "knee_flexion_deg", "deg", 0, 140)


def test_array_with_one_bad_entry():
    with pytest.raises(ValueError, match="x = 7"):
        check_real([1, 2, 7, 3], "x", "m", 0, 5)
    with pytest.raises(ValueError, match="not a finite"):
        check_real(np.array([1.0, np.nan]), "x", "m")


@pytest.mark.parametrize("bad", ["30", None, True, 1 + 2j, object(), [["a"]], {"a": 1}])
def test_wrong_types(bad):
    with pytest.raises(TypeError, match="x"):
        check_real(bad, "x", "m")


def test_open_bounds_and_scalar_only():
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        check_real(0, "x", "", 0, 1, low_open=True)
    with pytest.raises(TypeError, match="single number"):
        check_real([1, 2], "x", "m", array=False)
    with pytest.raises(ValueError, match="empty"):
        check_real([], "x", "m")


def test_choice_and_flag():
    assert check_choice("a", "kind", {"a", "b"}) == "a"
    with pytest.raises(ValueError, match="kind = 'c'.*choose one of"):
        check_choice("c", "kind", {"a", "b"})
    assert check_flag(True, "f") is True
    with pytest.raises(TypeError, match="f must be True or False"):
        check_flag(1, "f")


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_returns_finite_in_range_or_raises(x):
    try:
        v = check_real(x, "x", "m", -10, 10)
    except ValueError as exc:
        assert "x" in str(exc)
    else:
        assert -10 <= v <= 10


def _outcome(value, **kw):
    try:
        return ("ok", check_real(value, "x", "m", **kw))
    except (TypeError, ValueError) as exc:
        return (type(exc).__name__, str(exc))


@given(st.one_of(st.floats(), st.integers(-(2**60), 2**60)), st.floats(-1e3, 1e3), st.floats(0, 1e3),
       st.booleans(), st.booleans())
def test_fast_path_for_plain_numbers_agrees_with_the_general_path(x, low, width, low_open, high_open):
    # Python floats and ints take a shortcut; a 0-d array takes the general path. Same answer, same message.
    kw = dict(low=low, high=low + width, low_open=low_open, high_open=high_open)
    fast = _outcome(x, **kw)
    general = _outcome(np.array(float(x)), **kw)
    assert fast == general


@pytest.mark.perf
def test_scalar_check_is_cheap():
    # every model checks every input on every slider move; the check must not be the cost
    # (a ratio measured in one run: the check against the smallest model an explorer calls, a lever's moment)
    from kneecourse.models.statics import force_on_lever

    per_call = seconds_per_call(lambda: check_real(3.0, "x", "m", 0, 10), 2000)
    model = seconds_per_call(lambda: force_on_lever(100.0, -90.0, 0.5), 200)
    assert per_call < 0.1 * model, (
        f"check_real on a float takes {per_call * 1e6:.2f} µs, a model call {model * 1e6:.1f} µs")


# --- edges of the public functions: each a named error, never a hang or a library's message -------------

def test_an_integer_too_large_for_a_float_is_out_of_range_by_name():
    from kneecourse.validation import check_real

    with pytest.raises(ValueError, match=r"^mass_kg = an integer of 401 digits .*is out of range; allowed"):
        check_real(10**400, "mass_kg", "kg", 30, 200)
    with pytest.raises(ValueError, match="mass_kg"):
        check_real(-(10**400), "mass_kg", "kg", 30, 200, array=False)


@pytest.mark.parametrize("options, name", [({"steps": float("nan")}, "steps"), ({"steps": 10}, "steps"),
                                           ({"steps": 10**9}, "steps"), ({"steps": 500.5}, "steps"),
                                           ({"n_points": 0}, "n_points"), ({"n_points": 2.5}, "n_points"),
                                           ({"n_points": 10**9}, "n_points")])
def test_solver_options_are_checked_before_the_solver_runs(options, name, monkeypatch):
    """NaN tolerances used to integrate for 25 s and more, a tolerance of 1e-320 gave IndexError, n_points 0
    numpy's 'need at least one array to concatenate'. The check comes before the solver: it is never called."""
    import kneecourse as kc
    from kneecourse.models import periodic_gait

    def never(*a, **k):
        raise AssertionError("the solver ran with options that were not checked")

    monkeypatch.setattr(periodic_gait, "_rk4", never)
    with pytest.raises((ValueError, TypeError), match=rf"^{name}"):
        kc.slip_stance(70, 0.95, 20_000, 3.3, 20, **options)


def test_max_weeks_is_checked_by_name():
    import kneecourse as kc

    with pytest.raises(ValueError, match=r"^max_weeks = -1 weeks? is out of range"):
        kc.plan_progression(20, 40, 0.1, max_weeks=-1)


def test_masses_of_the_wrong_shape_are_named():
    import kneecourse as kc

    with pytest.raises(ValueError, match=r"^masses must be one mass per point: got shape \(2, 3\)"):
        kc.center_of_mass([[0, 0], [1, 1], [2, 2]], [[1, 2, 3], [4, 5, 6]])


def test_a_shared_input_is_declared_once_not_restated_where_it_is_checked():
    """Body mass 30–200 kg was written out at eight check sites; a declared input is checked with
    validation.check (its LIMITS entry, or a model's SCOPES), never with its range written again."""
    import re

    from kneecourse.validation import LIMITS

    from .conftest import ROOT

    again = []
    for path in sorted((ROOT / "kneecourse" / "models").glob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = re.search(r'check_real\([^,]+, "(\w+)"', line)
            if found and found.group(1) in LIMITS:
                again.append(f"{path.name}:{n}: {line.strip()}")
    assert not again, "ranges written again:\n" + "\n".join(again)
