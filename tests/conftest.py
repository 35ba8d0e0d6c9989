"""Shared test set-up: a private course folder, a non-interactive matplotlib backend, timing and kill helpers."""
import multiprocessing
import os
import signal
import time
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def seconds_per_call(fn, number):
    """Best of 5 timings of ``number`` calls, per call (s): a shared machine only ever adds time."""
    import timeit

    fn()  # warm caches (tables, imports)
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def killed_mid_write(target, args, delays):
    """Start a writer process, SIGKILL it after each delay; yield after each kill so the caller can check files."""
    ctx = multiprocessing.get_context("fork")
    for delay in delays:
        p = ctx.Process(target=target, args=args)
        p.start()
        time.sleep(delay)
        os.kill(p.pid, signal.SIGKILL)
        p.join()
        yield delay


@pytest.fixture(scope="session")
def wheel(tmp_path_factory):
    """The course built as a wheel, as pip would build it for a learner."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, cwd=out,
    )
    (whl,) = out.glob("kneecourse-*.whl")
    return whl


@pytest.fixture
def course_home(tmp_path, monkeypatch):
    """A fresh, empty course folder for one test."""
    monkeypatch.setenv("KNEECOURSE_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
