"""Workshop delivery: app list, launch links, facilitator guide links, the course files."""
import re

import pytest

from kneecourse.app import APPS, main, voila_command
from kneecourse.course_files import apps_folder

from .conftest import NOTEBOOKS, ROOT


def test_every_app_notebook_exists_and_uses_projector_style():
    for name, (fname, _) in APPS.items():
        text = (apps_folder() / fname).read_text()
        assert "kc.style(projector=True)" in text and "Explorer()" in text, name
    assert sorted(p.name for p in apps_folder().glob("*.ipynb")) == sorted(f for f, _ in APPS.values())


def test_app_command(capsys):
    cmd = voila_command("squat", 9000)
    assert "--Voila.ip=127.0.0.1" in cmd and "--port=9000" in cmd
    assert any(c.endswith("app_squat.ipynb") for c in cmd)
    with pytest.raises(ValueError, match="unknown app"):
        voila_command("nope")
    assert main(["list"]) == 0
    assert "squat" in capsys.readouterr().out


def test_facilitator_guide_links_resolve():
    guide = ROOT / "docs" / "facilitator_guide.md"
    for doc in (guide, ROOT / "docs" / "jupyterhub.md"):
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", doc.read_text()):
            if "://" in target:
                continue
            assert (doc.parent / target).exists(), f"{doc.name} links to missing {target}"
    text = guide.read_text()
    for needed in ("Troubleshooting", "Binder", "nbgitpuller", "check_environment", "misconceptions"):
        assert needed in text


# -- finding the course files, however the course was installed -------------------------------

def test_notebooks_folder_in_a_checkout_and_by_environment(tmp_path, monkeypatch):
    from kneecourse.course_files import CourseFilesError, apps_folder, notebooks_folder

    monkeypatch.delenv("KNEECOURSE_NOTEBOOKS", raising=False)
    assert (notebooks_folder() / "00_start_here.ipynb").is_file()
    assert apps_folder() == notebooks_folder() / "apps"
    monkeypatch.setenv("KNEECOURSE_NOTEBOOKS", str(tmp_path))
    with pytest.raises(CourseFilesError, match="KNEECOURSE_NOTEBOOKS"):
        notebooks_folder()
    (tmp_path / "apps").mkdir()
    (tmp_path / "00_start_here.ipynb").write_text("{}")
    assert notebooks_folder() == tmp_path.resolve()


def test_copy_keeps_a_learners_edits(tmp_path, capsys):
    from kneecourse.__main__ import main as course_main

    assert course_main(["copy", str(tmp_path)]) == 0
    copied = sorted(p.relative_to(tmp_path / "notebooks").as_posix() for p in (tmp_path / "notebooks").rglob("*.ipynb"))
    expected = sorted(p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOKS.rglob("*.ipynb")
                      if ".ipynb_checkpoints" not in p.parts)
    assert copied == expected and len(copied) == 10 + len(APPS)
    mine = tmp_path / "notebooks" / "03_patellofemoral_load.ipynb"
    mine.write_text("my edits")
    assert course_main(["copy", str(tmp_path)]) == 0
    assert mine.read_text() == "my edits", "a second copy must not overwrite a learner's work"
    assert "0 notebook(s) copied" in capsys.readouterr().out
    assert course_main(["copy", str(tmp_path), "--overwrite"]) == 0
    assert mine.read_text() != "my edits"


def test_page_paths_and_launch_links():
    import urllib.parse

    from kneecourse.links import binder_link, nbgitpuller_link, page_path, workshop_links

    assert page_path("app_squat.ipynb", app=True) == "voila/render/notebooks/apps/app_squat.ipynb"
    assert page_path("app_squat.ipynb", "kneecourse/", app=True) == "voila/render/kneecourse/notebooks/apps/app_squat.ipynb"
    assert page_path() == "lab/tree/notebooks/00_start_here.ipynb"
    b = binder_link("app_squat.ipynb", app=True)
    assert b.startswith("https://mybinder.org/v2/gh/kneecourse/kneecourse/main?urlpath=")
    assert urllib.parse.parse_qs(urllib.parse.urlparse(b).query)["urlpath"] == ["voila/render/notebooks/apps/app_squat.ipynb"]
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


def test_course_commands_work_from_any_folder(tmp_path):
    """App list, where and the environment check from a folder that is not the repository."""
    import subprocess
    import sys

    for args in (["-m", "kneecourse.app", "list"], ["-m", "kneecourse", "where"]):
        out = subprocess.run([sys.executable, *args], cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
    assert "voila/render/notebooks/apps/" in subprocess.run(
        [sys.executable, "-m", "kneecourse.app", "list"], cwd=tmp_path, capture_output=True, text=True).stdout


def test_environment_check_reads_extension_paths_from_jupyter_core(monkeypatch, tmp_path):
    from kneecourse import environment

    ext = tmp_path / "labextensions" / "jupyter-matplotlib"
    ext.mkdir(parents=True)
    (ext / "package.json").write_text("{}")
    import jupyter_core.paths

    monkeypatch.setattr(jupyter_core.paths, "jupyter_path", lambda *sub: [str(tmp_path / sub[0])] if sub else [])
    assert environment._labextension_present("jupyter-matplotlib")
    assert not environment._labextension_present("@jupyter-widgets/jupyterlab-manager")


def test_guides_list_the_links_the_code_makes():
    """README, facilitator guide and hub recipe show the app-page URLs and link formats the course produces."""
    import urllib.parse

    from kneecourse.links import binder_link, nbgitpuller_link, page_path

    hub = "https://<your-hub>"
    start = urllib.parse.unquote(nbgitpuller_link(hub))
    app = urllib.parse.unquote(binder_link("app_squat.ipynb", app=True))
    for doc in (ROOT / "README.md", ROOT / "docs" / "facilitator_guide.md", ROOT / "docs" / "jupyterhub.md"):
        text = doc.read_text()
        assert start in text, f"{doc.name} lacks the nbgitpuller start link"
        assert page_path("app_squat.ipynb", "kneecourse", app=True) in text, f"{doc.name} lacks the hub app page"
    for doc in (ROOT / "README.md", ROOT / "docs" / "facilitator_guide.md"):
        text = doc.read_text()
        assert app in text and page_path("app_squat.ipynb", app=True) in text, f"{doc.name} lacks the Binder app link"
    recipe = (ROOT / "docs" / "jupyterhub.md").read_text()
    assert "sudo -E python3 -" in recipe and "apt install -y python3 python3-dev git curl" in recipe
    assert "gitpuller" in recipe and "postStart" in recipe, "Z2JH delivers the notebooks with nbgitpuller"
    assert "requirements-txt-url" not in recipe
