"""The browser side of an explorer as an anywidget: synced state, requests for tables, the learner's moves."""
from __future__ import annotations

from importlib.resources import files

import anywidget
import ipywidgets as W
import traitlets as T

__all__ = ["LiveFigure", "control_spec", "positions", "static_script", "asset"]

_HERE = files(__package__)


def asset(name: str) -> str:
    """The text of one of the renderer's files shipped beside it (``explorer.js``, ``projector.css``, …)."""
    return (_HERE / name).read_text(encoding="utf-8")


def positions(control) -> list:
    """Every value a control can take, in order: the rows of its frame table.

    Parameters
    ----------
    control : ipywidgets widget
        A float or int slider, a checkbox, a dropdown or toggle buttons.

    Returns
    -------
    list
        Slider values ``min + k * step`` (rounded to 10 decimals, as the browser rounds them), ``[False, True]``
        for a checkbox, the option values of a selection.
    """
    if isinstance(control, (W.FloatSlider, W.IntSlider)):
        n = int(round((control.max - control.min) / control.step)) + 1
        if isinstance(control, W.IntSlider):
            return [int(control.min + k * control.step) for k in range(n)]
        return [round(control.min + k * control.step, 10) for k in range(n)]
    if isinstance(control, W.Checkbox):
        return [False, True]
    if isinstance(control, (W.Dropdown, W.ToggleButtons, W.RadioButtons)):
        return list(control._options_values)
    raise TypeError(f"an explorer control must be a slider, checkbox or selection, got {type(control).__name__}")


def control_spec(name, control, play_interval_ms=None) -> dict:
    """How the browser draws one control (its kind, label, range or options) as JSON."""
    label = control.description or name
    if isinstance(control, (W.FloatSlider, W.IntSlider)):
        spec = {"kind": "range", "min": control.min, "max": control.max, "step": control.step,
                "n": len(positions(control)), "fmt": getattr(control, "readout_format", "d")}
    elif isinstance(control, W.Checkbox):
        spec = {"kind": "checkbox", "positions": [False, True], "labels": ["off", "on"], "n": 2}
    else:
        spec = {"kind": "select", "positions": positions(control), "labels": list(control._options_labels),
                "n": len(control._options_values)}
    spec.update(name=name, label=label)
    if play_interval_ms:
        spec["play"] = {"interval": play_interval_ms}
    return spec


def static_script() -> str:
    """The renderer for a page without a kernel: the style and one module script (the live renderer and the
    page's start-up, :file:`static.js`). Inline, so the page loads nothing from another site."""
    js = asset("explorer.js") + "\n" + asset("static.js")
    css = asset("explorer.css")
    js = js.replace("</", "<\\/")  # nothing in the module may end its script element
    return f'<style>{css}</style><script type="module">{js}</script>'


class LiveFigure(anywidget.AnyWidget):
    """An explorer's figure, controls and readout, drawn in the browser.

    Parameters
    ----------
    spec : dict
        The fixed description: ``controls`` (from :func:`control_spec`), ``width`` and ``height`` of the figure
        (px), ``alt`` (the figure's text alternative), ``caption``, ``projector``.
    on_set : callable(values: dict, final: bool, tabled: bool)
        Called when the learner moved a control (a few times a second during a drag, and on release).
    on_want : callable(control: str) -> iterable of (content: dict, buffers: list)
        Called when the browser asks for the table of frames of one control; each reply is sent as it
        comes (a coarse table first, then the whole one).
    """

    _esm = asset("explorer.js")
    _css = asset("explorer.css")

    spec = T.Dict().tag(sync=True)
    values = T.Dict().tag(sync=True)
    #: the frame of the kernel's current state (a packed one-frame table, see kneecourse.views.scene)
    frame = T.Dict().tag(sync=True)
    #: the fixed layer of that frame (PNG) and its id (tables name the backgrounds they use by id)
    background = T.Bytes(b"").tag(sync=True)
    layout = T.Int(0).tag(sync=True)
    readout = T.Unicode("").tag(sync=True)

    def __init__(self, spec, on_set, on_want, **kwargs):
        super().__init__(spec=spec, **kwargs)
        self._on_set, self._on_want = on_set, on_want
        self.on_msg(self._handle)

    def _handle(self, _widget, content, _buffers):
        kind = content.get("kind") if isinstance(content, dict) else None
        if kind == "set":
            self._on_set(dict(content.get("values") or {}), bool(content.get("final")), bool(content.get("tabled")))
        elif kind == "want":
            for reply in self._on_want(str(content.get("control"))) or ():
                self.send(*reply)
