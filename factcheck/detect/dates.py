"""Date conflicts: the same event placed on different days once relative dates are resolved."""

from __future__ import annotations


from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from ..models import Claim, Finding, TimeRef
from .base import ClaimPair, Detector, DocMeta, StoryClaims, evidence_for, make_finding, register

__all__ = ["DateConflict", "ReportBeforeEvent", "time_relation"]

_COMPARABLE = frozenset({"day", "week", "month", "quarter", "season", "year"})


def time_relation(a: TimeRef, b: TimeRef) -> str:
    """"same", "within" (one range inside the other), "disjoint" or "unknown"."""
    if None in (a.range_start, a.range_end, b.range_start, b.range_end):
        return "unknown"
    if a.granularity not in _COMPARABLE or b.granularity not in _COMPARABLE:
        return "unknown"
    assert a.range_start and a.range_end and b.range_start and b.range_end
    if a.range_end < b.range_start or b.range_end < a.range_start:
        return "disjoint"
    if (a.range_start, a.range_end) == (b.range_start, b.range_end):
        return "same"
    return "within"


def _describe(time: TimeRef) -> str:
    if time.anchor == "dateline" and time.anchored_to and not any(ch.isdigit() for ch in time.text):
        return f"\"{time.text}\" = {time.value} (resolved against the dateline {time.anchored_to.isoformat()})"
    return f"\"{time.text}\" = {time.value}"


def _comparable_claims(pair: ClaimPair) -> bool:
    a, b = pair.a, pair.b
    if a.conditional or b.conditional:
        return False
    # A plan ("will meet on May 3") and a past event are not the same occurrence.
    if (a.tense == "future") != (b.tense == "future"):
        return False
    return a.event.event_class == b.event.event_class


class DateSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_gap_days: int = 1
    """Dates closer than this are taken to agree (1: any different day conflicts)."""
    ignore_events: list[str] = Field(
        default_factory=lambda: ["be", "have", "do", "get", "make", "take", "go", "come", "say", "think", "face", "publish", "update", "post"]
    )
    """Predicates too light to name one event ("was", "faces") and a page's own metadata ("Published Monday")."""


_PEOPLE_AND_PLACES = frozenset({"PERSON", "GPE", "LOC", "FAC"})


def _different_participants(a: Claim, b: Claim) -> bool:
    """Both claims name people or places, and none in common: "Price pleaded guilty Thursday"
    and "Wilson pleaded guilty Monday" are two events."""
    for labels in ({"PERSON"}, {"GPE", "LOC", "FAC"}):
        ka = {e.key for e in a.entities if e.label in labels}
        kb = {e.key for e in b.entities if e.label in labels}
        if ka and kb and not any(x in y or y in x for x in ka for y in kb):
            return True
    return False


def _precise_enough(time: TimeRef) -> bool:
    """Days are compared; coarser periods only when written out ("May 2014"), since a relative
    "two weeks ago" read against two datelines drifts by a week without anyone disagreeing."""
    return time.granularity == "day" or (time.anchor == "absolute" and time.granularity in ("month", "year"))


@register
class DateConflict(Detector):
    """Reports place the same event on different dates.

    Fires:
        A (datelined Saturday, May 16, 2026): "The White House pulled the signing on Thursday."
        B: "The signing was put off on Thursday, May 21."
        "Thursday" resolves to 2026-05-14, which is not 2026-05-21.

    Does not fire:
        A (datelined Wednesday, March 4, 2026): "The bridge reopened on Tuesday."
        B: "The bridge reopened on March 3."
        Both resolve to 2026-03-03.
    """

    code = "DT01"
    name = "dates.conflict"
    kind = "date_conflict"
    groups = ("all", "dates")
    default_severity = "high"
    Settings = DateSettings

    def check_pair(self, pair: ClaimPair) -> Iterable[Finding]:
        a, b = pair.a, pair.b
        if not _comparable_claims(pair) or a.event_time is None or b.event_time is None:
            return
        settings: DateSettings = self.settings  # type: ignore[assignment]
        if a.event.lemma in settings.ignore_events or a.event.event_class in settings.ignore_events:
            return
        ta, tb = a.event_time, b.event_time
        if not (_precise_enough(ta) and _precise_enough(tb)) or _different_participants(a, b):
            return
        if time_relation(ta, tb) != "disjoint":
            return
        assert ta.range_start and tb.range_start
        if abs((ta.range_start - tb.range_start).days) < self.settings.min_gap_days:  # type: ignore[attr-defined]
            return
        message = (
            f"Reports give different dates for \"{a.event.lemma}\": {_describe(ta)} in {a.path}, "
            f"{_describe(tb)} in {b.path}"
        )
        yield make_finding(
            self,
            message,
            [
                evidence_for(a, pair.doc_a, span=(ta.start, ta.end, ta.text), value=ta.value),
                evidence_for(b, pair.doc_b, span=(tb.start, tb.end, tb.text), value=tb.value),
            ],
            [a, b],
            [a.event.event_class, ta.value or "", tb.value or ""],
        )


def _past_without_date(claim: Claim) -> bool:
    return claim.tense == "past" and not claim.conditional and claim.event_time is None


@register
class ReportBeforeEvent(Detector):
    """A report describes as past an event dated after the report was published.

    Fires:
        A (published May 16, 2026): "The White House delayed the signing."
        B: "The White House delayed the signing on Thursday, May 21."
        A could not have reported on May 16 an event dated May 21. It also fires when a
        report's own date for a past event falls after its dateline.

    Does not fire:
        A (published May 22, 2026): "The White House delayed the signing."
        B: "The White House delayed the signing on Thursday, May 21."
    """

    code = "DT02"
    name = "dates.report_before_event"
    kind = "date_conflict"
    groups = ("all", "dates")
    default_severity = "medium"
    scope = "story"

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        dated = [
            (c, story.docs[path])
            for path in sorted(story.claims)
            for c in story.claims[path]
            if c.event_time is not None and c.event_time.range_start is not None and c.tense == "past" and not c.conditional
        ]
        for claim, doc in dated:
            yield from self._own_dateline(claim, doc)
        undated = [
            (c, story.docs[path]) for path in sorted(story.claims) for c in story.claims[path] if _past_without_date(c)
        ]
        by_event: dict[str, list[tuple[Claim, DocMeta]]] = {}
        for claim, doc in undated:
            by_event.setdefault(claim.event.event_class, []).append((claim, doc))
        for other, other_doc in dated:
            for first, first_doc in by_event.get(other.event.event_class, [])[:50]:
                if first.path != other.path and _shares_entity(first, other):
                    yield from self._before(first, first_doc, other, other_doc)

    def _own_dateline(self, claim: Claim, doc: DocMeta) -> Iterable[Finding]:
        when = claim.event_time
        if doc.published is None or when is None or when.range_start is None or when.anchor == "dateline" and not any(
            ch.isdigit() for ch in when.text
        ):
            return
        if when.range_start <= doc.published:
            return
        message = (
            f"{claim.path} (published {doc.published.isoformat()}) reports \"{claim.event.lemma}\" as past "
            f"but dates it {when.value} ({when.text!r}), after its own dateline"
        )
        yield make_finding(
            self,
            message,
            [evidence_for(claim, doc, span=(when.start, when.end, when.text), value=when.value)],
            [claim],
            [claim.event.event_class, doc.published.isoformat(), when.value or ""],
        )

    def _before(self, first: Claim, first_doc: DocMeta, other: Claim, other_doc: DocMeta) -> Iterable[Finding]:
        published, when = first_doc.published, other.event_time
        if published is None or when is None or when.range_start is None or when.range_start <= published:
            return
        message = (
            f"{first.path} (published {published.isoformat()}) reports \"{first.event.lemma}\" as past, "
            f"but {other.path} dates it {when.value} ({when.text!r}), after that"
        )
        yield make_finding(
            self,
            message,
            [
                evidence_for(first, first_doc, value=f"published {published.isoformat()}"),
                evidence_for(other, other_doc, span=(when.start, when.end, when.text), value=when.value),
            ],
            [first, other],
            [first.event.event_class, published.isoformat(), when.value or ""],
        )


def _shares_entity(a: Claim, b: Claim) -> bool:
    return bool({e.key for e in a.entities} & {e.key for e in b.entities})
