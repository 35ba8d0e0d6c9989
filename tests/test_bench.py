"""The benchmark runs and the interaction targets hold (quick mode; the full run is for the README)."""
import json
import subprocess
import sys

import pytest

from kneecourse.bench import EXPLORERS, TARGETS


@pytest.mark.slow
def test_bench_quick_json():
    out = subprocess.run([sys.executable, "-m", "kneecourse.bench", "--quick", "--json"],
                         capture_output=True, text=True, check=True).stdout
    r = json.loads(out)
    assert [e["explorer"] for e in r["explorers"]] == list(EXPLORERS)
    for e in r["explorers"]:
        limit = 50.0 if e["explorer"] == "SpringMassExplorer" else TARGETS["ours_ms"]
        assert e["ours_median_ms"] <= limit, e
        assert e["speedup"] >= TARGETS["speedup"], e
        assert e["model_p95_ms"] >= e["model_median_ms"] > 0
    assert r["import_s"] <= TARGETS["import_s"]
