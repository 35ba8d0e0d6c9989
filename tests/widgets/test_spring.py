"""Module 6's explorer (widgets.spring): the spring-mass runner."""


from kneecourse.views.display import plain_text
from kneecourse.views.scene import record_frame
from kneecourse.widgets import (
    SpringMassExplorer,
)


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
