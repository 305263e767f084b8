"""What a quantity measures, so that only figures for the same thing are compared."""

from __future__ import annotations

import math

from ..extract.lexicon import Lexicon
from ..models import Claim, Quantity
from ..wording import show_quantity
from .similarity import stem

__all__ = ["measure_key", "quantity_key", "counted_noun", "is_reading", "shown_quantity", "orders_apart", "how_long_it_lasted"]


# Heads that name a tally rather than what is tallied ("the number of units rose to 1,450").
_TALLY_WORDS = frozenset({"number", "count", "total", "tally", "figure", "toll", "amount"})
_PEOPLE_WORDS = frozenset(
    {"people", "person", "man", "woman", "child", "resident", "victim", "other", "student", "teen", "adult", "officer"}
)
# Counted nouns that share a lemma with an event but count something else ("15 stab wounds").
_NOT_PEOPLE = frozenset({"wound", "shot", "shooting", "round", "bullet", "time", "injury", "gunshot"})


def measure_key(claim: Claim, quantity: Quantity, lexicon: Lexicon, *, loose: bool = False) -> tuple[str, ...] | None:
    """A key naming what is measured: kind, unit, and the event or counted thing.

    Counts of people are keyed by what happened to them ("5 dead" and "five people were
    killed" are both counts of `kill`); amounts by their subject. With `loose`, windows
    are keyed by unit alone (the caller checks the claims share their content), and a
    tally word ("the number of units") takes the counted noun from the claim.
    """
    classes = lexicon.event_class_of
    event = claim.event.event_class
    subject = (quantity.subject or "").lower()
    if quantity.kind == "count":
        if subject in _TALLY_WORDS or (not subject and loose):
            subject = _tallied_noun(claim, subject) or ""
        if not subject or subject in _NOT_PEOPLE:
            return None
        if subject in classes:
            return ("count", classes[subject])
        if subject in _PEOPLE_WORDS:
            # "killed six people", "injured two others": people counted by what happened to them.
            return ("count", event) if event in classes.values() else None
        return ("count", stem(subject)) if loose else ("count", event, subject)
    if quantity.kind == "duration":
        return ("duration",) if loose else ("duration", event)
    if quantity.kind == "money":
        return ("money", quantity.unit, event, classes.get(subject, subject))
    return (quantity.kind, quantity.unit, event, classes.get(subject, subject))


def _tallied_noun(claim: Claim, tally: str) -> str | None:
    """"the number of short-term rental units has risen": the plural noun after "of"."""
    words = claim.text.lower().split()
    for i, word in enumerate(words[:-2]):
        if (word == tally or not tally) and word in _TALLY_WORDS and words[i + 1] == "of":
            for candidate in words[i + 2 : i + 6]:
                candidate = candidate.strip(".,;:")
                if candidate.endswith("s") and len(candidate) > 3:
                    return candidate[:-1]
    return None


def _number(value: float) -> str:
    if math.isinf(value):
        return "∞"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def quantity_key(quantity: Quantity) -> str:
    """The quantity in common units, for comparing and fingerprinting, never for readers:
    "14..90 day", "~40,000 count", "≥100 count", "12,000,000 USD"."""
    prefix = "~" if quantity.approximate else ""
    if quantity.bound == "at_least":
        body = f"≥{_number(quantity.low)}"
    elif quantity.bound == "at_most":
        body = f"≤{_number(quantity.high)}"
    elif quantity.low != quantity.high:
        body = f"{_number(quantity.low)}..{_number(quantity.high)}"
    else:
        body = _number(quantity.low)
    unit = quantity.unit if quantity.unit != "count" else (quantity.subject or "count")
    return f"{prefix}{body} {unit}"


def counted_noun(claim: Claim, quantity: Quantity) -> str:
    """What a count counts: its subject, or the noun a tally word stands for ("the number of
    units has risen to 1,450" counts units); empty when the claim does not say."""
    subject = (quantity.subject or "").lower()
    if subject in _TALLY_WORDS or not subject:
        return _tallied_noun(claim, subject) or ""
    return subject


def is_reading(quantity: Quantity) -> bool:
    """Whether a figure reads a scale rather than counting its noun: a count with a fraction
    ("a 6.1-magnitude quake" is no count of magnitudes)."""
    return quantity.kind == "count" and not (float(quantity.low).is_integer() and float(quantity.high).is_integer())


def shown_quantity(claim: Claim, quantity: Quantity) -> str:
    """The quantity as a reader writes it, counting what the claim counts ("1,450 units"); a
    reading of a scale as its bare figure ("6.1")."""
    if is_reading(quantity):
        return show_quantity(quantity, noun="")
    noun = counted_noun(claim, quantity) if quantity.kind == "count" else None
    return show_quantity(quantity, noun=noun)


# A span followed by these words is counted from an event ("30 days after the vote").
_FROM_EVENT = ("before", "after", "from", "following", "prior to", "ahead of")


def is_window(claim: Claim, quantity: Quantity) -> bool:
    """A span of time that reports give as a window: a range or bound ("30 to 45 days",
    "within 30 days") or a span counted from an event ("14 days before launch"). A single span
    that describes someone ("a 16-year veteran", "volunteered for 15 years") is not one."""
    offset = quantity.end - claim.sentence_start
    after = claim.sentence[max(0, offset) : max(0, offset) + 24].lower().lstrip()
    # "about 20 minutes after midnight" is a time of day, not a span counted from an event.
    if after.startswith(_FROM_EVENT) and [w.strip(".,;:") for w in after.split()[1:2]] in (["midnight"], ["noon"]):
        return False
    return quantity.bound != "exact" or after.startswith(_FROM_EVENT)


# Which way a span counted from an event runs: "30 days after passage" and "30 days following
# the vote" run forward, "14 days before launch" and "ahead of launch" run back.
_FORWARD = ("after", "from", "following")


def window_direction(claim: Claim, quantity: Quantity) -> str | None:
    """ "before" or "after" for a span counted from an event ("14 days before launch"), None
    for a window that is not counted from one ("within 30 days", "30 to 45 days")."""
    offset = quantity.end - claim.sentence_start
    after = claim.sentence[max(0, offset) : max(0, offset) + 14].lower().lstrip()
    for word in _FROM_EVENT:
        if after.startswith(word):
            return "after" if word in _FORWARD else "before"
    return None


def how_long_it_lasted(claim: Claim, quantity: Quantity) -> bool:
    """Whether the span is how long something went on ("the shooting went on for three to five
    minutes", "lasted 20 minutes"), not a window counted from or given for an event."""
    offset = quantity.start - claim.sentence_start
    before = claim.sentence[max(0, offset - 24) : max(0, offset)].lower().split()
    return bool(before) and (before[-1] in ("for", "lasted", "lasting") or before[-2:-1] == ["lasted"])


def orders_apart(a: tuple[float, float], b: tuple[float, float], ratio: float) -> bool:
    """Whether two figures (each a `(low, high)` range) are at least `ratio` times apart at
    their nearest ends: "676 RBIs" in a career against 43 in a season, "seven years" of a
    contract against a 15-day window. Reports of one fact rarely differ tenfold; figures that
    do measure different scopes (another event, a wider tally) more often than they clash."""
    (a_low, a_high), (b_low, b_high) = a, b
    if ratio <= 1:
        return False
    # An upper bound ("less than two years": 0..730 days) is far below a figure its top end
    # is far below; a low end of 0 only says nothing about how far above the other it lies.
    return (a_high > 0 and b_low / a_high >= ratio) or (b_high > 0 and a_low / b_high >= ratio)
