"""Figures on a page without a kernel: an image with alt text written from the figure (views.display)."""
import base64
import re

import matplotlib.pyplot as plt

from kneecourse.views.display import describe_figure, figure_html

from ..conftest import HtmlTags


def test_describe_figure_names_title_axes_and_curves():
    fig, (a, b) = plt.subplots(1, 2)
    a.plot([0, 1], [0, 1], label="PF force")
    a.plot([0, 1], [1, 0], label="stress")
    a.legend()
    a.set(title="Load vs angle", xlabel="knee flexion (deg)", ylabel="force (N)")
    b.set(title="Area", xlabel="knee flexion (deg)", ylabel=r"area ($\mathrm{mm}^2$)")
    text = describe_figure(fig)
    assert "Panel 1: Plot titled 'Load vs angle', force (N) against knee flexion (deg); shows PF force, stress." in text
    assert "Panel 2: Plot titled 'Area', area (mm²) against knee flexion (deg)." in text
    empty, _ = plt.subplots()
    assert describe_figure(empty) == "Figure."


def test_figure_html_is_the_figure_as_png_with_alt():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.set(title="t", xlabel="x (m)", ylabel="y (N)")
    (img,) = HtmlTags(figure_html(fig, dpi=50)).find("img")
    png = base64.b64decode(img["src"].split(",", 1)[1])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and (img["width"], img["height"]) == ("200", "150")
    assert img["alt"] == describe_figure(fig)
    assert HtmlTags(figure_html(fig, alt="my words")).find("img")[0]["alt"] == "my words"


def test_static_mode_show_gives_an_image_with_alt(static):
    import kneecourse as kc

    fig, ax = plt.subplots()
    ax.set(title="stress", xlabel="angle (deg)", ylabel="stress (MPa)")
    shown = kc.show(fig)
    assert re.search(r'<img class="kc-figure" src="data:image/png;base64,[^"]+" width="\d+" height="\d+" alt="[^"]+"',
                     shown._repr_html_())
    assert "stress (MPa) against angle (deg)" in kc.show(fig)._repr_html_()
    assert "my alt" in kc.show(fig, alt="my alt")._repr_html_()
