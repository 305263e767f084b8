"""Values and sources as a reader writes them (factcheck/wording.py)."""

from __future__ import annotations

import pytest

from factcheck.models import Attribution, Quantity
from factcheck.wording import counted, plural, show_count, show_quantity, show_quote, show_source


def _q(text: str, kind: str, unit: str, low: float, high: float | None = None, **extra) -> Quantity:
    return Quantity(text=text, start=0, end=len(text), kind=kind, unit=unit, low=low, high=low if high is None else high, **extra)


@pytest.mark.parametrize(
    ("quantity", "shown"),
    [
        # Durations in the unit the article wrote.
        (_q("three-hour", "duration", "day", 0.125), "3 hours"),
        (_q("4 hours", "duration", "day", 1 / 6), "4 hours"),
        (_q("30 to 45 days", "duration", "day", 30, 45, bound="range"), "30–45 days"),
        (_q("two weeks to three months", "duration", "day", 14, 90, bound="range"), "14–90 days"),
        (_q("three months", "duration", "day", 90, approximate=True), "3 months"),
        (_q("about three months", "duration", "day", 90, approximate=True), "about 3 months"),
        (_q("a year", "duration", "day", 365, approximate=True), "1 year"),
        # Bounds read "at least" / "up to", never "~≥".
        (_q("less than a year", "duration", "day", 365, bound="at_most", approximate=True), "up to 1 year"),
        (_q("more than seven years", "duration", "day", 2555, bound="at_least", approximate=True), "at least 7 years"),
        # No unit written: the most natural one.
        (_q("x", "duration", "day", 1 / 24), "1 hour"),
        (_q("x", "duration", "day", 14), "2 weeks"),
        # Money with its currency sign.
        (_q("$250", "money", "USD", 250), "$250"),
        (_q("$38 million", "money", "USD", 38e6), "$38 million"),
        (_q("2.4 million euros", "money", "EUR", 2.4e6), "€2.4 million"),
        (_q("1,000 francs", "money", "CHF", 1000), "1,000 CHF"),
        # Counts with the noun in the right number.
        (_q("about 1,200", "count", "count", 1200, approximate=True, subject="unit"), "about 1,200 units"),
        (_q("four", "count", "count", 4, subject="other"), "4 others"),
        (_q("three", "count", "count", 3, subject="man"), "3 men"),
        (_q("one", "count", "count", 1, subject="man"), "1 man"),
        (_q("four", "count", "count", 4, subject="injure"), "4 injured"),
        (_q("at least 40", "count", "count", 40, bound="at_least", subject="people"), "at least 40 people"),
        (_q("1,450", "count", "count", 1450, subject="number"), "1,450"),
        (_q("10 percent", "percent", "percent", 10), "10%"),
        (_q("5 miles", "measure", "mile", 5), "5 miles"),
        (_q("12 ft", "measure", "ft", 12), "12 ft"),
    ],
)
def test_wording_quantity_as_a_reader_writes_it(quantity: Quantity, shown: str) -> None:
    assert show_quantity(quantity) == shown


def test_wording_count_noun_given_by_the_claim() -> None:
    assert show_quantity(_q("1,450", "count", "count", 1450, subject="number"), noun="unit") == "1,450 units"


@pytest.mark.parametrize(
    ("noun", "plural_form"),
    [("man", "men"), ("city", "cities"), ("witness", "witnesses"), ("day", "days"), ("rental unit", "rental units")],
)
def test_wording_plural(noun: str, plural_form: str) -> None:
    assert plural(noun) == plural_form


def test_wording_counted_and_show_count() -> None:
    assert (counted(1, "claim"), counted(1450, "claim")) == ("1 claim", "1,450 claims")
    assert (show_count(3, "man"), show_count(4, "injure"), show_count(2, "")) == ("3 men", "4 injured", "2")


def test_wording_quote_loses_the_comma_that_led_into_the_verb() -> None:
    assert show_quote("The bridge is safe, and it is ready for traffic,") == "“The bridge is safe, and it is ready for traffic”"


@pytest.mark.parametrize(
    ("attribution", "sentence", "shown"),
    [
        (
            Attribution(speaker="Elena Marsh", speaker_type="person", cue="say", setting="interview"),
            "National Cyber Director Elena Marsh said in an interview that the center would run the tests.",
            "Elena Marsh, in an interview",
        ),
        (
            Attribution(speaker="Marsh", speaker_type="person", cue="say", setting="session"),
            "Marsh told lawmakers after the session that the tests would go ahead.",
            "Marsh, after the session",
        ),
        (
            Attribution(speaker="Marsh", speaker_type="person", cue="say", setting="briefing"),
            "",
            "Marsh, in a briefing",
        ),
        (
            Attribution(speaker="one of the officials", speaker_type="anonymous", cue="according to"),
            "Participation is voluntary, according to one of the officials, who was not authorized to speak.",
            "one of the officials",
        ),
        (
            Attribution(speaker="summary circulated to lawmakers", speaker_type="anonymous", cue="according to"),
            "The order requires labs to share models, according to a summary circulated to lawmakers.",
            "a summary circulated to lawmakers",
        ),
        (
            Attribution(speaker="Nadia Kessler", speaker_type="organization", cue="deny"),
            "Brightwell spokesperson Nadia Kessler denied that the office had ordered the recall.",
            "Nadia Kessler (denied)",
        ),
        (Attribution(), "The council voted.", "the article"),
    ],
)
def test_wording_source_reads_after_per(attribution: Attribution, sentence: str, shown: str) -> None:
    assert show_source(attribution, sentence) == shown
