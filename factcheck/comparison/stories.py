"""Group articles into stories, so that only reports of the same event are ever compared.

Each article is a vector of what it is about: its content lemmas and figures, and its named
entities by full name, each weighted by log-scaled count times rarity. Rarity is the word's
rarity in English at large (its Zipf frequency, found at extraction), never in the folder,
so the score of two articles depends on those two articles alone. Two articles are linked
when the cosine of their vectors reaches `min_similarity`, they share a name (a full name,
an organisation or a place), and they were published close enough in time (or the later
one is a follow-up that names the day of the earlier one's event); linked articles
are then merged into stories by average linkage (a story joins another only when their
articles are alike on average, not through one chain of look-alike pairs), which keeps
most look-alike events (one boxer's two fights) apart; events that share people, place
and vocabulary can still merge (see the README's measured figures).

Candidate pairs come from an inverted index of features, probed with each article's few
heaviest features (its rarest words and names) and only within the date window: a link
needs one of the two articles to share one of those with the other. So the work grows with
the articles sharing a rare word or name within a few weeks, not with all pairs.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..models import DocumentClaims, Story
from ..rulepacks import load_pack

__all__ = [
    "AlignmentPack",
    "StoryRules",
    "ClaimRules",
    "load_alignment",
    "find_stories",
    "group_stories",
    "story_vector",
    "similarity",
    "event_days",
]

# Features that are names carry this mark, so a name never matches a plain word.
_NAME = "@"
_PERSON_NAME = f"{_NAME}PERSON:"
# Entity labels whose shared key says two reports are about the same people or places.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


class StoryRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_similarity: float = 0.1
    min_shared_names: int = 1
    min_average_similarity: float = 0.25
    rarity_ceiling: float = 6.0
    name_weight: float = 1.0
    close_days: int = 7
    close_bonus: float = 0.2
    max_days_apart: int = 45
    follow_ups: bool = True
    shared_shown: int = 8
    probe_features: int = 10
    event_day_window: int = 21
    event_day_tolerance: int = 1
    other_day_penalty: float = 0.15
    dateless_events: list[str] = ["arrest", "charge"]
    same_people: int = 2
    follow_up_people: int = 2
    nameless_similarity: float = 0.2
    undated_margin: float = 0.1
    undated_average: float = 0.2
    corroborated_average: float = 0.1
    corroborated_days: int = 14


class ClaimRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_similarity: float = 55.0
    max_pairs_per_claim: int = 3


class AlignmentPack(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    stories: StoryRules = StoryRules()
    claims: ClaimRules = ClaimRules()


def load_alignment(extra_dirs: Sequence[str | Path] = ()) -> AlignmentPack:
    return load_pack("alignment", AlignmentPack, extra_dirs)


def _rarity(zipf: float, rules: StoryRules) -> float:
    """How much a word says about which event an article reports: 0 for words this common or more."""
    return max(0.0, rules.rarity_ceiling - zipf)


def _name_feature(label: str, key: str) -> str:
    return f"{_NAME}{label}:{key}"


def story_vector(doc: DocumentClaims, rules: StoryRules) -> dict[str, float]:
    """The article's features with unit length: content terms, and names marked with `@LABEL:`.

    A person known only by one word ("Neal") keeps a one-word key that never matches a full
    name ("Shaquille O'Neal"), so surnames alone link articles only when neither gives the
    full name and their content agrees.
    """
    weights: dict[str, float] = {}
    for term, count, zipf in doc.terms:
        weight = (1.0 + math.log(count)) * _rarity(zipf, rules)
        if weight > 0:
            weights[term] = weight
    for label, key, count, zipf in doc.names:
        if label not in _NAME_LABELS:
            continue
        # Names are never weightless: a common one ("Paris") still tells places apart.
        weight = rules.name_weight * (1.0 + math.log(count)) * max(_rarity(zipf, rules), 0.5)
        weights[_name_feature(label, key)] = weight
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {feature: w / norm for feature, w in sorted(weights.items())} if norm else {}


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit vectors."""
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b[f] for f, w in a.items() if f in b)


def _name_keys(vector: dict[str, float]) -> set[str]:
    return {f.split(":", 1)[1] for f in vector if f.startswith(_NAME)}


def _shared_names(a: dict[str, float], b: dict[str, float]) -> list[str]:
    """Names both articles give, whatever kind the tagger took each for.

    The small English model often tags one name differently in two reports (a suspect's
    "Amorian Hale" as PERSON in one and ORG in the other, a town as PERSON): the kind still
    keeps the features apart in the vectors, but a name both give is shared evidence.
    """
    return sorted((_name_keys(a) & _name_keys(b)) | _people_within(a, b))


def _people_within(a: dict[str, float], b: dict[str, float]) -> set[str]:
    """Full names of people in one article that lie within a longer one of the other: a middle
    name or a word the page glued on ("Matthew Mitchell", "Matthew James Mitchell")."""
    return _nested(_people(a), _people(b))


def _names_within(a: dict[str, float], b: dict[str, float]) -> bool:
    """Whether a name of two words or more in one article lies within a name of the other, or a
    place of one word within a place of the other: reports spell places differently ("Coastland
    Mall", "Coastland Center Mall"), and the tagger takes a street for a town ("Faronia",
    "Faronia Road")."""
    if _nested({k for k in _name_keys(a) if " " in k}, {k for k in _name_keys(b) if " " in k}):
        return True
    return bool(_nested(_place_keys(a), _place_keys(b)))


def _people_in_common(mine: set[str], theirs: set[str]) -> int:
    """How many people two articles both name by full name, a name within a longer one of the
    other counting ("Tamara Perry", "Tamara Alexia Perry"): each name counts once on each side."""
    exact = len(mine & theirs)
    if exact == min(len(mine), len(theirs)):
        return exact
    pairs = [(x, y) for x, y in itertools.product(mine, theirs) if _within(x, y)]
    return min(len({x for x, _ in pairs}), len({y for _, y in pairs}))


def _within(x: str, y: str) -> bool:
    words_x, words_y = frozenset(x.split()), frozenset(y.split())
    return words_x <= words_y or words_y <= words_x


def _nested(mine: set[str], theirs: set[str]) -> set[str]:
    """The shorter of each two keys, one of each set, whose words all lie among the other's."""
    return {min(x, y, key=len) for x, y in itertools.product(mine, theirs) if _within(x, y)}


def _linked(
    a: dict[str, float],
    b: dict[str, float],
    dates: tuple[dt.date | None, dt.date | None],
    rules: StoryRules,
    days: tuple[frozenset[dt.date], frozenset[dt.date]] = (frozenset(), frozenset()),
) -> float | None:
    """The pair's score when it is a link, else None.

    Reports of one event come out within days of each other: two linked articles published
    at most `close_days` apart get `close_bonus` added to their score. Two that each date
    what they report (`days`, see `event_days`) and share no day within `event_day_tolerance`
    lose `other_day_penalty` (look-alike shootings in one city a week apart), unless they name
    at least `same_people` people in common.
    """
    score = similarity(a, b)
    first, second = dates
    close = first is not None and second is not None and abs((first - second).days) <= rules.close_days
    if score < rules.min_similarity:
        return None
    # Without a name in common, only reports of the same days that agree strongly: the tagger
    # misses names, and reports spell places differently ("Coastland Mall", "Coastland Center").
    # Two reports that each name places, none of them shared, are about different places.
    if len(_shared_names(a, b)) < rules.min_shared_names and not (
        close and score >= rules.nameless_similarity and (not (_places(a) and _places(b)) or _names_within(a, b))
    ):
        return None
    if close:
        score += rules.close_bonus
    mine, theirs = days
    apart = mine and theirs and not _days_meet(mine, theirs, rules.event_day_tolerance)
    # Reports naming the same people are one story whatever they date (the shooting, the arrest).
    if apart and _people_in_common(_people(a), _people(b)) < rules.same_people:
        score -= rules.other_day_penalty
        if score < rules.min_similarity:
            return None
    return score


def _corroborated(
    a: dict[str, float],
    b: dict[str, float],
    dates: tuple[dt.date | None, dt.date | None],
    days: tuple[frozenset[dt.date], frozenset[dt.date]],
    rules: StoryRules,
    recalled: tuple[tuple[dt.date, ...], tuple[dt.date, ...]] = ((), ()),
) -> bool:
    """Whether two linked reports agree on who and when: published within `max_days_apart`,
    naming a person in common by full name, and each dating the event it reports to the same
    day (within `event_day_tolerance`); or, when either dates nothing, published within
    `corroborated_days` and naming a place in common; or one is a later report that goes back
    to the day the other dates its event to (see `recalled_days`), both naming someone or
    something other than a place by a name of two words or more: the charge months later that
    names the boy killed and the day he was shot."""
    if _recalls_their_day(a, b, days, recalled, rules):
        return True
    first, second = dates
    if first is None or second is None or abs((first - second).days) > rules.max_days_apart:
        return False
    if not _people(a) & _people(b):
        return False
    mine, theirs = days
    if mine and theirs:
        return _days_meet(mine, theirs, rules.event_day_tolerance)
    return abs((first - second).days) <= rules.corroborated_days and bool(_place_keys(a) & _place_keys(b))


def _recalls_their_day(
    a: dict[str, float],
    b: dict[str, float],
    days: tuple[frozenset[dt.date], frozenset[dt.date]],
    recalled: tuple[tuple[dt.date, ...], tuple[dt.date, ...]],
    rules: StoryRules,
) -> bool:
    """Whether one report names, long after, the day the other dates its event to, and both
    name the same one by a full name that is not a place. A city and a day are not enough: a
    large city has several shootings a day."""
    tolerance = rules.event_day_tolerance
    (mine, theirs), (recalled_mine, recalled_theirs) = days, recalled
    if not (_days_meet(recalled_mine, theirs, tolerance) or _days_meet(recalled_theirs, mine, tolerance)):
        return False
    places = _place_keys(a) | _place_keys(b)
    return any(" " in name and name not in places for name in _shared_names(a, b))


def _days_meet(mine: Iterable[dt.date], theirs: Iterable[dt.date], tolerance: int) -> bool:
    """Whether a day of one set lies within `tolerance` days of a day of the other."""
    theirs = tuple(theirs)
    return any(abs((x - y).days) <= tolerance for x in mine for y in theirs)


def _place_keys(vector: dict[str, float]) -> set[str]:
    return {f.split(":", 1)[1] for f in vector if f.startswith((f"{_NAME}GPE:", f"{_NAME}LOC:", f"{_NAME}FAC:"))}


def _places(vector: dict[str, float]) -> bool:
    return bool(_place_keys(vector))


def _people(vector: dict[str, float]) -> set[str]:
    """Full names of people (two words or more) among the vector's names."""
    keys = (f.split(":", 1)[1] for f in vector if f.startswith(f"{_NAME}PERSON:"))
    return {key for key in keys if " " in key}


def event_days(doc: DocumentClaims, rules: StoryRules) -> frozenset[dt.date]:
    """The days the article gives the events it reports: past, to the day, and at most
    `event_day_window` days before its publication (older days are other events it recalls).
    Plans, schedules, conditionals and page furniture date nothing, and neither do the events of
    `dateless_events`: an arrest or a charge follows the event by days or weeks, so its day does
    not tell one shooting from another."""
    days = set()
    for claim in doc.claims:
        if claim.furniture or claim.conditional:
            continue
        for event in claim.dated_events:
            if event.event_class in rules.dateless_events:
                continue
            day = event.time.range_start
            if day is None or event.time.range_end != day or event.scheduled or event.tense == "future":
                continue
            if doc.published is not None and not 0 <= (doc.published - day).days <= rules.event_day_window:
                continue
            days.add(day)
    return frozenset(days)


def placing_days(doc: DocumentClaims, days: frozenset[dt.date]) -> frozenset[dt.date]:
    """The days that place an article in time: the days it gives the events it reports (`days`,
    see `event_days`) and its publication date; for an article without one, every full day it
    names ("July 13, 2009"), which is what its story can be placed by."""
    if doc.published is not None:
        return days | {doc.published}
    named = {
        t.range_start
        for t in doc.times
        if t.granularity == "day" and t.range_start is not None and t.range_start == t.range_end
    }
    return days | named


def recalled_days(doc: DocumentClaims, rules: StoryRules) -> tuple[dt.date, ...]:
    """Days the article names that lie more than `max_days_apart` before its publication.

    A later report on an event (an arrest, a charge, a trial) usually dates what it goes
    back to: "shot on Oct. 20". Such a day places the article beside the reports of that
    day as well as at its own publication date. Only single days count: a month or a year
    says too little to tell one event from the next.
    """
    if not rules.follow_ups or doc.published is None or not rules.max_days_apart:
        return ()
    days = {
        t.range_start
        for t in doc.times
        if t.granularity == "day"
        and t.range_start is not None
        and t.range_start == t.range_end
        and (doc.published - t.range_start).days > rules.max_days_apart
    }
    return tuple(sorted(days))


def _in_time(
    a: str,
    b: str,
    published: dict[str, dt.date | None],
    recalled: dict[str, tuple[dt.date, ...]],
    rules: StoryRules,
    people: Mapping[str, set[str]] | None = None,
) -> bool:
    """Whether two articles are close enough in time to report one event.

    Published at most `max_days_apart` apart (or either undated), or one is a later report
    that names a day within `close_days` of the other's publication or of a day the other
    names too, or both name `follow_up_people` people in common by full name: the follow-up
    of that event.
    """
    first, second = published[a], published[b]
    if first is None or second is None or not rules.max_days_apart or abs((first - second).days) <= rules.max_days_apart:
        return True
    if people is not None and rules.follow_up_people and _people_in_common(people.get(a, set()), people.get(b, set())) >= rules.follow_up_people:
        return True
    near = rules.close_days
    mine, theirs = recalled.get(a, ()), recalled.get(b, ())
    return (
        any(abs((day - second).days) <= near for day in mine)
        or any(abs((day - first).days) <= near for day in theirs)
        or _days_meet(mine, theirs, near)
    )


class _DatedIndex:
    """Feature → the articles having it, sorted by publication date, for window lookups."""

    def __init__(self, features_of: dict[str, Sequence[str]], published: dict[str, dt.date | None]) -> None:
        self.paths: dict[str, list[str]] = defaultdict(list)
        self.dates: dict[str, list[dt.date]] = defaultdict(list)
        self.undated: dict[str, list[str]] = defaultdict(list)
        # Articles visited in date order, so every posting list comes out sorted by date.
        dated = sorted((p for p in features_of if published[p] is not None), key=lambda p: (published[p], p))
        for path in dated:
            date = published[path]
            for key in features_of[path]:
                self.paths[key].append(path)
                self.dates[key].append(date)  # type: ignore[arg-type]
        for path in sorted(features_of):
            if published[path] is None:
                for key in features_of[path]:
                    self.undated[key].append(path)

    def near(self, key: str, date: dt.date | None, max_days: int, *, undated: bool = True) -> Iterator[str]:
        """Articles with `key` published within `max_days` of `date` (all when either is unknown)."""
        paths = self.paths.get(key, [])
        if date is None or not max_days:
            yield from paths
        elif paths:
            dates = self.dates[key]
            limit = dt.timedelta(days=max_days)
            yield from paths[bisect.bisect_left(dates, date - limit) : bisect.bisect_right(dates, date + limit)]
        if undated:
            yield from self.undated.get(key, [])


class _RecallIndex(_DatedIndex):
    """Feature → the articles having it, filed under each day they go back to."""

    def __init__(self, features_of: dict[str, Sequence[str]], recalled: dict[str, tuple[dt.date, ...]]) -> None:
        self.paths = defaultdict(list)
        self.dates = defaultdict(list)
        self.undated = defaultdict(list)
        for day, path in sorted((day, p) for p in features_of for day in recalled[p]):
            for key in features_of[path]:
                self.paths[key].append(path)
                self.dates[key].append(day)

    def near(self, key: str, date: dt.date | None, max_days: int, *, undated: bool = False) -> Iterator[str]:
        if date is None:
            return iter(())
        return super().near(key, date, max_days, undated=False)


def _telling(vector: dict[str, float], rules: StoryRules) -> list[str]:
    """The article's `probe_features` heaviest features (its rarest words and names), and the
    full names of the people it names: a report that names the victim finds the other
    reports naming them, though its rarest words are others."""
    heaviest = sorted(vector, key=lambda f: (-vector[f], f))[: rules.probe_features]
    people = sorted(_name_feature("PERSON", key) for key in _people(vector))
    return list(dict.fromkeys([*heaviest, *people]))


def _candidate_edges(
    vectors: dict[str, dict[str, float]],
    published: dict[str, dt.date | None],
    rules: StoryRules,
    recalled: dict[str, tuple[dt.date, ...]] | None = None,
    days: Mapping[str, frozenset[dt.date]] | None = None,
    people: Mapping[str, set[str]] | None = None,
) -> list[tuple[float, str, str]]:
    """(score, a, b) with a < b for every linked pair of articles close enough in time.

    Blocking: a link needs one article to have, among its heaviest features, one the other
    has too; so each article walks only the posting lists of its few rarest words and names,
    which stay short as the folder grows, and that choice depends on the article alone.
    Follow-ups are probed the same way around each day an article goes back to (see
    `recalled_days`), in a second index that files articles under those days.
    """
    recalled = recalled or {}
    days = days or {}
    people = people if people is not None else {p: _people(v) for p, v in vectors.items()}
    index = _DatedIndex({p: list(v) for p, v in vectors.items()}, published)
    by_day = _RecallIndex({p: list(vectors[p]) for p in recalled if recalled[p]}, recalled)
    seen: set[tuple[str, str]] = set()
    edges = []
    for a in sorted(vectors):
        for feature in _telling(vectors[a], rules):
            # A full name is looked up at any distance in time: a follow-up months later
            # names the same people (see `follow_up_people`).
            window = 0 if rules.follow_up_people and feature.startswith(_PERSON_NAME) and " " in feature else rules.max_days_apart
            probes = [index.near(feature, published[a], window)]
            for day in recalled.get(a, ()):
                probes.append(index.near(feature, day, rules.close_days, undated=False))
                probes.append(by_day.near(feature, day, rules.close_days))
            if published[a] is not None and by_day.paths:
                probes.append(by_day.near(feature, published[a], rules.close_days))
            for b in itertools.chain.from_iterable(probes):
                pair = (a, b) if a < b else (b, a)
                if a == b or pair in seen:
                    continue
                seen.add(pair)
                first, second = pair
                if not _in_time(first, second, published, recalled, rules, people):
                    continue
                score = _linked(
                    vectors[first],
                    vectors[second],
                    (published[first], published[second]),
                    rules,
                    (days.get(first, frozenset()), days.get(second, frozenset())),
                )
                if score is not None:
                    edges.append((score, first, second))
    return edges


def _span(dates: Sequence[dt.date | None]) -> tuple[dt.date | None, dt.date | None]:
    known = [d for d in dates if d is not None]
    return (min(known), max(known)) if known else (None, None)


def _average_linkage(
    paths: Sequence[str],
    edges: Sequence[tuple[float, str, str]],
    published: dict[str, dt.date | None],
    rules: StoryRules,
    recalled: dict[str, tuple[dt.date, ...]] | None = None,
    corroborated: Sequence[tuple[float, str, str]] = (),
    people: Mapping[str, set[str]] | None = None,
    placed: Mapping[str, frozenset[dt.date]] | None = None,
    places: Mapping[str, set[str]] | None = None,
) -> list[list[str]]:
    """Merge the two clusters most alike on average while that average reaches the threshold.

    The average counts every pair of the two clusters, unlinked pairs as 0 (they scored
    below `min_similarity`), so a story grows only where most of its articles agree. Two stories
    without a publication date merge from `undated_average` when they name a place in common or
    either names none (`places`). A story with a publication date and one without must agree
    `undated_margin` more, unless they are placed on a day in common (`placed`, see
    `placing_days`): the undated reports name the day the others were published on, or give
    their event the same day. A merge that would stretch a story past `max_days_apart` is
    refused unless each article of either cluster is close in time to an article of the other,
    or each pair across is close or bridged by a follow-up (see `_Clusters._each_in_time`).

    Then each `corroborated` pair (see `_corroborated`) brings its two clusters together when
    their average reaches `corroborated_average`: a report that names the people and the day of
    the event joins the story of that event though it shares little of its other articles' words.
    """
    clusters = _Clusters(paths, edges, published, rules, recalled or {}, people, placed, places)
    heap = [(-score / 1.0, a, b) for score, a, b in edges]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        average = clusters.average(a, b)
        if average is None or abs(average + negative) > 1e-12:
            continue  # stale: the clusters changed since this entry was pushed
        if average < min(rules.min_average_similarity, rules.undated_average):
            break
        dated_a, dated_b = clusters.span[a][0] is not None, clusters.span[b][0] is not None
        # Two stories without a publication date score on content alone (no close_bonus), so
        # they merge from a lower average; there, two that name places must name one in common:
        # one boxer's two fights, in Las Vegas and in Manila.
        if average < (rules.min_average_similarity if dated_a or dated_b else rules.undated_average):
            continue
        if average < rules.min_average_similarity and not clusters.same_places(a, b):
            continue
        # A story with a date and one without meet on content alone, where look-alike events
        # (one boxer's two fights, two quakes on one island) are closest: they must agree more,
        # unless the stories date the event they report to the same day.
        if dated_a != dated_b and average < rules.min_average_similarity + rules.undated_margin and not clusters.same_day(a, b):
            continue
        keep = clusters.merge(a, b)
        if keep is None:
            continue
        for other in clusters.sums[keep]:
            linked = clusters.average(keep, other)
            if linked is not None:
                heapq.heappush(heap, (-linked, min(keep, other), max(keep, other)))
    for _, a, b in sorted(corroborated, key=lambda e: (-e[0], e[1], e[2])):
        first, second = clusters.of(a), clusters.of(b)
        average = clusters.average(first, second) if first != second else None
        if average is not None and average >= rules.corroborated_average:
            clusters.merge(first, second)
    return [sorted(group) for group in clusters.members.values()]


class _Clusters:
    """Clusters of articles with the summed link scores between each two of them."""

    def __init__(
        self,
        paths: Sequence[str],
        edges: Sequence[tuple[float, str, str]],
        published: dict[str, dt.date | None],
        rules: StoryRules,
        recalled: dict[str, tuple[dt.date, ...]],
        people: Mapping[str, set[str]] | None = None,
        placed: Mapping[str, frozenset[dt.date]] | None = None,
        places: Mapping[str, set[str]] | None = None,
    ) -> None:
        self.members: dict[str, list[str]] = {p: [p] for p in paths}
        # The days that place each cluster's articles in time (see `placing_days`).
        self.placed = {p: set((placed or {}).get(p, frozenset())) for p in paths}
        self.places = {p: set((places or {}).get(p, ())) for p in paths}
        self.people = people
        self.span = {p: (published[p], published[p]) for p in paths}
        self.sums: dict[str, dict[str, float]] = defaultdict(dict)
        self.cluster_of = {p: p for p in paths}
        self.published, self.rules, self.recalled = published, rules, recalled
        for score, a, b in edges:
            self.sums[a][b] = self.sums[b][a] = score

    def of(self, path: str) -> str:
        return self.cluster_of[path]

    def average(self, a: str, b: str) -> float | None:
        """The average link over all pairs of the two clusters; None when nothing links them."""
        if a not in self.members or b not in self.members or self.sums[a].get(b) is None:
            return None
        return self.sums[a][b] / (len(self.members[a]) * len(self.members[b]))

    def same_places(self, a: str, b: str) -> bool:
        """Whether the two clusters name a place in common (or one within another), or either
        names none."""
        mine, theirs = self.places[a], self.places[b]
        return not mine or not theirs or bool(mine & theirs) or bool(_nested(mine, theirs))

    def same_day(self, a: str, b: str) -> bool:
        """Whether the two clusters' articles are placed on a day in common (within
        `event_day_tolerance`; see `placing_days`)."""
        return _days_meet(self.placed[a], self.placed[b], self.rules.event_day_tolerance)

    def _each_in_time(self, a: str, b: str) -> bool:
        """Whether two clusters may form one story that spans more than `max_days_apart`.

        Either each article of either cluster is close in time to an article of the other
        (coverage as a chain: a trial reported over ten weeks, each report beside the last), or
        each pair across is close in time or bridged by a follow-up: an article of the two close
        in time to both, one of the two links spanning more than the window (the first report,
        beside a second one a week on and a sentencing a year on that goes back to it; see
        `_in_time`). A report of another event weeks later is beside none of them.
        """
        rules, published = self.rules, self.published

        def close(x: str, y: str) -> bool:
            return _in_time(x, y, published, self.recalled, rules, self.people)

        def far(x: str, y: str) -> bool:
            first, second = published[x], published[y]
            return first is not None and second is not None and abs((first - second).days) > rules.max_days_apart

        mine, theirs = self.members[a], self.members[b]
        if all(any(close(x, y) for y in theirs) for x in mine) and all(any(close(x, y) for x in mine) for y in theirs):
            return True
        merged = [*mine, *theirs]

        def bridged(x: str, z: str) -> bool:
            return close(x, z) or any(
                close(x, y) and close(y, z) and (far(x, y) or far(y, z)) for y in merged if y not in (x, z)
            )

        return all(bridged(x, z) for x in mine for z in theirs)

    def merge(self, a: str, b: str) -> str | None:
        """Join two clusters, unless that stretches a story past `max_days_apart` in a way
        `_each_in_time` refuses; the kept cluster's key."""
        rules = self.rules
        merged_span = _span([*self.span[a], *self.span[b]])
        if (
            rules.max_days_apart
            and merged_span[0]
            and merged_span[1]
            and (merged_span[1] - merged_span[0]).days > rules.max_days_apart
            and not self._each_in_time(a, b)
        ):
            del self.sums[a][b], self.sums[b][a]
            return None
        keep, gone = (a, b) if a < b else (b, a)
        for path in self.members[gone]:
            self.cluster_of[path] = keep
        self.members[keep].extend(self.members.pop(gone))
        self.span[keep] = merged_span
        del self.span[gone]
        self.placed[keep] |= self.placed.pop(gone)
        self.places[keep] |= self.places.pop(gone)
        for other, total in self.sums.pop(gone).items():
            if other == keep:
                continue
            del self.sums[other][gone]
            self.sums[keep][other] = self.sums[other][keep] = self.sums[keep].get(other, 0.0) + total
        self.sums[keep].pop(gone, None)
        return keep


def _shared_features(vectors: Sequence[dict[str, float]], limit: int, surface: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """What the articles of a story have in common: features of at least two, names first, heaviest first.
    Names are shown as the articles write them (`surface`: key → text), else by their key."""
    if len(vectors) < 2 or limit <= 0:
        return ()
    total: dict[str, float] = defaultdict(float)
    seen: dict[str, int] = defaultdict(int)
    for vector in vectors:
        for feature, weight in vector.items():
            total[feature] += weight
            seen[feature] += 1
    shared = [f for f in total if seen[f] >= 2]
    # Names first: they say who and where, which is what an editor checks a grouping by.
    shared.sort(key=lambda f: (not f.startswith(_NAME), -total[f], f))
    return tuple(_shown_name(f, surface or {}) if f.startswith(_NAME) else f for f in shared[:limit])


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "de", "van", "von"})


def _shown_name(feature: str, surface: Mapping[str, str]) -> str:
    label, key = feature[len(_NAME) :].split(":", 1)
    shown = surface.get(key) or " ".join(
        w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(key.split())
    )
    return f"{label}: {shown}"


def _surface_forms(docs: Sequence[DocumentClaims]) -> dict[str, str]:
    """Entity key → the way the articles most often write it ("Center for Model Assurance")."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for claim in doc.claims:
            for entity in claim.entities:
                text = entity.text.removesuffix("'s").removesuffix("’s")
                counts[entity.key][text[4:] if text.lower().startswith("the ") else text] += 1
    return {key: texts.most_common(1)[0][0] for key, texts in counts.items()}


def find_stories(docs: Sequence[DocumentClaims], rules: StoryRules) -> list[Story]:
    """The stories of a folder (stories of one article included), with what their articles share.

    Deterministic, and a story's articles depend only on articles that link to them: adding
    unrelated articles to the folder changes no story.
    """
    vectors = {d.path: story_vector(d, rules) for d in docs}
    published = {d.path: d.published for d in docs}
    recalled = {d.path: days for d in docs if (days := recalled_days(d, rules))}
    days = {d.path: event_days(d, rules) for d in docs}
    people = {p: _people(v) for p, v in vectors.items()}
    edges = _candidate_edges(vectors, published, rules, recalled, days, people)
    corroborated = [
        (score, a, b)
        for score, a, b in edges
        if _corroborated(vectors[a], vectors[b], (published[a], published[b]), (days[a], days[b]), rules, (recalled.get(a, ()), recalled.get(b, ())))
    ]
    placed = {d.path: placing_days(d, days[d.path]) for d in docs}
    places = {p: _place_keys(v) for p, v in vectors.items()}
    groups = _average_linkage(sorted(vectors), edges, published, rules, recalled, corroborated, people, placed, places)
    score_of = {(a, b): s for s, a, b in edges}
    surface = _surface_forms(docs)
    stories = []
    for i, paths in enumerate(sorted(groups, key=lambda g: g[0])):
        pairs = [score_of.get((a, b), 0.0) for j, a in enumerate(paths) for b in paths[j + 1 :]]
        stories.append(
            Story(
                id=f"story-{i + 1}",
                articles=tuple(paths),
                score=round(sum(pairs) / len(pairs), 3) if pairs else None,
                shared=_shared_features([vectors[p] for p in paths], rules.shared_shown, surface),
            )
        )
    return stories


def group_stories(docs: Sequence[DocumentClaims], rules: StoryRules) -> dict[str, list[str]]:
    """Story id → paths of its articles (stories of one article included), deterministic."""
    return {story.id: list(story.articles) for story in find_stories(docs, rules)}
