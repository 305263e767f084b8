"""Page furniture and clauses that set an event for later."""

from __future__ import annotations

import pytest

from factcheck.extract.framing import is_furniture, is_scheduled, previews
from factcheck.extract.lexicon import load_lexicon

LEXICON = load_lexicon()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Photo: Police tape closes the block. Updated: March 8", True),
        ("(Published Monday, Sept. 19, 2016)", True),
        ("Two people were shot on Elm Street.", False),
        ("Image 23 of 111 Jaelen Charles, right, is comforted by a friend.", True),
        # A list's heading, and a caption's trailing date with weekday and year.
        ("In non-fatal Monday shootings:", True),
        ("No information on victims has been confirmed yet — Jen Zettel (@jenzettel) May 4, 2015", True),
        ("This photo shows the Richland Avenue house where a boy was shot Saturday morning.", True),
        ("The home where two children were hit by gunfire Wednesday night, on Thursday Sept. 1, 2016.", True),
        ("Police said the two shootings were not related: both victims are expected to recover.", False),
        ("The shooting happened on Thursday, police said.", False),
        ("UPDATE, MAY 20: Four persons of interest were arrested.", True),
        ("Police updated the count on Monday.", False),
        # A time stamp is furniture; the page's latest report after "Update:" is read.
        ("UPDATE @ 5:45 a.m.:", True),
        ("Update: 5:30 p.m.", True),
        ("Update: Police arrested a 17-year-old boy in the shooting on the west side Monday.", False),
        # A video player's playlist: a title with the video's length, and the player's controls.
        ("HARWELL POLICE SHOOTING Three Officers Killed in Harwell Ambush | 0:30", True),
        ("Skip in Skip x Embed x Share HARWELL SHOOTING Raw video of the scene", True),
        ("The vote passed 5 | 2 on Tuesday, and the clock read 10:30.", False),
    ],
)
def test_framing_furniture(text: str, expected: bool) -> None:
    assert is_furniture(text, LEXICON) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He is scheduled to appear in court on April 4.", True),
        ("His trial is set for September 18.", True),
        ("The White House put off the signing that had been scheduled for Thursday.", False),
    ],
)
def test_framing_scheduled_clause(nlp, sentence: str, expected: bool) -> None:
    doc = nlp(sentence)
    predicate = doc[:].root
    assert is_scheduled(predicate, LEXICON) is expected


def test_a_line_cut_short_is_a_copy_only_when_the_page_holds_it_in_full() -> None:
    text = "Two people were shot on Dunmore Avenue on Thursday and police are looking for...\n\nThe victims are expected to live."
    assert previews(text) == frozenset()
    # The same words in full elsewhere on the page make the cut line a copy.
    copy = text + "\n\nTwo people were shot on Dunmore Avenue on Thursday and police are looking for a gray sedan."
    assert previews(copy) == frozenset({0})
