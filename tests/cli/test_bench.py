"""The benchmark runs and the interaction targets hold (quick mode; the full run is for the README)."""
import json
import subprocess
import sys

import pytest

from kneecourse.cli.bench import TARGETS
from kneecourse.course.explorers import BY_CLASS


def _quick(*args):
    out = subprocess.run([sys.executable, "-m", "kneecourse", "bench", "--quick", "--json", *args],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


@pytest.mark.perf
@pytest.mark.slow
def test_bench_quick_json():
    """The benchmark runs and reports every figure; what it asserts is measured within one run (ratios), so a
    busy machine cannot fail it: the absolute figures belong to the README."""
    r = _quick()
    assert [e["explorer"] for e in r["explorers"]] == list(BY_CLASS)
    for e in r["explorers"]:
        assert e["speedup"] >= TARGETS["speedup"], e  # an in-place step against a new figure, same run
        assert e["ours_median_ms"] > e["model_median_ms"] > 0  # the step includes the model
        assert e["model_p95_ms"] >= e["model_median_ms"]
    assert r["import_s"] > 0
    w = r["watch_import"]
    assert w["runs"] == w["files"] == 365 and w["problems"] == 0 and w["seconds"] > 0


def test_bench_rejects_an_unknown_explorer():
    out = subprocess.run([sys.executable, "-m", "kneecourse", "bench", "--quick", "--explorer", "Nope"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "Nope" in out.stderr
