"""The self-checks of 03_patellofemoral_load.ipynb (Module 3 — Patellofemoral load).

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order), what each wrong option
of a choice misses, its predict-then-check and the worked solutions of its code exercises, written as a learner
writes them (only ``np`` and ``kc``; the notebook ships a stub).
"""
from __future__ import annotations

import kneecourse as kc

from ...models import (
    patellofemoral,
)
from ...runner import RUNNER
from ...units import G, to_body_weights
from ..questions import CodeExercise, MultipleChoice, Numeric


def questions(nb):
    k0 = patellofemoral.pfjrf_ratio(0.0)
    mass = RUNNER.mass_kg
    pf = to_body_weights(patellofemoral.patellofemoral_force(150.0, 60.0), mass)
    return [
        Numeric(nb, "k0", "What is k = PF force / quadriceps force at full extension?", k0, "",
                "0.462: with the knee straight the two tendons pull nearly in line, so little presses the patella "
                "back.",
                rel_tol=0.01),
        Numeric(nb, "pf_bw", f"A {mass:g} kg runner produces a 150 N·m knee extensor moment at 60° flexion. PF "
                             "force in body weights?",
                pf, "BW", "F_pf = k(60°) · M / r(60°), divided by m·g.", rel_tol=0.05,
                hint=f"Use kc.patellofemoral_force and divide by {mass:g} × {G:g} (kc.G)."),
        MultipleChoice(nb, "units", "'The knee sees torques of 7–21 times body weight' mixes up…",
                       ["torque (N·m) and force (N)", "mass and weight", "stress and strain"], 0,
                       "Body weight is a force; a torque is a force times a distance. PF compression is a force."),
        MultipleChoice(nb, "peak", "Why is deep loaded knee flexion the peak of patellofemoral stress?",
                       ["Large knee moment, shorter lever, higher k, and contact area that stops growing",
                        "Because the patella leaves the groove", "Because the quadriceps relaxes"], 0,
                       "All four factors in the chain point the same way beyond ~60°."),
        CodeExercise(nb, "stress", "Write stress_mpa(force_n, area_mm2): mean contact stress in MPa.",
                     lambda f, a: f / a, [(3000.0, 400.0), (5000.0, 520.0), (1000.0, 210.0)], stress_mpa,
                     ["Stress is force divided by the area it spreads over.",
                      "1 N/mm² is exactly 1 MPa, so no conversion is needed."],
                     explanation="1 N/mm² = 1 MPa, so stress in MPa = N / mm²."),
        CodeExercise(nb, "pf_stress_from_parts",
                     "Harder: write pf_stress_from_parts(moment_nm, flexion_deg): PF stress (MPa) from the course's "
                     "PF force and contact area — then compare with kc.patellofemoral_stress.",
                     lambda m, a: patellofemoral.patellofemoral_stress(m, a) / 1e6,
                     [(100.0, 30.0), (150.0, 60.0), (120.0, 90.0)], pf_stress_from_parts,
                     ["kc.patellofemoral_force(moment, angle) gives newtons; kc.patellofemoral_contact_area(angle) "
                      "gives square metres.",
                      "Turn m² into mm² (× 1e6) and divide: N / mm² is MPa."],
                     explanation="Force grows faster than area beyond ~60°, so stress keeps rising in deep flexion."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "units": {1: "Body weight here is already a force; the mix-up is force versus torque (force × distance).",
              2: "Stress (force per area) comes later in this module; the claim confuses a torque with a "
                 "force."},
    "peak": {1: "In deep flexion the patella sits deepest in the groove; the load peaks because of the "
                "chain of factors, not a dislocation.",
             2: "The quadriceps works hardest there: a large moment on a short lever needs a large force."},
}


def prediction():
    """The predict-then-check: (id, prompt, unit, model value, explanation)."""
    pf30, pf90 = (patellofemoral.patellofemoral_force(100.0, a) for a in (30.0, 90.0))
    return (
        "pf_30_to_90",
        "For the same 100 N·m knee moment, how many times larger is the PF force at 90° than at 30°?",
        "×", pf90 / pf30, "A shorter lever needs more quadriceps force, and more of it presses the patella back.")


# -- worked solutions ----------------------------------------------------------------------


def stress_mpa(force_n, area_mm2):
    # 1 N/mm² = 1 MPa
    return force_n / area_mm2


def pf_stress_from_parts(moment_nm, flexion_deg):
    # PF force (N) over contact area (m² → mm²) gives MPa
    force_n = kc.patellofemoral_force(moment_nm, flexion_deg)
    area_mm2 = kc.patellofemoral_contact_area(flexion_deg) * 1e6
    return force_n / area_mm2
