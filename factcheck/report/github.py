"""`--format github`: GitHub Actions workflow commands, plus a step summary.

One command per finding, on the first article's sentence:
`::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message`.

Severity → command: high → `error`, medium → `warning`, low and info →
`notice`. GitHub shows only about ten annotations of each type per step, so
`render_summary` writes the whole report as Markdown for `$GITHUB_STEP_SUMMARY`.

Escaping follows `escapeData`/`escapeProperty` in actions/toolkit
(`packages/core/src/command.ts`): in the message `%`,
CR and LF become `%25`, `%0D`, `%0A`; in property values `:` and `,` also
become `%3A` and `%2C`.
"""

from __future__ import annotations

from factcheck.models import Finding, Report
from factcheck.report import RenderOptions, document_index, ordered_findings, register, visible_report
from factcheck.sanitize import sanitize_model
from factcheck.report.markdown import (
    escape_markdown,
    evidence_heading,
    highlighted_sentence,
    problem_item,
    summary_table,
)

__all__ = ["GITHUB_COMMANDS", "escape_data", "escape_property", "render_github", "render_summary"]

GITHUB_COMMANDS: dict[str, str] = {"high": "error", "medium": "warning", "low": "notice", "info": "notice"}
"""factcheck severity → workflow command."""


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command property value (`file`, `title`, …)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def _annotation(finding: Finding) -> str:
    properties: dict[str, object] = {}
    message = finding.message
    if finding.evidence:
        first = finding.evidence[0]
        properties = {"file": first.path, "line": first.line, "col": first.column}
        if (first.end_line, first.end_column) > (first.line, first.column):
            properties["endLine"] = first.end_line
            properties["endColumn"] = first.end_column
        others = [f"{ev.path}:{ev.line}" + (f" ({ev.value})" if ev.value else "") for ev in finding.evidence[1:]]
        if others:
            message += " [compare " + "; ".join(others) + "]"
    properties["title"] = f"{finding.rule} {finding.name} ({finding.severity})"
    return _command(GITHUB_COMMANDS[finding.severity], properties, message)


@register("github")
def render_github(report: Report, options: RenderOptions) -> str:
    """Render one workflow command per finding and per unreadable input."""
    lines = [_annotation(finding) for finding in report.findings]
    for problem in report.problems:
        if problem.level == "note":
            lines.append(_command("notice", {"file": problem.path, "title": "factcheck: note"}, problem.message))
        else:
            lines.append(_command("error", {"file": problem.path, "title": "factcheck: unreadable input"}, problem.message))
    for entry in report.stale_baseline:
        lines.append(_command("notice", {"title": "factcheck: stale baseline entry"}, entry))
    return "".join(line + "\n" for line in lines)


def render_summary(report: Report, options: RenderOptions | None = None) -> str:
    """The step summary: a table of counts, then each finding with its sentences quoted.

    Args:
        report: The report to summarize.
        options: Only `min_severity` is used; findings below it are left out.
    """
    if options is not None:
        report = visible_report(report, options.min_severity)
    report = sanitize_model(report)
    sources = {path: doc.source for path, doc in document_index(report).items()}
    lines = ["## factcheck", "", *summary_table(report), ""]
    for finding in ordered_findings(report.findings):
        lines += [
            f"### {escape_markdown(finding.severity)}: {escape_markdown(finding.rule)} "
            f"{escape_markdown(finding.name)}",
            "",
            escape_markdown(finding.message),
            "",
        ]
        for ev in finding.evidence:
            lines += [f"> {evidence_heading(ev, sources.get(ev.path))}", ">", f"> {highlighted_sentence(ev)}", ""]
    if report.problems:
        lines += ["### Unreadable inputs", ""]
        lines += [problem_item(p) for p in report.problems]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
