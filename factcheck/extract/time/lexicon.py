"""The `rules/time.toml` pack, its holidays, and the number words the patterns spell out."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ...rulepacks import load_pack

__all__ = ["Tense", "TimeLexicon", "load_time_lexicon"]

Tense = Literal["past", "present", "future"]

_Month = Annotated[int, Field(ge=1, le=12)]


class _Holiday(BaseModel):
    """A holiday: a fixed day (`month`, `day`), the `nth` `weekday` of `month` (-1 = last),
    or a day `easter` days from Western Easter Sunday (Good Friday: -2)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    month: _Month | None = None
    day: Annotated[int, Field(ge=1, le=31)] | None = None
    weekday: Annotated[int, Field(ge=1, le=7)] | None = None
    nth: Annotated[int, Field(ge=-1, le=5)] | None = None
    after_day: Annotated[int, Field(ge=0, le=31)] = 0
    """For "the first Tuesday after the first Monday": count only from the day after this one."""
    easter: Annotated[int, Field(ge=-63, le=63)] | None = None

    @model_validator(mode="after")
    def _one_rule(self) -> _Holiday:
        if (self.easter is None) == (self.month is None):
            raise ValueError("give either `month` (with `day`, or `weekday` and `nth`) or `easter`, not both")
        return self

    def on(self, year: int) -> dt.date:
        if self.easter is not None:
            return easter_sunday(year) + dt.timedelta(days=self.easter)
        assert self.month is not None
        if self.day is not None:
            return dt.date(year, self.month, self.day)
        weekday, nth = self.weekday or 1, self.nth or 1
        if nth == -1:
            last = dt.date(year, self.month, calendar.monthrange(year, self.month)[1])
            return _on_or_before(last, weekday)
        first = _on_or_after(dt.date(year, self.month, self.after_day + 1), weekday)
        return first + dt.timedelta(weeks=nth - 1)


def easter_sunday(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday of `year`, by the anonymous Gregorian algorithm
    (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


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
    unplanned_events: list[str] = []


def load_time_lexicon(extra_dirs: Sequence[str | Path] = ()) -> TimeLexicon:
    """The built-in time lexicon merged with the users' `time.toml` packs."""
    return load_pack("time", TimeLexicon, extra_dirs)


_TENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


def _key(words: str) -> str:
    """A lexicon key as looked up: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", words.lower()).replace("’", "'")


def _on_or_before(d: dt.date, weekday: int) -> dt.date:
    return d - dt.timedelta(days=(d.isoweekday() - weekday) % 7)


def _on_or_after(d: dt.date, weekday: int) -> dt.date:
    return d + dt.timedelta(days=(weekday - d.isoweekday()) % 7)
