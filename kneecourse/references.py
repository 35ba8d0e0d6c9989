"""The course bibliography (``data/references.json``), cited by key like ``[walker1988]``."""
from __future__ import annotations

import html

from .tables import load_json

__all__ = ["bibliography", "cite", "references_html"]


def bibliography() -> dict:
    """Key -> entry (authors, year, title, venue)."""
    return dict(load_json("references.json"))


def cite(key: str) -> str:
    """One reference formatted as 'Authors (year). Title. Venue.'"""
    bib = bibliography()
    if key not in bib:
        raise KeyError(f"unknown reference key {key!r}; add it to data/references.json")
    e = bib[key]
    return f"{e['authors']} ({e['year']}). {e['title']}. {e['venue']}."


def references_html(keys) -> str:
    """An HTML list of the given references, for a notebook's reference section."""
    items = "".join(f"<li><code>[{html.escape(k)}]</code> {html.escape(cite(k))}</li>" for k in keys)
    return f"<ol>{items}</ol>"
