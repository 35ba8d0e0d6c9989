"""Launch links for a workshop: Binder, a JupyterHub through nbgitpuller, and the app pages.

    python -m kneecourse links --hub https://hub.example.org

Every page of the course has the same address relative to the course folder on every server:
``lab/tree/<course>/notebooks/<notebook>`` for a notebook in JupyterLab and
``voila/render/<course>/notebooks/apps/<app>`` for an app page (Voila inside JupyterLab's own
server: Binder and hubs have no second port). On Binder the course folder is the server's root
(``<course>`` is empty); after an nbgitpuller link on a hub it is ``kneecourse`` in the learner's home.
"""
from __future__ import annotations

import os
import re
import urllib.parse

from .explorers import EXPLORERS
from .files import START_PAGE

__all__ = ["COURSE_REPOSITORY", "HUB_FOLDER", "HUB_URL_VARIABLE", "check_hub_url", "page_path", "binder_link",
           "nbgitpuller_link", "launch_links", "workshop_links"]

#: the public repository of the course (Binder and nbgitpuller pull from it)
COURSE_REPOSITORY = "https://github.com/kneecourse/kneecourse"
#: the folder an nbgitpuller link creates in each learner's home (nbgitpuller's ``targetpath``)
HUB_FOLDER = "kneecourse"
#: environment variable naming the workshop's hub (``https://hub.example.org``) for the course site's launch links
HUB_URL_VARIABLE = "KNEECOURSE_HUB_URL"


#: what a hub's host and path may be made of (RFC 3986 unreserved characters, ``%`` escapes, ``:`` for a port)
_HOST = re.compile(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?")
_PATH = re.compile(r"(/[A-Za-z0-9._~%-]*)*")


def check_hub_url(hub: str, what: str = "hub") -> str:
    """The hub's address, checked and without a trailing slash.

    It must be ``https://`` (or ``http://``) followed by a host name, an optional port and path, and nothing
    else: no user name or password, whitespace, quotes or brackets, query or fragment (they would end up in
    every launch link and page the course makes).

    Raises
    ------
    ValueError
        Naming what is wrong, e.g. ``hub must be an address like https://hub.example.org, …``.
    """
    example = "an address like https://hub.example.org"
    if not isinstance(hub, str):
        raise ValueError(f"{what} must be {example}, got {hub!r}")
    parts = urllib.parse.urlsplit(hub)
    if parts.scheme not in ("https", "http") or not hub.startswith(("https://", "http://")):
        raise ValueError(f"{what} must be {example} (starting with https://), got {hub!r}")
    problem = None
    if any(c.isspace() or not c.isprintable() for c in hub):
        problem = "it has spaces or line breaks in it"
    elif not parts.netloc:
        problem = "it has no host name"
    elif "@" in parts.netloc:
        problem = "it has a user name in it (…@): give the hub's own address"
    elif parts.query or parts.fragment or "?" in hub or "#" in hub:
        problem = "it has a query (?…) or a fragment (#…): give the hub's address only"
    elif not _HOST.fullmatch(parts.netloc) or not _PATH.fullmatch(parts.path):
        problem = "it has characters an address cannot have (spaces, quotes, brackets, …)"
    if problem:
        raise ValueError(f"{what} must be {example}: {problem}; got {hub!r}")
    return hub.rstrip("/")


def page_path(page: str = START_PAGE, course_folder: str = "", app: bool = False) -> str:
    """The URL path of a course page on a Jupyter server, relative to the server's base URL.

    Parameters
    ----------
    page : str
        A notebook (``"03_patellofemoral_load.ipynb"``) or, with ``app=True``, an app
        notebook (``"app_squat.ipynb"``).
    course_folder : str, optional
        Where the course sits under the server's root folder: ``""`` on Binder,
        :data:`HUB_FOLDER` after an nbgitpuller link.
    app : bool, optional
        The no-code app page (Voila) instead of the notebook in JupyterLab.
    """
    folder = "/".join(p for p in (course_folder.strip("/"), "notebooks") if p)
    if app:
        return f"voila/render/{folder}/apps/{page}"
    return f"lab/tree/{folder}/{page}"


#: The app pages' own Voila template (Voila's lab template without the stylesheets it fetches from a CDN),
#: installed with the course; a launch link asks for it, so an app page makes no request to another host.
VOILA_TEMPLATE = "kneecourse"


def launch_path(page: str = START_PAGE, course_folder: str = "", app: bool = False) -> str:
    """:func:`page_path` as a launch link opens it: an app page with the course's Voila template."""
    return page_path(page, course_folder, app) + (f"?template={VOILA_TEMPLATE}" if app else "")


def binder_link(page: str = START_PAGE, app: bool = False, repository: str = COURSE_REPOSITORY,
                branch: str = "main", binder: str = "https://mybinder.org") -> str:
    """A Binder link that builds the course and opens ``page`` (a notebook, or an app page)."""
    parts = urllib.parse.urlparse(repository)
    if parts.netloc != "github.com":
        raise ValueError(f"repository must be a github.com URL for a Binder link, got {repository!r}")
    slug = "/".join(urllib.parse.quote(p, safe="") for p in parts.path.strip("/").removesuffix(".git").split("/"))
    query = urllib.parse.urlencode({"urlpath": launch_path(page, "", app)})
    # the branch is one path segment for Binder: a slash in it is encoded too
    return f"{binder.rstrip('/')}/v2/gh/{slug}/{urllib.parse.quote(branch, safe='')}?{query}"


def nbgitpuller_link(hub: str, page: str = START_PAGE, app: bool = False, repository: str = COURSE_REPOSITORY,
                     branch: str = "main", folder: str = HUB_FOLDER) -> str:
    """An nbgitpuller link: pulls the course into the learner's ``~/<folder>``, then opens ``page``.

    A learner who opens it again gets the facilitator's updates merged with their own edits
    (nbgitpuller never overwrites a changed file).
    """
    hub = check_hub_url(hub)
    query = urllib.parse.urlencode({"repo": repository, "branch": branch, "targetpath": folder,
                                    "urlpath": launch_path(page, folder, app)})
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def launch_links(page: str, app: bool = False, hub: str | None = None, repository: str = COURSE_REPOSITORY,
                 branch: str = "main") -> list:
    """The ways to open one page live: ``[(where, link), ...]`` — Binder, then the hub if there is one.

    Parameters
    ----------
    page : str
        A notebook, or with ``app=True`` an app notebook.
    hub : str, optional
        The hub's address; by default the ``KNEECOURSE_HUB_URL`` environment variable, and no hub
        link when neither is set.
    """
    if not hub and os.environ.get(HUB_URL_VARIABLE):
        hub = check_hub_url(os.environ[HUB_URL_VARIABLE], f"the {HUB_URL_VARIABLE} variable (your hub)")
    links = [("Binder", binder_link(page, app, repository, branch))]
    if hub:
        links.append(("your JupyterHub", nbgitpuller_link(hub, page, app, repository, branch)))
    return links


def workshop_links(hub: str | None = None, repository: str = COURSE_REPOSITORY, branch: str = "main") -> dict:
    """Every launch link of the course: {"binder"|"hub": {page name: link}} (the hub only if given)."""
    if hub:
        hub = check_hub_url(hub)
    pages = {"start page": (START_PAGE, False)}
    pages.update({f"app: {e.app}": (e.notebook, True) for e in EXPLORERS})
    out = {"binder": {k: binder_link(p, a, repository, branch) for k, (p, a) in pages.items()}}
    if hub:
        out["hub"] = {k: nbgitpuller_link(hub, p, a, repository, branch) for k, (p, a) in pages.items()}
    return out
