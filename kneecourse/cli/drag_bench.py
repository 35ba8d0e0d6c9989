"""The drag benchmark: every explorer in a real JupyterLab in headless Chromium.

    python -m kneecourse bench --browser            # a table
    python -m kneecourse bench --browser --json     # every figure

For each explorer it opens a notebook holding only that explorer, moves the benchmark's control
(:mod:`kneecourse.course.explorers`) from the keyboard, and measures in the page and in the kernel:

* **repaint**: a single key press to the frame drawn on the explorer's canvas (median and p95 of 20);
* **frames per burst**: distinct frames drawn for 40 key presses 25 ms apart;
* **settle**: the last press of the burst to the last frame drawn;
* **kernel CPU per step**: the kernel process's CPU time over the burst (and the second after it, when
  the kernel hears the final value) divided by the 40 steps;
* **table**: how long the browser waited for the control's first table (a coarse one, every k-th
  position, for a long range) and for the whole one, from the moment it asked.

It needs Chromium (``apt-get install -y chromium``, or ``KNEECOURSE_CHROMIUM``) and Playwright, and talks
only to 127.0.0.1.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from ..course.explorers import EXPLORERS
from .local_server import CHROMIUM_ARGS, free_port, serve

__all__ = ["TARGETS", "KERNEL_READY_JS", "ALL_DONE_JS", "single_press_repaints", "burst", "run", "table",
           "available"]

#: targets per explorer: repaint median (ms), frames drawn of 40 presses, settle (ms), kernel CPU per step (ms)
TARGETS = {"repaint_median_ms": 20.0, "burst_frames": 35, "settle_ms": 50.0, "kernel_cpu_ms_per_step": 2.0}


#: the notebook's kernel is connected and idle (the "idle" indicator shows before the websocket connects)
KERNEL_READY_JS = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
}"""
#: every code cell of the notebook has run
ALL_DONE_JS = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  return w.content.widgets.filter(c => c.model.type === 'code').every(c => c.model.executionCount !== null);
}"""
_EXECUTE = """async (code) => {
  const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const f = k.requestExecute({code, silent: false, store_history: false});
  let out = '';
  f.onIOPub = (m) => { if (m.header.msg_type === 'stream') out += m.content.text; };
  await f.done;
  return out;
}"""


def _notebook(explorer) -> dict:
    code = f"import kneecourse as kc\nfrom kneecourse.widgets import {explorer.cls}\n\n{explorer.cls}()"
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": "explorer", "metadata": {},
                       "outputs": [], "source": code}],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}


@contextlib.contextmanager
def _jupyterlab(root: Path):
    """JupyterLab on a free loopback port over ``root`` (no news pop-up, no windowing, no autosave)."""
    settings = root.parent / "settings"
    for plugin, values in {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"checkForUpdates": False,
                                                                            "fetchNews": "false"},
    }.items():
        f = settings / plugin
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(values))
    token, port = uuid.uuid4().hex, free_port()
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings), JUPYTERLAB_WORKSPACES_DIR=str(root.parent / "ws"),
               KNEECOURSE_HOME=str(root.parent / "home"), JUPYTER_RUNTIME_DIR=str(root.parent / "runtime"))
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
           "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    url = f"http://127.0.0.1:{port}"
    with serve(cmd, env, f"{url}/api/status?token={token}", root.parent / "server.log", "JupyterLab", timeout_s=120,
               cwd=root):
        yield url, token


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))] if xs else float("nan")


def single_press_repaints(page, presses, timeout_ms=3000, gap_ms=60) -> list:
    """Times (ms, page clock) from a key press (right, left, … on the focused control) to the next frame an
    explorer draws; a press that draws nothing within ``timeout_ms`` is left out. The page must record frames
    (``window.kneecourseFrames = []``)."""
    times = []
    for k in range(presses):
        t0 = page.evaluate("() => performance.now()")
        page.keyboard.press("ArrowLeft" if k % 2 else "ArrowRight")
        try:
            page.wait_for_function("t0 => window.kneecourseFrames.some(f => f[0] > t0)", arg=t0, timeout=timeout_ms,
                                   polling="raf")
        except Exception:  # noqa: BLE001 - a press that draws nothing counts as not drawn
            continue
        times.append(page.evaluate("t0 => Math.min(...window.kneecourseFrames.filter(f => f[0] > t0)"
                                   ".map(f => f[0])) - t0", t0))
        page.wait_for_timeout(gap_ms)
    return times


def burst(page, presses=40, gap_ms=25, positions=None) -> tuple:
    """Press the arrow keys ``presses`` times ``gap_ms`` apart on the focused control (turning back at either end
    of its ``positions``, if given) and wait a second: ``(frames drawn, settle ms)``, the page recording frames."""
    page.evaluate("() => { window.kneecourseFrames = []; }")
    last, i, step = None, 0, 1
    for _ in range(presses):
        if positions and not 0 <= i + step < positions:
            step = -step
        i += step
        last = page.evaluate("() => performance.now()")
        page.keyboard.press("ArrowRight" if step > 0 else "ArrowLeft")
        page.wait_for_timeout(gap_ms)
    page.wait_for_timeout(1000)
    frames = page.evaluate("() => window.kneecourseFrames")
    return len(frames), max(max((f[0] for f in frames), default=last) - last, 0.0)


def bench_one(page, url, token, explorer, presses=40, gap_ms=25, singles=20):
    """Open one explorer's notebook and measure its drag figures (see the module's docstring)."""
    page.goto(f"{url}/lab/workspaces/b{uuid.uuid4().hex[:10]}/tree/{explorer.app}.ipynb?reset&token={token}")
    page.wait_for_function(KERNEL_READY_JS, timeout=120_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_DONE_JS, timeout=240_000, polling=250)
    root = page.locator(".kc-live").first
    root.wait_for(state="visible", timeout=60_000)
    pid = int(page.evaluate(_EXECUTE, "import os; print(os.getpid())").strip())
    control = root.locator(f'[data-control="{explorer.control}"] input').first
    control.scroll_into_view_if_needed()
    page.evaluate("() => { window.kneecourseFrames = []; }")
    t_ask = time.perf_counter()
    control.focus()
    page.wait_for_function("([el, name]) => (el.dataset.tables || '').split(' ').includes(name)",
                           arg=[root.element_handle(), explorer.control], timeout=60_000, polling=5)
    table_ms = 1000 * (time.perf_counter() - t_ask)  # the first table (a coarse one for a long range)
    page.wait_for_function("([el, name]) => (el.dataset.whole || '').split(' ').includes(name)",
                           arg=[root.element_handle(), explorer.control], timeout=60_000, polling=5)
    whole_ms = 1000 * (time.perf_counter() - t_ask)
    # the benchmark's control starts from its lowest position, so every press moves it
    page.keyboard.press("Home")
    page.wait_for_timeout(600)
    repaint = single_press_repaints(page, singles)
    page.wait_for_timeout(600)  # the kernel hears the last value
    page.keyboard.press("Home")
    page.wait_for_timeout(800)
    n = int(control.get_attribute("max")) + 1  # positions of the control: the burst turns back at the end
    cpu0 = _cpu_s(pid)
    drawn, settle = burst(page, presses, gap_ms, n)
    cpu = _cpu_s(pid) - cpu0
    return {"explorer": explorer.cls, "control": explorer.control, "table_ms": round(table_ms, 1),
            "whole_table_ms": round(whole_ms, 1),
            "repaint_median_ms": round(statistics.median(repaint), 1) if repaint else None,
            "repaint_p95_ms": round(_pct(repaint, 0.95), 1) if repaint else None,
            "repaints": len(repaint), "presses": presses, "burst_frames": drawn,
            "settle_ms": round(settle, 1), "kernel_cpu_ms_per_step": round(1000 * cpu / presses, 2)}


def run(names=None, chromium=None):
    """Every explorer (or those named by app name) measured in one JupyterLab; a list of rows."""
    from playwright.sync_api import sync_playwright

    chromium = chromium or os.environ.get("KNEECOURSE_CHROMIUM", "/usr/bin/chromium")
    chosen = [e for e in EXPLORERS if not names or e.app in names]
    rows = []
    with tempfile.TemporaryDirectory(prefix="kneecourse-drag-") as tmp:
        root = Path(tmp) / "course"
        root.mkdir()
        for e in chosen:
            (root / f"{e.app}.ipynb").write_text(json.dumps(_notebook(e)))
        with _jupyterlab(root) as (url, token), sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
            context = browser.new_context(viewport={"width": 1366, "height": 768})
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
                ("http://127.0.0.1", "data:", "blob:")) else route.abort())
            for e in chosen:
                page = context.new_page()
                page.set_default_timeout(60_000)
                try:
                    rows.append(bench_one(page, url, token, e))
                except Exception as exc:  # noqa: BLE001 - one explorer's failure is reported, the others still run
                    rows.append({"explorer": e.cls, "control": e.control, "error": f"{type(exc).__name__}: {exc}"})
                finally:
                    page.close()
                    _shutdown_kernels(url, token)
            browser.close()
    return rows


def _shutdown_kernels(url, token):
    with urllib.request.urlopen(f"{url}/api/sessions?token={token}", timeout=10) as r:
        sessions = json.load(r)
    for s in sessions:
        req = urllib.request.Request(f"{url}/api/sessions/{s['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(req, timeout=10).close()


def table(rows) -> str:
    """The rows as a table, with the targets."""
    lines = [f"{'explorer':24s} {'repaint med/p95 ms':>19s} {'frames/40':>9s} {'settle ms':>9s} "
             f"{'kernel ms/step':>14s} {'table ms first/whole':>21s}"]
    for r in rows:
        if "error" in r:
            lines.append(f"{r['explorer']:24s} FAILED: {r['error'].splitlines()[0][:90]}")
            continue
        lines.append(f"{r['explorer']:24s} {r['repaint_median_ms']!s:>9}/{r['repaint_p95_ms']!s:<9} "
                     f"{r['burst_frames']:9d} {r['settle_ms']:9.1f} {r['kernel_cpu_ms_per_step']:14.2f} "
                     f"{r['table_ms']:10.0f}/{r.get('whole_table_ms', float('nan')):<10.0f}")
    t = TARGETS
    lines.append(f"targets: repaint ≤ {t['repaint_median_ms']:.0f} ms median, ≥ {t['burst_frames']} of 40 presses "
                 f"drawn, settle ≤ {t['settle_ms']:.0f} ms, kernel CPU ≤ {t['kernel_cpu_ms_per_step']:.0f} ms per step")
    return "\n".join(lines)


def available(chromium=None) -> bool:
    """True when Chromium and Playwright are there to run the drag benchmark."""
    chromium = chromium or os.environ.get("KNEECOURSE_CHROMIUM", "/usr/bin/chromium")
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return Path(chromium).exists() or shutil.which(chromium) is not None
