"""Reading a training log (io.training_log)."""
import pytest

from kneecourse.dataio.training_log import LogError, parse_training_log, sample_log
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


# --- logs as spreadsheets write them, and typos that would make up a spike ----------------------------------

def _rows(days, start=(2026, 1, 5)):
    import datetime as dt

    first = dt.date(*start)
    return [f"{first + dt.timedelta(days=d)},40,5,8" for d in days]


def test_a_date_typo_is_a_bad_row_not_a_two_thousand_year_log():
    """'0205-01-29' among 2026 dates made a 664,742-day log and a made-up spike (ACWR 4.00, +250%)."""
    text = "\n".join(["date,duration_min,rpe,distance_km", *_rows(range(40)), "0205-01-29,40,5,8",
                      "2131-01-01,40,5,8"])
    log = parse_training_log(text)
    assert len(log.dates) == 40 and log.sessions == 40
    assert [(n, m.split(":")[0]) for n, m in log.problems] == [(42, "date 0205-01-29 is not a plausible date"),
                                                               (43, "date 2131-01-01 is not a plausible date")]


def test_a_log_spanning_decades_is_refused_with_its_dates():
    text = "\n".join(["date,duration_min,rpe", "1995-03-01,40,5", "2026-03-01,40,5"])
    with pytest.raises(LogError, match=r"spans 31 years \(1995-03-01 to 2026-03-01\)"):
        parse_training_log(text)


@pytest.mark.parametrize("text", [
    "\ufeffdate,duration_min,rpe,distance_km\n2026-01-05,40,5,8\n2026-01-06,30,4,6",  # a spreadsheet's BOM
    "date;duration_min;rpe;distance_km\n2026-01-05;40;5;8\n2026-01-06;30;4;6",        # ; (many countries)
    "date;duration_min;rpe;distance_km\n2026-01-05;40;5;8,0\n2026-01-06;30;4;6,0",    # ; with decimal commas
    "date\tduration_min\trpe\tdistance_km\n2026-01-05\t40\t5\t8\n2026-01-06\t30\t4\t6",  # tab
])
def test_logs_as_spreadsheets_save_them_are_read(text):
    log = parse_training_log(text, strict=True)
    assert log.sessions == 2 and list(log.load) == [200.0, 120.0] and list(log.distance_km) == [8.0, 6.0]


def test_a_short_log_says_what_it_needs_instead_of_nan():
    from kneecourse.widgets import ACWRExplorer

    e = ACWRExplorer()
    e.load_text("\n".join(["date,duration_min,rpe,distance_km", *_rows(range(3))]))
    text = e.readout.value
    assert "nan" not in text.lower() and "needs at least 28 days" in text


def test_thousands_of_bad_rows_are_summarised_not_all_sent_to_the_browser():
    from kneecourse.widgets import ACWRExplorer

    e = ACWRExplorer()
    bad = [f"2026-02-{1 + d % 28:02d},forty,5,8" for d in range(20_000)]
    e.load_text("\n".join(["date,duration_min,rpe,distance_km", *_rows(range(40)), *bad]))
    html = e.problems.value
    assert len(html) < 10_000, len(html)
    assert "20000 row(s) left out" in html and "and 19980 more" in html
