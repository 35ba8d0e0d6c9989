"""The question bank: every notebook's self-checks and predictions, with answers computed from the models.

``quiz("01_knee_is_not_a_hinge")`` returns that notebook's questions in order and
``predictions(notebook)`` its predict-then-check (if any). Both are built on
first use and cached, so a notebook's widgets keep their state; the progress
report (:mod:`kneecourse.selfcheck.report`) asks the same two functions for the
course's totals.
"""
from __future__ import annotations

import math
from functools import cache

import numpy as np

from ..models import (
    extensor,
    patellofemoral,
    pelvis,
    running_step,
    screw_home,
    spring_mass,
    statics,
    tracking,
    training_load,
)
from ..models.posture import knee_travel_comparison
from ..models.program import pain_rule
from ..models.running_step import RUNNING_TRUNK_LEAN_DEG
from ..models.spring_mass import CONTACT_KNEE_FLEXION_DEG
from ..units import G, to_body_weights
from . import solutions as sol
from .questions import CodeExercise, MultipleChoice, Numeric, Prediction

__all__ = ["quiz", "prediction", "predictions", "NOTEBOOKS", "capstone_cases"]

NOTEBOOKS = (
    "00_start_here",
    "01_knee_is_not_a_hinge",
    "02_levers_and_torques",
    "03_patellofemoral_load",
    "04_patellar_tracking",
    "05_pelvis_and_center_of_mass",
    "06_running_as_a_spring",
    "07_training_load",
    "08_your_program",
    "09_capstone_cases",
)


def _nb00(nb):
    return [
        MultipleChoice(nb, "red_flags", "Which of these means: stop and see a clinician before exercising?",
                       ["A dull ache after a long run that is gone the next day",
                        "The knee locks or gives way",
                        "Tired thighs after step-ups"], 1,
                       "Locking or giving way is a red flag: it can mean a mechanical problem inside the joint.",
                       hint="Look at the red-flag list above.",
                       feedback={0: "An ache that settles by the next day is a normal response to load.",
                                 2: "Muscle fatigue is expected after strength work."}),
        MultipleChoice(nb, "widgets", "What happens when you move a slider in this course?",
                       ["Nothing until you re-run the cell",
                        "The model is re-computed and the same figure is redrawn",
                        "A new figure is added below"], 1,
                       "Each explorer keeps one figure and updates it in place, so you can move the slider freely."),
    ]


def _nb01(nb):
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
                     [(0.0, 30.0), (20.0, 60.0), (90.0, 10.0)], sol.rotation_between,
                     ["kc.coupled_tibial_rotation(angle) gives the rotation (deg) at one knee angle.",
                      "The rotation between two angles is a difference: the value at b minus the value at a."],
                     explanation="Rotation between two angles is the difference of the coupled rotation at each."),
        CodeExercise(nb, "flexion_for_rotation",
                     "Harder: write flexion_for_rotation(target_deg): the smallest whole knee angle (0–90°) at which "
                     "the coupled rotation reaches target_deg.",
                     lambda t: float(np.argmax(screw_home.coupled_tibial_rotation(np.arange(91.0)) >= t)),
                     [(5.0,), (10.0,), (14.0,)], sol.flexion_for_rotation,
                     ["Try the angles 0, 1, 2, … 90 in order with a for loop over range(0, 91).",
                      "Return the first angle where kc.coupled_tibial_rotation(angle) >= target_deg (as a float)."],
                     explanation="Half of the 15° coupling is done by about 20° of flexion: the curve is steepest "
                                 "near a straight knee."),
    ]


def _nb02(nb):
    arm60 = extensor.quadriceps_moment_arm(60.0)
    p = knee_travel_comparison("double_leg_squat", 90.0)
    return [
        Numeric(nb, "hand_moment", "A 200 N force pulls at right angles 0.35 m from a pivot. What is the moment?",
                70.0, "N·m", "M = F × d = 200 N × 0.35 m = 70 N·m.", rel_tol=0.01),
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
                     lambda f, d: f * d, [(700.0, 0.1), (1700.0, 0.08), (350.0, 0.0)], sol.knee_moment,
                     ["A moment is a force times a distance.",
                      "Use the perpendicular distance from the knee to the force's line: distance_m here."],
                     explanation="Moment = force × perpendicular distance."),
        CodeExercise(nb, "quad_force_bw",
                     "Harder: write quad_force_bw(moment_nm, flexion_deg, mass_kg): the quadriceps force needed for a "
                     "knee moment, in body weights, with the course's moment arm.",
                     lambda m, a, kg: to_body_weights(extensor.quadriceps_force(m, a), kg),
                     [(150.0, 60.0, 70.0), (100.0, 10.0, 60.0), (200.0, 100.0, 80.0)], sol.quad_force_bw,
                     ["Force = moment / moment arm; kc.quadriceps_moment_arm(angle) gives the arm in metres.",
                      "One body weight is mass_kg × 9.81 N: divide the force by it."],
                     explanation="The moment arm is shortest in deep flexion, so the same moment needs more force."),
    ]


def _nb03(nb):
    k0 = patellofemoral.pfjrf_ratio(0.0)
    mass = 70.0
    pf = to_body_weights(patellofemoral.patellofemoral_force(150.0, 60.0), mass)
    return [
        Numeric(nb, "k0", "What is k = PF force / quadriceps force at full extension?", k0, "",
                "0.462: with the knee straight the two tendons pull nearly in line, so little presses the patella "
                "back.",
                rel_tol=0.01),
        Numeric(nb, "pf_bw", "A 70 kg runner produces a 150 N·m knee extensor moment at 60° flexion. PF force in body "
                             "weights?",
                pf, "BW", "F_pf = k(60°) · M / r(60°), divided by m·g.", rel_tol=0.05,
                hint="Use kc.patellofemoral_force and divide by 70 × 9.81."),
        MultipleChoice(nb, "units", "'The knee sees torques of 7–21 times body weight' mixes up…",
                       ["torque (N·m) and force (N)", "mass and weight", "stress and strain"], 0,
                       "Body weight is a force; a torque is a force times a distance. PF compression is a force."),
        MultipleChoice(nb, "peak", "Why is deep loaded knee flexion the peak of patellofemoral stress?",
                       ["Large knee moment, shorter lever, higher k, and contact area that stops growing",
                        "Because the patella leaves the groove", "Because the quadriceps relaxes"], 0,
                       "All four factors in the chain point the same way beyond ~60°."),
        CodeExercise(nb, "stress", "Write stress_mpa(force_n, area_mm2): mean contact stress in MPa.",
                     lambda f, a: f / a, [(3000.0, 400.0), (5000.0, 520.0), (1000.0, 210.0)], sol.stress_mpa,
                     ["Stress is force divided by the area it spreads over.",
                      "1 N/mm² is exactly 1 MPa, so no conversion is needed."],
                     explanation="1 N/mm² = 1 MPa, so stress in MPa = N / mm²."),
        CodeExercise(nb, "pf_stress_from_parts",
                     "Harder: write pf_stress_from_parts(moment_nm, flexion_deg): PF stress (MPa) from the course's "
                     "PF force and contact area — then compare with kc.patellofemoral_stress.",
                     lambda m, a: patellofemoral.patellofemoral_stress(m, a) / 1e6,
                     [(100.0, 30.0), (150.0, 60.0), (120.0, 90.0)], sol.pf_stress_from_parts,
                     ["kc.patellofemoral_force(moment, angle) gives newtons; kc.patellofemoral_contact_area(angle) "
                      "gives square metres.",
                      "Turn m² into mm² (× 1e6) and divide: N / mm² is MPa."],
                     explanation="Force grows faster than area beyond ~60°, so stress keeps rising in deep flexion."),
    ]


def _nb04(nb):
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
                     [(1000.0, 15.0), (2000.0, 0.0), (500.0, 25.0)], sol.lateral,
                     ["The side component of a pull at angle Q from the axis is F·sin(Q).",
                      "np.sin works in radians: np.sin(np.radians(q_deg)) (the notebook imports np at the top)."],
                     explanation="The side component of a force at angle Q from the axis is F·sin Q."),
        CodeExercise(nb, "valgus_side_pull",
                     "Harder: write valgus_side_pull(fq, static_q_deg, hip_adduction_deg, hip_internal_rotation_deg, "
                     "flexion_deg): the side pull (N) beyond this knee's balance when it caves in.",
                     lambda f, q0, add, ir, fl: tracking.lateral_patellar_force(
                         f, tracking.effective_q_angle(q0, add, ir, fl), static_q_deg=q0),
                     [(2000.0, 14.0, 0.0, 0.0, 30.0), (2000.0, 14.0, 10.0, 10.0, 30.0), (1500.0, 17.0, 8.0, 8.0, 45.0)],
                     sol.valgus_side_pull,
                     ["First the working Q-angle: kc.effective_q_angle(static_q, adduction, internal rotation, "
                      "flexion).",
                      "Then kc.lateral_patellar_force(fq, working_q, static_q_deg=static_q): the pull beyond this "
                      "knee's own balance."],
                     explanation="At the knee's own Q-angle the extra pull is zero; the hip's motion raises it."),
    ]


def _nb05(nb):
    x0, _ = pelvis.body_com(1.75, 0.0, 1.0)
    x10, _ = pelvis.body_com(1.75, 10.0, 1.0)
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
                     [((0.0, 0.8), (60.0, 20.0)), ((0.1, 0.2, 0.3), (1.0, 1.0, 2.0))], sol.com_x,
                     ["Each part counts in proportion to its mass.",
                      "Add up m·x over the parts and divide by the total mass."],
                     explanation="Σ m·x / Σ m."),
        CodeExercise(nb, "com_shift_mm",
                     "Harder: write com_shift_mm(tilt_deg, lumbar_compensation): how far (mm) the whole-body centre "
                     "of mass moves forward with this pelvic tilt, for a 1.75 m runner.",
                     lambda t, c: 1000 * (pelvis.body_com(1.75, t, c)[0] - pelvis.body_com(1.75, 0.0, c)[0]),
                     [(10.0, 1.0), (10.0, 0.0), (20.0, 0.5)], sol.com_shift_mm,
                     ["kc.body_com(height_m, pelvic_tilt_deg, lumbar_compensation) "
                      "returns (x, y) in metres.",
                      "Subtract the upright x (tilt 0) from the tilted x and multiply by 1000."],
                     explanation="With the lumbar spine compensating only the pelvis turns: a few millimetres."),
    ]


def _first_rate_with_pf_drop(speed_m_s, drop):
    """The lowest whole step rate from 170 at which the model's peak PF force is down by ``drop``."""
    rates = np.arange(170, 221)
    pf = np.array([running_step.run_step(70, 1.75, speed_m_s, r)["peak_pf_force_bw"] for r in rates])
    return float(rates[np.argmax(pf <= (1 - drop) * pf[0])])


def _nb06(nb):
    base = running_step.run_step(70, 1.75, 3.3, 170)
    plus = running_step.run_step(70, 1.75, 3.3, 187)
    morin = spring_mass.morin_stiffness(70, 0.25, 0.12, 3.3, 0.93)
    return [
        MultipleChoice(nb, "cadence_force", "Raising the step rate 10% at the same speed makes peak vertical force…",
                       ["smaller", "larger", "unchanged"], 0,
                       f"Model: {base['peak_vgrf_bw']:.2f} → {plus['peak_vgrf_bw']:.2f} BW; shorter, lighter steps."),
        Numeric(nb, "pf_change", "By how much (%) does the model's peak PF force change with +10% step rate?",
                100 * (plus["peak_pf_force_bw"] / base["peak_pf_force_bw"] - 1), "%",
                "Lenhart 2014 measured −14% for +10% step rate.", abs_tol=2.0),
        Numeric(nb, "morin", "Morin method: 70 kg, contact 0.25 s, flight 0.12 s, 3.3 m/s, leg 0.93 m. Leg stiffness "
                             "in kN/m?",
                morin["leg_stiffness_n_per_m"] / 1000, "kN/m", "k_leg = Fmax / ΔL.", rel_tol=0.05),
        MultipleChoice(nb, "energy", "During stance the spring-mass model…",
                       ["stores energy in the spring and returns it", "loses energy every step",
                        "needs the muscles to add energy at every instant"], 0,
                       "It is conservative: kinetic + potential + spring energy stays constant."),
        CodeExercise(nb, "fmax", "Write fmax(m, tc, tf): Morin's peak force m·g·(π/2)·(tf/tc + 1).",
                     lambda m, tc, tf: m * G * math.pi / 2 * (tf / tc + 1),
                     [(70.0, 0.25, 0.12), (60.0, 0.2, 0.1)], sol.fmax,
                     ["Write the formula as it stands: g = 9.81 m/s², π is np.pi.",
                      "The bracket is (tf / tc + 1): flight over contact, plus one."],
                     explanation="Sine-wave force model."),
        CodeExercise(nb, "step_rate_for_pf_drop",
                     "Harder: write step_rate_for_pf_drop(speed_m_s, drop): from 170 steps/min, the lowest whole step "
                     "rate at which the model's peak PF force has fallen by drop (0.10 = 10%).",
                     _first_rate_with_pf_drop, [(3.3, 0.10), (3.0, 0.05)], sol.step_rate_for_pf_drop,
                     ["kc.run_step(70, 1.75, speed, step_rate) returns a dict with "
                      "'peak_pf_force_bw'.",
                      "Compute the value at 170 first, then try 170, 171, … and return the first rate at or below "
                      "(1 − drop) × that value."],
                     explanation="A few steps per minute more lower the knee's load per step by a tenth."),
    ]


def _nb07(nb):
    r = training_load.acwr([100.0] * 21 + [200.0] * 7)
    return [
        Numeric(nb, "acwr_spike", "Three weeks of 100 AU a day, then one week of 200 AU a day. Rolling ACWR on day 28?",
                float(r["ratio"][27]), "", "Acute 1400; chronic (700·3 + 1400)/4 = 875; 1400/875 = 1.6.", rel_tol=0.01),
        MultipleChoice(nb, "coupling", "Why is the rolling ACWR 'mathematically coupled'?",
                       ["The acute week is also part of the chronic average", "It uses RPE",
                        "It ignores rest days"], 0, "Lolli 2019: the same data are on both sides of the ratio."),
        Numeric(nb, "session_load_value", "A 45 min run at RPE 6. Session load in AU?", 270.0, "AU",
                "Load = minutes × RPE.",
                rel_tol=0.01),
        MultipleChoice(nb, "nielsen", "Nielsen 2014 suggested (the hazard ratio's interval included no effect) that "
                                      "distance-related injuries in novice runners follow…",
                       [">30% weekly distance increase over two weeks", "any run longer than 10 km",
                        "running on consecutive days"], 0, "A weekly progression above 30% was the suggested risk "
                                                           "signal (HR 1.59, 95% CI 0.96–2.66)."),
        CodeExercise(nb, "session_load", "Write session_load(minutes, rpe): the session's load in arbitrary units.",
                     lambda mins, rpe: mins * rpe, [(45.0, 6.0), (30.0, 3.0), (90.0, 8.0)], sol.session_load,
                     ["The course counts load as duration × effort.", "Multiply the minutes by the RPE (0–10)."],
                     explanation="Session RPE × minutes: one number per day for the ratios."),
        CodeExercise(nb, "rolling_acwr",
                     "Harder: write rolling_acwr(daily_loads): the rolling ACWR on the last day of a list of at least "
                     "28 daily loads.",
                     lambda d: float(training_load.acwr(list(d))["ratio"][-1]),
                     [((100.0,) * 21 + (200.0,) * 7,), ((50.0, 0.0) * 14,), ((0.0,) * 20 + (80.0,) * 10,)],
                     sol.rolling_acwr,
                     ["Acute load: the total of the last 7 days (daily_loads[-7:]).",
                      "Chronic load: the total of the last 28 days divided by 4 (an average week); ratio = acute / "
                      "chronic."],
                     explanation="The last 7 days are inside the 28: that is the coupling Lolli 2019 criticised."),
    ]


def _nb08(nb):
    return [
        MultipleChoice(nb, "pain_rule", "Pain 2/10 during step-ups and back to usual by the next morning. The rule "
                                        "says…",
                       ["progress", "hold", "regress"], ["progress", "hold", "regress"].index(pain_rule(2, 0)),
                       "Within 3/10 and settled by the morning: the tissue tolerated the load."),
        MultipleChoice(nb, "pain_rule_2", "Pain 6/10 during the set and worse the next morning. The rule says…",
                       ["progress", "hold", "regress"], ["progress", "hold", "regress"].index(pain_rule(6, 2)),
                       "Too much: go back a step (regression or lower load)."),
        MultipleChoice(nb, "first_line", "Which exercise therapy has the strongest support for patellofemoral pain?",
                       ["Combined hip and knee strengthening", "Stretching alone", "Complete rest"], 0,
                       "Crossley 2016 consensus; Willy 2019 guideline."),
        MultipleChoice(nb, "red_flag", "During the program your knee starts to swell markedly. You…",
                       ["stop and see a clinician", "push through", "double the stretching"], 0,
                       "Marked swelling is a red flag."),
    ]


#: The capstone's runners: every module computes its numbers from these inputs. Alex lands with module 6's
#: knee flexion and trunk lean at contact (its explorer has no control for them), so module 5's pose of Alex,
#: module 6's step and its explorer preset to Alex are the same runner.
ALEX = {"mass_kg": 70.0, "height_m": 1.75, "speed_m_s": 3.0, "step_rate_spm": 156.0,
        "contact_knee_flexion_deg": CONTACT_KNEE_FLEXION_DEG, "trunk_lean_deg": RUNNING_TRUNK_LEAN_DEG,
        "pelvic_tilt_deg": 10.0}
JO = {"mass_kg": 70.0, "height_m": 1.75, "static_q_deg": 17.0, "knee_flexion_deg": 45.0}


def capstone_cases() -> dict:
    """The three runners of the capstone and what the course models say about them."""
    import numpy as np

    from ..models.pelvis import contact_pose, thigh_angle_for_overstride
    from ..models.posture import posture

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


def _nb09(nb):
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


_BUILDERS = dict(zip(NOTEBOOKS, (_nb00, _nb01, _nb02, _nb03, _nb04, _nb05, _nb06, _nb07, _nb08, _nb09)))


@cache
def _prediction_table():
    """One predict-then-check per module 1–7: notebook -> (id, prompt, unit, model value, explanation)."""
    pf30, pf90 = (patellofemoral.patellofemoral_force(100.0, a) for a in (30.0, 90.0))
    base, plus = running_step.run_step(70, 1.75, 3.3, 170), running_step.run_step(70, 1.75, 3.3, 187)
    x0, x10 = pelvis.body_com(1.75, 0.0, 0.0)[0], pelvis.body_com(1.75, 10.0, 0.0)[0]
    return {
        "01_knee_is_not_a_hinge": (
            "rotation_0_30", "How many degrees does the tibia rotate inwards as the knee bends from 0° to 30°?", "deg",
            screw_home.coupled_tibial_rotation(30.0) - screw_home.coupled_tibial_rotation(0.0),
            "Over half of the coupling happens in the first 30°: the curve is steepest near a straight knee."),
        "02_levers_and_torques": (
            "angled_pull", "A 100 N pull acts on a beam 0.8 m from its pivot, at 30° to the beam. What moment does it "
            "make about the pivot?", "N·m",
            float(statics.moment_about((0.8, 0.0), (100.0 * math.cos(math.radians(30.0)),
                                                    100.0 * math.sin(math.radians(30.0))))),
            "Only the part of the pull at right angles to the beam turns it: 100 N · sin 30° × 0.8 m = 40 N·m — the "
            "same as the whole force times its moment arm (0.4 m)."),
        "03_patellofemoral_load": (
            "pf_30_to_90",
            "For the same 100 N·m knee moment, how many times larger is the PF force at 90° than at 30°?",
            "×", pf90 / pf30, "A shorter lever needs more quadriceps force, and more of it presses the patella back."),
        "04_patellar_tracking": (
            "side_pull_plus_10", "A knee with a 14° standing Q-angle caves in until its working Q is 24°. Side pull "
            "beyond its balance for a 2000 N quadriceps force?", "N",
            tracking.lateral_patellar_force(2000.0, 24.0, static_q_deg=14.0),
            "Only the pull beyond the knee's own balance shifts load to the lateral facet."),
        "05_pelvis_and_center_of_mass": (
            "tilt_no_compensation", "10° of anterior pelvic tilt with no lumbar compensation (the trunk goes with the "
            "pelvis): how far (mm) does the centre of mass move forward?", "mm", 1000 * (x10 - x0),
            "The whole upper body swings with the pelvis: centimetres, not the millimetres of a tilt alone."),
        "06_running_as_a_spring": (
            "vgrf_plus_10", "At 3.3 m/s, by how much (%) does peak vertical force change when the step rate rises "
            "10% (170 → 187 steps/min)?", "%", 100 * (plus["peak_vgrf_bw"] / base["peak_vgrf_bw"] - 1),
            "Shorter steps: less time in the air, a smaller bounce to stop, a lower peak force."),
        "07_training_load": (
            "acwr_150", "Three weeks of 100 AU a day, then one week of 150 AU a day: the rolling ACWR on day 28?", "",
            float(training_load.acwr([100.0] * 21 + [150.0] * 7)["ratio"][27]),
            "The spike week is also a quarter of the chronic average, which damps the ratio (coupling)."),
    }


@cache
def prediction(notebook: str):
    """The predict-then-check of a module (1–7), e.g. ``prediction("03_patellofemoral_load")``."""
    table = _prediction_table()
    if notebook not in table:
        raise KeyError(f"no prediction for {notebook!r}; modules with one: {list(table)}")
    return Prediction(notebook, *table[notebook])


#: What each wrong option of a multiple-choice question misses: (notebook prefix, question id) -> {option: why}.
#: A learner who picks it reads why, not a generic "does not fit" (a test holds every wrong option to one).
WRONG_OPTIONS = {
    ("00", "widgets"): {0: "No re-run needed: the explorer is live, every move redraws it at once.",
                        2: "The same figure changes in place; nothing piles up below it."},
    ("01", "envelope"): {1: "45° is about the most axial rotation in deep flexion, not at full extension.",
                         2: "Near full extension the knee screws home and locks: the rotation left is close to zero."},
    ("01", "articulations"): {1: "The talocrural joint is the ankle; the knee's third joint is the proximal "
                                 "tibiofibular joint.",
                              2: "Those are three joints of the leg; the knee complex is three joints inside the "
                                 "knee."},
    ("02", "patella_lever"): {1: "A shorter lever needs more force for the same moment (force = moment / lever).",
                              2: "The moment is the same, but a shorter lever needs more force to make it."},
    ("02", "knees_over_toes"): {1: "The load moves, it does not vanish: the trunk leans further and the hip moment "
                                   "rises.",
                                2: "The knee's moment falls: the shin stays more upright, so the force line passes "
                                   "closer to the knee."},
    ("03", "units"): {1: "Body weight here is already a force; the mix-up is force versus torque (force × distance).",
                      2: "Stress (force per area) comes later in this module; the claim confuses a torque with a "
                         "force."},
    ("03", "peak"): {1: "In deep flexion the patella sits deepest in the groove; the load peaks because of the "
                        "chain of factors, not a dislocation.",
                     2: "The quadriceps works hardest there: a large moment on a short lever needs a large force."},
    ("04", "q_norms"): {1: "Above 20° counts as large; typical values are in the low to mid teens.",
                        2: "The quadriceps line and the patellar tendon are not in line in anyone: a Q-angle of "
                           "some degrees is normal."},
    ("04", "zero_force"): {1: "Only a part of the quadriceps force pulls sideways, and the model counts only what "
                              "goes beyond the knee's own balance.",
                           2: "At the knee's own balance there is no net pull either way; a medial excess needs a "
                              "smaller working Q or a stronger VMO share."},
    ("04", "facet"): {1: "A lateral pull presses the patella against the lateral facet: that facet loads, the medial "
                         "one unloads.",
                      2: "The groove resists the side pull through the facets, so their shares change."},
    ("05", "overstride"): {1: "A tilt the lumbar spine compensates moves the centre of mass by millimetres; the "
                              "leg's angles move the heel by decimetres.",
                           2: "The arms move the centre of mass a little; the heel's place is set by the leg."},
    ("05", "trunk_vs_pelvis"): {1: "With the trunk upright only the pelvis (14% of the body) turns: millimetres.",
                                2: "The upper body is over half the body's mass and far from the hips: it moves the "
                                   "centre of mass far more."},
    ("06", "cadence_force"): {1: "Shorter steps land closer under the body with less drop: the peak force falls.",
                              2: "Contact time and the landing change with step rate, and so does the peak force."},
    ("06", "energy"): {1: "The ideal spring loses nothing: the energy check above drifts by a part in a million "
                          "or less.",
                       2: "In the model the spring stores and returns the energy; muscles are not part of it."},
    ("07", "coupling"): {1: "RPE is how the load is measured, not why the ratio is coupled.",
                         2: "Rest days count as zero load in both averages; the coupling is the shared week."},
    ("07", "nielsen"): {1: "The study was about how fast weekly distance grew, not the length of one run.",
                        2: "Back-to-back days were not the exposure studied; the change in weekly distance was."},
    ("08", "pain_rule"): {1: "Within 3/10 and settled by the next morning: the tissue tolerated it, so progress.",
                          2: "Regress is for pain above 5/10, or stiffness more than a point above usual the next "
                             "morning."},
    ("08", "pain_rule_2"): {0: "Above 5/10 and worse the next morning: the load was too much, so step back.",
                            1: "Hold is for pain of 4–5/10 that is at most a point above usual by the morning; 6/10 "
                               "and worse the next day is more."},
    ("08", "first_line"): {1: "Stretching alone has far less support than strengthening for patellofemoral pain.",
                           2: "Rest unloads the knee for a while but does not build capacity; exercise therapy does."},
    ("08", "red_flag"): {1: "Marked swelling is a red flag: stop and have it checked.",
                         2: "Stretching does not address swelling; it needs a clinician's look."},
    ("09", "alex_first"): {1: "Tilt moves the centre of mass by millimetres; it does not shorten Alex's reach.",
                           2: "Longer strides reach further ahead and load the knee more per step."},
    ("09", "jo_exercise"): {1: "Tibial rotation drills are plausible but untested for knee pain (opinion).",
                            2: "Calf raises have their place, but the evidence is for hip and knee strengthening "
                               "together."},
}


@cache
def quiz(notebook: str):
    """The questions of one notebook (cached, so the widgets keep their state)."""
    if notebook not in _BUILDERS:
        raise KeyError(f"no self-checks for {notebook!r}; notebooks: {list(_BUILDERS)}")
    questions = tuple(_BUILDERS[notebook](notebook))
    for q in questions:
        if isinstance(q, MultipleChoice):
            q.feedback = {**WRONG_OPTIONS.get((notebook[:2], q.id), {}), **q.feedback}
    for k, q in enumerate(questions):
        if hasattr(q, "handle"):  # the notebook reaches it as quiz[k]: the feedback names that
            q.handle = f"quiz[{k}]"
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):  # the progress store keys answers by id
        raise RuntimeError(f"{notebook}: question ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}")
    return questions


def predictions(notebook: str) -> tuple:
    """The predict-then-check questions of a notebook: ``(prediction(notebook),)``, or ``()`` if it has none."""
    if notebook not in _BUILDERS:
        raise KeyError(f"no self-checks for {notebook!r}; notebooks: {list(_BUILDERS)}")
    return (prediction(notebook),) if notebook in _prediction_table() else ()
