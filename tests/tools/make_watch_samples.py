"""Make the sample watch files the course ships in data/watch/.

    python tests/tools/make_watch_samples.py [FOLDER]

Synthetic, deterministic runs (no person's data): a FIT file from a watch with running dynamics
(ground-contact time and vertical oscillation), a FIT file from a watch without them, a GPX track
with cadence and a TCX activity. FIT files are written with fit-tool (the [test] extra); GPX and
TCX are plain XML. Every record follows a steady run: 1 record per second, speed and cadence
constant with a small, repeatable wobble.
"""
from __future__ import annotations

import datetime as dt
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: (file name, start (UTC), minutes, speed m/s, steps/min, contact ms or None, vertical oscillation mm or None)
SAMPLES = (
    ("watch_with_running_dynamics.fit", dt.datetime(2026, 9, 1, 6, 30), 40, 3.1, 168, 252.0, 86.0),
    ("watch_without_running_dynamics.fit", dt.datetime(2026, 9, 3, 18, 5), 30, 2.9, 164, None, None),
    ("phone_app_run.gpx", dt.datetime(2026, 9, 5, 7, 0), 50, 3.0, 166, None, None),
    ("watch_export_run.tcx", dt.datetime(2026, 9, 7, 8, 15), 35, 3.3, 172, None, None),
)
LAT0, LON0 = 51.5, -0.12  # a park, far from anyone's home


def _track(minutes, speed, spm):
    """(seconds, distance m, speed m/s, steps/min, lat, lon) every second."""
    out, dist = [], 0.0
    for s in range(int(minutes * 60) + 1):
        v = speed * (1 + 0.03 * math.sin(s / 47.0))
        cad = spm * (1 + 0.01 * math.sin(s / 31.0))
        if s:
            dist += v
        angle = dist / 400.0  # laps of a 400 m circle
        lat = LAT0 + (400 / (2 * math.pi) / 111_320) * math.sin(angle * 2 * math.pi)
        lon = LON0 + (400 / (2 * math.pi) / (111_320 * math.cos(math.radians(LAT0)))) * math.cos(angle * 2 * math.pi)
        out.append((s, dist, v, cad, lat, lon))
    return out


def write_fit(path, start, minutes, speed, spm, contact_ms, vo_mm):
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.lap_message import LapMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

    t0 = int(start.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)
    track = _track(minutes, speed, spm)
    b = FitFileBuilder(auto_define=True)
    fid = FileIdMessage()
    fid.type = FileType.ACTIVITY
    fid.manufacturer = Manufacturer.DEVELOPMENT.value
    fid.product = 0
    fid.serial_number = 12345
    fid.time_created = t0
    b.add(fid)
    for s, dist, v, cad, lat, lon in track:
        r = RecordMessage()
        r.timestamp = t0 + 1000 * s
        r.position_lat, r.position_long = lat, lon
        r.distance = dist
        r.enhanced_speed = v
        r.cadence = int(cad // 2)  # FIT running cadence counts strides (one foot) per minute
        if contact_ms is not None:
            r.stance_time = contact_ms * (1 + 0.02 * math.sin(s / 13.0))
            r.vertical_oscillation = vo_mm * (1 + 0.02 * math.sin(s / 17.0))
        b.add(r)
    seconds, distance = track[-1][0], track[-1][1]
    for msg in (LapMessage(), SessionMessage()):
        msg.timestamp = t0 + 1000 * seconds
        msg.start_time = t0
        msg.total_elapsed_time = msg.total_timer_time = float(seconds)
        msg.total_distance = distance
        if isinstance(msg, SessionMessage):
            msg.sport = Sport.RUNNING
            msg.avg_speed = distance / seconds
            msg.avg_running_cadence = int(spm // 2)
            msg.avg_fractional_cadence = (spm / 2) % 1
            if contact_ms is not None:
                msg.avg_stance_time = contact_ms
                msg.avg_vertical_oscillation = vo_mm
        b.add(msg)
    act = ActivityMessage()
    act.timestamp = t0 + 1000 * seconds
    act.total_timer_time = float(seconds)
    act.num_sessions = 1
    b.add(act)
    Path(path).write_bytes(b.build().to_bytes())


def _iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_gpx(path, start, minutes, speed, spm, *_):
    pts = "\n".join(
        f'   <trkpt lat="{lat:.7f}" lon="{lon:.7f}"><time>{_iso(start + dt.timedelta(seconds=s))}</time>'
        f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>{int(cad // 2)}</gpxtpx:cad>"
        f"</gpxtpx:TrackPointExtension></extensions></trkpt>"
        for s, _, _, cad, lat, lon in _track(minutes, speed, spm)[::5])  # a point every 5 s, as apps record
    Path(path).write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="kneecourse sample" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        f' <trk><name>Easy run</name><type>running</type><trkseg>\n{pts}\n </trkseg></trk>\n</gpx>\n')


def write_tcx(path, start, minutes, speed, spm, *_):
    track = _track(minutes, speed, spm)
    pts = "\n".join(
        f"     <Trackpoint><Time>{_iso(start + dt.timedelta(seconds=s))}</Time>"
        f"<Position><LatitudeDegrees>{lat:.7f}</LatitudeDegrees><LongitudeDegrees>{lon:.7f}</LongitudeDegrees></Position>"
        f"<DistanceMeters>{dist:.1f}</DistanceMeters><Extensions><ns3:TPX><ns3:Speed>{v:.3f}</ns3:Speed>"
        f"<ns3:RunCadence>{int(cad // 2)}</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>"
        for s, dist, v, cad, lat, lon in track[::5])
    seconds, distance = track[-1][0], track[-1][1]
    Path(path).write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" '
        'xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">\n'
        f' <Activities><Activity Sport="Running"><Id>{_iso(start)}</Id>\n'
        f'  <Lap StartTime="{_iso(start)}"><TotalTimeSeconds>{seconds:.1f}</TotalTimeSeconds>'
        f"<DistanceMeters>{distance:.1f}</DistanceMeters><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>\n"
        f"   <Track>\n{pts}\n   </Track>\n"
        f"   <Extensions><ns3:LX><ns3:AvgRunCadence>{int(spm // 2)}</ns3:AvgRunCadence></ns3:LX></Extensions>\n"
        "  </Lap></Activity></Activities>\n</TrainingCenterDatabase>\n")


WRITERS = {".fit": write_fit, ".gpx": write_gpx, ".tcx": write_tcx}


def make_samples(folder) -> list:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, *args in SAMPLES:
        path = folder / name
        WRITERS[path.suffix](path, *args)
        out.append(path)
    return out


if __name__ == "__main__":
    for p in make_samples(sys.argv[1] if len(sys.argv) > 1 else ROOT / "data" / "watch"):
        print(p, p.stat().st_size, "bytes")
