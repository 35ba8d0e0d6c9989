"""Finding the notebooks however the course was installed; a learner's own copy (course.files)."""
import pytest

from kneecourse.course.explorers import APPS
from kneecourse.course.files import apps_folder

from ..conftest import NOTEBOOKS


def test_notebooks_folder_in_a_checkout_and_by_environment(tmp_path, monkeypatch):
    from kneecourse.course.files import CourseFilesError, notebooks_folder

    monkeypatch.delenv("KNEECOURSE_NOTEBOOKS", raising=False)
    assert (notebooks_folder() / "00_start_here.ipynb").is_file()
    assert apps_folder() == notebooks_folder() / "apps"
    monkeypatch.setenv("KNEECOURSE_NOTEBOOKS", str(tmp_path))
    with pytest.raises(CourseFilesError, match="KNEECOURSE_NOTEBOOKS"):
        notebooks_folder()
    (tmp_path / "apps").mkdir()
    (tmp_path / "00_start_here.ipynb").write_text("{}")
    assert notebooks_folder() == tmp_path.resolve()


def test_copy_keeps_a_learners_edits(tmp_path, capsys):
    from kneecourse.cli import main as course_main

    assert course_main(["copy", str(tmp_path)]) == 0
    copied = sorted(p.relative_to(tmp_path / "notebooks").as_posix() for p in (tmp_path / "notebooks").rglob("*.ipynb"))
    expected = sorted(p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOKS.rglob("*.ipynb")
                      if ".ipynb_checkpoints" not in p.parts)
    assert copied == expected and len(copied) == 10 + len(APPS)
    mine = tmp_path / "notebooks" / "03_patellofemoral_load.ipynb"
    mine.write_text("my edits")
    assert course_main(["copy", str(tmp_path)]) == 0
    assert mine.read_text() == "my edits", "a second copy must not overwrite a learner's work"
    assert "0 notebook(s) copied" in capsys.readouterr().out
    assert course_main(["copy", str(tmp_path), "--overwrite"]) == 0
    assert mine.read_text() != "my edits"
