"""The workshop load test itself, small: 2 learners open the nbgitpuller link, run the course and share their
answers with the class view.

The full run (40 learners, figures in the README) is a command to run on the hub's machine type:
``python tests/tools/workshop_load.py --learners 40``. This keeps that command working: a real JupyterHub,
nbgitpuller pulling from a local git repository, two notebooks per learner and the slider timing.
Needs Node's ``configurable-http-proxy`` (``.ci/run`` installs it); missing, it fails in CI and is
skipped with a message elsewhere.
"""
import json
import subprocess
import sys

import pytest

from ..conftest import ROOT, require_command

pytestmark = pytest.mark.slow


@pytest.mark.perf
def test_two_learners_pull_the_course_and_run_it():
    require_command("configurable-http-proxy", "npm install -g configurable-http-proxy")
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "tools" / "workshop_load.py"), "--learners", "2",
                          "--classview", "--json", "--timeout", "600"], capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    summary = json.loads(out.stdout[out.stdout.index("{"):])
    assert summary["all_completed"] and summary["failures"] == 0
    for row in summary["rows"]:
        assert row["pull_s"] > 0, row
        assert row["cells_executed"] >= 20, row
        assert row["slider_p95_ms"] > 0, row
    # the class view (docs/jupyterhub.md's recipe, run as written): each kernel shared its answers through its
    # own hub token, and the facilitator's counts hold every learner in every question posted
    room = summary["classview"]
    assert room["learners_seen"] == 2 and room["questions"] > 0, room
    assert room["questions_with_every_learner"] == room["questions"] and room["left_in_outboxes"] == 0, room
    assert room["posts"] == 2 * room["questions"] and room["service_pss_mb"] > 0, room
