"""Casualty conflicts: reports that count the people killed, injured, shot or arrested differently."""

from __future__ import annotations

import datetime as dt
import functools
import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict, Field

from ..extract.lexicon import Casualties
from ..models import Claim, Finding, Severity
from .base import DocMeta, Detector, StoryClaims, evidence_for, make_finding, register
from .measures import orders_apart
from .identity import other_people, other_places
from .similarity import mentions_any
from .slots import (
    CountFill,
    DateFill,
    anchored_count_slots,
    count_slots,
    date_slots,
    kind_count_slots,
    reports_event,
    restated_beyond,
    rounds_up,
    singular_noun,
)

__all__ = ["CasualtyConflict"]

_ROLE_WORDS = {
    "killed": "were killed",
    "injured": "were injured",
    "shot": "were shot",
    "arrested": "were arrested",
    "charged": "were charged",
}


class CasualtySettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    rising: list[str] = Field(default_factory=lambda: ["killed", "arrested", "charged"])
    """Roles whose count grows as a story unfolds: a later, higher count is an update."""
    update_severity: Severity = "low"
    hedged_severity: Severity = "medium"
    """Severity when either report hedges its count ("reportedly", "as many as")."""
    evolving_roles: list[str] = Field(default_factory=lambda: ["arrested", "charged"])
    """Roles whose count changes with each step of a case (more arrests, new or reduced
    charges, co-defendants charged apart): a difference is reported at `evolving_severity`."""
    evolving_severity: Severity = "low"
    scope_ratio: float = 10.0
    """Counts at least this many times apart ("three injured" in a village, "50 injured" across
    the island) are reported at `scope_severity`: they more often count different scopes."""
    scope_severity: Severity = "low"
    bound_severity: Severity = "medium"
    """Severity when one report gives only a lower bound ("at least seven were shot") and the
    other's total is below it: a bound is weaker evidence than a count."""
    across_roles_severity: Severity = "medium"
    """Severity when one report's shot is set against the other's wounded (neither counts a
    death): an inference from two roles, so below a count of one role."""
    perpetrator_severity: Severity = "low"
    """Severity when the counts differ by one and a sentence brings in the attacker
    ("including the gunman", "before taking his own life")."""
    other_place_severity: Severity = "low"
    """Severity when the two sentences name places and neither report names any place of the
    other's sentence: likely two events (another shooting of the same weekend)."""
    other_people_severity: Severity = "low"
    """Severity when both sentences name someone besides their speaker and neither report names
    anyone of the other's sentence: likely two events (another shooting the page reports)."""
    whole_nouns: list[str] = Field(default_factory=lambda: ["people", "person", "victim", "individual", "other", "group"])
    """Nouns that count everyone in a role; a count of any other kind of person ("two deputy
    constables", "three teens") may be a part of the whole another report counts."""
    subgroup_severity: Severity = "low"
    """Severity when one report counts a kind of person and the other, counting everyone, gives
    more ("two deputy constables were shot" / "8 people were shot")."""
    summed_severity: Severity = "low"
    """Severity when one report's shot is set against the other's killed and wounded together
    ("seven people were shot" / "four are dead and four wounded"): the wounded may include
    people hurt otherwise (fleeing, trampled), so the sum is weaker evidence than a count."""
    roundup_severity: Severity = "low"
    """Severity when one report rounds up several events and its count is read from its one
    sentence that names the place or person the other report's count names: the other report
    may count several of the roundup's events together, so this is a lead, not a clash."""
    kind_severity: Severity = "low"
    """Severity when two reports count one kind of person (`casualties.kinds` in the lexicon:
    officers) differently ("two police officers wounded" / "four deputy constables were shot")
    and the totals of the role do not both come from those counts: a count of a kind is read
    from nouns, and on real news it was more often a part or another line (a video caption
    "Three Officers Killed" against "shot six police officers") than a clash, so it is a lead."""
    restated_severity: Severity = "medium"
    """Severity when two reports agree on a role's count and one later restates everyone in
    that role as more ("Five people were shot" ... "The seven victims ... were all expected to
    survive"): the report contradicts itself, and its restatement the other report."""
    max_days_apart: int = 14
    """Two reports whose main events are dated further apart than this report two events
    (another shooting the same story mentions), so their counts are not compared (0: always)."""


@register
class CasualtyConflict(Detector):
    """Reports count the people in one role of the event differently.

    Fires:
        A: "Two people were killed and three others were wounded in the shooting."
        B: "Four people were killed in the shooting on Elm Street."
        killed in the incident: 2 against 4.

    Does not fire:
        A: "The other four victims, two men and two women, were wounded."
        B: "Four others were injured."
        "two men and two women" are parts of the four; both give 4 injured. A later report
        that raises the dead from 1 to 2 (a victim died in hospital) is an update, reported low.
    """

    code = "QT02"
    name = "quantities.casualties"
    kind = "quantity_conflict"
    groups = ("all", "quantities")
    default_severity = "high"
    Settings = CasualtySettings
    scope = "story"
    one_value_per_report = True

    @functools.cached_property
    def _place_nouns(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.lexicon.scene_nouns)

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        paths = sorted(story.claims)
        published = {path: meta.published for path, meta in story.docs.items()}
        days = date_slots(story.claims, published, self.lexicon)
        story_day = _agreed_day(days.values())
        slots = {
            path: count_slots(
                story.claims[path],
                published[path],
                _day(days.get(path)),
                words=self.lexicon.casualties,
                story_day=story_day,
            )
            for path in paths
        }
        roundups = {path for path in paths if not slots[path] and rounds_up(story.claims[path], self.lexicon.casualties.scope)}
        kinds = {
            path: kind_count_slots(
                story.claims[path], published[path], _day(days.get(path)), words=self.lexicon.casualties, story_day=story_day
            )
            for path in paths
        }
        for i, path_a in enumerate(paths):
            for path_b in paths[i + 1 :]:
                if _different_days(days.get(path_a), days.get(path_b), self.settings.max_days_apart):  # type: ignore[attr-defined]
                    continue
                fills_a, fills_b, anchor = self._with_roundups(story, path_a, path_b, slots, days, roundups)
                for role in sorted(set(fills_a) & set(fills_b)):
                    a, b = fills_a[role], fills_b[role]
                    if _counts_disagree(a, b) and not _bound_counts_the_dead(role, a, b, fills_a, fills_b):
                        yield self._finding(role, a, b, story, roundup=anchor)
                    elif anchor is None and not _counts_disagree(a, b):
                        yield from self._restated(role, a, b, story, days)
                yield from self._kind_findings(story, kinds[path_a], kinds[path_b], fills_a, fills_b)
                elsewhere = self.lexicon.casualties.scope.other_event
                deaths = _tells_a_death(story.claims[path_a], elsewhere) or _tells_a_death(story.claims[path_b], elsewhere)
                hurt = {path: _tells_an_injury(story.claims[path], elsewhere) for path in (path_a, path_b)}
                crossed = None if deaths else _shot_against_wounded(slots[path_a], slots[path_b], hurt[path_a], hurt[path_b])
                if crossed is not None:
                    a, b = crossed
                    yield self._finding(
                        "shot", a, b, story, severity=self.settings.across_roles_severity  # type: ignore[attr-defined]
                    )
                summed = _shot_against_sum(slots[path_a], slots[path_b])
                if summed is not None:
                    a, b = summed
                    yield self._finding(
                        "shot", a, b, story, severity=self.settings.summed_severity  # type: ignore[attr-defined]
                    )
                beyond = None if crossed or summed else _part_beyond_the_shot(
                    slots[path_a], slots[path_b], self.settings.whole_nouns, hurt[path_a], hurt[path_b]  # type: ignore[attr-defined]
                )
                if beyond is not None:
                    a, b = beyond
                    part = a if a.casualty.role != "shot" else b
                    yield self._finding(
                        "shot",
                        a,
                        b,
                        story,
                        severity=self.settings.across_roles_severity,  # type: ignore[attr-defined]
                        note=(
                            f" ({part.claim.path} counts {part.casualty.count} {part.casualty.role}; everyone killed or "
                            f"wounded by the gunfire was shot, so they cannot outnumber all who were shot)"
                        ),
                    )

    def _restated(self, role: str, a: CountFill, b: CountFill, story: StoryClaims, days: dict[str, DateFill]) -> Iterable[Finding]:
        """Two reports that agree on a role's count, one of them restating everyone in it as
        more later on (see `restated_beyond`)."""
        settings: CasualtySettings = self.settings  # type: ignore[assignment]
        for own, other in ((a, b), (b, a)):
            path = own.claim.path
            more = restated_beyond(
                story.claims[path], own, settings.whole_nouns, words=self.lexicon.casualties, main_day=_day(days.get(path))
            )
            if more is None:
                continue
            first = textwrap.shorten(own.claim.text, 80, placeholder=" ...")
            note = (
                f" ({path} first counts {own.casualty.count} (\"{first}\") and later restates them as "
                f"{more.casualty.count} (\"{_restatement_text(more)}\"))"
            )
            pair = (other, more) if other is a else (more, other)
            yield self._finding(role, *pair, story, severity=settings.restated_severity, note=note)

    def _kind_findings(
        self,
        story: StoryClaims,
        kinds_a: dict[str, dict[str, CountFill]],
        kinds_b: dict[str, dict[str, CountFill]],
        fills_a: dict[str, CountFill],
        fills_b: dict[str, CountFill],
    ) -> Iterable[Finding]:
        """Two reports' counts of one kind of person ("two police officers wounded" / "four deputy
        constables were shot"), where the role totals count everyone or differ in role. Not when
        both counts already fill their reports' slots of the role (compared there)."""
        severity = self.settings.kind_severity  # type: ignore[attr-defined]
        for kind in sorted(set(kinds_a) & set(kinds_b)):
            a_roles, b_roles = kinds_a[kind], kinds_b[kind]
            for role in sorted(set(a_roles) & set(b_roles)):
                a, b = a_roles[role], b_roles[role]
                if (fills_a.get(role), fills_b.get(role)) != (a, b) and _counts_disagree(a, b):
                    yield self._finding(role, a, b, story, severity=severity, kind=kind)
            crossed = _shot_against_wounded(a_roles, b_roles)
            if crossed is not None and not _tells_a_death_of(kind, self.lexicon.casualties, story, crossed):
                shot, wounded = crossed
                note = (
                    f" ({wounded.claim.path} counts them as wounded; neither report tells of any of the {kind} "
                    f"killed, so every one shot was wounded)"
                )
                # Evidence in the pair's order, as for a role both count.
                a, b = (shot, wounded) if a_roles.get("shot") is shot else (wounded, shot)
                yield self._finding("shot", a, b, story, severity=severity, kind=kind, note=note)

    def _with_roundups(
        self,
        story: StoryClaims,
        path_a: str,
        path_b: str,
        slots: dict[str, dict[str, CountFill]],
        days: dict[str, DateFill],
        roundups: set[str],
    ) -> tuple[dict[str, CountFill], dict[str, CountFill], tuple[str, str] | None]:
        """Both reports' slots; a roundup (one of `roundups`, which fill none) is read at its
        sentence about the other report's event (see `anchored_count_slots`), with (its path, the
        name) returned."""
        fills = {path_a: slots[path_a], path_b: slots[path_b]}
        for mine, theirs in ((path_a, path_b), (path_b, path_a)):
            claims = story.claims[mine]
            if mine not in roundups or not fills[theirs]:
                continue
            # The sentences that count the other report's event, and the one that dates it: it
            # often names the place ("The shooting happened about 4 a.m. Sunday at the Chalmers
            # Community Hall") that the counting sentences leave out.
            anchors = [fill.claim for fill in fills[theirs].values()]
            if theirs in days:
                anchors.append(days[theirs].claim)
            read, name = anchored_count_slots(
                claims,
                anchors,
                story.docs[mine].published,
                words=self.lexicon.casualties,
                day=_day(days.get(theirs)),
                place_nouns=self._place_nouns,
            )
            if read and name:
                fills[mine] = read
                return fills[path_a], fills[path_b], (mine, name)
        return fills[path_a], fills[path_b], None

    def _finding(
        self,
        role: str,
        a: CountFill,
        b: CountFill,
        story: StoryClaims,
        *,
        severity: Severity | None = None,
        note: str = "",
        roundup: tuple[str, str] | None = None,
        kind: str | None = None,
    ) -> Finding:
        settings: CasualtySettings = self.settings  # type: ignore[assignment]
        doc_a, doc_b = story.docs[a.claim.path], story.docs[b.claim.path]
        what = _ROLE_WORDS.get(role, role)
        if kind:
            what = f"{kind} {what}"
        message = (
            f"Reports disagree on how many {what}: {_count_text(a)} in {a.claim.path}, "
            f"{_count_text(b)} in {b.claim.path}"
        )
        if note:
            message += note
        elif a.casualty.role == b.casualty.role == "shot" and "+" in (a.casualty.noun + b.casualty.noun):
            summed = a if "+" in a.casualty.noun else b
            message += (
                f" ({summed.claim.path} gives the killed and the wounded, {summed.casualty.noun}; everyone shot "
                f"is one or the other, but the wounded may include people hurt otherwise)"
            )
        elif a.casualty.role != b.casualty.role:
            message += (
                f" ({b.claim.path} counts them as wounded; neither report counts a death, so everyone "
                f"shot was wounded)"
            )
        update = _update(role, a, doc_a, b, doc_b, settings)
        counts = (a.casualty.count, a.casualty.count), (b.casualty.count, b.casualty.count)
        narrower = _narrower(a, b, settings.whole_nouns)
        if narrower is not None:
            message += (
                f"; {narrower.claim.path} counts only one kind of person (\"{narrower.casualty.noun}\"), "
                f"which may be a part of everyone the other report counts"
            )
            severity = settings.subgroup_severity
        elif (places := other_places(a.claim, b.claim, story.claims[a.claim.path], story.claims[b.claim.path])) is not None:
            message += f"; the sentences name different places ({places[0]} / {places[1]}), so they may count different events"
            severity = settings.other_place_severity
        elif (people := other_people(a.claim, b.claim, story.claims[a.claim.path], story.claims[b.claim.path])) is not None:
            message += f"; the sentences name different people ({people[0]} / {people[1]}), so they may count different events"
            severity = settings.other_people_severity
        elif orders_apart(*counts, settings.scope_ratio):
            message += "; the counts are an order of magnitude apart, so they may count different scopes"
            severity = settings.scope_severity
        elif update:
            message += f"; {update}"
            severity = settings.update_severity
        elif (
            not kind
            and abs(a.casualty.count - b.casualty.count) == 1
            and not (a.casualty.with_perpetrator or b.casualty.with_perpetrator)
            and _counts_the_attacker(a, b, self.lexicon.casualties.perpetrator)
        ):
            message += "; one report may count the attacker and the other not"
            severity = settings.perpetrator_severity
        elif role in settings.evolving_roles:
            severity = settings.evolving_severity
        elif a.claim.hedged or b.claim.hedged:
            severity = settings.hedged_severity
        elif a.at_least or b.at_least:
            message += "; one report gives only a lower bound, and the other's total is below it"
            severity = settings.bound_severity
        victims = next((f for f in (a, b) if f.casualty.with_perpetrator), None)
        if victims is not None:
            n = victims.casualty.count
            message += f"; {victims.claim.path} counts the victims beside the attacker, so its dead are {n} or {n + 1}"
        if roundup is not None:
            message += (
                f"; {roundup[0]} rounds up several events, and its count is read from its one sentence "
                f"naming {roundup[1]}, as the other report does"
            )
            severity = settings.roundup_severity
        return make_finding(
            self,
            message,
            [
                evidence_for(a.claim, doc_a, span=(a.casualty.start, a.casualty.end, a.casualty.text), value=f"{_count_text(a)} {a.casualty.role}"),
                evidence_for(b.claim, doc_b, span=(b.casualty.start, b.casualty.end, b.casualty.text), value=f"{_count_text(b)} {b.casualty.role}"),
            ],
            [a.claim, b.claim],
            [role, _count_text(a), _count_text(b)],
            severity=severity,
        )


# Words a bare count is read as its own noun ("two were killed": "two").
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen both".split()
)


def _narrower(a: CountFill, b: CountFill, whole: Sequence[str]) -> CountFill | None:
    """The fill that counts a kind of person ("deputy constables") fewer than the other's count
    of everyone ("people"): it may count a part. None when both count everyone or both a kind."""
    for narrow, wide in ((a, b), (b, a)):
        if not _counts_everyone(narrow, whole) and _counts_everyone(wide, whole) and narrow.casualty.count < wide.casualty.count:
            return narrow
    return None


def _counts_everyone(fill: CountFill, whole: Sequence[str]) -> bool:
    """Whether the count is of everyone in its role ("five people", "five"), not of a kind of
    person ("two boys"), who may be a part of them."""
    noun = fill.casualty.noun.lower()
    return not noun or noun in whole or noun in _NUMBER_WORDS or noun.isdigit() or "+" in noun


def _count_text(fill: CountFill) -> str:
    return f"at least {fill.casualty.count}" if fill.at_least else str(fill.casualty.count)


def _restatement_text(fill: CountFill) -> str:
    """ "the seven victims": the restated count with the word before it and its noun."""
    sentence, offset = fill.claim.sentence, fill.claim.sentence_start
    start = sentence.lower().rfind("the", 0, fill.casualty.start - offset)
    following = sentence[fill.casualty.end - offset :].split()
    noun = following[0].strip(",.;:") if following else ""
    # The span may end at the number ("seven"): its noun follows.
    tail = f" {noun}" if noun and singular_noun(noun.lower()) == fill.casualty.noun.lower() else ""
    return sentence[max(start, 0) : fill.casualty.end - offset] + tail


def _counts_disagree(a: CountFill, b: CountFill) -> bool:
    """Two totals disagree when they differ; a lower bound only when the total is below it
    ("at least seven shot" against "five shot"), and two lower bounds never."""
    if a.at_least and b.at_least:
        return False
    # "killed five people and then himself" counts the victims: the dead are five or six.
    if a.at_least or b.at_least:
        bound, total = (a, b) if a.at_least else (b, a)
        return total.casualty.count + int(total.casualty.with_perpetrator) < bound.casualty.count
    for victims, other in ((a, b), (b, a)):
        if victims.casualty.with_perpetrator and not other.casualty.with_perpetrator:
            return other.casualty.count not in (victims.casualty.count, victims.casualty.count + 1)
    return a.casualty.count != b.casualty.count


def _bound_counts_the_dead(
    role: str, a: CountFill, b: CountFill, slots_a: dict[str, CountFill], slots_b: dict[str, CountFill]
) -> bool:
    """ "At least 20 people were injured, and two of those victims are dead" against "two dead and
    19 injured": a bound on the hurt may count the dead among them, so it holds when the other
    report's wounded and dead together reach it."""
    if role != "injured" or a.at_least == b.at_least:
        return False
    bound, other_slots = (a, slots_b) if a.at_least else (b, slots_a)
    dead = other_slots.get("killed")
    total = other_slots["injured"].casualty.count + (dead.casualty.count if dead is not None else 0)
    return total >= bound.casualty.count


def _tells_a_death(claims: Sequence[Claim], other_event: Sequence[str] = ()) -> bool:
    """Whether the report counts anyone killed in the event, in any way ("a man who was killed in
    a shooting that injured four other people"); not in a sentence about another event ("a man
    was shot and killed on the same block last week")."""
    return _tells_a(claims, "killed", other_event)


def _tells_an_injury(claims: Sequence[Claim], other_event: Sequence[str] = ()) -> bool:
    """Whether the report counts anyone injured besides a part of a group it counted ("and a
    6-year-old girl was injured"; not "two of them were critically injured")."""
    return _tells_a(claims, "injured", other_event, skip=("aggregate", "part"))


def _tells_a(claims: Sequence[Claim], role: str, other_event: Sequence[str], skip: Sequence[str] = ("aggregate",)) -> bool:
    return any(
        c.role == role and c.scope not in skip
        for claim in claims
        if reports_event(claim) and not mentions_any(claim.sentence, other_event)
        for c in claim.casualties
    )


def _shot_against_wounded(
    a: dict[str, CountFill], b: dict[str, CountFill], a_hurt: bool = False, b_hurt: bool = False
) -> tuple[CountFill, CountFill] | None:
    """ "Four people were shot" against "Six men were shot and wounded": when neither report
    counts anyone killed, everyone shot was wounded, so one report's shot and the other's
    wounded count the same people. Only a report that gives one of the two roles is read so,
    and not one that counts others hurt besides those shot ("five people were shot and a girl
    was injured": six hurt)."""
    if "killed" in a or "killed" in b:
        return None
    for (shot, shot_hurt), wounded in (((a, a_hurt), b), ((b, b_hurt), a)):
        if shot_hurt:
            continue
        if set(shot) & {"shot", "injured"} == {"shot"} and set(wounded) & {"shot", "injured"} == {"injured"}:
            if _counts_disagree(shot["shot"], wounded["injured"]):
                return shot["shot"], wounded["injured"]
    return None


def _shot_against_sum(a: dict[str, CountFill], b: dict[str, CountFill]) -> tuple[CountFill, CountFill] | None:
    """ "Seven people were shot" against "Four people are dead and four are wounded": one report
    counts the shot and neither killed nor wounded, the other counts the killed and the wounded
    in one sentence (two clauses, two claims) and not the shot; everyone shot was killed or wounded, so their sum counts
    the same people. The sum is a fill of its own, spanning both counts."""
    for shot, parts in ((a, b), (b, a)):
        if "shot" not in shot or {"killed", "injured"} & set(shot) or "shot" in parts:
            continue
        killed, injured = parts.get("killed"), parts.get("injured")
        if killed is None or injured is None or killed.claim.sentence_start != injured.claim.sentence_start or killed.at_least or injured.at_least:
            continue
        first, last = sorted((killed.casualty, injured.casualty), key=lambda c: c.start)
        text = killed.claim.sentence[first.start - killed.claim.sentence_start : last.end - killed.claim.sentence_start]
        total = killed.casualty.count + injured.casualty.count
        summed = CountFill(
            killed.claim,
            killed.casualty.model_copy(
                update={
                    "role": "shot",
                    "count": total,
                    "noun": f"{killed.casualty.count} killed + {injured.casualty.count} wounded",
                    "text": text,
                    "start": first.start,
                    "end": last.end,
                }
            ),
        )
        if _counts_disagree(shot["shot"], summed):
            return (shot["shot"], summed) if shot is a else (summed, shot["shot"])
    return None


def _part_beyond_the_shot(
    a: dict[str, CountFill], b: dict[str, CountFill], whole: Sequence[str], a_hurt: bool = False, b_hurt: bool = False
) -> tuple[CountFill, CountFill] | None:
    """ "Five people were shot" against "Seven men were wounded and one was killed": the killed and the
    wounded are among those shot, so either alone above the other report's shot contradicts it.
    Only when the report of the shot counts neither the killed nor the wounded and gives its shot
    as a total of everyone (its "three shot" might otherwise be the wounded beside the dead, and
    "shot their two boys" a part of the family), and the other
    report counts no shot of its own (then the two shot counts are compared directly). The wounded
    are not set against the shot of a report that tells of others hurt besides ("five people were
    shot and a girl was injured": six wounded)."""
    for (shot_slots, shot_hurt), parts in (((a, a_hurt), b), ((b, b_hurt), a)):
        shot = shot_slots.get("shot")
        if shot is None or shot.at_least or {"killed", "injured"} & set(shot_slots) or "shot" in parts:
            continue
        if not _counts_everyone(shot, whole):
            continue
        for role in ("killed", "injured"):
            part = parts.get(role)
            if part is None or part.casualty.count <= shot.casualty.count or (role == "injured" and shot_hurt):
                continue
            return (shot, part) if shot_slots is a else (part, shot)
    return None


def _tells_a_death_of(kind: str, words: Casualties, story: StoryClaims, fills: Sequence[CountFill]) -> bool:
    """Whether either report tells of anyone of the kind killed, counted or not ("one of the
    deputies died", "Officer Ana Lowe was killed"). Read generously: a sentence of a death that
    names the kind at all ("the officer killed the gunman") counts, since a death missed here
    would set the dead against the wounded; only the agent of a passive ("the gunman was
    killed by a SWAT officer") is not taken for the dead."""
    for fill in fills:
        for claim in story.claims[fill.claim.path]:
            if any(c.role == "killed" and words.kind_of.get(c.noun.lower()) == kind for c in claim.casualties):
                return True
            if words.role_of.get(claim.event.lemma.lower()) == "killed" and any(
                words.kind_of.get(singular_noun(w)) == kind for w in re.findall(r"[a-z]+", _AGENT.sub(" ", claim.sentence.lower()))
            ):
                return True
    return False


# The agent of a passive, up to its noun: "by a SWAT officer", "by two sheriff's deputies".
_AGENT = re.compile(r"\bby (?:an? |the |two |three |several )?(?:[\w'’-]+ ){0,2}[\w-]+")


def _counts_the_attacker(a: CountFill, b: CountFill, words: Sequence[str]) -> bool:
    """Whether either count's sentence brings in the attacker, who one report may count."""
    return any(mentions_any(f.claim.sentence, words) for f in (a, b))


def _day(fill: DateFill | None) -> dt.date | None:
    return fill.time.range_start if fill is not None else None


def _agreed_day(fills: Iterable[DateFill]) -> dt.date | None:
    """The day most reports give the story's event; None when no day leads."""
    counts = Counter(day for fill in fills if (day := _day(fill)) is not None).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def _different_days(a: DateFill | None, b: DateFill | None, limit: int) -> bool:
    if not limit or a is None or b is None or a.time.range_start is None or b.time.range_start is None:
        return False
    return abs((a.time.range_start - b.time.range_start).days) > limit


def _update(role: str, a: CountFill, doc_a: DocMeta, b: CountFill, doc_b: DocMeta, settings: CasualtySettings) -> str | None:
    """A later report with a higher count of a role that grows (the dead, the arrested) updates it."""
    if doc_a.published is None or doc_b.published is None or doc_a.published == doc_b.published or role not in settings.rising:
        return None
    early, late, late_doc = (a, b, doc_b) if doc_a.published < doc_b.published else (b, a, doc_a)
    if late.casualty.count > early.casualty.count:
        return (
            f"the later report ({late_doc.published.isoformat()}) raises it from {early.casualty.count} to "  # type: ignore[union-attr]
            f"{late.casualty.count}: likely an update as the story unfolded"
        )
    return None
