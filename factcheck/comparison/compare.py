"""Compare reports: group stories, pair claims, run the detectors the rule pack switches on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .alignment import claim_pairs
from ..detect.base import Detector, DocMeta, StoryClaims
from ..models import SEVERITY_ORDER, DocumentClaims, Finding, Story, TimelineEntry
from .stories import find_stories, load_alignment

__all__ = ["compare_documents", "Comparison"]


class Comparison(BaseModel):
    model_config = ConfigDict(frozen=True)
    findings: tuple[Finding, ...]
    stories: dict[str, list[str]]
    timeline: tuple[TimelineEntry, ...]
    pairs: int
    story_details: tuple[Story, ...] = ()


def compare_documents(
    docs: Sequence[DocumentClaims],
    detectors: Sequence[Detector],
    *,
    extra_dirs: Sequence[str | Path] = (),
    stories: dict[str, list[str]] | None = None,
) -> Comparison:
    """Every finding between the documents, sorted by severity, then path and line.

    `stories` (story id → paths) skips story grouping, for callers that already know
    which reports cover the same event.
    """
    alignment = load_alignment(extra_dirs)
    if stories is None:
        details = tuple(find_stories(docs, alignment.stories))
        stories = {story.id: list(story.articles) for story in details}
    else:
        details = tuple(Story(id=story, articles=tuple(paths)) for story, paths in stories.items())
    by_path = {d.path: d for d in docs}
    pair_detectors = [d for d in detectors if d.scope == "pair"]
    story_detectors = [d for d in detectors if d.scope == "story"]
    findings: dict[tuple[str, str], Finding] = {}
    n_pairs = 0
    timeline: list[TimelineEntry] = []
    for story, paths in stories.items():
        story_docs = [by_path[p] for p in paths]
        timeline.extend(_timeline(story, story_docs))
        if len(story_docs) < 2:
            continue
        for pair in claim_pairs(story, story_docs, alignment.claims):
            n_pairs += 1
            for detector in pair_detectors:
                for finding in detector.check_pair(pair):
                    findings.setdefault((finding.rule, finding.fingerprint), finding)
        context = StoryClaims(
            story=story,
            docs={d.path: DocMeta(d.path, d.published, d.source) for d in story_docs},
            claims={d.path: list(d.claims) for d in story_docs},
        )
        for detector in story_detectors:
            for finding in detector.check_story(context):
                findings.setdefault((finding.rule, finding.fingerprint), finding)
    ordered = sorted(
        findings.values(),
        key=lambda f: (-SEVERITY_ORDER[f.severity], f.evidence[0].path, f.evidence[0].start, f.rule),
    )
    return Comparison(
        findings=tuple(ordered), stories=stories, timeline=tuple(timeline), pairs=n_pairs, story_details=details
    )


def _timeline(story: str, docs: Sequence[DocumentClaims]) -> list[TimelineEntry]:
    """The event dates each source gives, for the per-story timeline in reports."""
    entries = []
    for doc in docs:
        seen: set[tuple[str, str]] = set()
        for claim in doc.claims:
            time = claim.event_time
            if time is None or not time.value or (claim.event.lemma, time.value) in seen:
                continue
            seen.add((claim.event.lemma, time.value))
            entries.append(
                TimelineEntry(
                    story=story,
                    path=doc.path,
                    source=doc.source,
                    event=claim.event.lemma,
                    value=time.value,
                    text=claim.sentence,
                    line=claim.line,
                )
            )
    return sorted(entries, key=lambda e: (e.value, e.path))
