"""Typed slots read from one report: the counts of one kind of person."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.detect.slots import kind_count_slots
from factcheck.extract.claims import extract_document
from factcheck.extract.lexicon import load_lexicon
from factcheck.ingest.document import Article
from factcheck.ingest.offsets import identity_map

_DAY = dt.date(2016, 5, 30)


def _officer_counts(nlp, text: str) -> dict[str, int]:
    article = Article(path="a.txt", text=text, original=text, offset_map=identity_map(text), published=_DAY)
    claims = extract_document(article, nlp(text)).claims
    slots = kind_count_slots(claims, _DAY, words=load_lexicon().casualties)
    return {role: fill.casualty.count for role, fill in slots.get("officers", {}).items()}


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Two police officers were wounded on Dunmore Avenue in Harwell on Sunday.", {"injured": 2}),
        ("Four deputy constables from Precinct 5 were shot on Dunmore Avenue on Sunday.", {"shot": 4}),
        # Two kinds in one count: "two officers" is half of the officers shot, so none is read.
        ("Two officers and two deputies were shot on Dunmore Avenue in Harwell on Sunday.", {}),
        # A part the words single out.
        ("Two of the officers were wounded on Dunmore Avenue in Harwell on Sunday.", {}),
        ("Fragments of the glass door hit the two officers on Dunmore Avenue on Sunday.", {}),
        ("Two Dunmore County officers were wounded on Dunmore Avenue in Harwell on Sunday.", {}),
        # One officer is as often the first of several.
        ("One officer was shot on Dunmore Avenue in Harwell on Sunday.", {}),
        # More killed than shot: the two shot are a part of those shot.
        ("Three police officers were killed on Dunmore Avenue on Sunday. The gunman shot two officers first.", {"killed": 3}),
    ],
)
def test_kind_count_slots_read_the_whole_kind(nlp, text: str, counts: dict[str, int]) -> None:
    assert _officer_counts(nlp, text) == counts
