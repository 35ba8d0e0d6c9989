"""The knee extensor mechanism: quadriceps moment arm and force.

The patella holds the quadriceps tendon away from the knee's centre of
rotation, lengthening the quadriceps' moment arm. The effective moment arm
below is the polynomial of van Eijden et al. (1986) [vaneijden1986] as used by
Brechter & Powers (2002) [brechter2002].

The cubic has a minimum of 2.4 cm at 96° and turns upward beyond it (3.1 cm
at 120°), an artefact of the polynomial: measured moment arms keep falling or
level off in deep flexion. The curve is therefore used as published up to its
minimum, :data:`MOMENT_ARM_HOLD_DEG`, and **held at that value** from there to
120° (a plateau, the conservative choice: a shorter arm would mean more
quadriceps force).
"""
from __future__ import annotations

import numpy as np

from ..validation import check_real, scalar_or_array

__all__ = ["EXTENSOR_RANGE_DEG", "EXTENSOR_MOMENT_TOP_NM", "MOMENT_ARM_HOLD_DEG", "quadriceps_moment_arm",
           "quadriceps_force"]

#: Flexion range (deg) of the moment-arm and force-ratio equations.
EXTENSOR_RANGE_DEG = (0.0, 120.0)
#: The largest net knee extensor moment the extensor and patellofemoral models take, N·m.
EXTENSOR_MOMENT_TOP_NM = 1000.0

#: Polynomial coefficients (θ³, θ², θ, 1), θ in degrees, result in metres.
_MOMENT_ARM_COEF = (8.0e-8, -1.3e-5, 2.8e-4, 0.046)
#: Flexion (deg) of the cubic's minimum (≈ 96.2°), where r'(θ) = 3a·θ² + 2b·θ + c = 0 (the larger root);
#: beyond it the moment arm is held.
MOMENT_ARM_HOLD_DEG = float(max(np.roots(np.polyder(_MOMENT_ARM_COEF)).real))


def quadriceps_moment_arm(knee_flexion_deg):
    """Effective moment arm of the quadriceps about the knee (m).

    ``r(θ) = 8.0e-8·θ³ − 1.3e-5·θ² + 2.8e-4·θ + 0.046`` with θ the knee
    flexion in degrees [vaneijden1986, brechter2002], up to its minimum at
    96° (2.4 cm); held at that value from 96° to 120° (see the module notes).

    Parameters
    ----------
    knee_flexion_deg : float or array_like
        0–120°.

    Returns
    -------
    float or numpy.ndarray
        Moment arm, m (0.046 m at full extension, 0.0239 m from 96° on).
    """
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", *EXTENSOR_RANGE_DEG)
    out = np.polyval(_MOMENT_ARM_COEF, np.minimum(theta, MOMENT_ARM_HOLD_DEG))
    return scalar_or_array(out)


def quadriceps_force(knee_moment_nm, knee_flexion_deg):
    """Quadriceps force (N) needed to produce a knee extensor moment.

    ``F_q = M_knee / r(θ)``.

    Parameters
    ----------
    knee_moment_nm : float or array_like
        Net knee extensor moment, 0–1000 N·m.
    knee_flexion_deg : float or array_like
        0–120° (broadcast with the moment).

    Returns
    -------
    float or numpy.ndarray
        Quadriceps force, N.
    """
    m = check_real(knee_moment_nm, "knee_moment_nm", "N·m", 0, EXTENSOR_MOMENT_TOP_NM)
    return m / quadriceps_moment_arm(knee_flexion_deg)
