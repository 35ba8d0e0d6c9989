"""The course's glossary (``data/glossary.json``): the page learners read, and links at each term's first use.

``notebooks/glossary.md`` is written from the data (:func:`glossary_markdown`; a test holds the committed page to
it), so the definitions live in one place. In every module the first use of each term in its text links to that
page (:func:`first_uses`; a test holds every module to it).
"""
from __future__ import annotations

import re

from .tables import load_json

__all__ = ["GLOSSARY_PAGE", "glossary", "glossary_markdown", "first_uses", "link_first_uses", "write_glossary"]

#: the glossary's page, beside the notebooks (JupyterLab opens it; the site shows it)
GLOSSARY_PAGE = "glossary.md"


def glossary() -> list:
    """The terms: dicts with ``term``, ``uses`` (the words a module may use for it) and ``definition``."""
    return list(load_json("glossary.json")["terms"])


def glossary_markdown() -> str:
    """The glossary page as Markdown, terms in alphabetical order."""
    terms = sorted(glossary(), key=lambda t: t["term"].lower())
    rows = "\n\n".join(f"**{t['term']}** — {t['definition']}" for t in terms)
    return ("# Glossary\n\nThe words and abbreviations the course uses, in plain language. Each module links a term "
            "here the first time it uses it.\n\n" + rows + "\n")


def _pattern(use: str):
    # the word itself (not inside a longer word), and not already inside a link's text or code
    return re.compile(r"(?<![\w`-])" + re.escape(use) + r"(?![\w`-])")


#: a Markdown link, ``[text](target)``
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")


def _prose(line: str) -> bool:
    """A line of running text: not a heading, a table or an HTML line, where a link reads well."""
    s = line.lstrip()
    return bool(s) and not s.startswith(("#", "|", "<", "```", "(", "**Time:**"))


def first_uses(markdown_cells) -> dict:
    """For each term used in the cells' prose: ``(cell, line, start, end, use)`` of its first use."""
    found = {}
    for t in glossary():
        best = None
        for ci, text in enumerate(markdown_cells):
            for li, line in enumerate(text.split("\n")):
                if not _prose(line):
                    continue
                links = [(k.start(), k.end()) for k in _LINK.finditer(line)]
                for use in t["uses"]:
                    for m in _pattern(use).finditer(line):
                        inside = [(a, b) for a, b in links if a <= m.start() < b]
                        # a use inside another link's text is not a place for a link (nor a first use)
                        if inside and not is_linked(line, m.start(), m.end()):
                            continue
                        if best is None or (ci, li, m.start()) < best[:3]:
                            best = (ci, li, m.start(), m.end(), use)
                        break
            if best is not None:
                break
        if best is not None:
            found[t["term"]] = best
    return found


def is_linked(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` is the text of a link to the glossary."""
    return line[:start].endswith("[") and line[end:].startswith(f"]({GLOSSARY_PAGE})")


def link_first_uses(markdown_cells) -> list:
    """The cells with the first use of each term linked to the glossary (the rest unchanged)."""
    cells = [c.split("\n") for c in markdown_cells]
    marks = sorted(first_uses(markdown_cells).values(), key=lambda m: (m[0], m[1], -m[2]))
    for ci, li, start, end, _ in marks:
        line = cells[ci][li]
        if not is_linked(line, start, end):
            cells[ci][li] = f"{line[:start]}[{line[start:end]}]({GLOSSARY_PAGE}){line[end:]}"
    return ["\n".join(c) for c in cells]


def write_glossary(folder=None) -> list:
    """Write the glossary page and link each term's first use in every module of ``folder`` (the checkout's
    ``notebooks/`` by default); return the files changed."""
    import json
    from pathlib import Path

    folder = Path(folder) if folder else Path(__file__).resolve().parents[2] / "notebooks"
    changed = []
    page = folder / GLOSSARY_PAGE
    if not page.is_file() or page.read_text(encoding="utf-8") != glossary_markdown():
        page.write_text(glossary_markdown(), encoding="utf-8")
        changed.append(page)
    for path in sorted(folder.glob("0*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        md = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
        new = link_first_uses(["".join(c["source"]) for c in md])
        if new == ["".join(c["source"]) for c in md]:
            continue
        for c, text in zip(md, new):
            lines = text.split("\n")
            c["source"] = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        changed.append(path)
    return changed
