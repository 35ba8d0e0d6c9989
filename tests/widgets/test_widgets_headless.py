"""Explorers used headless: controls drive the model, the figure is reused, steps are fast."""
import statistics
import time

import numpy as np
import pytest

import kneecourse.widgets as widgets
from kneecourse.course.explorers import EXPLORERS
from kneecourse.views.display import plain_text
from kneecourse.views.scene import record_frame
from kneecourse.widgets import (
    ACWRExplorer,
    LegExplorer,
    LeverExplorer,
    PatellofemoralExplorer,
    ProgramApp,
    SpringMassExplorer,
    SquatExplorer,
    TrackingExplorer,
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


def test_lever_state_matches_statics():
    e = LeverExplorer().set(force_n=100.0, angle_deg=-90.0, distance_m=0.5)
    assert e.state["moment_nm"] == pytest.approx(-50.0)
    assert e.state["moment_arm_m"] == pytest.approx(0.5)


def test_leg_explorer_coupling_toggle():
    e = LegExplorer().set(knee_flexion_deg=60.0)
    assert e.state["axial_rotation_deg"] == pytest.approx(13.2, abs=0.5)
    e.set(coupled=False)
    assert e.state["axial_rotation_deg"] == 0.0


def test_impossible_combination_shows_message_keeps_figure():
    e = SquatExplorer()
    before = e.state
    e._compute = lambda **kw: (_ for _ in ()).throw(ValueError("no balanced squat: change the shank angle"))
    e.set(knee_flexion_deg=100.0)
    assert e.error and "shank angle" in e.readout.value and e.state is before


def test_spring_frame_does_not_recompute():
    e = SpringMassExplorer()
    state = e.state
    e.set(frame=10)
    assert e.state is state


def test_spring_explorer_says_the_preferred_rate_and_when_the_knee_is_extrapolated():
    # the stiffness follows the step rate relative to the rate a runner chooses at the speed (models.spring_mass):
    # the drawing names that rate, and faster than the knee part's data the readout says the PF force is a trend
    e = SpringMassExplorer()
    words = lambda: " ".join(t[4] for t in record_frame(e.fig, e._dynamic_artists()).texts)  # noqa: E731
    assert "about 170 steps/min (+0%)" in words() and "extrapolation" not in plain_text(e.readout.value)
    e.set(speed_m_s=5.0)
    assert "about 188 steps/min (-10%)" in words()
    text = plain_text(e.readout.value)
    assert "PF force" in text and "extrapolation: a trend, not a value" in text and "⚠" not in text


def test_acwr_explorer_own_log():
    e = ACWRExplorer()
    e.load_text("date,duration_min,rpe\n2026-01-01,30,5\n2026-01-02,-3,5\n2026-01-03,40,6\n")
    assert "line 3" in e.problems.value and e.source == "your log"
    assert len(e.state["load"]) == 3
    assert e.load_text("nonsense") is None and "bad row" in e.problems.value


def test_program_app_flow(course_home, tmp_path):
    a = ProgramApp()
    assert not a.unlocked
    a.answer_screen(swelling=True)
    assert a.continue_() and not a.unlocked and "clinician" in a.screen_msg.value
    a.answer_screen(swelling=False)
    assert a.continue_() == [] and a.unlocked
    before = a.table.value
    a.f_category.value = "mobility"
    assert a.table.value != before
    plan = a.plan.value
    a.b_minutes.value = 240
    assert a.plan.value != plan
    paths = a.export(tmp_path)
    assert paths["html"].read_text().startswith("<!doctype html>") and "Not medical advice" in paths["html"].read_text()
    assert paths["csv"].read_text().splitlines()[0].startswith("session,exercise")
    a.p_during.value, a.p_morning.value = 6, 2
    assert a.record_pain() == "regress"
    assert "regress" in a.p_log.value


def test_exporting_into_a_folder_that_cannot_be_written_says_so_in_the_app(course_home, tmp_path):
    """A read-only (or missing, or file-blocked) folder: a message in the app naming the folder, no exception
    lost in the browser's console."""
    a = ProgramApp()
    blocker = tmp_path / "plans-file"
    blocker.write_text("a file where the folder should be")
    assert a.export(blocker / "plans") is None
    msg = a.export_msg.value
    assert "could not be saved" in msg and "plans-file" in msg and "another folder" in msg
    assert not list(tmp_path.glob("**/*.html"))


def test_lever_with_no_force_draws_no_line_of_action():
    import warnings

    from kneecourse.widgets import LeverExplorer

    ex = LeverExplorer()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no division by a zero-length force
        ex.set(force_n=0.0)
        ex.fig.canvas.draw()
    view = next(v for v in ex._views if hasattr(v, "arm"))
    assert len(view.arm.get_xdata()) == 0 and len(view.line.get_xdata()) == 0
    ex.set(force_n=100.0)
    assert len(view.arm.get_xdata()) == 2 and np.all(np.isfinite(view.arm.get_xydata()))


@pytest.mark.parametrize("vmo_share, flexion", [(0.0, 30.0), (0.05, 90.0), (0.07, 90.0)])
def test_a_patella_that_would_sublux_is_said_and_drawn(vmo_share, flexion):
    """Hip adduction 10°, internal rotation 10° and a weak VMO leave no equilibrium. The readout said
    'stress_pa = nan Pa is not a finite number' while the drawing kept the last seated frame."""
    e = TrackingExplorer()
    seated = e.knee_view.patella.get_xdata()[0]
    e.set(hip_adduction_deg=10.0, hip_internal_rotation_deg=10.0, vmo_share=vmo_share, knee_flexion_deg=flexion)
    assert e.error is None and not e.state["stable"]
    text = e.readout.value
    assert "sublux" in text and "nan" not in text.lower() and "⚠" not in text
    assert "sublux" in e.facets.status.get_text() and "seated" not in e.facets.status.get_text()
    assert e.knee_view.patella.get_xdata()[0] > seated  # drawn off the groove, laterally
    assert all(b.get_height() == 0 for b in e.facets.bars)
    e.set(vmo_share=0.24, hip_adduction_deg=0.0, hip_internal_rotation_deg=0.0)  # and back in the groove
    assert e.state["stable"] and e.knee_view.patella.get_xdata()[0] == seated
