"""What an article is about, for story grouping: content terms, names and the headline."""

from __future__ import annotations

import pytest

from factcheck.extract.content import content_terms, document_names, headline_text, with_headline
from factcheck.models import DocumentClaims


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Blytheville police investigating two deadly shootings - KAIT Jonesboro, AR - Region 8 News", "Blytheville police investigating two deadly shootings"),
        ("Man shot on Main Street | Fox 59 | Local News", "Man shot on Main Street"),
        ("Quake hits island off Iran", "Quake hits island off Iran"),
        # A first part too short to be a headline keeps the whole title.
        ("Crime - Man shot on Main Street", "Crime - Man shot on Main Street"),
        # A hyphenated word is not a separator.
        ("Drive-by shooting wounds two", "Drive-by shooting wounds two"),
    ],
)
def test_headline_text_drops_the_outlet(title: str, headline: str) -> None:
    assert headline_text(title) == headline


def test_headline_words_and_names_join_the_article_features(nlp) -> None:
    body = nlp("Close Get email notifications on Kim Bell daily! Your notification has been saved.")
    claims = DocumentClaims(path="a.json", terms=content_terms(body), names=document_names(body))
    assert not any(term == "murder" for term, _, _ in claims.terms)
    merged = with_headline(claims, nlp(headline_text("Eureka police retrace final hours before murder-suicide - KSDK")))
    terms = {term: count for term, count, _ in merged.terms}
    names = {key for _, key, _, _ in merged.names}
    assert "retrace" in terms and "ksdk" not in terms
    assert "eureka" in names
    # What the body had is kept, and a word in both counts for both.
    assert {t for t, _, _ in claims.terms} <= set(terms)
    twice = with_headline(merged, nlp("Eureka police retrace final hours"))
    assert dict((t, c) for t, c, _ in twice.terms)["retrace"] == terms["retrace"] + 1
