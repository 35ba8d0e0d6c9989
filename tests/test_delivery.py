"""Workshop delivery: app list, static export, facilitator guide links."""
import re

import pytest

from kneecourse.app import APPS, apps_folder, main, voila_command

from .conftest import ROOT


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


@pytest.mark.slow
def test_static_export_one_html_per_notebook_without_errors(tmp_path):
    from kneecourse.export_course import export_course

    files = export_course(tmp_path)
    names = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert sorted(f.stem for f in files) == names
    for f in files:
        html = f.read_text()
        assert "Traceback" not in html and 'class="jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr"' not in html
        assert 'class="ansi-red-fg"' not in html, f"{f.name} contains an error cell"
    start = (tmp_path / "00_start_here.html").read_text()
    assert 'href="01_knee_is_not_a_hinge.html"' in start
    module1 = (tmp_path / "01_knee_is_not_a_hinge.html").read_text()
    assert module1.count("data:image/png;base64") >= 4, "figures and explorers must be in the page as images"
