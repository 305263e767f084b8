"""Reading a number and what surrounds it off the tokens of a Doc: modifiers, unit, currency."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .grammar import _DIGITS, _HYPHENS, _Grammar
from .lexicon import Bound, UnitSpec
from .numbers import _combine

@dataclass
class _Side:
    """One end of a quantity: tokens [start, end) hold the number, [end, unit_end) its unit."""

    start: int
    num_start: int
    end: int
    unit_end: int
    value: float
    multiplier: float | None
    currency: str | None
    unit: UnitSpec | None
    words: tuple[str, ...]
    is_word: bool
    year_like: bool


def _number_tokens(doc: Doc, i: int, g: _Grammar, money: bool) -> tuple[list[str], int, str | None] | None:
    """The words of the number starting at token i, the end token index, and a glued suffix."""
    n = len(doc)
    first = doc[i].lower_
    words: list[str] = []
    j = i
    match = _DIGITS.match(first)
    if match:
        words.append(match.group("num"))
        suffix = match.group("suffix") or None
        j = i + 1
        if suffix:
            return words, j, suffix
        while j < n and (
            doc[j].lower_ in g.multipliers
            or (doc[j].lower_ in g.abbreviated and (money or doc[j].lower_ not in g.ambiguous))
        ):
            words.append(doc[j].lower_)
            j += 1
        return words, j, None
    if first in ("a", "an"):
        if i + 1 < n and doc[i + 1].lower_ in g.multipliers:
            words.extend([first, doc[i + 1].lower_])
            j = i + 2
        else:
            return None
    elif first in g.fractions:
        if i + 2 < n and doc[i + 1].lower_ in ("a", "an") and doc[i + 2].lower_ in g.multipliers:
            return [first, doc[i + 1].lower_, doc[i + 2].lower_], i + 3, None
        return None
    elif first in g.numbers:
        words.append(first)
        j = i + 1
    else:
        return None
    # Continue a spelled-out number: "forty-five", "two hundred and five", "one and a half", "two million".
    while j < n:
        w = doc[j].lower_
        if (
            w in _HYPHENS
            and j + 1 < n
            and doc[j + 1].lower_ in g.numbers
            and not doc[j].whitespace_
            and not doc[j - 1].whitespace_
        ):
            words.append(doc[j + 1].lower_)
            j += 2
        elif (
            w in g.numbers
            and words[-1] in g.numbers
            and g.numbers[words[-1]] >= 20
            and g.numbers[w] < 10
            and g.numbers[words[-1]] % 10 == 0
        ):
            words.append(w)
            j += 1
        elif w in g.multipliers:
            words.append(w)
            j += 1
        elif w == "and" and j + 1 < n and words[-1] in g.multipliers and doc[j + 1].lower_ in g.numbers:
            words.extend(["and", doc[j + 1].lower_])
            j += 2
        elif w == "and" and j + 2 < n and doc[j + 1].lower_ in ("a", "an") and doc[j + 2].lower_ in g.fractions:
            words.extend(["and", doc[j + 2].lower_])
            j += 3
        else:
            break
    return words, j, None


def _unit_at(doc: Doc, j: int, g: _Grammar) -> tuple[UnitSpec | None, str | None, int]:
    """A unit or currency word starting at token j (after an optional hyphen: "90-day")."""
    n = len(doc)
    k = j
    if k < n and doc[k].lower_ in _HYPHENS and k + 1 < n and not doc[k].whitespace_:
        k += 1
    for span in range(min(g.unit_span, n - k), 0, -1):
        key = tuple(t.lower_ for t in doc[k : k + span])
        if key in g.units:
            return g.units[key], None, k + span
    if k < n:
        tok = doc[k]
        if tok.lower_ in g.currency_words:
            return None, g.currency_words[tok.lower_], k + 1
        lemma = (tok.lemma_ or "").lower()
        if tok.pos_ in ("NOUN", "PROPN", "X") and (lemma,) in g.units and len(lemma) > 2:
            return g.units[(lemma,)], None, k + 1
    return None, None, j


def _read_side(doc: Doc, i: int, g: _Grammar) -> _Side | None:
    """Read one number (with its currency and unit) starting at token i, or None."""
    n = len(doc)
    tok = doc[i]
    currency = None
    j = i
    if tok.lower_ in g.symbols:
        currency = g.symbols[tok.lower_]
        j += 1
    elif tok.text.isupper() and tok.lower_ in g.currency_words and i + 1 < n and _DIGITS.match(doc[i + 1].text):
        currency = g.currency_words[tok.lower_]
        j += 1
    if j >= n:
        return None
    read = _number_tokens(doc, j, g, money=currency is not None)
    if read is None:
        return None
    words, end, suffix = read
    unit: UnitSpec | None = None
    multiplier: float | None = None
    if suffix:
        if suffix in g.abbreviated and (currency or suffix not in g.ambiguous):
            multiplier = g.abbreviated[suffix]
            words = [*words, suffix]
        elif (suffix,) in g.units:
            unit = g.units[(suffix,)]
        else:
            return None  # "21st", "1990s", "3D": not a plain number
    value = _combine(words, g, money=currency is not None)
    if value is None:
        return None
    for w in words[1:]:
        multiplier = g.multipliers.get(w) or g.abbreviated.get(w) or multiplier
    unit_end = end
    if unit is None:
        unit, word_currency, unit_end = _unit_at(doc, end, g)
        if word_currency:
            if currency and currency != word_currency:
                return None
            currency = word_currency
    if currency and unit is not None and unit.kind != "percent":
        unit, unit_end = None, end
    first = words[0]
    year_like = (
        len(words) == 1
        and re.fullmatch(r"1\d{3}|20\d{2}|21\d{2}", first) is not None
        and currency is None
        and unit is None
    )
    return _Side(
        start=i,
        num_start=j,
        end=end,
        unit_end=unit_end,
        value=value,
        multiplier=multiplier,
        currency=currency,
        unit=unit,
        words=tuple(words),
        is_word=not _DIGITS.match(first),
        year_like=year_like,
    )


def _article_side(doc: Doc, i: int, g: _Grammar) -> _Side | None:
    """ "a week", "an hour": one of an article unit."""
    if doc[i].lower_ not in ("a", "an") or i + 1 >= len(doc):
        return None
    unit_tok = doc[i + 1]
    if unit_tok.lower_ not in g.article_units or (unit_tok.lower_,) not in g.units:
        return None
    # "once a week", "$5 a year", "twice a day": a rate, not a duration.
    if i > 0 and (doc[i - 1].like_num or doc[i - 1].lower_ in ("once", "twice", "times", "per", "every", "each")):
        return None
    if i > 0 and doc[i - 1].lower_ in g.symbols:
        return None
    if i + 2 < len(doc) and doc[i + 2].lower_ in _HYPHENS:  # "a year-long", "a day-old"
        return None
    return _Side(
        start=i,
        num_start=i,
        end=i + 1,
        unit_end=i + 2,
        value=1.0,
        multiplier=None,
        currency=None,
        unit=g.units[(unit_tok.lower_,)],
        words=("a",),
        is_word=True,
        year_like=False,
    )


def _match_before(
    doc: Doc, end: int, table: dict[tuple[str, ...], tuple[bool, Bound | None]], span: int
) -> tuple[int, tuple[bool, Bound | None]] | None:
    """The longest phrase of `table` ending just before token `end`: (its start, its meaning)."""
    for size in range(min(span, end), 0, -1):
        key = tuple(t.lower_ for t in doc[end - size : end])
        if key in table:
            return end - size, table[key]
    return None


def _match_after(
    doc: Doc, start: int, table: dict[tuple[str, ...], tuple[bool, Bound | None]], span: int
) -> tuple[int, tuple[bool, Bound | None]] | None:
    for size in range(min(span, len(doc) - start), 0, -1):
        key = tuple(t.lower_ for t in doc[start : start + size])
        if key in table:
            return start + size, table[key]
    return None
