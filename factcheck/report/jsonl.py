"""`--format jsonl`: one finding per line, for streams (JSON Lines, https://jsonlines.org).

Each line is a finding as in the JSON report (`Finding` fields), plus `help_uri`, the
address of its rule's page. Unreadable inputs and the summary are not findings and are
left out: they go to stderr, and `--format json` has them all.
"""

from __future__ import annotations

import json

from factcheck.models import Report
from factcheck.report import RenderOptions, register
from factcheck.report.rule_docs import help_uri

__all__ = ["render_jsonl"]


@register("jsonl")
def render_jsonl(report: Report, options: RenderOptions) -> str:
    """Render each finding as one compact JSON object per line."""
    lines = []
    for finding in report.findings:
        data = finding.model_dump(mode="json")
        data["help_uri"] = help_uri(finding.rule)
        lines.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return "".join(line + "\n" for line in lines)
