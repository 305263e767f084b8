"""Passages: where a report that leads with another event tells the story's event in passing.

A follow-up often leads with its own event and recalls an earlier one in a line or two ("A
father was arraigned Thursday after his 6-year-old son shot himself ... On Monday, a 4-year-old
boy was wounded in the leg after he found his mother's handgun"). Its lead then says nothing of
the event another report leads with; the passage does. What ties a passage to that event are
its marks: a victim's age, a street block, the name of a person, a street or a building. A
town's name is not one: it ties any two shootings of a city.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..extract.lexicon import Lexicon
from ..models import Claim
from .slots import DateFill, reported_days, reports_event

__all__ = ["mark_text", "passage_on"]

_AGE = re.compile(r"\b(\d{1,3})[- ]year[- ]old\b", re.I)
_BLOCK = re.compile(r"\b(\d{2,5}) block\b", re.I)
# Entity labels whose names mark one event: people, streets and buildings, not towns (GPE).
_MARK_LABELS = frozenset({"PERSON", "LOC", "FAC"})


def _marks(claims: Sequence[Claim]) -> set[str]:
    """The ages, street blocks and names of people and places the sentences give, as
    "age:4", "block:6200", "name:<entity key>"; a speaker's name marks nothing."""
    marks: set[str] = set()
    for claim in claims:
        marks.update(f"age:{m}" for m in _AGE.findall(claim.sentence))
        marks.update(f"block:{m}" for m in _BLOCK.findall(claim.sentence))
        marks.update(f"name:{e.key}" for e in claim.entities if e.label in _MARK_LABELS and e.text != claim.attribution.speaker)
    return marks


def _mark_words(mark: str) -> str:
    """How a mark reads in lower-cased text: "age:6" → "6-year-old", "block:6200" → "6200 block"."""
    kind, value = mark.split(":", 1)
    return {"age": f"{value}-year-old", "block": f"{value} block"}.get(kind, value)


def mark_text(mark: str) -> str:
    """How a message names a mark: "age:4" → "a 4-year-old", "block:6200" → "the 6200 block",
    "name:ana lowe" → "Ana Lowe"."""
    kind, value = mark.split(":", 1)
    return {"age": f"a {value}-year-old", "block": f"the {value} block"}.get(kind, value.title())


def passage_on(
    told: Sequence[Claim],
    told_lead: DateFill,
    teller: Sequence[Claim],
    lead: DateFill,
    published: dt.date | None,
    lexicon: Lexicon,
) -> tuple[DateFill, list[str]] | None:
    """The day a report (`teller`) gives, in passing, to the event another report (`told`)
    leads with (`told_lead`), when the teller leads with another event (`lead`), and the
    marks that tie the passage to the told event.

    The passage is a sentence dating an event of the told lead's family on another day than
    the teller's lead, which with the sentence after it shares two marks with the told lead's
    sentence and the sentences on either side of it: one shared age alone ties any two
    shootings, and a mark further on in the told report may be of another event it tells ("In
    the shooting the day before, officers found Larry Lynch"). None when no sentence, or more
    than one, is so tied; when the teller's lead shares a mark with the told lead; or when the
    teller's lead has no mark the told report does not give (a 6-year-old against a
    4-year-old): a lead with none may be the told event misdated, and the passage the
    report's own restatement of it."""
    told_marks = _marks([c for c in _around(told, told_lead.claim) if reports_event(c)])
    lead_marks = _marks([lead.claim])
    told_text = " ".join(sorted({c.sentence.lower() for c in told}))
    if lead_marks & told_marks or not any(_mark_words(mark) not in told_text for mark in lead_marks):
        return None
    ordered = sorted(teller, key=lambda c: c.start)
    found: dict[int, tuple[DateFill, list[str]]] = {}
    for fill in reported_days(teller, published, lexicon):
        sentence = fill.claim.sentence_start
        if fill.family != told_lead.family or fill.follows or sentence in found or sentence == lead.claim.sentence_start:
            continue
        if fill.time.range_start == lead.time.range_start:
            continue
        window = [c for c in _around(ordered, fill.claim, before=0) if not c.furniture]
        shared = sorted(_marks(window) & told_marks)
        if len(shared) >= 2:
            found[sentence] = (fill, shared)
    return next(iter(found.values())) if len(found) == 1 else None


def _around(claims: Sequence[Claim], claim: Claim, before: int = 1, after: int = 1) -> list[Claim]:
    """The claims of the sentence of `claim` and of the `before` and `after` sentences beside it."""
    starts = sorted({c.sentence_start for c in claims})
    at = starts.index(claim.sentence_start)
    near = set(starts[max(0, at - before) : at + after + 1])
    return [c for c in claims if c.sentence_start in near]
