"""`--format json`: the report as stable, versioned JSON.

The document is `Report.model_dump(mode="json")`: keys follow the model's field
order (`schema_version` first), `stories` is sorted by story id, and the text
is indented by two spaces. `schema_version` changes whenever a field changes
meaning or disappears; new optional fields keep it.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.models import Report
from factcheck.report import RenderOptions, register

__all__ = ["report_data", "render_json"]


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, in a stable key order."""
    data = report.model_dump(mode="json")
    data["stories"] = {story: list(paths) for story, paths in sorted(data["stories"].items())}
    return data


@register("json")
def render_json(report: Report, options: RenderOptions) -> str:
    """Render the report as indented JSON text ending in a newline."""
    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"
