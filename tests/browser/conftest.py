"""A real JupyterLab server and headless Chromium driven by Playwright.

The server runs over a temporary copy of the notebooks (autosave writes
outputs there, never into the repository) with the course's installed
JupyterLab settings (news pop-up off) and two private ones: notebooks render
every cell (no windowing), so widgets far down a notebook exist in the page,
and autosave is off. Every request the browser makes to a host
other than 127.0.0.1 is aborted.

Chromium: Debian's package (``apt-get install -y chromium``) at
``/usr/bin/chromium`` or ``$KNEECOURSE_CHROMIUM``. In CI (``CI=true``) a
missing or broken browser fails the run; locally the browser tests are
skipped with a loud message.
"""
import json
import os
import shutil
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest

from kneecourse.cli.local_server import CHROMIUM_ARGS, free_port, serve

from ..conftest import IN_CI

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "build" / "browser"
CHROMIUM = os.environ.get("KNEECOURSE_CHROMIUM", "/usr/bin/chromium")


_free_port = free_port  # the browser tests' name for it (test_voila_apps, test_binder)


def _no_browser(reason):
    msg = (
        f"\n{'!' * 70}\n  BROWSER TESTS NOT RUN: {reason}\n  install it with: apt-get install -y chromium\n{'!' * 70}\n"
    )
    if IN_CI:
        pytest.fail(msg)
    sys.stderr.write(msg)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    """Start JupyterLab on a free loopback port over a copy of the notebooks."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "course"
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    settings = base / "settings"
    # the news pop-up is off and every cell is drawn at once (no blank figures after scrolling) through the
    # course's own settings, installed with the package, as for learners
    for plugin, values in {
        # no autosave: the copies keep no widget outputs whose models die with their kernels
        "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    }.items():
        f = settings / plugin
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(values))
    token = uuid.uuid4().hex
    port = _free_port()
    env = dict(os.environ)
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
        KNEECOURSE_HOME=str(base / "home"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
    )
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.port_retries=0",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    url = f"http://127.0.0.1:{port}"
    with serve(cmd, env, f"{url}/api/status?token={token}", base / "server.log", "JupyterLab", cwd=root):
        yield {"url": url, "token": token, "root": root, "log": base / "server.log"}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _no_browser(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed (pip install -e '.[test]')")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:  # noqa: BLE001 - report any launch failure the same way
        pw.stop()
        _no_browser(f"Chromium could not start: {exc}")
    yield b
    b.close()
    pw.stop()


def loopback_context(browser, viewport):
    """A browser context of the given size that aborts every request to a host other than 127.0.0.1."""
    context = browser.new_context(viewport=viewport)
    context.outside = []  # every request to another host: the fixtures fail a test that made one

    def guard(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if host.split(":")[0] in ("127.0.0.1", "") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            context.outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context


def assert_no_outside_requests(context):
    """Offline, on a closed workshop network or behind a hub's firewall a request to another host fails or
    hangs: no page of the course may make one (app pages asked a CDN for Font Awesome)."""
    assert not context.outside, f"requests to other hosts: {sorted(set(context.outside))}"


@pytest.fixture
def page(browser, lab_server):
    context = loopback_context(browser, {"width": 1400, "height": 1000})
    p = context.new_page()
    p.set_default_timeout(60_000)
    yield p
    context.close()
    # shut down every kernel this test started
    base, token = lab_server["url"], lab_server["token"]
    try:
        with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=5) as r:
            sessions = json.load(r)
        for s in sessions:
            req = urllib.request.Request(f"{base}/api/sessions/{s['id']}?token={token}", method="DELETE")
            urllib.request.urlopen(req, timeout=10).close()
    except OSError:
        pass
    assert_no_outside_requests(context)


#: slider-to-repaint reports of this run (filled by the notebook tests, printed at the end)
LATENCY_REPORTS = []


def pytest_terminal_summary(terminalreporter):
    rows = [(r["notebook"], ms, ok) for r in LATENCY_REPORTS for ms, ok in zip(r["latency_ms"], r["within_target"])]
    if not rows:
        return
    tr = terminalreporter
    tr.section("slider-to-repaint latency in JupyterLab (median of 10 moves per explorer)")
    for nb, ms, ok in rows:
        target = LATENCY_REPORTS[0]["target_ms"]
        tr.write_line(f"{nb:40s} {ms:7.1f} ms  {'within' if ok else 'ABOVE'} the {target} ms target")
    within = sum(ok for *_, ok in rows)
    tr.write_line(f"{within} of {len(rows)} explorers within target; figures in build/browser/*.json")


#: the axe-core rules a colour theme can change (a second theme of the same pages needs only these)
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, rules=None):
    """axe-core (bundled with axe-playwright-python, nothing downloaded) on the page as it is now.

    ``rules``: only these axe rules (e.g. :data:`COLOUR_RULES`); by default all of them.
    Returns ``{impact: [(rule id, nodes, help), ...]}`` for every violation found.
    """
    from axe_playwright_python.sync_playwright import Axe

    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    found = {}
    for v in Axe().run(page, options=options).response["violations"]:
        found.setdefault(v["impact"], []).append((v["id"], len(v["nodes"]), v["help"]))
    return found


def serious_or_worse(found):
    """The critical and serious violations of :func:`axe_violations`, with the first nodes' targets."""
    return {impact: rules for impact, rules in found.items() if impact in ("critical", "serious")}
