"""What an article is about, for story grouping: content terms, names and the headline."""

from __future__ import annotations

import pytest

from factcheck.extract.content import content_terms, document_names, headline_text, place_text, with_dateline_place, with_headline
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


@pytest.mark.parametrize(
    ("place", "written"),
    [("SAN ANTONIO", "San Antonio"), ("ST. LOUIS", "St. Louis"), ("PRINCE GEORGE'S CO.", "Prince George's Co."), ("MIAMI-DADE COUNTY", "Miami-Dade County")],
)
def test_place_text_writes_a_dateline_place_as_a_sentence_would(place: str, written: str) -> None:
    assert place_text(place) == written


def test_a_dateline_place_joins_the_article_names_only_when_it_is_a_place(nlp) -> None:
    # "HOUSTON —" is cut from the text with the dateline; the body names only a street.
    body = nlp("A young woman was fatally shot in the head by her husband on Friday night on Dunmore Street.")
    claims = DocumentClaims(path="a.json", terms=content_terms(body), names=document_names(body))
    assert "houston" not in {key for _, key, _, _ in claims.names}
    placed = with_dateline_place(claims, nlp(place_text("HOUSTON")))
    assert ("GPE", "houston") in {(label, key) for label, key, _, _ in placed.names}
    # A label in the place of a dateline ("UPDATE —", "BREAKING —") names nothing.
    assert with_dateline_place(claims, nlp(place_text("UPDATE"))).names == claims.names
    assert with_dateline_place(claims, nlp(place_text("BREAKING"))).names == claims.names

