"""The self-checks of 04_patellar_tracking.ipynb (Module 4 — Patellar tracking).

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order), what each wrong option
of a choice misses, its predict-then-check and the worked solutions of its code exercises, written as a learner
writes them (only ``np`` and ``kc``; the notebook ships a stub).
"""
from __future__ import annotations

import math

import numpy as np

import kneecourse as kc

from ...models import (
    tracking,
)
from ..questions import CodeExercise, MultipleChoice, Numeric


def questions(nb):
    q = tracking.effective_q_angle(14.0, 10.0, 10.0, 30.0)
    return [
        MultipleChoice(nb, "q_norms", "Typical standing Q-angles are…",
                       ["men ~11–14°, women ~15–17°", "men ~25°, women ~30°", "0° for everyone"], 0,
                       "Horton & Hall 1989; Aglietti 1983. The value shifts by several degrees with foot position."),
        Numeric(nb, "q_eff", "Standing Q = 14°. In a single-leg squat at 30° flexion the hip adducts 10° and rotates "
                             "internally 10°. Working Q-angle?",
                q, "deg", "Q_eff = 14 + 10 + atan(tan 10° · sin 30°) ≈ 29°.", rel_tol=0.04),
        MultipleChoice(nb, "zero_force", "At a person's own standing Q-angle with a balanced VMO/VL pull, the model's "
                       "side pull beyond that knee's balance is…",
                       ["zero", "equal to the quadriceps force", "medial"], 0,
                       "A knee is balanced at its own Q-angle (about equal facet pressures, Huberti & Hayes 1984); "
                       "only the pull beyond it shifts the load."),
        MultipleChoice(nb, "facet", "A larger lateral force on the patella…",
                       ["moves load onto the lateral facet", "moves load onto the medial facet",
                        "leaves the facets unchanged"], 0,
                       "The groove pushes back medially through the lateral facet, which then carries more."),
        CodeExercise(nb, "lateral_force", "Write lateral(fq, q_deg): the lateral component F·sin(Q) of a pull F at Q "
                                          "degrees.",
                     lambda f, qd: f * math.sin(math.radians(qd)),
                     [(1000.0, 15.0), (2000.0, 0.0), (500.0, 25.0)], lateral,
                     ["The side component of a pull at angle Q from the axis is F·sin(Q).",
                      "np.sin works in radians: np.sin(np.radians(q_deg)) (the notebook imports np at the top)."],
                     explanation="The side component of a force at angle Q from the axis is F·sin Q."),
        CodeExercise(nb, "valgus_side_pull",
                     "Harder: write valgus_side_pull(fq, static_q_deg, hip_adduction_deg, hip_internal_rotation_deg, "
                     "flexion_deg): the side pull (N) beyond this knee's balance when it caves in.",
                     lambda f, q0, add, ir, fl: tracking.lateral_patellar_force(
                         f, tracking.effective_q_angle(q0, add, ir, fl), static_q_deg=q0),
                     [(2000.0, 14.0, 0.0, 0.0, 30.0), (2000.0, 14.0, 10.0, 10.0, 30.0), (1500.0, 17.0, 8.0, 8.0, 45.0)],
                     valgus_side_pull,
                     ["First the working Q-angle: kc.effective_q_angle(static_q, adduction, internal rotation, "
                      "flexion).",
                      "Then kc.lateral_patellar_force(fq, working_q, static_q_deg=static_q): the pull beyond this "
                      "knee's own balance."],
                     explanation="At the knee's own Q-angle the extra pull is zero; the hip's motion raises it."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "q_norms": {1: "Above 20° counts as large; typical values are in the low to mid teens.",
                2: "The quadriceps line and the patellar tendon are not in line in anyone: a Q-angle of "
                   "some degrees is normal."},
    "zero_force": {1: "Only a part of the quadriceps force pulls sideways, and the model counts only what "
                      "goes beyond the knee's own balance.",
                   2: "At the knee's own balance there is no net pull either way; a medial excess needs a "
                      "smaller working Q or a stronger VMO share."},
    "facet": {1: "A lateral pull presses the patella against the lateral facet: that facet loads, the medial "
                 "one unloads.",
              2: "The groove resists the side pull through the facets, so their shares change."},
}


def prediction():
    """The predict-then-check: (id, prompt, unit, model value, explanation)."""
    return (
        "side_pull_plus_10", "A knee with a 14° standing Q-angle caves in until its working Q is 24°. Side pull "
        "beyond its balance for a 2000 N quadriceps force?", "N",
        tracking.lateral_patellar_force(2000.0, 24.0, static_q_deg=14.0),
        "Only the pull beyond the knee's own balance shifts load to the lateral facet.")


# -- worked solutions ----------------------------------------------------------------------


def lateral(fq, q_deg):
    # the side component of a pull at Q degrees from the leg's axis
    return fq * np.sin(np.radians(q_deg))


def valgus_side_pull(fq, static_q_deg, hip_adduction_deg, hip_internal_rotation_deg, flexion_deg):
    # the knee caves in: working Q from the hip's motion, then the side pull beyond this knee's balance
    q = kc.effective_q_angle(static_q_deg, hip_adduction_deg, hip_internal_rotation_deg, flexion_deg)
    return kc.lateral_patellar_force(fq, q, static_q_deg=static_q_deg)
