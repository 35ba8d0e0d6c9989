"""Axis limits that depend on the data alone."""
import math

import pytest
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


def test_smallest_text_px_finds_the_smallest_text_a_reader_sees():
    from matplotlib.figure import Figure

    from kneecourse.views.style import smallest_text_px

    fig = Figure(dpi=100)
    ax = fig.add_subplot()
    ax.tick_params(labelsize=14.4)  # 20 px
    ax.set_title("title", fontsize=18)
    ax.text(0, 0, "note", fontsize=9)  # 12.5 px: the smallest
    ax.text(0, 0, "hidden", fontsize=5).set_visible(False)
    ax.text(0, 0, "  ", fontsize=4)  # nothing to read
    assert smallest_text_px(fig) == pytest.approx(12.5)
    ax.texts[0].remove()
    assert smallest_text_px(fig) == pytest.approx(20.0)  # the tick labels
    assert smallest_text_px(Figure()) == float("inf")
