"""Pure numpy physics in SI units (angles in degrees). No drawing, no widgets.

One module per piece of physics; this package lists the functions and constants
the course uses (``kneecourse`` re-exports them for the notebooks).
"""
from .activities import ACTIVITIES, activity_loads
from .extensor import quadriceps_force, quadriceps_moment_arm
from .leg3d import BONES, jcs_rotation, pose_leg
from .patellofemoral import (
    patellofemoral_contact_area,
    patellofemoral_force,
    patellofemoral_loading,
    patellofemoral_stress,
    pfjrf_ratio,
)
from .pelvis import body_com, contact_pose, pelvic_tilt_pose, standing_parts, thigh_angle_for_overstride
from .posture import POSTURES, descent_knee_flexion, knee_travel_comparison, posture
from .program import build_program, pain_rule
from .running_step import KNEE_SHARE, run_step, running_knee_load
from .screw_home import (
    axial_rotation_envelope,
    coupled_tibial_rotation,
    stance_knee_flexion,
    stance_rotation_demand,
    tibial_rotation_demand,
)
from .segments import anthropometry, center_of_mass, segment_table
from .spring_mass import (
    K_REFERENCE,
    STIFFNESS_EXPONENT,
    default_leg_stiffness,
    morin_stiffness,
    preferred_step_rate,
    slip_stance,
    spring_step,
)
from .statics import force_on_lever, free_body_residual, moment_about, moment_arm, resultant
from .tracking import balanced_vmo_share, effective_q_angle, facet_loading, lateral_patellar_force, patellar_tracking
from .training_load import acwr, plan_progression, spike_scenario, weekly_change, weekly_totals

__all__ = [
    # module 1: the knee is not a hinge
    "coupled_tibial_rotation", "axial_rotation_envelope", "stance_knee_flexion", "tibial_rotation_demand",
    "stance_rotation_demand",
    "pose_leg", "jcs_rotation", "BONES",
    # module 2: levers and torques
    "moment_about", "moment_arm", "resultant", "free_body_residual", "force_on_lever", "posture", "POSTURES",
    "descent_knee_flexion",
    "knee_travel_comparison",
    # module 3: patellofemoral load
    "quadriceps_moment_arm", "quadriceps_force", "pfjrf_ratio", "patellofemoral_force", "patellofemoral_contact_area",
    "patellofemoral_stress", "patellofemoral_loading", "activity_loads", "ACTIVITIES",
    # module 4: patellar tracking
    "effective_q_angle", "lateral_patellar_force", "balanced_vmo_share", "facet_loading", "patellar_tracking",
    # module 5: the pelvis and the centre of mass
    "segment_table", "anthropometry", "center_of_mass", "standing_parts", "body_com", "pelvic_tilt_pose",
    "contact_pose", "thigh_angle_for_overstride",
    # module 6: running as a spring
    "run_step", "spring_step", "running_knee_load", "slip_stance", "default_leg_stiffness", "morin_stiffness",
    "preferred_step_rate", "K_REFERENCE", "KNEE_SHARE",
    "STIFFNESS_EXPONENT",
    # module 7: training load
    "acwr", "weekly_totals", "weekly_change", "plan_progression", "spike_scenario",
    # module 8: your program
    "build_program", "pain_rule",
]
