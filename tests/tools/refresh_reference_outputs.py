"""Re-run notebooks and keep the outputs of their reference cells (tagged ``nbval-check-output``).

    python tests/tools/refresh_reference_outputs.py notebooks/03_patellofemoral_load.ipynb [...]

Use it after a model change moves a number a reference cell prints: the notebook
is executed in a fresh kernel from its own folder (with a throw-away progress
folder), then stripped as for a commit (``strip_notebooks.py``), so only the
reference cells keep their new output. Review the diff: nbval compares these
outputs on every test run.
"""
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from strip_notebooks import stripped_text  # noqa: E402


def refresh(path: Path) -> bool:
    """Execute ``path`` and write it back stripped; True if a reference output changed."""
    before = path.read_text(encoding="utf-8")
    nb = nbformat.reads(before, as_version=4)
    with tempfile.TemporaryDirectory(prefix="kneecourse-refresh-") as home:
        old = os.environ.get("KNEECOURSE_HOME")
        os.environ["KNEECOURSE_HOME"] = home
        try:
            NotebookClient(nb, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            if old is None:
                os.environ.pop("KNEECOURSE_HOME", None)
            else:
                os.environ["KNEECOURSE_HOME"] = old
    after = stripped_text(nbformat.writes(nb))
    if after != before:
        path.write_text(after, encoding="utf-8")
    return after != before


def main(paths) -> int:
    for path in map(Path, paths):
        print(f"{path.name}: {'reference outputs changed' if refresh(path) else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
