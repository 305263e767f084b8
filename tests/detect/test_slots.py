"""Typed slots read from one report: the counts of one kind of person, restatements of a count."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.detect.slots import count_slots, kind_count_slots, restated_beyond
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


_WHOLE = ["people", "person", "victim", "individual", "other", "group"]


def _restated(nlp, text: str) -> int | None:
    article = Article(path="a.txt", text=text, original=text, offset_map=identity_map(text), published=_DAY)
    claims = extract_document(article, nlp(text)).claims
    words = load_lexicon().casualties
    fill = count_slots(claims, _DAY, words=words)["shot"]
    more = restated_beyond(claims, fill, _WHOLE, words=words)
    return more.casualty.count if more is not None else None


_LEDE = "Five people were shot at a vigil on Dunmore Avenue in Harwell on Monday evening, police chief Tom Reyes said. "


@pytest.mark.parametrize(
    ("later", "count"),
    [
        ("The seven victims, shot in their legs and feet, were all expected to survive.", 7),
        # Fewer is a part ("the two victims who died"), never a contradiction.
        ("The two victims, shot in the chest, were taken to Harwell General.", None),
        ("The seven others who were shot were expected to survive.", None),
        # Not a restatement of the report's own group: a tally, a quotation, a kind of person.
        ("The seven victims shot in Harwell this year were all young men.", None),
        ('"The seven victims were shot in their legs," Ana Lowe said.', None),
        ("The seven teens, shot in their legs, were all expected to survive.", None),
    ],
)
def test_restated_beyond_reads_a_later_restatement_of_everyone(nlp, later: str, count: int | None) -> None:
    assert _restated(nlp, _LEDE + later) == count
