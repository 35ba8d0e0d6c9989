"""App pages: one notebook per explorer, the app command (cli.apps)."""
import pytest

from kneecourse.cli.apps import APPS, main, main_app_notebooks, voila_command, write_app_notebooks
from kneecourse.course.explorers import EXPLORERS
from kneecourse.course.files import apps_folder


def test_every_app_notebook_exists_and_uses_projector_style():
    for name, app in APPS.items():
        text = (apps_folder() / app.notebook).read_text()
        assert "kc.style(projector=True)" in text and f"{app.cls}()" in text, name
    assert sorted(p.name for p in apps_folder().glob("*.ipynb")) == sorted(a.notebook for a in APPS.values())


def test_app_notebooks_are_written_from_the_list_of_explorers(tmp_path):
    # the committed app notebooks are exactly what the list of explorers gives
    assert write_app_notebooks(apps_folder(), check=True) == []
    assert main_app_notebooks(["--check"]) == 0
    # a new explorer in the list means a new app notebook; a stray one is reported
    assert len(write_app_notebooks(tmp_path)) == len(EXPLORERS)
    assert write_app_notebooks(tmp_path, check=True) == []
    (tmp_path / "app_gone.ipynb").write_text("{}")
    (tmp_path / EXPLORERS[0].notebook).write_text("{}")
    assert write_app_notebooks(tmp_path, check=True) == [EXPLORERS[0].notebook, "app_gone.ipynb"]


def test_app_command(capsys):
    cmd = voila_command("squat", 9000)
    assert "--Voila.ip=127.0.0.1" in cmd and "--port=9000" in cmd
    assert any(c.endswith("app_squat.ipynb") for c in cmd)
    with pytest.raises(ValueError, match="unknown app"):
        voila_command("nope")
    assert main(["list"]) == 0
    assert "squat" in capsys.readouterr().out
