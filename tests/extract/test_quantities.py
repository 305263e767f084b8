"""Tests for factcheck.extract.quantities (parsing, extraction, the skip rules) and quantity comparison."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from factcheck.errors import RulePackError
from factcheck.detect.quantity_compare import agree, contains, overlaps, relation
from factcheck.extract.quantities import UNBOUNDED, load_quantity_lexicon, parse_number, quantities
from factcheck.models import Quantity

# --------------------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14", 14),
        ("40,000", 40_000),
        ("1.5 million", 1_500_000),
        ("forty-five", 45),
        ("forty five", 45),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three", 3),
        ("half", 0.5),
        ("half a million", 500_000),
        ("one and a half", 1.5),
        ("two hundred and five", 205),
        ("a million", 1_000_000),
        ("$1.2 billion", 1_200_000_000),
        ("€5bn", 5_000_000_000),
        ("$12m", 12_000_000),
        ("50k", 50_000),
        ("forty-five thousand", 45_000),
        ("0.5", 0.5),
    ],
)
def test_quantities_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "abc", "21st", "third", "1990s", "a", "and", "12m", "one of", "5/16"])
def test_quantities_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


# --------------------------------------------------------------------------- extraction


def _one(nlp, text: str) -> Quantity:
    found = quantities(nlp(text))
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "approximate"),
    [
        ("The agency has between 14 and 90 days to respond.", "between 14 and 90 days", 14, 90, False),
        ("The agency has 14 to 90 days to respond.", "14 to 90 days", 14, 90, False),
        ("The agency has 14-90 days to respond.", "14-90 days", 14, 90, False),
        ("The agency has from 14 to 90 days to respond.", "from 14 to 90 days", 14, 90, False),
        ("Officials have two weeks to three months to decide.", "two weeks to three months", 14, 90, True),
        ("Owners get thirty to forty-five days to comply.", "thirty to forty-five days", 30, 45, False),
        ("Owners get 30 to 60 days to comply.", "30 to 60 days", 30, 60, False),
        ("He will serve nine to 20 years in prison.", "nine to 20 years", 9 * 365, 20 * 365, True),
    ],
)
def test_quantities_duration_ranges(nlp, text: str, span: str, low: float, high: float, approximate: bool) -> None:
    q = _one(nlp, text)
    assert (q.text, q.kind, q.unit, q.bound) == (span, "duration", "day", "range")
    assert (q.low, q.high, q.approximate) == (pytest.approx(low), pytest.approx(high), approximate)
    assert text[q.start : q.end] == span


@pytest.mark.parametrize(
    ("text", "span", "days", "approximate"),
    [
        ("The review takes a week.", "a week", 7, False),
        ("The review takes 90 days.", "90 days", 90, False),
        ("The review takes three months.", "three months", 90, True),
        ("The review takes a year.", "a year", 365, True),
        # A month is 30 days, so twelve of them are 360: approximate, compared with a tolerance.
        ("The review takes 12 months.", "12 months", 360, True),
        ("The road was closed for three hours.", "three hours", 3 / 24, False),
        ("It offers a 90-day window.", "90-day", 90, False),
    ],
)
def test_quantities_durations(nlp, text: str, span: str, days: float, approximate: bool) -> None:
    q = _one(nlp, text)
    assert (q.text, q.kind, q.unit, q.bound, q.approximate) == (span, "duration", "day", "exact", approximate)
    assert q.low == q.high == pytest.approx(days)


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "approximate", "bound", "subject"),
    [
        ("Roughly 40,000 fled the city.", "Roughly 40,000", 40_000, 40_000, True, "exact", "flee"),
        ("About 40,000 people fled the city.", "About 40,000", 40_000, 40_000, True, "exact", "people"),
        ("Nearly 200 homes burned.", "Nearly 200", 200, 200, True, "exact", "home"),
        ("An estimated 300 people marched.", "An estimated 300", 300, 300, True, "exact", "people"),
        ("More than 100 homes burned.", "More than 100", 100, UNBOUNDED, False, "at_least", "home"),
        ("At least 40 dead were counted.", "At least 40", 40, UNBOUNDED, False, "at_least", "dead"),
        ("Fewer than 10 people came.", "Fewer than 10", 0, 10, False, "at_most", "people"),
        ("As many as 90 people were hurt.", "As many as 90", 0, 90, False, "at_most", "people"),
        ("Officials have up to 90 days to decide.", "up to 90 days", 0, 90, False, "at_most", "day"),
        ("They found 100 or more shell casings.", "100 or more", 100, UNBOUNDED, False, "at_least", "casing"),
        # A starting price is the floor of a range of models.
        ("The basic model starts at 2,199 dollars.", "starts at 2,199 dollars", 2_199, UNBOUNDED, False, "at_least", "start"),
    ],
)
def test_quantities_approximation_and_bounds(nlp, text, span, low, high, approximate, bound, subject) -> None:
    q = _one(nlp, text)
    assert (q.text, q.low, q.high, q.approximate, q.bound, q.subject) == (span, low, high, approximate, bound, subject)


@pytest.mark.parametrize(
    ("text", "span", "amount", "currency", "subject"),
    [
        ("He faces a $12 million fine.", "$12 million", 12e6, "USD", "fine"),
        ("The city paid 12 million dollars.", "12 million dollars", 12e6, "USD", "pay"),
        ("The regulator imposed a €5bn penalty.", "€5bn", 5e9, "EUR", "penalty"),
        ("The plan costs $1.2 billion.", "$1.2 billion", 1.2e9, "USD", "cost"),
        ("A judge set $50,000 bail.", "$50,000", 50_000, "USD", "bail"),
        ("Bail was set at $50,000.", "$50,000", 50_000, "USD", "bail"),
        ("The club paid £3.5m for him.", "£3.5m", 3.5e6, "GBP", "pay"),
    ],
)
def test_quantities_money(nlp, text: str, span: str, amount: float, currency: str, subject: str) -> None:
    q = _one(nlp, text)
    assert (q.text, q.kind, q.unit, q.subject) == (span, "money", currency, subject)
    assert q.low == q.high == pytest.approx(amount)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # A figure per season, day or year is a rate: compared only with rates of the same period.
        ("The team offered a deal worth $184 million or $23 million per season.", ["USD", "USD/season"]),
        ("The fine is $500 a day, and the total reached $20,000.", ["USD/day", "USD"]),
        ("He earns $90,000 annually.", ["USD/year"]),
        # "a" before anything but a period opens a noun phrase, not a rate.
        ("The council approved $4 million for a new school.", ["USD"]),
    ],
)
def test_quantities_rates_carry_their_period(nlp, text: str, units: list[str]) -> None:
    assert [q.unit for q in quantities(nlp(text)) if q.kind == "money"] == units



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five people were killed.", [("Five", 5, "people")]),
        ("Police said 3 dead and 4 injured.", [("3", 3, "dead"), ("4", 4, "injure")]),
        ("A dozen homes burned.", [("A dozen", 12, "home")]),
        ("The death toll rose to 12.", [("12", 12, "toll")]),
        ("The gunman killed five officers.", [("five", 5, "officer")]),
        ("One person was killed and one injured.", [("One", 1, "person"), ("one", 1, "injure")]),
        ("Two 17-year-olds were hurt.", [("Two", 2, "old")]),
        ("Two killed in county crash", [("Two", 2, "kill")]),
        ("Four victims, ages 18, 19 and 20, were there.", [("Four", 4, "victim")]),
        # The whole hyphened noun, though the parser takes "co" for it.
        ("She shot three co-workers.", [("three", 3, "worker")]),
        # The noun "of" hangs the figure on, not the verb of the clause.
        ("A quake with a magnitude of 4.6 was recorded.", [("4.6", 4.6, "magnitude")]),
        # A bare number after a preposition counts nothing the verb does (nine arrivals).
        ("Police arrived at about 9 and found the boats.", [("about 9", 9, None)]),
    ],
)
def test_quantities_counts(nlp, text: str, expected: list[tuple[str, float, str]]) -> None:
    found = quantities(nlp(text))
    assert [(q.text, q.low, q.subject) for q in found] == expected
    assert all(q.kind == "count" and q.unit == "count" and q.bound == "exact" for q in found)


@pytest.mark.parametrize(
    "text", ["Support fell to 40 percent.", "Support fell to 40%.", "Support fell to 40 per cent."]
)
def test_quantities_percent(nlp, text: str) -> None:
    q = _one(nlp, text)
    assert (q.kind, q.unit, q.low, q.high) == ("percent", "percent", 40, 40)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # A comparative measures the noun it modifies: two such figures compare only when it is one.
        ("The new screen has a 60% greater color gamut.", "gamut"),
        ("The pad has a 39 percent larger tracking area.", "area"),
    ],
)
def test_quantities_percent_of_a_comparative(nlp, text: str, subject: str) -> None:
    assert _one(nlp, text).subject == subject


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("The storm moved 5.5 km inland.", "km", 5.5),
        ("The fire spread over 1,200 acres.", "acre", 1_200),
        ("He is about 6 feet tall.", "ft", 6),
        ("He had a 9mm handgun.", "mm", 9),
        ("They bought a 4,200-square-foot house.", "sq ft", 4_200),
        # Units written in capitals are units, not names ("near 8 Mile").
        ("The chip runs at 2.3 GHz.", "GHz", 2.3),
        ("It ships with 8 GB of memory.", "GB", 8),
    ],
)
def test_quantities_measures(nlp, text: str, unit: str, value: float) -> None:
    q = _one(nlp, text)
    assert (q.kind, q.unit, q.low) == ("measure", unit, value)


@pytest.mark.parametrize(
    "text",
    [
        # years
        "The law passed in 2026.",
        "He starred in the 2014 season.",
        "The 2014-15 season was long.",
        # dates and their day numbers
        "The vote is on May 21.",
        "The vote was on 5/16/2026.",
        "The vote was on Jan. 14.",
        "The vote was on 21 May.",
        "The vote was on 2026-05-16.",
        # times of day
        "It happened at 10:30.",
        "It happened at 2:21AM.",
        "It happened at 7 p.m.",
        # ages
        "21-year-old Andy was hurt.",
        "Davis, 19, was hurt.",
        "A man aged 46 was hurt.",
        "A 46-year old man was hurt.",
        "The victim, 19 years old, was hurt.",
        "The victims, ages 18, 19 and 20, were there.",
        "Age: 24 Condition: stable",
        # phone numbers
        "Call 555-123-4567 with tips.",
        "Call (317) 555-0100 with tips.",
        # identifiers and codes
        "Order 14110 was signed.",
        "It is case No. 2024-CV-113.",
        "They drove on Route 66.",
        "They drove on Highway 101.",
        "They drove on I-65.",
        "It happened in Indianapolis, IN 46204.",
        "It happened at 8509 Rixlew Ln.",
        "It happened at 6740 N. Clark St.",
        "It happened in the 1200 block of Main.",
        "He called 911.",
        "Section 5 applies.",
        "It was rated 4 out of 5.",
        "Image 2 of 12",
        "WAVE 3 News reported it.",
        "She was taken to Regional One Health.",
        "They met near 3200 South.",
        "Police searched the 400 and 700 blocks.",
        "Call 911 now.",
        "They lived near 8 Mile.",
        "All of them were in their 20's.",
        "The victims, 22, 25 and 31, were charged.",
        "The 20-year-old woman and her 2-month-old son were hurt.",
        # ordinals
        "He finished third.",
        "It was the 21st time.",
        # "one" as a pronoun
        "One of the victims spoke.",
        "No one was hurt.",
        "One said it was loud.",
        "They helped one another.",
        # scores and votes
        "The Colts won 24-17.",
        "It passed in a 5-4 vote.",
        # rates and words that are not numbers
        "It happens once a week.",
        "He is a second cousin.",
        # a number hyphened to a noun of kind names the thing, and a bare number reached
        # through a preposition counts nothing the verb does
        "They sell the 11 - inch and 13 - inch models.",
        "He grew up in a three-bedroom house.",
        # a number standing for people named before, and a duration that is a point in time
        "The two met in a parking garage.",
        "Police questioned those three at the station.",
        "The plant opened 12 years ago.",
        "Nobody can say what the council will need ten years from now.",
    ],
)
def test_quantities_skips_non_quantities(nlp, text: str) -> None:
    assert quantities(nlp(text)) == []


def test_quantities_offsets_sorted_and_disjoint(nlp) -> None:
    text = "At least 40 dead, up to 90 days, $12 million, and 3 dead and 4 injured on May 21, 2026 at 10:30."
    found = quantities(nlp(text))
    assert [q.text for q in found] == ["At least 40", "up to 90 days", "$12 million", "3", "4"]
    for q in found:
        assert text[q.start : q.end] == q.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_quantities_modifier_words_are_not_shared(nlp) -> None:
    found = quantities(nlp("They found 5 or more than 10 casings."))
    assert [(q.text, q.bound) for q in found] == [("5 or more", "at_least"), ("10", "exact")]
    assert found[0].end <= found[1].start


def test_quantities_change_is_two_figures(nlp) -> None:
    found = quantities(nlp("The toll climbed from 12 to 14 on Monday."))
    assert [(q.low, q.high, q.bound, q.subject) for q in found] == [
        (12, 12, "exact", "toll"),
        (14, 14, "exact", "toll"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "kind", "unit"),
    [
        ("It costs $5 million to $10 million.", "$5 million to $10 million", 5e6, 10e6, "money", "USD"),
        ("It costs between $1 and $2 million.", "between $1 and $2 million", 1e6, 2e6, "money", "USD"),
        ("It serves 10 to 12 million people.", "10 to 12 million", 10e6, 12e6, "count", "count"),
        ("Between 500,000 and 1 million people marched.", "Between 500,000 and 1 million", 5e5, 1e6, "count", "count"),
        ("It paid USD 5 million.", "USD 5 million", 5e6, 5e6, "money", "USD"),
        ("It imposed a two-week delay.", "two-week", 14, 14, "duration", "day"),
        ("He started 46 of 48 games.", "46", 46, 46, "count", "count"),
    ],
)
def test_quantities_ranges_and_multipliers(
    nlp, text: str, span: str, low: float, high: float, kind: str, unit: str
) -> None:
    q = quantities(nlp(text))[0]
    assert (q.text, q.low, q.high, q.kind, q.unit) == (span, low, high, kind, unit)


def test_quantities_open_bound_is_json_safe(nlp) -> None:
    q = _one(nlp, "More than 100 homes burned.")
    dumped = q.model_dump_json()
    assert math.isfinite(json.loads(dumped)["high"])
    assert Quantity.model_validate_json(dumped) == q


def test_quantities_extra_rule_dirs(nlp, tmp_path) -> None:
    (tmp_path / "quantities.toml").write_text('[units]\nfurlong = { kind = "measure", unit = "furlong", factor = 1 }\n')
    q = quantities(nlp("The horse ran 6 furlongs."), extra_rule_dirs=[tmp_path])
    assert [(x.kind, x.unit, x.low) for x in q] == [("measure", "furlong", 6)]


def test_quantities_bad_rule_pack(tmp_path) -> None:
    (tmp_path / "quantities.toml").write_text(
        '[units]\nfurlong = { kind = "distance", unit = "furlong", factor = 1 }\n'
    )
    with pytest.raises(RulePackError, match="quantities.toml"):
        load_quantity_lexicon([tmp_path])


# --------------------------------------------------------------------------- comparison


def _q(
    low: float,
    high: float | None = None,
    *,
    unit: str = "count",
    kind: str = "count",
    approximate: bool = False,
    bound: str | None = None,
) -> Quantity:
    high = low if high is None else high
    if bound is None:
        bound = "exact" if low == high else "range"
    if bound == "at_least":
        high = UNBOUNDED
    return Quantity(
        text="x", start=0, end=1, kind=kind, unit=unit, low=low, high=high, approximate=approximate, bound=bound
    )  # type: ignore[arg-type]


WINDOW = _q(14, 90, unit="day", kind="duration")
WINDOW_APPROX = _q(14, 90, unit="day", kind="duration", approximate=True)
NARROW = _q(30, 60, unit="day", kind="duration")
UP_TO_90 = _q(0, 90, unit="day", kind="duration", bound="at_most")


@pytest.mark.parametrize(
    ("a", "b", "expected_relation", "expected_agree"),
    [
        (WINDOW, WINDOW_APPROX, "equal", True),
        (WINDOW, NARROW, "within", False),
        (_q(40_000, approximate=True), _q(41_000), "equal", True),
        (_q(40_000, approximate=True), _q(45_000), "disjoint", False),
        (_q(40, bound="at_least"), _q(45), "within", True),
        (_q(40, bound="at_least"), _q(38), "disjoint", False),
        (_q(12), _q(12), "equal", True),
        (_q(5), _q(7), "disjoint", False),
        (UP_TO_90, NARROW, "within", True),
        (_q(0, 90, bound="at_most"), _q(45), "within", True),
        (_q(12, unit="USD", kind="money"), _q(12), "unrelated", False),
        (_q(10, 20), _q(15, 30), "overlap", False),
        (_q(10, 20, approximate=True), _q(19, 30), "overlap", False),
        (_q(20, approximate=True), _q(21, 30), "overlap", True),
        (_q(10, 20), _q(15), "within", True),
        (
            _q(360, unit="day", kind="duration", approximate=True),
            _q(365, unit="day", kind="duration", approximate=True),
            "equal",
            True,
        ),
    ],
)
def test_quantities_relation_and_agree(a: Quantity, b: Quantity, expected_relation: str, expected_agree: bool) -> None:
    assert relation(a, b) == expected_relation
    assert relation(b, a) == expected_relation
    assert agree(a, b) is expected_agree
    assert agree(b, a) is expected_agree


def test_quantities_contains_tells_direction() -> None:
    assert contains(UP_TO_90, NARROW) and not contains(NARROW, UP_TO_90)
    assert contains(WINDOW, NARROW) and not contains(NARROW, WINDOW)
    assert overlaps(WINDOW, NARROW) and not overlaps(_q(5), _q(7))


def test_quantities_agree_on_extracted_text(nlp) -> None:
    (window,) = quantities(nlp("Owners have between 14 and 90 days to comply."))
    (approx,) = quantities(nlp("Owners have two weeks to three months to comply."))
    (narrow,) = quantities(nlp("Owners have 30 to 60 days to comply."))
    assert agree(window, approx)
    assert not agree(window, narrow)


# --------------------------------------------------------------------------- real news (shared data)

_NOT_QUANTITY = re.compile(
    r"\d{3}-\d{4}|\d:\d\d|year-old|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d"
)


@pytest.mark.shared_data
def test_quantities_gva_sample(nlp, shared_data: Path) -> None:
    """On every 70th GVA article and every 30th of those about two or more deaths (their first
    3,000 characters): no phone, time, age or date is taken for a quantity, and the gold death
    toll is among the counts of most of the articles about several deaths."""
    articles_path = shared_data / "gva" / "articles.jsonl"
    incidents_path = shared_data / "gva" / "incidents.jsonl"
    if not articles_path.is_file() or not incidents_path.is_file():
        pytest.skip(f"GVA data not found under {shared_data / 'gva'}")
    with incidents_path.open(encoding="utf-8") as handle:
        killed = {rec["incident_id"]: int(rec.get("num_killed") or 0) for rec in map(json.loads, handle)}
    with articles_path.open(encoding="utf-8") as handle:
        everything = [json.loads(line) for line in handle]
    several = [a for a in everything if killed.get(a["incident_id"], 0) >= 2][::30]
    articles = everything[::70] + [a for a in several if a not in everything[::70]]
    wrong: list[str] = []
    found = stated = 0
    for article, doc in zip(articles, nlp.pipe(a["text"][:3000] for a in articles)):
        found_here = quantities(doc)
        wrong += [q.text for q in found_here if _NOT_QUANTITY.search(q.text)]
        toll = killed.get(article["incident_id"], 0)
        if toll >= 2:
            stated += 1
            found += any(q.kind == "count" and q.low <= toll <= q.high for q in found_here)
    assert wrong == []
    assert stated >= 10
    assert found / stated >= 0.6, f"gold death toll among counts in {found}/{stated} articles"


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        ("They drove on I-65 to exit 12.", ["I-65"]),
        ("It happened in Indianapolis, IN 46204.", ["IN 46204"]),
        ("It is case No. 2024-CV-113.", ["2024-CV-113"]),
        ("Call (317) 555-0100 with tips.", ["(317) 555-0100"]),
        ("The vote was on 5/16/2026, at 8509 Rixlew Ln.", ["5/16/2026", "8509 Rixlew Ln."]),
        ("Four of the 12 victims were hurt.", []),
    ],
)
def test_quantities_blocked_stretches(nlp, text: str, blocked: list[str]) -> None:
    """Phone numbers, digit dates, codes and addresses: their tokens are never read as figures,
    whether they open with a digit, a parenthesis or a capital."""
    from factcheck.extract.quantities.filters import _blocked_tokens
    from factcheck.extract.quantities.grammar import _grammar

    doc = nlp(text)
    tokens = _blocked_tokens(doc, _grammar(load_quantity_lexicon()))
    spans = [doc.char_span(text.index(s), text.index(s) + len(s), alignment_mode="expand") for s in blocked]
    expected = {token.i for span in spans for token in span}
    assert tokens == expected
