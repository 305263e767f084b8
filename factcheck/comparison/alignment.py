"""Pair claims of different articles in one story that speak of the same event.

Claims are bucketed by event class, so only claims about the same kind of event are
scored; within a bucket rapidfuzz's `process.cdist` scores all texts in one call, and
each claim keeps only its best few partners in each other article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from ..detect.base import ClaimPair, DocMeta
from ..detect.similarity import normalize_text
from ..models import Claim, DocumentClaims
from .stories import ClaimRules

__all__ = ["claim_pairs"]


def claim_pairs(
    story: str, docs: Sequence[DocumentClaims], rules: ClaimRules
) -> Iterator[ClaimPair]:
    """Candidate pairs of claims about the same event, from different articles of `story`."""
    if len(docs) < 2:
        return
    meta = {d.path: DocMeta(d.path, d.published, d.source) for d in docs}
    buckets: dict[str, list[Claim]] = defaultdict(list)
    for doc in docs:
        for claim in doc.claims:
            buckets[claim.event.event_class].append(claim)
    for event_class in sorted(buckets):
        claims = buckets[event_class]
        if len({c.path for c in claims}) < 2:
            continue
        texts = [normalize_text(c.text) for c in claims]
        scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=1)
        yield from _best_pairs(story, claims, scores, meta, rules)


def _best_pairs(
    story: str, claims: list[Claim], scores: np.ndarray, meta: dict[str, DocMeta], rules: ClaimRules
) -> Iterator[ClaimPair]:
    chosen: set[tuple[int, int]] = set()
    # Entity keys once per claim, not once per pair: buckets are scored all against all.
    keys = [frozenset(e.key for e in c.entities) for c in claims]
    for i, claim in enumerate(claims):
        by_doc: dict[str, list[tuple[float, int]]] = defaultdict(list)
        row = scores[i].tolist()
        for j, other in enumerate(claims):
            if other.path == claim.path:
                continue
            score = float(row[j])
            if score >= rules.min_similarity or not keys[i].isdisjoint(keys[j]):
                by_doc[other.path].append((score, j))
        for candidates in by_doc.values():
            for _, j in sorted(candidates, reverse=True)[: rules.max_pairs_per_claim]:
                chosen.add((min(i, j), max(i, j)))
    for i, j in sorted(chosen):
        a, b = claims[i], claims[j]
        if a.path > b.path:
            a, b = b, a
        yield ClaimPair(a, b, meta[a.path], meta[b.path], story, float(scores[i, j]))
