"""The self-checks of 06_running_as_a_spring.ipynb (Module 6 — Running as a spring).

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order), what each wrong option
of a choice misses, its predict-then-check and the worked solutions of its code exercises, written as a learner
writes them (only ``np`` and ``kc``; the notebook ships a stub).
"""
from __future__ import annotations

import math

import numpy as np

import kneecourse as kc

from ...models import (
    running_step,
    spring_mass,
)
from ...runner import RUNNER
from ...units import G
from ..questions import CodeExercise, MultipleChoice, Numeric

#: the reference runner's step rate, and 10% above it
RATE, RATE_PLUS_10 = RUNNER.step_rate_spm, round(1.1 * RUNNER.step_rate_spm)


def _first_rate_with_pf_drop(speed_m_s, drop):
    """The lowest whole step rate from the runner's own at which the model's peak PF force is down by ``drop``."""
    rates = np.arange(int(RATE), int(RATE) + 51)
    pf = np.array([running_step.run_step(speed_m_s=speed_m_s, step_rate_spm=r)["peak_pf_force_bw"] for r in rates])
    return float(rates[np.argmax(pf <= (1 - drop) * pf[0])])


def questions(nb):
    base, plus = running_step.run_step(), running_step.run_step(step_rate_spm=RATE_PLUS_10)
    m, v = RUNNER.mass_kg, RUNNER.speed_m_s
    morin = spring_mass.morin_stiffness(m, 0.25, 0.12, v, 0.93)
    return [
        MultipleChoice(nb, "cadence_force", "Raising the step rate 10% at the same speed makes peak vertical force…",
                       ["smaller", "larger", "unchanged"], 0,
                       f"Model: {base['peak_vgrf_bw']:.2f} → {plus['peak_vgrf_bw']:.2f} BW; shorter, lighter steps."),
        Numeric(nb, "pf_change", "By how much (%) does the model's peak PF force change with +10% step rate?",
                100 * (plus["peak_pf_force_bw"] / base["peak_pf_force_bw"] - 1), "%",
                "Lenhart 2014 measured −14% for +10% step rate.", abs_tol=2.0),
        Numeric(nb, "morin", f"Morin method: {m:g} kg, contact 0.25 s, flight 0.12 s, {v:g} m/s, leg 0.93 m. Leg "
                             "stiffness in kN/m?",
                morin["leg_stiffness_n_per_m"] / 1000, "kN/m", "k_leg = Fmax / ΔL.", rel_tol=0.05),
        MultipleChoice(nb, "energy", "During stance the spring-mass model…",
                       ["stores energy in the spring and returns it", "loses energy every step",
                        "needs the muscles to add energy at every instant"], 0,
                       "It is conservative: kinetic + potential + spring energy stays constant."),
        CodeExercise(nb, "fmax", "Write fmax(m, tc, tf): Morin's peak force m·g·(π/2)·(tf/tc + 1).",
                     lambda m, tc, tf: m * G * math.pi / 2 * (tf / tc + 1),
                     [(RUNNER.mass_kg, 0.25, 0.12), (60.0, 0.2, 0.1)], fmax,
                     [f"Write the formula as it stands: g is kc.G ({G:g} m/s²), π is np.pi.",
                      "The bracket is (tf / tc + 1): flight over contact, plus one."],
                     explanation="Sine-wave force model."),
        CodeExercise(nb, "step_rate_for_pf_drop",
                     f"Harder: write step_rate_for_pf_drop(speed_m_s, drop): from {RATE:g} steps/min (the course's "
                     "runner, kc.RUNNER), the lowest whole step rate at which the model's peak PF force has fallen by "
                     "drop (0.10 = 10%).",
                     _first_rate_with_pf_drop, [(RUNNER.speed_m_s, 0.10), (3.0, 0.05)], step_rate_for_pf_drop,
                     ["kc.run_step(speed_m_s=speed, step_rate_spm=rate) runs the course's runner and returns a dict "
                      "with 'peak_pf_force_bw'.",
                      f"Compute the value at {RATE:g} first, then try {RATE:g}, {RATE + 1:g}, … and return the first "
                      "rate at or below (1 − drop) × that value."],
                     explanation="A few steps per minute more lower the knee's load per step by a tenth."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "cadence_force": {1: "Shorter steps land closer under the body with less drop: the peak force falls.",
                      2: "Contact time and the landing change with step rate, and so does the peak force."},
    "energy": {1: "The ideal spring loses nothing: the energy check above drifts by a part in a million "
                  "or less.",
               2: "In the model the spring stores and returns the energy; muscles are not part of it."},
}


def prediction():
    """The predict-then-check: (id, prompt, unit, model value, explanation)."""
    base, plus = running_step.run_step(), running_step.run_step(step_rate_spm=RATE_PLUS_10)
    return (
        "vgrf_plus_10", f"At {RUNNER.speed_m_s:g} m/s, by how much (%) does peak vertical force change when the step "
        f"rate rises 10% ({RATE:g} → {RATE_PLUS_10:g} steps/min)?", "%",
        100 * (plus["peak_vgrf_bw"] / base["peak_vgrf_bw"] - 1),
        "Shorter steps: less time in the air, a smaller bounce to stop, a lower peak force.")


# -- worked solutions ----------------------------------------------------------------------


def fmax(m, tc, tf):
    # Morin's sine-wave model of the vertical force
    return m * kc.G * np.pi / 2 * (tf / tc + 1)


def step_rate_for_pf_drop(speed_m_s, drop):
    # raise the step rate 1 step/min at a time until peak PF force has fallen by `drop` (0.10 = 10%)
    # kc.run_step's body and step rate are the course's runner (kc.RUNNER) unless you give others
    start = int(kc.RUNNER.step_rate_spm)
    base = kc.run_step(speed_m_s=speed_m_s, step_rate_spm=start)["peak_pf_force_bw"]
    for spm in range(start, start + 51):
        if kc.run_step(speed_m_s=speed_m_s, step_rate_spm=spm)["peak_pf_force_bw"] <= (1 - drop) * base:
            return float(spm)
    return float("nan")
