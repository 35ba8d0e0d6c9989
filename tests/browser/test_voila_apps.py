"""Every app in Voila: renders without error, a control redraws the figure, and the page is projector-ready.

Projector-ready, checked on a 1280×720 and a 1024×768 screen: the whole app fits without scrolling, every
control label, readout and button and the figure's own text is at least 18 px as shown, sliders are wide,
and a screenshot of each app is saved in build/browser/projector_<app>_<screen>.png. Apps are opened
twice: from Voila's own server (app mode) and from JupyterLab's server at
/voila/render/notebooks/apps/... (Binder and hubs).
"""
import json
import os
import sys

import pytest

from kneecourse.cli.apps import template_args
from kneecourse.course.explorers import APPS
from kneecourse.course.files import apps_folder
from kneecourse.course.links import launch_path

from .conftest import (
    ARTIFACTS,
    _free_port,
    assert_no_outside_requests,
    axe_violations,
    loopback_context,
    serious_or_worse,
    serve,
)
from .test_jupyterlab import canvas_of, explorers, move_slider, wait_for_change

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def voila_server(tmp_path_factory):
    port = _free_port()
    home = tmp_path_factory.mktemp("voila-home")
    env = dict(os.environ, KNEECOURSE_HOME=str(home), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    cmd = [sys.executable, "-m", "voila", str(apps_folder()), f"--port={port}", "--no-browser",
           "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", *template_args()]
    url = f"http://127.0.0.1:{port}"
    # tree mode: GET / lists the apps and starts no kernel
    with serve(cmd, env, f"{url}/", home / "voila.log", "Voila", timeout_s=60):
        yield url


PROJECTOR = {"width": 1280, "height": 720}
#: the projector screens an app must fit
SCREENS = ({"width": 1280, "height": 720}, {"width": 1024, "height": 768})
MIN_TEXT_PX = 18
MIN_SLIDER_PX = 240

#: every text a learner reads in the explorer: labels, slider readouts, buttons, readout and caption
_MEASURE = """box => {
  const sizes = [];
  for (const el of box.querySelectorAll('.widget-label, .widget-readout, button, select, .widget-html-content, '
                                        + '.kc-live label, .kc-live output, .kc-live-readout, .kc-live-caption')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || !(el.innerText || '').trim()) continue;
    sizes.push([el.className.split(' ')[0] + ': ' + (el.innerText || '').trim().slice(0, 30),
                parseFloat(getComputedStyle(el).fontSize)]);
  }
  // the drawing's smallest text as shown: its size at the figure's own size, times the canvas's scale
  for (const c of box.querySelectorAll('canvas.kc-live-figure[data-text-px]')) {
    sizes.push(['figure text', parseFloat(c.dataset.textPx) * c.getBoundingClientRect().width
                                 / parseFloat(c.dataset.width)]);
  }
  const sliders = [...box.querySelectorAll('.widget-hslider .slider-container, .kc-live input[type=range]')].map(
      el => el.getBoundingClientRect().width);
  // the page may scroll in an inner container: measure where the explorer and everything above it end
  for (let el = box; el; el = el.parentElement) { el.scrollTop = 0; el.scrollLeft = 0; }
  window.scrollTo(0, 0);
  let bottom = 0, right = 0;
  for (const el of [box, ...box.querySelectorAll('*')]) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    bottom = Math.max(bottom, r.bottom); right = Math.max(right, r.right);
  }
  return {sizes, sliders, scrollW: Math.ceil(right), scrollH: Math.ceil(bottom),
          projector: box.closest('.kneecourse-projector') !== null
                     || box.querySelector('.kneecourse-projector') !== null};
}"""


@pytest.fixture
def projector_page(browser):
    context = loopback_context(browser, PROJECTOR)
    p = context.new_page()
    p.set_default_timeout(60_000)
    yield p
    context.close()
    assert_no_outside_requests(context)


def check_projector_ready(page, box, name):
    """Sizes and fit on the page's screen; saves a screenshot; returns the measurements."""
    page.evaluate("() => document.fonts && document.fonts.ready")
    page.wait_for_timeout(100)  # a resize settles
    screen = page.viewport_size
    m = box.evaluate(_MEASURE)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tag = f"{name}_{screen['width']}x{screen['height']}"
    page.screenshot(path=str(ARTIFACTS / f"projector_{tag}.png"))
    (ARTIFACTS / f"projector_{tag}.json").write_text(
        json.dumps(
            {
                "app": name,
                "screen": [screen["width"], screen["height"]],
                "page_px": [m["scrollW"], m["scrollH"]],
                "smallest_text_px": min(px for _, px in m["sizes"]),
                "narrowest_slider_px": round(min(m["sliders"]), 1),
            }
        )
    )
    assert m["projector"], f"app {name}: projector style is not on"
    small = [(what, px) for what, px in m["sizes"] if px < MIN_TEXT_PX - 0.01]  # less a layout rounding
    assert not small, f"app {name}: text below {MIN_TEXT_PX} px: {small[:5]}"
    assert m["sliders"] and min(m["sliders"]) >= MIN_SLIDER_PX, f"app {name}: slider widths {m['sliders']}"
    assert any(what == "figure text" for what, _ in m["sizes"]), f"app {name}: no figure measured"
    assert m["scrollW"] <= screen["width"] and m["scrollH"] <= screen["height"], (
        f"app {name}: the page is {m['scrollW']}×{m['scrollH']} px, more than the "
        f"{screen['width']}×{screen['height']} screen"
    )
    return m


def open_app_and_move_a_slider(page, url, what):
    """Open an app page, check it rendered without errors and that a slider redraws the figure."""
    page.goto(url)
    box = explorers(page).first
    box.wait_for(state="visible", timeout=90_000)
    canvas = canvas_of(box)
    canvas.wait_for(state="visible")
    page.wait_for_timeout(500)
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error displaying widget" not in body, f"{what}: errors on the page"
    before = canvas.evaluate("c => c.toDataURL()")
    move_slider(page, box, presses=6)
    after = wait_for_change(page, lambda: canvas.evaluate("c => c.toDataURL()"), before, timeout_s=15)
    assert after != before, f"{what}: the figure did not redraw"
    return box


@pytest.mark.parametrize("name", list(APPS))
def test_app_renders_and_reacts(projector_page, voila_server, name):
    box = open_app_and_move_a_slider(
        projector_page, f"{voila_server}/voila/render/{APPS[name].notebook}", f"app {name}"
    )
    for screen in SCREENS:
        projector_page.set_viewport_size(screen)
        check_projector_ready(projector_page, box, name)
    # accessibility (axe-core): no critical or serious violation; every count is kept in build/browser
    found = axe_violations(projector_page)
    (ARTIFACTS / f"axe_app_{name}.json").write_text(json.dumps(found, indent=1))
    assert not serious_or_worse(found), f"app {name}: {serious_or_worse(found)}"


def test_app_page_on_jupyterlab_server(page, lab_server):
    """Binder and hubs have one port: the app page comes from JupyterLab's own server."""
    url, token = lab_server["url"], lab_server["token"]
    open_app_and_move_a_slider(
        page,
        f"{url}/{launch_path(APPS['spring'].notebook, app=True)}&token={token}",
        "the app page on JupyterLab's server",
    )
