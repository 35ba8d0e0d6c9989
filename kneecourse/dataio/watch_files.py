"""Your own runs: read the files sports watches and running apps export (FIT, GPX, TCX).

    runs, problems = read_runs("~/Downloads/runs")       # a folder, a file, or a list of files

Per run: start time, distance, duration, speed, step rate and — where the watch records them —
ground-contact time and vertical oscillation. Everything is read on this machine; nothing is sent
anywhere. A damaged or unsupported file is reported by name with what is wrong, and the other files
still load.

FIT files are decoded with ``fitdecode``. Activity files from watches end with a *session*
message that already holds the run's summary, so a short walk over the file's record headers
finds it without decoding every one-second record (a year of daily runs in about a second);
files without a session, or whose structure the walk does not accept, are decoded in full by
``fitdecode``, which also names what is damaged.

Step rate: watches store running cadence per foot (strides/min); the course uses steps/min = 2 ×.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Run", "WatchFileError", "read_run", "read_runs", "daily_distance_km", "sample_runs_folder", "retimed_copy",
           "write_season",
           "SUFFIXES"]

SUFFIXES = (".fit", ".gpx", ".tcx")
_FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.timezone.utc)
NAN = float("nan")


class WatchFileError(ValueError):
    """A watch file cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Run:
    """One run's summary (SI units; NaN where the file does not record it)."""

    source: str              # file name
    start: dt.datetime       # UTC
    distance_m: float
    duration_s: float        # moving (timer) time where the file has it
    step_rate_spm: float     # steps per minute (both feet)
    contact_time_ms: float = NAN
    vertical_oscillation_mm: float = NAN

    @property
    def date(self) -> dt.date:
        return self.start.date()

    @property
    def speed_m_s(self) -> float:
        return self.distance_m / self.duration_s if self.duration_s > 0 else NAN

    @property
    def has_running_dynamics(self) -> bool:
        return math.isfinite(self.contact_time_ms)


def _error(path, what):
    return WatchFileError(f"{Path(path).name}: {what}")


#: what a run's summary may be, from a 24-hour ultra to a sprint session (name: low, high, unit); outside these
#: a file is damaged or edited, and a number from it would be silently wrong in every module that uses it
PLAUSIBLE = {"distance": (1.0, 400_000.0, "m"), "duration": (10.0, 48 * 3600.0, "s"),
             "speed": (0.3, 12.5, "m/s"), "step rate": (60.0, 260.0, "steps/min"),
             "contact time": (80.0, 600.0, "ms"), "vertical oscillation": (5.0, 250.0, "mm")}
#: the earliest start a run may have (GPS sports watches came later)
EARLIEST_START = dt.datetime(1990, 1, 1, tzinfo=dt.timezone.utc)
#: a FIT file without a session summary is decoded record by record; beyond this size it is refused
FIT_FULL_DECODE_MAX_BYTES = 50_000_000


def _shown(value) -> str:
    return "not a number" if math.isnan(value) else ("infinite" if math.isinf(value) else f"{value:g}")


def _plausible(path, what, value, optional=False) -> None:
    """Raise a WatchFileError naming the file unless ``value`` is finite and within :data:`PLAUSIBLE`."""
    if optional and math.isnan(value):
        return
    lo, hi, unit = PLAUSIBLE[what]
    if not (math.isfinite(value) and lo <= value <= hi):
        raise _error(path, f"{what} {_shown(value)} {unit} is not plausible for a run (allowed {lo:g}–{hi:g} "
                           f"{unit}): a damaged or edited file?")


def _number(path, what, text) -> float:
    """A number the file gives as text (a WatchFileError naming the file if it is not one)."""
    try:
        return float(text)
    except (TypeError, ValueError):
        raise _error(path, f"{what} is not a number: {str(text)[:40]!r}") from None


def _coordinates(path, lat, lon) -> None:
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise _error(path, f"latitude {_shown(lat)}° is not on Earth (allowed −90 to 90°)")
    if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise _error(path, f"longitude {_shown(lon)}° is not on Earth (allowed −180 to 180°)")


def _checked(path, run):
    """The run, if every value in it is plausible (see :data:`PLAUSIBLE`); else a WatchFileError."""
    latest = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)
    if not EARLIEST_START <= run.start <= latest:
        raise _error(path, f"the start {run.start:%Y-%m-%d} is not a plausible date for a recorded run "
                           f"(allowed {EARLIEST_START:%Y} to today)")
    _plausible(path, "distance", run.distance_m)
    _plausible(path, "duration", run.duration_s)
    _plausible(path, "speed", run.distance_m / run.duration_s)
    _plausible(path, "step rate", run.step_rate_spm, optional=True)
    _plausible(path, "contact time", run.contact_time_ms, optional=True)
    _plausible(path, "vertical oscillation", run.vertical_oscillation_mm, optional=True)
    return run


# -- FIT ----------------------------------------------------------------------------------------

#: session message (global number 18) fields: number -> (name, scale)
_SESSION = {2: ("start_time", 1), 7: ("total_elapsed_time", 1000), 8: ("total_timer_time", 1000),
            9: ("total_distance", 100), 14: ("avg_speed", 1000), 18: ("avg_cadence", 1),
            92: ("avg_fractional_cadence", 128), 89: ("avg_vertical_oscillation", 10),
            91: ("avg_stance_time", 10), 124: ("enhanced_avg_speed", 1000), 5: ("sport", 1)}
#: FIT base types: low 5 bits -> struct code (enum, sint8, uint8, sint16, uint16, sint32, uint32)
_BASE = {0: "B", 1: "b", 2: "B", 3: "h", 4: "H", 5: "i", 6: "I"}
#: struct code -> the value FIT uses for "not recorded"
_INVALID = {"B": 0xFF, "b": 0x7F, "h": 0x7FFF, "H": 0xFFFF, "i": 0x7FFFFFFF, "I": 0xFFFFFFFF}


def _crc_table():
    # CRC-16 of the FIT protocol (CRC-16/ARC: polynomial 0x8005 reflected, initial 0), a table per byte
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _crc_table()


def _fit_crc(data) -> int:
    """The FIT CRC-16 of ``data`` (about 4 ms for a 40-minute run's 60 kB)."""
    crc, table = 0, _CRC_TABLE
    for b in data:
        crc = (crc >> 8) ^ table[(crc ^ b) & 0xFF]
    return crc


def _fit_crc_ok(data: bytes) -> bool:
    """True when the file's CRC (the two bytes after its data) and its header's CRC, if set, match."""
    if len(data) < 14:
        return False
    header = data[0]
    end = header + int.from_bytes(data[4:8], "little")
    if end + 2 > len(data):
        return False
    if header >= 14 and int.from_bytes(data[12:14], "little") not in (0, _fit_crc(data[:12])):
        return False
    return _fit_crc(data[:end]) == int.from_bytes(data[end:end + 2], "little")


def _with_crc(buf: bytearray) -> bytes:
    """``buf`` with its file CRC recomputed (and the header CRC, when it has one)."""
    header = buf[0]
    end = header + int.from_bytes(buf[4:8], "little")
    if header >= 14 and int.from_bytes(buf[12:14], "little"):
        buf[12:14] = _fit_crc(buf[:12]).to_bytes(2, "little")
    buf[end:end + 2] = _fit_crc(buf[:end]).to_bytes(2, "little")
    return bytes(buf)


def _fit_data_messages(data: bytes):
    """Walk a FIT file's records: yield ``(global number, field definitions, endian, offset)`` per data message.

    Only record headers and definitions are parsed; the data themselves are skipped by size.
    Raises KeyError, IndexError or ValueError on a structure it cannot follow.
    """
    if len(data) < 14 or data[8:12] != b".FIT":
        raise ValueError("not a FIT file")
    header = data[0]
    end = header + int.from_bytes(data[4:8], "little")
    if end > len(data):
        raise ValueError("the file is shorter than its header says")
    defs, pos = {}, header
    while pos < end:
        rh = data[pos]
        pos += 1
        if rh & 0x80:  # compressed timestamp header: a data message of local type (bits 5-6)
            gnum, fields, endian, size = defs[(rh >> 5) & 0x3]
        elif rh & 0x40:  # a definition
            arch, n = data[pos + 1], data[pos + 4]
            gnum = int.from_bytes(data[pos + 2:pos + 4], "big" if arch else "little")
            fields = [tuple(data[pos + 5 + 3 * i:pos + 8 + 3 * i]) for i in range(n)]
            pos += 5 + 3 * n
            size = sum(f[1] for f in fields)
            if rh & 0x20:  # developer fields: skipped by size
                nd = data[pos]
                size += sum(data[pos + 2 + 3 * i] for i in range(nd))
                pos += 1 + 3 * nd
            defs[rh & 0x0F] = (gnum, fields, ">" if arch else "<", size)
            continue
        else:
            gnum, fields, endian, size = defs[rh & 0x0F]
        yield gnum, fields, endian, pos
        pos += size


def _session_offsets(data: bytes) -> dict:
    """Byte offsets of the session's summary fields: name -> (offset, struct format, scale)."""
    out = {}
    for gnum, fields, endian, off in _fit_data_messages(data):
        if gnum == 18:
            for num, fsize, base in fields:
                code = _BASE.get(base & 0x1F)
                if num in _SESSION and code and struct.calcsize(code) == fsize:
                    out[_SESSION[num][0]] = (off, endian + code, _SESSION[num][1])
                off += fsize
    return out


def _fit_session_fast(data: bytes):
    """The session summary, read at the offsets the walk finds; None if there is none or the walk fails.

    Only for a file whose CRC was checked (:func:`_fit_crc_ok`): a flipped bit is never read as a different run.
    """
    try:
        where = _session_offsets(data)
    except (KeyError, IndexError, ValueError, struct.error):
        return None
    found = {}
    for name, (off, fmt, scale) in where.items():
        (v,) = struct.unpack_from(fmt, data, off)
        if v != _INVALID[fmt[1:]]:
            found[name] = v / scale if scale != 1 else v
    return found or None


def retimed_copy(data: bytes, start: dt.datetime, distance_m: float | None = None) -> bytes:
    """A copy of a FIT activity whose session says it started at ``start`` (and covered ``distance_m``).

    For demonstrations and the import benchmark: a season of runs made from one sample file.
    Only the session summary changes (the records keep their times); the file's CRC is recomputed, so
    the copy is a valid FIT file for any decoder.
    """
    buf = bytearray(data)
    where = _session_offsets(data)
    off, fmt, _ = where["start_time"]
    struct.pack_into(fmt, buf, off, int((start - _FIT_EPOCH).total_seconds()))
    if distance_m is not None:
        off, fmt, scale = where["total_distance"]
        struct.pack_into(fmt, buf, off, int(round(distance_m * scale)))
    return _with_crc(buf)


def write_season(folder, days=365, first=dt.datetime(2025, 1, 1, 7, 0, tzinfo=dt.timezone.utc)) -> list:
    """``days`` daily runs in ``folder``: copies of the shipped 40-min, 1 Hz FIT sample (see :func:`retimed_copy`).

    Day ``d`` starts at ``first + d days`` and covers ``5000 + 10·d`` m. For the import benchmark and demonstrations.
    """
    src = (sample_runs_folder() / "watch_with_running_dynamics.fit").read_bytes()
    folder = Path(folder)
    paths = []
    for d in range(days):
        path = folder / f"run_{d:03d}.fit"
        path.write_bytes(retimed_copy(src, first + dt.timedelta(days=d), 5000.0 + 10 * d))
        paths.append(path)
    return paths


def _fit_full(path):
    """Decode every message with fitdecode: the session if present, else a summary from the records.

    Memory stays bounded: the records are summed as they are read, not kept; a file larger than
    :data:`FIT_FULL_DECODE_MAX_BYTES` is refused.
    """
    import fitdecode

    size = Path(path).stat().st_size
    if size > FIT_FULL_DECODE_MAX_BYTES:
        raise _error(path, f"a FIT file larger than {FIT_FULL_DECODE_MAX_BYTES // 1_000_000} MB ({size / 1e6:.0f} MB) "
                           "is too large to read here: export the run again, or as GPX or TCX")
    session, first, last, most = None, None, None, None
    sums = {"cadence": [0.0, 0], "stance_time": [0.0, 0], "vertical_oscillation": [0.0, 0]}
    try:
        with fitdecode.FitReader(str(path), check_crc=fitdecode.CrcCheck.RAISE,
                                 error_handling=fitdecode.ErrorHandling.RAISE) as fit:
            for frame in fit:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "session":
                    session = {f.name: f.value for f in frame.fields if f.value is not None}
                elif frame.name == "record":
                    r = {f.name: f.value for f in frame.fields if f.value is not None}
                    if "timestamp" in r:
                        first = first or r["timestamp"]
                        last = r["timestamp"]
                    if "distance" in r:
                        most = r["distance"] if most is None else max(most, r["distance"])
                    for name, acc in sums.items():
                        if r.get(name):
                            acc[0] += r[name]
                            acc[1] += 1
    except fitdecode.FitCRCError as exc:
        raise _error(path, f"damaged FIT file (CRC check failed: the content does not match its checksum; {exc})") \
            from None
    except (fitdecode.FitError, struct.error, TypeError, ValueError, KeyError, IndexError, EOFError,
            OverflowError, AssertionError) as exc:  # the decoder's own failures on a damaged file, whatever their type
        raise _error(path, f"damaged FIT file ({type(exc).__name__}: {exc})") from None
    if session:
        return session
    if first is None or last == first or most is None:
        raise _error(path, "the FIT file holds no run (no session summary and no timed records with distance)")
    mean = {name: acc[0] / acc[1] if acc[1] else None for name, acc in sums.items()}
    return {"start_time": first, "total_timer_time": (last - first).total_seconds(),
            "total_distance": most, "avg_cadence": mean["cadence"], "avg_stance_time": mean["stance_time"],
            "avg_vertical_oscillation": mean["vertical_oscillation"], "sport": "running"}


def _read_fit(path) -> Run:
    data = Path(path).read_bytes()
    if data[8:12] == b".FIT" and not _fit_crc_ok(data):
        raise _error(path, "damaged FIT file (CRC check failed: the content does not match its checksum)")
    s = _fit_session_fast(data)
    if not s or "start_time" not in s or "total_distance" not in s:
        s = _fit_full(path)
    start = s["start_time"]
    if not isinstance(start, dt.datetime):
        start = _FIT_EPOCH + dt.timedelta(seconds=int(start))
    if s.get("sport") not in (None, 1, "running"):
        raise _error(path, f"not a run (sport: {s.get('sport')})")
    duration = s.get("total_timer_time") or s.get("total_elapsed_time")
    if not duration or not s.get("total_distance"):
        raise _error(path, "the FIT file has no distance or duration")
    cadence = s.get("avg_cadence") or s.get("avg_running_cadence")
    spm = 2 * (cadence + (s.get("avg_fractional_cadence") or 0.0)) if cadence else NAN
    return Run(Path(path).name, start.astimezone(dt.timezone.utc), float(s["total_distance"]), float(duration), spm,
               float(s.get("avg_stance_time") or NAN), float(s.get("avg_vertical_oscillation") or NAN))


# -- GPX and TCX ---------------------------------------------------------------------------------

def _parse_time(text, path):
    try:
        return dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00")).astimezone(dt.timezone.utc)
    except (ValueError, AttributeError):
        raise _error(path, f"a time the file gives is not a date and time: {text!r}") from None


def _xml(path):
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise _error(path, f"damaged XML ({exc})") from None


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _read_gpx(path) -> Run:
    import gpxpy

    try:
        gpx = gpxpy.parse(Path(path).read_text(encoding="utf-8"))
    except Exception as exc:  # gpxpy raises several types for damaged files
        raise _error(path, f"damaged GPX file ({exc})") from None
    points = [p for t in gpx.tracks for seg in t.segments for p in seg.points]
    for p in points:
        _coordinates(path, float(p.latitude), float(p.longitude))
    timed = [p for p in points if p.time is not None]
    if len(timed) < 2:
        raise _error(path, "the GPX file has no timed track points (a route, not a recorded run?)")
    distance = sum(a.distance_2d(b) or 0.0 for a, b in zip(timed, timed[1:]))
    cads = []
    for p in timed:
        for ext in p.extensions:
            for el in ext.iter():
                if _local(el.tag) == "cad" and el.text:
                    cads.append(_number(path, "cadence", el.text))
    start = timed[0].time.astimezone(dt.timezone.utc)
    duration = (timed[-1].time - timed[0].time).total_seconds()
    return Run(Path(path).name, start, distance, duration, 2 * sum(cads) / len(cads) if cads else NAN)


def _read_tcx(path) -> Run:
    root = _xml(path)
    laps = [el for el in root.iter() if _local(el.tag) == "Lap"]
    activity = next((el for el in root.iter() if _local(el.tag) == "Activity"), None)
    if activity is None or not laps:
        raise _error(path, "no activity with laps in the TCX file")
    if activity.get("Sport", "Running") != "Running":
        raise _error(path, f"not a run (sport: {activity.get('Sport')})")

    def total(name, what):
        return sum(_number(path, what, el.text) for lap in laps for el in lap if _local(el.tag) == name and el.text)

    for pos in (el for el in root.iter() if _local(el.tag) == "Position"):
        at = {_local(el.tag): el.text for el in pos}
        _coordinates(path, _number(path, "latitude", at.get("LatitudeDegrees")),
                     _number(path, "longitude", at.get("LongitudeDegrees")))
    cads = [_number(path, "cadence", el.text) for el in root.iter() if _local(el.tag) == "RunCadence" and el.text]
    start = _parse_time(laps[0].get("StartTime", ""), path)
    return Run(Path(path).name, start, total("DistanceMeters", "distance"), total("TotalTimeSeconds", "duration"),
               2 * sum(cads) / len(cads) if cads else NAN)


_READERS = {".fit": _read_fit, ".gpx": _read_gpx, ".tcx": _read_tcx}


def read_run(path) -> Run:
    """Read one FIT, GPX or TCX file.

    Raises
    ------
    WatchFileError
        Naming the file and what is wrong (unsupported type, damaged, not a run, no time or distance).
    """
    path = Path(path).expanduser()
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise _error(path, f"unsupported file type {path.suffix or '(none)'!r}: export FIT, GPX or TCX from your "
                           "watch or app")
    if not path.is_file():
        raise _error(path, "no such file")
    if path.stat().st_size == 0:  # a download or copy cut off before it began
        raise _error(path, "the file is empty (0 bytes): export it again")
    run = reader(path)
    if not (run.distance_m > 0 and run.duration_s > 0):
        raise _error(path, "the run has no distance or no duration")
    return _checked(path, run)


#: a compressed file or an archive member may expand to at most this (a 24-hour run at 1 Hz is a few MB)
EXPANDED_MAX_BYTES = 100_000_000


def _kind(name: str) -> str:
    """``.fit``, ``.gpx``, ``.tcx`` (also under ``.gz``), ``.zip``, or ``""`` for anything else."""
    lower = name.lower()
    if lower.endswith(".zip"):
        return ".zip"
    inner = lower[:-3] if lower.endswith(".gz") else lower
    return next((s for s in SUFFIXES if inner.endswith(s)), "")


def _expanded(data: bytes, name: str) -> bytes:
    """``data`` un-gzipped (if ``name`` ends in .gz), at most :data:`EXPANDED_MAX_BYTES`."""
    import gzip
    import zlib

    if not name.lower().endswith(".gz"):
        return data
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            while chunk := fh.read(1 << 20):
                out += chunk
                if len(out) > EXPANDED_MAX_BYTES:
                    raise _error(name, f"expands to larger than {EXPANDED_MAX_BYTES // 1_000_000} MB: not a run")
    except (OSError, EOFError, zlib.error) as exc:
        raise _error(name, f"damaged compressed file ({exc})") from None
    return bytes(out)


def _read_bytes(name: str, data: bytes) -> Run:
    """A run from a file's content (``name`` says its format), read through a temporary file."""
    import tempfile

    data = _expanded(data, name)
    suffix = _kind(name)
    with tempfile.TemporaryDirectory(prefix="kneecourse-run-") as tmp:
        path = Path(tmp) / f"run{suffix}"
        path.write_bytes(data)
        try:
            run = read_run(path)
        except WatchFileError as exc:
            raise WatchFileError(str(exc).replace(path.name, name, 1)) from None
    return dataclasses.replace(run, source=name)


def _entries(items):
    """(name, reader) for every watch file of the sources: files, folders, ``.gz`` files and ``.zip`` members;
    (name, message) for each one skipped."""
    import zipfile

    found, skipped = [], []
    for item in items:
        p = Path(item).expanduser()
        if not p.exists():
            skipped.append(("folder" if not p.suffix else p.name, f"{item}: folder or file not found"))
            continue
        for f in sorted(p.iterdir()) if p.is_dir() else [p]:
            kind = _kind(f.name)
            if kind in SUFFIXES and not f.name.lower().endswith(".gz"):
                found.append((f.name, lambda f=f: read_run(f)))
            elif kind in SUFFIXES:
                found.append((f.name, lambda f=f: _read_bytes(f.name, f.read_bytes())))
            elif kind == ".zip":
                try:
                    with zipfile.ZipFile(f) as z:
                        for info in z.infolist():
                            member = f"{f.name}:{info.filename}"
                            if info.is_dir():
                                continue
                            if _kind(info.filename) not in SUFFIXES:
                                skipped.append((member, f"{member}: skipped (not a FIT, GPX or TCX file)"))
                            elif info.file_size > EXPANDED_MAX_BYTES:
                                skipped.append((member, f"{member}: larger than "
                                                        f"{EXPANDED_MAX_BYTES // 1_000_000} MB: not a run"))
                            else:
                                found.append((member, lambda z=f, i=info.filename, m=member: _read_member(z, i, m)))
                except (zipfile.BadZipFile, OSError) as exc:
                    skipped.append((f.name, f"{f.name}: damaged archive ({exc})"))
            elif p.is_dir():
                skipped.append((f.name, f"{f.name}: skipped (not a FIT, GPX or TCX file, nor one compressed as "
                                        ".gz or in a .zip)"))
            else:
                found.append((f.name, lambda f=f: read_run(f)))  # one file named: read_run says what it is
    return found, skipped


def _read_member(archive: Path, inner: str, name: str) -> Run:
    import zipfile

    with zipfile.ZipFile(archive) as z, z.open(inner) as fh:
        data = fh.read(EXPANDED_MAX_BYTES + 1)  # the header's size may lie: never read more than the limit
    if len(data) > EXPANDED_MAX_BYTES:
        raise _error(name, f"larger than {EXPANDED_MAX_BYTES // 1_000_000} MB: not a run")
    return _read_bytes(name, data)


def read_runs(source, progress=None):
    """Read every watch file of a folder (or a file, or a list of files), oldest run first.

    FIT, GPX and TCX files are read, also compressed (``.fit.gz``, as in Strava's bulk export) and inside
    ``.zip`` archives (Garmin's export), each expanding to at most :data:`EXPANDED_MAX_BYTES`.

    Parameters
    ----------
    source : str, Path or list of them
    progress : callable, optional
        Called as ``progress(done, total)`` after each file (a notebook passes a progress bar);
        by default a bar is shown in a notebook for 20 files or more.

    Returns
    -------
    (list of Run, list of (file name, message))
        The runs that loaded, and one entry per file that did not load or was skipped (and why), or for a
        folder that was not found.
    """
    items = source if isinstance(source, (list, tuple)) else [source]
    found, problems = _entries(items)
    if progress is None and len(found) >= 20:
        progress = _notebook_bar(len(found))
    runs = []
    for i, (name, read) in enumerate(found, start=1):
        try:
            runs.append(read())
        except WatchFileError as exc:
            problems.append((name, str(exc)))
        except Exception as exc:  # a decoder's own surprise: name the file, keep going
            problems.append((name, f"{name}: could not be read ({type(exc).__name__}: {exc})"))
        if progress:
            progress(i, len(found))
    return sorted(runs, key=lambda r: r.start), problems


def _notebook_bar(total):
    try:
        from IPython import get_ipython

        if get_ipython() is None:
            return None
        import ipywidgets as W
        from IPython.display import display
    except ImportError:
        return None
    bar = W.IntProgress(value=0, max=total, description="reading runs")
    display(bar)

    def update(done, _total):
        bar.value = done
        if done == _total:
            bar.description = f"{done} files read"

    return update


def daily_distance_km(runs, first=None, last=None):
    """Kilometres per calendar day from the first to the last run (rest days 0), for the load ratios.

    Returns
    -------
    (list of datetime.date, numpy.ndarray)
    """
    import numpy as np

    if not runs:
        return [], np.zeros(0)
    first = first or min(r.date for r in runs)
    last = last or max(r.date for r in runs)
    n = (last - first).days + 1
    km = np.zeros(n)
    for r in runs:
        k = (r.date - first).days
        if 0 <= k < n:
            km[k] += r.distance_m / 1000
    return [first + dt.timedelta(days=k) for k in range(n)], km


def sample_runs_folder():
    """The sample watch files shipped with the course (synthetic runs, no one's data)."""
    from .tables import data_files

    return Path(str(data_files().joinpath("watch")))
