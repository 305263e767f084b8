"""Small builders of report models shared by tests that need findings without running spaCy."""

from __future__ import annotations

import datetime as dt

from factcheck.models import Evidence, TimeRef


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


def monday_time() -> TimeRef:
    """"on Monday", resolved against a Friday dateline to 2024-03-04."""
    return TimeRef(
        text="on Monday",
        start=20,
        end=29,
        value="2024-03-04",
        granularity="day",
        anchor="dateline",
        anchored_to=dt.date(2024, 3, 1),
        range_start=dt.date(2024, 3, 4),
        range_end=dt.date(2024, 3, 4),
    )
