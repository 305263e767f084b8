"""Group articles into stories, so that only reports of the same event are ever compared.

Two articles join one story when the named entities they share, weighted by how rare
each is in the folder (inverse document frequency), make up enough of the smaller
article's entity weight, and they were published close enough in time. Candidate
pairs come from an inverted index of entities, probed only with each article's rarest
entities and only within the date window, so the work grows with the number of
articles sharing a rare entity within a few weeks, not with all pairs.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..models import DocumentClaims
from ..rulepacks import load_pack

__all__ = ["AlignmentPack", "StoryRules", "ClaimRules", "load_alignment", "group_stories", "document_entities"]


class StoryRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_entity_overlap: float = 0.3
    min_shared_entities: int = 2
    max_days_apart: int = 45
    max_document_frequency: float = 0.3


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


def document_entities(doc: DocumentClaims) -> tuple[str, ...]:
    """Entity keys named in the article's claims, sorted (so sums of weights never depend on hashing)."""
    return tuple(sorted({e.key for claim in doc.claims for e in claim.entities}))


class _UnionFind:
    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _merge_span(a: tuple, b: tuple) -> tuple:  # type: ignore[type-arg]
    """The earliest and latest publication dates of two stories (None when unknown)."""
    starts = [d for d in (a[0], b[0]) if d is not None]
    ends = [d for d in (a[1], b[1]) if d is not None]
    return (min(starts) if starts else None, max(ends) if ends else None)


class _DatedIndex:
    """Entity key → the articles naming it, sorted by publication date, for window lookups."""

    def __init__(self, keys_of: dict[str, tuple[str, ...]], published: dict[str, dt.date | None]) -> None:
        self.paths: dict[str, list[str]] = defaultdict(list)
        self.dates: dict[str, list[dt.date]] = defaultdict(list)
        self.undated: dict[str, list[str]] = defaultdict(list)
        # Articles visited in date order, so every posting list comes out sorted by date.
        dated = sorted((p for p in keys_of if published[p] is not None), key=lambda p: (published[p], p))
        for path in dated:
            date = published[path]
            for key in keys_of[path]:
                self.paths[key].append(path)
                self.dates[key].append(date)  # type: ignore[arg-type]
        for path in keys_of:
            if published[path] is None:
                for key in keys_of[path]:
                    self.undated[key].append(path)

    def near(self, key: str, date: dt.date | None, max_days: int) -> Iterator[str]:
        """Articles naming `key` published within `max_days` of `date` (all when either is unknown)."""
        paths = self.paths.get(key, [])
        if date is None or not max_days:
            yield from paths
        elif paths:
            dates = self.dates[key]
            limit = dt.timedelta(days=max_days)
            yield from paths[bisect.bisect_left(dates, date - limit) : bisect.bisect_right(dates, date + limit)]
        yield from self.undated.get(key, [])


def _probe_keys(keys: Sequence[str], idf: dict[str, float], weight: float, overlap: float) -> Iterator[str]:
    """The rarest keys of an article, until the rest weigh less than `overlap` of its weight.

    Prefix filtering: an article sharing `overlap` of this article's weight must share at
    least one of these keys, so the common keys of long posting lists (a city, a police
    department) are never walked from this side.
    """
    remaining = weight
    for key in keys:
        # The small margin keeps rounding from ever cutting the prefix short.
        if remaining < overlap * weight - 1e-9:
            return
        yield key
        remaining -= idf[key]


def _candidate_edges(
    keys_of: dict[str, tuple[str, ...]],
    published: dict[str, dt.date | None],
    idf: dict[str, float],
    rules: StoryRules,
) -> list[tuple[float, str, str]]:
    """(-score, a, b) for every pair of articles that shares enough entity weight and entities.

    Candidates come from each article's rarest keys (`_probe_keys`) within the date window:
    articles further apart than `max_days_apart` never join one story (see `group_stories`).
    Scores are then computed exactly from the two articles' keys.
    """
    index = _DatedIndex(keys_of, published)
    key_sets = {path: frozenset(keys) for path, keys in keys_of.items()}
    weight = {path: sum(idf[k] for k in keys) for path, keys in keys_of.items()}
    seen: set[tuple[str, str]] = set()
    edges = []
    for a, keys in keys_of.items():
        for key in _probe_keys(keys, idf, weight[a], rules.min_entity_overlap):
            for b in index.near(key, published[a], rules.max_days_apart):
                pair = (a, b) if a < b else (b, a)
                if a == b or pair in seen:
                    continue
                seen.add(pair)
                shared = key_sets[a] & key_sets[b]
                if len(shared) < rules.min_shared_entities:
                    continue
                score = sum(idf[k] for k in sorted(shared)) / (min(weight[a], weight[b]) or 1.0)
                if score >= rules.min_entity_overlap:
                    edges.append((-score, *pair))
    return edges


def group_stories(docs: Sequence[DocumentClaims], rules: StoryRules) -> dict[str, list[str]]:
    """Story id → paths of its articles (stories of one article included), deterministic."""
    entities = {d.path: document_entities(d) for d in docs}
    n_docs = len(docs)
    frequency: Counter[str] = Counter()
    for keys in entities.values():
        frequency.update(keys)
    ubiquitous = {
        key
        for key, df in frequency.items()
        if n_docs >= 8 and df / n_docs > rules.max_document_frequency
    }
    idf = {key: math.log((1 + n_docs) / (1 + df)) + 1.0 for key, df in frequency.items()}
    # Rarest first: the order `_probe_keys` relies on.
    keys_of = {
        path: tuple(sorted((k for k in keys if k not in ubiquitous), key=lambda k: (-idf[k], k)))
        for path, keys in entities.items()
    }
    published = {d.path: d.published for d in docs}
    edges = _candidate_edges(keys_of, published, idf, rules)
    union = _UnionFind([d.path for d in docs])
    span = {path: (date, date) for path, date in published.items()}
    # Strongest links first, and a link never stretches a story past `max_days_apart`: without
    # that, articles about several shootings in one city chain into one story through
    # pairs that each look alike.
    for _, a, b in sorted(edges):
        ra, rb = union.find(a), union.find(b)
        if ra == rb:
            continue
        merged = _merge_span(span[ra], span[rb])
        if rules.max_days_apart and merged[0] and merged[1] and (merged[1] - merged[0]).days > rules.max_days_apart:
            continue
        union.union(a, b)
        span[union.find(a)] = merged
    groups: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        groups[union.find(d.path)].append(d.path)
    ordered = sorted(groups.values(), key=lambda paths: sorted(paths)[0])
    return {f"story-{i + 1}": sorted(paths) for i, paths in enumerate(ordered)}
