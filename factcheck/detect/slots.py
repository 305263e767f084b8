"""Typed slots of a story's events: what each report says about one fact, ready to compare.

Reports are compared slot by slot, not sentence by sentence: "how many were killed in
the incident", "on which day did the incident happen". Each report fills a slot from its
first statement of that fact (the lede states it; later mentions restate or narrow it),
and only from statements that report the event itself: not page furniture, not plans
or schedules, not conditionals, not parts of a group or tallies of many events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..extract.lexicon import Casualties, CasualtyScope, Lexicon
from ..extract.time import weekday_reading
from ..models import Casualty, Claim, DatedEvent, Entity, TimeRef
from .similarity import mentions_any

__all__ = [
    "CountFill",
    "DateFill",
    "anchored_count_slots",
    "count_slots",
    "date_slots",
    "family_events",
    "kind_count_slots",
    "main_family",
    "reported_days",
    "reports_event",
    "restated_beyond",
    "rounds_up",
    "singular_noun",
    "weekday_days",
    "weekday_slips",
]

# A dated event further back than this from its report's dateline is another event
# (last summer's shooting, an earlier case), not the one the story reports.
_OTHER_EVENT_DAYS = 21


@dataclass(frozen=True)
class CountFill:
    claim: Claim
    casualty: Casualty
    at_least: bool = False
    """The count is a lower bound ("at least seven people were shot"): only a smaller total
    contradicts it."""


# The last of these before a bounded count says which way it bounds.
_BOUND_CUES = re.compile(
    r"\b(at least|more than|over|no fewer than|up to|as many as|fewer than|less than|under|about|around|nearly|almost|"
    r"approximately|roughly|some|an estimated|estimated)\b",
    re.I,
)
_LOWER_BOUNDS = frozenset({"at least", "more than", "over", "no fewer than"})


@dataclass(frozen=True)
class DateFill:
    claim: Claim
    time: TimeRef
    family: str
    lemma: str
    event_class: str = ""
    follows: bool = False
    """The report dates only what followed the event ("hospitalized Thursday after a shooting"):
    the event was that day or before it."""


def reports_event(claim: Claim) -> bool:
    """Whether the claim reports a past or present fact of the story (not a plan, a schedule,
    a conditional, a denial or a caption)."""
    return not (claim.conditional or claim.scheduled or claim.furniture or claim.negated or claim.tense == "future")


def _about_another_event(claim: Claim, published: dt.date | None) -> bool:
    return claim.event_time is not None and _before_the_story(claim.event_time, published)


def count_slots(
    claims: Sequence[Claim],
    published: dt.date | None,
    main_day: dt.date | None = None,
    *,
    words: Casualties | None = None,
    story_day: dt.date | None = None,
    passage: bool = False,
) -> dict[str, CountFill]:
    """Role → the report's first total count for it ("killed" → 2 from "Two people were killed").

    With `main_day` (the day the report gives its main event), a sentence that dates its
    events only to other days counts another event ("the July 17 killings of three officers
    in Baton Rouge"). With the casualty `words` of the lexicon, a count the sentence goes on
    past ("four died at the scene and a fifth in hospital") is raised to the last ordinal,
    and "one man was shot" followed by "Another man was hit" is one of several, not a total.
    A sentence dated weeks back counts the story's event when that is the day the report gives
    its main event, or, for a report that dates none, `story_day` (the day the others give).
    A `passage` is one sentence picked out of a roundup (see `anchored_count_slots`): it is read
    though the report rounds up."""
    ordinals = words.ordinals if words else ()
    if words and not passage and rounds_up(claims, words.scope):
        return {}
    other_event = words.scope.other_event if words else ()
    ordered = sorted(claims, key=lambda c: c.start)
    slots: dict[str, CountFill] = {}
    bounds: dict[str, CountFill] = {}
    for i, claim in enumerate(ordered):
        if not _counts_the_event(claim, published, main_day, story_day, other_event):
            continue
        for casualty in sorted(claim.casualties, key=lambda c: c.start):
            if casualty.role in slots:
                continue
            if casualty.scope == "bound" and casualty.role not in bounds and _lower_bound(casualty, claim):
                bounds[casualty.role] = CountFill(claim, casualty, at_least=True)
            if casualty.scope != "total":
                continue
            if casualty.count == 1 and words and _another_follows(ordered[i + 1 :], claim, words.scope.more):
                continue
            slots[casualty.role] = CountFill(claim, _with_the_one_named(_continued(casualty, claim, ordinals, words), claim))
    # A report that gives a role only as a lower bound fills it with the bound.
    return _without_a_part_of_the_shot({**bounds, **slots})


def _counts_the_event(
    claim: Claim, published: dt.date | None, main_day: dt.date | None, story_day: dt.date | None, other_event: Sequence[str]
) -> bool:
    """Whether a count in the sentence can count the story's event: a past fact told by the
    report itself, not dated to another day than the report's main event."""
    if not reports_event(claim) or _dated_elsewhere(claim, main_day):
        return False
    # A day weeks back is another event's, unless it is the day the report gives its main
    # event (a follow-up: "on May 7, the defendants shot six people").
    if _about_another_event(claim, published) and not _on_day(claim, main_day or story_day):
        return False
    # A count in a direct quote is the speaker's ("I think like five people got hit", "I saw
    # one guy laid out"), not the report's; "an unrelated shooting" is another event's.
    return not (_recounted(claim) or claim.attribution.direct_quote or mentions_any(claim.sentence, other_event))


def kind_count_slots(
    claims: Sequence[Claim],
    published: dt.date | None,
    main_day: dt.date | None = None,
    *,
    words: Casualties,
    story_day: dt.date | None = None,
) -> dict[str, dict[str, CountFill]]:
    """Kind → role → the report's first count of one kind of person in a role: "officers" →
    "injured" → 2 from "leaving one person dead, two police officers wounded and three others
    injured", where the role's total (five injured) counts everyone.

    The kinds are the lexicon's `casualties.kinds` ("officers": officer, deputy, constable, ...).
    Only counts of two or more: "one officer was shot" is as often the first of several. A
    sentence that counts two kinds of one group in one role ("two police officers and a deputy
    were wounded") gives none, nor does a part of the kind ("two of the officers")."""
    if not words.kinds or rounds_up(claims, words.scope):
        return {}
    kind_of = words.kind_of
    slots: dict[str, dict[str, CountFill]] = {}
    for claim in sorted(claims, key=lambda c: c.start):
        if not _counts_the_event(claim, published, main_day, story_day, words.scope.other_event):
            continue
        for casualty in sorted(claim.casualties, key=lambda c: c.start):
            kind = kind_of.get(casualty.noun.lower())
            if kind is None or casualty.role in slots.get(kind, {}) or casualty.scope not in ("total", "part") or casualty.count < 2:
                continue
            if not _the_whole_kind(casualty, claim, kind_of, words.kind_modifiers):
                continue
            alike = [c for c in claim.casualties if c.role == casualty.role and kind_of.get(c.noun.lower()) == kind]
            if len(alike) == 1:
                slots.setdefault(kind, {})[casualty.role] = CountFill(claim, casualty)
    # As for everyone: more of a kind killed than shot makes the shot a part ("Three police
    # officers were killed ... The gunman shot two officers").
    return {kind: _without_a_part_of_the_shot(fills) for kind, fills in slots.items()}


def restated_beyond(
    claims: Sequence[Claim], fill: CountFill, whole: Sequence[str], *, words: Casualties, main_day: dt.date | None = None
) -> CountFill | None:
    """A later sentence of the report that restates everyone in the fill's role as more than
    the fill counts: "Five people were shot" ... "The seven victims, shot in their legs and
    feet, were all expected to survive". "The seven victims" points back to the group the
    report counted, so the report contradicts itself; a part ("the two victims who died", "the
    three others") is fewer, never more. The restatement is read whatever the mood of its
    clause ("were all expected to survive" is about what comes next, not about the count), but
    not in a caption, a conditional, a denial, a quotation, a tally or another event's
    sentence. None when there is none, or the fill is a lower bound."""
    if fill.at_least:
        return None
    everyone = {w.lower() for w in whole} - {"other"}
    elsewhere = _elsewhere_words(words.scope)
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.sentence_start <= fill.claim.sentence_start:
            continue
        if claim.furniture or claim.conditional or claim.negated or claim.attribution.direct_quote:
            continue
        if mentions_any(claim.sentence, elsewhere) or _dated_elsewhere(claim, main_day):
            continue
        for casualty in claim.casualties:
            if casualty.role != fill.casualty.role or casualty.count <= fill.casualty.count:
                continue
            if casualty.noun.lower() not in everyone and singular_noun(casualty.noun.lower()) not in everyone:
                continue
            before = claim.sentence[: max(0, casualty.start - claim.sentence_start)].split()
            after = claim.sentence[max(0, casualty.end - claim.sentence_start) :].split()
            definite = bool(before) and before[-1].lower().lstrip("\"“‘'(") == "the"
            if definite and not (after and after[0].lower().startswith("other")):
                return CountFill(claim, casualty)
    return None


def _the_whole_kind(casualty: Casualty, claim: Claim, kind_of: Mapping[str, str], modifiers: Sequence[str]) -> bool:
    """Whether the count is of the whole kind as the reports name it ("two police officers",
    "Four deputy constables from Precinct 5"), not a part the words single out: "two of the
    officers", "the two officers" (some the report named before), "two Baton Rouge officers"
    (one force's, among others')."""
    before = claim.sentence[: max(0, casualty.start - claim.sentence_start)].split()
    if before and before[-1].lower() == "the":
        return False
    allowed = {w.lower() for w in modifiers}
    for word in claim.sentence[max(0, casualty.end - claim.sentence_start) :].split():
        bare = word.strip(",.;:").lower()
        if bare in kind_of or singular_noun(bare) in kind_of:
            return True
        if bare not in allowed:
            return False
    return False


def singular_noun(word: str) -> str:
    """ "deputies" → "deputy", "officers" → "officer"; enough for the nouns of a kind."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _without_a_part_of_the_shot(slots: dict[str, CountFill]) -> dict[str, CountFill]:
    """Everyone killed by the gunfire was shot: a report whose own total of the killed is above
    its first count of the shot ("Long shot two officers, killing one and injuring one" in a
    report of three officers killed) gave a part of the shot, not all. Not so the wounded: "three
    men were shot and four others were injured" counts others hurt besides."""
    shot, killed = slots.get("shot"), slots.get("killed")
    if shot is None or killed is None or shot.at_least or killed.at_least or killed.casualty.count <= shot.casualty.count:
        return slots
    return {role: fill for role, fill in slots.items() if role != "shot"}


# Names that can single out one event's passage in a roundup: places and people.
_ANCHOR_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON"})


def anchored_count_slots(
    roundup: Sequence[Claim],
    anchors: Sequence[Claim],
    published: dt.date | None,
    *,
    words: Casualties,
    day: dt.date | None = None,
    place_nouns: frozenset[str] = frozenset(),
) -> tuple[dict[str, CountFill], str | None]:
    """The count slots of a roundup report (a weekend's shootings across a city) read from its one
    sentence that tells the event of the story, and the name that singled it out.

    That sentence names a place or a person that the other report's counting sentences
    (`anchors`) name ("The most recent fatal shooting happened early Sunday in the Austin
    neighborhood, when a teenage boy was killed and five others were wounded"), and the name is
    in no other counting sentence of the roundup; sentences that tally ("across the city") are
    never taken, nor are the names they give or the speakers of the anchors. When names point to
    more than one sentence, or to none, or the sentence dates its event to another `day` than
    the other report's, nothing is read. An organisation's name counts as a place when its last
    word is one of `place_nouns` (the tagger takes "the Chalmers Community Hall" for an
    organisation)."""
    # A speaker (the police chief every report quotes) says nothing about which event it is.
    keys = {
        e.key for claim in anchors for e in claim.entities
        if _names_a_place_or_person(e, place_nouns) and e.text != claim.attribution.speaker
    }
    tallies = {
        c.sentence_start for c in roundup
        if any(x.scope == "aggregate" for x in c.casualties) or mentions_any(c.sentence, words.scope.roundup)
    }
    # Nor does a name the roundup gives in its tallies (the city of "across Harwell").
    keys -= {e.key for c in roundup if c.sentence_start in tallies for e in c.entities}
    counting = [c for c in roundup if reports_event(c) and c.casualties and c.sentence_start not in tallies]
    sentences_of: dict[str, set[int]] = {}
    for claim in counting:
        for e in claim.entities:
            if e.key in keys:
                sentences_of.setdefault(e.key, set()).add(claim.sentence_start)
    single = {key: starts for key, starts in sentences_of.items() if len(starts) == 1}
    chosen = {start for starts in single.values() for start in starts}
    if len(chosen) != 1:
        return {}, None
    start = chosen.pop()
    name = next(e.text for c in counting if c.sentence_start == start for e in c.entities if e.key in single)
    passage = [c for c in roundup if c.sentence_start == start]
    # The passage tells the other report's event only on its very day, when both give one (a
    # roundup tells the events of consecutive days: Friday afternoon's is not Saturday's).
    days = {e.time.range_start for c in passage for e in _day_events(c, published)} | {
        c.event_time.range_start for c in passage if c.event_time is not None and c.event_time.granularity == "day"
    }
    if day is not None and days and day not in days:
        return {}, None
    return count_slots(passage, published, words=words, passage=True), name


def _names_a_place_or_person(entity: Entity, place_nouns: frozenset[str]) -> bool:
    if entity.label in _ANCHOR_LABELS:
        return True
    words = entity.text.lower().split()
    return entity.label == "ORG" and bool(words) and (words[-1] in place_nouns or words[-1].removesuffix("s") in place_nouns)


# Periods too long to date a news event: a sentence that opens with one recounts the past.
_COARSE = frozenset({"month", "quarter", "season", "year", "decade", "century"})


def _recounted(claim: Claim) -> bool:
    """Whether the sentence opens by setting its event in a month or longer ("In February, a
    gunman killed five people at a mall in Salt Lake City"): reports date the event they report
    to the day, and open with a longer period only to recount an earlier one. Without a dateline
    nothing else tells that such an event lies weeks back."""
    time = claim.event_time
    if time is None or time.granularity not in _COARSE:
        return False
    before = claim.sentence[: max(0, time.start - claim.sentence_start)].split()
    return len(before) <= 2


def _lower_bound(casualty: Casualty, claim: Claim) -> bool:
    """Whether the count is a lower bound: "at least", "more than" or "over" is the last bounding
    word before it in the sentence ("at least eight killed and 12 wounded" bounds both)."""
    before = claim.sentence[: max(0, casualty.start - claim.sentence_start)]
    cues = _BOUND_CUES.findall(before)
    return bool(cues) and cues[-1].lower() in _LOWER_BOUNDS


def rounds_up(claims: Sequence[Claim], scope: CasualtyScope) -> bool:
    """Whether the report rounds up several events (a week's killings in a city, "two separate
    West Side shootings"): then its first day or count is not the story's event's."""
    pattern = scope.roundup_regex
    return any(
        mentions_any(claim.sentence, scope.roundup) or (pattern is not None and pattern.search(claim.sentence))
        for claim in claims
    )


def _another_follows(following: Sequence[Claim], claim: Claim, more: Sequence[str]) -> bool:
    """Whether one of the next sentences starts with "Another" or "A second": the "one" before
    it was the first of several."""
    openers = tuple(f"{w.lower()} " for w in more) + ("a second ", "the second ")
    sentences: dict[int, str] = {}
    for c in following:
        if c.sentence_start > claim.sentence_start:
            sentences.setdefault(c.sentence_start, c.sentence)
        if len(sentences) == 2:
            break
    return any(s.lower().lstrip().startswith(openers) for s in sentences.values())


def _continued(casualty: Casualty, claim: Claim, ordinals: Sequence[str], words: Casualties | None = None) -> Casualty:
    """The count with the ordinals that continue it after it in the sentence ("and a fifth"),
    not those that go on to another role ("three were shot to death and a fourth person was
    critically wounded")."""
    after = claim.sentence[max(0, casualty.end - claim.sentence_start) :].lower()
    other_roles = [w for role, ws in (words.roles.items() if words else ()) if role != casualty.role for w in ws]
    count = casualty.count
    while 0 <= count - 1 < len(ordinals) and (found := re.search(rf"\b(?:a|the) {ordinals[count - 1]}\b", after)):
        # Stems of four letters or more: "hit" would also start "history". A role word on
        # either side of the ordinal is another role's ("killed three and injured a fourth").
        around = after[: found.start()].split()[-3:] + after[found.end() :].split()[:6]
        # "injure" is a stem of "injuring" once its final "e" goes.
        if any(word.startswith(stem.rstrip("e") if len(stem) > 4 else stem) for word in around for stem in other_roles if len(stem) > 3):
            break
        count += 1
    return casualty if count == casualty.count else casualty.model_copy(update={"count": count})


_OTHERS = re.compile(r"^\s*(?:others?|more)\b", re.I)


def _with_the_one_named(casualty: Casualty, claim: Claim) -> Casualty:
    """The wounded counted as "others" beside someone the sentence names as shot and not killed
    ("A pregnant woman was shot five times ... a drive-by shooting that injured four other
    people"): she is wounded too, so the sentence counts five. Not beside the dead ("one man was
    killed and three others were wounded": three)."""
    if casualty.role != "injured":
        return casualty
    after = claim.sentence[max(0, casualty.end - claim.sentence_start) :]
    if not _OTHERS.match(after):
        return casualty
    named = [c for c in claim.casualties if c.scope == "single" and c.role in ("shot", "injured") and c.start < casualty.start]
    if len(named) != 1 or any(c.role == "killed" and c.scope in ("single", "total") and c.start < casualty.start for c in claim.casualties if c.noun == named[0].noun):
        return casualty
    return casualty.model_copy(update={"count": casualty.count + named[0].count})


def _on_day(claim: Claim, day: dt.date | None) -> bool:
    time = claim.event_time
    return day is not None and time is not None and time.range_start is not None and abs((time.range_start - day).days) <= 1


def _dated_elsewhere(claim: Claim, main_day: dt.date | None) -> bool:
    days = [e.time.range_start for e in claim.dated_events if e.time.range_start is not None]
    return main_day is not None and bool(days) and all(abs((day - main_day).days) > 1 for day in days)


def _day_events(claim: Claim, published: dt.date | None, tallies: Sequence[str] = ()) -> list[DatedEvent]:
    """The day-precise events the claim's sentence reports as having happened, in text order:
    not plans, schedules, or days after the report's own dateline ("takes effect on June 1").
    Tense and schedule are the event's own ("the girl who was shot Wednesday is expected to
    recover" dates a past shooting); a conditional or a caption drops the whole sentence."""
    if claim.conditional or claim.furniture:
        return []
    # "Among the officer deaths this summer were the July 17 killings in Baton Rouge": a
    # sentence that tallies the events of a period, or tells another event ("an unrelated
    # shooting", "this wasn't the only incident"), dates none of them as the story's.
    if mentions_any(claim.sentence, tallies):
        return []
    return sorted(
        (
            e
            for e in claim.dated_events
            if e.time.range_start is not None
            and e.tense != "future"
            and not e.scheduled
            and (published is None or e.time.range_start <= published)
        ),
        key=lambda e: e.time.start,
    )


def _elsewhere_words(scope: CasualtyScope) -> list[str]:
    """Words of a sentence whose days or counts are not the story's event's: a period's tally,
    another event."""
    return [*scope.aggregate, *scope.periods, *scope.other_event]


def main_family(
    claims_by_path: Mapping[str, Sequence[Claim]], lexicon: Lexicon, published: Mapping[str, dt.date | None] | None = None
) -> str | None:
    """The story's main event (the shooting, the vote, the delay): the family of event classes
    that most reports date first (their lede's event; arrests, hearings and vigils follow it),
    then the one most reports date at all. A follow-up (an arrest, a charge: `follow_up_events`)
    is the main event only when reports date nothing else. None when no report dates an event."""
    tallies = _elsewhere_words(lexicon.casualties.scope)
    family_of = lexicon.family_of
    first: Counter[str] = Counter()
    dated: Counter[str] = Counter()
    earliest: dict[str, dt.date] = {}
    for path, claims in claims_by_path.items():
        day = (published or {}).get(path)
        # What followed an event ("hospitalized Thursday after a shooting") bounds its day but
        # does not tell which event a report leads with.
        events = [e for c in sorted(claims, key=lambda c: c.start) for e in _day_events(c, day, tallies) if not e.follows]
        if events:
            first[family_of.get(events[0].event_class, events[0].event_class)] += 1
        for e in events:
            family = family_of.get(e.event_class, e.event_class)
            if e.time.range_start is not None and (family not in earliest or e.time.range_start < earliest[family]):
                earliest[family] = e.time.range_start
        dated.update({family_of.get(e.event_class, e.event_class) for e in events})
    if not dated:
        return None
    # An arrest or a charge is the story's event only when reports date nothing else.
    follow_ups = {family_of.get(c, c) for c in lexicon.follow_up_events}
    if set(dated) - follow_ups:
        dated = Counter({family: n for family, n in dated.items() if family not in follow_ups})
    # Ties go to the event dated earliest: arrests, charges and vigils follow what they are about.
    return max(
        sorted(dated),
        key=lambda family: (first[family], dated[family], -earliest[family].toordinal() if family in earliest else 0),
    )


def date_slots(
    claims_by_path: Mapping[str, Sequence[Claim]],
    published: Mapping[str, dt.date | None],
    lexicon: Lexicon,
    *,
    ignore_events: frozenset[str] = frozenset(),
) -> dict[str, DateFill]:
    """Path → the day its report first gives for the story's main event.

    A day weeks before the report's dateline is taken only when the report gives no recent
    one: a follow-up (a charge, a trial) dates the shooting months back ("The shooting
    happened on May 30"), while a new report's older days are other events ("a year after
    the March 3 shooting")."""
    family = main_family(claims_by_path, lexicon, published)
    if family is None or family in ignore_events:
        return {}
    slots: dict[str, DateFill] = {}
    for path, claims in claims_by_path.items():
        if rounds_up(claims, lexicon.casualties.scope):
            continue
        day = published.get(path)
        found = family_events(claims, day, lexicon, family)
        # A day of the event itself comes before one of what followed it.
        dated = [(c, e) for c, e in found if not e.follows] or found
        recent = [(claim, e) for claim, e in dated if not _before_the_story(e.time, day)]
        if recent or dated:
            claim, event = (recent or dated)[0]
            slots[path] = DateFill(claim, event.time, family, event.lemma, event.event_class, event.follows)
    return slots


def family_events(
    claims: Sequence[Claim], published: dt.date | None, lexicon: Lexicon, family: str
) -> list[tuple[Claim, DatedEvent]]:
    """Every day-precise event of `family` the report gives as having happened, in text order."""
    tallies = _elsewhere_words(lexicon.casualties.scope)
    family_of = lexicon.family_of
    return [
        (claim, e)
        for claim in sorted(claims, key=lambda c: c.start)
        for e in _day_events(claim, published, tallies)
        if family_of.get(e.event_class, e.event_class) == family
    ]


def reported_days(claims: Sequence[Claim], published: dt.date | None, lexicon: Lexicon) -> list[DateFill]:
    """Every day the report gives an event of the story as having happened, whatever the
    event, in text order."""
    tallies = _elsewhere_words(lexicon.casualties.scope)
    family_of = lexicon.family_of
    return [
        DateFill(claim, e.time, family_of.get(e.event_class, e.event_class), e.lemma, e.event_class, e.follows)
        for claim in sorted(claims, key=lambda c: c.start)
        for e in _day_events(claim, published, tallies)
    ]


def weekday_slips(claims: Sequence[Claim], published: dt.date | None, lexicon: Lexicon) -> list[DateFill]:
    """Every day the report gives an event of the story with a weekday that does not fall on
    the date written beside it ("died just before midnight Wednesday, January 14" when January
    14 was a Thursday), in text order, whatever the event: the report contradicts itself there,
    even where its first statement of the main event is right."""
    return [fill for fill in reported_days(claims, published, lexicon) if weekday_reading(fill.time.note) is not None]


def weekday_days(
    claims: Sequence[Claim], published: dt.date | None, lexicon: Lexicon, weekdays: Mapping[str, int]
) -> list[DateFill]:
    """Every day the report gives an event of the story by a weekday that falls on it ("shot
    Thursday night", "Thursday, January 14"), in text order, whatever the event: the report
    names that date's weekday. `weekdays` maps weekday names to ISO weekdays (Monday = 1)."""
    return [
        fill
        for fill in reported_days(claims, published, lexicon)
        if fill.time.range_start is not None
        and fill.time.range_start == fill.time.range_end
        and weekday_reading(fill.time.note) is None
        and _names_its_weekday(fill.time, weekdays)
    ]


def _names_its_weekday(time: TimeRef, weekdays: Mapping[str, int]) -> bool:
    assert time.range_start is not None
    words = re.findall(r"[a-z]+", time.text.lower())
    return any(weekdays.get(w) == time.range_start.isoweekday() for w in words)


def _before_the_story(time: TimeRef, published: dt.date | None) -> bool:
    """A day further back than `_OTHER_EVENT_DAYS` from the dateline belongs to another event."""
    if published is None or time.range_end is None:
        return False
    return (published - time.range_end).days > _OTHER_EVENT_DAYS
