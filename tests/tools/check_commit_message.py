"""The commit-msg hook: a subject of at most 72 characters, a blank line before any body.

    python tests/tools/check_commit_message.py .git/COMMIT_EDITMSG     # pre-commit runs this on every commit
"""
import sys
from pathlib import Path

LIMIT = 72


def problems(message: str) -> list:
    """What is wrong with a commit message, in words (empty when it is fine)."""
    lines = [ln for ln in message.splitlines() if not ln.startswith("#")]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return ["the message is empty"]
    found = []
    if len(lines[0]) > LIMIT:
        found.append(f"the subject has {len(lines[0])} characters; at most {LIMIT}, with the details in the body")
    if len(lines) > 1 and lines[1].strip():
        found.append("leave a blank line between the subject and the body")
    return found


if __name__ == "__main__":
    said = problems(Path(sys.argv[1]).read_text(encoding="utf-8"))
    for p in said:
        print(f"commit message: {p}", file=sys.stderr)
    sys.exit(1 if said else 0)
