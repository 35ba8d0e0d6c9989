"""Every app in Voila: renders without error, and a control redraws the figure."""
import os
import sys

import pytest

from kneecourse.app import APPS, apps_folder

from .conftest import ARTIFACTS, _free_port, serve
from .test_jupyterlab import canvas_of, explorers, move_slider, wait_for_change

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def voila_server(tmp_path_factory):
    port = _free_port()
    home = tmp_path_factory.mktemp("voila-home")
    env = dict(os.environ, KNEECOURSE_HOME=str(home), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    cmd = [sys.executable, "-m", "voila", str(apps_folder()), f"--port={port}", "--no-browser",
           "--Voila.ip=127.0.0.1", "--Voila.port_retries=0"]
    url = f"http://127.0.0.1:{port}"
    # tree mode: GET / lists the apps and starts no kernel
    with serve(cmd, env, f"{url}/", home / "voila.log", "Voila", timeout_s=60):
        yield url


@pytest.mark.parametrize("name", list(APPS))
def test_app_renders_and_reacts(page, voila_server, name):
    page.goto(f"{voila_server}/voila/render/{APPS[name][0]}")
    box = explorers(page).first
    box.wait_for(state="visible", timeout=90_000)
    canvas = canvas_of(box)
    canvas.wait_for(state="visible")
    page.wait_for_timeout(500)
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error displaying widget" not in body
    before = canvas.evaluate("c => c.toDataURL()")
    move_slider(page, box, presses=6)
    after = wait_for_change(page, lambda: canvas.evaluate("c => c.toDataURL()"), before, timeout_s=15)
    assert after != before, f"app {name}: the figure did not redraw"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"app_{name}.png"))
