"""Where the course notebooks are, however the course was installed.

One answer for every way a learner meets the course:

* a source checkout (editable install, Binder's repository folder): ``notebooks/``
  next to the package;
* a plain ``pip install kneecourse`` (wheel): the notebooks ship inside the
  package as ``kneecourse/notebooks`` (read-only; ``copy_course`` makes a
  learner's own copy);
* ``KNEECOURSE_NOTEBOOKS`` set to a folder: that folder, whatever else exists.

App mode, the course site, the benchmark and the environment check all ask
here, so they work from any working directory.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["notebooks_folder", "apps_folder", "copy_course", "is_course", "CourseFilesError"]

#: the first page of the course: a folder holding it is a course folder
START_PAGE = "00_start_here.ipynb"
_PACKAGE = Path(__file__).resolve().parents[1]


class CourseFilesError(FileNotFoundError):
    """The course notebooks cannot be found (the message says where it looked and what to do)."""


def is_course(folder: Path) -> bool:
    """True for a folder holding the course's notebooks (the start page and ``apps/``)."""
    return (folder / START_PAGE).is_file() and (folder / "apps").is_dir()


def _candidates():
    env = os.environ.get("KNEECOURSE_NOTEBOOKS")
    if env:
        yield "KNEECOURSE_NOTEBOOKS", Path(env).expanduser()
        return
    yield "source checkout", _PACKAGE.parent / "notebooks"
    yield "installed package", _PACKAGE / "notebooks"


def notebooks_folder() -> Path:
    """The folder holding the course notebooks (``00_start_here.ipynb`` … and ``apps/``).

    Returns
    -------
    Path
        An absolute path; the source checkout's ``notebooks/`` when the package
        runs from one, else the copy installed with the package, unless
        ``KNEECOURSE_NOTEBOOKS`` names another folder.

    Raises
    ------
    CourseFilesError
        If no candidate holds the course (the message lists where it looked).
    """
    looked = []
    for label, folder in _candidates():
        if is_course(folder):
            return folder.resolve()
        looked.append(f"{label}: {folder}")
    raise CourseFilesError(
        "course notebooks not found (looked in " + "; ".join(looked) + "). Reinstall the course "
        "(pip install --force-reinstall kneecourse) or set KNEECOURSE_NOTEBOOKS to a folder holding "
        f"{START_PAGE} and apps/.")


def apps_folder() -> Path:
    """The folder of app notebooks (one no-code page per explorer)."""
    return notebooks_folder() / "apps"


def _refuse_links(root: Path, dest: Path) -> None:
    """Raise if ``dest`` or a folder between ``root`` and it is a symbolic link (copy never follows one)."""
    here = dest
    while here != root and root in here.parents:
        if here.is_symlink():
            raise CourseFilesError(f"{here} is a symbolic link: the course is never copied through one (it could "
                                   "write outside the folder); remove the link or choose another folder")
        here = here.parent


def _replace_with_copy(source: Path, dest: Path) -> None:
    """Copy to a new file beside ``dest``, then rename it over ``dest``: a link there is replaced, not followed."""
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def copy_course(destination, overwrite: bool = False) -> list:
    """Copy the course notebooks into ``destination/notebooks`` for a learner to work in.

    Start JupyterLab in ``destination`` and the course is at
    ``lab/tree/notebooks/00_start_here.ipynb``, the app pages at
    ``voila/render/notebooks/apps/…`` — the same addresses as on Binder.

    Parameters
    ----------
    destination : str or Path
        A folder (created if missing).
    overwrite : bool, optional
        Replace notebooks that already exist there. By default a learner's
        existing notebooks (and their edits) are kept and only missing ones
        are copied.

    Returns
    -------
    list of Path
        The notebooks written.
    """
    if not str(destination).strip():
        raise CourseFilesError("copy needs a folder to copy the course into, e.g. python -m kneecourse copy my-course")
    root = Path(destination).expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise CourseFilesError(f"{root} is a file, not a folder: choose a folder for the course")
    source = notebooks_folder()
    target = root / "notebooks"
    written = []
    try:
        for path in sorted(source.rglob("*.ipynb")):
            if ".ipynb_checkpoints" in path.parts:
                continue
            dest = target / path.relative_to(source)
            _refuse_links(root, dest)
            if dest.exists() and not overwrite:
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            _refuse_links(root, dest)  # a link made while copying is refused too
            _replace_with_copy(path, dest)
            written.append(dest)
    except PermissionError as exc:
        raise CourseFilesError(f"{exc.filename or root}: no permission to write there; choose a folder of your "
                               "own") from None
    except OSError as exc:
        raise CourseFilesError(f"{exc.filename or root}: {exc.strerror or exc}") from None
    return written
