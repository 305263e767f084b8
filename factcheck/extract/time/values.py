"""Parsers from a matched expression to a TimeML value, anchored to the dateline and the clause's tense."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from ...models import Granularity
from .lexicon import _DECADE_WORDS, _TENS, _UNITS_WORDS, Tense, TimeLexicon, _Holiday, _key, _on_or_after, _on_or_before


class _Tables(Protocol):
    """What the parsers read of the compiled grammar (`grammar._Grammar`), which in turn lists the parsers."""

    @property
    def lexicon(self) -> TimeLexicon: ...

    @property
    def month_of(self) -> dict[str, int]: ...

    @property
    def holidays(self) -> dict[str, _Holiday]: ...


@dataclass(frozen=True)
class _Value:
    """A parsed expression before it becomes a TimeRef."""

    value: str | None
    granularity: Granularity
    anchor: Literal["absolute", "dateline", "none"]
    note: str | None = None


@dataclass(frozen=True)
class _Ctx:
    match: re.Match[str]
    dateline: dt.date | None
    tense: Tense
    grammar: _Tables

    def g(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None


_NO_DATELINE = "no dateline to anchor a relative expression"


def _relative(ctx: _Ctx, make: Callable[[dt.date], tuple[str, Granularity]]) -> _Value:
    if ctx.dateline is None:
        return _Value(None, "unknown", "none", _NO_DATELINE)
    value, gran = make(ctx.dateline)
    return _Value(value, gran, "dateline")


def _day(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _h_numeric(ctx: _Ctx) -> _Value | None:
    year, month, day = int(ctx.g("y") or 0), int(ctx.g("m") or 0), int(ctx.g("d") or 0)
    if year < 100:
        year += 2000 if year < 50 else 1900  # two-digit years: the POSIX strptime pivot
    if not 1500 <= year <= 2099 or not _valid_day(year, month, day):
        return None
    return _Value(dt.date(year, month, day).isoformat(), "day", "absolute")


# How far past the dateline a past-tense clause may still place a date without a year
# ("the dividend, declared last week, is payable Dec. 7"), and how far before it a
# future-tense clause may ("will report, as it did Jan. 3, ...").
_PAST_LEEWAY_DAYS = 62
_FUTURE_LEEWAY_DAYS = 7
_PAST_LEEWAY_MONTHS = 2


def _year_for_day(ctx: _Ctx, month: int, day: int) -> int:
    """The year of a month and day named without one.

    The nearest such date to the dateline, moved a year back when a past-tense clause
    would put it well after the dateline, or a year on when a future clause would put
    it before (HeidelTime's strategy, Strötgen & Gertz 2013).
    """
    day = min(day, 28) if month == 2 else day  # Feb. 29 decides nothing about the year
    return _year_for(ctx, lambda year: dt.date(year, month, day))


def _year_for(ctx: _Ctx, date_in: Callable[[int], dt.date]) -> int:
    assert ctx.dateline is not None
    anchor = ctx.dateline

    def offset(year: int) -> int:
        return (date_in(year) - anchor).days

    year = min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: (abs(offset(y)), -y))
    if ctx.tense == "past" and offset(year) > _PAST_LEEWAY_DAYS:
        year -= 1
    elif ctx.tense == "future" and offset(year) < -_FUTURE_LEEWAY_DAYS:
        year += 1
    return year


def _year_for_month(ctx: _Ctx, month: int) -> int:
    """The year of a month named without one, chosen as in `_year_for_day`."""
    assert ctx.dateline is not None
    anchor = ctx.dateline
    diff = month - anchor.month
    year = anchor.year
    # Nearest, with news leaning to the past: March is last March from October, but
    # February is next February.
    if diff > 4:
        year, diff = year - 1, diff - 12
    elif diff < -7:
        year, diff = year + 1, diff + 12
    if ctx.tense == "past" and diff > _PAST_LEEWAY_MONTHS:
        year -= 1
    elif ctx.tense == "future" and diff < 0:
        year += 1
    return year


def _h_month_day(ctx: _Ctx) -> _Value | None:
    month = ctx.grammar.month_of[(ctx.g("mon") or "").rstrip(".").lower()]
    day = int(ctx.g("day") or 0)
    if ctx.g("year"):
        year = int(ctx.g("year") or 0)
        if not _valid_day(year, month, day):
            return None
        date = dt.date(year, month, day)
        return _Value(date.isoformat(), "day", "absolute", _weekday_mismatch(ctx, date))
    if not _valid_day(2000, month, day):  # 2000 is a leap year: Feb. 29 is allowed
        return None
    if ctx.dateline is None:
        return _Value(f"XXXX-{month:02d}-{day:02d}", "day", "none", "no year given and no dateline to take it from")
    year = _year_for_day(ctx, month, day)
    if not _valid_day(year, month, day):
        return None
    date = dt.date(year, month, day)
    return _Value(date.isoformat(), "day", "dateline", _weekday_mismatch(ctx, date))


# The note a date gets when the weekday written with it is another day's; `weekday_reading`
# reads it back.
WEEKDAY_MISMATCH = "weekday does not fall on the date: {weekday} is {reading}"


def _weekday_mismatch(ctx: _Ctx, date: dt.date) -> str | None:
    """ "Saturday, April 7" when April 7 is a Sunday: the note names the written weekday's
    nearest date, the other reading of the expression."""
    if not ctx.g("wd"):
        return None
    weekday = _weekday_number(ctx)
    if weekday == date.isoweekday():
        return None
    shift = (weekday - date.isoweekday()) % 7
    reading = date + dt.timedelta(days=shift if shift <= 3 else shift - 7)
    return WEEKDAY_MISMATCH.format(weekday=(ctx.g("wd") or "").capitalize(), reading=reading.isoformat())


def weekday_reading(note: str | None) -> dt.date | None:
    """The date the written weekday gives, from a `WEEKDAY_MISMATCH` note; None for other notes."""
    prefix = WEEKDAY_MISMATCH.split("{")[0]
    if not note or not note.startswith(prefix):
        return None
    return dt.date.fromisoformat(note.rsplit(" ", 1)[-1])


def _h_month_year(ctx: _Ctx) -> _Value | None:
    month = ctx.grammar.month_of[(ctx.g("mon") or "").rstrip(".").lower()]
    return _Value(_month(int(ctx.g("year") or 0), month), "month", "absolute")


_REL_STEP = {"last": -1, "previous": -1, "the previous": -1, "this": 0, "current": 0, "the current": 0, "next": 1,
             "coming": 1, "this coming": 1}  # fmt: skip


def _rel(ctx: _Ctx) -> str:
    return re.sub(r"\s+", " ", (ctx.g("rel") or ctx.g("qrel") or "this").lower())


def _h_month_rel(ctx: _Ctx) -> _Value | None:
    month = ctx.grammar.month_of[(ctx.g("mon") or "").lower()]
    step = _REL_STEP[_rel(ctx)]
    return _relative(ctx, lambda d: (_month(d.year + step, month), "month"))


def _h_rel_month(ctx: _Ctx) -> _Value | None:
    month = ctx.grammar.month_of[(ctx.g("mon") or "").lower()]
    step = _REL_STEP[_rel(ctx)]

    def make(d: dt.date) -> tuple[str, Granularity]:
        if step < 0:  # "last November": the latest November before the dateline's month
            year = d.year if month < d.month else d.year - 1
        elif step > 0:
            year = d.year if month > d.month else d.year + 1
        else:
            year = d.year
        return _month(year, month), "month"

    return _relative(ctx, make)


def _h_quarter(ctx: _Ctx) -> _Value | None:
    if ctx.g("q") or ctx.g("q2"):
        return _Value(f"{ctx.g('year') or ctx.g('y2')}-Q{ctx.g('q') or ctx.g('q2')}", "quarter", "absolute")
    quarter = ctx.grammar.lexicon.quarter_ordinals[(ctx.g("qo") or "").lower()]
    if ctx.g("qy"):
        return _Value(f"{ctx.g('qy')}-Q{quarter}", "quarter", "absolute")
    step = _REL_STEP[_rel(ctx)]
    return _relative(ctx, lambda d: (f"{d.year + step}-Q{quarter}", "quarter"))


def _h_rel_quarter(ctx: _Ctx) -> _Value | None:
    step = _REL_STEP[_rel(ctx)]

    def make(d: dt.date) -> tuple[str, Granularity]:
        index = d.year * 4 + (d.month - 1) // 3 + step
        return f"{index // 4}-Q{index % 4 + 1}", "quarter"

    return _relative(ctx, make)


def _h_season(ctx: _Ctx) -> _Value | None:
    seasons = ctx.grammar.lexicon.seasons
    if ctx.g("year"):
        return _Value(f"{ctx.g('year')}-{seasons[(ctx.g('season') or '').lower()]}", "season", "absolute")
    code = seasons[(ctx.g("season2") or "").lower()]
    step = _REL_STEP[_rel(ctx)]
    return _relative(ctx, lambda d: (f"{d.year + step}-{code}", "season"))


def _h_decade(ctx: _Ctx) -> _Value | None:
    if ctx.g("c"):
        return _Value(f"{ctx.g('c')}{ctx.g('dd')}", "decade", "absolute")
    if ctx.g("dw"):
        return _Value(f"19{_DECADE_WORDS[(ctx.g('dw') or '').lower()]}", "decade", "absolute")
    # "the '90s": the century is implied; take the latest such decade not after the dateline.
    digit = int(ctx.g("sd") or 0)
    return _relative(
        ctx, lambda d: (f"{d.year // 100 if digit * 10 <= d.year % 100 else d.year // 100 - 1}{digit}", "decade")
    )


def _h_rel_unit(ctx: _Ctx) -> _Value | None:
    step = _REL_STEP[_rel(ctx)]
    unit = (ctx.g("unit") or "").lower().split()[-1]

    def make(d: dt.date) -> tuple[str, Granularity]:
        if unit == "week":
            return _week(d + dt.timedelta(weeks=step)), "week"
        if unit == "weekend":
            return _week(d + dt.timedelta(weeks=step)) + "-WE", "week"
        if unit == "month":
            return _month(*_add_months(d.year, d.month, step)), "month"
        return f"{d.year + step:04d}", "year"

    return _relative(ctx, make)


def _count(ctx: _Ctx, text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else ctx.grammar.lexicon.number_words[text]


def _h_ago(ctx: _Ctx) -> _Value | None:
    if ctx.g("few"):
        return _Value(None, "unknown", "none", "an indefinite past or future time")
    if (ctx.g("dir") or "").lower() != "ago":
        return _Value(None, "unknown", "none", "relative to another time in the text, not to the dateline")
    n = _count(ctx, ctx.g("n") or "1")
    unit = (ctx.g("unit") or "").lower().rstrip("s")

    def make(d: dt.date) -> tuple[str, Granularity]:
        if unit == "day":
            return _day(d - dt.timedelta(days=n)), "day"
        if unit == "week":
            return _week(d - dt.timedelta(weeks=n)), "week"
        if unit == "month":
            return _month(*_add_months(d.year, d.month, -n)), "month"
        if unit == "decade":
            return f"{(d.year - 10 * n) // 10}", "decade"
        return f"{d.year - n:04d}", "year"

    return _relative(ctx, make)


def _weekday_number(ctx: _Ctx) -> int:
    return ctx.grammar.lexicon.weekdays[(ctx.g("wd") or "").lower()]


def _h_rel_weekday(ctx: _Ctx) -> _Value | None:
    weekday = _weekday_number(ctx)
    rel = _rel(ctx)

    def make(d: dt.date) -> tuple[str, Granularity]:
        if rel in {"last", "previous", "the previous"}:
            return _day(_on_or_before(d - dt.timedelta(days=1), weekday)), "day"
        if rel in {"next", "coming", "this coming"}:
            return _day(_on_or_after(d + dt.timedelta(days=1), weekday)), "day"
        return _day(d - dt.timedelta(days=d.isoweekday() - weekday)), "day"  # "this Thursday": the dateline's week

    return _relative(ctx, make)


def _h_day_word(ctx: _Ctx) -> _Value | None:
    offset = ctx.grammar.lexicon.day_words.get((ctx.g("dw") or "today").lower(), 0)
    return _relative(ctx, lambda d: (_day(d + dt.timedelta(days=offset)), "day"))


def _h_weekday(ctx: _Ctx) -> _Value | None:
    weekday = _weekday_number(ctx)
    if ctx.tense == "future":
        return _relative(ctx, lambda d: (_day(_on_or_after(d, weekday)), "day"))
    return _relative(ctx, lambda d: (_day(_on_or_before(d, weekday)), "day"))


def _h_spelled(ctx: _Ctx) -> _Value | None:
    words = re.split(r"[\s-]+", (ctx.g("sp") or "").lower())
    words = [w for w in words if w not in {"the", "year", "and"}]
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        return _Value(f"{2000 + sum(_TENS.get(w) or _UNITS_WORDS.get(w, 0) for w in rest):04d}", "year", "absolute")
    century = _TENS[words[0]]
    rest = sum(_TENS.get(w) or _UNITS_WORDS.get(w, 0) for w in words[1:])
    return _Value(f"{century * 100 + rest:04d}", "year", "absolute")


def _h_year(ctx: _Ctx) -> _Value | None:
    return _Value(f"{ctx.g('year')}", "year", "absolute")


def _h_current_year(ctx: _Ctx) -> _Value | None:
    # "the year", "the full year", "year-end": in news, the year of the dateline.
    return _relative(ctx, lambda d: (f"{d.year:04d}", "year"))


def _h_year_ago(ctx: _Ctx) -> _Value | None:
    # "the year-ago quarter", "year-earlier results": financial news compares with the
    # same period a year before the report.
    return _relative(ctx, lambda d: (f"{d.year - 1:04d}", "year"))


def _h_holiday(ctx: _Ctx) -> _Value | None:
    holiday = ctx.grammar.holidays[_key(ctx.g("hol") or "")]
    rel = (ctx.g("rel") or "").lower()
    # "the day-after-Thanksgiving shooting": a day beside the holiday.
    shift = {"after": 1, "before": -1}.get((ctx.g("beside") or "").lower(), 0)

    def make(d: dt.date) -> tuple[str, Granularity]:
        if rel == "last":
            year = d.year if holiday.on(d.year) < d else d.year - 1
        elif rel == "next":
            year = d.year if holiday.on(d.year) > d else d.year + 1
        elif rel == "this":
            year = d.year
        else:
            year = _year_for(ctx, holiday.on)
        return _day(holiday.on(year) + dt.timedelta(days=shift)), "day"

    return _relative(ctx, make)


def _h_month(ctx: _Ctx) -> _Value | None:
    month = ctx.grammar.month_of[(ctx.g("mon") or "").lower()]
    if ctx.dateline is None:
        return _Value(f"XXXX-{month:02d}", "month", "none", "no year given and no dateline to take it from")
    return _Value(_month(_year_for_month(ctx, month), month), "month", "dateline")
