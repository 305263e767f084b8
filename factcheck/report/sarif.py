"""`--format sarif`: SARIF 2.1.0 for code-scanning services.

Layout (OASIS SARIF 2.1.0, https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html):

- one run whose `tool.driver.rules` lists every rule that fired, sorted by
  code; the rule code is the stable `id`, the dotted name is `name`, the
  rule's page is `helpUri` and its examples are `fullDescription` and `help`;
- one result per finding: `locations[0]` is the first article's sentence, every
  other article's sentence is a `relatedLocation` with its own `id`, which the
  message links as `[path:line](id)` (SARIF §3.11.6, embedded links);
- paths are relative to `%SRCROOT%` (the working directory, in
  `originalUriBaseIds`); a file outside it gets an absolute `file://` URI, since
  a `../` reference resolves against nothing a viewer knows;
- `partialFingerprints["factcheck/v1"]` is the finding's content hash (rule
  plus normalized claims, never line numbers), so alerts survive edits;
- unreadable articles and stale baseline entries are
  `invocations[0].toolExecutionNotifications`.

Severity → SARIF `level`: high → `error`, medium → `warning`, low → `note`,
info → `note` (SARIF has no level below `note` that viewers still show).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from factcheck.version import __version__
from factcheck.models import Evidence, Finding, Report
from factcheck.report import RenderOptions, document_index, finding_fingerprint, register
from factcheck.report.rule_docs import help_uri

__all__ = ["SARIF_LEVELS", "sarif_log", "render_sarif"]

SARIF_LEVELS: dict[str, str] = {"high": "error", "medium": "warning", "low": "note", "info": "note"}
"""factcheck severity → SARIF `level`."""

_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_INFORMATION_URI = "https://pypi.org/project/factcheck/"
_FINGERPRINT_KEY = "factcheck/v1"
_ROOT_ID = "%SRCROOT%"
# In SARIF message text `[` and `]` open embedded links and `\\` escapes them (§3.11.5).
_MESSAGE_SPECIAL = re.compile(r"([\\\[\]])")


def _quote(path: str) -> str:
    # artifactLocation.uri must be a URI reference: forward slashes, and
    # spaces or other unsafe characters percent-encoded.
    return quote(path.replace("\\", "/"), safe="/:@!$&'()*+,;=-._~")


def _file_uri(path: str) -> str:
    posix = path.replace("\\", "/")
    return "file://" + ("" if posix.startswith("/") else "/") + _quote(posix)


def _artifact(path: str, root: str | None) -> dict[str, Any]:
    """An artifactLocation: relative to `%SRCROOT%` when the file lies under it, else absolute."""
    if root is None:
        return {"uri": _quote(path)}
    if PurePosixPath(path.replace("\\", "/")).is_absolute() or path.startswith(".."):
        return {"uri": _file_uri(os.path.normpath(os.path.join(root, path)))}
    return {"uri": _quote(path), "uriBaseId": _ROOT_ID}


def _message_text(text: str) -> str:
    return _MESSAGE_SPECIAL.sub(r"\\\1", text)


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


def _location(ev: Evidence, root: str | None, *, location_id: int | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if location_id is not None:
        location["id"] = location_id
    location["physicalLocation"] = {"artifactLocation": _artifact(ev.path, root), "region": _region(ev)}
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


def _rules(findings: tuple[Finding, ...], options: RenderOptions) -> list[dict[str, Any]]:
    first_by_code: dict[str, Finding] = {}
    for finding in findings:
        first_by_code.setdefault(finding.rule, finding)
    rules = []
    for code in sorted(first_by_code):
        finding = first_by_code[code]
        description = options.rule_descriptions.get(code) or finding.name
        rule: dict[str, Any] = {
            "id": code,
            "name": finding.name,
            "shortDescription": {"text": description},
        }
        explanation = options.rule_explanations.get(code)
        if explanation and explanation.strip() != description:
            rule["fullDescription"] = {"text": explanation}
        rule["helpUri"] = help_uri(code)
        rule["help"] = {
            "text": f"{explanation or description}\n\nDocumentation: {help_uri(code)}",
            "markdown": f"{description}\n\n[{code} {finding.name}]({help_uri(code)})",
        }
        rule["defaultConfiguration"] = {"level": SARIF_LEVELS[finding.severity]}
        rule["properties"] = {"tags": ["factcheck", finding.kind]}
        rules.append(rule)
    return rules


def _result_message(finding: Finding) -> str:
    """The finding's message, then a link to each related location: `[path:line](id)`."""
    text = _message_text(finding.message)
    links = [
        f"[{_message_text(f'{ev.path}:{ev.line}')}]({i})" for i, ev in enumerate(finding.evidence[1:], start=1)
    ]
    if links:
        text += " (see " + ", ".join(links) + ")"
    return text


def _result(finding: Finding, rule_index: int, root: str | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[finding.severity],
        "message": {"text": _result_message(finding)},
    }
    if finding.evidence:
        result["locations"] = [_location(finding.evidence[0], root)]
        related = [_location(ev, root, location_id=i) for i, ev in enumerate(finding.evidence[1:], start=1)]
        if related:
            result["relatedLocations"] = related
    result["partialFingerprints"] = {_FINGERPRINT_KEY: finding_fingerprint(finding)}
    result["properties"] = {"kind": finding.kind, "name": finding.name, "severity": finding.severity}
    return result


def _notifications(report: Report, root: str | None) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = []
    for problem in report.problems:
        notes.append(
            {
                "level": "note" if problem.level == "note" else "error",
                "message": {"text": _message_text(f"{problem.path}: {problem.message}")},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(problem.path, root)}}],
            }
        )
    for entry in report.stale_baseline:
        notes.append({"level": "note", "message": {"text": _message_text(f"stale baseline entry: {entry}")}})
    return notes


def sarif_log(report: Report, options: RenderOptions) -> dict[str, Any]:
    """Build the SARIF log object for `report` (see the module docstring for the layout)."""
    root = options.source_root
    rules = _rules(report.findings, options)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "factcheck",
        "version": report.tool_version or __version__,
        "informationUri": _INFORMATION_URI,
        "rules": rules,
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": _notifications(report, root)}],
        # Columns and offsets count Python str characters (code points).
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule], root) for f in report.findings],
    }
    if root is not None:
        # §3.14.14: the base that relative artifact URIs resolve against; it ends in a slash.
        run["originalUriBaseIds"] = {_ROOT_ID: {"uri": _file_uri(root.rstrip("/\\") + "/")}}
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
