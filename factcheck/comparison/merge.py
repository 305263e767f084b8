"""One disagreement, one finding: reports that take a side of a clash join its evidence.

A story's slot detectors compare reports two by two, so when one report says 4 were killed
and three others say 2, they find the same disagreement three times. An editor should read
it once, with every report that takes part: the findings of one story that set the same two
values against each other, by the same rule and at the same severity, are merged into the
first of them, whose message then names the reports that join it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ..detect.base import registry
from ..models import Evidence, Finding

__all__ = ["merge_agreeing", "merge_story_findings"]


def merge_story_findings(findings: Sequence[Finding], stories: Mapping[str, Sequence[str]]) -> list[Finding]:
    """`merge_agreeing` for the rules whose reports give one value each, with the stories of a run
    (story id → paths)."""
    story_of = {path: story for story, paths in stories.items() for path in paths}
    rules = [code for code, detector in registry().items() if detector.one_value_per_report]
    return merge_agreeing(findings, story_of, rules)


_Key = tuple[str, str, str, frozenset[str]]


def merge_agreeing(findings: Sequence[Finding], story_of: Mapping[str, str], rules: Collection[str]) -> list[Finding]:
    """The findings with each disagreement merged into one, in the order they came.

    Only findings of `rules` merge: rules whose reports give one value each (a slot), so
    that two findings with the same values are one disagreement. `story_of` maps a path to
    its story: findings of different stories never merge. Run it after inline suppressions,
    so that a report whose comments switch a finding off drops out of it without taking the
    other reports' disagreement along."""
    groups: dict[_Key, list[Finding]] = {}
    alone: list[tuple[int, Finding]] = []
    order: dict[_Key, int] = {}
    for i, finding in enumerate(findings):
        key = _clash(finding, story_of) if finding.rule in rules else None
        if key is None:
            alone.append((i, finding))
            continue
        order.setdefault(key, i)
        groups.setdefault(key, []).append(finding)
    merged: list[tuple[int, Finding]] = []
    for key, group in groups.items():
        pairs = [frozenset(ev.path for ev in f.evidence) for f in group]
        if len(set(pairs)) < len(pairs):
            # One pair of reports clashing twice on the same values: two facts, not one.
            alone.extend((order[key], f) for f in group)
        else:
            merged.append((order[key], _merged(group)))
    return [finding for _, finding in sorted(alone + merged, key=lambda item: item[0])]


def _clash(finding: Finding, story_of: Mapping[str, str]) -> _Key | None:
    """(story, rule, severity, the two values set against each other), or None when the finding
    does not set two different values, one report each, against each other."""
    values = [ev.value for ev in finding.evidence]
    if len(values) != 2 or values[0] is None or values[1] is None or values[0] == values[1]:
        return None
    story = story_of.get(finding.evidence[0].path)
    if story is None or story != story_of.get(finding.evidence[1].path):
        return None
    return story, finding.rule, finding.severity, frozenset((values[0], values[1]))


def _merged(group: list[Finding]) -> Finding:
    first = group[0]
    if len(group) == 1:
        return first
    evidence = list(first.evidence)
    paths = {ev.path for ev in evidence}
    joined: list[Evidence] = []
    for finding in group[1:]:
        for ev in finding.evidence:
            if ev.path not in paths:
                paths.add(ev.path)
                joined.append(ev)
    if not joined:
        return first
    claim_ids = list(dict.fromkeys(cid for finding in group for cid in finding.claim_ids))
    return first.model_copy(
        update={
            "evidence": (*evidence, *joined),
            "message": first.message + _joined_text(joined),
            "claim_ids": tuple(claim_ids),
        }
    )


def _joined_text(joined: list[Evidence]) -> str:
    """ "; also 2 killed in c.json and d.json" for the reports that join a side."""
    by_value: dict[str, list[str]] = {}
    for ev in joined:
        by_value.setdefault(ev.value or "", []).append(ev.path)
    parts = [f"{value} in {_listed(paths)}" for value, paths in by_value.items()]
    return "; also " + "; also ".join(parts)


def _listed(paths: list[str]) -> str:
    return paths[0] if len(paths) == 1 else ", ".join(paths[:-1]) + f" and {paths[-1]}"
