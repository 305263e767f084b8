"""Quoted passages are read from the quotation marks, within a sentence and across sentences."""

from __future__ import annotations

import pytest

from factcheck.extract.attribution import quote_spans


def _quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will find who did this," Reyes said.', ["We will find who did this,"]),
        ("“It was chaos,” Lowe said, “and then it was quiet.”", ["It was chaos,", "and then it was quiet."]),
        # A sentence that opens a quotation and never closes it is quoted from the mark on ...
        ('Reyes said: "The street was empty when we arrived', ["The street was empty when we arrived"]),
        # ... and one that closes a quotation it never opened, from its start to the mark.
        ('They ran toward the gunfire," Reyes said.', ["They ran toward the gunfire,"]),
        # A closed quotation, then one left open: both.
        ('"Stay inside," police said, and Lowe added: "We are still', ["Stay inside,", "We are still"]),
        ("No quotation here, only the suspect's car.", []),
        ("", []),
    ],
)
def test_quoted_passages(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


def test_offsets_move_with_the_sentence() -> None:
    text = '"Stay inside," police said.'
    assert quote_spans(text, 100) == ((101, 113),)
