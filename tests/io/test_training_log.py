"""Reading a training log (io.training_log)."""
import pytest

from kneecourse.io.training_log import LogError, parse_training_log, sample_log
from kneecourse.models.training_load import weekly_change

from ..conftest import ROOT


def test_log_import_reports_bad_rows_by_line():
    text = (
        "# a comment\n"
        "date,duration_min,rpe,distance_km\n"
        "2026-01-01,30,5,5\n"
        "2026-01-02,-10,5,5\n"        # line 4: negative
        "2026-01-03,30,nan,5\n"       # line 5: NaN
        "01/04/2026,30,5,5\n"         # line 6: bad date
        "2026-01-05,30,5\n"           # line 7: missing cell
        "2026-01-06,thirty,5,5\n"     # line 8: not a number
        "2026-01-07,40,6,\n"
    )
    log = parse_training_log(text)
    assert [n for n, _ in log.problems] == [4, 5, 6, 7, 8]
    assert "duration_min = -10" in dict(log.problems)[4]
    assert log.sessions == 2 and len(log.dates) == 7
    assert log.load[0] == 150 and log.load[-1] == 240 and log.load[1:6].sum() == 0
    with pytest.raises(LogError) as e:
        parse_training_log(text, strict=True)
    assert "line 4" in str(e.value) and len(e.value.problems) == 5
    with pytest.raises(LogError, match="header lacks"):
        parse_training_log("when,minutes\n2026-01-01,30\n")


def test_sample_log_is_synthetic_with_a_spike():
    text = (ROOT / "data" / "sample_training_log.csv").read_text()
    assert text.startswith("# SYNTHETIC")
    log = sample_log()
    change = weekly_change(log.distance_km)
    assert change.max() > 0.3  # the spike the module is about
