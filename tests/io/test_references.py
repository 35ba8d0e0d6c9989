"""One bibliography, made from data/references.json (io.references)."""
from kneecourse.io.references import bibliography, bibtex


def test_bibtex_is_the_json_bibliography_and_parses():
    from pybtex.database import parse_string

    db = parse_string(bibtex(), "bibtex")
    refs = bibliography()
    assert sorted(db.entries) == sorted(refs)
    walker = db.entries["walker1988"]
    assert [str(p) for p in walker.persons["author"]] == ["Walker, P. S.", "Rovick, J. S.", "Robertson, D. D."]
    assert [str(p) for p in db.entries["deleva1996"].persons["author"]] == ["de Leva, P."]
    assert str(db.entries["willy2019"].persons["author"][-1]) == "others"  # "et al."
    assert walker.fields["year"] == "1988" and walker.fields["howpublished"] == refs["walker1988"]["venue"]
