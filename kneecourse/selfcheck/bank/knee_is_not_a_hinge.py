"""The self-checks of 01_knee_is_not_a_hinge.ipynb (Module 1 — "The knee is not a hinge").

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order), what each wrong option
of a choice misses, its predict-then-check and the worked solutions of its code exercises, written as a learner
writes them (only ``np`` and ``kc``; the notebook ships a stub).
"""
from __future__ import annotations

import numpy as np

import kneecourse as kc

from ...models import (
    screw_home,
)
from ..questions import CodeExercise, MultipleChoice, Numeric


def questions(nb):
    c30 = screw_home.coupled_tibial_rotation(30.0)
    c0_20 = screw_home.coupled_tibial_rotation(20.0)
    return [
        Numeric(nb, "coupled_30", "How much tibial internal rotation does the model give at 30° of knee flexion?",
                c30, "deg", "The Walker 1988 table gives 8.6° at 30°; the model passes through it.", rel_tol=0.05,
                hint="Read it from the coupling curve or call kc.coupled_tibial_rotation(30)."),
        MultipleChoice(nb, "last_degrees", "Where does most of the screw-home rotation happen as the knee straightens?",
                       ["In the last 20–30° before full extension", "Between 60° and 90°", "It is spread evenly"], 0,
                       f"From 20° to 0° the tibia rotates {c0_20:.1f}° — over 40% of the whole 15° in the first "
                       "sixth of the range.",
                       feedback={1: "From 60° to 90° the curve is almost flat (13.2° to 14.9°).",
                                 2: "The curve is steep near extension and flat beyond 60°."}),
        MultipleChoice(nb, "envelope", "At full extension, how much axial rotation is available?",
                       ["Almost none: the knee is locked", "About 45°", "About 15° each way"], 0,
                       "The available range grows with flexion: ~0 at full extension, 40–50° near 90°."),
        MultipleChoice(nb, "articulations", "Which three articulations make up the knee complex?",
                       ["Tibiofemoral, patellofemoral, proximal tibiofibular",
                        "Tibiofemoral, talocrural, patellofemoral",
                        "Hip, knee and ankle"], 0,
                       "The proximal tibiofibular joint moves a little with every knee rotation."),
        CodeExercise(nb, "rotation_between",
                     "Write rotation_between(a, b): tibial rotation (deg) from knee flexion a to b, using the model.",
                     lambda a, b: screw_home.coupled_tibial_rotation(b) - screw_home.coupled_tibial_rotation(a),
                     [(0.0, 30.0), (20.0, 60.0), (90.0, 10.0)], rotation_between,
                     ["kc.coupled_tibial_rotation(angle) gives the rotation (deg) at one knee angle.",
                      "The rotation between two angles is a difference: the value at b minus the value at a."],
                     explanation="Rotation between two angles is the difference of the coupled rotation at each."),
        CodeExercise(nb, "flexion_for_rotation",
                     "Harder: write flexion_for_rotation(target_deg): the smallest whole knee angle (0–90°) at which "
                     "the coupled rotation reaches target_deg.",
                     lambda t: float(np.argmax(screw_home.coupled_tibial_rotation(np.arange(91.0)) >= t)),
                     [(5.0,), (10.0,), (14.0,)], flexion_for_rotation,
                     ["Try the angles 0, 1, 2, … 90 in order with a for loop over range(0, 91).",
                      "Return the first angle where kc.coupled_tibial_rotation(angle) >= target_deg (as a float)."],
                     explanation="Half of the 15° coupling is done by about 20° of flexion: the curve is steepest "
                                 "near a straight knee."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "envelope": {1: "45° is about the most axial rotation in deep flexion, not at full extension.",
                 2: "Near full extension the knee screws home and locks: the rotation left is close to zero."},
    "articulations": {1: "The talocrural joint is the ankle; the knee's third joint is the proximal "
                         "tibiofibular joint.",
                      2: "Those are three joints of the leg; the knee complex is three joints inside the "
                         "knee."},
}


def prediction():
    """The predict-then-check: (id, prompt, unit, model value, explanation)."""
    return (
        "rotation_0_30", "How many degrees does the tibia rotate inwards as the knee bends from 0° to 30°?", "deg",
        screw_home.coupled_tibial_rotation(30.0) - screw_home.coupled_tibial_rotation(0.0),
        "Over half of the coupling happens in the first 30°: the curve is steepest near a straight knee.")


# -- worked solutions ----------------------------------------------------------------------


def rotation_between(a, b):
    # the coupled rotation at b minus the coupled rotation at a
    return kc.coupled_tibial_rotation(b) - kc.coupled_tibial_rotation(a)


def flexion_for_rotation(target_deg):
    # walk up the knee angle in 1° steps until the coupled rotation reaches the target
    for angle in range(0, 91):
        if kc.coupled_tibial_rotation(angle) >= target_deg:
            return float(angle)
    return float("nan")  # the coupling never gets there below 90°
