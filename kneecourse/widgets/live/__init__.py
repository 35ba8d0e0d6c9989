"""Explorers drawn in the browser: one small renderer (an anywidget), its JavaScript and style.

:class:`LiveFigure` carries an explorer's drawing to the browser — the fixed layer as an image, the
changing artists as frames, tables of frames for the control being moved — and brings the learner's
moves back. It knows nothing of the physics: the explorer (:mod:`kneecourse.widgets._base`) computes
the frames with the course's models and answers its requests.
"""
from .figure import LiveFigure, asset, control_spec, positions, static_script

__all__ = ["LiveFigure", "asset", "control_spec", "positions", "static_script"]
