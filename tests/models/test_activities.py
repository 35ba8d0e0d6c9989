"""PF load of everyday activities against the literature (models.activities)."""
from kneecourse.models.activities import activity_loads


def test_activities_against_literature():
    rows = {r["activity"]: r for r in activity_loads(70.0)}
    stairs = rows["stair climbing (step-up, 60°)"]
    # Reilly & Martens 1972: stair climbing 3.3 BW
    assert abs(stairs["pf_force_bw"] - 3.3) < 0.5
    run = rows["running, 3.3 m/s, 170 steps/min"]
    # Lenhart et al. 2015: running PF contact pressure mean 5.0 MPa, peak 9.7 MPa
    assert 3.0 < run["pf_stress_mpa"] < 9.7
    assert run["pf_force_bw"] > stairs["pf_force_bw"]


def test_stair_descent_is_at_least_as_heavy_as_ascent():
    """Descent came out lighter than ascent (1.94 vs 3.15 BW) from a fixed 45°. Built from the stair's own
    geometry (the support knee bends until the lead foot reaches the step below), it is heavier, as measured
    knee moments are (descent 1.05 vs ascent 0.96 N·m/kg, Reid et al. 2007, step over step)."""
    rows = {r["activity"]: r for r in activity_loads(70.0)}
    up, down = rows["stair climbing (step-up, 60°)"], rows["stair descent (step over step)"]
    assert down["knee_moment_nm"] >= up["knee_moment_nm"] and down["pf_force_bw"] >= up["pf_force_bw"]
    # the check, against figures the model was not built from: Reid et al. 2007, descent 1.05 N·m/kg (the model
    # is about a quarter above: a static posture at the lowest point); Costigan et al. 2002, ascent 1.16 ± 0.24
    assert 1.05 <= down["knee_moment_nm"] / 70.0 <= 1.05 * 1.3
    assert abs(up["knee_moment_nm"] / 70.0 - 1.16) <= 0.24
    # deeper flexion late in the support leg's stance than the 45° assumed before
    assert 60.0 <= down["knee_flexion_deg"] <= 80.0
