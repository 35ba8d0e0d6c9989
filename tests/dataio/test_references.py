"""One bibliography, made from data/references.json (io.references)."""
from kneecourse.dataio.references import bibliography, bibtex


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


def test_dois_are_well_formed_and_shown_as_links():
    """No bibliography entry had a DOI or a link."""
    import re

    from kneecourse.dataio.references import bibliography, bibtex, doi_url, references_html

    with_doi = {k: e["doi"] for k, e in bibliography().items() if "doi" in e}
    assert len(with_doi) >= 8
    for key, doi in with_doi.items():
        assert re.fullmatch(r"10\.\d{4,9}/\S+", doi), (key, doi)
        assert doi_url(key) == "https://doi.org/" + doi
        assert f'<a href="https://doi.org/{doi}">doi:{doi}</a>' in references_html([key])
        assert f"doi = {{{doi}}}" in bibtex()
    plain = next(k for k, e in bibliography().items() if "doi" not in e)
    assert doi_url(plain) is None and "<a " not in references_html([plain])
