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
    # an app page opens with the course's Voila template: no stylesheet from a CDN
    assert query["urlpath"] == ["voila/render/notebooks/apps/app_squat.ipynb?template=kneecourse"]
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


# --- hostile or mistyped addresses never reach a link, a page or a file ------------------------------------

HOSTILE_HUBS = [
    "https://hub.example.org/x)<img src=x onerror=alert(document.domain)>(y",
    "http://",
    "https://",
    "https:// hub.example.org",
    "https://hub.example.org\n",
    'https://hub"example.org',
    "https://hub.example.org/'onmouseover='x",
    "https://evil.example@hub.example.org",
    "https://hub.example.org/?next=https://evil.example",
    "https://hub.example.org/#top",
    "javascript:alert(1)",
    "ftp://hub.example.org",
    "hub.example.org",
]


@pytest.mark.parametrize("hub", HOSTILE_HUBS)
def test_a_hub_address_that_is_not_one_is_refused_by_name(hub):
    from kneecourse.course.links import check_hub_url, launch_links, nbgitpuller_link, workshop_links

    for make in (check_hub_url, nbgitpuller_link, lambda h: launch_links("00_start_here.ipynb", hub=h),
                 workshop_links):
        with pytest.raises(ValueError, match=r"^hub must be"):
            make(hub)


@pytest.mark.parametrize("hub, clean", [("https://hub.example.org", "https://hub.example.org"),
                                        ("https://hub.example.org/", "https://hub.example.org"),
                                        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
                                        ("https://example.org/jupyter/", "https://example.org/jupyter")])
def test_a_real_hub_address_is_accepted(hub, clean):
    from kneecourse.course.links import check_hub_url

    assert check_hub_url(hub) == clean


def test_the_hub_from_the_environment_is_checked_too(monkeypatch):
    from kneecourse.course.links import HUB_URL_VARIABLE, launch_links

    monkeypatch.setenv(HUB_URL_VARIABLE, HOSTILE_HUBS[0])
    with pytest.raises(ValueError, match=HUB_URL_VARIABLE):
        launch_links("00_start_here.ipynb")


@pytest.mark.parametrize("branch", ["../../evil/repo/main", "main?urlpath=lab/tree/evil.ipynb", "feature/new x"])
def test_every_part_of_a_binder_link_is_encoded(branch):
    import urllib.parse

    from kneecourse.course.links import binder_link

    parts = urllib.parse.urlparse(binder_link(branch=branch))
    assert parts.path == "/v2/gh/kneecourse/kneecourse/" + urllib.parse.quote(branch, safe="")
    assert urllib.parse.parse_qs(parts.query) == {"urlpath": ["lab/tree/notebooks/00_start_here.ipynb"]}


def test_a_hostile_hub_never_reaches_the_site(tmp_path, capsys):
    """The hub was pasted raw into the site's markdown: live <img onerror> tags in the built HTML."""
    from kneecourse.cli.site import launch_bar, main

    with pytest.raises(ValueError, match="^hub must be"):
        launch_bar("00_start_here.ipynb", hub=HOSTILE_HUBS[0])
    assert main([str(tmp_path / "site"), "--hub", HOSTILE_HUBS[0]]) == 1
    assert "hub must be" in capsys.readouterr().err and not (tmp_path / "site").exists()


def test_the_links_command_refuses_a_hostile_hub_in_one_line():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "kneecourse", "links", "--hub", HOSTILE_HUBS[0]],
                         capture_output=True, text=True)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0 and "hub must be" in out.stderr
