"""Pure numpy physics in SI units (angles in degrees). No drawing, no widgets.

One module per piece of physics; this package lists the functions and constants
the course uses (``kneecourse`` re-exports them for the notebooks).
"""
from .activities import ACTIVITIES, activity_loads
from .extensor import quadriceps_force, quadriceps_moment_arm
from .leg3d import BONES, jcs_rotation, pose_leg
from .patellofemoral import patellofemoral_contact_area, patellofemoral_force, patellofemoral_stress, pfjrf_ratio
from .pelvis import body_com, contact_pose, standing_parts
from .posture import POSTURES, knee_travel_comparison, posture
from .program import EVIDENCE_GRADES, build_program, exercise_library, pain_rule
from .screw_home import (
    axial_rotation_envelope,
    coupled_tibial_rotation,
    stance_knee_flexion,
    tibial_rotation_demand,
)
from .segments import anthropometry, center_of_mass, segment_table
from .spring_mass import (
    K_REFERENCE,
    KNEE_SHARE,
    STIFFNESS_EXPONENT,
    default_leg_stiffness,
    morin_stiffness,
    run_step,
    slip_stance,
)
from .statics import free_body_residual, moment_about, moment_arm, resultant
from .tracking import balanced_vmo_share, effective_q_angle, facet_loading, lateral_patellar_force
from .training_load import acwr, plan_progression, weekly_change, weekly_totals

__all__ = [
    # module 1: the knee is not a hinge
    "coupled_tibial_rotation", "axial_rotation_envelope", "stance_knee_flexion", "tibial_rotation_demand",
    "pose_leg", "jcs_rotation", "BONES",
    # module 2: levers and torques
    "moment_about", "moment_arm", "resultant", "free_body_residual", "posture", "POSTURES", "knee_travel_comparison",
    # module 3: patellofemoral load
    "quadriceps_moment_arm", "quadriceps_force", "pfjrf_ratio", "patellofemoral_force", "patellofemoral_contact_area",
    "patellofemoral_stress", "activity_loads", "ACTIVITIES",
    # module 4: patellar tracking
    "effective_q_angle", "lateral_patellar_force", "balanced_vmo_share", "facet_loading",
    # module 5: the pelvis and the centre of mass
    "segment_table", "anthropometry", "center_of_mass", "standing_parts", "body_com", "contact_pose",
    # module 6: running as a spring
    "run_step", "slip_stance", "default_leg_stiffness", "morin_stiffness", "K_REFERENCE", "KNEE_SHARE",
    "STIFFNESS_EXPONENT",
    # module 7: training load
    "acwr", "weekly_totals", "weekly_change", "plan_progression",
    # module 8: your program
    "exercise_library", "build_program", "pain_rule", "EVIDENCE_GRADES",
]
