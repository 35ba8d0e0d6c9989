"""The self-checks of 02_levers_and_torques.ipynb (Module 2 — Levers and torques).

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order), what each wrong option
of a choice misses, its predict-then-check and the worked solutions of its code exercises, written as a learner
writes them (only ``np`` and ``kc``; the notebook ships a stub).
"""
from __future__ import annotations

import math

import kneecourse as kc

from ...models import (
    extensor,
    statics,
)
from ...models.posture import knee_travel_comparison
from ...runner import RUNNER
from ...units import G, to_body_weights
from ..questions import CodeExercise, MultipleChoice, Numeric


def questions(nb):
    arm60 = extensor.quadriceps_moment_arm(60.0)
    p = knee_travel_comparison("double_leg_squat", 90.0)
    return [
        Numeric(nb, "hand_moment", "A 200 N force pulls at right angles 0.35 m from a pivot. What is the moment?",
                200.0 * 0.35, "N·m", "M = F × d = 200 N × 0.35 m = 70 N·m.", rel_tol=0.01),
        Numeric(nb, "moment_arm_60", "What is the quadriceps moment arm at 60° of knee flexion (in mm)?",
                1000 * arm60, "mm", "From the van Eijden polynomial: about 33 mm at 60°.", rel_tol=0.03,
                hint="kc.quadriceps_moment_arm(60) returns metres."),
        MultipleChoice(nb, "patella_lever", "Without a patella the quadriceps moment arm would be shorter. So for the "
                                            "same knee moment…",
                       ["the quadriceps would need more force", "the quadriceps would need less force",
                        "nothing changes"], 0, "F = M / r: a shorter lever arm needs a larger force."),
        MultipleChoice(nb, "knees_over_toes", "Holding the knees behind the toes at the same squat depth…",
                       ["lowers the knee moment and raises the hip moment",
                        "lowers both knee and hip moments", "raises the knee moment"], 0,
                       f"In the model the knee moment changes by {100 * p['knee_change']:+.0f}% and the hip moment by "
                       f"{100 * p['hip_change']:+.0f}% (Fry 2003 measured the same direction)."),
        CodeExercise(nb, "knee_moment_by_hand",
                     "Write knee_moment(force_n, distance_m): the moment of a vertical ground force passing "
                     "distance_m behind the knee.",
                     lambda f, d: f * d, [(700.0, 0.1), (1700.0, 0.08), (350.0, 0.0)], knee_moment,
                     ["A moment is a force times a distance.",
                      "Use the perpendicular distance from the knee to the force's line: distance_m here."],
                     explanation="Moment = force × perpendicular distance."),
        CodeExercise(nb, "quad_force_bw",
                     "Harder: write quad_force_bw(moment_nm, flexion_deg, mass_kg): the quadriceps force needed for a "
                     "knee moment, in body weights, with the course's moment arm.",
                     lambda m, a, kg: to_body_weights(extensor.quadriceps_force(m, a), kg),
                     [(150.0, 60.0, RUNNER.mass_kg), (100.0, 10.0, 60.0), (200.0, 100.0, 80.0)], quad_force_bw,
                     ["Force = moment / moment arm; kc.quadriceps_moment_arm(angle) gives the arm in metres.",
                      f"One body weight is mass_kg × g newtons (g is kc.G, {G:g} m/s²): divide the force by it."],
                     explanation="The moment arm is shortest in deep flexion, so the same moment needs more force."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "patella_lever": {1: "A shorter lever needs more force for the same moment (force = moment / lever).",
                      2: "The moment is the same, but a shorter lever needs more force to make it."},
    "knees_over_toes": {1: "The load moves, it does not vanish: the trunk leans further and the hip moment "
                           "rises.",
                        2: "The knee's moment falls: the shin stays more upright, so the force line passes "
                           "closer to the knee."},
}


def prediction():
    """The predict-then-check: (id, prompt, unit, model value, explanation)."""
    return (
        "angled_pull", "A 100 N pull acts on a beam 0.8 m from its pivot, at 30° to the beam. What moment does it "
        "make about the pivot?", "N·m",
        float(statics.moment_about((0.8, 0.0), (100.0 * math.cos(math.radians(30.0)),
                                                100.0 * math.sin(math.radians(30.0))))),
        "Only the part of the pull at right angles to the beam turns it: 100 N · sin 30° × 0.8 m = 40 N·m — the "
        "same as the whole force times its moment arm (0.4 m).")


# -- worked solutions ----------------------------------------------------------------------


def knee_moment(force_n, distance_m):
    # moment = force × perpendicular distance
    return force_n * distance_m


def quad_force_bw(moment_nm, flexion_deg, mass_kg):
    # quadriceps force = knee moment / moment arm (m), then in body weights
    force_n = moment_nm / kc.quadriceps_moment_arm(flexion_deg)
    return force_n / (mass_kg * kc.G)
