"""Axis limits that depend on the data alone."""
import math

from hypothesis import given
from hypothesis import strategies as st

from kneecourse.views.style import nice_ceiling


def test_nice_ceiling_of_known_values():
    assert [nice_ceiling(v) for v in (0.9, 1.0, 1.3, 7.1, 11.0, 260.0, 0.034)] == [1.0, 1.0, 1.5, 8.0, 12.0, 300.0,
                                                                                   0.04]
    assert nice_ceiling(0.0) == nice_ceiling(float("nan")) == 1.0


@given(st.floats(min_value=1e-6, max_value=1e9))
def test_nice_ceiling_is_just_above_and_stable(value):
    top = nice_ceiling(value)
    assert value <= top * (1 + 1e-9) and top <= value * 4 / 3 * (1 + 1e-9)  # the widest gap: 3 -> 4, 6 -> 8
    assert math.isclose(nice_ceiling(top), top)  # a limit is its own ceiling: no creep between states
