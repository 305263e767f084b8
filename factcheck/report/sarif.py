"""`--format sarif`: SARIF 2.1.0 for code-scanning services.

Layout (OASIS SARIF 2.1.0, https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html):

- one run whose `tool.driver.rules` lists every rule that fired, sorted by
  code; the rule code is the stable `id`, the dotted name is `name`;
- one result per finding: `locations[0]` is the first article's sentence, every
  other article's sentence is a `relatedLocation` with its own `id`;
- `partialFingerprints["factcheck/v1"]` is the finding's content hash (rule
  plus normalized claims, never line numbers), so alerts survive edits;
- unreadable articles and stale baseline entries are
  `invocations[0].toolExecutionNotifications`.

Severity → SARIF `level`: high → `error`, medium → `warning`, low → `note`,
info → `note` (SARIF has no level below `note` that viewers still show).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from factcheck.version import __version__
from factcheck.models import Evidence, Finding, Report
from factcheck.report import RenderOptions, document_index, finding_fingerprint, register

__all__ = ["SARIF_LEVELS", "sarif_log", "render_sarif"]

SARIF_LEVELS: dict[str, str] = {"high": "error", "medium": "warning", "low": "note", "info": "note"}
"""factcheck severity → SARIF `level`."""

_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_INFORMATION_URI = "https://pypi.org/project/factcheck/"
_FINGERPRINT_KEY = "factcheck/v1"


def _uri(path: str) -> str:
    # artifactLocation.uri must be a URI reference: forward slashes, and
    # spaces or other unsafe characters percent-encoded.
    return quote(path.replace("\\", "/"), safe="/:@!$&'()*+,;=-._~")


def _region(ev: Evidence) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(ev.line, 1), "startColumn": max(ev.column, 1)}
    # The end is reported only when it lies after the start; otherwise the
    # character offsets alone describe the sentence.
    if (ev.end_line, ev.end_column) > (ev.line, ev.column):
        region["endLine"] = ev.end_line
        region["endColumn"] = max(ev.end_column, 1)
    if ev.end >= ev.start >= 0:
        region["charOffset"] = ev.start
        region["charLength"] = ev.end - ev.start
    region["snippet"] = {"text": ev.text}
    return region


def _evidence_summary(ev: Evidence) -> str:
    parts = [f"{ev.path}:{ev.line}"]
    if ev.span:
        parts.append(f"says {ev.span!r}")
    if ev.value:
        parts.append(f"(normalized: {ev.value})")
    if ev.attribution:
        parts.append(f"according to {ev.attribution}")
    return " ".join(parts)


def _location(ev: Evidence, *, location_id: int | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if location_id is not None:
        location["id"] = location_id
    location["physicalLocation"] = {"artifactLocation": {"uri": _uri(ev.path)}, "region": _region(ev)}
    location["message"] = {"text": _evidence_summary(ev)}
    properties: dict[str, Any] = {}
    if ev.span:
        properties["span"] = ev.span
        properties["spanOffset"] = ev.span_start
        properties["spanLength"] = max(ev.span_end - ev.span_start, 0)
    if ev.value is not None:
        properties["value"] = ev.value
    if ev.attribution:
        properties["attribution"] = ev.attribution
    if ev.published is not None:
        properties["published"] = ev.published.isoformat()
    if properties:
        location["properties"] = properties
    return location


def _rules(findings: tuple[Finding, ...], descriptions: dict[str, str]) -> list[dict[str, Any]]:
    first_by_code: dict[str, Finding] = {}
    for finding in findings:
        first_by_code.setdefault(finding.rule, finding)
    rules = []
    for code in sorted(first_by_code):
        finding = first_by_code[code]
        description = descriptions.get(code) or finding.name
        rules.append(
            {
                "id": code,
                "name": finding.name,
                "shortDescription": {"text": description},
                "fullDescription": {"text": description},
                "defaultConfiguration": {"level": SARIF_LEVELS[finding.severity]},
                "properties": {"tags": ["factcheck", finding.kind]},
            }
        )
    return rules


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[finding.severity],
        "message": {"text": finding.message},
    }
    if finding.evidence:
        result["locations"] = [_location(finding.evidence[0])]
        related = [_location(ev, location_id=i) for i, ev in enumerate(finding.evidence[1:], start=1)]
        if related:
            result["relatedLocations"] = related
    result["partialFingerprints"] = {_FINGERPRINT_KEY: finding_fingerprint(finding)}
    result["properties"] = {"kind": finding.kind, "name": finding.name, "severity": finding.severity}
    return result


def _notifications(report: Report) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = []
    for problem in report.problems:
        notes.append(
            {
                "level": "error",
                "message": {"text": f"{problem.path}: {problem.message}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(problem.path)}}}],
            }
        )
    for entry in report.stale_baseline:
        notes.append({"level": "note", "message": {"text": f"stale baseline entry: {entry}"}})
    return notes


def sarif_log(report: Report, options: RenderOptions) -> dict[str, Any]:
    """Build the SARIF log object for `report` (see the module docstring for the layout)."""
    rules = _rules(report.findings, options.rule_descriptions)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "factcheck",
        "version": report.tool_version or __version__,
        "informationUri": _INFORMATION_URI,
        "rules": rules,
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": _notifications(report)}],
        # Columns and offsets count Python str characters (code points).
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule]) for f in report.findings],
    }
    properties: dict[str, Any] = {
        "schemaVersion": report.schema_version,
        "documents": len(document_index(report)),
        "suppressed": report.suppressed,
        "baselined": report.baselined,
    }
    if report.model:
        properties["model"] = report.model
    run["properties"] = properties
    return {"$schema": _SCHEMA_URI, "version": "2.1.0", "runs": [run]}


@register("sarif")
def render_sarif(report: Report, options: RenderOptions) -> str:
    """Render the report as a SARIF 2.1.0 JSON log."""
    return json.dumps(sarif_log(report, options), indent=2, ensure_ascii=False) + "\n"
