"""Binder, tested offline: what repo2docker plans, and what the image it builds does.

1. ``repo2docker --no-build`` prints the Dockerfile it would build: it must create the
   environment from ``environment.yml`` and then run ``postBuild``.
2. The image is reproduced without Docker: a fresh venv gets the packages ``environment.yml``
   pins (conda names translated to PyPI), then ``postBuild`` runs in a copy of the repository
   exactly as in the image (a plain, non-editable install). From the repository folder, as on
   Binder, the app list, one app (Voila), the environment check and
   JupyterLab's own server (course settings and an app page under ``/voila/render/``) must work.
"""
import json
import os
import shutil
import subprocess
import sys
import urllib.request

import pytest

from kneecourse.course.explorers import APPS

from ..browser.conftest import _free_port, serve
from ..conftest import ROOT
from .test_packaging import env_pins

pytestmark = pytest.mark.slow


def _repository_copy(dest):
    """The files a clone of the repository has (tracked files), or the tree without build output."""
    try:
        files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], check=True, capture_output=True
                               ).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        files = []
    files = [f for f in files if f and (ROOT / f).is_file()]
    if not files:
        skip = shutil.ignore_patterns(".venv", "build", ".git", "*.egg-info", "__pycache__")
        shutil.copytree(ROOT, dest, ignore=skip)
        return dest
    for f in files:
        target = dest / f
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / f, target)
    return dest


def test_repo2docker_builds_from_environment_yml_then_postbuild(tmp_path):
    here = os.path.dirname(sys.executable)
    r2d = shutil.which("jupyter-repo2docker", path=here) or shutil.which("jupyter-repo2docker")
    assert r2d, "jupyter-repo2docker is part of the [test] extra"
    repo = _repository_copy(tmp_path / "repo")
    out = subprocess.run([r2d, "--no-build", "--no-run", "--debug", str(repo)], capture_output=True, text=True,
                         timeout=300)
    text = out.stdout + out.stderr
    assert out.returncode == 0, text[-3000:]
    dockerfile = text[text.find("FROM "):]
    assert 'env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"' in dockerfile, dockerfile[-4000:]
    assert "RUN ./postBuild" in dockerfile
    # the environment is created before postBuild runs
    assert dockerfile.index("environment.yml") < dockerfile.index("RUN ./postBuild")
    assert "WORKDIR ${REPO_DIR}" in dockerfile  # learners start in the repository folder (notebooks/ ...)


@pytest.fixture(scope="module")
def binder_image(tmp_path_factory):
    """A fresh venv built the way the Binder image is, and a copy of the repository as its home."""
    base = tmp_path_factory.mktemp("binder")
    repo = _repository_copy(base / "repo")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    pins = [f"{name}=={version}.*" for name, version in env_pins().items() if name not in ("python", "pip")]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(PATH=f"{venv / 'bin'}:{env.get('PATH', '')}", KNEECOURSE_HOME=str(base / "home"),
               JUPYTER_RUNTIME_DIR=str(base / "runtime"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    subprocess.run([str(py), "-m", "pip", "install", "-q", *pins], check=True, env=env, timeout=900)
    post = subprocess.run(["bash", "postBuild"], cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert post.returncode == 0, post.stdout + post.stderr
    return {"python": str(py), "repo": repo, "env": env, "base": base}


#: where a command runs: the repository folder (Binder's home and a terminal's start: the source
#: tree is first on sys.path there) and another folder (only the installed copy is visible)
WHERE = ("repository folder", "another folder")


def _cwd(image, where):
    if where == "repository folder":
        return image["repo"]
    other = image["base"] / "elsewhere"
    other.mkdir(exist_ok=True)
    return other


def _run(image, *args, where="repository folder", timeout=300):
    out = subprocess.run([image["python"], *args], cwd=_cwd(image, where), env=image["env"], capture_output=True,
                         text=True, timeout=timeout)
    assert out.returncode == 0, f"{' '.join(args)} failed:\n{out.stdout[-2000:]}\n{out.stderr[-3000:]}"
    return out.stdout


def test_binder_install_is_not_editable(binder_image):
    out = _run(binder_image, "-c", "import kneecourse, kneecourse.course.files as c, importlib.metadata as m; "
                                   "print(kneecourse.__file__); print(c.notebooks_folder()); "
                                   "print(m.distribution('kneecourse').read_text('direct_url.json'))",
               where="another folder")
    module, notebooks, direct_url = out.split("\n", 2)
    assert "site-packages" in module, module
    assert notebooks.endswith("site-packages/kneecourse/notebooks"), notebooks
    assert '"editable": true' not in direct_url.replace(" ", "").replace('":true', '": true'), direct_url


@pytest.mark.parametrize("where", WHERE)
def test_binder_app_list_and_environment_check(binder_image, where):
    listing = _run(binder_image, "-m", "kneecourse", "app", "list", where=where)
    for name in APPS:
        assert name in listing
    assert "voila/render/notebooks/apps/app_squat.ipynb" in listing
    check = _run(binder_image, "-m", "kneecourse", "check", where=where)
    assert "All checks passed" in check and "✗" not in check, check
    # the README's form of the check
    check = _run(binder_image, "-c", "import kneecourse as kc; kc.check_environment()", where=where)
    assert "All checks passed" in check, check


def _kernels_left(image, wait_s=15):
    """Kernel processes of the image's Python still running after ``wait_s`` seconds."""
    import time
    from pathlib import Path

    deadline = time.time() + wait_s
    while True:
        left = []
        for d in Path("/proc").iterdir():
            if not d.name.isdigit():
                continue
            try:
                cmd = (d / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if cmd and cmd[0].decode(errors="replace") == image["python"] and b"ipykernel_launcher" in cmd:
                left.append(int(d.name))
        if not left or time.time() > deadline:
            return left
        time.sleep(0.5)


def _get(url, timeout=120):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.status, r.read().decode("utf-8", "replace")


def test_binder_serves_one_app_with_voila(binder_image):
    port = _free_port()
    cmd = [binder_image["python"], "-m", "kneecourse", "app", "squat", f"--port={port}"]
    log = binder_image["base"] / "voila.log"
    # the standalone app page executes the notebook when it is requested
    with serve(cmd, binder_image["env"], f"http://127.0.0.1:{port}/", log, "Voila (app mode)", timeout_s=180,
               cwd=binder_image["repo"]):
        # the page is served to the link the command printed (it carries the token), as a learner opens it
        import re

        link = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", log.read_text()).group(0)
        status, body = _get(link)
    assert status == 200
    assert "Traceback" not in body
    # stopping app mode stops Voila and the kernel it started for the page
    assert _kernels_left(binder_image) == [], "app mode left kernels running after it was stopped"
    assert "application/vnd.jupyter.widget-view+json" in body, "the explorer widget is not in the page"


def _readme_lab_arguments():
    """The arguments the README's set-up command gives ``jupyter lab``."""
    import re
    import shlex

    block = re.search(r"```bash\n# set up and open the course\n(.+?)\n```", (ROOT / "README.md").read_text()).group(1)
    return shlex.split(block.split("jupyter lab", 1)[1])


def test_binder_jupyterlab_has_course_settings_and_app_pages(binder_image):
    """JupyterLab started with the README's own arguments: course settings in effect, app pages at
    /voila/render/notebooks/."""
    port, token = _free_port(), "binder-test"
    cmd = [binder_image["python"], "-m", "jupyterlab", *_readme_lab_arguments(), "--no-browser", f"--port={port}",
           "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = dict(binder_image["env"], JUPYTERLAB_SETTINGS_DIR=str(binder_image["base"] / "user-settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(binder_image["base"] / "workspaces"))
    url = f"http://127.0.0.1:{port}"
    with serve(cmd, env, f"{url}/api/status?token={token}", binder_image["base"] / "lab.log", "JupyterLab",
               timeout_s=120, cwd=binder_image["repo"]):
        _, raw = _get(f"{url}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}")
        # overrides become the schema's defaults, which the page uses when a learner has set nothing
        defaults = {k: v.get("default") for k, v in json.loads(raw)["schema"]["properties"].items()}
        assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False, defaults
        status, body = _get(f"{url}/voila/render/notebooks/apps/{APPS['squat'].notebook}?token={token}", timeout=180)
    assert status == 200
    assert "Traceback" not in body
    assert "application/vnd.jupyter.widget-view+json" in body, "the app page has no explorer"
