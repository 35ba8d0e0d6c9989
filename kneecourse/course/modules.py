"""The course map: one row per notebook, in the order a learner takes them.

Each row names the notebook, its title (the notebook's first heading) and stated time, the explorers it
shows (app names of :mod:`kneecourse.course.explorers`), its predict-then-check and its self-check
questions, by id, in the order the notebook asks them. Everything that lists the course reads this table:
the question bank (one file per notebook, :mod:`kneecourse.selfcheck.bank`), the progress report, the
class view's catalogue, the course site and the tests. A test holds each row to its notebook (title, time,
explorers, every question shown as ``quiz["<id>"]``).

Plain data, no imports: reading the map costs nothing.
"""
from __future__ import annotations

from typing import NamedTuple

__all__ = ["Module", "MODULES", "NOTEBOOKS", "module"]


class Module(NamedTuple):
    """One notebook of the course."""

    #: the notebook's file name without ``.ipynb``, e.g. ``"03_patellofemoral_load"``
    name: str
    #: its first heading
    title: str
    #: the time it states ("about 45 minutes"), in minutes
    minutes: int
    #: app names of the explorers it shows, in order
    explorers: tuple = ()
    #: id of its predict-then-check, or ``None``
    prediction: str | None = None
    #: ids of its self-checks, in the order the notebook asks them
    questions: tuple = ()

    @property
    def bank(self) -> str:
        """The module of :mod:`kneecourse.selfcheck.bank` holding its questions (the name without ``NN_``)."""
        return self.name.split("_", 1)[1]


MODULES = (
    Module("00_start_here", "Start here: the biomechanics behind runner's knee", 15, ("lever",), None,
           ("red_flags", "widgets")),
    Module("01_knee_is_not_a_hinge",
           'Module 1 — "The knee is not a hinge": tibial rotation and the screw-home mechanism', 40,
           ("leg", "foot-angle"), "rotation_0_30",
           ("coupled_30", "last_degrees", "envelope", "articulations", "rotation_between", "flexion_for_rotation")),
    Module("02_levers_and_torques",
           "Module 2 — Levers and torques: knee moments in the squat, step-up and running stance", 45,
           ("lever", "squat"), "angled_pull",
           ("hand_moment", "moment_arm_60", "patella_lever", "knees_over_toes", "knee_moment_by_hand",
            "quad_force_bw")),
    Module("03_patellofemoral_load", "Module 3 — Patellofemoral load: force, contact area and stress vs knee angle",
           45, ("patellofemoral",), "pf_30_to_90",
           ("k0", "pf_bw", "units", "peak", "stress", "pf_stress_from_parts")),
    Module("04_patellar_tracking", "Module 4 — Patellar tracking: Q-angle, VMO/VL balance and dynamic valgus", 40,
           ("tracking",), "side_pull_plus_10",
           ("q_norms", "q_eff", "zero_force", "facet", "lateral_force", "valgus_side_pull")),
    Module("05_pelvis_and_center_of_mass", "Module 5 — Pelvis, centre of mass and foot strike", 40,
           ("pelvis", "foot-strike"), "tilt_no_compensation",
           ("two_masses", "tilt_shift", "overstride", "trunk_vs_pelvis", "com_chain", "com_shift_mm")),
    Module("06_running_as_a_spring", "Module 6 — Running as a spring: step rate, overstride and knee load", 45,
           ("spring",), "vgrf_plus_10",
           ("cadence_force", "pf_change", "morin", "energy", "fmax", "step_rate_for_pf_drop")),
    Module("07_training_load",
           "Module 7 — Training load: spikes, the acute:chronic ratio and a safe progression", 35,
           ("load", "planner"), "acwr_150",
           ("acwr_spike", "coupling", "session_load_value", "nielsen", "session_load", "rolling_acwr")),
    Module("08_your_program", "Module 8 — Your program: exercises, dosage, pain monitoring and red flags", 30,
           (), None, ("pain_rule", "pain_rule_2", "first_line", "red_flag")),
    Module("09_capstone_cases", "Capstone — three runners, every model", 45, ("tracking", "spring"), None,
           ("sam_acwr", "sam_weeks", "alex_pf", "alex_first", "jo_q", "jo_exercise")),
)

#: the notebooks' names, in course order
NOTEBOOKS = tuple(m.name for m in MODULES)

_BY_NAME = {m.name: m for m in MODULES}


def module(notebook: str) -> Module:
    """The course map's row of ``notebook`` (a name such as ``"03_patellofemoral_load"``)."""
    try:
        return _BY_NAME[notebook]
    except KeyError:
        raise KeyError(f"{notebook!r} is not in the course map; notebooks: {list(NOTEBOOKS)}") from None
