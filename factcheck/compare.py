"""Compare reports: group stories, pair claims, run the detectors the rule pack switches on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .align import claim_pairs
from .detect.base import Detector, DocMeta, StoryClaims, registry
from .errors import RulePackError
from .extract.lexicon import load_lexicon
from .models import SEVERITY_ORDER, DocumentClaims, Finding, Severity, TimelineEntry
from .rulepacks import pack_files, read_pack_file
from .stories import group_stories, load_alignment

__all__ = ["RuleConfig", "load_detectors", "compare_documents", "Comparison"]


class RuleConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    enabled: bool = True
    severity: Severity | None = None
    settings: dict[str, Any] = Field(default_factory=dict)


def _rule_configs(extra_dirs: Sequence[str | Path], known: Mapping[str, type[Detector]]) -> dict[str, RuleConfig]:
    configs: dict[str, dict[str, Any]] = {}
    for path in pack_files("detectors", extra_dirs):
        for code, raw in read_pack_file(path).items():
            if code not in known:
                raise RulePackError(f"{path}: unknown rule {code!r}; expected one of: {', '.join(known)}")
            merged = {**configs.get(code, {}), **raw}
            merged["settings"] = {**configs.get(code, {}).get("settings", {}), **raw.get("settings", {})}
            try:
                RuleConfig.model_validate(merged)
                known[code].Settings.model_validate(merged["settings"])
            except ValidationError as e:
                raise RulePackError(_rule_error(path, code, e, known[code])) from e
            configs[code] = merged
    return {code: RuleConfig.model_validate(raw) for code, raw in configs.items()}


def _rule_error(path: Path, code: str, error: ValidationError, detector: type[Detector]) -> str:
    first = error.errors()[0]
    key = ".".join(str(p) for p in first["loc"])
    if first["type"] == "extra_forbidden":
        allowed = ", ".join(detector.Settings.model_fields) or "(none)"
        where = "setting" if key not in RuleConfig.model_fields else "key"
        return f"{path}: {code} has unknown {where} {key!r}; expected: {allowed if where == 'setting' else ', '.join(RuleConfig.model_fields)}"
    return f"{path}: {code}.{key}: {first['msg']}"


def load_detectors(
    extra_dirs: Sequence[str | Path] = (),
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Mapping[str, Severity] | None = None,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Detector]:
    """Instantiate the enabled detectors with their severities and settings.

    `select`/`ignore` take rule codes, kind names or groups; `severity` and `settings`
    override the rule packs by code (they come from the user's configuration).
    """
    known = registry()
    configs = _rule_configs(extra_dirs, known)
    lexicon = load_lexicon(extra_dirs)
    for code in [*select, *ignore, *(severity or {}), *(settings or {})]:
        if code not in known and not any(code in (d.kind, *d.groups) for d in known.values()):
            raise RulePackError(f"unknown rule {code!r}; expected a code ({', '.join(known)}), a kind or a group")
    detectors = []
    for code, cls in known.items():
        config = configs.get(code, RuleConfig())
        names = {code, cls.kind, cls.name, *cls.groups}
        enabled = config.enabled
        if select:
            enabled = bool(names & set(select))
        if names & set(ignore):
            enabled = False
        if not enabled:
            continue
        rule_settings = {**config.settings, **((settings or {}).get(code, {}))}
        try:
            detectors.append(
                cls((severity or {}).get(code) or config.severity, rule_settings, lexicon=lexicon)
            )
        except ValidationError as e:
            raise RulePackError(_rule_error(Path("configuration"), code, e, cls)) from e
    return detectors


class Comparison(BaseModel):
    model_config = ConfigDict(frozen=True)
    findings: tuple[Finding, ...]
    stories: dict[str, list[str]]
    timeline: tuple[TimelineEntry, ...]
    pairs: int


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
    stories = stories if stories is not None else group_stories(docs, alignment.stories)
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
    return Comparison(findings=tuple(ordered), stories=stories, timeline=tuple(timeline), pairs=n_pairs)


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
