"""The package installs from a wheel with its data, and Binder's environment agrees with pyproject."""
import os
import re
import subprocess
import sys
import zipfile

import tomllib
from packaging.requirements import Requirement
from packaging.version import Version

from kneecourse.dataio.tables import SCHEMAS

from ..conftest import ROOT

DATA_FILES = sorted(p.name for p in (ROOT / "data").iterdir() if p.suffix in (".csv", ".json", ".md", ".npz"))


def test_wheel_carries_every_data_file(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for f in DATA_FILES:
        assert f"kneecourse/data/{f}" in names, f"{f} is missing from the wheel"


def test_tables_load_from_an_installed_copy(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True)
    code = (
        "import kneecourse, kneecourse.dataio.tables as t\n"
        "from importlib import resources\n"
        f"assert kneecourse.__file__.startswith({str(target)!r}), kneecourse.__file__\n"
        f"assert str(resources.files('kneecourse.data')).startswith({str(target)!r})\n"
        "for n in t.SCHEMAS: t.load_table(n)\n"
        "t.load_json('references.json'); t.load_json('exercises.json')\n"
        "from kneecourse.models import periodic_gait as pg\n"
        "assert pg.lookup(1.1, 1.16, 15.0) is not None\n"
        "print(len(t.SCHEMAS))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(len(SCHEMAS))


#: conda-forge package name -> the PyPI name pyproject.toml uses
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib", "nbconvert-core": "nbconvert", "jupyter_core": "jupyter-core"}


def env_pins():
    """``environment.yml`` pins as {PyPI name: version} (conda names translated)."""
    deps = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s*-\s*([A-Za-z0-9_.\-]+)\s*=\s*([0-9.]+)\s*$", line)
        if m:
            name = m.group(1).lower()
            deps[CONDA_TO_PYPI.get(name, name).replace("_", "-")] = m.group(2)
    return deps


def _requirements(project, extras=()):
    reqs = [Requirement(s) for s in project["dependencies"]]
    for extra in extras:
        reqs += [Requirement(s) for s in project["optional-dependencies"][extra] if not s.startswith("kneecourse")]
    return {r.name.lower().replace("_", "-"): r for r in reqs}


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = env_pins()
    # Binder is a learner's environment plus the app pages and nbgitpuller links (the [hub] extra)
    wanted = _requirements(project, extras=("app", "hub"))
    for name, req in wanted.items():
        assert name in env, f"environment.yml does not pin {name}"
        pinned = Version(env[name] + ".0" if env[name].count(".") == 0 else env[name])
        assert req.specifier.contains(pinned, prereleases=True), f"{name}={env[name]} does not satisfy {req.specifier}"
    py = Version(env["python"])
    assert py >= Version(project["requires-python"].lstrip(">="))
    extra = set(env) - set(wanted) - {"python", "pip"}
    assert not extra, f"environment.yml pins packages pyproject does not list: {extra}"
    text = (ROOT / "environment.yml").read_text()
    assert "matplotlib-base=" in text and "- matplotlib=" not in text, "Binder needs matplotlib without its Qt GUI"


def test_each_audience_installs_what_it_needs():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    base = _requirements(project)
    assert "voila" not in base, "Voila is for app pages: the [app] extra, not every learner"
    for needed in ("nbformat", "nbclient", "jupyter-core"):
        assert needed in base, f"{needed} is imported by the course but not declared"
    assert Version("0.9.5") in base["ipympl"].specifier and Version("0.9.4") not in base["ipympl"].specifier
    extras = project["optional-dependencies"]

    def expand(extra):
        names = set()
        for spec in extras[extra]:
            req = Requirement(spec)
            names |= set().union(*(expand(e) for e in req.extras)) if req.name == "kneecourse" else {req.name}
        return names

    assert "voila" in expand("app") and {"voila", "nbgitpuller"} <= expand("hub")
    assert {"voila", "nbgitpuller", "jupyterhub", "pytest", "jupyter-repo2docker"} <= expand("test"), (
        "the tests need what the app pages, the hub and the load test need")


def test_binder_installs_the_package():
    post = (ROOT / "postBuild").read_text()
    assert re.search(r"pip install --no-deps( --no-cache-dir)? \.\s*$", post, re.M), "postBuild installs the course"
    assert " -e " not in post, "Binder installs the course as a learner's pip would, not editable"
    assert os.access(ROOT / "postBuild", os.X_OK)


def test_wheel_carries_the_notebooks_and_jupyterlab_settings(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for sample in sorted((ROOT / "data" / "watch").iterdir()):
        assert f"kneecourse/data/watch/{sample.name}" in names, f"sample watch file {sample.name} is missing"
    for nb in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        rel = nb.relative_to(ROOT / "notebooks").as_posix()
        assert f"kneecourse/notebooks/{rel}" in names, f"{rel} is missing from the wheel"
    assert "kneecourse/notebooks/glossary.md" in names, "the glossary the notebooks link to is missing"
    settings = [n for n in names if n.endswith("share/jupyter/lab/settings/overrides.d/kneecourse.json")]
    assert settings, "the wheel must install the course's JupyterLab settings"
    import json

    values = json.loads(zipfile.ZipFile(wheel).read(settings[0]))
    assert values["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    # every cell attached at once: JupyterLab's default skips cells off screen, and figures far down a notebook
    # showed blank for 1–2 s after scrolling to them
    assert values["@jupyterlab/notebook-extension:tracker"]["windowingMode"] == "none"
    # the app pages' Voila template, which asks no CDN for anything
    template = [n for n in names if n.endswith("share/jupyter/voila/templates/kneecourse/index.html.j2")]
    assert template and any(n.endswith("voila/templates/kneecourse/conf.json") for n in names)
    assert "https://" not in zipfile.ZipFile(wheel).read(template[0]).decode().split("-#}", 1)[1].replace(
        "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@^5/css/", "")


def test_readme_commands_and_badge():
    readme = (ROOT / "README.md").read_text()
    assert "lab/tree/notebooks/00_start_here.ipynb" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    m = re.search(r"```bash\n# run every test\n(.+?)\n```", readme)
    assert m, "README must give the test command in a '# run every test' block"
    assert m.group(1).strip().replace(".venv/bin/python", "").strip() in ci.replace(".venv/bin/python", "")


def test_licences_present():
    text = (ROOT / "LICENSE").read_text()
    assert "MIT" in text and "CC BY 4.0" in text


def test_the_course_site_builds_its_source_from_an_installed_copy(wheel, tmp_path):
    """The site's configuration and scripts ship in the wheel; an installed copy stages the site from anywhere."""
    names = zipfile.ZipFile(wheel).namelist()
    site_files = ROOT / "kneecourse" / "site"
    for f in sorted(p for p in site_files.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        rel = f.relative_to(ROOT).as_posix()
        assert rel in names, f"{rel} is missing from the wheel"
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True)
    code = (
        "import kneecourse.cli.site as s\n"
        f"assert s.__file__.startswith({str(target)!r}), s.__file__\n"
        "pages = s.stage('staged', hub='https://hub.example.org')\n"
        "print(len(pages))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    env.pop("KNEECOURSE_NOTEBOOKS", None)
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(len(list((ROOT / "notebooks").glob("[0-9]*.ipynb"))))
    for needed in ("conf.py", "index.md", "references.bib", "_static/kneecourse-quiz.js", "_static/favicon.svg",
                   "_static/mathjax/MathJax.js", "03_patellofemoral_load.ipynb"):
        assert (tmp_path / "staged" / needed).is_file(), needed


def test_wheel_carries_the_explorers_renderer(wheel, tmp_path):
    """The browser renderer's script and style ship in the wheel and load from an installed copy elsewhere."""
    names = zipfile.ZipFile(wheel).namelist()
    for part in sorted((ROOT / "kneecourse" / "widgets" / "live").glob("*.[jc]s*")):
        assert f"kneecourse/widgets/live/{part.name}" in names, f"{part.name} is missing from the wheel"
    target = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("from kneecourse.widgets.live import LiveFigure, static_script; "
            "assert 'export default' in LiveFigure._esm and '.kc-live' in LiveFigure._css; "
            "assert 'kc-live-data' in static_script(); print('ok')")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(target)})
    assert out.stdout.strip() == "ok", out.stderr[-2000:]
