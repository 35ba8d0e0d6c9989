"""Numbers as people type them, one rule for the notebook and the site (selfcheck.numbers)."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneecourse.selfcheck.numbers import parse_number, unit_spellings

#: (typed, unit, read as): shared with the browser test, which runs the same table through the site's script
TABLE = [
    ("6.2", "BW", 6.2), ("6,2", "BW", 6.2), ("6.2 BW", "BW", 6.2), ("6,2 bw", "BW", 6.2), ("6.2BW", "BW", 6.2),
    ("6.2 x BW", "BW", 6.2), ("6.2 body weights", "BW", 6.2), ("  7 ", "BW", 7.0), ("−3", "deg", -3.0),
    ("15°", "deg", 15.0), ("15 degrees", "deg", 15.0), ("70 N·m", "N·m", 70.0), ("70 Nm", "N·m", 70.0),
    ("12 %", "%", 12.0), (".5", "", 0.5), ("1e3", "N", 1000.0), ("44 mm", "mm", 44.0),
    ("6.2 MPa", "BW", None), ("6.2 m", "mm", None), ("1,000,000", "N", None), ("1,2.3", "", None),
    ("six", "BW", None), ("", "BW", None), ("BW", "BW", None), ("1e400", "", None), ("nan", "", None),
    ("inf", "", None), ("6..2", "", None), ("--6", "", None),
]


@pytest.mark.parametrize("typed, unit, expected", TABLE)
def test_numbers_as_people_type_them(typed, unit, expected):
    got = parse_number(typed, unit)
    assert got == (pytest.approx(expected) if expected is not None else None), (typed, unit)


def test_a_number_passes_through_and_a_non_finite_one_does_not():
    assert parse_number(6.2) == 6.2 and parse_number(7) == 7.0
    assert parse_number(float("nan")) is None and parse_number(10**400) is None and parse_number(True) is None


def test_spellings_are_longest_first_so_a_longer_one_wins():
    s = unit_spellings("BW")
    assert s == sorted(s, key=lambda x: (-len(x), x)) and "bw" in s and "body weights" in s


@given(st.floats(allow_nan=False, allow_infinity=False, width=32), st.sampled_from(["", "BW", "deg", "N·m", "%"]),
       st.booleans(), st.booleans())
def test_any_number_written_with_or_without_its_unit_reads_back(x, unit, with_unit, comma):
    text = repr(float(x))
    if "e" not in text and comma:
        text = text.replace(".", ",")
    if with_unit and unit:
        text += f" {unit}"
    got = parse_number(text, unit)
    assert got is not None and math.isclose(got, float(x), rel_tol=1e-12, abs_tol=0.0), text
