"""Compare two browser renderers on the patellofemoral explorer: the course's canvas renderer and Vega-Lite.

    pip install altair vl-convert-python      # not course dependencies: only this comparison needs them
    python tests/tools/renderer_comparison.py [--json]

Both pages are made from the same frames (the explorer's table for the knee angle at its other controls'
defaults: the fixed layer as an image, the moving paths and texts) and run without a kernel in headless
Chromium, one after the other in the same browser:

* **course**: the page the course site ships (``static_forms.explorer_html``: the canvas renderer and its tables);
* **vega-lite**: an Altair chart of the same frames (image, line and text marks filtered by a parameter bound
  to a range input, canvas renderer), with Vega, Vega-Lite and vega-embed inlined from vl-convert's bundle
  (``alt.JupyterChart`` itself imports them from esm.sh, which a course page may not do).

Measured per page, as the drag benchmark does: a single key press to the end of the frame drawn (median and
p95 of 20), frames drawn for 40 presses 25 ms apart, the last press to the last frame, the page's size, and
the time to write the still image (Agg PNG for the course, vl-convert PNG for Vega-Lite).
"""
from __future__ import annotations

import base64
import io
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from kneecourse.cli.drag_bench import _pct, burst, single_press_repaints
from kneecourse.cli.local_server import CHROMIUM_ARGS
from kneecourse.cli.site.static_forms import explorer_html
from kneecourse.widgets import PatellofemoralExplorer

CONTROL = "knee_flexion_deg"

#: Vega's probe: every run of the dataflow (a signal set by the range input, then the scene drawn) is
#: recorded when it has finished drawing
_VEGA_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Vega-Lite</title></head><body>
<div id="chart"></div>
<script type="module">
{bundle}
const spec = {spec};
vegaEmbed("#chart", spec, {{renderer: "canvas", actions: false}}).then(({{view}}) => {{
  const run = view.runAsync.bind(view);
  view.runAsync = async (...args) => {{
    const r = await run(...args);
    if (window.kneecourseFrames) window.kneecourseFrames.push([performance.now(), "vega", view.signal("i")]);
    return r;
  }};
  window.vegaReady = true;
}});
</script></body></html>"""


def _rows(explorer):
    """The frames of the knee-angle table as Vega-Lite rows: one per vertex of a moving path, one per text."""
    table, _, _ = explorer.frame_table(CONTROL)
    packed = table.pack()
    q = packed["quantum"]
    verts = np.frombuffer(packed["verts"], np.int16).reshape(-1, 2) / q
    paths = np.frombuffer(packed["paths"], np.int32).reshape(-1, 4)
    styles, texts = packed["styles"], packed["texts"]
    lines, words = [], []
    for f, frame in enumerate(table.frames):
        for pid in frame["paths"]:
            s, v0, n, _ = paths[pid]
            style = styles[s]
            for k, (x, y) in enumerate(verts[v0:v0 + n]):
                lines.append({"f": f, "p": int(pid), "k": k, "x": round(float(x), 1), "y": round(float(y), 1),
                              "stroke": style["stroke"] or "none", "fill": style["fill"] or "none",
                              "lw": float(style["lw"]), "filled": style["fill"] is not None})
        for tid in frame["texts"]:
            s, x, y, angle, text = texts[tid]
            size = styles[s]["font"].split("px")[0].split()[-1]
            words.append({"f": f, "x": x, "y": y, "angle": -angle, "text": text, "color": styles[s]["color"],
                          "size": float(size)})
    return lines, words


def vega_spec(explorer) -> dict:
    """The Vega-Lite chart of the explorer's knee-angle frames, drawn from the same paths and texts."""
    import altair as alt

    lines, words = _rows(explorer)
    w, h = explorer.fig.bbox.width, explorer.fig.bbox.height
    buf = io.BytesIO()
    explorer.fig.savefig(buf, format="png")  # stands in for the fixed layer (the same size as the figure)
    background = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()
    n = len(explorer.frame_table(CONTROL)[0].frames)
    i = alt.param(name="i", value=0, bind=alt.binding_range(min=0, max=n - 1, step=1, name="knee angle step "))
    x = alt.X("x:Q", scale=alt.Scale(domain=[0, w]), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[0, h], reverse=True), axis=None)
    image = alt.Chart(alt.Data(values=[{"x": w / 2, "y": h / 2, "url": background}])).mark_image(
        width=w, height=h).encode(x=x, y=y, url="url:N")
    data = alt.Data(values=lines)
    stroked = alt.Chart(data).mark_line(clip=False).encode(
        x=x, y=y, detail="p:N", order="k:Q", color=alt.Color("stroke:N", scale=None),
        strokeWidth=alt.StrokeWidth("lw:Q", scale=None)).transform_filter("datum.f == i && !datum.filled")
    filled = alt.Chart(data).mark_line(filled=True, clip=False).encode(
        x=x, y=y, detail="p:N", order="k:Q", color=alt.Color("fill:N", scale=None)).transform_filter(
        "datum.f == i && datum.filled")
    text = alt.Chart(alt.Data(values=words)).mark_text(align="left", baseline="alphabetic").encode(
        x=x, y=y, text="text:N", color=alt.Color("color:N", scale=None), size=alt.Size("size:Q", scale=None),
        angle=alt.Angle("angle:Q", scale=None)).transform_filter("datum.f == i")
    chart = alt.layer(image, stroked, filled, text).add_params(i).properties(
        width=w, height=h, padding=0).configure_view(stroke=None)
    return chart.to_dict()


def _measure(page, control, presses=40, gap_ms=25, singles=20) -> dict:
    control.focus()
    page.keyboard.press("Home")
    page.wait_for_timeout(600)
    page.evaluate("() => { window.kneecourseFrames = []; }")
    repaint = single_press_repaints(page, singles)
    page.keyboard.press("Home")
    page.wait_for_timeout(800)
    drawn, settle = burst(page, presses, gap_ms)
    return {"repaint_median_ms": round(statistics.median(repaint), 1) if repaint else None,
            "repaint_p95_ms": round(_pct(repaint, 0.95), 1) if repaint else None,
            "burst_frames": drawn, "presses": presses, "settle_ms": round(settle, 1)}


def run(chromium="/usr/bin/chromium") -> dict:
    import vl_convert as vlc
    from playwright.sync_api import sync_playwright

    explorer = PatellofemoralExplorer()
    t0 = time.perf_counter()
    ours = "<!doctype html><html><head><meta charset='utf-8'><title>course</title></head><body>" + \
        explorer_html(explorer) + "</body></html>"
    ours_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    spec = vega_spec(explorer)
    bundle = re.sub("</(script)", r"<\/\1", vlc.javascript_bundle("window.vegaEmbed = vegaEmbed;"), flags=re.I)
    vega = _VEGA_PAGE.format(bundle=bundle, spec=json.dumps(spec, separators=(",", ":")).replace("</", "<\\/"))
    vega_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    explorer.fig.savefig(io.BytesIO(), format="png")
    ours_png = time.perf_counter() - t0
    t0 = time.perf_counter()
    vlc.vegalite_to_png(spec, scale=1)
    vega_png = time.perf_counter() - t0
    out = {"course": {"page_kb": round(len(ours.encode()) / 1024), "build_s": round(ours_build, 2),
                      "still_png_s": round(ours_png, 3)},
           "vega-lite": {"page_kb": round(len(vega.encode()) / 1024), "build_s": round(vega_build, 2),
                         "still_png_s": round(vega_png, 3), "library_kb": round(len(bundle.encode()) / 1024)}}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            ("file:", "data:", "blob:")) else route.abort())
        for name, text in (("course", ours), ("vega-lite", vega)):
            path = Path(tmp) / f"{name}.html"
            path.write_text(text, encoding="utf-8")
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            t0 = time.perf_counter()
            page.goto(path.as_uri())
            if name == "course":
                root = page.locator(".kc-live").first
                root.wait_for(state="visible")
                control = root.locator(f'[data-control="{CONTROL}"] input')
            else:
                try:
                    page.wait_for_function("() => window.vegaReady === true", timeout=60_000)
                except Exception as exc:
                    raise RuntimeError(f"the Vega-Lite page did not draw: {errors[:3]}") from exc
                control = page.locator(".vega-bindings input[type=range]")
            out[name]["first_draw_ms"] = round(1000 * (time.perf_counter() - t0))
            out[name].update(_measure(page, control))
            page.close()
        browser.close()
    return out


if __name__ == "__main__":
    result = run()
    if "--json" in sys.argv:
        print(json.dumps(result, indent=1))
    else:
        for name, r in result.items():
            print(f"{name:10s} " + "  ".join(f"{k}={v}" for k, v in r.items()))
