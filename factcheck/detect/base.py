"""Detectors: small rule classes registered by code, each turning aligned claims into findings.

Modelled on sqlfluff's rules: every detector carries its code, a dotted name, groups
and a docstring whose first line is the message users see; the rest of the
docstring shows a pair that fires and one that does not (used by `factcheck explain`).
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from ..errors import RulePackError
from ..fingerprint import finding_fingerprint
from ..extract.lexicon import Lexicon, load_lexicon
from ..extract.time import TimeLexicon, load_time_lexicon
from ..models import Claim, Evidence, Finding, FindingKind, Severity
from ..wording import show_source

__all__ = [
    "Detector",
    "ClaimPair",
    "StoryClaims",
    "DocMeta",
    "register",
    "registry",
    "evidence_for",
    "make_finding",
    "DETECTOR_MODULES",
    "cross_document_pairs",
    "story_claims",
]

# Detector modules, imported only when a rule pack asks for them (sqlfluff's get_rules).
DETECTOR_MODULES = ("dates", "numbers", "casualties", "modality", "attribution", "polarity", "single_source")


@dataclass(frozen=True)
class DocMeta:
    path: str
    published: dt.date | None
    source: str | None


@dataclass(frozen=True)
class ClaimPair:
    """Two claims from different reports about the same event of one story."""

    a: Claim
    b: Claim
    doc_a: DocMeta
    doc_b: DocMeta
    story: str
    similarity: float


@dataclass
class StoryClaims:
    """All claims of one story, by document, for detectors that look at a whole story."""

    story: str
    docs: dict[str, DocMeta]
    claims: dict[str, list[Claim]] = field(default_factory=dict)


class NoSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Detector:
    """Base class; subclasses set the class attributes and override `check_pair` or `check_story`."""

    code: ClassVar[str]
    name: ClassVar[str]
    kind: ClassVar[FindingKind]
    groups: ClassVar[tuple[str, ...]] = ("all",)
    default_severity: ClassVar[Severity] = "medium"
    scope: ClassVar[Literal["pair", "story"]] = "pair"
    one_value_per_report: ClassVar[bool] = False
    """Each report gives the rule one value (a slot: the day of the incident, the number
    killed), so its findings that set the same two values against each other are one
    disagreement seen from several pairs of reports, and are reported as one."""
    Settings: ClassVar[type[BaseModel]] = NoSettings

    def __init__(
        self,
        severity: Severity | None = None,
        settings: dict[str, Any] | None = None,
        *,
        lexicon: Lexicon | None = None,
        time_lexicon: TimeLexicon | None = None,
    ) -> None:
        self.severity: Severity = severity or self.default_severity
        self.settings = self.Settings.model_validate(settings or {})
        self.lexicon: Lexicon = lexicon or load_lexicon()
        self._time_lexicon = time_lexicon

    @property
    def time_lexicon(self) -> TimeLexicon:
        """The run's time words (to resolve a date expression again), read on first use."""
        if self._time_lexicon is None:
            self._time_lexicon = load_time_lexicon()
        return self._time_lexicon

    @classmethod
    def description(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def explanation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    def check_pair(self, pair: ClaimPair) -> Iterable[Finding]:
        return ()

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        return ()


_REGISTRY: dict[str, type[Detector]] = {}


def register(cls: type[Detector]) -> type[Detector]:
    """Class decorator: add a detector to the registry, rejecting duplicate codes."""
    if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
        raise RulePackError(f"detector code {cls.code} is registered twice ({_REGISTRY[cls.code].__name__}, {cls.__name__})")
    if "all" not in cls.groups:
        cls.groups = ("all", *cls.groups)
    _REGISTRY[cls.code] = cls
    return cls


def registry(modules: Sequence[str] = DETECTOR_MODULES) -> dict[str, type[Detector]]:
    """Import the named detector modules and return every registered detector by code."""
    for module in modules:
        importlib.import_module(f"{__package__}.{module}")
    return dict(sorted(_REGISTRY.items()))


def cross_document_pairs(story: StoryClaims, items: Sequence[Claim]) -> Iterator[ClaimPair]:
    """Every pair of `items` from different articles of `story`, in a stable order."""
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a.path != b.path:
                yield ClaimPair(a, b, story.docs[a.path], story.docs[b.path], story.story, 0.0)


def story_claims(story: StoryClaims) -> Iterator[Claim]:
    """The claims of a story, article by article in path order."""
    for path in sorted(story.claims):
        yield from story.claims[path]


def evidence_for(
    claim: Claim,
    doc: DocMeta,
    *,
    span: tuple[int, int, str] | None = None,
    value: str | None = None,
) -> Evidence:
    """Evidence for one side of a finding: the claim's sentence, where extraction located it.

    The span is what a report highlights: `span` when given, else the claim's clause without
    the conjunction or comma that joined it to the next one ("A man was killed and").
    """
    span_start, span_end, span_text = _within_sentence(claim, span) if span else _clause_span(claim)
    return Evidence(
        path=claim.path,
        line=claim.sentence_line,
        column=claim.sentence_column,
        end_line=claim.sentence_end_line,
        end_column=claim.sentence_end_column,
        start=claim.sentence_start,
        end=claim.sentence_end,
        text=claim.sentence,
        span=span_text,
        span_start=span_start,
        span_end=span_end,
        value=value,
        attribution=show_source(claim.attribution, claim.sentence),
        published=doc.published,
    )


# What joins a clause to the next one: never part of what a claim states.
_CLAUSE_TAIL = re.compile(r"(?:[\s,;:—–-]+|\s+(?:and|but|or|while|as|when|after|before|because)\b)+$", re.IGNORECASE)


def _clause_span(claim: Claim) -> tuple[int, int, str]:
    text = _CLAUSE_TAIL.sub("", claim.text) or claim.text
    return claim.start, claim.start + len(text), text


def _within_sentence(claim: Claim, span: tuple[int, int, str]) -> tuple[int, int, str]:
    """`span` cut to the claim's sentence: a span that runs past it ("...," she said" over a
    sentence boundary) still highlights the part the reader sees."""
    start, end, text = span
    lo, hi = max(start, claim.sentence_start), min(end, claim.sentence_end)
    if (lo, hi) == (start, end) or hi <= lo:
        return span
    cut = text[lo - start : len(text) - (end - hi)]
    return lo, hi, cut


def make_finding(
    detector: Detector,
    message: str,
    evidence: Sequence[Evidence],
    claims: Sequence[Claim],
    normalized: Sequence[str],
    *,
    severity: Severity | None = None,
) -> Finding:
    """A finding whose fingerprint hashes the rule and the normalized claims, never offsets."""
    return Finding(
        kind=detector.kind,
        rule=detector.code,
        name=detector.name,
        severity=severity or detector.severity,
        message=message,
        evidence=tuple(evidence),
        # The claims' own words are part of the key, so two findings with the same values
        # in different articles stay apart; offsets and paths never are.
        fingerprint=finding_fingerprint(detector.code, [*normalized, *(c.text for c in claims)]),
        claim_ids=tuple(c.id for c in claims),
    )
