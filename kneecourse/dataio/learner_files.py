"""The learner's own folder and safe writes into it.

``$KNEECOURSE_HOME`` if set, else ``~/.kneecourse``: the progress store and
exported plans live there. Writes are atomic (a temporary file in the same
folder, flush, fsync, then :func:`os.replace`), so a crash mid-write leaves
the previous file intact.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["user_folder", "atomic_write_text"]


def user_folder(create: bool = True) -> Path:
    """Return (and create, unless ``create`` is False) the per-user course folder.

    ``$KNEECOURSE_HOME`` overrides the default ``~/.kneecourse``; on Binder
    the home folder is writable, so the default works there too.
    """
    env = os.environ.get("KNEECOURSE_HOME")
    folder = Path(env).expanduser() if env else Path.home() / ".kneecourse"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def atomic_write_text(path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (temp file + fsync + replace).

    Either the old content or the whole new content is on disk afterwards,
    never a mix, whatever happens during the write.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path
