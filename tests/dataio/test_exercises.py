"""The exercise library: every exercise checked on reading, a damaged entry named (dataio.exercises)."""
import pytest

from kneecourse.dataio.exercises import exercise_library, validate_library
from kneecourse.dataio.tables import TableError

from ..conftest import ROOT


def test_library_schema_and_reference_exercises():
    lib = exercise_library()
    validate_library({"exercises": lib})
    ids = {e["id"] for e in lib}
    # every exercise named in the runner's-knee articles (REFERENCES.md)
    for needed in ("tibial_rotation_seated", "forward_step_up", "glute_bridge", "lateral_leg_lift",
                   "hamstring_bridge_roller", "door_frame_isometric", "wall_calf_strides", "breathing_90_90",
                   "hip_switch_90_90", "hip_ir_breathing", "standing_hip_foot_rotation", "high_knees_overhead"):
        assert needed in ids
    for e in lib:
        assert (ROOT / "notebooks" / e["notebook"]).exists(), f"{e['id']} links to a missing notebook"


@pytest.mark.parametrize("mutate, msg", [
    (lambda e: e.pop("dosage"), "missing field"),
    (lambda e: e.update(evidence_grade="great"), "evidence_grade"),
    (lambda e: e.update(equipment=["trampoline"]), "equipment"),
    (lambda e: e.update(minutes=0), "minutes"),
    (lambda e: e.update(cues=[1, 2]), "cues"),
])
def test_library_validation_rejects(mutate, msg):
    lib = exercise_library()
    mutate(lib[0])
    with pytest.raises(TableError, match=msg):
        validate_library({"exercises": lib})


def test_strong_grade_belongs_to_the_programme_not_to_single_exercises():
    # Crossley 2016 / Willy 2019: strong evidence for combined hip + knee exercise therapy in treating
    # patellofemoral pain — the programme, not each exercise, and not prevention
    from kneecourse.models.program import PROGRAMME_EVIDENCE  # the grade's home: the programme

    lib = exercise_library()
    assert not [e["id"] for e in lib if e["evidence_grade"] == "strong"]
    core = {e["id"] for e in lib if e["pfp_core"]}
    assert {"forward_step_up", "wall_squat", "lateral_leg_lift", "glute_bridge"} <= core
    assert PROGRAMME_EVIDENCE["pfp_rehab"][0] == "strong" and PROGRAMME_EVIDENCE["prevention"][0] != "strong"
    # mechanism claims are not sold as fact: pain improves without kinematic change
    lateral = next(e for e in lib if e["id"] == "lateral_leg_lift")
    assert "not supported" in lateral["targets"]
    bad = exercise_library()
    bad[0]["evidence_grade"] = "strong"
    with pytest.raises(TableError, match="programme"):
        validate_library({"exercises": bad})
