"""Projector mode, headless: figures fit the app page's figure box, and no legend covers a drawing.

A legend "covers a drawing" when any drawn point of a line, marker, patch, filled area or text
of its axes falls inside the legend's box — at the explorer's initial state and with every
slider at its lowest and highest value (the browser test checks sizes and fit on the page).
"""
import importlib

import numpy as np
import pytest
from matplotlib.path import Path as MplPath

import kneecourse.widgets as widgets
from kneecourse.course.explorers import BY_CLASS

st = importlib.import_module("kneecourse.views.style")  # the module (views exports a function of that name)


@pytest.fixture
def projector():
    st.style(projector=True)
    yield
    st.style(projector=False)


def _points(artist):
    """Display-space points along an artist (segments densified, so a line crossing a box is caught)."""
    if hasattr(artist, "get_xydata") and hasattr(artist, "get_linestyle"):  # Line2D
        path = artist.get_path()
        if len(path.vertices) == 0:
            return np.empty((0, 2))
        vertices = path.interpolated(12).vertices if len(path.vertices) > 1 else path.vertices
        pts = artist.get_transform().transform(vertices)
        if artist.get_linestyle() in ("None", "none", "", " ") and artist.get_marker() in (None, "None", "none", ""):
            return np.empty((0, 2))
        return pts
    out = []
    if hasattr(artist, "get_offsets") and len(artist.get_offsets()):  # scatter-like collections
        out.append(artist.get_offset_transform().transform(artist.get_offsets()))
    paths = artist.get_paths() if hasattr(artist, "get_paths") else [artist.get_path()]
    trans = artist.get_transform()
    for p in paths:
        if len(p.vertices) > 1 and not (hasattr(artist, "get_offsets") and len(artist.get_offsets())):
            out.append(trans.transform(MplPath(p.vertices, p.codes).interpolated(12).vertices))
    return np.vstack(out) if out else np.empty((0, 2))


def legend_overlaps(fig):
    """(axes title, artist label) pairs whose drawing falls inside their axes' legend box."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found = []
    legends = [(ax.get_legend(), [ax]) for ax in fig.axes if ax.get_legend() is not None]
    legends += [(leg, fig.axes) for leg in fig.legends]  # a figure legend may not cover any axes
    boxes = [leg.get_window_extent(renderer) for leg, _ in legends]
    whole = fig.bbox
    for b in boxes:
        if b.x0 < whole.x0 - 1 or b.x1 > whole.x1 + 1 or b.y0 < whole.y0 - 1 or b.y1 > whole.y1 + 1:
            found.append(("legends", "a legend is cut off by the figure's edge"))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a.overlaps(b):
                found.append(("legends", "two legends overlap"))
    for ax in fig.axes:  # in-axes texts (titles, annotations) stay on the figure
        for t in list(ax.texts) + [ax.title]:
            if t.get_visible() and t.get_text().strip():
                b = t.get_window_extent(renderer)
                if b.x0 < whole.x0 - 1 or b.x1 > whole.x1 + 1:
                    found.append(("texts", f"text {t.get_text()[:40]!r} is cut off by the figure's edge"))
    for leg, axes in legends:
        if not leg.get_visible():
            continue
        box = leg.get_window_extent(renderer).shrunk(0.98, 0.96)
        for ax in axes:
            found += _covered(ax, box, renderer)
    return found


def _covered(ax, box, renderer):
    """Artists of ``ax`` (lines, markers, patches, filled areas, texts) drawn inside ``box``."""
    found = []
    for art in list(ax.lines) + list(ax.collections) + list(ax.patches) + list(ax.texts):
        if not art.get_visible():
            continue
        if art in ax.texts:
            if art.get_text().strip() and art.get_window_extent(renderer).overlaps(box):
                found.append((ax.get_title() or ax.get_ylabel(), f"text {art.get_text()!r}"))
            continue
        pts = _points(art)
        inside = (pts[:, 0] > box.x0) & (pts[:, 0] < box.x1) & (pts[:, 1] > box.y0) & (pts[:, 1] < box.y1)
        if inside.any():
            found.append((ax.get_title() or ax.get_ylabel(), art.get_label()))
    return found


def _states(explorer):
    """The initial state, then each slider at its lowest and highest value (others at their defaults)."""
    yield "initial"
    defaults = {k: c.value for k, c in explorer.controls.items()}
    for k, c in explorer.controls.items():
        if not hasattr(c, "min") or k == explorer.frame_control:
            continue
        for v in (c.min, c.max):
            explorer.set(**defaults)
            explorer.set(**{k: v})
            yield f"{k}={v}"
    explorer.set(**defaults)


@pytest.mark.parametrize("name", list(BY_CLASS))
def test_projector_figure_fits_the_app_figure_box(projector, name):
    e = getattr(widgets, name)()
    w, h = e.fig.get_size_inches() * e.fig.dpi
    tall = e.figsize[0] / e.figsize[1] < st.TALL_ASPECT
    box_w, box_h = st.PROJECTOR_TALL_FIGURE_BOX_PX if tall else st.PROJECTOR_FIGURE_BOX_PX
    assert w <= box_w + 0.5 and h <= box_h + 0.5, f"{name}: {w:.0f}×{h:.0f} px does not fit {box_w}×{box_h}"
    assert max(w / box_w, h / box_h) > 0.97, f"{name}: the figure does not use its box"


@pytest.mark.parametrize("name", list(BY_CLASS))
def test_every_figure_text_is_projector_size(projector, name):
    """On a projector the drawing's smallest text (ticks, legends, notes) is as large as the controls' text; the
    browser test checks it stays so as shown on a 1280×720 and a 1024×768 screen."""
    e = getattr(widgets, name)()
    assert st.smallest_text_px(e.fig) >= st.PROJECTOR_MIN_TEXT_PX - 1e-9
    assert e.live().spec["text_px"] == pytest.approx(st.smallest_text_px(e.fig))


@pytest.mark.parametrize("projector_on", [False, True], ids=["notebook", "projector"])
@pytest.mark.parametrize("name", list(BY_CLASS))
def test_no_legend_covers_a_drawing_and_nothing_is_cut_off(name, projector_on):
    st.style(projector=projector_on)
    try:
        e = getattr(widgets, name)()
        problems = []
        for state in _states(e):
            problems += [(state, *p) for p in legend_overlaps(e.fig)]
    finally:
        st.style(projector=False)
    assert not problems, f"{name}: legend covers {problems[:6]} ({len(problems)} in all)"
