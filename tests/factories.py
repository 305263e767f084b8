"""Small builders of report models shared by tests that need findings without running spaCy."""

from __future__ import annotations

from factcheck.models import Evidence


def evidence(path: str, line: int, text: str, value: str | None, start: int = 0) -> Evidence:
    """Evidence for one sentence on one line, its offsets starting at `start`."""
    return Evidence(
        path=path,
        line=line,
        column=1,
        end_line=line,
        end_column=len(text) + 1,
        start=start,
        end=start + len(text),
        text=text,
        value=value,
    )
