"""Quantity conflicts: numbers for the same thing that disagree in common units."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from pydantic import BaseModel, ConfigDict, Field

from ..models import Claim, Finding, Quantity, Severity
from ..wording import participle, plural
from .base import ClaimPair, Detector, StoryClaims, evidence_for, make_finding, register
from .quantity_compare import agree
from .measures import (
    counted_noun,
    how_long_it_lasted,
    is_reading,
    is_window,
    measure_key,
    orders_apart,
    quantity_key,
    shown_quantity,
    window_direction,
)
from .similarity import content_words

__all__ = ["QuantityConflict"]


class QuantitySettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    tolerance: float = 0.1
    """Relative tolerance for approximate figures ("roughly 40,000" agrees with 41,000)."""
    rising: list[str] = Field(
        default_factory=lambda: ["kill", "injure", "death", "toll", "victim", "casualty", "case", "arrest", "shoot"]
    )
    """Measures that grow as a story unfolds: a later, higher figure is an update."""
    update_severity: Severity = "low"
    update_cues: list[str] = Field(
        default_factory=lambda: ["rise", "risen", "rose", "climb", "increase", "grow", "grew", "up from", "revise", "update", "now stands"]
    )
    """Words in the later report that say a figure was updated ("has risen to 1,450, up from 1,200")."""
    scope_ratio: float = 10.0
    """Figures at least this many times apart are reported at `scope_severity`: they more often
    measure different scopes (a career and a season, a contract and a deadline) than clash."""
    scope_severity: Severity = "low"
    group_severity: Severity = "low"
    """Severity when each sentence counts the group its figure is about and the counts differ
    ("seven men ... sentences of between six and 75 years" / "five members ... from seven to 75
    years"): the figures range over different sets, as a tally does while a case goes on."""
    group_pronouns: list[str] = Field(default_factory=lambda: ["they", "these", "those", "both", "all"])
    """Subjects that stand for the group the sentence before counts ("Seven men have been
    convicted. They have received sentences ranging from six to 75 years")."""
    personal_spans: list[str] = Field(
        default_factory=lambda: ["in prison", "in jail", "behind bars", "of probation", "in state prison", "in federal prison"]
    )
    """Words after a span of time that make it one person's penalty ("20 to 42 years in prison"):
    co-defendants get different ones, so it is no window the reports share."""


def _about_the_same(a: Claim, b: Claim, entities: dict[str, dict[str, str]]) -> bool:
    """Same event, or enough shared content words that the figures measure the same thing,
    and neither claim is about a place or party the other report never mentions (background:
    "another gunman killed 13 people at Fort Hood in 2009")."""
    if _foreign(a, entities.get(b.path, {})) or _foreign(b, entities.get(a.path, {})):
        return False
    if a.event.event_class == b.event.event_class:
        return True
    return len(content_words(a.text) & content_words(b.text)) >= 3


def _foreign(claim: Claim, other_report: dict[str, str]) -> bool:
    """Whether the claim names a place or party of a kind the other report names too, but not
    this one ("Fort Hood" against a report about Isla Vista). "Port Calder" counts as named by
    "Port Calder City Council"; a report that names no place at all is no evidence either way."""
    for entity in claim.entities:
        if entity.label not in _PLACE_OR_PARTY or entity.key in other_report:
            continue
        same_kind = [key for key, label in other_report.items() if label == entity.label]
        if same_kind and not any(entity.key in key or key in entity.key for key in same_kind):
            return True
    return False


_PLACE_OR_PARTY = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "EVENT"})


def _owners(claim: Claim) -> set[str]:
    """Names before the head of the claim's subject: "hp" of "HP shares", "norcom" of "Norcom
    shares". A modifier is a name when it is in a named entity of the claim or written with a
    capital inside the sentence (not as its first word)."""
    *modifiers, head = (claim.event.subject or "").split() or [""]
    if not head:
        return set()
    words = claim.text.split()
    # The parser may leave the name out of the subject ("Veltra shares" → "share"): the word
    # written just before the subject's head is its modifier too.
    for i, word in enumerate(words[1:], 1):
        if word.lower().startswith(head):
            modifiers.append(words[i - 1].lower().strip(".,;:'’\""))
            break
    named = {w for e in claim.entities if e.label in _PLACE_OR_PARTY for w in e.key.split()}
    capitalised = {w.lower().strip(".,;:'’\"") for w in words[1:] if w[:1].isupper()}
    return {w for w in modifiers if w in named or w in capitalised}


def _different_owners(a: Claim, b: Claim) -> bool:
    """Whether the two figures belong to different named owners: "HP shares closed at $44.27"
    and "EDS shares closed at $24.34" in two reports of a merger are two prices, not one
    price told twice. Each subject must name its owner, and the owners must differ."""
    mine, theirs = _owners(a), _owners(b)
    if not mine or not theirs:
        return False
    return not any(x in y or y in x for x in mine for y in theirs)


def _usable(claim: Claim) -> bool:
    return not claim.conditional


# A figure after these words is a part of a larger one ("31 reports, including four of burns").
_SUBSET_CUES = ("including", "among them", "of whom", "of which", "among those", "of those")


def _is_subset(claim: Claim, quantity: Quantity) -> bool:
    offset = quantity.start - claim.sentence_start
    before = claim.sentence[max(0, offset - 30) : max(0, offset)].lower()
    return any(cue in before for cue in _SUBSET_CUES)


@register
class QuantityConflict(Detector):
    """Reports give figures for the same thing that do not agree in common units.

    Fires:
        A: "Labs would share models between 14 and 90 days before launch."
        B: "Labs would share models 30 to 60 days before launch."
        Two explicit windows with different ends disagree, even where they overlap.

    Does not fire:
        A: "Labs would share models between 14 and 90 days before launch."
        B: "Labs would share models two weeks to three months before launch."
        Both are 14..90 days. A single figure inside a range ("45 days" against "between
        14 and 90 days"), or inside a bound ("up to 90 days"), does not fire either.
    """

    code = "QT01"
    name = "quantities.conflict"
    kind = "quantity_conflict"
    groups = ("all", "quantities")
    default_severity = "high"
    Settings = QuantitySettings
    # A window or a count is often stated with different verbs ("must register within 30 days",
    # "have 60 to 90 days to file"), so figures are compared across the whole story, keyed by
    # what they measure, between claims that share enough content.
    scope = "story"

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        groups: dict[tuple[str, ...], list[tuple[Claim, Quantity]]] = defaultdict(list)
        entities = {path: {e.key: e.label for c in claims for e in c.entities} for path, claims in story.claims.items()}
        for path in sorted(story.claims):
            for claim in story.claims[path]:
                if not _usable(claim):
                    continue
                for quantity in claim.quantities:
                    if not self._compared_here(claim, quantity):
                        continue
                    key = measure_key(claim, quantity, self.lexicon, loose=True)
                    if key is not None and not _is_subset(claim, quantity):
                        groups[key].append((claim, quantity))
        for key, items in groups.items():
            given = {(claim.path, quantity_key(q)) for claim, q in items}
            for i, (a, qa) in enumerate(items):
                for b, qb in items[i + 1 :]:
                    if a.path == b.path or not _about_the_same(a, b, entities) or _different_owners(a, b):
                        continue
                    # A report that gives the other's figure too does not dispute it ("two of the
                    # skiffs got away ... the remaining three": both reports give two and three).
                    if (b.path, quantity_key(qa)) in given or (a.path, quantity_key(qb)) in given:
                        continue
                    # Counts of things need the same event: "five bullet holes in a helicopter"
                    # and "21 bullet holes" in a photo share words, not a fact.
                    if qa.kind == "count" and not self._same_event(a, b) and not _said_updated(a, b, self.settings):  # type: ignore[arg-type]
                        continue
                    # "two days before the fireworks" and "one day after the kickoff" count from
                    # two events in opposite directions: not one window given twice.
                    if qa.kind == "duration" and {window_direction(a, qa), window_direction(b, qb)} == {"before", "after"}:
                        continue
                    # How long the shooting went on is not how long before a victim noticed.
                    if qa.kind == "duration" and _lasting_against_window(a, qa, b, qb):
                        continue
                    pair = ClaimPair(a, b, story.docs[a.path], story.docs[b.path], story.story, 0.0)
                    yield from self._compare(
                        pair,
                        qa,
                        qb,
                        key,
                        groups=lambda: _different_groups(story, (a, qa), (b, qb), self.settings.group_pronouns),
                        places=lambda: _different_places((a, qa), (b, qb)),
                    )

    def _same_event(self, a: Claim, b: Claim) -> bool:
        """Whether two claims tell one event: the same class, named by their own verbs ("fired 30
        rounds" / "shot 30 rounds") or by the same verb. A class both take from a noun of the
        clause ("left five bullet holes in a helicopter over the shooting scene" / "a photo after
        the shooting showed 21 bullet holes") names what the clause is about, not what it tells."""
        if a.event.event_class != b.event.event_class:
            return False
        classes = self.lexicon.event_class_of
        return a.event.lemma == b.event.lemma or (a.event.lemma in classes and b.event.lemma in classes)

    def _compared_here(self, claim: Claim, quantity: Quantity) -> bool:
        """Counts of people are compared role by role (QT02), never as bare numbers here; a single
        span of time ("an 11-year sentence", "a 16-year veteran") is an attribute of someone,
        not a window both reports give: only windows, bounds and spans counted from an event are."""
        if claim.furniture or claim.scheduled:
            return False
        # "In their five operations so far, ... 31 magazines": a tally of a period, not the event's figure.
        if quantity.kind != "duration" and self.lexicon.casualties.scope.aggregate_cues.search(claim.sentence.lower()):
            return False
        if quantity.kind == "count":
            people = set(self.lexicon.casualties.people) | {"people", "person"}
            overlaps = any(c.start < quantity.end and quantity.start < c.end for c in claim.casualties)
            return not overlaps and (quantity.subject or "").lower() not in people
        if quantity.kind == "duration":
            return is_window(claim, quantity) and not _penalty(claim, quantity, self.settings.personal_spans)  # type: ignore[attr-defined]
        return True

    def check_pair(self, pair: ClaimPair) -> Iterable[Finding]:
        """Compare the figures of one aligned pair (used by callers that align claims themselves)."""
        for qa in pair.a.quantities:
            key = measure_key(pair.a, qa, self.lexicon, loose=True)
            for qb in pair.b.quantities:
                if key is not None and key == measure_key(pair.b, qb, self.lexicon, loose=True):
                    yield from self._compare(pair, qa, qb, key)

    def _compare(
        self,
        pair: ClaimPair,
        qa: Quantity,
        qb: Quantity,
        key: tuple[str, ...],
        *,
        groups: Callable[[], tuple[set[float], set[float]] | None] | None = None,
        places: Callable[[], tuple[str, str] | None] | None = None,
    ) -> Iterable[Finding]:
        a, b = pair.a, pair.b
        if not (_usable(a) and _usable(b)) or (a.tense == "future") != (b.tense == "future"):
            return
        settings: QuantitySettings = self.settings  # type: ignore[assignment]
        if not agree(qa, qb, tolerance=settings.tolerance):
            # The groups and places are read only for figures that disagree: most pairs agree.
            yield self._finding(pair, qa, qb, key, groups=groups() if groups else None, places=places() if places else None)

    def _finding(
        self,
        pair: ClaimPair,
        qa: Quantity,
        qb: Quantity,
        key: tuple[str, ...],
        *,
        groups: tuple[set[float], set[float]] | None = None,
        places: tuple[str, str] | None = None,
    ) -> Finding:
        settings: QuantitySettings = self.settings  # type: ignore[assignment]
        a, b = pair.a, pair.b
        shown_a, shown_b = shown_quantity(a, qa), shown_quantity(b, qb)
        message = f"Reports disagree on {_what(a, qa)}: {shown_a} in {a.path}, {shown_b} in {b.path}"
        severity = None
        update = _update_direction(pair, (qa, shown_a), (qb, shown_b), key, settings)
        if orders_apart((qa.low, qa.high), (qb.low, qb.high), settings.scope_ratio):
            message += "; the figures are an order of magnitude apart, so they may measure different things"
            severity = settings.scope_severity
        elif places is not None:
            message += f"; the figures are given for different places ({places[0]} / {places[1]})"
            severity = settings.scope_severity
        elif groups is not None:
            sizes = " / ".join(", ".join(f"{n:g}" for n in sorted(g)) for g in groups)
            message += f"; the sentences count different groups ({sizes}), so the figures may range over different sets"
            severity = settings.group_severity
        elif update:
            message += f"; {update}"
            severity = settings.update_severity
        return make_finding(
            self,
            message,
            [
                evidence_for(a, pair.doc_a, span=(qa.start, qa.end, qa.text), value=shown_a),
                evidence_for(b, pair.doc_b, span=(qb.start, qb.end, qb.text), value=shown_b),
            ],
            [a, b],
            # Fingerprints keep the common-unit form, so baselines outlive changes of wording.
            ["|".join(key), quantity_key(qa), quantity_key(qb)],
            severity=severity,
        )


def _different_groups(
    story: StoryClaims, a: tuple[Claim, Quantity], b: tuple[Claim, Quantity], pronouns: Sequence[str] = ()
) -> tuple[set[float], set[float]] | None:
    """The sizes of the groups the two sentences count, when both count one and no size is shared."""
    sizes = (
        _group_sizes(a[0], a[1], story.claims[a[0].path], pronouns),
        _group_sizes(b[0], b[1], story.claims[b[0].path], pronouns),
    )
    return sizes if all(sizes) and not set.intersection(*sizes) else None


_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _different_places(a: tuple[Claim, Quantity], b: tuple[Claim, Quantity]) -> tuple[str, str] | None:
    """The places each figure is given for, when both name one and they share none ("55 percent
    of voice traffic in Saudi Arabia" / "65% of traffic with India")."""
    places = _figure_places(*a), _figure_places(*b)
    if not (places[0] and places[1]) or set(places[0]) & set(places[1]):
        return None
    words = [{w for key in p for w in key.split()} for p in places]
    if words[0] & words[1]:
        return None
    return ", ".join(sorted(places[0].values())), ", ".join(sorted(places[1].values()))


def _figure_places(claim: Claim, figure: Quantity) -> dict[str, str]:
    """The countries, cities and regions named after the figure, before the sentence's next
    figure or clause break: what the figure is given for ("55 percent of voice traffic in Saudi
    Arabia, 52 percent in Egypt")."""
    start = figure.end - claim.sentence_start
    ends = [q.start - claim.sentence_start for q in claim.quantities if q.start > figure.start]
    stretch = claim.sentence[max(0, start) : min(ends, default=len(claim.sentence))]
    stretch = re.split(r"[,;:()]", stretch, maxsplit=1)[0]
    return {e.key: e.text for e in claim.entities if e.label in _PLACE_LABELS and re.search(rf"\b{re.escape(e.text)}\b", stretch)}


def _group_sizes(claim: Claim, figure: Quantity, report: Sequence[Claim], pronouns: Sequence[str] = ()) -> set[float]:
    """How many the claim's sentence says its subject is ("seven men have been convicted", "all
    seven who have been prosecuted"): the counts, other than the `figure` compared, that are the
    subject of a clause of the sentence. A sentence whose subject is one of `pronouns` ("They have
    received sentences ranging from six to 75 years") counts the group of the sentence before."""
    sizes = _sizes_in(claim.sentence_start, figure, report)
    if sizes or (claim.event.subject or "").lower() not in {p.lower() for p in pronouns}:
        return sizes
    before = [c.sentence_start for c in report if c.sentence_start < claim.sentence_start]
    return _sizes_in(max(before), None, report) if before else sizes


def _sizes_in(sentence_start: int, figure: Quantity | None, report: Sequence[Claim]) -> set[float]:
    sizes = set()
    for other in report:
        if other.sentence_start != sentence_start:
            continue
        subject = (other.event.subject or "").lower().split()
        for q in other.quantities:
            if (figure is not None and q.start == figure.start) or q.kind != "count" or not subject:
                continue
            if q.subject in subject or q.text.lower() in subject:
                sizes.add(q.low)
    return sizes


def _lasting_against_window(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Whether one span is how long something went on ("went on for three to five minutes") and
    the other a window counted from an event ("shot 10 minutes before he realized")."""
    for (x, qx), (y, qy) in (((a, qa), (b, qb)), ((b, qb), (a, qa))):
        if how_long_it_lasted(x, qx) and not how_long_it_lasted(y, qy) and window_direction(y, qy) is not None:
            return True
    return False


def _penalty(claim: Claim, quantity: Quantity, cues: Sequence[str]) -> bool:
    offset = quantity.end - claim.sentence_start
    after = claim.sentence[max(0, offset) : max(0, offset) + 24].lower().lstrip()
    return any(after.startswith(cue) for cue in cues)


def _said_updated(a: Claim, b: Claim, settings: QuantitySettings) -> bool:
    """Either claim says in words that a figure was updated ("has risen to 1,450")."""
    return any(cue in c.text.lower() for c in (a, b) for cue in settings.update_cues)


def _what(claim: Claim, quantity: Quantity) -> str:
    if quantity.kind == "duration":
        return "the window"
    if quantity.kind == "money":
        return "the amount"
    if quantity.kind == "percent":
        return "the percentage"
    noun = counted_noun(claim, quantity)
    if not noun:
        return "the number"
    if is_reading(quantity):
        return f"the {noun}"
    done = participle(noun)
    return f"how many were {done}" if done else f"the number of {plural(noun)}"


def _update_direction(
    pair: ClaimPair,
    qa: tuple[Quantity, str],
    qb: tuple[Quantity, str],
    key: tuple[str, ...],
    settings: QuantitySettings,
) -> str | None:
    """Say so when the later report raises a figure that grows as a story unfolds (a death toll),
    or says in words that the figure was updated."""
    da, db = pair.doc_a.published, pair.doc_b.published
    if da is None or db is None or da == db:
        return None
    ((early, early_shown), _, _), ((late, late_shown), late_doc, late_claim) = sorted(
        ((qa, da, pair.a), (qb, db, pair.b)), key=lambda item: item[1]
    )
    said_updated = any(cue in late_claim.text.lower() for cue in settings.update_cues)
    if not (said_updated or any(part in settings.rising for part in key)):
        return None
    if late.low > early.high:
        return (
            f"the later report ({late_doc.isoformat()}) raises it from {early_shown} to "
            f"{late_shown}: likely an update as the story unfolded"
        )
    return None
