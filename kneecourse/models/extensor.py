"""The knee extensor mechanism: quadriceps moment arm and force.

The patella holds the quadriceps tendon away from the knee's centre of
rotation, lengthening the quadriceps' moment arm. The effective moment arm
below is the polynomial of van Eijden et al. (1986) [vaneijden1986] as used by
Brechter & Powers (2002) [brechter2002].
"""
from __future__ import annotations

import numpy as np

from ..validation import check_real, scalar_or_array

__all__ = ["EXTENSOR_RANGE_DEG", "quadriceps_moment_arm", "quadriceps_force"]

#: Flexion range (deg) of the moment-arm and force-ratio equations.
EXTENSOR_RANGE_DEG = (0.0, 120.0)

#: Polynomial coefficients (θ³, θ², θ, 1), θ in degrees, result in metres.
_MOMENT_ARM_COEF = (8.0e-8, -1.3e-5, 2.8e-4, 0.046)


def quadriceps_moment_arm(knee_flexion_deg):
    """Effective moment arm of the quadriceps about the knee (m).

    ``r(θ) = 8.0e-8·θ³ − 1.3e-5·θ² + 2.8e-4·θ + 0.046`` with θ the knee
    flexion in degrees [vaneijden1986, brechter2002].

    Parameters
    ----------
    knee_flexion_deg : float or array_like
        0–120°.

    Returns
    -------
    float or numpy.ndarray
        Moment arm, m (0.046 m at full extension).
    """
    theta = check_real(knee_flexion_deg, "knee_flexion_deg", "deg", *EXTENSOR_RANGE_DEG)
    out = np.polyval(_MOMENT_ARM_COEF, theta)
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
    m = check_real(knee_moment_nm, "knee_moment_nm", "N·m", 0, 1000)
    return m / quadriceps_moment_arm(knee_flexion_deg)
