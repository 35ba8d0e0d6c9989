"""Unit conversions (units)."""
import pytest

import kneecourse as kc
from kneecourse.units import G


def test_body_weight_helper():
    assert kc.to_body_weights(70 * G, 70) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="mass_kg"):
        kc.to_body_weights(100, 0)
