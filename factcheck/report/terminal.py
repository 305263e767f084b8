"""The default human report, drawn with rich.

A summary comes first, then each finding: a header line (severity, rule
code, kind, message) and the sentences that clash, with the clashing span
highlighted. At 100 columns or more the sentences sit side by side; below
that they are stacked so the report stays readable at 80 columns.

With `color=False` the output is plain text: no boxes, no escape codes, and
the clashing span is marked «like this».

Article text is only ever put in `rich.text.Text` objects, never in markup
strings, so `[bold]` inside an article prints literally.
"""

from __future__ import annotations

import io
import shutil

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.models import SEVERITY_ORDER, DocumentInfo, Evidence, Finding, Report
from factcheck.report import RenderOptions, document_index, ordered_findings, register, split_span, story_labels
from factcheck.report.rule_docs import help_uri
from factcheck.sanitize import unwrap_commands
from factcheck.wording import counted

__all__ = ["SIDE_BY_SIDE_WIDTH", "render_terminal"]

SIDE_BY_SIDE_WIDTH = 100
"""Narrowest console that shows the clashing sentences side by side."""

_SEVERITY_STYLES = {"high": "bold red", "medium": "bold yellow", "low": "cyan", "info": "dim"}
_SPAN_STYLE = "bold reverse"
_PLAIN_MARKS = ("«", "»")


def _console(options: RenderOptions) -> Console:
    # Output goes to a buffer, which has no size of its own; without an explicit
    # width use the real terminal's (or $COLUMNS, else 80).
    width = options.width or shutil.get_terminal_size(fallback=(80, 24)).columns
    return Console(
        file=io.StringIO(),
        width=width,
        color_system="auto" if options.color else None,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )


def _sentence(ev: Evidence, options: RenderOptions) -> Text:
    before, span, after = split_span(ev)
    text = Text(overflow="fold")
    text.append(" ".join(before.split()) + (" " if before[-1:].isspace() else ""))
    if span:
        if options.color:
            text.append(span, style=_SPAN_STYLE)
        else:
            text.append(f"{_PLAIN_MARKS[0]}{span}{_PLAIN_MARKS[1]}")
    text.append((" " if after[:1].isspace() else "") + " ".join(after.split()))
    return text


def _heading_lines(ev: Evidence, doc: DocumentInfo | None) -> list[str]:
    """`path:line:col`, then source and date, attribution and value; empty strings for what is unknown."""
    source = doc.source if doc else None
    published = ev.published or (doc.published if doc else None)
    origin = " ".join(p for p in (source, published.isoformat() if published else None) if p)
    return [
        f"{ev.path}:{ev.line}:{ev.column}",
        origin,
        f"per {ev.attribution}" if ev.attribution else "",
        f"value {ev.value}" if ev.value else "",
    ]


def _heading_text(line: str, row: int, options: RenderOptions) -> Text:
    style = ("bold" if row == 0 else "dim") if options.color else ""
    return Text(line, style=style, overflow="fold")


def _finding_header(finding: Finding, options: RenderOptions, width: int, story: str | None) -> RenderableType:
    """Severity, rule code, kind, story and message; the message gets its own line when it would wrap."""
    text = Text(overflow="fold")
    text.append(finding.severity.upper(), style=_SEVERITY_STYLES[finding.severity] if options.color else "")
    text.append("  ")
    # On a colour terminal the code links to the rule's page (OSC 8 hyperlinks).
    text.append(finding.rule, style=f"link {help_uri(finding.rule)}" if options.color else "")
    text.append(f"  {finding.kind}")
    if story:
        text.append(f"  {story}", style="dim" if options.color else "")
    message = Text(finding.message, style="bold" if options.color else "", overflow="fold")
    if text.cell_len + 2 + message.cell_len <= width:
        return Text.assemble(text, "  ", message)
    return Group(text, Padding(message, (0, 0, 0, 2)))


def _evidence_view(finding: Finding, docs: dict[str, DocumentInfo], width: int, options: RenderOptions) -> RenderableType:
    evidence = finding.evidence
    if len(evidence) >= 2 and width >= SIDE_BY_SIDE_WIDTH:
        # Headings are a row of their own, not the table header: rich bottom-aligns
        # header cells, which put the `path:line:col` of a shorter heading lower
        # than its neighbour's.
        table = Table(
            box=box.ROUNDED if options.color else None,
            show_header=False,
            show_edge=options.color,
            expand=True,
            padding=(0, 1),
        )
        for _ in evidence:
            table.add_column(ratio=1, overflow="fold", vertical="top")
        # One row per heading line, so the paths, sources, attributions and values
        # of both sides line up even when one of them wraps or is missing.
        headings = [_heading_lines(ev, docs.get(ev.path)) for ev in evidence]
        rows = [row for row in zip(*headings, strict=True) if any(row)]
        for number, row in enumerate(rows):
            cells = (_heading_text(line, number, options) for line in row)
            table.add_row(*cells, end_section=number == len(rows) - 1)
        table.add_row(*(_sentence(ev, options) for ev in evidence))
        return Padding(table, (0, 0, 0, 2))
    # Stacked: the heading, the sentence indented under it, and a blank line between the
    # articles so the second path does not read as part of the first sentence.
    blocks: list[RenderableType] = []
    for number, ev in enumerate(evidence):
        path, *details = _heading_lines(ev, docs.get(ev.path))
        if number:
            blocks.append(Text(""))
        blocks.append(Padding(_heading_text(path, 0, options), (0, 0, 0, 2)))
        details = [d for d in details if d]
        if details:
            detail_text = Text(" · ".join(details), style="dim" if options.color else "", overflow="fold")
            blocks.append(Padding(detail_text, (0, 0, 0, 2)))
        blocks.append(Padding(_sentence(ev, options), (0, 0, 0, 4)))
    return Group(*blocks)


def _counts(rows: list[tuple[str, str]]) -> RenderableType:
    """Labelled lists of counts; a list that wraps continues under its first item, not at column 0."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(label, value)
    return _indented(grid)


def _indented(renderable: RenderableType) -> RenderableType:
    return Padding(renderable, (0, 0, 0, 2))


def _summary(report: Report, docs: dict[str, DocumentInfo]) -> list[RenderableType]:
    claims = sum(doc.claims for doc in report.documents)
    parts = [counted(len(docs), "article")]
    if report.stories:
        parts.append(counted(len(report.stories), "story"))
    if claims:
        parts.append(counted(claims, "claim"))
    parts.append(counted(len(report.findings), "finding"))
    lines: list[RenderableType] = [Text("factcheck: " + ", ".join(parts), overflow="fold")]
    rows = []
    by_severity = report.counts_by("severity")
    if by_severity:
        ordered = sorted(by_severity, key=lambda s: -SEVERITY_ORDER[s])
        rows.append(("by severity:", ", ".join(f"{s} {by_severity[s]}" for s in ordered)))
        kinds = report.counts_by("kind")
        rows.append(("by kind:", ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))))
    if rows:
        lines.append(_counts(rows))
    hidden = []
    if report.suppressed:
        hidden.append(f"{report.suppressed} suppressed inline")
    if report.baselined:
        hidden.append(f"{report.baselined} hidden by baseline")
    unread = sum(1 for p in report.problems if p.level == "error")
    if unread:
        # The files themselves are named on stderr, with the other diagnostics.
        hidden.append(f"{unread} file{'s' if unread != 1 else ''} not read (see stderr)")
    if hidden:
        lines.append(_indented(Text(", ".join(hidden), overflow="fold")))
    return lines


@register("terminal")
def render_terminal(report: Report, options: RenderOptions) -> str:
    """Render the human-readable report (colour only when `options.color`)."""
    console = _console(options)
    docs = document_index(report)
    stories = story_labels(report)
    if options.summary:
        for line in _summary(report, docs):
            console.print(line)
    for number, finding in enumerate(ordered_findings(report.findings)):
        if number or options.summary:
            console.print()
        story = stories.get(finding.evidence[0].path) if finding.evidence else None
        console.print(_finding_header(finding, options, console.width, story))
        if finding.evidence:
            console.print(_evidence_view(finding, docs, console.width, options))
    if report.stale_baseline:
        console.print()
    for entry in report.stale_baseline:
        console.print(Text(f"stale baseline entry: {entry}"))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    # Trailing spaces from table padding are noise in logs and golden files.
    return unwrap_commands("\n".join(line.rstrip() for line in output.splitlines()) + "\n")
