"""One drawing, two outputs: frames recorded from a matplotlib figure are what the figure draws."""
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.path import Path

from kneecourse.views.scene import FrameTable, layout_key, record_frame, render_background
from kneecourse.views.style import force_arrow


def _figure():
    fig = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 5)
    (line,) = ax.plot([1, 2, 3], [1, 4, 2], color="#0072B2", lw=2)
    text = ax.text(5, 2.5, "quadriceps 3.2 BW")
    fig.canvas.draw()
    return fig, ax, line, text


def test_a_line_is_recorded_where_matplotlib_draws_it():
    fig, ax, line, _ = _figure()
    frame = record_frame(fig, [line])
    assert len(frame.paths) == 1 and not frame.texts
    style, verts, codes = frame.paths[0]
    expected = ax.transData.transform(np.column_stack([[1, 2, 3], [1, 4, 2]]))
    np.testing.assert_allclose(verts, expected, atol=1e-6)
    assert codes[0] == Path.MOVETO and all(c == Path.LINETO for c in codes[1:])
    assert style[1] == "#0072b2" and style[2] == pytest.approx(2 * 100 / 72, abs=0.01)  # px from points
    assert style[-1] is not None  # clipped to the axes


def test_a_text_is_recorded_with_its_words_size_and_baseline():
    fig, ax, _, text = _figure()
    frame = record_frame(fig, [text])
    (style, x, y, angle, words), = frame.texts
    assert words == "quadriceps 3.2 BW" and angle == 0
    x0, y0 = ax.transData.transform((5, 2.5))
    assert x == pytest.approx(x0, abs=0.6)  # left aligned at the anchor
    assert y0 - 1 <= y <= y0 + 12  # the baseline sits just above a bottom-aligned anchor (the descent)
    assert style[2] == f"{text.get_fontsize() * 100 / 72:.1f}px"


def test_arrows_markers_and_3d_lines_record_through_matplotlib_itself():
    fig = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 2, 1)
    arrow = force_arrow(ax, "#D55E00")
    arrow.xy, arrow.xyann = (0.8, 0.8), (0.2, 0.2)
    (dot,) = ax.plot([0.5], [0.5], "o", ms=10)
    ax3 = fig.add_subplot(1, 2, 2, projection="3d")
    (leg,) = ax3.plot([0, 0], [0, 0], [0, 1])
    frame = record_frame(fig, [arrow, dot, leg])
    kinds = [set(codes.tolist()) for _, _, codes in frame.paths]
    assert len(frame.paths) >= 3
    assert any(Path.CURVE4 in k for k in kinds)  # the marker is a circle of Bézier curves
    verts = np.concatenate([v for _, v, _ in frame.paths])
    assert np.all(np.isfinite(verts))


def test_a_table_stores_each_path_once_and_round_trips_to_a_tenth_of_a_pixel():
    fig, ax, line, text = _figure()
    table = FrameTable(fig.bbox.height)
    a = table.add(record_frame(fig, [line, text]), readout="a")
    b = table.add(record_frame(fig, [line, text]), readout="b")
    line.set_ydata([2, 2, 2])
    c = table.add(record_frame(fig, [line, text]), readout="c")
    packed = table.pack()
    frames = packed["frames"]
    assert frames[a]["paths"] == frames[b]["paths"] != frames[c]["paths"]
    paths = np.frombuffer(packed["paths"], "<i4").reshape(-1, 4)
    verts = np.frombuffer(packed["verts"], "<i2").reshape(-1, 2) / packed["quantum"]
    assert len(paths) == 2 and paths[:, 2].sum() == len(verts)
    style, v0, n, c0 = paths[frames[c]["paths"][0]]
    assert c0 == -1  # a polyline stores no codes
    expected = ax.transData.transform(np.column_stack([[1, 2, 3], [2, 2, 2]]))
    expected[:, 1] = fig.bbox.height - expected[:, 1]  # y down, as a canvas has it
    np.testing.assert_allclose(verts[v0:v0 + n], expected, atol=0.051)
    assert [f["readout"] for f in frames] == ["a", "b", "c"]
    assert packed["styles"][style]["stroke"] == "#0072b2"


def test_the_fixed_layer_leaves_out_the_changing_artists_and_puts_them_back():
    fig, ax, line, text = _figure()
    with_all = render_background(fig, [], scale=1)
    without = render_background(fig, [line, text], scale=1)
    assert with_all[:8] == without[:8] == b"\x89PNG\r\n\x1a\n"
    assert with_all != without
    assert line.get_visible() and text.get_visible()


def test_the_layout_key_follows_the_axes_not_the_changing_artists():
    fig, ax, line, text = _figure()
    key = layout_key(fig, [line, text])
    line.set_ydata([0, 0, 0])
    text.set_visible(False)
    assert layout_key(fig, [line, text]) == key
    ax.set_ylim(0, 6)
    assert layout_key(fig, [line, text]) != key
    ax.set_ylim(0, 5)
    ax.set_ylabel("stress (MPa)")
    assert layout_key(fig, [line, text]) != key


def test_an_axis_drawn_with_the_frames_is_recorded_once_per_look_and_the_same_each_time():
    fig, ax, line, _ = _figure()
    first = record_frame(fig, [line, ax.yaxis])
    again = record_frame(fig, [line, ax.yaxis])  # the same limits: the axis's ticks are taken from the last time
    assert first == again and len(first.texts) >= 3  # tick labels
    ax.set_ylim(0, 50)
    moved = record_frame(fig, [line, ax.yaxis])
    assert "50" in [t[-1] for t in moved.texts] and "50" not in [t[-1] for t in first.texts]
    fresh = Figure(figsize=(4, 3), dpi=100)  # the same figure drawn from nothing agrees
    FigureCanvasAgg(fresh)
    ax2 = fresh.add_subplot()
    ax2.set_xlim(0, 10)
    ax2.set_ylim(0, 50)
    (line2,) = ax2.plot([1, 2, 3], [1, 4, 2], color="#0072B2", lw=2)
    assert record_frame(fresh, [line2, ax2.yaxis]) == moved


def test_the_fixed_layer_leaves_no_double_size_renderer_behind():
    """Agg's canvas and every text kept the 2× renderer of the fixed layer (6.6 MB per explorer) for as long
    as the explorer lived, though the browser draws every frame after it."""
    import gc

    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.text import Text

    from kneecourse.widgets import PatellofemoralExplorer

    e = PatellofemoralExplorer()
    e.live()
    w = e.fig.bbox.width
    gc.collect()
    # the renderers this explorer's figure still holds: its canvas's and the ones its texts keep (other
    # figures of the test session keep their own)
    held = [getattr(e.fig.canvas, "renderer", None)] + [getattr(t, "_renderer", None) for t in e.fig.findobj(Text)]
    sizes = [r.width for r in held if isinstance(r, RendererAgg)]
    assert all(width <= w for width in sizes), sizes
    e.redraw(full=True)  # and the figure still draws on its own canvas afterwards
    assert e.fig.canvas.get_renderer().width == w
