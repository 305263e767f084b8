"""The lookup tables and patterns compiled from one quantities lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...rulepacks import compiled
from .lexicon import Bound, BoundWords, QuantityLexicon, UnitSpec

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
    descriptor_nouns: frozenset[str]
    age_words: frozenset[str]
    age_units: frozenset[str]
    time_words: frozenset[str]
    one_after: frozenset[str]
    one_before: frozenset[str]
    anaphoric: frozenset[str]
    point_in_time: tuple[tuple[str, ...], ...]
    date_words: frozenset[str]
    date_nouns: frozenset[str]
    name_labels: frozenset[str]
    date_labels: frozenset[str]
    rate_words: frozenset[str]
    rate_periods: frozenset[str]
    rate_adverbs: dict[str, str]
    blocked: re.Pattern[str]
    # The lower-cased words a quantity may open with, other than a figure: a number word, a
    # fraction, a currency symbol or word, "a" / "an" ("a million", "a week"). Most tokens
    # are none of these and a figure's first character is a digit or a point, so the reader
    # tries a token only when it may open one.
    openings: frozenset[str]

    def may_open(self, lower: str) -> bool:
        """Whether a quantity may start at a token written `lower` (a necessary condition)."""
        return lower in self.openings or lower[:1].isdigit() or lower[:1] == "."


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
    # Every pattern below opens with a digit, "(" or a capital: the lookahead turns every other
    # position of the text away at once (a fifth of the time of trying each pattern there).
    blocked = re.compile(
        r"(?=[\d(A-Z])(?:"
        + "|".join(
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
        + ")"
    )
    max_phrase = max((len(k) for k in [*before, *after]), default=1)
    numbers = {k.lower(): v for k, v in lx.numbers.items()}
    fractions = {k.lower(): v for k, v in lx.fractions.items()}
    symbols = {k.lower(): v for k, v in lx.currency_symbols.items()}
    currency_words = {k.lower(): v for k, v in lx.currency_words.items()}
    return _Grammar(
        lx=lx,
        numbers=numbers,
        multipliers={k.lower(): v for k, v in lx.multipliers.items()},
        abbreviated={k.lower(): v for k, v in lx.abbreviated_multipliers.items()},
        ambiguous=_words(lx.ambiguous_multipliers),
        fractions=fractions,
        symbols=symbols,
        currency_words=currency_words,
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
        descriptor_nouns=_words(lx.descriptor_nouns),
        age_words=_words(lx.age_words),
        age_units=_words(lx.age_units),
        time_words=_words(lx.time_of_day_words),
        one_after=_words(lx.one_idioms_after),
        one_before=_words(lx.one_idioms_before),
        anaphoric=_words(lx.anaphoric_determiners),
        point_in_time=tuple(tuple(p.lower().split()) for p in lx.point_in_time_after),
        date_words=_words(lx.date_words),
        date_nouns=_words(lx.date_nouns),
        name_labels=frozenset(lx.name_entity_labels),
        date_labels=frozenset(lx.date_entity_labels),
        rate_words=_words(lx.rate_words),
        rate_periods=_words(lx.rate_periods),
        rate_adverbs={k.lower(): v for k, v in lx.rate_adverbs.items()},
        blocked=blocked,
        openings=frozenset({*numbers, *fractions, *symbols, *currency_words, "a", "an"}),
    )
