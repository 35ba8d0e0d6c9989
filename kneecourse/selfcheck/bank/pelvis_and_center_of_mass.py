"""The self-checks of 05_pelvis_and_center_of_mass.ipynb (Module 5 — Pelvis, centre of mass and foot strike).

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order), what each wrong option
of a choice misses, its predict-then-check and the worked solutions of its code exercises, written as a learner
writes them (only ``np`` and ``kc``; the notebook ships a stub).
"""
from __future__ import annotations

import kneecourse as kc

from ...models import (
    pelvis,
)
from ...runner import RUNNER
from ..questions import CodeExercise, MultipleChoice, Numeric


def questions(nb):
    h = RUNNER.height_m
    x0, _ = pelvis.body_com(h, 0.0, 1.0)
    x10, _ = pelvis.body_com(h, 10.0, 1.0)
    return [
        Numeric(nb, "two_masses", "A 60 kg mass at x = 0 m and a 20 kg mass at x = 0.8 m. Centre of mass x?",
                0.2, "m", "(60·0 + 20·0.8) / 80 = 0.2 m.", rel_tol=0.01),
        Numeric(nb, "tilt_shift", "With full lumbar compensation, how far (mm) does 10° of anterior pelvic tilt move "
                                  "the centre of mass forward?",
                1000 * (x10 - x0), "mm", "Only the pelvis (14% of the body) rotates, a few mm in all.", rel_tol=0.1,
                abs_tol=0.5),
        MultipleChoice(nb, "overstride", "In the contact-pose model, what changes the overstride distance most?",
                       ["Thigh angle and knee flexion at contact", "Pelvic tilt alone", "Arm position"], 0,
                       "Where the foot lands is set by the leg's angles; a tilt the lumbar spine compensates moves "
                       "the centre of mass by millimetres (centimetres only if the trunk follows)."),
        MultipleChoice(nb, "trunk_vs_pelvis", "Which moves the centre of mass forward most?",
                       ["The whole upper body leaning forward with the pelvis",
                        "The pelvis tilting with the trunk upright",
                        "They are the same"], 0, "The upper body is over half the body's mass and far from the hips."),
        CodeExercise(nb, "com_chain", "Write com_x(xs, ms): centre of mass x of parts at xs with masses ms.",
                     lambda xs, ms: sum(x * m for x, m in zip(xs, ms)) / sum(ms),
                     [((0.0, 0.8), (60.0, 20.0)), ((0.1, 0.2, 0.3), (1.0, 1.0, 2.0))], com_x,
                     ["Each part counts in proportion to its mass.",
                      "Add up m·x over the parts and divide by the total mass."],
                     explanation="Σ m·x / Σ m."),
        CodeExercise(nb, "com_shift_mm",
                     "Harder: write com_shift_mm(tilt_deg, lumbar_compensation): how far (mm) the whole-body centre "
                     f"of mass moves forward with this pelvic tilt, for the course's {h:g} m runner (kc.RUNNER).",
                     lambda t, c: 1000 * (pelvis.body_com(h, t, c)[0] - pelvis.body_com(h, 0.0, c)[0]),
                     [(10.0, 1.0), (10.0, 0.0), (20.0, 0.5)], com_shift_mm,
                     ["kc.body_com(height_m, pelvic_tilt_deg, lumbar_compensation) "
                      "returns (x, y) in metres.",
                      "Subtract the upright x (tilt 0) from the tilted x and multiply by 1000."],
                     explanation="With the lumbar spine compensating only the pelvis turns: a few millimetres."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "overstride": {1: "A tilt the lumbar spine compensates moves the centre of mass by millimetres; the "
                      "leg's angles move the heel by decimetres.",
                   2: "The arms move the centre of mass a little; the heel's place is set by the leg."},
    "trunk_vs_pelvis": {1: "With the trunk upright only the pelvis (14% of the body) turns: millimetres.",
                        2: "The upper body is over half the body's mass and far from the hips: it moves the "
                           "centre of mass far more."},
}


def prediction():
    """The predict-then-check: (id, prompt, unit, model value, explanation)."""
    h = RUNNER.height_m
    x0, x10 = pelvis.body_com(h, 0.0, 0.0)[0], pelvis.body_com(h, 10.0, 0.0)[0]
    return (
        "tilt_no_compensation", "10° of anterior pelvic tilt with no lumbar compensation (the trunk goes with the "
        "pelvis): how far (mm) does the centre of mass move forward?", "mm", 1000 * (x10 - x0),
        "The whole upper body swings with the pelvis: centimetres, not the millimetres of a tilt alone.")


# -- worked solutions ----------------------------------------------------------------------


def com_x(xs, ms):
    # Σ m·x / Σ m
    return sum(x * m for x, m in zip(xs, ms)) / sum(ms)


def com_shift_mm(tilt_deg, lumbar_compensation):
    # forward shift of the whole-body centre of mass, tilted minus upright, in mm
    x_tilted, _ = kc.body_com(kc.RUNNER.height_m, tilt_deg, lumbar_compensation)
    x_upright, _ = kc.body_com(kc.RUNNER.height_m, 0.0, lumbar_compensation)
    return 1000 * (x_tilted - x_upright)
