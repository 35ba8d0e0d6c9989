"""The course's reference runner: one runner, the same in every module.

Every model's defaults, the explorers' first positions, the question bank and the notebooks take the body
and the gait from :data:`RUNNER`, so a number for "the runner" in module 3 is the number for the same runner
in module 6. Module 6's step rate law is anchored here too: 170 steps/min is this runner's own rate at 3.3 m/s
(:func:`kneecourse.models.spring_mass.preferred_step_rate`).

Plain data, no imports: every layer may read it.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Runner", "RUNNER"]


@dataclass(frozen=True)
class Runner:
    """A runner's body and easy-run gait, in SI units (step rate in steps/min)."""

    #: body mass, kg
    mass_kg: float = 70.0
    #: standing height, m
    height_m: float = 1.75
    #: easy running speed, m/s
    speed_m_s: float = 3.3
    #: own step rate at that speed, steps/min (both feet counted)
    step_rate_spm: float = 170.0

    def describe(self) -> str:
        """``70 kg, 1.75 m, 3.3 m/s, 170 steps/min``: how the course's text names this runner."""
        return (f"{self.mass_kg:g} kg, {self.height_m:g} m, {self.speed_m_s:g} m/s, "
                f"{self.step_rate_spm:g} steps/min")


#: the reference runner of the whole course
RUNNER = Runner()
