"""The drag benchmark runs: one explorer in a real JupyterLab, every figure reported (the README has them)."""
import json
import subprocess
import sys

import pytest

from kneecourse.cli.drag_bench import TARGETS

pytestmark = pytest.mark.browser


def test_the_drag_benchmark_measures_an_explorer(browser):  # the fixture: Chromium is there (or a loud skip)
    out = subprocess.run([sys.executable, "-m", "kneecourse", "bench", "--browser", "--app", "patellofemoral",
                          "--json"], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    r = json.loads(out.stdout)
    assert r["targets"] == TARGETS
    (row,) = r["explorers"]
    assert row["explorer"] == "PatellofemoralExplorer" and "error" not in row
    assert row["repaints"] == 20  # every single press drew a frame
    assert row["burst_frames"] > 0 and row["presses"] == 40
    assert row["repaint_p95_ms"] >= row["repaint_median_ms"] > 0 and row["kernel_cpu_ms_per_step"] >= 0
