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
