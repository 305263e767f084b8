"""Find numbers, counts, money, durations and windows, in common units.

A quantity is a number read from digits or words ("40,000", "forty-five", "1.5 million",
"a dozen"), with what the text says around it: a unit or currency ("90 days", "$12
million", "40%"), a second end ("between 14 and 90 days"), approximation words
("roughly") and bound words ("at least", "up to"). Durations are converted to days (a
month is 30 days and a year 365, both marked approximate), money stays in its currency.

Numbers that name, date or rank rather than count are skipped: years, days of the
month, times of day, ages, phone numbers, addresses, codes and identifiers, ordinals,
and "one" used as a pronoun. The decision reads the spaCy parse (POS, dependencies,
entity labels) and a few character patterns; the words are data in
`rules/quantities.toml`.

Open-ended figures ("more than 100") get `high = UNBOUNDED` (the largest finite float,
which JSON can carry, unlike infinity); "fewer than 10" gets `low = 0`.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Token

from ..models import Quantity
from ..rulepacks import compiled, load_pack

__all__ = [
    "UNBOUNDED",
    "Relation",
    "UnitSpec",
    "QuantityLexicon",
    "load_quantity_lexicon",
    "parse_number",
    "quantities",
    "interval",
    "relation",
    "overlaps",
    "contains",
    "agree",
]

UNBOUNDED: float = sys.float_info.max
"""`high` of an open-ended figure: finite, so it survives JSON (unlike `inf`)."""

Relation = Literal["equal", "within", "overlap", "disjoint", "unrelated"]
Kind = Literal["count", "money", "duration", "percent", "measure"]
Bound = Literal["exact", "range", "at_least", "at_most"]


# --------------------------------------------------------------------------- rule pack


class _Pack(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class UnitSpec(_Pack):
    """A unit word: its kind, the common unit, the factor to it, and whether that is approximate."""

    kind: Literal["duration", "percent", "measure"]
    unit: str
    factor: float = Field(gt=0)
    approximate: bool = False


class BoundWords(_Pack):
    at_least: list[str] = Field(default_factory=list)
    at_most: list[str] = Field(default_factory=list)


class QuantityLexicon(_Pack):
    """The `rules/quantities.toml` pack; see the comments there for what each list does."""

    language: str = "en"
    numbers: dict[str, float]
    multipliers: dict[str, float]
    abbreviated_multipliers: dict[str, float] = Field(default_factory=dict)
    ambiguous_multipliers: list[str] = Field(default_factory=list)
    fractions: dict[str, float] = Field(default_factory=dict)
    currency_symbols: dict[str, str] = Field(default_factory=dict)
    currency_words: dict[str, str] = Field(default_factory=dict)
    units: dict[str, UnitSpec] = Field(default_factory=dict)
    article_units: list[str] = Field(default_factory=list)
    approximations: list[str] = Field(default_factory=list)
    approximations_after: list[str] = Field(default_factory=list)
    bounds: BoundWords = BoundWords()
    bounds_after: BoundWords = BoundWords()
    range_connectors: list[str] = Field(default_factory=list)
    range_openers: list[str] = Field(default_factory=list)
    change_verbs: list[str] = Field(default_factory=list)
    level_verbs: list[str] = Field(default_factory=list)
    code_words: list[str] = Field(default_factory=list)
    code_words_after: list[str] = Field(default_factory=list)
    number_names: list[str] = Field(default_factory=list)
    score_words: list[str] = Field(default_factory=list)
    age_words: list[str] = Field(default_factory=list)
    age_units: list[str] = Field(default_factory=list)
    time_of_day_words: list[str] = Field(default_factory=list)
    one_idioms_after: list[str] = Field(default_factory=list)
    one_idioms_before: list[str] = Field(default_factory=list)
    date_words: list[str] = Field(default_factory=list)
    date_nouns: list[str] = Field(default_factory=list)
    street_suffixes: list[str] = Field(default_factory=list)
    name_entity_labels: list[str] = Field(default_factory=list)
    date_entity_labels: list[str] = Field(default_factory=list)


def load_quantity_lexicon(extra_dirs: Sequence[str | Path] = ()) -> QuantityLexicon:
    """The built-in quantities pack merged with the users' `quantities.toml` packs (cached)."""
    return load_pack("quantities", QuantityLexicon, extra_dirs)


# --------------------------------------------------------------------------- compiled grammar

_DIGITS = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suffix>[^\d\s]*)$")
_HYPHENS = frozenset({"-", "–", "—"})
_CLAUSE_END = frozenset({",", ")", ";", ".", ":", "and", "—", "–"})


def _words(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(p.lower() for p in phrases)


def _phrases(phrases: Iterable[str]) -> dict[tuple[str, ...], str]:
    return {tuple(p.lower().split()): p.lower() for p in phrases}


@dataclass(frozen=True)
class _Grammar:
    """Lookup tables and patterns of one lexicon, built once and reused for every document."""

    lx: QuantityLexicon
    numbers: dict[str, float]
    multipliers: dict[str, float]
    abbreviated: dict[str, float]
    ambiguous: frozenset[str]
    fractions: dict[str, float]
    symbols: dict[str, str]
    currency_words: dict[str, str]
    units: dict[tuple[str, ...], UnitSpec]
    unit_span: int
    article_units: frozenset[str]
    before: dict[tuple[str, ...], tuple[bool, Bound | None]]
    after: dict[tuple[str, ...], tuple[bool, Bound | None]]
    phrase_span: int
    connectors: frozenset[str]
    openers: frozenset[str]
    change_verbs: frozenset[str]
    level_verbs: frozenset[str]
    code_words: frozenset[str]
    code_after: dict[tuple[str, ...], str]
    number_names: frozenset[str]
    score_words: frozenset[str]
    age_words: frozenset[str]
    age_units: frozenset[str]
    time_words: frozenset[str]
    one_after: frozenset[str]
    one_before: frozenset[str]
    date_words: frozenset[str]
    date_nouns: frozenset[str]
    name_labels: frozenset[str]
    date_labels: frozenset[str]
    blocked: re.Pattern[str]


def _grammar(lexicon: QuantityLexicon) -> _Grammar:
    """The compiled grammar of `lexicon`, built on first use."""
    return compiled(lexicon, _build_grammar)


def _modifier_table(approx: Iterable[str], bounds: BoundWords) -> dict[tuple[str, ...], tuple[bool, Bound | None]]:
    table: dict[tuple[str, ...], tuple[bool, Bound | None]] = {}
    for phrase in approx:
        table[tuple(phrase.lower().split())] = (True, None)
    for bound, phrases in (("at_least", bounds.at_least), ("at_most", bounds.at_most)):
        for phrase in phrases:
            key = tuple(phrase.lower().split())
            table[key] = (table.get(key, (False, None))[0], bound)  # type: ignore[assignment]
    return table


def _build_grammar(lx: QuantityLexicon) -> _Grammar:
    units = {tuple(k.lower().split()): v for k, v in lx.units.items()}
    before = _modifier_table(lx.approximations, lx.bounds)
    after = _modifier_table(lx.approximations_after, lx.bounds_after)
    suffixes = "|".join(re.escape(s) for s in sorted(_words(lx.street_suffixes), key=len, reverse=True))
    blocked = re.compile(
        "|".join(
            [
                # Phone numbers: "(317) 555-0100", "555-123-4567", "1-800-555-0199", "555-0100".
                r"(?:\b1[-.\s])?(?:\(\d{3}\)\s*|\b\d{3}[-.\s])\d{3}[-.]\d{4}\b",
                r"\b\d{3}-\d{4}\b",
                # Dates written with digits only: "5/16/2026", "2026-05-16", "16.05.2026"; "4/5".
                r"\b\d{1,4}([-/.])\d{1,2}\1\d{1,4}\b",
                r"\b\d+/\d+\b",
                # Codes mixing capitals and digits: "I-65", "COVID-19", "2024-CV-113", "A320".
                r"\b[A-Z][A-Za-z]*-\d+",
                r"\b\d+-[A-Z]{1,4}\b",
                r"\b[A-Z]{1,4}\d+\b",
                # Street addresses: a number, maybe a direction, capitalised words, a street suffix.
                r"\b\d{1,6}\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:[A-Z0-9][\w'.]*\s+){1,3}"
                rf"(?i:{suffixes})\b\.?",
                # Zip codes after a state abbreviation: "IN 46204", "CA 90210-1234".
                r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b",
            ]
        )
    )
    max_phrase = max((len(k) for k in [*before, *after]), default=1)
    return _Grammar(
        lx=lx,
        numbers={k.lower(): v for k, v in lx.numbers.items()},
        multipliers={k.lower(): v for k, v in lx.multipliers.items()},
        abbreviated={k.lower(): v for k, v in lx.abbreviated_multipliers.items()},
        ambiguous=_words(lx.ambiguous_multipliers),
        fractions={k.lower(): v for k, v in lx.fractions.items()},
        symbols={k.lower(): v for k, v in lx.currency_symbols.items()},
        currency_words={k.lower(): v for k, v in lx.currency_words.items()},
        units=units,
        unit_span=max((len(k) for k in units), default=1),
        article_units=_words(lx.article_units),
        before=before,
        after=after,
        phrase_span=max_phrase,
        connectors=_words(lx.range_connectors),
        openers=_words(lx.range_openers),
        change_verbs=_words(lx.change_verbs),
        level_verbs=_words(lx.level_verbs),
        code_words=_words(lx.code_words),
        code_after=_phrases(lx.code_words_after),
        number_names=_words(lx.number_names),
        score_words=_words(lx.score_words),
        age_words=_words(lx.age_words),
        age_units=_words(lx.age_units),
        time_words=_words(lx.time_of_day_words),
        one_after=_words(lx.one_idioms_after),
        one_before=_words(lx.one_idioms_before),
        date_words=_words(lx.date_words),
        date_nouns=_words(lx.date_nouns),
        name_labels=frozenset(lx.name_entity_labels),
        date_labels=frozenset(lx.date_entity_labels),
        blocked=blocked,
    )


# --------------------------------------------------------------------------- numbers


def _digits_value(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _combine(words: Sequence[str], g: _Grammar, *, money: bool = False) -> float | None:
    """The value of one number written as lower-case words and digits, or None.

    Handles "40,000", "1.5 million", "forty five", "two hundred and five", "a dozen",
    "half a million", "one and a half".
    """
    if not words:
        return None
    total = 0.0
    current: float | None = None
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        nxt = words[i + 1] if i + 1 < n else ""
        if w in ("a", "an") and i > 0 and words[i - 1] == "and" and nxt in g.fractions:
            pass  # "one and a half"
        elif w in ("a", "an"):
            # "a" is one only before a multiplier ("a dozen", "a million").
            if nxt not in g.multipliers or current is not None or total:
                return None
            current = 1.0
        elif w in g.fractions:
            if current is None and not total and nxt in ("a", "an") and i + 3 == n and words[i + 2] in g.multipliers:
                return g.fractions[w] * g.multipliers[words[i + 2]]  # "half a million"
            current = (current or 0.0) + g.fractions[w]
        elif w == "and":
            # "two hundred and five", "one and a half".
            if current is None and not total:
                return None
        elif w in g.numbers:
            current = (current or 0.0) + g.numbers[w]
        elif w in g.multipliers or (w in g.abbreviated and (money or w not in g.ambiguous)):
            factor = g.multipliers.get(w) or g.abbreviated[w]
            base = current
            if base is None:
                return None
            if factor < 1000:
                current = base * factor
            else:
                total += base * factor
                current = None
        else:
            value = _digits_value(w) if _DIGITS.match(w) and not _DIGITS.match(w).group("suffix") else None  # type: ignore[union-attr]
            if value is None or current is not None:
                return None
            current = value
        i += 1
    return total + (current or 0.0)


_SPLIT = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+|[^\W\d_]+|[$€£]")


def parse_number(text: str, *, lexicon: QuantityLexicon | None = None) -> float | None:
    """The value of a number written in digits or words, or None if `text` is not one.

    >>> parse_number("1.5 million"), parse_number("forty-five"), parse_number("a dozen")
    (1500000.0, 45.0, 12.0)
    """
    g = _grammar(lexicon or load_quantity_lexicon())
    words = [w.lower() for w in _SPLIT.findall(text.strip()) if w not in ("$", "€", "£")]
    leftover = _SPLIT.sub("", text).replace("-", "").replace("$", "").replace("€", "").replace("£", "").strip()
    if leftover:
        return None
    # A suffix glued to digits ("5bn", "50k") is a multiplier of its own.
    expanded: list[str] = []
    for w in words:
        m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)([a-z]+)", w)
        expanded.extend([m.group(1), m.group(2)] if m else [w])
    money = bool(re.search(r"[$€£]", text))
    return _combine(expanded, g, money=money)


# --------------------------------------------------------------------------- reading a doc


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


# --------------------------------------------------------------------------- filters


def _blocked_tokens(doc: Doc, g: _Grammar) -> set[int]:
    """Tokens inside phone numbers, digit dates, codes and street addresses."""
    blocked: set[int] = set()
    for match in g.blocked.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    return blocked


def _title_word(tok: Token | None) -> bool:
    """A capitalised word that is not a bound or approximation word ("Route", "WAVE")."""
    return tok is not None and tok.text[:1].isupper() and tok.is_alpha and tok.pos_ in ("PROPN", "NOUN")


def _modifies_following_noun(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ in ("nummod", "compound", "amod") and head.i > tok.i and head.pos_ in ("NOUN", "ADJ")


def _is_digits(tok: Token | None) -> bool:
    return tok is not None and _DIGITS.match(tok.text) is not None


@dataclass(frozen=True)
class _Candidate:
    """A number read from the text, with its neighbours, for the skip checks."""

    doc: Doc
    sides: tuple[_Side, ...]
    modified: bool
    blocked: frozenset[int] | set[int]

    @property
    def first(self) -> _Side:
        return self.sides[0]

    @property
    def last(self) -> _Side:
        return self.sides[-1]

    @property
    def core(self) -> list[int]:
        return [t for s in self.sides for t in range(s.num_start, s.end)]

    @property
    def unit(self) -> UnitSpec | None:
        return self.last.unit or self.first.unit

    @property
    def bare(self) -> bool:
        """No unit, no currency, no bound or approximation word: a plain number."""
        return self.unit is None and not (self.first.currency or self.last.currency) and not self.modified

    def at(self, i: int) -> Token | None:
        return self.doc[i] if 0 <= i < len(self.doc) else None

    @property
    def prev(self) -> Token | None:
        return self.at(self.first.start - 1)

    @property
    def prev2(self) -> Token | None:
        return self.at(self.first.start - 2)

    @property
    def next(self) -> Token | None:
        return self.at(self.last.end)


def _lower_at(c: _Candidate, i: int) -> str:
    tok = c.at(i)
    return tok.lower_ if tok is not None else ""


def _in_pattern(c: _Candidate, g: _Grammar) -> bool:
    """Phone numbers, digit dates, codes, street addresses (character patterns)."""
    return any(i in c.blocked for i in c.core)


def _is_year(c: _Candidate, g: _Grammar) -> bool:
    """ "in 2026", "the 2014 season", "2014-15"."""
    return c.bare and any(s.year_like for s in c.sides)


def _is_day_of_month(c: _Candidate, g: _Grammar) -> bool:
    """ "May 21", "Jan. 14", "21 May", "the 21 of May"."""
    if not c.bare:
        return False
    prev, prev2, nxt = c.prev, c.prev2, c.next
    if prev is not None and prev.lower_ in g.date_words:
        return True
    if prev is not None and prev.text == "." and prev2 is not None and prev2.lower_ in g.date_words:
        return True
    if nxt is not None and nxt.lower_ in g.date_words and nxt.text[:1].isupper():
        return True
    return _lower_at(c, c.last.end) == "of" and _lower_at(c, c.last.end + 1) in g.date_words


def _is_time_of_day(c: _Candidate, g: _Grammar) -> bool:
    """ "10 a.m.", "7 pm" ("10:30" and "2:21AM" are not read as numbers at all)."""
    return c.next is not None and c.next.lower_ in g.time_words and (c.unit is None or c.unit.kind != "percent")


def _is_age(c: _Candidate, g: _Grammar) -> bool:
    """ "21-year-old", "46-year old", "19 years of age", "aged 46", "Age: 24", "Davis, 19,"."""
    prev, prev2, nxt = c.prev, c.prev2, c.next
    if c.unit is not None and c.unit.kind == "duration":
        k = c.last.unit_end
        if _lower_at(c, k) in _HYPHENS:
            k += 1
        if _lower_at(c, k) in ("old", "olds", "-old"):
            return True
        if (_lower_at(c, k), _lower_at(c, k + 1)) == ("of", "age"):
            return True
    if prev is not None and prev.lower_ in g.age_words:
        return True
    if prev is not None and prev.is_punct and prev2 is not None and prev2.lower_ in g.age_words:
        return True
    # An appositive after a name: "Davis, 19, was…", "Smith (34)".
    if c.bare and len(c.sides) == 1 and not c.first.is_word and 0 < c.first.value < 120 and c.first.value.is_integer():
        if prev is not None and prev.text in (",", "(") and prev2 is not None and prev2.pos_ in ("PROPN", "NOUN"):
            return nxt is None or nxt.lower_ in _CLAUSE_END
    return False


def _is_in_name(c: _Candidate, g: _Grammar) -> bool:
    """A number between capitalised words ("Regional One Health", "WAVE 3 News", "8 Mile") or in a named entity."""
    prev, nxt = c.prev, c.next
    if c.unit is not None and not c.modified and len(c.sides) == 1 and c.last.unit_end - c.last.end == 1:
        unit_tok = c.doc[c.last.end]
        if unit_tok.text[:1].isupper() and unit_tok.is_alpha and not c.doc[c.first.start].is_sent_start:
            return True  # a unit word written as a name: "near 8 Mile"
    if not c.bare:
        return False
    if len(c.sides) == 1 and _title_word(prev) and prev.lower_ not in g.before and nxt is not None:  # type: ignore[union-attr]
        if nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start and nxt.lower_ not in g.date_words:
            return True
    return any(c.doc[i].ent_type_ in g.name_labels for i in c.core)


def _is_code(c: _Candidate, g: _Grammar) -> bool:
    """Identifiers, ranks and positions: "Route 66", "Order 14110", "No. 5", "the 1200 block", "Image 2 of 12"."""
    if not c.bare or c.first.is_word:
        return False
    doc, prev, prev2, nxt = c.doc, c.prev, c.prev2, c.next
    num_tok = doc[c.first.num_start]
    if num_tok.lower_ in g.number_names:
        return True
    if prev is not None:
        if prev.lower_ in g.code_words and (prev.text[:1].isupper() or not _modifies_following_noun(num_tok)):
            return True
        if prev.text == "." and prev2 is not None and prev2.lower_ + "." in g.code_words:
            return True
        if _title_word(prev) and prev.lower_ not in g.before and not prev.is_sent_start:
            if not _modifies_following_noun(num_tok):
                return True
        if prev.text == "/":
            return True
    if nxt is not None and nxt.text == "/":
        return True
    # "Image 2 of 12" is a position; "46 of 48 games" counts.
    end = c.last.end
    if _lower_at(c, end) == "of" and _is_digits(c.at(end + 1)):
        after = c.at(end + 2)
        if not (after is not None and after.pos_ == "NOUN" and after.text.islower()):
            return True
    if prev is not None and prev.lower_ == "of" and _is_digits(prev2):
        if not (nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower()):
            return True
    # "the 1200 block", "the 700-block", "the 400 and 700 blocks", "3200 South".
    after_i = end + 1 if _lower_at(c, end) in _HYPHENS else end
    if _lower_at(c, end) in ("and", "or", "to") and _is_digits(c.at(end + 1)):
        after_i = end + 2
    for size in (2, 1):
        if tuple(t.lower_ for t in doc[after_i : after_i + size]) in g.code_after:
            return True
    return False


def _is_decade(c: _Candidate, g: _Grammar) -> bool:
    """ "in their 20's", "the 1990 's" (a glued "1990s" is not read as a number at all)."""
    return c.bare and _lower_at(c, c.last.end) in ("'s", "’s", "s")


def _is_rating(c: _Candidate, g: _Grammar) -> bool:
    """ "4 out of 5"."""
    if not c.bare:
        return False
    end, start = c.last.end, c.first.start
    return (_lower_at(c, end), _lower_at(c, end + 1)) == ("out", "of") or (
        _lower_at(c, start - 2),
        _lower_at(c, start - 1),
    ) == ("out", "of")


def _is_date_entity(c: _Candidate, g: _Grammar) -> bool:
    """A number the NER puts in a DATE or TIME, unless it is a duration or counts a noun."""
    if c.first.currency or c.last.currency or (c.unit is not None and c.unit.kind in ("duration", "percent")):
        return False
    if not any(c.doc[i].ent_type_ in g.date_labels for i in c.core):
        return False
    last = c.doc[c.last.end - 1]
    counts = (
        _modifies_following_noun(last) and last.head.pos_ == "NOUN" and last.head.lemma_.lower() not in g.date_nouns
    )
    return not counts  # "two 17-year-olds" counts; "the 2015 season" does not


def _is_pronoun_one(c: _Candidate, g: _Grammar) -> bool:
    """ "one of the", "no one", "one said", "one day", "one another"."""
    if not (c.bare and len(c.sides) == 1 and c.first.words == ("one",)):
        return False
    prev, nxt = c.prev, c.next
    if prev is not None and prev.lower_ in g.one_before:
        return True
    if nxt is None or nxt.lower_ in g.one_after:
        return True
    return nxt.pos_ not in ("NOUN", "PROPN", "ADJ") and nxt.tag_ != "VBN"


# Each check names why a number is not a quantity; the first that holds decides.
_CHECKS = (
    ("pattern", _in_pattern),
    ("year", _is_year),
    ("date", _is_day_of_month),
    ("time", _is_time_of_day),
    ("age", _is_age),
    ("name", _is_in_name),
    ("code", _is_code),
    ("rating", _is_rating),
    ("decade", _is_decade),
    ("date", _is_date_entity),
    ("pronoun", _is_pronoun_one),
)


def _skip_reason(c: _Candidate, g: _Grammar) -> str | None:
    """Why the candidate is not a quantity (a name, a date, an age…), or None if it is one."""
    for reason, check in _CHECKS:
        if check(c, g):
            return reason
    return None


# --------------------------------------------------------------------------- subjects


def _subject(doc: Doc, start: int, end: int, kind: Kind, g: _Grammar) -> str | None:
    """The lemma of what the quantity counts or measures, read from the dependency parse."""
    inside = set(range(start, end))
    anchors = [doc[i] for i in range(start, end) if doc[i].head.i not in inside or doc[i].head.i == i]
    anchor = anchors[-1] if anchors else doc[end - 1]
    head = anchor.head
    # "five people", "$12 million fine", "at least 40 dead", "a 90-day window".
    if (
        anchor.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod")
        and head.i >= end
        and head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
    ):
        return head.lemma_.lower()
    # "3 dead", "4 injured": a participle or adjective right after the number.
    if end < len(doc) and kind == "count":
        nxt = doc[end]
        if nxt.pos_ == "ADJ" or nxt.tag_ == "VBN":
            return nxt.lemma_.lower()
    # "5 of the victims", "40 percent of voters".
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                return objects[0].lemma_.lower()
    if kind == "duration":
        return "day"
    # A bare figure as a verb's argument: "the death toll rose to 12" (toll), "bail was set
    # at $50,000" (bail), "killed 5" (kill), "fined $12 million" (fine).
    node = anchor
    for _ in range(4):  # "rose from 12 to 14": climb pobj → prep → … to the verb
        if node.dep_ not in ("pobj", "prep", "agent") or node.head.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head
    verb = node.head
    if verb.pos_ in ("VERB", "AUX") and node.dep_ in (
        "pobj",
        "prep",
        "dobj",
        "attr",
        "nsubj",
        "nsubjpass",
        "npadvmod",
        "oprd",
    ):
        if verb.lemma_.lower() in g.level_verbs:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
            if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
                return subjects[0].lemma_.lower()
            if verb.lemma_.lower() == "be":
                return None
        return verb.lemma_.lower()
    if kind == "percent":
        return "percent"
    return None


# --------------------------------------------------------------------------- the extractor


def _apply_unit(value: float, unit: UnitSpec | None) -> float:
    return value * unit.factor if unit is not None else value


def quantities(doc: Doc, *, extra_rule_dirs: Sequence[str | Path] = ()) -> list[Quantity]:
    """Every quantity in `doc`, with offsets into `doc.text`, sorted and non-overlapping.

    Args:
        doc: a parsed document (tagger, parser and NER are read).
        extra_rule_dirs: folders whose `quantities.toml` extends the built-in pack.

    Returns:
        Counts, money, durations, percentages and measures, in common units.
    """
    g = _grammar(load_quantity_lexicon(extra_rule_dirs))
    blocked = _blocked_tokens(doc, g)
    found: list[Quantity] = []
    n = len(doc)
    i = 0
    age_end = -1
    floor = 0  # tokens before it belong to an earlier candidate
    while i < n:
        side = _read_side(doc, i, g) or _article_side(doc, i, g)
        if side is None:
            i += 1
            continue
        # "ages 18, 19 and 20": a list goes on as it started.
        in_age_list = 0 < side.start - age_end <= 2 and all(
            doc[k].lower_ in (",", "and", "or") for k in range(age_end, side.start)
        )
        quantity, next_i, reason = _build(doc, side, g, blocked, in_age_list=in_age_list, floor=floor)
        floor = max(next_i, i + 1)
        if quantity is not None:
            found.append(quantity)
        if reason == "age" or (quantity is None and in_age_list):
            age_end = next_i
        i = max(next_i, i + 1)
    return found


def _range_partner(doc: Doc, side: _Side, g: _Grammar) -> tuple[_Side, str] | None:
    """The second end of a range after `side` ("14 to 90 days", "between 14 and 90 days")."""
    j = side.unit_end
    n = len(doc)
    if j + 1 >= n:
        return None
    conn = doc[j].lower_
    opener = doc[side.start - 1].lower_ if side.start > 0 else ""
    if conn == "and":
        if opener != "between":
            return None
    elif conn not in g.connectors:
        return None
    if conn in _HYPHENS and (doc[j - 1].whitespace_ and doc[j].whitespace_):
        return None  # "5 - 4" with spaces is a dash between clauses, not a range
    other = _read_side(doc, j + 1, g)
    if other is None:
        return None
    if opener == "from" and side.start > 0 and doc[side.start - 1].head.lemma_.lower() in g.change_verbs:
        return None  # "rose from 12 to 14": two figures, not a range
    return other, conn


def _build(
    doc: Doc, side: _Side, g: _Grammar, blocked: set[int], *, in_age_list: bool = False, floor: int = 0
) -> tuple[Quantity | None, int, str | None]:
    """The quantity starting with `side`, the token index to continue from, and why it was skipped."""
    sides = [side]
    conn = ""
    partner = _range_partner(doc, side, g)
    low = side.value
    high = side.value
    unit = side.unit
    currency = side.currency
    if partner is not None:
        other, conn = partner
        ok = True
        if side.unit is not None and other.unit is not None:
            ok = side.unit.kind == other.unit.kind and side.unit.unit == other.unit.unit
        elif side.unit is not None and other.unit is None:
            ok = False
        if side.currency and other.currency and side.currency != other.currency:
            ok = False
        a = side.value
        if side.multiplier is None and other.multiplier is not None and a < other.value / other.multiplier:
            a *= other.multiplier  # "10 to 12 million": the multiplier applies to both ends
        a_unit = side.unit or other.unit
        lo = _apply_unit(a, a_unit)
        hi = _apply_unit(other.value, other.unit)
        if ok and lo < hi:
            sides.append(other)
            low, high = lo, hi
            unit = other.unit
            currency = side.currency or other.currency
        elif conn in _HYPHENS and side.unit is None and other.unit is None and side.currency is None:
            # "won 3-2", "a 5-4 vote", "2014-15": a score or a season, not a quantity.
            return None, other.unit_end, "score"
    if len(sides) == 1:
        low = high = _apply_unit(side.value, unit)
    elif conn in _HYPHENS and sides[1].unit_end < len(doc) and doc[sides[1].unit_end].lower_ in g.score_words:
        return None, sides[1].unit_end, "score"  # "a 5-4 vote"
    first, last = sides[0], sides[-1]
    start, end = first.start, last.unit_end
    approximate = bool(unit and unit.approximate) or any(s.unit is not None and s.unit.approximate for s in sides)
    bound: Bound = "range" if len(sides) > 1 else "exact"
    modified = False
    if len(sides) > 1 and start > floor and doc[start - 1].lower_ in g.openers:
        start -= 1
    for _ in range(2):
        hit = _match_before(doc, start, g.before, g.phrase_span)
        if hit is None or hit[0] < floor:
            break
        start, (approx, bound_word) = hit
        modified = True
        approximate = approximate or approx
        if bound_word and bound == "exact":
            bound = bound_word
    hit = _match_after(doc, end, g.after, g.phrase_span)
    if hit is not None and len(sides) == 1:
        end, (approx, bound_word) = hit
        modified = True
        approximate = approximate or approx
        if bound_word and bound == "exact":
            bound = bound_word
    candidate = _Candidate(doc=doc, sides=tuple(sides), modified=modified, blocked=blocked)
    reason = _skip_reason(candidate, g)
    if reason is None and in_age_list and candidate.bare:
        reason = "age"  # "ages 18, 19 and 20": the list goes on
    if reason is not None:
        return None, last.unit_end, reason
    if bound == "at_least":
        high = UNBOUNDED
    elif bound == "at_most":
        low = 0.0
    kind: Kind
    if currency:
        kind, unit_name = "money", currency
    elif unit is not None:
        kind, unit_name = unit.kind, unit.unit
    else:
        kind, unit_name = "count", "count"
    span = doc[start:end]
    quantity = Quantity(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        kind=kind,
        unit=unit_name,
        low=low,
        high=high,
        approximate=approximate,
        bound=bound,
        subject=_subject(doc, first.start, last.unit_end, kind, g),
    )
    return quantity, end, None


# --------------------------------------------------------------------------- comparing


def interval(q: Quantity, *, tolerance: float = 0.1) -> tuple[float, float]:
    """The values `q` allows: open bounds to infinity, approximate figures widened by `tolerance`."""
    low, high = q.low, q.high
    if q.bound == "at_least" or high >= UNBOUNDED:
        high = math.inf
    if q.bound == "at_most":
        low = 0.0
    if q.approximate:
        low = low * (1 - tolerance)
        high = high * (1 + tolerance)
    return low, high


def _close(x: float, y: float, slack: float) -> bool:
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= slack * max(abs(x), abs(y)) + 1e-9


def relation(a: Quantity, b: Quantity, *, tolerance: float = 0.1) -> Relation:
    """How the values of two quantities relate, as intervals.

    "equal": the same values (within `tolerance` when either is approximate);
    "within": one interval holds the other (see `contains` for which);
    "overlap": they share values; "disjoint": they share none;
    "unrelated": different kinds or units, so not comparable.
    """
    if a.kind != b.kind or a.unit != b.unit:
        return "unrelated"
    slack = tolerance if (a.approximate or b.approximate) else 0.0
    a_low, a_high = a.low, (math.inf if a.bound == "at_least" else a.high)
    b_low, b_high = b.low, (math.inf if b.bound == "at_least" else b.high)
    if a.bound == b.bound and _close(a_low, b_low, slack) and _close(a_high, b_high, slack):
        return "equal"
    if contains(a, b, tolerance=tolerance) or contains(b, a, tolerance=tolerance):
        return "within"
    if overlaps(a, b, tolerance=tolerance):
        return "overlap"
    return "disjoint"


def overlaps(a: Quantity, b: Quantity, *, tolerance: float = 0.1) -> bool:
    """Whether `a` and `b` allow at least one common value."""
    (al, ah), (bl, bh) = interval(a, tolerance=tolerance), interval(b, tolerance=tolerance)
    return al <= bh and bl <= ah


def contains(a: Quantity, b: Quantity, *, tolerance: float = 0.1) -> bool:
    """Whether every value `b` states is allowed by `a` (`a` widened when approximate)."""
    al, ah = interval(a, tolerance=tolerance)
    bl, bh = b.low, (math.inf if b.bound == "at_least" else b.high)
    if b.bound == "at_most":
        bl = 0.0
    return al <= bl and bh <= ah


def _is_window(q: Quantity) -> bool:
    return q.bound == "range" and q.low != q.high


def agree(a: Quantity, b: Quantity, *, tolerance: float = 0.1) -> bool:
    """Whether two reports of one figure are consistent.

    Approximate figures are widened by `tolerance` (relative); open bounds ("at least 40",
    "up to 90 days") agree with any figure they allow. Two explicit ranges ("between 14
    and 90 days" against "30 to 60 days") each state the whole range, so they agree only
    when both ends match; a single figure agrees with a range that holds it.
    """
    rel = relation(a, b, tolerance=tolerance)
    if rel == "equal":
        return True
    if rel in ("disjoint", "unrelated"):
        return False
    if _is_window(a) and _is_window(b):
        return False
    if rel == "within":
        return True
    # Partial overlap: consistent only if one side is an open or approximate figure.
    return a.bound in ("at_least", "at_most") or b.bound in ("at_least", "at_most") or a.approximate or b.approximate
