"""Common wiring of an explorer: controls -> model -> view.update() -> draw_idle.

Redraws are blitted: the artists a view changes are marked animated, the
static rest of the figure (axes, ticks, legends) is kept as a background
image captured after each full draw, and a slider step restores that
background and draws only the changed artists. A view that changes axis
limits asks for a full redraw by returning True from ``update``.

Every explorer can be used headless (tests, benchmarks): construct it,
``set(...)`` control values, read ``state`` (the model result) and ``fig``.
In a notebook, display it (or ``.widget()``) to get sliders above an ipympl
figure that is built once and redrawn in place.
"""
from __future__ import annotations

import html
import time

import ipywidgets as W
import matplotlib.pyplot as plt

from ..views.display import is_widget_canvas, static_mode
from ..views.style import PROJECTOR_FIGURE_BOX_PX, figure_size, is_projector

#: Projector mode: controls and readout in a column beside the figure, text ≥ 20 px, wide sliders,
#: sized so an app page fits a 1280×720 screen (ipywidgets' own size variables, scoped to the explorer).
PROJECTOR_COLUMN_PX = 1280 - PROJECTOR_FIGURE_BOX_PX[0] - 60
PROJECTOR_CSS = f"""<style>
.kneecourse-projector {{
  --jp-widgets-font-size: 20px;
  --jp-widgets-inline-height: 38px;
  --jp-widgets-slider-handle-size: 24px;
  --jp-widgets-slider-track-thickness: 6px;
  --jp-widgets-inline-margin: 3px;
  font-size: 20px;
  line-height: 1.3;
}}
.kneecourse-projector .kc-projector-panel {{ width: {PROJECTOR_COLUMN_PX}px; flex: 0 0 auto; }}
.kneecourse-projector .widget-label, .kneecourse-projector .widget-readout,
.kneecourse-projector .widget-html-content, .kneecourse-projector button,
.kneecourse-projector select, .kneecourse-projector .widget-dropdown > select {{ font-size: 20px; }}
.kneecourse-projector .widget-hslider {{ width: 100% !important; height: auto; flex-wrap: wrap; }}
.kneecourse-projector .widget-hslider > .widget-label {{ flex: 1 1 auto; width: auto !important; max-width: none; }}
.kneecourse-projector .widget-hslider > .widget-readout {{ order: 2; flex: 0 0 auto; }}
.kneecourse-projector .widget-hslider > .slider-container {{
  order: 3; flex: 1 0 100%; padding: 0 14px; box-sizing: border-box; }}
.kneecourse-projector .widget-html-content {{ line-height: 1.3; }}
.kneecourse-projector .kc-readout .widget-html-content {{ font-size: 20px; }}
.kneecourse-projector textarea {{ font-size: 18px; height: 3.2em !important; }}
</style>"""


#: ipywidgets 8 draws a slider's handle (``role="slider"``) and a Play widget's buttons (icons only) without an
#: accessible name, so a screen reader announces "slider" or "button" and nothing more (axe-core:
#: aria-input-field-name, button-name). This script, shown once above the first explorer of a page, names
#: each handle after its slider's label and each icon button after its icon, also for widgets drawn later,
#: and on an app page marks the rendered cells as the main landmark (axe-core: region).
ACCESSIBLE_NAMES_HTML = """<script>
(function () {
  if (window.kneecourseAccessibleNames) { return; }
  window.kneecourseAccessibleNames = true;
  function nameAll() {
    document.querySelectorAll('.jupyter-widgets [role="slider"]:not([aria-label])').forEach(function (handle) {
      var box = handle.closest('.widget-slider, .widget-hslider, .widget-vslider');
      var label = box && box.querySelector('.widget-label');
      if (label && label.textContent.trim()) { handle.setAttribute('aria-label', label.textContent.trim()); }
    });
    document.querySelectorAll('.jupyter-widgets button:not([aria-label])').forEach(function (button) {
      if (button.textContent.trim()) { return; }
      var icon = button.querySelector('i[class*="fa-"]');
      var name = icon && icon.className.split(/\\s+/).filter(function (c) {
        return c.indexOf('fa-') === 0 && c !== 'fa-fw';
      }).map(function (c) { return c.slice(3).replace(/-/g, ' '); })[0];
      if (name) { button.setAttribute('aria-label', name === 'retweet' ? 'repeat' : name); }
    });
  }
  nameAll();
  new MutationObserver(nameAll).observe(document.body, {childList: true, subtree: true});
  // an app page (Voila) has no main landmark: its rendered cells are the page's main content
  var cells = document.getElementById('rendered_cells');
  if (cells && !document.querySelector('main, [role="main"]')) { cells.setAttribute('role', 'main'); }
}());
</script>"""


def slider(description, value, lo, hi, step, unit="", fmt=".0f", continuous=True):
    """A float slider with the unit in its label."""
    label = f"{description} ({unit})" if unit else description
    return W.FloatSlider(
        value=value, min=lo, max=hi, step=step, description=label, readout_format=fmt,
        continuous_update=continuous, style={"description_width": "initial"},
        layout=W.Layout(width="34em"),
    )


class Explorer:
    """Base class: subclasses define ``_controls``, ``_build`` and ``_compute``."""

    caption = ""
    figsize = (9, 4.5)
    #: name of a control that only moves through a computed state (e.g. an animation frame):
    #: changing it redraws without re-running the model
    frame_control = None

    def __init__(self):
        self.controls = self._controls()
        with plt.ioff():
            self.fig = plt.figure(figsize=figure_size(self.figsize), layout="constrained")
        self._views = []
        self._build(self.fig)
        # lay the figure out once, then freeze it: constrained layout on every
        # redraw would cost more than the redraw itself
        self.fig.get_layout_engine().execute(self.fig)
        self.fig.set_layout_engine("none")
        self._background = None
        self.fig.canvas.mpl_connect("draw_event", self._on_draw)
        self.readout = W.HTML(value="")
        self.state = None
        self.error = None
        self.last_update_s = 0.0
        for c in self.controls.values():
            c.observe(self._on_change, names="value")
        self.update()
        canvas = self.fig.canvas
        if hasattr(canvas, "header_visible"):
            canvas.header_visible = False
            canvas.toolbar_position = "right"

    # subclasses -------------------------------------------------------
    def _controls(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def _build(self, fig) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _compute(self, **values):  # pragma: no cover - abstract
        raise NotImplementedError

    def _draw(self, state) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _describe(self, state) -> str:
        return ""

    def view(self, v):
        """Register a view (an object with ``dynamic()``) and return it."""
        self._views.append(v)
        return v

    def _dynamic_artists(self):
        arts = []
        for v in self._views:
            arts.extend(v.dynamic())
        for a in arts:
            a.set_animated(True)
        return arts

    def _on_draw(self, event):
        """After a full draw: keep the static background, then paint the changing artists."""
        canvas = self.fig.canvas
        if not hasattr(canvas, "copy_from_bbox"):
            return
        self._background = canvas.copy_from_bbox(self.fig.bbox)
        for a in self._dynamic_artists():
            self.fig.draw_artist(a)

    def redraw(self, full: bool = False) -> None:
        """Blit the changed artists over the background, or request a full draw."""
        canvas = self.fig.canvas
        if full or self._background is None or not hasattr(canvas, "restore_region"):
            self._dynamic_artists()
            canvas.draw_idle()
            return
        canvas.restore_region(self._background)
        for a in self._dynamic_artists():
            self.fig.draw_artist(a)
        canvas.blit(self.fig.bbox)

    # wiring --------------------------------------------------------------
    def values(self) -> dict:
        """Model inputs: every control's value except the frame control."""
        return {k: c.value for k, c in self.controls.items() if k != self.frame_control}

    def set(self, **values) -> Explorer:
        """Set control values (each triggers an update) and return self."""
        for k, v in values.items():
            if k not in self.controls:
                raise KeyError(f"{type(self).__name__} has no control {k!r}; controls: {list(self.controls)}")
            self.controls[k].value = v
        return self

    def _draw_frame(self, state) -> None:  # pragma: no cover - only for explorers with a frame control
        raise NotImplementedError

    def _extra_widgets(self) -> list:
        """Widgets shown under the controls that are not model inputs (e.g. a Play button)."""
        return []

    def _on_change(self, change):
        if self.frame_control and change["owner"] is self.controls[self.frame_control]:
            if self.state is not None:
                self._draw_frame(self.state)
                self.redraw()
            return
        self.update()

    def update(self) -> None:
        """Run the model and redraw the figure in place."""
        t0 = time.perf_counter()
        try:
            state = self._compute(**self.values())
        except ValueError as exc:  # a combination the model cannot do: say so, keep the last figure
            self.error = str(exc)
            self.readout.value = f'<span style="color:#D55E00">⚠ {html.escape(str(exc))}</span>'
            return
        self.state, self.error = state, None
        full = bool(self._draw(state))
        self.redraw(full)  # the picture first: the browser draws it before re-rendering the readout
        self.readout.value = self._describe(state)
        self.last_update_s = time.perf_counter() - t0

    def widget(self):
        """Controls, figure and readout in one box.

        In a notebook the controls sit above the figure and the readout below it; in
        projector mode (``kc.style(projector=True)``) the caption, controls and readout
        form a column beside the figure, with large text, so an app page fits a
        1280×720 projector without scrolling.
        """
        if getattr(self, "_box", None) is None:
            caption = [W.HTML(f"<i>Try this:</i> {self.caption}")] if self.caption else []
            controls = W.VBox(list(self.controls.values()) + self._extra_widgets())
            canvas = self.fig.canvas
            if is_widget_canvas(canvas):
                figure = canvas
            else:  # a non-interactive backend: show a static image in an Output
                figure = W.Output()
                with figure:
                    from IPython.display import display

                    display(self.fig)
            self.readout.add_class("kc-readout")
            if is_projector():
                if hasattr(canvas, "resizable"):  # a fixed size: the page is laid out for the screen
                    canvas.resizable = False
                panel = W.VBox([controls, self.readout])
                panel.add_class("kc-projector-panel")
                stage = W.VBox([figure] + caption, layout=W.Layout(width=f"{PROJECTOR_FIGURE_BOX_PX[0] + 20}px"))
                self._box = W.HBox([W.HTML(PROJECTOR_CSS, layout=W.Layout(display="none")), panel, stage])
                self._box.add_class("kneecourse-projector")
            else:
                self._box = W.VBox(caption + [controls, figure, self.readout])
        return self._box

    def static_html(self) -> str:
        """The explorer in its current state for a page without a kernel (the course site).

        The figure as an image with a text alternative, the control values and the readout as text,
        and links that open the matching app page live.
        """
        from ..course.explorers import apps_showing
        from ..course.links import launch_links
        from ..views.display import describe_figure, figure_html, plain_text

        values = "; ".join(f"{c.description or k} = {c.value:g}" if isinstance(c.value, float) else
                           f"{c.description or k} = {c.value}" for k, c in self.controls.items() if hasattr(c, "value"))
        name = (type(self).__doc__ or type(self).__name__).strip().splitlines()[0].rstrip(".")
        moving = self._dynamic_artists()
        for a in moving:  # the static image is drawn in one pass: no blitting layer
            a.set_animated(False)
        try:
            image = figure_html(self.fig, f"Explorer: {name}. {describe_figure(self.fig)} Settings: {values}.")
        finally:
            for a in moving:
                a.set_animated(True)
        launch = " · ".join(f'<a href="{html.escape(url, quote=True)}">open the app on {html.escape(where)}</a>'
                            for app in apps_showing(type(self).__name__) for where, url in launch_links(app, app=True))
        readout = plain_text(self.readout.value)
        caption = f"<p><i>Try this:</i> {self.caption}</p>" if self.caption else ""
        return (f'<figure class="kc-explorer-static">{image}<figcaption>'
                f"<p><b>Explorer in its initial state</b> ({html.escape(name)}). Settings: {html.escape(values)}.</p>"
                + (f"<p>Readout: {html.escape(readout)}</p>" if readout else "") + caption
                + "<p>This page has no running Python, so the controls do not move here. To move them: "
                + (f"{launch}, or " if launch else "") + "run this page with a launch button at the top.</p>"
                "</figcaption></figure>")

    def _ipython_display_(self):
        from IPython.display import HTML, display

        if static_mode():
            display(HTML(self.static_html()))
            return
        if not is_widget_canvas(self.fig.canvas):  # a non-interactive backend: the figure as an image
            self.fig.canvas.draw()
            display(self.fig)
            display(HTML(self.readout.value))
            return
        display(HTML(ACCESSIBLE_NAMES_HTML))
        display(self.widget())
