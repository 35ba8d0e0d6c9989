"""Benchmark of the course: explorer steps, naive redraws, notebook run time and memory, import time.

    python -m kneecourse bench            # a table
    python -m kneecourse bench --json     # machine-readable figures
    python -m kneecourse bench --quick    # fewer steps, no notebook run (for a smoke test)
    python -m kneecourse bench --browser  # the drag benchmark: every explorer in JupyterLab in Chromium

Explorers are drawn in the browser (kneecourse/widgets/live): the drag benchmark
(:mod:`.drag_bench`) measures what a learner sees — repaint, frames drawn of a key
burst, settle time — and the kernel's CPU per step, in a real JupyterLab.

Explorer figures are timed on matplotlib's Agg backend: "model" is the model
alone, "ours" a control change as the explorer does it (model + blitted
in-place redraw), "naive" the same step done by building a new figure and
drawing it whole, as a function re-run by ``interact`` would.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from ..course.explorers import BY_CLASS

TARGETS = {"model_ms": 1.0, "ours_ms": 30.0, "speedup": 2.0, "course_s": 90.0, "rss_mb": 250.0, "import_s": 0.3,
           "watch_year_s": 5.0}


def _pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def _values(lo, hi, n):
    # a back-and-forth sweep on the slider grid, like a learner dragging
    import numpy as np

    up = np.linspace(lo, hi, n // 2 + 1)
    return [round(float(v), 3) for v in np.concatenate([up, up[::-1]])[:n]]


def bench_explorer(name, steps=200, naive_steps=30):
    """Median/p95 of model, ours and naive step times (ms) for one explorer."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .. import widgets

    entry = BY_CLASS[name]
    control, lo, hi = entry.control, entry.low, entry.high
    e = getattr(widgets, name)()
    e.fig.canvas.draw()
    vals = _values(lo, hi, steps)
    model, ours = [], []
    for v in vals:
        kw = e.values()
        kw[control] = v
        t0 = time.perf_counter()
        e._compute(**kw)
        model.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        e.set(**{control: v})
        ours.append(time.perf_counter() - t0)
    naive = []
    for v in vals[:naive_steps]:
        kw = e.values()
        kw[control] = v
        t0 = time.perf_counter()
        state = e._compute(**kw)
        fig = plt.figure(figsize=e.figsize, layout="constrained")
        other = copy.copy(e)
        other._views = []
        other._build(fig)
        for a in other._dynamic_artists():
            a.set_animated(False)
        other._draw(state)
        fig.canvas.draw()
        plt.close(fig)
        naive.append(time.perf_counter() - t0)
    plt.close(e.fig)
    ms = lambda xs, q: round(1000 * _pct(xs, q), 2)  # noqa: E731
    out = {
        "explorer": name, "steps": len(vals),
        "model_median_ms": ms(model, 0.5), "model_p95_ms": ms(model, 0.95),
        "ours_median_ms": ms(ours, 0.5), "ours_p95_ms": ms(ours, 0.95),
        "naive_median_ms": ms(naive, 0.5),
    }
    out["speedup"] = round(out["naive_median_ms"] / max(out["ours_median_ms"], 1e-6), 1)
    return out


def bench_notebooks():
    """Execute every course notebook headless: seconds and peak kernel RSS (MB) each."""
    import nbformat
    from nbclient import NotebookClient

    from ..course.files import notebooks_folder

    folder = notebooks_folder()
    rows = []
    with tempfile.TemporaryDirectory(prefix="kneecourse-bench-") as home:
        old = os.environ.get("KNEECOURSE_HOME")
        os.environ["KNEECOURSE_HOME"] = home
        try:
            for path in sorted(folder.glob("*.ipynb")):
                nb = nbformat.read(path, as_version=4)
                nb.cells.append(nbformat.v4.new_code_cell(
                    "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"))
                t0 = time.perf_counter()
                NotebookClient(nb, timeout=600, kernel_name="python3",
                               resources={"metadata": {"path": str(folder)}}).execute()
                dt = time.perf_counter() - t0
                try:
                    rss = int(nb.cells[-1].outputs[0]["text"]) / 1024
                except (IndexError, KeyError, ValueError):
                    rss = float("nan")
                rows.append({"notebook": path.name, "seconds": round(dt, 2), "peak_rss_mb": round(rss, 1)})
        finally:
            if old is None:
                os.environ.pop("KNEECOURSE_HOME", None)
            else:
                os.environ["KNEECOURSE_HOME"] = old
    return rows


def bench_import(repeats=5):
    """Seconds that ``import kneecourse`` adds beyond numpy and matplotlib (median of fresh processes)."""
    code = ("import time; t0 = time.perf_counter(); import numpy, matplotlib; t1 = time.perf_counter(); "
            "import kneecourse; t2 = time.perf_counter(); print(t1 - t0, t2 - t1)")
    extra = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        extra.append(float(out.split()[1]))
    return round(statistics.median(extra), 3)


def bench_watch_import(days=365):
    """Seconds to import a year of daily runs: copies of the shipped 40-min, 1 Hz FIT sample, one per day."""
    from ..dataio.watch_files import read_runs, sample_runs_folder, write_season

    with tempfile.TemporaryDirectory(prefix="kneecourse-year-") as folder:
        write_season(folder, days)
        t0 = time.perf_counter()
        runs, problems = read_runs(folder, progress=False)
        seconds = time.perf_counter() - t0
    return {"files": days, "runs": len(runs), "problems": len(problems), "seconds": round(seconds, 3),
            "bytes_per_file": (sample_runs_folder() / "watch_with_running_dynamics.fit").stat().st_size}


def run(quick=False, explorers=None, import_time=True):
    steps = 24 if quick else 200
    result = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "targets": TARGETS}
    result["explorers"] = [bench_explorer(n, steps, 4 if quick else 30) for n in (explorers or BY_CLASS)]
    if import_time:
        result["import_s"] = bench_import(2 if quick else 5)
    result["watch_import"] = bench_watch_import()
    if not quick:
        rows = bench_notebooks()
        result["notebooks"] = rows
        result["course_s"] = round(sum(r["seconds"] for r in rows), 1)
    return result


def _table(r):
    lines = [f"{'explorer':24s} {'model med/p95 ms':>17s} {'ours med/p95 ms':>16s} {'naive ms':>9s} {'×':>5s}"]
    for e in r["explorers"]:
        lines.append(f"{e['explorer']:24s} {e['model_median_ms']:8.2f}/{e['model_p95_ms']:<8.2f} "
                     f"{e['ours_median_ms']:7.2f}/{e['ours_p95_ms']:<8.2f} "
                     f"{e['naive_median_ms']:9.1f} {e['speedup']:5.1f}")
    if "import_s" in r:
        lines.append(f"import kneecourse beyond numpy + matplotlib: {r['import_s']:.3f} s "
                     f"(target ≤ {TARGETS['import_s']} s)")
    if "watch_import" in r:
        w = r["watch_import"]
        lines.append(f"a year of daily runs ({w['files']} FIT files of {w['bytes_per_file'] // 1024} kB, "
                     "1 Hz records): "
                     f"{w['seconds']:.2f} s (target ≤ {TARGETS['watch_year_s']} s)")
    if "notebooks" in r:
        lines.append(f"{'notebook':38s} {'s':>6s} {'peak RSS MB':>12s}")
        for n in r["notebooks"]:
            lines.append(f"{n['notebook']:38s} {n['seconds']:6.1f} {n['peak_rss_mb']:12.1f}")
        lines.append(f"whole course: {r['course_s']:.1f} s (target ≤ {TARGETS['course_s']} s)")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kneecourse bench", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--quick", action="store_true", help="fewer steps and no notebook run")
    parser.add_argument("--explorer", action="append", choices=list(BY_CLASS), metavar="NAME",
                        help="time only this explorer (repeatable; quick mode: 24 steps, no notebook run)")
    parser.add_argument("--no-import", action="store_true", help="skip the import-time measurement")
    parser.add_argument("--browser", action="store_true",
                        help="the drag benchmark instead: every explorer in a real JupyterLab in headless Chromium "
                             "(repaint, frames drawn of a 40-key burst, settle, kernel CPU per step)")
    parser.add_argument("--app", action="append", metavar="APP",
                        help="with --browser: only this explorer, by app name (repeatable)")
    args = parser.parse_args(argv)
    if args.browser:
        from . import drag_bench

        if not drag_bench.available():
            parser.error("the drag benchmark needs Chromium (apt-get install -y chromium) and playwright "
                         '(pip install ".[test]")')
        rows = drag_bench.run(args.app)
        print(json.dumps({"targets": drag_bench.TARGETS, "explorers": rows}, indent=1) if args.json
              else drag_bench.table(rows))
        return 0 if all("error" not in r for r in rows) else 1
    r = run(quick=args.quick or bool(args.explorer), explorers=args.explorer, import_time=not args.no_import)
    print(json.dumps(r, indent=1) if args.json else _table(r))
    return 0

