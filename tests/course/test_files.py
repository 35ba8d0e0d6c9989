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


# --- copy never writes outside the folder it was given, and says why it cannot ---------------------------

def test_copy_never_follows_a_dangling_symlink_out_of_the_folder(tmp_path, capsys):
    from kneecourse.cli import main as course_main

    dest, outside = tmp_path / "course", tmp_path / "outside.ipynb"
    (dest / "notebooks").mkdir(parents=True)
    (dest / "notebooks" / "00_start_here.ipynb").symlink_to(outside)  # points at a file that does not exist yet
    assert course_main(["copy", str(dest)]) == 1
    assert not outside.exists(), "copy wrote through the link, outside the folder"
    err = capsys.readouterr().err
    assert "00_start_here.ipynb" in err and "symbolic link" in err and err.count("\n") == 1


def test_copy_with_overwrite_does_not_replace_a_links_target(tmp_path, capsys):
    from kneecourse.cli import main as course_main

    dest, theirs = tmp_path / "course", tmp_path / "someone_elses.ipynb"
    theirs.write_text("keep me")
    (dest / "notebooks").mkdir(parents=True)
    (dest / "notebooks" / "03_patellofemoral_load.ipynb").symlink_to(theirs)
    assert course_main(["copy", str(dest), "--overwrite"]) == 1
    assert theirs.read_text() == "keep me"
    assert "symbolic link" in capsys.readouterr().err


def test_copy_into_a_linked_apps_folder_is_refused(tmp_path, capsys):
    from kneecourse.cli import main as course_main

    dest, elsewhere = tmp_path / "course", tmp_path / "elsewhere"
    elsewhere.mkdir()
    (dest / "notebooks").mkdir(parents=True)
    (dest / "notebooks" / "apps").symlink_to(elsewhere, target_is_directory=True)
    assert course_main(["copy", str(dest)]) == 1
    assert not list(elsewhere.iterdir())
    assert "apps" in capsys.readouterr().err


@pytest.mark.parametrize("case", ["file", "empty", "read-only"])
def test_copy_to_a_place_it_cannot_use_is_one_clear_line(tmp_path, capsys, monkeypatch, case):
    import tempfile

    from kneecourse.cli import main as course_main

    if case == "file":
        dest = tmp_path / "a-file"
        dest.write_text("not a folder")
    elif case == "empty":
        dest = ""
    else:  # a read-only folder, as any user sees it (root writes anywhere, so the refusal is simulated)
        dest = tmp_path / "locked"

        def refused(*a, dir=None, **k):
            raise PermissionError(13, "Permission denied", str(dir))

        monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert course_main(["copy", str(dest)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
