"""The facilitator and hub guides: their links resolve and match what the code makes."""
import re

from ..conftest import ROOT


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


def test_guides_list_the_links_the_code_makes():
    """README, facilitator guide and hub recipe show the app-page URLs and link formats the course produces."""
    import urllib.parse

    from kneecourse.course.links import binder_link, nbgitpuller_link, page_path

    # the guides write the hub as a placeholder, which is not an address the links accept: made with a real one
    start = urllib.parse.unquote(nbgitpuller_link("https://your-hub.example")).replace("your-hub.example",
                                                                                         "<your-hub>")
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


def test_the_hub_recipes_give_each_learner_their_own_folders():
    """JupyterHub passes Spawner.environment strings as they are: a "{username}" there is one folder for every
    learner (their kernels' sockets and files in one place). The recipe's values must name the learner."""
    import re
    import types

    from traitlets.config import Config

    text = (ROOT / "docs" / "jupyterhub.md").read_text()
    block = re.search(r"kneecourse\.py <<'PY'\n(.*?)\nPY\n", text, re.S).group(1)
    c = Config()
    exec(block, {"c": c})
    env = c.Spawner.environment
    for name in ("ann", "ben"):
        spawner = types.SimpleNamespace(user=types.SimpleNamespace(name=name))
        values = {k: v(spawner) if callable(v) else v for k, v in env.items()}
        assert all("{" not in v for v in values.values()), f"a template the hub will not expand: {values}"
        assert name in values["JUPYTER_RUNTIME_DIR"], values
