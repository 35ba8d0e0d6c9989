"""Strip notebooks for a commit: nbstripout, keeping the reference cells' outputs and execution counts.

    python tests/tools/strip_notebooks.py notebooks/*.ipynb     # the pre-commit hook runs this

nbstripout (its command, with its own defaults) removes every output, execution
count and run-time metadata except the outputs of cells marked ``keep_output``;
the course marks its ``nbval-check-output`` reference cells so. nbval needs those
cells to look run ("Unrun reference cell has outputs" otherwise), so each then
gets execution count 1 (always 1: re-running a notebook leaves no diff). A
notebook is written only when this changes it; the exit code is 1 if any
changed, as pre-commit expects of a hook that fixes files.
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

TAG = "nbval-check-output"


def stripped_texts(texts):
    """Notebooks' JSON texts as the course commits them (one nbstripout process for all of them)."""
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for i, text in enumerate(texts):
            nb = json.loads(text)
            for cell in nb["cells"]:
                if TAG in cell.get("metadata", {}).get("tags", []):
                    cell["metadata"]["keep_output"] = True
            files.append(Path(folder) / f"{i}.ipynb")
            files[-1].write_text(json.dumps(nb), encoding="utf-8")
        if files:
            subprocess.run([sys.executable, "-m", "nbstripout", "--keep-id", *map(str, files)],
                           capture_output=True, text=True, check=True)
        return [_count_reference_cells(json.loads(f.read_text(encoding="utf-8"))) for f in files]


def stripped_text(text: str) -> str:
    """A notebook's JSON text as the course commits it."""
    return stripped_texts([text])[0]


def _count_reference_cells(nb) -> str:
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and cell["metadata"].get("keep_output") and cell["outputs"]:
            cell["execution_count"] = 1
            for output in cell["outputs"]:
                if output.get("output_type") == "execute_result":
                    output["execution_count"] = 1
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(paths) -> int:
    paths = list(map(Path, paths))
    befores = [path.read_text(encoding="utf-8") for path in paths]
    changed = []
    for path, before, after in zip(paths, befores, stripped_texts(befores)):
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed.append(path.name)
    if changed:
        print("stripped: " + ", ".join(changed))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
