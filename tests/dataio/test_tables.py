import pytest

from kneecourse.dataio.tables import SCHEMAS, TableError, load_json, load_table, parse_table

from ..conftest import ROOT

SEG = SCHEMAS["segments_winter2009.csv"]


def test_every_shipped_table_loads():
    for name in SCHEMAS:
        t = load_table(name)
        assert len(t) >= 2


def test_winter_table_values_and_units():
    # Winter 2009 Table 4.1 (Dempster): thigh 0.100, shank 0.0465, foot 0.0145 of body mass
    t = load_table("segments_winter2009.csv")
    rows = {r["segment"]: r for r in t.rows()}
    assert rows["thigh"]["mass_fraction"] == 0.100
    assert rows["shank"]["com_from_proximal"] == 0.433
    assert rows["foot"]["mass_fraction"] == 0.0145
    assert t.units["mass_fraction"] == "1"
    whole = t["mass_fraction"] * t["sides"] * t["whole_body"]
    assert abs(whole.sum() - 1.0) <= 0.005


def test_deleva_table_sums_to_one():
    t = load_table("segments_deleva1996.csv")
    whole = t["mass_fraction"] * t["sides"] * t["whole_body"]
    assert abs(whole.sum() - 1.0) <= 0.005


def test_drillis_landmarks():
    # Drillis & Contini 1966 (Winter Fig. 4.1): hip 0.530 H, knee 0.285 H, ankle 0.039 H
    t = load_table("body_proportions_drillis_contini.csv")
    d = dict(zip(t["name"], t["fraction_of_height"]))
    assert (d["hip"], d["knee"], d["ankle"]) == (0.530, 0.285, 0.039)
    assert d["thigh"] == pytest.approx(d["hip"] - d["knee"], abs=0.001)


GOOD = (ROOT / "data" / "segments_winter2009.csv").read_text()


@pytest.mark.parametrize("mutate, where", [
    (lambda s: s.replace("mass_fraction [1]", "mass_fraction [kg]"), "row 1, column 'mass_fraction'"),
    (lambda s: s.replace("thigh,greater trochanter,femoral condyles,0.100", "thigh,greater trochanter,femoral "
                                                                            "condyles,abc"),
     "row 7, column 'mass_fraction': 'abc' is not a number"),
    (lambda s: s.replace("medial malleolus,0.0465", "medial malleolus,1.5"),
     "row 8, column 'mass_fraction': 1.5"),
    (lambda s: s.replace("foot,lateral malleolus,head metatarsal II,0.0145,0.50,0.475,2,1", "foot,lateral malleolus"),
     "row 9: 2 cells, expected 8"),
    (lambda s: s.replace("thigh,greater trochanter,femoral condyles,0.100", "thigh,greater trochanter,femoral "
                                                                            "condyles,0.120"),
     "sum to 1.0400"),
    (lambda s: s.replace("segment,proximal", "part,proximal"), "row 1 (header)"),
    (lambda s: s.replace(",0.081,1.000,0.495,1,1", ",,1.000,0.495,1,1"), "row 2, column 'mass_fraction': empty cell"),
    (lambda s: s.replace(",0.081,1.000,0.495,1,1", ",nan,1.000,0.495,1,1"), "row 2, column 'mass_fraction'"),
])
def test_malformed_table_names_file_row_and_column(mutate, where):
    with pytest.raises(TableError) as e:
        parse_table(mutate(GOOD), "segments_winter2009.csv", *SCHEMAS["segments_winter2009.csv"])
    assert "segments_winter2009.csv" in str(e.value)
    assert where in str(e.value)


def test_non_increasing_angles_rejected():
    cols, checks = SCHEMAS["screw_home_walker1988.csv"]
    text = "knee_flexion [deg],tibial_internal_rotation [deg]\n0,0\n20,6.3\n10,3.4\n"
    with pytest.raises(TableError, match="row 4, column 'knee_flexion'"):
        parse_table(text, "screw_home_walker1988.csv", cols, checks)


def test_unknown_table_and_empty():
    with pytest.raises(ValueError, match="unknown table"):
        load_table("nope.csv")
    with pytest.raises(TableError, match="empty"):
        parse_table("", "x.csv", *SCHEMAS["pf_activities.csv"])


def test_json_files_load():
    assert "walker1988" in load_json("references.json")
    assert load_json("exercises.json")["exercises"]
