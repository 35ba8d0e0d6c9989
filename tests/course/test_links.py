"""Page paths and launch links for Binder and a hub (course.links)."""
import pytest

from kneecourse.course.explorers import APPS

from ..conftest import ROOT


def test_page_paths_and_launch_links():
    import urllib.parse

    from kneecourse.course.links import binder_link, nbgitpuller_link, page_path, workshop_links

    assert page_path("app_squat.ipynb", app=True) == "voila/render/notebooks/apps/app_squat.ipynb"
    hub_page = "voila/render/kneecourse/notebooks/apps/app_squat.ipynb"
    assert page_path("app_squat.ipynb", "kneecourse/", app=True) == hub_page
    assert page_path() == "lab/tree/notebooks/00_start_here.ipynb"
    b = binder_link("app_squat.ipynb", app=True)
    assert b.startswith("https://mybinder.org/v2/gh/kneecourse/kneecourse/main?urlpath=")
    query = urllib.parse.parse_qs(urllib.parse.urlparse(b).query)
    assert query["urlpath"] == ["voila/render/notebooks/apps/app_squat.ipynb"]
    # the README's badge is the same link as the code makes
    assert binder_link().replace("%2F", "/") in (ROOT / "README.md").read_text()
    link = nbgitpuller_link("https://hub.example.org/", "03_patellofemoral_load.ipynb")
    parts = urllib.parse.urlparse(link)
    assert parts.path == "/hub/user-redirect/git-pull"
    q = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
    assert q == {"repo": "https://github.com/kneecourse/kneecourse", "branch": "main", "targetpath": "kneecourse",
                 "urlpath": "lab/tree/kneecourse/notebooks/03_patellofemoral_load.ipynb"}
    with pytest.raises(ValueError, match="https://"):
        nbgitpuller_link("hub.example.org")
    with pytest.raises(ValueError, match="github.com"):
        binder_link(repository="https://gitlab.com/x/y")
    links = workshop_links("https://hub.example.org")
    assert set(links) == {"binder", "hub"} and len(links["hub"]) == 1 + len(APPS)
