"""`--format markdown`: a report fit for a pull-request comment.

Findings are grouped by severity, each group a collapsible `<details>` section
(high severity open). A comment holds at most 65,536 characters, so the report
stops before `RenderOptions.max_chars` with a line saying how many findings were
left out and where the full report is.

Article text is untrusted: Markdown punctuation is backslash-escaped and
`&`, `<` and `>` become HTML entities, so an article that contains
`<script>` or `**` shows those characters instead of becoming markup
(CommonMark, https://spec.commonmark.org/0.31.2/#backslash-escapes).
"""

from __future__ import annotations

import re

from factcheck.models import SEVERITY_ORDER, Evidence, Finding, InputProblem, Report
from factcheck.report import RenderOptions, document_index, ordered_findings, register, split_span
from factcheck.report.rule_docs import help_uri

__all__ = ["escape_markdown", "evidence_heading", "highlighted_sentence", "problem_item", "summary_table", "render_markdown"]

# Punctuation that can start inline markup: emphasis, code, links (`[` is
# enough to stop `[x](y)` and `![x](y)`), table cells, strikethrough, and on
# GitHub math (`$`), mentions (`@`) and issue references (`#`). `&<>` become
# entities instead, which also stops raw HTML and autolinks.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$@#])")
# Block markers count only at the start of a line: lists, quotes, headings.
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")
_WHITESPACE = re.compile(r"\s+")
_SEVERITY_TITLES = {"high": "High", "medium": "Medium", "low": "Low", "info": "Info"}


def escape_markdown(text: str) -> str:
    """Make untrusted text render literally in GitHub-flavoured Markdown, on one line."""
    text = _WHITESPACE.sub(" ", text).strip()
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def problem_item(problem: InputProblem) -> str:
    """One list item for an unreadable input (or a note about one that was read)."""
    note = "note: " if problem.level == "note" else ""
    return f"- {note}{escape_markdown(problem.path)}: {escape_markdown(problem.message)}"


def highlighted_sentence(ev: Evidence) -> str:
    """The evidence sentence, escaped, with the clashing span in bold."""
    before, span, after = split_span(ev)
    if not span:
        return escape_markdown(ev.text)
    # Escape the three parts separately so the bold markers stay live; keep the
    # spaces around the span outside the `**` so the emphasis still opens.
    span_text = escape_markdown(span)
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return f"{escape_markdown(before)}{lead}**{span_text}**{trail}{escape_markdown(after)}".strip()


def evidence_heading(ev: Evidence, source: str | None) -> str:
    """`path:line:col` plus source, publication date, attribution and value, escaped."""
    parts = [f"{escape_markdown(ev.path)}:{ev.line}:{ev.column}"]
    origin = " ".join(p for p in (source, ev.published.isoformat() if ev.published else None) if p)
    if origin:
        parts.append(escape_markdown(origin))
    if ev.attribution:
        parts.append(f"per {escape_markdown(ev.attribution)}")
    if ev.value:
        parts.append(f"value {escape_markdown(ev.value)}")
    return " · ".join(parts)


def summary_table(report: Report) -> list[str]:
    """A Markdown table of counts: articles, claims, findings by severity and kind."""
    documents = document_index(report)
    claims = sum(doc.claims for doc in report.documents)
    rows = [("Articles", len(documents))]
    if claims:
        rows.append(("Claims", claims))
    rows.append(("Findings", len(report.findings)))
    by_severity = report.counts_by("severity")
    for severity in sorted(by_severity, key=lambda s: -SEVERITY_ORDER[s]):
        rows.append((f"· {severity}", by_severity[severity]))
    for kind, count in sorted(report.counts_by("kind").items()):
        rows.append((f"· {escape_markdown(kind)}", count))
    if report.problems:
        rows.append(("Unreadable inputs", len(report.problems)))
    if report.suppressed:
        rows.append(("Suppressed inline", report.suppressed))
    if report.baselined:
        rows.append(("Hidden by baseline", report.baselined))
    lines = ["| | Count |", "| --- | ---: |"]
    lines += [f"| {label} | {count} |" for label, count in rows]
    return lines


def _finding_block(finding: Finding, sources: dict[str, str | None]) -> list[str]:
    lines = [
        f"#### [{escape_markdown(finding.rule)}]({help_uri(finding.rule)}) {escape_markdown(finding.name)} "
        f"({escape_markdown(finding.kind)})",
        "",
        escape_markdown(finding.message),
        "",
    ]
    if finding.evidence:
        headings = [evidence_heading(ev, sources.get(ev.path)) for ev in finding.evidence]
        # Every cell is escaped text, so it holds no bare `|` that could split the row.
        sentences = [highlighted_sentence(ev) for ev in finding.evidence]
        lines.append("| " + " | ".join(headings) + " |")
        lines.append("|" + " --- |" * len(headings))
        lines.append("| " + " | ".join(sentences) + " |")
        lines.append("")
    return lines


def _cut_note(left_out: int, options: RenderOptions) -> list[str]:
    where = (
        f"the full report: {escape_markdown(options.full_report)}"
        if options.full_report
        else "the full report is in this run's `--format html` or `--format json` output"
    )
    plural = "s are" if left_out != 1 else " is"
    return [f"**{left_out} more finding{plural} not shown** (a comment holds 65,536 characters); {where}.", ""]


@register("markdown")
def render_markdown(report: Report, options: RenderOptions) -> str:
    """Render the report as GitHub-flavoured Markdown for a pull-request comment."""
    sources = {path: doc.source for path, doc in document_index(report).items()}
    head = ["## factcheck report", "", *summary_table(report), ""]
    if not report.findings:
        head += ["No findings.", ""]
    tail: list[str] = []
    if report.problems:
        tail += ["### Unreadable inputs", ""]
        tail += [problem_item(p) for p in report.problems]
        tail.append("")
    if report.stale_baseline:
        tail += ["### Stale baseline entries", ""]
        tail += [f"- {escape_markdown(entry)}" for entry in report.stale_baseline]
        tail.append("")
    findings = ordered_findings(report.findings)
    by_severity: dict[str, int] = {}
    for finding in findings:
        by_severity[finding.severity] = by_severity.get(finding.severity, 0) + 1
    # Room for the closing tag and the note about what was left out.
    budget = options.max_chars - _length(head) - _length(tail) - 400
    body: list[str] = []
    current: str | None = None
    shown = 0
    for finding in findings:
        opening: list[str] = []
        if finding.severity != current:
            opening = ["</details>", ""] if current is not None else []
            current = finding.severity
            state = " open" if current == "high" else ""
            title = f"{_SEVERITY_TITLES[current]} ({by_severity[current]})"
            opening += [f"<details{state}><summary><strong>{title}</strong></summary>", ""]
        block = opening + _finding_block(finding, sources)
        if _length(body) + _length(block) > budget:
            break
        body += block
        shown += 1
    if current is not None and body:
        body += ["</details>", ""]
    if shown < len(findings):
        body += _cut_note(len(findings) - shown, options)
    return "\n".join(head + body + tail).rstrip("\n") + "\n"


def _length(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)
