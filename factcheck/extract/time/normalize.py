"""Normalizing one expression: clean it, parse it, make the TimeRef."""

from __future__ import annotations

import datetime as dt
import re

from ...models import TimeRef
from .grammar import _Grammar, _grammar
from .lexicon import Tense, TimeLexicon, load_time_lexicon
from .ranges import _range
from .values import _Ctx, _Value

__all__ = ["normalize_time"]

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
