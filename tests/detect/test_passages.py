"""Passages: a report that leads with another event and tells the story's event in passing."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.detect.passages import mark_text, passage_on
from factcheck.detect.slots import date_slots
from factcheck.extract.claims import extract_document
from factcheck.extract.lexicon import load_lexicon
from factcheck.ingest.document import Article
from factcheck.ingest.offsets import identity_map

_TOLD = "A 4-year-old boy shot himself late Monday night in the 6200 block of Kessler Road in Detroit, police said."
_DAY = dt.date(2014, 10, 30)


def _passage(nlp, told_text: str, teller_text: str) -> tuple[str, list[str]] | None:
    lexicon = load_lexicon()
    claims, published = {}, {}
    for path, text, day in (("told.txt", told_text, dt.date(2014, 10, 28)), ("teller.txt", teller_text, _DAY)):
        article = Article(path=path, text=text, original=text, offset_map=identity_map(text), published=day)
        claims[path] = extract_document(article, nlp(text)).claims
        published[path] = day
    slots = date_slots(claims, published, lexicon)
    found = passage_on(claims["told.txt"], slots["told.txt"], claims["teller.txt"], slots["teller.txt"], _DAY, lexicon)
    return (found[0].time.value, found[1]) if found is not None else None


def test_a_passage_tied_by_an_age_and_a_block_is_read(nlp) -> None:
    teller = (
        "A 6-year-old boy shot himself in the hand Wednesday night, police said. "
        "On Sunday, a 4-year-old boy was wounded in the leg in the 6200 block of Kessler Road."
    )
    assert _passage(nlp, _TOLD, teller) == ("2014-10-26", ["age:4", "block:6200", "name:kessler road"])


def test_a_town_does_not_tie_a_passage_to_the_event(nlp) -> None:
    # "Detroit" and a 4-year-old: any two shootings of a city may share both.
    teller = "A 6-year-old boy shot himself in the hand Wednesday night, police said. On Sunday, a 4-year-old boy was wounded in the leg in Detroit."
    assert _passage(nlp, _TOLD, teller) is None


@pytest.mark.parametrize(
    ("mark", "text"),
    [("age:4", "a 4-year-old"), ("block:6200", "the 6200 block"), ("name:kessler road", "Kessler Road")],
)
def test_mark_text_names_a_mark_as_a_message_does(mark: str, text: str) -> None:
    assert mark_text(mark) == text
