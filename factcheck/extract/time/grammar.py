"""The patterns compiled from one time lexicon: where expressions are and which parser reads each."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ...rulepacks import compiled
from .lexicon import _DECADE_WORDS, _TENS, _UNITS_WORDS, TimeLexicon, _Holiday, _key
from .values import (
    _h_ago,
    _h_current_year,
    _h_day_word,
    _h_decade,
    _h_holiday,
    _h_month,
    _h_month_day,
    _h_month_rel,
    _h_month_year,
    _h_numeric,
    _h_quarter,
    _h_rel_month,
    _h_rel_quarter,
    _h_rel_unit,
    _h_rel_weekday,
    _h_season,
    _h_spelled,
    _h_weekday,
    _h_year,
    _h_year_ago,
    _Value,
)

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
        "holiday": rf"(?:(?P<rel>last|this|next)\s+)?(?:day[\s-]+(?P<beside>after|before)[\s-]+)?(?P<hol>{_alt(lx.holidays)})",
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
