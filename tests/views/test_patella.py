"""The patella views: the pulley sketch names its pulls and keeps them on the sketch; quantities keep their units."""
import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from kneecourse.views.patella import CurvesView, PulleyView  # noqa: E402


def _pulley():
    fig = Figure(figsize=(3.3, 3.3), dpi=100)
    FigureCanvasAgg(fig)
    return fig, PulleyView(fig.add_subplot())


@pytest.mark.parametrize("flexion", [0.0, 30.0, 60.0, 100.0, 120.0])
@pytest.mark.parametrize("fq_bw", [0.5, 3.2, 15.0])
def test_every_pull_is_named_and_stays_on_the_sketch(flexion, fq_bw):
    fig, view = _pulley()
    view.update(flexion, fq_bw, 0.9 * fq_bw)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = view.ax.bbox
    assert [t.get_text() for t in view.labels] == ["quadriceps", "tendon", "PF force"]
    for arrow in (view.quad, view.tendon, view.result):
        for x, y in (arrow.xy, arrow.xyann):
            assert -0.6 <= x <= 0.6 and -0.6 <= y <= 0.6, (flexion, fq_bw, arrow.xy)
    for label in view.labels:
        b = label.get_window_extent(renderer)
        assert box.x0 - 1 <= b.x0 and b.x1 <= box.x1 + 1 and box.y0 - 1 <= b.y0 and b.y1 <= box.y1 + 1, \
            (label.get_text(), flexion, fq_bw)


def test_a_shrunk_sketch_says_so_and_a_true_one_does_not():
    _, view = _pulley()
    view.update(30.0, 3.0, 2.0)  # 3 BW × 0.08 fits the sketch
    assert "scale" not in view.text.get_text()
    view.update(30.0, 15.0, 14.0)
    assert "arrows drawn at 0.42× scale" in view.text.get_text()
    # lengths stay proportional to the forces within one drawing
    q = np.hypot(*np.subtract(view.quad.xy, view.quad.xyann))
    r = np.hypot(*np.subtract(view.result.xy, view.result.xyann))
    assert r / q == pytest.approx(14.0 / 15.0)


def test_the_curves_keep_their_units_apart():
    fig = Figure(figsize=(5, 4))
    top, bottom = fig.add_subplot(211), fig.add_subplot(212)
    theta = np.linspace(0, 120, 13)
    CurvesView(top, bottom, theta, np.full_like(theta, 0.8), np.full_like(theta, 45.0), np.full_like(theta, 400.0))
    twin = [ax for ax in fig.axes if ax is not top and ax.bbox.bounds == top.bbox.bounds]
    assert top.get_ylabel() == "k" and twin and twin[0].get_ylabel() == "moment arm (mm)"
    assert twin[0].lines[0].get_ydata()[0] == 45.0  # in mm, not divided by anything
    labels = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    assert "quadriceps moment arm (mm)" in labels and not any("/ 50" in t for t in labels)
