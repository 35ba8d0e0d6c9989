"""Your own runs from watch files: FIT (fitdecode), GPX (gpxpy), TCX; damaged files named, the rest still load."""
import dataclasses
import datetime as dt
import math
import sys

import pytest

from kneecourse.dataio.watch_files import (
    WatchFileError,
    _fit_full,
    _fit_session_fast,
    daily_distance_km,
    read_run,
    read_runs,
    sample_runs_folder,
    write_season,
)

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "tools"))
from make_watch_samples import SAMPLES, make_samples  # noqa: E402

EXPECTED = {name: dict(start=start, minutes=minutes, speed=speed, spm=spm, contact=contact, vo=vo)
            for name, start, minutes, speed, spm, contact, vo in SAMPLES}


def test_samples_are_what_the_generator_makes(tmp_path):
    """The shipped samples are reproducible from the script (no hand-edited data)."""
    for made in make_samples(tmp_path):
        shipped = sample_runs_folder() / made.name
        assert shipped.read_bytes() == made.read_bytes(), f"{made.name} differs from the generator's output"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_reads_as_the_run_it_is(name):
    e = EXPECTED[name]
    r = read_run(sample_runs_folder() / name)
    assert r.start == e["start"].replace(tzinfo=dt.timezone.utc) and r.date == e["start"].date()
    assert r.duration_s == pytest.approx(60 * e["minutes"], abs=1)
    assert r.speed_m_s == pytest.approx(e["speed"], rel=0.01)
    assert r.distance_m == pytest.approx(e["speed"] * 60 * e["minutes"], rel=0.01)
    assert r.step_rate_spm == pytest.approx(e["spm"], abs=1.5)
    if e["contact"] is None:
        assert math.isnan(r.contact_time_ms) and not r.has_running_dynamics
    else:
        assert r.contact_time_ms == pytest.approx(e["contact"]) and r.vertical_oscillation_mm == pytest.approx(e["vo"])


@pytest.mark.parametrize("name", [n for n in EXPECTED if n.endswith(".fit")])
def test_fast_session_walk_agrees_with_fitdecode(name):
    path = sample_runs_folder() / name
    fast, full = _fit_session_fast(path.read_bytes()), _fit_full(path)
    assert fast["total_distance"] == pytest.approx(full["total_distance"])
    assert fast["total_timer_time"] == pytest.approx(full["total_timer_time"])
    assert fast["avg_cadence"] == full.get("avg_running_cadence", full.get("avg_cadence"))
    assert fast.get("avg_stance_time") == full.get("avg_stance_time")


def test_damaged_and_unsupported_files_are_named_and_the_rest_load(tmp_path):
    good = sample_runs_folder() / "watch_with_running_dynamics.fit"
    (tmp_path / "ok.fit").write_bytes(good.read_bytes())
    (tmp_path / "cut.fit").write_bytes(good.read_bytes()[:5000])  # a download that stopped
    (tmp_path / "noise.gpx").write_text("<gpx><trk><trkseg><trkpt lat='x'")
    (tmp_path / "ride.tcx").write_text((sample_runs_folder() / "watch_export_run.tcx").read_text()
                                       .replace('Sport="Running"', 'Sport="Biking"'))
    (tmp_path / "notes.txt").write_text("not a run")  # other files in the folder are named as skipped
    runs, problems = read_runs(tmp_path, progress=False)
    assert [r.source for r in runs] == ["ok.fit"]
    named = dict(problems)
    assert set(named) == {"cut.fit", "noise.gpx", "ride.tcx", "notes.txt"}
    assert named["notes.txt"].startswith("notes.txt: skipped")
    assert named["cut.fit"].startswith("cut.fit: damaged FIT file")
    assert named["noise.gpx"].startswith("noise.gpx: damaged GPX file")
    assert "not a run (sport: Biking)" in named["ride.tcx"]
    with pytest.raises(WatchFileError, match=r"notes.txt: unsupported file type '.txt'"):
        read_run(tmp_path / "notes.txt")
    with pytest.raises(WatchFileError, match="missing.fit: no such file"):
        read_run(tmp_path / "missing.fit")


def _flipped(data: bytes, bit: int) -> bytes:
    buf = bytearray(data)
    buf[bit // 8] ^= 1 << (bit % 8)
    return bytes(buf)


def test_one_flipped_bit_in_the_distance_is_a_damaged_file_not_a_longer_run(tmp_path):
    """A single flipped bit in total_distance turned 7,441 m into 17,927 m before the fast path checked the CRC."""
    from kneecourse.dataio.watch_files import _session_offsets

    data = (sample_runs_folder() / "watch_with_running_dynamics.fit").read_bytes()
    off, _, _ = _session_offsets(data)["total_distance"]
    path = tmp_path / "flipped.fit"
    path.write_bytes(_flipped(data, 8 * off + 20))
    with pytest.raises(WatchFileError, match=r"flipped.fit: damaged FIT file \(.*CRC"):
        read_run(path)


def test_no_single_bit_flip_in_the_session_gives_silently_different_values(tmp_path):
    """Every bit of the session message flipped in turn: each copy is either refused as damaged or reads exactly
    as the original (9% gave different numbers before)."""
    from kneecourse.dataio.watch_files import _fit_data_messages

    data = (sample_runs_folder() / "watch_with_running_dynamics.fit").read_bytes()
    original = read_run(sample_runs_folder() / "watch_with_running_dynamics.fit")
    start = next(off for gnum, _, _, off in _fit_data_messages(data) if gnum == 18)
    silent, refused = [], 0
    for bit in range(8 * (start - 1), 8 * min(start + 60, len(data))):
        path = tmp_path / "f.fit"
        path.write_bytes(_flipped(data, bit))
        try:
            run = read_run(path)
        except WatchFileError as exc:
            assert str(exc).startswith("f.fit: "), exc
            refused += 1
            continue
        if dataclasses.replace(run, source=original.source) != original:
            silent.append(bit)
    assert not silent and refused > 0


@pytest.mark.parametrize("error", [__import__("struct").error("unpack requires a buffer of 4 bytes"),
                                   TypeError("unsupported operand"), ValueError("size")])
def test_a_decoder_failure_of_any_kind_is_a_damaged_file(tmp_path, monkeypatch, error):
    import fitdecode

    def broken(*a, **k):
        raise error

    monkeypatch.setattr(fitdecode, "FitReader", broken)
    path = tmp_path / "odd.fit"
    path.write_bytes(b"not a fit file at all, but long enough to try")
    with pytest.raises(WatchFileError, match=r"^odd.fit: damaged FIT file \("):
        read_run(path)


def test_the_benchmark_season_carries_valid_crcs(tmp_path):
    from kneecourse.dataio.watch_files import _fit_crc_ok

    for path in write_season(tmp_path, 3):
        assert _fit_crc_ok(path.read_bytes()), path.name
        assert _fit_full(path)["total_distance"] > 0  # a strict decoder accepts the copy too


def test_progress_is_reported_per_file_and_days_are_summed():
    seen = []
    runs, problems = read_runs(sample_runs_folder(), progress=lambda done, total: seen.append((done, total)))
    assert not problems and seen == [(i, 4) for i in range(1, 5)]
    days, km = daily_distance_km(runs)
    assert days[0] == dt.date(2026, 9, 1) and len(days) == 7 and km.sum() == pytest.approx(
        sum(r.distance_m for r in runs) / 1000)
    assert km[1] == 0.0  # a rest day


@pytest.mark.perf
@pytest.mark.slow
def test_a_year_of_daily_runs_imports_file_by_file_as_fast_as_a_week(tmp_path):
    # a ratio in one run: the time per file does not grow with the folder (the benchmark has the seconds)
    import time

    year, week = tmp_path / "year", tmp_path / "week"
    year.mkdir()
    week.mkdir()
    write_season(year, 365)
    write_season(week, 7)
    per_file = {}
    for folder, n in ((week, 7), (year, 365)):
        best = float("inf")
        for _ in range(2 if n == 365 else 5):
            t0 = time.perf_counter()
            runs, problems = read_runs(folder, progress=False)
            best = min(best, time.perf_counter() - t0)
        per_file[n] = best / n
    assert len(runs) == 365 and not problems and runs[-1].date == dt.date(2025, 12, 31)
    assert runs[-1].distance_m == pytest.approx(5000.0 + 10 * 364)
    assert per_file[365] < 2.0 * per_file[7], (
        f"per file: a year {per_file[365] * 1e3:.1f} ms, a week {per_file[7] * 1e3:.1f} ms")


@pytest.mark.parametrize("nb", ["06_running_as_a_spring", "07_training_load"])
def test_modules_6_and_7_use_the_learners_own_runs_and_say_nothing_leaves(nb):
    text = (ROOT / "notebooks" / f"{nb}.ipynb").read_text()
    assert "read_runs(" in text and "nothing is uploaded or sent anywhere" in text


def test_the_fit_crc_is_the_protocols():
    """CRC-16/ARC, the FIT SDK's checksum: its standard check value (CRC catalogue: "123456789" → 0xBB3D)."""
    from kneecourse.dataio.watch_files import _fit_crc

    assert _fit_crc(b"123456789") == 0xBB3D
    assert _fit_crc(b"") == 0


# --- impossible values: every run from every format is checked, the file named ---------------------------------

def _tcx(**replace):
    text = (sample_runs_folder() / "watch_export_run.tcx").read_text()
    for old, new in replace.items():
        text = text.replace(old, new, 1)
    return text


def _gpx_first_point(old, new):
    text = (sample_runs_folder() / "phone_app_run.gpx").read_text()
    return text.replace(old, new, 1)


@pytest.mark.parametrize("name, text, what", [
    ("inf.tcx", _tcx(**{"<DistanceMeters>6931.1<": "<DistanceMeters>inf<"}), "distance"),
    ("huge.tcx", _tcx(**{"<DistanceMeters>6931.1<": "<DistanceMeters>1e400<"}), "distance"),
    ("instant.tcx", _tcx(**{"<TotalTimeSeconds>2100.0<": "<TotalTimeSeconds>1e-300<"}), "duration"),
    ("word.tcx", _tcx(**{"<DistanceMeters>6931.1<": "<DistanceMeters>far<"}), "distance"),
    ("sprint.tcx", _tcx(**{"<DistanceMeters>6931.1<": "<DistanceMeters>69311<"}), "speed"),
    ("cadence.tcx", _tcx(**{"<ns3:RunCadence>86<": "<ns3:RunCadence>inf<"}), "step rate"),
    ("north.tcx", _tcx(**{"<LatitudeDegrees>51.5000000<": "<LatitudeDegrees>1e308<"}), "latitude"),
    ("cadence.gpx", _gpx_first_point("<gpxtpx:cad>83<", "<gpxtpx:cad>inf<"), "step rate"),
    ("north.gpx", _gpx_first_point('lat="51.5000000"', 'lat="1e308"'), "latitude"),
    ("ancient.gpx", _gpx_first_point("<time>2026-09-05T07:00:00Z", "<time>0001-09-05T07:00:00Z"), "start"),
])
def test_impossible_values_are_refused_with_the_file_named(tmp_path, name, text, what):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(WatchFileError, match=rf"^{name}: .*{what}") as caught:
        read_run(path)
    assert "nan" not in str(caught.value) and "inf km" not in str(caught.value)


def test_a_fit_session_with_an_impossible_distance_is_refused_even_with_a_good_crc(tmp_path):
    from kneecourse.dataio.watch_files import retimed_copy

    data = (sample_runs_folder() / "watch_with_running_dynamics.fit").read_bytes()
    path = tmp_path / "far.fit"
    path.write_bytes(retimed_copy(data, dt.datetime(2026, 9, 1, tzinfo=dt.timezone.utc), 4.0e7))  # 40,000 km
    with pytest.raises(WatchFileError, match=r"^far.fit: .*distance"):
        read_run(path)


def test_a_fit_without_a_session_beyond_the_size_limit_is_refused_before_decoding(tmp_path, monkeypatch):
    import kneecourse.dataio.watch_files as wf

    monkeypatch.setattr(wf, "FIT_FULL_DECODE_MAX_BYTES", 1000)
    path = tmp_path / "big.fit"
    path.write_bytes((sample_runs_folder() / "watch_without_running_dynamics.fit").read_bytes())
    with pytest.raises(WatchFileError, match=r"^big.fit: .*larger than"):
        wf._fit_full(path)


# --- folders of runs as watches and apps export them ------------------------------------------------------

def test_a_folder_that_does_not_exist_says_so():
    runs, problems = read_runs("no/such/folder", progress=False)
    assert runs == [] and problems == [("folder", "no/such/folder: folder or file not found")]


def test_compressed_files_and_archives_are_read_and_the_rest_named(tmp_path):
    """Strava's bulk export has activities/*.fit.gz and *.gpx.gz; Garmin's export is a .zip."""
    import gzip
    import zipfile

    fit = (sample_runs_folder() / "watch_with_running_dynamics.fit").read_bytes()
    gpx = (sample_runs_folder() / "phone_app_run.gpx").read_bytes()
    (tmp_path / "a.fit.gz").write_bytes(gzip.compress(fit))
    (tmp_path / "b.gpx.gz").write_bytes(gzip.compress(gpx))
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as z:
        z.writestr("activities/c.tcx", (sample_runs_folder() / "watch_export_run.tcx").read_bytes())
        z.writestr("activities/d.fit.gz", gzip.compress(fit))
        z.writestr("activities/readme.txt", "not a run")
    (tmp_path / "broken.fit.gz").write_bytes(b"\x1f\x8b not really gzip")
    (tmp_path / "notes.txt").write_text("a learner's notes")
    runs, problems = read_runs(tmp_path, progress=False)
    assert sorted(r.source for r in runs) == ["a.fit.gz", "b.gpx.gz", "export.zip:activities/c.tcx",
                                              "export.zip:activities/d.fit.gz"]
    named = dict(problems)
    assert named["broken.fit.gz"].startswith("broken.fit.gz: damaged compressed file")
    assert "skipped" in named["notes.txt"] and "skipped" in named["export.zip:activities/readme.txt"]
    assert runs[0].distance_m == pytest.approx(7441.35)


def test_a_compressed_file_that_expands_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    import gzip

    import kneecourse.dataio.watch_files as wf

    monkeypatch.setattr(wf, "EXPANDED_MAX_BYTES", 10_000)
    (tmp_path / "bomb.gpx.gz").write_bytes(gzip.compress(b" " * 1_000_000))
    runs, problems = read_runs(tmp_path, progress=False)
    assert runs == [] and "larger than" in dict(problems)["bomb.gpx.gz"]


@pytest.mark.parametrize("nb", ["06_running_as_a_spring", "07_training_load"])
def test_the_cells_that_use_a_run_say_what_to_do_when_none_loaded(nb, tmp_path):
    """With a folder of no runs the next cell crashed with IndexError at runs[0] (module 7: days[0])."""
    import contextlib
    import io
    import json

    import numpy as np

    import kneecourse as kc

    (tmp_path / "notes.txt").write_text("not a run")
    cells = ["".join(c["source"]) for c in json.loads((ROOT / "notebooks" / f"{nb}.ipynb").read_text())["cells"]
             if c["cell_type"] == "code"]
    first = next(i for i, c in enumerate(cells) if "read_runs(" in c)
    scope = {"kc": kc, "np": np}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for code in cells[first:first + {"06_running_as_a_spring": 2, "07_training_load": 1}[nb]]:  # the run's cells
            code = code.replace("kc.sample_runs_folder()", repr(str(tmp_path)), 1)
            exec(compile(code, nb, "exec"), scope)  # noqa: S102 - the course's own notebook cells
    printed = out.getvalue()
    assert "no run loaded" in printed and "skipped: notes.txt" in printed


@pytest.mark.parametrize("name", ["empty.fit", "empty.gpx", "empty.tcx", "empty.gpx.gz"])
def test_an_empty_file_says_it_is_empty_not_a_parser_message(tmp_path, name):
    """A download cut off at 0 bytes is the commonest bad file: the learner reads that it is empty, not an XML
    parser's 'no element found: line 1, column 0'."""
    import gzip

    (tmp_path / name).write_bytes(gzip.compress(b"") if name.endswith(".gz") else b"")
    runs, problems = read_runs(tmp_path)
    assert runs == [] and len(problems) == 1
    message = problems[0][1]
    assert message.startswith(name) and "empty" in message and "export it again" in message, message
    assert "line 1" not in message and "element" not in message
