"""Find time expressions and normalize them to TimeML values against the dateline.

Values follow TimeML's TIMEX3 `value` attribute (ISO 8601 with TimeML's
extensions): a day is ``2026-05-21``, an ISO week ``2026-W19``, a month
``2026-05``, a quarter ``2026-Q3``, a season ``2026-SU``, a year ``2026`` and a
decade ``199``. See Pustejovsky et al., "TimeML: Robust Specification of Event and
Temporal Expressions in Text" (2003), and the TIDES 2005 TIMEX2 guidelines.

Conventions, chosen to match the TempEval-3 (TimeBank/AQUAINT) gold annotation:

- A bare weekday ("Thursday", "on Tuesday", "Wednesday night") in a past or
  present-tense clause is the latest such day on or before the dateline, so on a
  Thursday dateline "Thursday" is the dateline itself. In a future clause ("will
  meet Thursday", "would arrive Thursday", "is scheduled to vote Thursday") it is the first such day on or
  after the dateline. "last Thursday" is strictly before the dateline, "next
  Thursday" strictly after it, "this Thursday" the one in the dateline's week.
- A month and day without a year ("May 21") take the year that puts them nearest
  the dateline, moved back a year when a past-tense clause would put them more than
  two months after it, and on a year when a future clause would put them before it
  (after HeidelTime, Strötgen & Gertz 2013). A bare month ("in March") works the
  same way by months, leaning to the past: from October, March is last March and
  February next February. Holidays ("Thanksgiving Day") are resolved like a month
  and day. "as early as Tuesday" always points forward.
- "last week" is the ISO week before the dateline's, "two weeks ago" the ISO week
  fourteen days before; "a year ago" is a year, "three days ago" a day.
- "the year", "the full year", "year-end" are the dateline's year, and "year-ago",
  "year-earlier" the year before it, as in TimeBank's financial news.
- Parts of a day and position words ("early", "late", "the end of") do not change
  the value: "late yesterday" is yesterday, "early next year" is next year.
- Without a dateline, an expression that needs one gets no value (``None``),
  anchor ``"none"`` and a note; a month and day without a year gets TimeML's
  partial value ``XXXX-05-21`` (anchor ``"none"``, with a note) so that it can still
  be compared by month and day. Nothing is guessed.
- Durations ("three months", "between 14 and 90 days") and times of day alone
  ("1:00 PM") are not time expressions here: they are left to the quantities
  extractor. "a week earlier" is anchored to another time of the story, not the
  dateline: it is reported with no value and a note.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span, Token

from ..models import Granularity, TimeRef
from ..rulepacks import compiled, load_pack

__all__ = ["Tense", "TimeLexicon", "load_time_lexicon", "normalize_time", "time_expressions", "clause_tense"]

Tense = Literal["past", "present", "future"]

_Month = Annotated[int, Field(ge=1, le=12)]


class _Holiday(BaseModel):
    """A holiday: a fixed day (`month`, `day`) or the `nth` `weekday` of `month` (-1 = last)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    month: _Month
    day: Annotated[int, Field(ge=1, le=31)] | None = None
    weekday: Annotated[int, Field(ge=1, le=7)] | None = None
    nth: Annotated[int, Field(ge=-1, le=5)] | None = None
    after_day: Annotated[int, Field(ge=0, le=31)] = 0
    """For "the first Tuesday after the first Monday": count only from the day after this one."""

    def on(self, year: int) -> dt.date:
        if self.day is not None:
            return dt.date(year, self.month, self.day)
        weekday, nth = self.weekday or 1, self.nth or 1
        if nth == -1:
            last = dt.date(year, self.month, calendar.monthrange(year, self.month)[1])
            return _on_or_before(last, weekday)
        first = _on_or_after(dt.date(year, self.month, self.after_day + 1), weekday)
        return first + dt.timedelta(weeks=nth - 1)


class TimeLexicon(BaseModel):
    """The `rules/time.toml` pack: the words the time extractor reads."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    language: str = "en"
    months: dict[str, _Month]
    month_abbreviations: dict[str, _Month] = {}
    weekdays: dict[str, Annotated[int, Field(ge=1, le=7)]]
    day_words: dict[str, Annotated[int, Field(ge=-7, le=7)]]
    number_words: dict[str, Annotated[int, Field(ge=1)]]
    quarter_ordinals: dict[str, Annotated[int, Field(ge=1, le=4)]]
    seasons: dict[str, Literal["SP", "SU", "FA", "WI"]]
    holidays: dict[str, _Holiday] = {}
    parts_of_day: list[str] = []
    modifiers: list[str] = []
    leading_words: list[str] = []
    future_auxiliaries: list[str] = []
    future_modals: list[str] = []
    future_governors: list[str] = []


def load_time_lexicon(extra_dirs: Sequence[str | Path] = ()) -> TimeLexicon:
    """The built-in time lexicon merged with the users' `time.toml` packs."""
    return load_pack("time", TimeLexicon, extra_dirs)


# --------------------------------------------------------------------------- patterns


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so that "sept" wins over "sep"."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered) + ")"


@dataclass(frozen=True)
class _Grammar:
    """Compiled patterns for one lexicon: built once, used for every document."""

    lexicon: TimeLexicon
    finder: re.Pattern[str]
    leading: re.Pattern[str]
    modifier: re.Pattern[str]
    part_of_day: re.Pattern[str]
    parsers: tuple[tuple[re.Pattern[str], Callable[..., _Value | None]], ...]
    month_of: dict[str, int]
    holidays: dict[str, _Holiday]
    tense_sensitive: re.Pattern[str]
    """Words whose value depends on the clause's tense (weekdays, months, holidays)."""
    bare_month: re.Pattern[str]


_DAY = r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9][0-9]{2}|20[0-9]{2})"
_UNITS = r"(?P<unit>days?|weeks?|months?|years?|decades?)"
_TENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


def _grammar(lexicon: TimeLexicon) -> _Grammar:
    """The compiled grammar of `lexicon`, built on first use."""
    return compiled(lexicon, _build_grammar)


def _build_grammar(lexicon: TimeLexicon) -> _Grammar:
    lx = lexicon
    month_of = {**{k.lower(): v for k, v in lx.month_abbreviations.items()}, **{k.lower(): v for k, v in lx.months.items()}}
    mon_full = _alt(lx.months)
    mon_any = "(?:" + _alt(month_of) + r"\.?)"
    wd = _alt(lx.weekdays)
    pod = _alt(lx.parts_of_day)
    num = "(?:" + _alt(lx.number_words) + r"|\d{1,3})"
    season = _alt(lx.seasons)
    qord = _alt(lx.quarter_ordinals)
    rel = r"(?:last|this|next|previous|coming|this\s+coming|current|the\s+current)"
    spelled_year = (
        r"(?:nineteen|twenty)[\s-]+(?:" + "|".join(_TENS) + r")(?:[\s-]+(?:" + "|".join(_UNITS_WORDS) + "))?"
        r"|(?:(?:the\s+)?year\s+)?two\s+thousand(?:\s+and\s+(?:" + "|".join(_UNITS_WORDS) + r"|ten))?"
    )
    # Named groups cannot repeat inside one alternation, so every piece is a template.
    p = {
        "iso": r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])",
        "us": r"(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12][0-9]|3[01])/(?P<y>\d{4}|\d{2})",
        "mdy": rf"(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon_any})\s*{_DAY}(?:,?\s+{_YEAR})?",
        "dmy": rf"(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+(?P<mon>{mon_any})(?:,?\s+{_YEAR})?",
        "my": rf"(?P<mon>{mon_any}),?\s+(?:of\s+)?{_YEAR}",
        "m_rel": rf"(?P<mon>{mon_full})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year",
        "rel_m": rf"(?P<rel>last|this|next|this\s+coming|coming)\s+(?P<mon>{mon_full})",
        "quarter": rf"(?:q(?P<q>[1-4])\s*{_YEAR}|(?P<y2>1[5-9][0-9]{{2}}|20[0-9]{{2}})\s*-?q(?P<q2>[1-4])"
        rf"|(?:the\s+)?(?P<qo>{qord})(?:[\s-]+fiscal)?[\s-]+quarter(?:\s+of\s+(?:(?:fiscal\s+)?(?P<qy>1[5-9][0-9]{{2}}|20[0-9]{{2}})"
        r"|(?P<qrel>last|this|next)\s+year))?)",
        "rel_quarter": rf"(?P<rel>{rel})\s+(?:fiscal\s+)?quarter",
        "season": rf"(?:(?P<season>{season})(?:\s+of)?\s+{_YEAR}|(?P<rel>last|this|next)\s+(?P<season2>{season}))",
        "decade": r"(?:the\s+)?(?:(?P<c>1[5-9]|20)(?P<dd>[0-9])0'?s|'(?P<sd>[0-9])0s"
        r"|nineteen[\s-]+(?P<dw>" + "|".join(_DECADE_WORDS) + "))",
        "rel_unit": rf"(?P<rel>{rel})\s+(?P<unit>week|weekend|month|year|fiscal\s+year)",
        "ago": rf"(?:(?P<n>{num})|(?P<few>a\s+few|several|some))\s+{_UNITS}\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later)",
        "rel_wd": rf"(?P<rel>last|next|this|this\s+coming|coming|previous|the\s+previous)\s+(?P<wd>{wd})(?:\s+{pod})?",
        "day_word": rf"(?P<dw>{_alt(lx.day_words)})(?:\s+{pod})?|this\s+{pod}",
        "wd": rf"(?P<wd>{wd})(?:\s+{pod})?",
        "spelled": rf"(?P<sp>{spelled_year})",
        "year": rf"(?:fiscal\s+(?:year\s+)?)?{_YEAR}",
        "month": rf"(?P<mon>{mon_full})",
        "year_ago": r"year[\s-]+(?:ago|earlier)",
        "cur_year": r"(?:(?:full|current|present|calendar)\s+)?(?:fiscal\s+)?year(?:[\s-]*end|['’]s\s+end)?",
        "holiday": rf"(?:(?P<rel>last|this|next)\s+)?(?P<hol>{_alt(lx.holidays)})",
    }
    handlers: dict[str, Callable[..., _Value | None]] = {
        "iso": _h_numeric, "us": _h_numeric, "mdy": _h_month_day, "dmy": _h_month_day, "my": _h_month_year,
        "m_rel": _h_month_rel, "rel_m": _h_rel_month, "quarter": _h_quarter, "rel_quarter": _h_rel_quarter,
        "season": _h_season, "decade": _h_decade, "rel_unit": _h_rel_unit, "ago": _h_ago, "rel_wd": _h_rel_weekday,
        "day_word": _h_day_word, "wd": _h_weekday, "spelled": _h_spelled, "year": _h_year, "month": _h_month,
        "cur_year": _h_current_year, "year_ago": _h_year_ago, "holiday": _h_holiday,
    }  # fmt: skip
    parsers = tuple((re.compile(p[name], re.IGNORECASE), handlers[name]) for name in p)

    mods = _alt(m for m in lx.modifiers if m not in {"fiscal"})
    # The finder: one pass over the text. Alternatives are ordered longest first, since
    # a regex alternation takes the first alternative that matches at a position.
    unnamed = {name: re.sub(r"\(\?P<\w+>", "(?:", pat) for name, pat in p.items()}
    context_year = (
        r"(?:(?<=\bin\s)|(?<=\bby\s)|(?<=\bof\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bfrom\s)|(?<=\bearly\s)"
        r"|(?<=\blate\s)|(?<=\bmid-)|(?<=\bduring\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bthrough\s)|fiscal\s+)"
        r"(?:1[5-9][0-9]{2}|20[0-9]{2})(?!['’]?s\b)"
    )
    order = ["iso", "us", "mdy", "dmy", "my", "m_rel", "quarter", "rel_quarter", "season", "decade", "rel_unit",
             "ago", "rel_wd", "rel_m", "holiday", "day_word", "wd", "spelled"]  # fmt: skip
    # "the year" alone is left to the entity recognizer: as a pattern it would also take
    # "the year before" and "the year he was born".
    this_year = (
        r"the\s+(?:end|beginning|start|middle)\s+of\s+the\s+year|year[\s-]*end|year['’]s\s+end"
        r"|the\s+full\s+year|(?:earlier|later)\s+in\s+the\s+year|year-(?:ago|earlier)"
    )
    body = "|".join(unnamed[n] for n in order) + "|" + this_year + "|" + context_year + "|" + unnamed["month"]
    finder = re.compile(
        rf"(?<![\w/.\-])(?:{mods}[\s-]+)?(?:{body})(?![\w/]|-\d|\.\d)",
        re.IGNORECASE,
    )
    leading = re.compile(rf"^(?:{_alt(lx.leading_words)}|the)\s+", re.IGNORECASE)
    modifier = re.compile(rf"^{mods}(?:[\s-]+|(?=\d))", re.IGNORECASE)
    part_of_day = re.compile(rf"\s+{pod}$", re.IGNORECASE)
    holidays = {_key(k): v for k, v in lx.holidays.items()}
    tense_sensitive = re.compile(rf"\b(?:{wd}|{_alt(month_of)}|{_alt(lx.holidays)})\b", re.IGNORECASE)
    bare_month = re.compile(mon_full, re.IGNORECASE)
    return _Grammar(
        lx, finder, leading, modifier, part_of_day, parsers, month_of, holidays, tense_sensitive, bare_month
    )


def _key(words: str) -> str:
    """A lexicon key as looked up: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", words.lower()).replace("’", "'")


# --------------------------------------------------------------------------- values


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
    grammar: _Grammar

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
        return _Value(dt.date(year, month, day).isoformat(), "day", "absolute")
    if not _valid_day(2000, month, day):  # 2000 is a leap year: Feb. 29 is allowed
        return None
    if ctx.dateline is None:
        return _Value(f"XXXX-{month:02d}-{day:02d}", "day", "none", "no year given and no dateline to take it from")
    year = _year_for_day(ctx, month, day)
    if not _valid_day(year, month, day):
        return None
    return _Value(dt.date(year, month, day).isoformat(), "day", "dateline")


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


def _on_or_before(d: dt.date, weekday: int) -> dt.date:
    return d - dt.timedelta(days=(d.isoweekday() - weekday) % 7)


def _on_or_after(d: dt.date, weekday: int) -> dt.date:
    return d + dt.timedelta(days=(weekday - d.isoweekday()) % 7)


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

    def make(d: dt.date) -> tuple[str, Granularity]:
        if rel == "last":
            year = d.year if holiday.on(d.year) < d else d.year - 1
        elif rel == "next":
            year = d.year if holiday.on(d.year) > d else d.year + 1
        elif rel == "this":
            year = d.year
        else:
            year = _year_for(ctx, holiday.on)
        return _day(holiday.on(year)), "day"

    return _relative(ctx, make)


def _h_month(ctx: _Ctx) -> _Value | None:
    month = ctx.grammar.month_of[(ctx.g("mon") or "").lower()]
    if ctx.dateline is None:
        return _Value(f"XXXX-{month:02d}", "month", "none", "no year given and no dateline to take it from")
    return _Value(_month(_year_for_month(ctx, month), month), "month", "dateline")


# --------------------------------------------------------------------------- ranges


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


# --------------------------------------------------------------------------- normalization


def _clean(text: str, grammar: _Grammar) -> str:
    """Drop what surrounds the expression proper: prepositions, position words, parts of day."""
    s = re.sub(r"\s+", " ", text.strip()).rstrip(".,;:!?)\"'’ ")
    s = re.sub(r"['’]s$", "", s)
    for _ in range(4):
        before = s
        s = grammar.leading.sub("", s)
        s = grammar.modifier.sub("", s)
        if s == before:
            break
    if grammar.part_of_day.search(s) and not re.match(r"(?i)^this\s+\w+$", s):
        s = grammar.part_of_day.sub("", s)
    return s


def _parse(text: str, dateline: dt.date | None, tense: Tense, grammar: _Grammar) -> _Value | None:
    cleaned = _clean(text, grammar)
    if not cleaned:
        return None
    for pattern, handler in grammar.parsers:
        match = pattern.fullmatch(cleaned)
        if match is not None:
            return handler(_Ctx(match, dateline, tense, grammar))
    return None


def _time_ref(text: str, start: int, end: int, parsed: _Value, dateline: dt.date | None) -> TimeRef:
    range_start, range_end = _range(parsed.value, parsed.granularity)
    return TimeRef(
        text=text,
        start=start,
        end=end,
        value=parsed.value,
        granularity=parsed.granularity,
        anchor=parsed.anchor,
        anchored_to=dateline if parsed.anchor == "dateline" else None,
        range_start=range_start,
        range_end=range_end,
        note=parsed.note,
    )


def normalize_time(
    text: str,
    *,
    dateline: dt.date | None,
    tense: Tense = "past",
    lexicon: TimeLexicon | None = None,
) -> TimeRef | None:
    """Normalize one time expression, without spaCy.

    Args:
        text: The expression alone, e.g. "last week" or "on Thursday, May 21".
        dateline: The article's date, the anchor of relative expressions.
        tense: The tense of the clause the expression sits in; it decides whether a
            bare weekday or month points back or forward from the dateline.
        lexicon: Words to use; the built-in `rules/time.toml` when omitted.

    Returns:
        A `TimeRef` with offsets 0 and ``len(text)``, or ``None`` when `text` is not
        a date expression this module understands (durations, times of day alone,
        plain numbers). A relative expression without a dateline yields a `TimeRef`
        with ``value=None``, ``anchor="none"`` and a note.
    """
    grammar = _grammar(lexicon or load_time_lexicon())
    parsed = _parse(text, dateline, tense, grammar)
    if parsed is None:
        return None
    return _time_ref(text, 0, len(text), parsed, dateline)


# --------------------------------------------------------------------------- documents


def clause_tense(span: Span, lexicon: TimeLexicon | None = None) -> Tense:
    """The tense of the clause that `span` modifies, from the governing verb's tag and auxiliaries.

    Future when the verb has "will"/"shall" or hangs under "expected to", "plans to",
    "scheduled to"; past for a past-tense or perfect verb (VBD, "has voted"); present otherwise.
    """
    lx = lexicon or load_time_lexicon()
    verb: Token | None = span.root
    hops = 0
    while verb is not None and verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb and hops < 6:
        verb = verb.head
        hops += 1
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        verb = span.sent.root
    future_aux = {w.lower() for w in lx.future_auxiliaries}
    modals = {w.lower() for w in lx.future_modals}
    governors = {w.lower() for w in lx.future_governors}
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in future_aux or a.lower_ in modals for a in auxes) or verb.lower_ in future_aux:
        return "future"
    # "has scheduled a news conference Thursday", "planned a rally on Saturday".
    if _plans_ahead(verb, governors):
        return "future"
    # "is to resume trading Tuesday".
    if any(a.lower_ == "to" for a in auxes) and verb.head.lemma_ == "be" and verb.dep_ == "xcomp":
        return "future"
    # "is expected to vote Tuesday", "plans to meet Friday", "is due to report Monday".
    node = verb
    for _ in range(2):
        if node.dep_ in {"xcomp", "ccomp", "advcl"} and node.head is not node:
            node = node.head
            if _plans_ahead(node, governors):
                return "future"
        else:
            break
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return "past"  # "has voted Thursday", and reduced clauses: "rescued on Nov. 25"
    return "present"


def _plans_ahead(verb: Token, governors: set[str]) -> bool:
    """ "is scheduled", "has planned", "expected": what follows lies ahead of the clause."""
    return verb.lemma_.lower() in governors


_TIME_LABELS = {"DATE", "TIME"}
# "as early as Tuesday", "as soon as Friday": a time not reached yet, whatever the verb's tense.
_FORWARD_CUE = re.compile(r"as\s+(?:early|soon)\s+as\b", re.IGNORECASE)


def _trim_span(text: str, start: int, end: int, grammar: _Grammar) -> tuple[int, int]:
    """Drop leading prepositions and "the", and trailing punctuation, from a candidate span."""
    piece = text[start:end]
    while True:
        match = grammar.leading.match(piece)
        if not match or re.match(r"(?i)the\s+(?:end|beginning|start|middle)\s+of\b", piece):
            break
        start += match.end()
        piece = piece[match.end() :]
    stripped = piece.rstrip(".,;:!?)\"'’ ")
    stripped = re.sub(r"['’]s$", "", stripped)
    end = start + len(stripped)
    return start, end


_CONNECTOR = re.compile(r"\s+(?:and|to|or|through|until|till|and\s+beyond|or\s+later)(?:\s+|$)|\s*[–—]\s*|(?<=\b[12]\d{3})-(?=[12]\d{3}\b)")


def _range_ends(text: str, start: int, end: int, grammar: _Grammar) -> list[tuple[int, int]]:
    """The pieces of an entity between connectors ("and", "to", dashes), each trimmed."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for match in _CONNECTOR.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    if not pieces:
        return []
    pieces.append((cursor, end))
    trimmed = (_trim_span(text, s, e, grammar) for s, e in pieces)
    return [(s, e) for s, e in trimmed if e > s]


_BEFORE_MONTH = re.compile(
    r"\b(?:in|of|since|until|by|early|late|mid|last|next|this|from|through|during|before|after)[\s-]+$", re.IGNORECASE
)


def _looks_like_month(text: str, start: int, word: str) -> bool:
    """A month name standing alone: capitalized, and "May" only after a preposition ("in May")."""
    if word[:1].islower():
        return False  # "they march", "it may"
    return word.lower() != "may" or bool(_BEFORE_MONTH.search(text[max(0, start - 12) : start]))


_GLUE_BEFORE = re.compile(r"(?:\w|\d[-/.])$")
_GLUE_AFTER = re.compile(r"^(?:\w|[-/.]\d)")


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a span is part of a longer token such as an id or phone number ("2026-0516")."""
    return bool(_GLUE_BEFORE.search(text[max(0, start - 2) : start]) or _GLUE_AFTER.match(text[end : end + 2]))


def _candidates(doc: Doc, grammar: _Grammar) -> list[tuple[int, int, int]]:
    """(start, end, priority) spans that may be time expressions: NER entities and pattern matches."""
    text = doc.text
    found: list[tuple[int, int, int]] = []
    for match in grammar.finder.finditer(text):
        start, end = match.span()
        piece = match.group(0)
        if grammar.bare_month.fullmatch(piece) and not _looks_like_month(text, start, piece):
            continue
        found.append((start, end, 1))
    for ent in doc.ents:
        if ent.label_ not in _TIME_LABELS:
            continue
        start, end = _trim_span(text, ent.start_char, ent.end_char, grammar)
        if end <= start or _glued(text, start, end):
            continue
        if grammar.bare_month.fullmatch(text[start:end]) and not _looks_like_month(text, start, text[start:end]):
            continue
        found.append((start, end, 0))
    return found


def time_expressions(doc: Doc, *, dateline: dt.date | None, lexicon: TimeLexicon | None = None) -> list[TimeRef]:
    """Every date expression in `doc`, offsets into `doc.text` (line/column left at 1).

    Candidates are spaCy DATE/TIME entities plus the lexicon's patterns (for what the
    tagger misses); each is normalized with `normalize_time`, and what does not
    normalize (durations, times of day alone) is dropped. Overlaps keep the longest.

    Args:
        doc: A parsed document (tagger, parser and NER are used).
        dateline: The article's date; relative expressions are resolved against it.
        lexicon: Words to use; the built-in `rules/time.toml` when omitted.

    Returns:
        `TimeRef`s sorted by start, none overlapping another.
    """
    grammar = _grammar(lexicon or load_time_lexicon())
    text = doc.text
    parsed: list[tuple[int, int, int, _Value]] = []
    for start, end, priority in set(_candidates(doc, grammar)):
        piece = text[start:end]
        tense: Tense = "past"
        if dateline is not None and grammar.tense_sensitive.search(piece):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                tense = clause_tense(span, grammar.lexicon)
            if _FORWARD_CUE.match(piece):
                tense = "future"
        value = _parse(piece, dateline, tense, grammar)
        if value is not None:
            parsed.append((start, end, priority, value))
        elif priority == 0:
            # An entity naming two times ("between 1994 and 1997"): normalize each end.
            for sub_start, sub_end in _range_ends(text, start, end, grammar):
                value = _parse(text[sub_start:sub_end], dateline, tense, grammar)
                if value is not None:
                    parsed.append((sub_start, sub_end, priority, value))
    # Longest first; on equal length the pattern match (priority 1) wins over NER.
    parsed.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int, int, _Value]] = []
    for cand in parsed:
        if all(cand[1] <= t[0] or cand[0] >= t[1] for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c[0])
    return [_time_ref(text[s:e], s, e, v, dateline) for s, e, _, v in taken]
