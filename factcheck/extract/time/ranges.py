"""The calendar days a TimeML value covers."""

from __future__ import annotations

import calendar
import datetime as dt

from ...models import Granularity
from .values import _add_months

def _range(value: str | None, granularity: Granularity) -> tuple[dt.date | None, dt.date | None]:
    """The calendar days a value covers (a week runs Monday to Sunday)."""
    if not value or "X" in value:
        return None, None
    try:
        if granularity == "day":
            day = dt.date.fromisoformat(value)
            return day, day
        if granularity == "week":
            year, week = value[:4], value[6:8]
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
            if value.endswith("-WE"):
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if granularity == "month":
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if granularity == "quarter":
            year, quarter = int(value[:4]), int(value[-1])
            first = 3 * quarter - 2
            return dt.date(year, first, 1), dt.date(year, first + 2, calendar.monthrange(year, first + 2)[1])
        if granularity == "season":
            # Meteorological seasons; winter runs December to February of the next year.
            year, code = int(value[:4]), value[5:]
            months = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}[code]
            end_year, end_month = _add_months(year, months[1], 0) if months[1] <= 12 else (year + 1, months[1] - 12)
            return dt.date(year, months[0], 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
        if granularity == "year":
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if granularity == "decade":
            return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    except (ValueError, KeyError):
        return None, None
    return None, None
