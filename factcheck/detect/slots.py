"""Typed slots of a story's events: what each report says about one fact, ready to compare.

Reports are compared slot by slot, not sentence by sentence: "how many were killed in
the incident", "on which day did the incident happen". Each report fills a slot from its
first statement of that fact (the lede states it; later mentions restate or narrow it),
and only from statements that report the event itself: not page furniture, not plans
or schedules, not conditionals, not parts of a group or tallies of many events.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..extract.lexicon import Lexicon
from ..models import Casualty, Claim, TimeRef

__all__ = ["CountFill", "DateFill", "count_slots", "main_family", "date_slots", "reports_event"]

# A dated event further back than this from its report's dateline is another event
# (last summer's shooting, an earlier case), not the one the story reports.
_OTHER_EVENT_DAYS = 21


@dataclass(frozen=True)
class CountFill:
    claim: Claim
    casualty: Casualty


@dataclass(frozen=True)
class DateFill:
    claim: Claim
    time: TimeRef
    family: str


def reports_event(claim: Claim) -> bool:
    """Whether the claim reports a past or present fact of the story (not a plan, a schedule,
    a conditional, a denial or a caption)."""
    return not (claim.conditional or claim.scheduled or claim.furniture or claim.negated or claim.tense == "future")


def _about_another_event(claim: Claim, published: dt.date | None) -> bool:
    time = claim.event_time
    if published is None or time is None or time.range_end is None:
        return False
    return (published - time.range_end).days > _OTHER_EVENT_DAYS


def count_slots(
    claims: Sequence[Claim], published: dt.date | None
) -> dict[str, CountFill]:
    """Role → the report's first total count for it ("killed" → 2 from "Two people were killed")."""
    slots: dict[str, CountFill] = {}
    for claim in sorted(claims, key=lambda c: c.start):
        if not reports_event(claim) or _about_another_event(claim, published):
            continue
        for casualty in sorted(claim.casualties, key=lambda c: c.start):
            if casualty.scope == "total" and casualty.role not in slots:
                slots[casualty.role] = CountFill(claim, casualty)
    return slots


def _day_time(claim: Claim) -> TimeRef | None:
    time = claim.event_time
    if time is None or time.granularity != "day" or time.range_start is None:
        return None
    return time


def main_family(claims_by_path: Mapping[str, Sequence[Claim]], lexicon: Lexicon) -> str | None:
    """The story's main event (the shooting, the vote, the delay): of the families of event
    classes some report dates to a day, the one the most reports speak of, then the one the
    most reports date. None when no report dates an event."""
    family_of = lexicon.family_of
    dated: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for claims in claims_by_path.values():
        reported = [c for c in claims if reports_event(c)]
        dated.update({family_of.get(c.event.event_class, c.event.event_class) for c in reported if _day_time(c)})
        named.update({family_of.get(c.event.event_class, c.event.event_class) for c in reported})
    if not dated:
        return None
    return max(sorted(dated), key=lambda family: (named[family], dated[family]))


def _names_the_event(claim: Claim, lexicon: Lexicon) -> bool:
    """The clause's own verb is the event ("was shot Saturday"), or says that the event named
    by its subject happened ("the shooting happened Saturday"); "charged in the shooting were
    in court today" dates the hearing, not the shooting."""
    lemma = claim.event.lemma
    return lemma in lexicon.event_class_of or lemma in lexicon.occurrence_verbs


def date_slots(
    claims_by_path: Mapping[str, Sequence[Claim]],
    published: Mapping[str, dt.date | None],
    lexicon: Lexicon,
    *,
    ignore_events: frozenset[str] = frozenset(),
) -> dict[str, DateFill]:
    """Path → the day its report first gives for the story's main event."""
    family = main_family(claims_by_path, lexicon)
    if family is None or family in ignore_events:
        return {}
    slots: dict[str, DateFill] = {}
    for path, claims in claims_by_path.items():
        for claim in sorted(claims, key=lambda c: c.start):
            time = _day_time(claim)
            if time is None or not reports_event(claim) or _about_another_event(claim, published.get(path)):
                continue
            if _names_the_event(claim, lexicon) and lexicon.family_of.get(claim.event.event_class, claim.event.event_class) == family:
                slots[path] = DateFill(claim, time, family)
                break
    return slots
