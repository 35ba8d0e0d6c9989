"""Common wiring of an explorer: controls -> model -> view.update() -> draw_idle.

Redraws are blitted: the artists a view changes are marked animated, the
static rest of the figure (axes, ticks, legends) is kept as a background
image captured after each full draw, and a slider step restores that
background and draws only the changed artists. A view that changes axis
limits asks for a full redraw by returning True from ``update``.

Every explorer can be used headless (tests, benchmarks): construct it,
``set(...)`` control values, read ``state`` (the model result) and ``fig``.

In a notebook, display it (or ``.widget()``): the figure is drawn in the browser
(:mod:`kneecourse.widgets.live`). The kernel sends the figure's fixed layer once and
each state's changing artists as a frame; for the control being moved the browser
asks for a table of frames over that control's range (the model run at every
position, the other controls as they are) and draws the drag from it at display
rate, telling the kernel the value a few times a second and on release. The
explorer's state, readout and figure here stay the source of truth.

One thing at a time: JupyterLab 4 with ipykernel 7 handles widget messages on a subshell thread, beside the
cells running on the main thread, so a table asked for and a move can arrive at once. Every explorer draws on
matplotlib artists (not safe to share between threads), so the work that sets or records them holds one lock
(:data:`DRAWING`).
"""
from __future__ import annotations

import functools
import html
import threading
import time
import types

import ipywidgets as W
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from traitlets import TraitError

from ..views.display import describe_figure, static_html, static_mode
from ..views.scene import Frame, FrameTable, layout_key, record_frame, render_background
from ..views.style import figure_size, is_projector, smallest_text_px
from ._memory import release_freed_memory

#: Held while an explorer computes, draws or records its figure: one explorer's work at a time, whichever thread
#: (a cell on the main thread, a widget message on a subshell) asks for it.
DRAWING = threading.RLock()


def _one_at_a_time(method):
    """Run ``method`` holding :data:`DRAWING`."""
    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with DRAWING:
            return method(self, *args, **kwargs)
    return locked


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

    #: the Play button's step (ms) for the frame control
    play_interval_ms = 60
    #: the control a drag across the drawing moves (``{"control": name, "axis": "x" or "y", "sign": ±1}``)
    drag = None

    def __init__(self):
        self.controls = self._controls()
        # a figure of its own on Agg, whatever the notebook's backend: the browser draws it (live widget)
        self.fig = Figure(figsize=figure_size(self.figsize), layout="constrained")
        FigureCanvasAgg(self.fig)
        self._views = []
        self._live = None
        self._layouts = {}  # layout key -> (id, PNG of the fixed layer)
        self._applying = False
        self._frames = {}  # control -> (the other controls' values, {position: (frame, layout id)}): the last table
        self._build(self.fig)
        # lay the figure out once, then freeze it: constrained layout on every
        # redraw would cost more than the redraw itself
        self.fig.get_layout_engine().execute(self.fig)
        self.fig.set_layout_engine("none")
        self._background = None
        self._draw_cid = self.fig.canvas.mpl_connect("draw_event", self._on_draw)
        #: the readout's HTML (``.value``); the browser shows it (no widget of its own: nothing to sync twice)
        self.readout = types.SimpleNamespace(value="")
        self.state = None
        self.error = None
        self.last_update_s = 0.0
        for c in self.controls.values():
            c.observe(self._on_change, names="value")
        self.update()

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

    def _draw_frame(self, state, frame=None) -> None:  # pragma: no cover - only for explorers with a frame control
        """Draw frame ``frame`` (the frame control's value when None) of a computed state."""
        raise NotImplementedError

    def _extra_widgets(self) -> list:
        """Widgets shown under the controls that are not model inputs (e.g. a Play button)."""
        return []

    @_one_at_a_time
    def _on_change(self, change):
        if self._applying:
            return
        if self.frame_control and change["owner"] is self.controls[self.frame_control]:
            if self.state is not None:
                self._draw_frame(self.state)
                self._show()
            return
        self.update()

    @_one_at_a_time
    def update(self, push: bool = True, _from_browser: bool = False) -> None:
        """Run the model and redraw the figure in place.

        With ``push`` False (the browser drew this state from its table) only the state and the readout
        are brought up to date; the figure's artists follow when it is next shown.
        """
        if not _from_browser:  # something besides the controls may have changed (a learner's own log): no reuse
            self._frames = {}
        t0 = time.perf_counter()
        try:
            state = self._compute(**self.values())
        except ValueError as exc:  # a combination the model cannot do: say so, keep the last figure
            self.error = str(exc)
            self.readout.value = f'<span style="color:#D55E00">⚠ {html.escape(str(exc))}</span>'
            if self._live is not None:
                self._live.readout = self.readout.value
            return
        self.state, self.error = state, None
        self.readout.value = self._describe(state)
        self._drawn = False
        if push:
            self._show()
        self.last_update_s = time.perf_counter() - t0

    @_one_at_a_time
    def _show(self) -> None:
        """Show the current state: as a frame in the browser when live, else blitted on the Agg canvas."""
        full = False
        if not getattr(self, "_drawn", False) and self.state is not None:
            full = bool(self._draw(self.state))
            self._drawn = True
        if self._live is None:
            self.redraw(full)
            return
        frame, layout = self._known_frame()
        if frame is None:
            frame = record_frame(self.fig, self._dynamic_artists())
            layout, png = self._layout()
        else:
            png = next(p for i, p in self._layouts.values() if i == layout)
        table = FrameTable(self.fig.bbox.height)
        table.add(frame, readout=self.readout.value, layout=layout)
        with self._live.hold_sync():
            if self._live.layout != layout or not self._live.background:
                self._live.background = png
                self._live.layout = layout
            self._live.frame = table.pack()
            self._live.readout = self.readout.value
            self._live.values = self._values_json()

    # the browser's side ------------------------------------------------------------------------------
    def _layout(self):
        """The id and PNG of the fixed layer as the figure now is (drawn once per distinct layout)."""
        moving = self._dynamic_artists()
        key = layout_key(self.fig, moving)
        if key not in self._layouts:
            self._layouts[key] = (len(self._layouts), render_background(self.fig, moving))
            release_freed_memory()  # the image's buffers: several MB, freed at once
        return self._layouts[key]

    def _values_json(self) -> dict:
        return {k: c.value for k, c in self.controls.items()}

    @_one_at_a_time
    def live(self):
        """The explorer drawn in the browser (:class:`~kneecourse.widgets.live.LiveFigure`), made on first use."""
        if self._live is None:
            from .live import LiveFigure, control_spec

            self.fig.canvas.mpl_disconnect(self._draw_cid)  # no blitting: the browser draws the frames
            self._background = None
            spec = {
                "name": type(self).__name__,
                "controls": [control_spec(k, c, self.play_interval_ms if k == self.frame_control else None)
                             for k, c in self.controls.items()],
                "width": self.fig.bbox.width, "height": self.fig.bbox.height,
                "alt": f"{self._name()}. {describe_figure(self.fig)}",
                "caption": self.caption, "projector": is_projector(), "drag": self.drag,
                "text_px": smallest_text_px(self.fig),
            }
            self._live = LiveFigure(spec, self._browser_set, self.frame_table_messages)
            self._show()
        return self._live

    def _name(self) -> str:
        return (type(self).__doc__ or type(self).__name__).strip().splitlines()[0].rstrip(".")

    @_one_at_a_time
    def _browser_set(self, values: dict, final: bool, tabled: bool) -> None:
        """The learner moved a control in the browser: take the values; draw a frame unless the browser
        drew this one from its table."""
        changed = {k: v for k, v in values.items() if k in self.controls and self.controls[k].value != v}
        self._applying = True
        try:
            for k, v in list(changed.items()):
                try:
                    self.controls[k].value = v
                except (TraitError, TypeError, ValueError):  # not a value this control takes: ignored
                    del changed[k]
        finally:
            self._applying = False
        if not changed:
            if final:
                self._show()
            return
        push = final or not tabled
        if set(changed) == {self.frame_control}:
            self._draw_frame(self.state)
            if push:
                self._show()
            return
        self.update(push=push, _from_browser=True)

    def _known_frame(self):
        """The frame of the current state from the last table that holds it (the browser drew it from there),
        or (None, None)."""
        now = self._values_json()
        for name, (basis, frames) in self._frames.items():
            if all(now[k] == v for k, v in basis.items()) and now[name] in frames:
                return frames[now[name]]
        return None, None

    @_one_at_a_time
    def frame_table(self, name: str, stride: int = 1):
        """Frames of the explorer at every (``stride``-th) position of control ``name``, the other controls as
        they are.

        Returns
        -------
        (FrameTable, dict, list)
            The table (a frame per position: its paths, texts, readout and layout id, or the model's
            error), the basis (the other controls' values it was computed at) and the layout ids it uses.
        """
        from .live import positions

        if name not in self.controls:
            raise KeyError(f"{type(self).__name__} has no control {name!r}; controls: {list(self.controls)}")
        table = FrameTable(self.fig.bbox.height)
        moving = self._dynamic_artists()
        used = []
        base = self.values()
        known = {}
        try:
            for v in positions(self.controls[name])[::stride]:
                if name == self.frame_control:
                    state = self.state
                    self._draw_frame(state, v)
                else:
                    try:
                        state = self._compute(**{**base, name: v})
                    except ValueError as exc:
                        table.add(Frame([], []), error=html.escape(str(exc)))
                        continue
                    self._draw(state)
                layout, _ = self._layout()
                if layout not in used:
                    used.append(layout)
                frame = record_frame(self.fig, moving)
                known[v] = (frame, layout)
                table.add(frame, readout=self._describe(state), layout=layout)
        finally:
            self._drawn = False  # back to the explorer's own state when next shown
            if self.state is not None:
                self._draw(self.state)
                self._drawn = True
        basis = {k: v for k, v in self._values_json().items() if k != name}
        self._frames[name] = (basis, known)
        release_freed_memory()
        return table, basis, used

    #: a first, coarse table has about this many frames: the drag moves after a fraction of the whole table's time
    coarse_frames = 24

    def frame_table_messages(self, name: str):
        """The tables of control ``name`` as the browser takes them: a coarse one first (every k-th position,
        when the control has many more than :attr:`coarse_frames`), then the whole one, each as it is made."""
        if name not in self.controls:
            return
        from .live import positions

        stride = max(1, -(-len(positions(self.controls[name])) // self.coarse_frames))
        if stride > 2:
            yield self.frame_table_message(name, stride)
        yield self.frame_table_message(name)

    def frame_table_message(self, name: str, stride: int = 1):
        """The table of control ``name`` (every ``stride``-th position) as the browser takes it: (content, buffers)."""
        table, basis, used = self.frame_table(name, stride)
        packed = table.pack()
        pngs = {i: png for i, png in self._layouts.values()}
        header = {k: packed[k] for k in ("styles", "texts", "frames", "quantum")}
        content = {"kind": "table", "control": name, "basis": basis, "header": header, "backgrounds": used,
                   "stride": stride}
        return content, [packed["verts"], packed["codes"], packed["paths"], *(pngs[i] for i in used)]

    def widget(self):
        """The explorer drawn in the browser: controls, figure and readout (and any extra widgets under them).

        In a notebook the controls sit beside the figure when there is room, above it when not; in
        projector mode (``kc.style(projector=True)``) they form a column beside the figure, with large
        text, so an app page fits a 1280×720 projector without scrolling.
        """
        from .live import asset

        if getattr(self, "_box", None) is None:
            extras = self._extra_widgets()
            live = self.live()
            if not extras:
                self._box = W.VBox([live])
            elif is_projector():  # the screen belongs to the explorer: the extras wait, folded, under it
                more = W.Accordion([W.VBox(extras)], selected_index=None)
                more.set_title(0, "more: your own data")
                self._box = W.VBox([live, more])
            else:
                self._box = W.VBox([live, W.VBox(extras)])
            if is_projector():
                # projector mode for the ipywidgets beside the explorer (widgets/live/projector.css)
                css = W.HTML(f"<style>\n{asset('projector.css')}</style>", layout=W.Layout(display="none"))
                self._box.children = (css, *self._box.children)
                self._box.add_class("kneecourse-projector")
        return self._box

    def static_payload(self) -> dict:
        """What a page without a kernel needs to move the explorer one control at a time from its current state.

        The live widget's spec, values, readout and frame, every fixed layer used (PNG) and, for each
        control, its table of frames at the other controls' current values — the binary parts as base64.
        """
        import base64

        b64 = lambda b: base64.b64encode(bytes(b)).decode("ascii")  # noqa: E731
        live = self.live()
        tables = {}
        for name in self.controls:
            content, buffers = self.frame_table_message(name)
            tables[name] = {"basis": content["basis"], "header": content["header"],
                            "backgrounds": content["backgrounds"], "verts": b64(buffers[0]), "codes": b64(buffers[1]),
                            "paths": b64(buffers[2])}
        used = {live.layout} | {i for t in tables.values() for i in t["backgrounds"]}
        frame = dict(live.frame)
        frame.update(verts=b64(frame["verts"]), codes=b64(frame["codes"]), paths=b64(frame["paths"]))
        return {"spec": live.spec, "values": live.values, "readout": live.readout, "layout": live.layout,
                "frame": frame, "backgrounds": {str(i): b64(png) for i, png in self._layouts.values() if i in used},
                "tables": tables}

    def _ipython_display_(self):
        from IPython.display import HTML, display

        if static_mode():
            display(HTML(static_html(self)))
            return
        from .live import asset

        # names for the widgets a screen reader would announce without one (widgets/live/accessible_names.js)
        display(HTML(f"<script>\n{asset('accessible_names.js')}</script>"))
        display(self.widget())
