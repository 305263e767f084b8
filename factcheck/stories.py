"""Group articles into stories, so that only reports of the same event are ever compared.

Two articles join one story when the named entities they share, weighted by how rare
each is in the folder (inverse document frequency), make up enough of the smaller
article's entity weight, and they were published close enough in time. Candidate
pairs come from an inverted index of entities, so the work grows with the number of
articles sharing a rare entity, not with all pairs.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .models import DocumentClaims
from .rulepacks import load_pack

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


def document_entities(doc: DocumentClaims) -> Counter[str]:
    """Entity keys of an article with how many of its claims mention each."""
    counts: Counter[str] = Counter()
    for claim in doc.claims:
        counts.update({e.key for e in claim.entities})
    return counts


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


def group_stories(docs: Sequence[DocumentClaims], rules: StoryRules) -> dict[str, list[str]]:
    """Story id → paths of its articles (stories of one article included), deterministic."""
    entities = {d.path: document_entities(d) for d in docs}
    n_docs = len(docs)
    frequency: Counter[str] = Counter()
    for counts in entities.values():
        frequency.update(counts.keys())
    ubiquitous = {
        key
        for key, df in frequency.items()
        if n_docs >= 8 and df / n_docs > rules.max_document_frequency
    }
    idf = {key: math.log((1 + n_docs) / (1 + df)) + 1.0 for key, df in frequency.items()}
    index: dict[str, list[str]] = defaultdict(list)
    for path, counts in entities.items():
        for key in counts:
            if key not in ubiquitous:
                index[key].append(path)
    weight = {path: sum(idf[k] for k in counts if k not in ubiquitous) for path, counts in entities.items()}
    candidates: dict[tuple[str, str], float] = defaultdict(float)
    shared_count: Counter[tuple[str, str]] = Counter()
    for key, paths in index.items():
        if len(paths) < 2:
            continue
        for i, a in enumerate(paths):
            for b in paths[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                candidates[pair] += idf[key]
                shared_count[pair] += 1
    union = _UnionFind([d.path for d in docs])
    span = {d.path: (d.published, d.published) for d in docs}
    edges = []
    for (a, b), shared_weight in candidates.items():
        if shared_count[(a, b)] < rules.min_shared_entities:
            continue
        score = shared_weight / (min(weight[a], weight[b]) or 1.0)
        if score >= rules.min_entity_overlap:
            edges.append((-score, a, b))
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
