"""One printable page per module for workshop participants, built with the course site.

Each handout holds the module's key picture (its first explorer at its first position, drawn from the same
view as the live explorer), the claim it checks with the evidence grade, the takeaways and the red flags.
The text is the notebook's own (its *Claim check* and *Takeaways* sections), so it cannot drift from the
course. Printed from the site (the browser's Print), it fits one A4 page.
"""
from __future__ import annotations

import re
from pathlib import Path

__all__ = ["sections", "handout_markdown", "write_handouts"]


def sections(notebook) -> dict:
    """The notebook's Markdown by level-2 heading: heading -> text under it (to the next level-2 heading)."""
    text = "\n\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    parts = re.split(r"(?m)^## (.+)$", text)
    return {head.strip(): body.strip() for head, body in zip(parts[1::2], parts[2::2])}


def _section(found: dict, start: str) -> tuple:
    for head, body in found.items():
        if head.startswith(start):
            return head, body
    return None, ""


def handout_markdown(notebook, page: str, picture: str | None, picture_alt: str) -> str | None:
    """The handout of one notebook as MyST Markdown, or None if it has no claim check and takeaways.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
    page : str
        The notebook's page name (``03_patellofemoral_load``), linked from the handout.
    picture : str, optional
        File name of the key picture beside the handout.
    picture_alt : str
        The picture's text description.
    """
    from ...safety import DISCLAIMER, red_flags_html

    found = sections(notebook)
    claim_head, claim = _section(found, "Claim check")
    _, takeaways = _section(found, "Takeaways")
    if not claim or not takeaways:
        return None
    title = next((c.source.split("\n", 1)[0].lstrip("# ").strip() for c in notebook.cells
                  if c.cell_type == "markdown" and c.source.startswith("# ")), page)
    # orphan: reached from the handouts page, not the navigation; nosearch: search finds the module page itself
    out = ["---", "orphan: true", "nosearch: true", "---", "", f"# Handout — {title}", "",
           # the print style (kneecourse.css) fits a page holding this marker on one A4 sheet
           "```{raw} html", '<div class="kc-handout" hidden></div>', "```", "",
           f"*One page to print for a workshop. The course page: [{page}]({page}.ipynb). {DISCLAIMER}*", ""]
    if picture:
        out += [f"```{{image}} {picture}", f":alt: {picture_alt}", ":class: kc-handout-picture", "```", ""]
    out += [f"## {claim_head}", "", claim, "", "## Takeaways", "", takeaways, "", "## Red flags", "",
            "```{raw} html", f'<div class="kc-handout-flags">{red_flags_html()}</div>', "```", ""]
    return "\n".join(out)


def _picture(explorer_cls: str, path: Path) -> str:
    """Draw the explorer at its first position as a PNG at ``path``; return its text description."""
    import matplotlib

    from ... import widgets
    from ...views.display import describe_figure

    matplotlib.use("agg")
    e = getattr(widgets, explorer_cls)()
    e.redraw(full=True)
    e.fig.savefig(path, dpi=110)
    return describe_figure(e.fig)


def write_handouts(src, notebooks: dict, explorers: dict) -> list:
    """Write a handout page (and its picture) per notebook into the Sphinx source folder ``src``.

    Parameters
    ----------
    src : Path
    notebooks : dict
        Page name -> notebook.
    explorers : dict
        Page name -> the explorer class names the notebook builds, first one first.

    Returns
    -------
    list of str
        The handout page names, in the notebooks' order.
    """
    pages = []
    for page, nb in notebooks.items():
        if handout_markdown(nb, page, None, "") is None:  # no claim check and takeaways: no handout
            continue
        used = explorers.get(page) or []
        picture, alt = None, ""
        if used:
            picture = f"handout-{page}.png"
            alt = _picture(used[0], Path(src) / picture)
        text = handout_markdown(nb, page, picture, alt)
        (Path(src) / f"handout-{page}.md").write_text(text, encoding="utf-8")
        pages.append(f"handout-{page}")
    return pages
