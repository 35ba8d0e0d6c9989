"""One drawing, two outputs: a matplotlib figure as a still image and as frames a browser draws.

A view draws with matplotlib, as before: it builds its artists once and moves the changing ones
(``dynamic()``) in place. This module takes that same figure apart for a browser:

* the **fixed layer** (axes, ticks, labels, legends, fixed curves) is the figure drawn without
  the changing artists, as one PNG (:func:`render_background`);
* a **frame** is what the changing artists draw at one state, recorded as paths and texts in the
  figure's pixels (:func:`record_frame`): matplotlib itself lays out every line, marker, arrow, bar,
  text and 3D projection, and a small renderer only writes down what it is asked to paint;
* a **frame table** packs many frames (one per position of a control) into a few binary arrays and
  a little JSON (:class:`FrameTable`), deduplicating the paths that do not change between frames.

The still image (notebook output, course site, alt text) and the live view are both made from the
one figure, so they cannot drift apart.
"""
from __future__ import annotations

import io

import numpy as np
from matplotlib.axis import Axis
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.colors import to_rgba
from matplotlib.path import Path
from matplotlib.text import Text

__all__ = ["Frame", "FrameTable", "record_frame", "render_background", "layout_key"]

#: vertices are stored as int16 tenths of a pixel: figures up to 3276 px on a side
_QUANTUM = 10.0
_POLYLINE = -1  # an op whose codes are MOVETO, LINETO, LINETO, ... (no codes stored)


def _css(rgba) -> str:
    r, g, b, a = rgba
    if a >= 0.999:
        return f"#{round(255 * r):02x}{round(255 * g):02x}{round(255 * b):02x}"
    return f"rgba({round(255 * r)},{round(255 * g)},{round(255 * b)},{a:.3g})"


class _Recorder(RendererBase):
    """A matplotlib renderer that records what it is asked to paint (paths and texts, figure pixels,
    y up) instead of painting it. Text metrics come from an Agg renderer, so layout matches the PNG."""

    def __init__(self, width, height, dpi):
        super().__init__()
        self.width, self.height, self.dpi = width, height, dpi
        self._metrics = RendererAgg(int(width), int(height), dpi)
        self.paths = []  # (style, vertices Nx2, codes N)
        self.texts = []  # (style, x, y, angle, text)

    # what layout asks of a renderer ---------------------------------------------------------------
    def get_canvas_width_height(self):
        return self.width, self.height

    def points_to_pixels(self, points):
        return points * self.dpi / 72.0

    def get_text_width_height_descent(self, s, prop, ismath):
        return self._metrics.get_text_width_height_descent(s, prop, ismath)

    def flipy(self):
        return False

    def option_image_nocomposite(self):
        return True

    # what it records ------------------------------------------------------------------------------
    def _clip(self, gc):
        box = gc.get_clip_rectangle()
        if box is None:
            return None
        x0, y0, w, h = box.bounds
        return (round(x0, 1), round(y0, 1), round(w, 1), round(h, 1))

    def _rgba(self, color, gc):
        rgba = list(to_rgba(color))
        if gc.get_forced_alpha() or len(color) == 3:
            rgba[3] = gc.get_alpha() if gc.get_alpha() is not None else rgba[3]
        return tuple(rgba)

    def draw_path(self, gc, path, transform, rgbFace=None):
        clean = path.cleaned(transform=transform, remove_nans=True, curves=True)
        verts, codes = clean.vertices, clean.codes
        keep = codes != Path.STOP
        verts, codes = verts[keep], codes[keep]
        if len(verts) == 0:
            return
        lw = self.points_to_pixels(gc.get_linewidth())
        stroke = _css(self._rgba(gc.get_rgb(), gc)) if lw > 0 and gc.get_rgb()[3] > 0 else None
        fill = _css(self._rgba(rgbFace, gc)) if rgbFace is not None and self._rgba(rgbFace, gc)[3] > 0 else None
        if stroke is None and fill is None:
            return
        offset, dashes = gc.get_dashes()
        dash = tuple(round(self.points_to_pixels(d), 2) for d in dashes) if dashes else ()
        style = ("path", stroke, round(lw, 2), dash, round(self.points_to_pixels(offset or 0), 2) if dash else 0,
                 gc.get_capstyle(), gc.get_joinstyle(), fill, self._clip(gc))
        self.paths.append((style, verts, codes))

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath:
            s = s.replace("$", "").replace("\\", "")
        if not s.strip():
            return
        font = (f"{'italic ' if prop.get_style() == 'italic' else ''}"
                f"{'bold ' if str(prop.get_weight()) in ('bold', 'heavy', '700', '800', '900') else ''}"
                f"{self.points_to_pixels(prop.get_size_in_points()):.1f}px")
        style = ("text", _css(self._rgba(gc.get_rgb(), gc)), font, self._clip(gc))
        self.texts.append((style, round(float(x), 1), round(float(y), 1), round(float(angle), 1), s))

    def draw_image(self, gc, x, y, im, transform=None):  # images are part of the fixed layer only
        pass


class Frame:
    """What the changing artists of a figure paint at one state: paths and texts in figure pixels (y up)."""

    __slots__ = ("paths", "texts")

    def __init__(self, paths, texts):
        self.paths, self.texts = paths, texts

    def __eq__(self, other):
        return (isinstance(other, Frame) and self.texts == other.texts and len(self.paths) == len(other.paths)
                and all(a[0] == b[0] and np.array_equal(a[1], b[1]) and np.array_equal(a[2], b[2])
                        for a, b in zip(self.paths, other.paths)))


def record_frame(fig, artists) -> Frame:
    """Record what ``artists`` of ``fig`` paint, in that order (the order a blitted redraw uses).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    artists : list of matplotlib.artist.Artist
        The changing artists.

    Returns
    -------
    Frame
    """
    w, h = fig.bbox.width, fig.bbox.height
    rec = getattr(fig, "_kc_recorder", None)
    if rec is None or (rec.width, rec.height, rec.dpi) != (w, h, fig.dpi):
        # one per figure: matplotlib caches text metrics per renderer
        rec = fig._kc_recorder = _Recorder(w, h, fig.dpi)
    rec.paths, rec.texts = [], []
    for ax in fig.axes:  # a 3D axes projects with the matrix of its last draw: make one if never drawn
        if hasattr(ax, "get_proj") and getattr(ax, "M", None) is None:
            ax.M = ax.get_proj()
    axes_seen = getattr(fig, "_kc_axis_frames", None)
    if axes_seen is None:
        axes_seen = fig._kc_axis_frames = {}
    for a in artists:
        if not a.get_visible():
            continue
        key = _axis_key(a)
        if key is not None and axes_seen.get(id(a), (None,))[0] == key:  # an axis as last drawn: its ticks again
            _, paths, texts = axes_seen[id(a)]
            rec.paths.extend(paths)
            rec.texts.extend(texts)
            continue
        start = (len(rec.paths), len(rec.texts))
        if hasattr(a, "do_3d_projection"):
            a.do_3d_projection()
        a.draw(rec)
        if key is not None:
            axes_seen[id(a)] = (key, rec.paths[start[0]:], rec.texts[start[1]:])
    return Frame(rec.paths, rec.texts)


def _axis_key(artist):
    """What an axis drawn with the frames looks like (its limits, label and place), or None for other artists.

    An axis is the costliest artist to lay out (every tick and label); drawn again with the same limits it
    paints the same, so a table records it once per distinct look."""
    if not isinstance(artist, Axis):
        return None
    ax = artist.axes
    return (tuple(np.round(artist.get_view_interval(), 12)), artist.get_label_text(), tuple(ax.bbox.bounds),
            artist.get_label().get_color())


def layout_key(fig, artists=()) -> tuple:
    """What the fixed layer shows that a view may change: every axes' limits, labels, title and which of its
    other (not changing) artists are visible. Two states with the same key share one background image.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    artists : list of matplotlib.artist.Artist, optional
        The changing artists (left out: they are drawn as frames).
    """
    moving = {id(a) for a in artists}
    key = []
    for ax in fig.axes:  # an axis drawn with the frames (its ticks move) leaves its limits and label out
        x = () if id(ax.xaxis) in moving else (*np.round(ax.get_xlim(), 9), ax.get_xlabel())
        y = () if id(ax.yaxis) in moving else (*np.round(ax.get_ylim(), 9), ax.get_ylabel())
        key.append((ax.get_visible(), *x, *y, ax.get_title(),
                    tuple(a.get_visible() for a in ax.get_children() if id(a) not in moving)))
        if hasattr(ax, "get_zlim"):
            key.append((*np.round(ax.get_zlim(), 9), round(ax.azim, 6), round(ax.elev, 6)))
    return tuple(key)


def _forget_renderer(fig) -> None:
    """Let the renderer of the last draw go: Agg keeps it on the canvas and every text keeps it for its
    metrics. After the fixed layer that is one at twice the resolution (1720 × 960 px: 6.6 MB per explorer),
    though the browser draws the frames from then on; the next draw makes one of the figure's own size."""
    canvas = fig.canvas
    old = getattr(canvas, "renderer", None)
    if old is None:
        return
    canvas.renderer, canvas._lastKey = None, None
    for t in fig.findobj(Text):
        if getattr(t, "_renderer", None) is old:
            t._renderer = None


def render_background(fig, artists, scale: float = 2.0, palette: bool = True) -> bytes:
    """The figure without its changing artists, as a PNG at ``scale`` × the figure's dpi (sharp on HiDPI).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    artists : list of matplotlib.artist.Artist
        The changing artists, left out of the image.
    scale : float, optional
        Pixels of the image per pixel of the figure.
    palette : bool, optional
        Store the image with a palette of 256 colours (a quarter of the size of full colour for these
        flat drawings, with no visible change).

    Returns
    -------
    bytes
        PNG.
    """
    shown = [a for a in artists if a.get_visible()]
    for a in shown:
        a.set_visible(False)
    canvas = fig.canvas
    try:
        buf = io.BytesIO()
        canvas.print_figure(buf, format="png", dpi=fig.dpi * scale)
    finally:
        for a in shown:
            a.set_visible(True)
        _forget_renderer(fig)
    if not palette:
        return buf.getvalue()
    from PIL import Image

    buf.seek(0)
    image = Image.open(buf).convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


class FrameTable:
    """Frames packed for a browser: a few binary arrays and a little JSON.

    Each distinct path (style, vertices, codes) and text is stored once; a frame lists the paths and texts
    it draws.
    Vertices are int16 tenths of a pixel, y measured from the top (as a canvas has it).

    Parameters
    ----------
    height : float
        Figure height (px), to turn matplotlib's y-up into a canvas's y-down.
    """

    def __init__(self, height):
        self.height = float(height)
        self._styles, self._style_id = [], {}
        self._path_id = {}
        self._verts, self._codes, self._paths = [], [], []  # path: [style, v0, n, c0 or -1]
        self._nverts = self._ncodes = 0
        self._texts, self._text_id = [], {}  # [style, x, y (down), angle, text], each stored once
        self.frames = []  # path ids, text ids, extras

    def _style(self, style) -> int:
        i = self._style_id.get(style)
        if i is None:
            i = self._style_id[style] = len(self._styles)
            if style[0] == "path":
                _, stroke, lw, dash, offset, cap, join, fill, clip = style
                self._styles.append({"stroke": stroke, "lw": lw, "dash": list(dash), "offset": offset, "cap": cap,
                                     "join": join, "fill": fill, "clip": self._flip_box(clip)})
            else:
                _, color, font, clip = style
                self._styles.append({"color": color, "font": font, "clip": self._flip_box(clip)})
        return i

    def _flip_box(self, box):
        if box is None:
            return None
        x0, y0, w, h = box
        return [x0, round(self.height - y0 - h, 1), w, h]

    def _path(self, style, verts, codes) -> int:
        q = np.empty_like(verts)
        q[:, 0] = verts[:, 0]
        q[:, 1] = self.height - verts[:, 1]
        q = np.clip(np.round(q * _QUANTUM), -32768, 32767).astype(np.int16)
        polyline = codes[0] == Path.MOVETO and bool(np.all(codes[1:] == Path.LINETO))
        key = (style, q.tobytes(), b"" if polyline else codes.astype(np.uint8).tobytes())
        i = self._path_id.get(key)
        if i is None:
            i = self._path_id[key] = len(self._paths)
            self._verts.append(q)
            c0 = _POLYLINE
            if not polyline:
                self._codes.append(codes.astype(np.uint8))
                c0 = self._ncodes
                self._ncodes += len(codes)
            self._paths.append((self._style(style), self._nverts, len(q), c0))
            self._nverts += len(q)
        return i

    def add(self, frame: Frame, **extra) -> int:
        """Add a frame (with any JSON-able extras, e.g. its readout) and return its index."""
        ids = [self._path(*p) for p in frame.paths]
        texts = []
        for s, x, y, a, t in frame.texts:
            key = (s, x, y, a, t)
            i = self._text_id.get(key)
            if i is None:
                i = self._text_id[key] = len(self._texts)
                self._texts.append([self._style(s), x, round(self.height - y, 1), a, t])
            texts.append(i)
        self.frames.append({"paths": ids, "texts": texts, **extra})
        return len(self.frames) - 1

    def pack(self) -> dict:
        """The table as a dict of JSON values and ``bytes`` (sent as binary buffers by ipywidgets)."""
        verts = np.concatenate(self._verts) if self._verts else np.zeros((0, 2), np.int16)
        codes = np.concatenate(self._codes) if self._codes else np.zeros(0, np.uint8)
        paths = np.asarray(self._paths, dtype=np.int32).reshape(-1, 4)
        return {"styles": self._styles, "texts": self._texts, "frames": self.frames, "quantum": _QUANTUM,
                "verts": verts.astype("<i2").tobytes(), "codes": codes.tobytes(),
                "paths": paths.astype("<i4").tobytes()}
