"""`check --statistics`: the number of findings per rule, instead of the findings (ruff's `--statistics`)."""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict

from factcheck.models import SEVERITY_ORDER, Report

__all__ = ["RuleCount", "rule_counts", "render_statistics"]


class RuleCount(BaseModel):
    """How often one rule fired, and at which severities."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    kind: str
    count: int
    severities: dict[str, int]


def rule_counts(report: Report) -> list[RuleCount]:
    """One entry per rule that fired: most findings first, then by code."""
    by_rule: dict[str, list] = {}
    for finding in report.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    counts = []
    for code, findings in by_rule.items():
        severities: dict[str, int] = {}
        for finding in sorted(findings, key=lambda f: -SEVERITY_ORDER[f.severity]):
            severities[finding.severity] = severities.get(finding.severity, 0) + 1
        counts.append(RuleCount(code=code, name=findings[0].name, kind=findings[0].kind, count=len(findings),
                                severities=severities))
    return sorted(counts, key=lambda c: (-c.count, c.code))


def render_statistics(report: Report, *, as_json: bool = False) -> str:
    """A table (count, code, name, severities), or a JSON list of the same for tools."""
    counts = rule_counts(report)
    if as_json:
        return json.dumps([c.model_dump() for c in counts], indent=2) + "\n"
    if not counts:
        return "No findings.\n"
    width = max(len(str(c.count)) for c in counts)
    name_width = max(len(c.name) for c in counts)
    lines = [
        f"{c.count:>{width}}  {c.code}  {c.name:<{name_width}}  "
        + ", ".join(f"{severity} {n}" for severity, n in c.severities.items())
        for c in counts
    ]
    return "\n".join(lines) + "\n"
