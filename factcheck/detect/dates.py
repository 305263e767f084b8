"""Date conflicts: the same event placed on different days once relative dates are resolved."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from ..extract.lexicon import Lexicon
from ..extract.time import TimeLexicon, normalize_time, weekday_reading
from ..models import Claim, Evidence, Finding, Severity, TimeRef
from .base import Detector, DocMeta, StoryClaims, evidence_for, make_finding, register
from .identity import other_people, other_places
from .passages import mark_text, passage_on
from .slots import DateFill, date_slots, family_events, reports_event, weekday_days, weekday_slips

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


class DateSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_gap_days: int = 1
    """Dates closer than this are taken to agree (1: any different day conflicts)."""
    max_gap_days: int = 14
    """Dates further apart than this are two events, not one event dated twice: reports of
    one event disagree by a day or a weekday, not by months (0: no limit)."""
    ignore_events: list[str] = Field(
        default_factory=lambda: ["be", "have", "do", "get", "make", "take", "go", "come", "say", "think", "face", "publish", "update", "post"]
    )
    """Predicates too light to name one event ("was", "faces") and a page's own metadata ("Published Monday")."""
    slip_days: int = 1
    """Reports of one event that misdate it slip by this many days (a night across midnight,
    the weekday before), or by whole weeks (a weekday resolved against another week's
    dateline); dates apart by other gaps (3 days, 10 days) are reported at `distant_severity`
    unless the two sentences name someone or somewhere (not a town) in common: on real news
    such findings were other events or misread dates (none of the 11 read by hand in
    `benchmarks/audits/` was one event dated twice)."""
    distant_severity: Severity = "low"
    in_passing_severity: Severity = "medium"
    """Severity when a report that leads with another event tells the other report's event in
    passing, tied to it by two marks (a victim's age, a street block, a person's name), and
    dates it to another day ("On Sunday, a 4-year-old boy was wounded ... in the 6200 block of
    Minock" / "her 4-year-old son shot himself late Monday night ... in the 6200 block")."""
    other_place_severity: Severity = "low"
    """Severity when the two sentences name places and neither report names any place of the
    other's sentence ("in the Fernwood neighborhood" / "in the Brighton Park neighborhood"):
    likely two events of one weekend, not one event dated twice."""
    other_people_severity: Severity = "low"
    """Severity when both sentences name someone besides their speaker and neither report names
    anyone of the other's sentence ("Scalia was found dead Saturday" / "Barbara Hawthorne was
    among six people killed on Feb. 20"): likely two events, or another story on the page."""
    weekday_severity: Severity = "medium"
    """Severity when reports agree on a date but one writes a weekday that does not fall on
    it ("Saturday, April 7" when April 7 was a Sunday) and the other gives the date's own
    weekday: one report contradicts itself, and its weekday contradicts the other report."""
    follows_severity: Severity = "low"
    """Severity when a report dates only what followed the event ("was hospitalized Thursday
    after a shooting") and the other report's day is before it: the event may well have come
    the day before. (A day after what followed is reported as any other clash.)"""
    both_days_severity: Severity = "low"
    """Severity when a report also dates an event of the kind on the other report's day
    ("Five people were shot at a vigil Monday" / "The vigil was for her son, who was killed
    Sunday ... gunshots rang out Monday"): the reports lead with different events of one kind,
    or one report gives both days; either way not one event dated twice by two newsrooms."""
    evolving_events: list[str] = Field(default_factory=lambda: ["arrest", "charge"])
    """Event families that come once per person ("the second suspect was arrested Thursday",
    "the fourth suspect was arrested Wednesday"): when a story's main event is one of them,
    different days are reported at `evolving_severity`."""
    evolving_severity: Severity = "low"
    late_dateline_severity: Severity = "low"
    """Severity when the later date is a relative one ("Sunday", "today") that an earlier
    dateline would resolve to the other report's day, and no third report gives that later
    day: pages often carry the date they were updated or archived, not the date they were
    written, so a dateline runs late far more often than a newsroom mistakes the weekday."""


@register
class DateConflict(Detector):
    """Reports place the story's main event on different dates.

    Fires:
        A (datelined Saturday, May 16, 2026): "The White House pulled the signing on Thursday."
        B: "The signing was put off on Thursday, May 21."
        "Thursday" resolves to 2026-05-14, which is not 2026-05-21.

    Does not fire:
        A (datelined Wednesday, March 4, 2026): "The bridge reopened on Tuesday."
        B: "The bridge reopened on March 3."
        Both resolve to 2026-03-03. Nor does an arraignment on Monday against a shooting on
        Saturday: only the day each report gives for the story's main event (the family of
        events most reports date) is compared, from the report's first statement of it.
    """

    code = "DT01"
    name = "dates.conflict"
    kind = "date_conflict"
    groups = ("all", "dates")
    default_severity = "high"
    Settings = DateSettings
    scope = "story"
    one_value_per_report = True

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        settings: DateSettings = self.settings  # type: ignore[assignment]
        published = {path: meta.published for path, meta in story.docs.items()}
        ignored = frozenset(settings.ignore_events)
        slots = date_slots(story.claims, published, self.lexicon, ignore_events=ignored)
        slips = {path: weekday_slips(story.claims[path], published[path], self.lexicon) for path in story.claims}
        compared: set[tuple[str, str]] = set()
        paths = sorted(slots)
        for i, path_a in enumerate(paths):
            for path_b in paths[i + 1 :]:
                a, b = slots[path_a], slots[path_b]
                ta, tb = a.time, b.time
                if time_relation(ta, tb) != "disjoint":
                    found = _weekday_fill(a, b) or _weekday_slip(a, b, slips[path_a], slips[path_b])
                    if found is not None:
                        compared.add((path_a, path_b))
                        yield self._weekday_against_date(*found, story)
                    continue
                compared.add((path_a, path_b))
                assert ta.range_start and tb.range_start
                gap = abs((ta.range_start - tb.range_start).days)
                if gap < settings.min_gap_days or (settings.max_gap_days and gap > settings.max_gap_days):
                    continue
                if _across_midnight(a, b):
                    continue
                in_passing = self._told_in_passing(a, b, story)
                if in_passing is not None:
                    yield from in_passing
                    continue
                message = (
                    f"Reports give different dates for the {self._name(a.family)} (\"{a.lemma}\" / \"{b.lemma}\"): "
                    f"{_describe(ta)} in {a.claim.path}, {_describe(tb)} in {b.claim.path}"
                )
                severity = None
                later, earlier = (a, b) if ta.range_start > tb.range_start else (b, a)
                assert earlier.time.range_start
                # A third report with the later day corroborates it, unless a late dateline
                # explains its day too (pages of one outlet updated days after the writing).
                corroborated = any(
                    path not in (path_a, path_b)
                    and fill.time.range_start == later.time.range_start
                    and not _late_dateline(fill.time, earlier.time.range_start, self.time_lexicon)
                    for path, fill in slots.items()
                )
                late_by = 0 if corroborated else _late_dateline(later.time, earlier.time.range_start, self.time_lexicon)
                if (bounded := _before_what_followed(a, b)) is not None:
                    severity = settings.follows_severity
                    message += (
                        f"; {bounded.claim.path} dates only what followed it (\"{_aftermath_words(bounded)}\"), "
                        f"so the event may have come before that day"
                    )
                elif a.family in settings.evolving_events:
                    severity = settings.evolving_severity
                    message += f"; each {self._name(a.family)} may be another person's, on a day of its own"
                elif (places := other_places(a.claim, b.claim, story.claims[path_a], story.claims[path_b])) is not None:
                    severity = settings.other_place_severity
                    message += f"; the sentences name different places ({places[0]} / {places[1]}), so they may date different events"
                elif (people := other_people(a.claim, b.claim, story.claims[path_a], story.claims[path_b])) is not None:
                    severity = settings.other_people_severity
                    message += f"; the sentences name different people ({people[0]} / {people[1]}), so they may date different events"
                elif (both := _gives_the_other_day(a, b, story, published, self.lexicon)) is not None:
                    severity = settings.both_days_severity
                    message += f"; {both} also dates an event of this kind on the other report's day, so they may lead with different events"
                elif gap > settings.slip_days and gap % 7 and not _shares_entity(a.claim, b.claim):
                    severity = settings.distant_severity
                    message += (
                        f"; {gap} days apart, more than reports of one event slip by, so they may date "
                        f"different events"
                    )
                elif late_by:
                    severity = settings.late_dateline_severity
                    message += (
                        f"; a dateline on {later.claim.path} {late_by} day{'s' if late_by > 1 else ''} late "
                        f"would explain it"
                    )
                yield make_finding(
                    self,
                    message,
                    [_date_evidence(a, story), _date_evidence(b, story)],
                    [a.claim, b.claim],
                    [a.family, ta.value or "", tb.value or ""],
                    severity=severity,
                )
        yield from self._slips_against_any_day(story, slips, compared)

    def _told_in_passing(self, a: DateFill, b: DateFill, story: StoryClaims) -> list[Finding] | None:
        """When one report leads with another event and tells the other report's in passing
        (see `passage_on`), the day it gives there, not its lead's, is compared: no finding
        when it is the other report's day, one at `in_passing_severity` when it is not. None
        when neither report tells the other's event in passing."""
        settings: DateSettings = self.settings  # type: ignore[assignment]
        for told, teller in ((a, b), (b, a)):
            path, teller_path = told.claim.path, teller.claim.path
            found = passage_on(
                story.claims[path], told, story.claims[teller_path], teller, story.docs[teller_path].published, self.lexicon
            )
            if found is None:
                continue
            passage, marks = found
            if passage.time.range_start == told.time.range_start or time_relation(passage.time, told.time) != "disjoint":
                return []
            assert passage.time.range_start and told.time.range_start
            if settings.max_gap_days and abs((passage.time.range_start - told.time.range_start).days) > settings.max_gap_days:
                continue
            ties = ", ".join(mark_text(mark) for mark in marks)
            message = (
                f"Reports give different dates for the {self._name(told.family)}: {_describe(told.time)} in {path}, "
                f"{_describe(passage.time)} in {teller_path}, which leads with another event ({_describe(teller.time)}) "
                f"and tells this one in passing (tied by {ties})"
            )
            first, second = (told, passage) if told is a else (passage, told)
            return [
                make_finding(
                    self,
                    message,
                    [_date_evidence(f, story) for f in (first, second)],
                    [first.claim, second.claim],
                    [told.family, first.time.value or "", second.time.value or ""],
                    severity=settings.in_passing_severity,
                )
            ]
        return None

    def _slips_against_any_day(
        self, story: StoryClaims, slips: dict[str, list[DateFill]], compared: set[tuple[str, str]]
    ) -> Iterable[Finding]:
        """A weekday that is not its date's ("died just before midnight Wednesday, January 14",
        a death after a shooting), against a report not compared on the main event's day (it
        dates none of the main event) that names the date's own weekday for an event of the
        same family ("the shooting that occurred Thursday night", Thursday being January 14):
        the two reports call one day by different weekdays."""
        if not any(slips.values()):
            return
        published = {path: meta.published for path, meta in story.docs.items()}
        weekdays = self.time_lexicon.weekdays
        days = {path: weekday_days(story.claims[path], published[path], self.lexicon, weekdays) for path in story.claims}
        paths = sorted(story.claims)
        for i, path_a in enumerate(paths):
            for path_b in paths[i + 1 :]:
                if (path_a, path_b) in compared:
                    continue
                found = _slip_on_a_named_day(slips[path_a], days[path_b]) or _slip_on_a_named_day(slips[path_b], days[path_a])
                if found is not None:
                    yield self._weekday_against_date(*found, story)

    def _name(self, family: str) -> str:
        """The event as messages name it ("death" for the class "die")."""
        return self.lexicon.event_names.get(family, family.replace("_", " "))

    def _weekday_against_date(self, odd: DateFill, other: DateFill, reading: dt.date, story: StoryClaims) -> Finding:
        """Reports that agree on a date, one of them writing a weekday that is another day's."""
        settings: DateSettings = self.settings  # type: ignore[assignment]
        message = (
            f"Reports give different days for the {self._name(odd.family)}: \"{odd.time.text}\" in {odd.claim.path} writes a "
            f"weekday that falls on {reading.isoformat()}, not on {odd.time.value}, the day {other.claim.path} gives "
            f"({_describe(other.time)})"
        )
        return make_finding(
            self,
            message,
            [
                evidence_for(odd.claim, story.docs[odd.claim.path], span=(odd.time.start, odd.time.end, odd.time.text), value=reading.isoformat()),
                _date_evidence(other, story),
            ],
            [odd.claim, other.claim],
            [odd.family, reading.isoformat(), other.time.value or ""],
            severity=settings.weekday_severity,
        )


def _weekday_fill(a: DateFill, b: DateFill) -> tuple[DateFill, DateFill, dt.date] | None:
    """(fill whose weekday is not its date's, the other fill, the weekday's date) when the
    other report's day is the date and not the weekday's; None otherwise."""
    for odd, other in ((a, b), (b, a)):
        reading = weekday_reading(odd.time.note)
        if reading is not None and other.time.range_start == odd.time.range_start and other.time.range_end == odd.time.range_end:
            return odd, other, reading
    return None


def _date_evidence(fill: DateFill, story: StoryClaims) -> Evidence:
    """The fill's sentence as evidence, its day's words as the span and its day as the value."""
    return evidence_for(
        fill.claim, story.docs[fill.claim.path], span=(fill.time.start, fill.time.end, fill.time.text), value=fill.time.value
    )


def _slip_on_a_named_day(
    slips: list[DateFill], named: list[DateFill], *, same_family: bool = True
) -> tuple[DateFill, DateFill, dt.date] | None:
    """(the first slip, the other report's first day on the slip's date, the slip's weekday's
    date), or None when the other report names none. With `same_family`, only a day given to
    an event of the slip's family counts: "Friday" for a family's gathering says nothing of
    the day a shooting was written with."""
    for slip in slips:
        reading = weekday_reading(slip.time.note)
        day = slip.time.range_start
        if reading is None or day is None or slip.time.range_end != day:
            continue
        other = next(
            (fill for fill in named if fill.time.range_start == day and (fill.family == slip.family or not same_family)), None
        )
        if other is not None:
            return slip, other, reading
    return None


def _weekday_slip(
    a: DateFill, b: DateFill, slips_a: list[DateFill], slips_b: list[DateFill]
) -> tuple[DateFill, DateFill, dt.date] | None:
    """(a report's other statement whose weekday is not its date's, the other report's fill,
    the weekday's date) when both reports give that date as the main event's day: one report
    leads with the right day and later writes it with another day's weekday ("shot Thursday
    afternoon" ... "died just before midnight Wednesday, January 14"); None otherwise."""
    for slips, own, other in ((slips_a, a, b), (slips_b, b, a)):
        day = other.time.range_start
        if day is None or day != other.time.range_end or (own.time.range_start, own.time.range_end) != (day, day):
            continue
        # Both reports date the main event to that day, so the slip's event need not be its family.
        if (found := _slip_on_a_named_day(slips, [other], same_family=False)) is not None:
            return found
    return None


def _before_what_followed(a: DateFill, b: DateFill) -> DateFill | None:
    """The fill that dates only what followed the event, when the other report's day does not
    come after it (both bounds, or a day before the bound): then the two may agree."""
    for bound, other in ((a, b), (b, a)):
        if bound.follows and (other.follows or (other.time.range_start or dt.date.max) < (bound.time.range_start or dt.date.min)):
            return bound
    return None


def _aftermath_words(fill: DateFill) -> str:
    """The words of the sentence up to the event "after" names ("was hospitalized Thursday after")."""
    sentence = fill.claim.sentence
    cut = sentence.lower().find(" after ")
    return sentence[: cut + len(" after")].strip() if cut >= 0 else sentence.strip()


def _gives_the_other_day(
    a: DateFill, b: DateFill, story: StoryClaims, published: dict[str, dt.date | None], lexicon: Lexicon
) -> str | None:
    """The path of a report that, besides the day it leads with, dates on the other report's
    day an event told as the other report tells its own ("were shot" beside "shot", while it
    leads with "was killed"); None when neither does. A report that tells both days' events
    alike ("the drive-by shooting happened on Jan. 3 ... a boy was shot on Jan. 2") may still
    contradict the other's lead, so it is left as it is."""
    for fill, other in ((a, b), (b, a)):
        if fill.event_class == other.event_class:
            continue
        path = fill.claim.path
        events = family_events(story.claims[path], published.get(path), lexicon, fill.family)
        if any(
            e.time.range_start == other.time.range_start and e.event_class == other.event_class and not e.follows for _, e in events
        ):
            return path
    return None


def _late_dateline(time: TimeRef, day: dt.date, lexicon: TimeLexicon) -> int:
    """How many days earlier the dateline would have to be for `time` ("Sunday", "today"),
    resolved against it, to fall on `day`; 0 when no earlier dateline does (a written date,
    or "Saturday" against a Sunday)."""
    if time.anchor != "dateline" or time.anchored_to is None or any(ch.isdigit() for ch in time.text):
        return 0
    for back in range(1, (time.anchored_to - day).days + 1):
        again = normalize_time(time.text, dateline=time.anchored_to - dt.timedelta(days=back), lexicon=lexicon)
        if again is not None and again.range_start == day:
            return back
    return 0


# How far after its dateline a report may place a past event whose year it does not write.
_GUESSED_YEAR_DAYS = 7

def _across_midnight(a: DateFill, b: DateFill) -> bool:
    """ "Overnight Saturday" and "early Sunday" name the same night. ("Friday night" against
    "early Saturday" does not settle it, so it is still reported.)"""
    ta, tb = a.time, b.time
    if ta.range_start is None or tb.range_start is None or abs((ta.range_start - tb.range_start).days) != 1:
        return False
    earlier, later = (a, b) if ta.range_start < tb.range_start else (b, a)
    late = _words_around(earlier)
    early = _words_around(later)
    return any(w in late for w in ("overnight", "late")) and any(w in early for w in ("early", "overnight", "after midnight", "before dawn"))


def _words_around(fill: DateFill) -> str:
    """The time expression with the words just before it in its sentence ("overnight Saturday")."""
    sentence = fill.claim.sentence.lower()
    at = sentence.find(fill.time.text.lower())
    # Wide enough for "shortly after midnight on Sept. 12".
    return sentence[max(0, at - 24) : at + len(fill.time.text)] if at >= 0 else fill.time.text.lower()


def _past_without_date(claim: Claim) -> bool:
    return claim.tense == "past" and reports_event(claim) and claim.event_time is None


class ReportBeforeSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    max_gap_days: int = 14
    """An event another report dates further than this after a report's dateline is a later
    event (the next shooting, a related killing), not the one the report told as past (0: no limit)."""
    across_reports_severity: Severity = "low"
    """Severity when the date comes from another report: the report that gives no date may
    tell another event of the story (a related killing a week later), which its words alone
    cannot rule out. A report that dates its own past event after its dateline keeps the rule's
    severity."""


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
    Settings = ReportBeforeSettings
    scope = "story"

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        dated = [
            (c, story.docs[path])
            for path in sorted(story.claims)
            for c in story.claims[path]
            if c.event_time is not None and c.event_time.range_start is not None and c.tense == "past" and reports_event(c)
        ]
        late: dict[str, list[tuple[Claim, TimeRef]]] = {}
        for claim, doc in dated:
            when = _after_own_dateline(claim, doc)
            if when is not None:
                late.setdefault(claim.path, []).append((claim, when))
        for path, items in late.items():
            yield self._own_dateline(items, story.docs[path])
        # Across reports, only the day each report gives for the story's main event is used:
        # a court date or a vigil placed after another report's dateline says nothing about it.
        published = {path: meta.published for path, meta in story.docs.items()}
        slots = date_slots(story.claims, published, self.lexicon)
        family_of = self.lexicon.family_of
        undated = [
            (c, story.docs[path])
            for path in sorted(story.claims)
            for c in story.claims[path]
            if _past_without_date(c) and path not in slots
        ]
        for path, fill in sorted(slots.items()):
            for first, first_doc in undated[:200]:
                same_family = family_of.get(first.event.event_class, first.event.event_class) == fill.family
                if first.path != path and same_family and _shares_entity(first, fill.claim):
                    yield from self._before(first, first_doc, fill, story.docs[path])

    def _own_dateline(self, items: list[tuple[Claim, TimeRef]], doc: DocMeta) -> Finding:
        """One finding per report, however many of its past events lie after its dateline: a
        page updated after its date reports many ("On May 26, UCSB canceled classes" on a page
        dated May 23), and the fault is the one date."""
        assert doc.published is not None
        claim, when = items[0]
        message = (
            f"{claim.path} (published {doc.published.isoformat()}) reports \"{claim.event.lemma}\" as past "
            f"but dates it \"{when.text}\" = {when.value}, after its own dateline"
        )
        if len(items) > 1:
            message += (
                f"; {len(items) - 1} more of its past events lie after it too, so the page may carry "
                f"an earlier date than its text (a page updated later)"
            )
        return make_finding(
            self,
            message,
            [evidence_for(c, doc, span=(t.start, t.end, t.text), value=t.value) for c, t in items],
            [c for c, _ in items],
            [claim.event.event_class, doc.published.isoformat(), *(t.value or "" for _, t in items)],
        )

    def _before(self, first: Claim, first_doc: DocMeta, fill: DateFill, other_doc: DocMeta) -> Iterable[Finding]:
        # The day the other report gives the event, not its sentence's own day: "had a hearing
        # today on charges that he killed a man on May 14" dates the killing May 14. A day of what
        # followed the event ("died Sunday after being shot") only bounds it.
        other, published, when = fill.claim, first_doc.published, fill.time
        if fill.follows or published is None or when.range_start is None or when.range_start <= published:
            return
        max_gap = self.settings.max_gap_days  # type: ignore[attr-defined]
        if max_gap and (when.range_start - published).days > max_gap:
            return
        message = (
            f"{first.path} (published {published.isoformat()}) reports \"{first.event.lemma}\" as past, "
            f"but {other.path} dates it \"{when.text}\" = {when.value}, after {first.path} was published"
        )
        yield make_finding(
            self,
            message,
            [
                evidence_for(first, first_doc, span=_predicate_span(first), value=f"published {published.isoformat()}"),
                evidence_for(other, other_doc, span=(when.start, when.end, when.text), value=when.value),
            ],
            [first, other],
            [first.event.event_class, published.isoformat(), when.value or ""],
            severity=self.settings.across_reports_severity,  # type: ignore[attr-defined]
        )


# A town is shared by every event that happens there; a person, an organisation or a
# street ties two sentences to one event.
_TOWN_LABELS = frozenset({"GPE"})


def _after_own_dateline(claim: Claim, doc: DocMeta) -> TimeRef | None:
    """The claim's day when it dates its own past event after the report's dateline."""
    when = claim.event_time
    if doc.published is None or when is None or when.range_start is None or when.anchor == "dateline" and not any(
        ch.isdigit() for ch in when.text
    ):
        return None
    if when.range_start <= doc.published:
        return None
    # The year of "Nov. 2" is a guess from the dateline; weeks after the dateline, the guess
    # is more likely wrong (last year's Nov. 2) than the report.
    written_year = any(len(part) == 4 and part.isdigit() for part in when.text.replace(",", " ").split())
    if not written_year and (when.range_start - doc.published).days > _GUESSED_YEAR_DAYS:
        return None
    # The day must date the clause's own event, as a past one ("told him he will remain
    # jailed until a hearing on Feb. 19" dates the hearing, which lies ahead).
    if not any(e.time.start == when.start and e.tense == "past" and not e.scheduled for e in claim.dated_events):
        return None
    return when


def _predicate_span(claim: Claim) -> tuple[int, int, str] | None:
    """The word of the claim that names its event ("killed" for "kill"), for the report to highlight."""
    stem = claim.event.lemma.split()[0].lower()[:4]
    for match in re.finditer(r"[\w'-]+", claim.text):
        if match.group().lower().startswith(stem):
            return claim.start + match.start(), claim.start + match.end(), match.group()
    return None


def _shares_entity(a: Claim, b: Claim) -> bool:
    return bool({e.key for e in a.entities if e.label not in _TOWN_LABELS} & {e.key for e in b.entities if e.label not in _TOWN_LABELS})
