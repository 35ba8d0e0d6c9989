"""The package installs from a wheel with its data, and Binder's environment agrees with pyproject."""
import os
import re
import subprocess
import sys
import tomllib
import zipfile

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from kneecourse.tables import SCHEMAS

from .conftest import ROOT

DATA_FILES = sorted(p.name for p in (ROOT / "data").iterdir() if p.suffix in (".csv", ".json", ".md", ".npz"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, cwd=out,
    )
    (whl,) = out.glob("kneecourse-*.whl")
    return whl


def test_wheel_carries_every_data_file(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for f in DATA_FILES:
        assert f"kneecourse/data/{f}" in names, f"{f} is missing from the wheel"


def test_tables_load_from_an_installed_copy(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True)
    code = (
        "import kneecourse, kneecourse.tables as t\n"
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


def _env_deps():
    deps = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s*-\s*([A-Za-z0-9_.\-]+)\s*=\s*([0-9.]+)\s*$", line)
        if m:
            deps[m.group(1).lower()] = m.group(2)
    return deps


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = _env_deps()
    for spec in project["dependencies"]:
        req = Requirement(spec)
        name = req.name.lower()
        assert name in env, f"environment.yml does not pin {name}"
        pinned = Version(env[name] + ".0" if env[name].count(".") == 0 else env[name])
        assert req.specifier.contains(pinned, prereleases=True), f"{name}={env[name]} does not satisfy {req.specifier}"
    py = Version(env["python"])
    assert py >= Version(project["requires-python"].lstrip(">="))
    extra = set(env) - {Requirement(s).name.lower() for s in project["dependencies"]} - {"python", "pip"}
    assert not extra, f"environment.yml pins packages pyproject does not list: {extra}"


def test_binder_installs_the_package():
    post = (ROOT / "postBuild").read_text()
    assert "pip install" in post and "." in post
    assert os.access(ROOT / "postBuild", os.X_OK)


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
