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
from pathlib import Path

TAG = "nbval-check-output"


def stripped_text(text: str) -> str:
    """A notebook's JSON text as the course commits it."""
    nb = json.loads(text)
    for cell in nb["cells"]:
        if TAG in cell.get("metadata", {}).get("tags", []):
            cell["metadata"]["keep_output"] = True
    out = subprocess.run([sys.executable, "-m", "nbstripout", "--keep-id"], input=json.dumps(nb),
                         capture_output=True, text=True, check=True).stdout
    nb = json.loads(out)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and cell["metadata"].get("keep_output") and cell["outputs"]:
            cell["execution_count"] = 1
            for output in cell["outputs"]:
                if output.get("output_type") == "execute_result":
                    output["execution_count"] = 1
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(paths) -> int:
    changed = []
    for path in map(Path, paths):
        before = path.read_text(encoding="utf-8")
        after = stripped_text(before)
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed.append(path.name)
    if changed:
        print("stripped: " + ", ".join(changed))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
