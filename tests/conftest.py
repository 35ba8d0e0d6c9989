"""Shared test set-up: a private course folder, a non-interactive matplotlib backend, timing and kill helpers."""
import multiprocessing
import os
import signal
import time
from html.parser import HTMLParser
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
#: CI must run every test: a missing tool fails there and skips (with the reason) elsewhere
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_command(name: str, install: str) -> None:
    """Skip the test without the program ``name`` (fail in CI), saying how to install it."""
    import shutil

    if not shutil.which(name):
        msg = f"{name} not found: {install}"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)


def code_cells(notebook: str) -> list:
    """The code cells' sources of a course notebook (``"03_patellofemoral_load"``)."""
    import json

    cells = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def seconds_per_call(fn, number):
    """Best of 5 timings of ``number`` calls, per call (s): a shared machine only ever adds time."""
    import timeit

    fn()  # warm caches (tables, imports)
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def writers_at_once(script: str, path, n: int, who=("a", "b")) -> None:
    """Run ``script`` in one process per name in ``who`` at the same time (argv: path, name, n); all must exit 0."""
    import subprocess
    import sys

    procs = [subprocess.Popen([sys.executable, "-c", script, str(path), name, str(n)]) for name in who]
    assert [p.wait(timeout=300) for p in procs] == [0] * len(procs)


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


class HtmlTags(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML fragment."""

    def __init__(self, markup):
        super().__init__()
        self.tags, self.text = [], []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag, **where):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in where.items())]


@pytest.fixture
def static(course_home):
    """A page without a kernel (the course site): static forms instead of widgets."""
    from kneecourse.cli.site import static_forms

    static_forms.install()
    yield course_home
    static_forms.uninstall()
