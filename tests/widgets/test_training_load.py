"""Module 7's explorers (widgets.training_load): the ACWR and the planner."""


from kneecourse.widgets import (
    ACWRExplorer,
)


def test_acwr_explorer_own_log():
    e = ACWRExplorer()
    e.load_text("date,duration_min,rpe\n2026-01-01,30,5\n2026-01-02,-3,5\n2026-01-03,40,6\n")
    assert "line 3" in e.problems.value and e.source == "your log"
    assert len(e.state["load"]) == 3
    assert e.load_text("nonsense") is None and "bad row" in e.problems.value
