"""The self-checks of 09_capstone_cases.ipynb (Capstone — three runners, every model).

Its questions (the course map, :mod:`kneecourse.course.modules`, lists their ids in order) and what each wrong
option of a choice misses.
"""
from __future__ import annotations

import numpy as np

from ...models import (
    running_step,
    tracking,
    training_load,
)
from ...models.running_step import RUNNING_TRUNK_LEAN_DEG
from ...models.spring_mass import CONTACT_KNEE_FLEXION_DEG
from ...runner import RUNNER
from ..questions import MultipleChoice, Numeric

#: The capstone's runners: every module computes its numbers from these inputs. Alex lands with module 6's
#: knee flexion and trunk lean at contact (its explorer has no control for them), so module 5's pose of Alex,
#: module 6's step and its explorer preset to Alex are the same runner.
ALEX = {"mass_kg": RUNNER.mass_kg, "height_m": RUNNER.height_m, "speed_m_s": 3.0, "step_rate_spm": 156.0,
        "contact_knee_flexion_deg": CONTACT_KNEE_FLEXION_DEG, "trunk_lean_deg": RUNNING_TRUNK_LEAN_DEG,
        "pelvic_tilt_deg": 10.0}
JO = {"mass_kg": RUNNER.mass_kg, "height_m": RUNNER.height_m, "static_q_deg": 17.0, "knee_flexion_deg": 45.0}


def capstone_cases() -> dict:
    """The three runners of the capstone and what the course models say about them."""

    from ...models.pelvis import contact_pose, thigh_angle_for_overstride
    from ...models.posture import posture

    # 1. Sam: a novice running three times a week (45 min at RPE 5 = 225 AU) who doubles it in weeks 5-6
    week = [1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0]
    sam_daily = np.array(week * 4) * 225.0
    sam_daily = np.concatenate([sam_daily, np.array(week * 2) * 450.0])
    sam = training_load.acwr(sam_daily)
    sam_weeks = training_load.weekly_totals(sam_daily)
    plan = training_load.plan_progression(20.0, 40.0, 0.10, 4, 0.8)
    # 2. Alex: overstrides at 156 steps/min, 3.0 m/s, pelvis tilted 10°. One
    #    runner: module 6 computes the step, module 5 poses that step (the same overstride), module 6 the change
    alex = ALEX
    gait = {k: alex[k] for k in ("mass_kg", "height_m", "speed_m_s", "contact_knee_flexion_deg", "trunk_lean_deg")}
    slow = running_step.run_step(step_rate_spm=alex["step_rate_spm"], **gait)
    quick = running_step.run_step(step_rate_spm=alex["step_rate_spm"] * 1.1, **gait)
    body = (alex["height_m"], alex["pelvic_tilt_deg"], 1.0, alex["trunk_lean_deg"])

    def pose(step, tilt=alex["pelvic_tilt_deg"]):
        thigh = thigh_angle_for_overstride(step["overstride_m"], *body, alex["contact_knee_flexion_deg"],
                                           mass_kg=alex["mass_kg"])
        return contact_pose(alex["height_m"], tilt, 1.0, alex["trunk_lean_deg"], thigh,
                            alex["contact_knee_flexion_deg"], mass_kg=alex["mass_kg"])

    reach, closer, upright = pose(slow), pose(quick), pose(slow, tilt=0.0)
    # 3. Jo: static Q 17°, single-leg squat to 45° with 8° hip adduction and 8° internal rotation; the knee
    #    moment is module 2's for that squat, the facets module 4's for that moment
    jo_pose = posture("single_leg_squat", JO["knee_flexion_deg"], height_m=JO["height_m"], mass_kg=JO["mass_kg"])
    m, th = float(jo_pose.moments["knee"]), JO["knee_flexion_deg"]
    jo = tracking.patellar_tracking(JO["static_q_deg"], 8.0, 8.0, None, th, m)
    jo_ctrl = tracking.patellar_tracking(JO["static_q_deg"], 2.0, 2.0, None, th, m)
    q_eff = jo["q_eff_deg"]
    return {
        "sam_daily": sam_daily, "sam_ratio": float(np.nanmax(sam["ratio"])),
        "sam_change": float(sam_weeks[4] / sam_weeks[3] - 1), "plan_weeks": int(len(plan["week"])),
        "alex_slow": slow, "alex_quick": quick,
        "alex_pf_change": float(quick["peak_pf_force_bw"] / slow["peak_pf_force_bw"] - 1),
        "alex_reach": reach, "alex_closer": closer, "alex_upright": upright, "alex": dict(ALEX),
        "jo": dict(JO), "jo_moment_nm": m, "jo_pose": jo_pose,
        "jo_q": float(q_eff), "jo_lateral_share": float(jo["lateral_share"]),
        "jo_controlled_share": float(jo_ctrl["lateral_share"]),
        "jo_lateral_mpa": float(jo["lateral_stress_pa"]) / 1e6,
        "jo_controlled_mpa": float(jo_ctrl["lateral_stress_pa"]) / 1e6,
    }


def questions(nb):
    c = capstone_cases()
    return [
        Numeric(nb, "sam_acwr", "The highest rolling ACWR in Sam's log?", c["sam_ratio"], "",
                "The first doubled week against four normal ones: acute 1350, chronic (3 × 675 + 1350) / 4.",
                rel_tol=0.02),
        Numeric(nb, "sam_weeks", "How many weeks does the planner need from 20 to 40 km at 10% a week with a lighter "
                                 "week every 4th?",
                c["plan_weeks"], "weeks", "Counted from plan_progression(20, 40, 0.10, 4, 0.8).", abs_tol=0.5),
        Numeric(nb, "alex_pf", "Alex raises the step rate by 10% at 3.0 m/s. Change in peak PF force (%)?",
                100 * c["alex_pf_change"], "%", "run_step at 156 and 171.6 steps/min.", abs_tol=2.0),
        MultipleChoice(nb, "alex_first", "What is the best first change for Alex?",
                       ["A 5–10% higher step rate at the same easy speed", "More anterior pelvic tilt",
                        "Longer strides"], 0,
                       "Step rate shortens the reach and lowers per-step knee load; a tilt the lumbar spine "
                       "compensates moves the COM by millimetres."),
        Numeric(nb, "jo_q", "Jo's working Q-angle in the single-leg squat?", c["jo_q"], "deg",
                "effective_q_angle(17, 8, 8, 45): Jo's pose in module 4's model.", rel_tol=0.03),
        MultipleChoice(nb, "jo_exercise", "Which exercises belong in Jo's first program, with the best evidence?",
                       ["Hip + knee strengthening: lateral leg lifts, clamshells, step-ups, wall squats",
                        "Seated tibial rotation alone", "Calf raises alone"], 0,
                       "Combined hip and knee strengthening has strong evidence for treating patellofemoral pain; "
                       "it helps even without a reliable change in dynamic valgus, so do not promise Jo it fixes the "
                       "knee's path."),
    ]


#: what each wrong option misses: question id -> {option: why} (a test holds every wrong option to one)
WRONG_OPTIONS = {
    "alex_first": {1: "Tilt moves the centre of mass by millimetres; it does not shorten Alex's reach.",
                   2: "Longer strides reach further ahead and load the knee more per step."},
    "jo_exercise": {1: "Tibial rotation drills are plausible but untested for knee pain (opinion).",
                    2: "Calf raises have their place, but the evidence is for hip and knee strengthening "
                       "together."},
}
