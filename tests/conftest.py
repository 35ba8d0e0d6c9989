"""Shared test set-up: a private course folder, a non-interactive matplotlib backend."""
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


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
