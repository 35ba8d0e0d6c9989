"""Atomic writes into the learner's folder (io.learner_files)."""
import json

from kneecourse.dataio.learner_files import atomic_write_text

from ..conftest import killed_mid_write


def _writer(path, n):
    big = {"notebooks": {"nb": {f"q{i}": {"correct": True, "attempts": i, "pad": "x" * 2000} for i in range(200)}}}
    for _ in range(n):
        atomic_write_text(path, json.dumps(big))


def test_process_killed_mid_write_leaves_valid_file(course_home):
    path = course_home / "progress.json"
    atomic_write_text(path, json.dumps({"version": 1, "notebooks": {"nb": {"q": {"correct": True}}}}))
    for _ in killed_mid_write(_writer, (path, 10_000), (0.01, 0.03, 0.07)):
        data = json.loads(path.read_text())  # always a whole file, old or new
        assert "nb" in data["notebooks"]
