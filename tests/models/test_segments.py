"""Segment tables, anthropometry and centres of mass (models.segments)."""
import pytest

from kneecourse.models.pelvis import standing_parts
from kneecourse.models.segments import center_of_mass, segment_table


def test_two_masses():
    assert center_of_mass([[0.0, 0.0], [0.8, 0.0]], [60.0, 20.0])[0] == pytest.approx(0.2)
    with pytest.raises(ValueError, match="masses"):
        center_of_mass([[0.0, 0.0]], [0.0])
    with pytest.raises(ValueError, match="must match"):
        center_of_mass([[0.0, 0.0], [1.0, 1.0]], [1.0])


@pytest.mark.parametrize("table", ["winter", "deleva"])
def test_mass_fractions_sum_to_one(table):
    seg = segment_table(table)
    total = sum(v["mass_fraction"] * v["sides"] for v in seg.values() if v["whole_body"])
    assert total == pytest.approx(1.0, abs=0.005)
    parts = standing_parts(table=table, mass_kg=70.0)
    assert sum(m for _, m in parts.values()) == pytest.approx(70.0, rel=0.005)
