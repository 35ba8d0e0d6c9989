"""The course bibliography (``data/references.json``), cited by key like ``[walker1988]``."""
from __future__ import annotations

import html
import urllib.parse

from .tables import load_json

__all__ = ["bibliography", "bibtex", "cite", "doi_url", "references_html"]


def bibliography() -> dict:
    """Key -> entry (authors, year, title, venue, and ``doi`` where it is known)."""
    return dict(load_json("references.json"))


def cite(key: str) -> str:
    """One reference formatted as 'Authors (year). Title. Venue.'"""
    bib = bibliography()
    if key not in bib:
        raise KeyError(f"unknown reference key {key!r}; add it to data/references.json")
    e = bib[key]
    return f"{e['authors']} ({e['year']}). {e['title']}. {e['venue']}."


def doi_url(key: str) -> str | None:
    """The reference's DOI as a link (``https://doi.org/…``), or None where the entry has no DOI."""
    doi = bibliography()[key].get("doi")
    return None if not doi else "https://doi.org/" + urllib.parse.quote(doi, safe="/().;:-")


def references_html(keys) -> str:
    """An HTML list of the given references, for a notebook's reference section (DOIs as links)."""
    def item(k):
        url = doi_url(k)
        link = "" if url is None else f' <a href="{html.escape(url)}">doi:{html.escape(bibliography()[k]["doi"])}</a>'
        return f"<li><code>[{html.escape(k)}]</code> {html.escape(cite(k))}{link}</li>"

    return f'<ol class="kc-references">{"".join(item(k) for k in keys)}</ol>'


def _bibtex_name(name: str) -> str:
    """'van Eijden TM' -> 'van Eijden, T. M.'; 'et al.' -> 'others' (BibTeX's word for it)."""
    name = name.strip()
    if name.rstrip(".") == "et al":
        return "others"
    surname, _, initials = name.rpartition(" ")
    if not surname or not initials.isupper():
        return "{" + name + "}"
    return f"{surname}, {' '.join(c + '.' for c in initials)}"


def bibtex() -> str:
    """The whole bibliography as BibTeX (``@misc`` entries), made from ``data/references.json``.

    The course site's bibliography is built from this text, so the JSON file stays the one source.
    """
    def field(text) -> str:
        return "{" + str(text).replace("{", "").replace("}", "").replace("&", r"\&") + "}"

    out = []
    for key, e in bibliography().items():
        authors = " and ".join(_bibtex_name(a) for a in e["authors"].split(","))
        out.append(f"@misc{{{key},\n  author = {field(authors)},\n  title = {{{field(e['title'])}}},\n"
                   f"  howpublished = {field(e['venue'])},\n  year = {field(e['year'])},\n"
                   + (f"  doi = {field(e['doi'])},\n" if e.get("doi") else "") + "}\n")
    return "\n".join(out)
