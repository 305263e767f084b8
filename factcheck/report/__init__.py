"""Output formats of the `check` report, all rendered from one `Report`.

Each format lives in its own module and registers a renderer here with
`@register("name")` (sqlfluff's formatters, without its if/elif chain over
format names). A renderer is a pure function `(Report, RenderOptions) -> str`.

Example:
    >>> from factcheck.report import RenderOptions, render
    >>> text = render(report, "sarif", options=RenderOptions())  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from factcheck.errors import FactcheckError
from factcheck.fingerprint import fingerprint_of
from factcheck.models import SEVERITY_ORDER, DocumentInfo, Evidence, Finding, Report, Severity
from factcheck.sanitize import sanitize_model

__all__ = [
    "RENDERERS",
    "Renderer",
    "RenderOptions",
    "SpanParts",
    "available_formats",
    "document_index",
    "finding_fingerprint",
    "ordered_findings",
    "register",
    "render",
    "split_span",
    "story_labels",
    "visible_report",
]


@dataclass(frozen=True)
class RenderOptions:
    """How to render a report; the same options are passed to every format.

    Attributes:
        color: Emit colour and styles (terminal only; other formats ignore it).
        width: Terminal width in columns; `None` lets the console decide.
        min_severity: Findings below this level are left out of every format.
        rule_descriptions: Rule code → one-line description (used by SARIF rules).
        rule_explanations: Rule code → what the rule checks, with an example that fires
            and one that does not (SARIF `fullDescription` and `help`).
        source_root: Absolute path of the folder report paths are relative to (the
            working directory); SARIF names it as `%SRCROOT%`. `None` leaves paths bare.
        summary: Open the terminal report with its summary of counts (off with `--quiet`).
        max_chars: Longest Markdown document; findings that do not fit are left out
            with a line saying so (a pull-request comment holds 65,536 characters).
        full_report: Where the whole report is (a URL or file name), named by that line.
    """

    color: bool = False
    width: int | None = None
    min_severity: Severity = "info"
    rule_descriptions: dict[str, str] = field(default_factory=dict)
    rule_explanations: dict[str, str] = field(default_factory=dict)
    source_root: str | None = None
    summary: bool = True
    max_chars: int = 65_000
    full_report: str | None = None


Renderer = Callable[[Report, RenderOptions], str]

RENDERERS: dict[str, Renderer] = {}
"""Format name → renderer. Filled by the format modules as they are imported."""

# Formats whose own escaping keeps untrusted text inert (JSON string escapes); every
# other format is for people or CI logs and gets the text through `sanitize_model`.
_MACHINE_FORMATS = frozenset({"json", "jsonl", "sarif"})

# Built-in formats; importing each module registers it.
_BUILTIN_MODULES = ("terminal", "json", "jsonl", "sarif", "github", "markdown", "html")


def register(name: str) -> Callable[[Renderer], Renderer]:
    """Register a renderer under a format name; a name can be taken only once.

    Args:
        name: The value users pass to `--format`.

    Returns:
        A decorator that records the renderer and returns it unchanged.

    Raises:
        FactcheckError: If another renderer already uses `name`.
    """

    def decorator(renderer: Renderer) -> Renderer:
        existing = RENDERERS.get(name)
        if existing is not None and existing is not renderer:
            raise FactcheckError(f"output format {name!r} is registered twice")
        RENDERERS[name] = renderer
        return renderer

    return decorator


def available_formats() -> list[str]:
    """Names of every registered format, sorted."""
    return sorted(RENDERERS)


def render(report: Report, fmt: str, *, options: RenderOptions | None = None) -> str:
    """Render `report` in format `fmt`.

    Findings below `options.min_severity` are removed first, so every format
    shows the same set.

    Args:
        report: The report to render.
        fmt: A registered format name (see `available_formats()`).
        options: Rendering options; defaults to `RenderOptions()`.

    Returns:
        The rendered document as text.

    Raises:
        FactcheckError: If `fmt` is not a registered format.
    """
    options = options or RenderOptions()
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        allowed = ", ".join(available_formats())
        raise FactcheckError(f"unknown output format {fmt!r}; expected one of: {allowed}")
    report = visible_report(report, options.min_severity)
    if fmt not in _MACHINE_FORMATS:
        report = sanitize_model(report)
    return renderer(report, options)


def visible_report(report: Report, min_severity: Severity) -> Report:
    """Return `report` without the findings below `min_severity`."""
    floor = SEVERITY_ORDER[min_severity]
    kept = tuple(f for f in report.findings if SEVERITY_ORDER[f.severity] >= floor)
    if len(kept) == len(report.findings):
        return report
    return report.model_copy(update={"findings": kept})


def _first_evidence_key(finding: Finding) -> tuple[str, int, int]:
    if not finding.evidence:
        return ("", 0, 0)
    first = finding.evidence[0]
    return (first.path, first.line, first.column)


def ordered_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings for people to read: most severe first, then by rule and location."""
    return sorted(
        findings,
        key=lambda f: (-SEVERITY_ORDER[f.severity], f.rule, _first_evidence_key(f), f.message),
    )


class SpanParts(NamedTuple):
    """A sentence cut around its clashing span; `span` is empty when it can't be found."""

    before: str
    span: str
    after: str


def split_span(evidence: Evidence) -> SpanParts:
    """Cut the evidence sentence into text before, inside and after the clashing span.

    The span's offsets are in the original file, like the sentence's, so the
    span normally sits at `span_start - start` in the sentence. When cleaning
    (markup removal) made that position wrong, fall back to the first exact
    occurrence of the span text, and else highlight nothing rather than the
    wrong words.
    """
    text = evidence.text
    span = evidence.span
    if not span:
        return SpanParts(text, "", "")
    relative = evidence.span_start - evidence.start
    if 0 <= relative <= len(text) - len(span) and text[relative : relative + len(span)] == span:
        return SpanParts(text[:relative], span, text[relative + len(span) :])
    found = text.find(span)
    if found < 0:
        return SpanParts(text, "", "")
    return SpanParts(text[:found], span, text[found + len(span) :])


def finding_fingerprint(finding: Finding) -> str:
    """The finding's content fingerprint; when upstream left it empty, the one baselines use.

    One fallback for every output (`fingerprint.fingerprint_of`), so a SARIF
    `partialFingerprints` entry and a baseline entry name a finding alike.
    """
    return fingerprint_of(finding)


def document_index(report: Report) -> dict[str, DocumentInfo]:
    """Path → document info, including bare entries for paths only findings mention."""
    index = {doc.path: doc for doc in report.documents}
    for finding in report.findings:
        for ev in finding.evidence:
            index.setdefault(ev.path, DocumentInfo(path=ev.path, published=ev.published))
    return index


# Kinds of name that say which event a story is (who, where), before organisations, which
# are often the hospital or the agency every story of a city shares.
_TOPIC_LABELS = ("PERSON", "FAC", "EVENT", "LOC", "GPE")


def story_labels(report: Report) -> dict[str, str]:
    """Article path → the name of its story: the story id and, when known, what its articles
    share most, a person or a place before an organisation."""
    details = {story.id: story for story in report.story_details}
    labels = {}
    for story, paths in report.stories.items():
        detail = details.get(story)
        topic = _topic(detail.shared) if detail is not None else None
        for path in paths:
            labels[path] = f"{story} ({topic})" if topic else story
    return labels


def _topic(shared: Sequence[str]) -> str | None:
    """The story's name from what its articles share ("PERSON: Lena Ruiz", "ORG: ...", words)."""
    named = [item.split(": ", 1) for item in shared if ": " in item]
    preferred = next((name for label, name in named if label in _TOPIC_LABELS), None)
    if preferred is not None:
        return preferred
    return shared[0].split(": ", 1)[-1] if shared else None


for _module in _BUILTIN_MODULES:
    importlib.import_module(f"{__name__}.{_module}")
