"""Pure numpy physics in SI units (angles in degrees). No drawing, no widgets."""
from .activities import ACTIVITIES, activity_loads
from .extensor import quadriceps_force, quadriceps_moment_arm
from .leg3d import jcs_rotation, pose_leg
from .patellofemoral import patellofemoral_contact_area, patellofemoral_force, patellofemoral_stress, pfjrf_ratio
from .posture import POSTURES, knee_travel_comparison, posture
from .screw_home import (
    axial_rotation_envelope,
    coupled_tibial_rotation,
    stance_knee_flexion,
    tibial_rotation_demand,
)
from .segments import anthropometry, center_of_mass, segment_table
from .statics import free_body_residual, moment_about, moment_arm, resultant
from .tracking import balanced_vmo_share, effective_q_angle, facet_loading, lateral_patellar_force

__all__ = [name for name in dir() if not name.startswith("_")]
