"""Pydantic models shared by every stage: ingest → extract → compare → report.

The models are frozen and hold offsets, never spaCy objects, so that renderers,
caches and golden tests run without a parser.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SCHEMA_VERSION",
    "Severity",
    "SEVERITY_ORDER",
    "FindingKind",
    "Granularity",
    "Span",
    "Article",
    "TimeRef",
    "Quantity",
    "Attribution",
    "Casualty",
    "DatedEvent",
    "EventRef",
    "Entity",
    "Claim",
    "DocumentClaims",
    "Evidence",
    "Finding",
    "InputProblem",
    "DocumentInfo",
    "TimelineEntry",
    "Story",
    "Report",
    "ExtractReport",
    "StoryReport",
]

SCHEMA_VERSION = "1.0"

Severity = Literal["info", "low", "medium", "high"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3}

FindingKind = Literal[
    "date_conflict",
    "quantity_conflict",
    "modality_conflict",
    "attribution_conflict",
    "polarity_conflict",
    "single_source",
]

# TimeML granularities, finest first.
Granularity = Literal["time", "day", "week", "month", "quarter", "season", "year", "decade", "century", "unknown"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A stretch of the user's original file: character offsets plus 1-based line and column."""

    start: int
    end: int
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1


class Article(_Frozen):
    """One article as read from disk.

    `text` is the cleaned article body that the parser sees; `original` is the
    decoded file content. `offset_map` maps cleaned offsets back to original ones
    as sorted `(clean_start, original_start, length)` segments.
    """

    path: str
    abs_path: str = ""
    format: Literal["txt", "md", "html", "json"] = "txt"
    title: str | None = None
    published: dt.date | None = None
    published_text: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    place: str | None = None
    """The place of the wire dateline that opens the text ("SAN ANTONIO —"), as written."""
    text: str
    original: str
    offset_map: tuple[tuple[int, int, int], ...] = ()
    content_hash: str = ""
    suppressions: tuple[tuple[str, int | None], ...] = ()
    """Rules switched off: `(rule, None)` for the whole file, `(rule, line)` for one original line."""


class TimeRef(_Frozen):
    """A time expression with its TimeML-style normalized value."""

    text: str
    start: int
    end: int
    value: str | None = None
    granularity: Granularity = "unknown"
    anchor: Literal["absolute", "dateline", "none"] = "absolute"
    anchored_to: dt.date | None = None
    range_start: dt.date | None = None
    range_end: dt.date | None = None
    note: str | None = None
    line: int = 1
    column: int = 1


class Quantity(_Frozen):
    """A number, count, amount, duration or window in common units.

    Durations use days as the common unit (a month counts as 30 days, a year as
    365 days); money is in the currency's unit; counts have unit "count".
    """

    text: str
    start: int
    end: int
    kind: Literal["count", "money", "duration", "percent", "measure"]
    unit: str
    low: float
    high: float
    approximate: bool = False
    bound: Literal["exact", "range", "at_least", "at_most"] = "exact"
    subject: str | None = None
    """What is counted or measured (lemma of the head noun: "death", "day", "people")."""


class Casualty(_Frozen):
    """A count of people filling one role of an event: "four people were shot" → shot, 4.

    `scope` says whether the count covers the event ("total"), a part of it ("part": "two of
    the four", "including a child"; "rest": "three others"; "single": "a man was killed"), a bound
    ("at least two"), or more than it ("aggregate":
    a city's tally for the year). Only totals of one role are compared between reports.
    """

    role: str
    count: int
    scope: Literal["total", "part", "rest", "bound", "aggregate", "single"] = "total"
    noun: str = ""
    """Lemma of what is counted ("people", "victim", "other")."""
    text: str
    start: int
    end: int
    with_perpetrator: bool = False
    """The sentence adds the attacker beside the count ("killed five people and then himself"):
    the count is of the victims, and the dead are one more."""


class DatedEvent(_Frozen):
    """An event the sentence dates, wherever in the sentence it stands: "two men were killed
    when gunmen opened fire Friday night" dates the shooting (`open fire`) to Friday."""

    lemma: str
    event_class: str
    time: TimeRef
    tense: Literal["past", "present", "future"] = "past"
    scheduled: bool = False
    follows: bool = False
    """The day is that of what followed the event ("was hospitalized Thursday after a
    shooting"): the event happened that day or before it."""


class Attribution(_Frozen):
    """Who asserts a claim, and how."""

    speaker: str | None = None
    speaker_type: Literal["person", "organization", "anonymous", "outlet", "article"] = "article"
    cue: str | None = None
    direct_quote: bool = False
    quote: str | None = None
    setting: str | None = None
    """Where it was said ("in a briefing", "at the White House"), when the article says so."""


class EventRef(_Frozen):
    """What a claim is about: the predicate lemma, its event class, subject and object."""

    lemma: str
    event_class: str
    """The synonym class from the rule pack ("delay" for postpone/put off/pull), else the lemma."""
    subject: str | None = None
    object: str | None = None
    negated: bool = False


class Entity(_Frozen):
    text: str
    label: str
    key: str
    """Normalized form used for matching (lowercase, titles and possessives stripped)."""


class Claim(_Frozen):
    """A statement of fact in one sentence or clause of an article."""

    id: str
    path: str
    text: str
    sentence: str
    start: int
    end: int
    line: int
    column: int
    sentence_start: int
    sentence_end: int
    sentence_line: int = 1
    """1-based line of the sentence's first character in the original file (as are the columns)."""
    sentence_column: int = 1
    sentence_end_line: int = 1
    sentence_end_column: int = 1
    """The column just past the sentence's last character."""
    event: EventRef
    entities: tuple[Entity, ...] = ()
    attribution: Attribution = Attribution()
    times: tuple[TimeRef, ...] = ()
    event_time: TimeRef | None = None
    quantities: tuple[Quantity, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    dated_events: tuple[DatedEvent, ...] = ()
    scheduled: bool = False
    """The clause sets an event for later ("is scheduled to appear", "is set for"), even in past tense."""
    furniture: bool = False
    """The sentence is page furniture (a caption, an "Updated:" line, a court-date box), not reporting."""
    obligation: Literal["mandatory", "voluntary"] | None = None
    obligation_cue: str | None = None
    obligation_scope: tuple[str, ...] = ()
    """Lemmas of what the obligation bears on ("participation", "testing"; "share", "model")."""
    negated: bool = False
    conditional: bool = False
    hedged: bool = False
    hedges: tuple[str, ...] = ()
    tense: Literal["past", "present", "future"] = "past"


class DocumentClaims(_Frozen):
    """Everything extracted from one article."""

    path: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeRef, ...] = ()
    entities: tuple[Entity, ...] = ()
    suppressions: tuple[tuple[str, int | None], ...] = ()
    terms: tuple[tuple[str, int, float], ...] = ()
    """Content lemmas and figures of the whole article: `(term, count, Zipf frequency in English)`."""
    names: tuple[tuple[str, str, int, float], ...] = ()
    """Named entities of the whole article by full name: `(label, key, count, Zipf frequency)`."""


class Evidence(_Frozen):
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    text: str
    """The sentence that holds the clashing claim."""
    span: str = ""
    """The clashing span itself (a date, a number, a cue word)."""
    span_start: int = 0
    span_end: int = 0
    value: str | None = None
    attribution: str | None = None
    published: dt.date | None = None


class Finding(_Frozen):
    kind: FindingKind
    rule: str
    name: str
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...]
    fingerprint: str = ""
    claim_ids: tuple[str, ...] = ()


class InputProblem(_Frozen):
    """A file that could not be read (`error`), or something worth knowing about one that was (`note`)."""

    path: str
    message: str
    level: Literal["error", "note"] = "error"


class DocumentInfo(_Frozen):
    path: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    claims: int = 0
    suppressions: tuple[tuple[str, int | None], ...] = ()


class TimelineEntry(_Frozen):
    """A date one source gives for an event of a story (for timelines in reports)."""

    story: str
    path: str
    source: str | None = None
    event: str
    value: str
    text: str
    line: int = 1


class Story(_Frozen):
    """Articles grouped as reports of one event, and why."""

    id: str
    articles: tuple[str, ...]
    score: float | None = None
    """Average similarity (cosine, 0..1) of the story's article pairs; None for one article."""
    shared: tuple[str, ...] = ()
    """What most of its articles have in common, most telling first: names as `LABEL: key`, then words."""


class Report(_Frozen):
    schema_version: str = SCHEMA_VERSION
    tool_version: str = ""
    model: str = ""
    documents: tuple[DocumentInfo, ...] = ()
    findings: tuple[Finding, ...] = ()
    problems: tuple[InputProblem, ...] = ()
    rule_packs: tuple[str, ...] = ()
    stale_baseline: tuple[str, ...] = ()
    suppressed: int = 0
    baselined: int = 0
    stories: dict[str, list[str]] = Field(default_factory=dict)
    """Story id → paths of the articles grouped into it."""
    story_details: tuple[Story, ...] = ()
    """Each story with its articles, their average similarity and what they share."""
    timeline: tuple[TimelineEntry, ...] = ()
    locations: dict[str, str] = Field(default_factory=dict)
    """Article path → its file relative to the working directory (for annotations in CI)."""

    def counts_by(self, field: Literal["kind", "severity"]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            key = getattr(finding, field)
            counts[key] = counts.get(key, 0) + 1
        return counts


class ExtractReport(_Frozen):
    schema_version: str = SCHEMA_VERSION
    tool_version: str = ""
    model: str = ""
    documents: tuple[DocumentClaims, ...] = ()
    problems: tuple[InputProblem, ...] = ()


class StoryReport(_Frozen):
    """How the articles under some paths group into stories (`factcheck stories`)."""

    schema_version: str = SCHEMA_VERSION
    tool_version: str = ""
    model: str = ""
    stories: tuple[Story, ...] = ()
    documents: tuple[DocumentInfo, ...] = ()
    problems: tuple[InputProblem, ...] = ()
