"""The shared bisection (models.bisection)."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneecourse.models.bisection import bisect


@given(st.floats(-100, 100), st.floats(1e-9, 1e-3))
def test_the_bracket_keeps_the_crossing_and_is_narrow(root, tol):
    lo, hi = bisect(lambda x: x < root, -200.0, 200.0, tol)
    assert lo <= root <= hi and hi - lo <= tol


def test_a_square_root_by_bisection():
    lo, hi = bisect(lambda x: x * x < 2.0, 0.0, 2.0, 1e-12)
    assert 0.5 * (lo + hi) == pytest.approx(math.sqrt(2.0), abs=1e-12)
