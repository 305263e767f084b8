"""The `rules/quantities.toml` pack: number words, units, currency, bound and skip words."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ...rulepacks import load_pack

__all__ = ["UNBOUNDED", "Kind", "Bound", "UnitSpec", "BoundWords", "QuantityLexicon", "load_quantity_lexicon"]

UNBOUNDED: float = sys.float_info.max
"""`high` of an open-ended figure: finite, so it survives JSON (unlike `inf`)."""

Kind = Literal["count", "money", "duration", "percent", "measure"]
Bound = Literal["exact", "range", "at_least", "at_most"]



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
    descriptor_nouns: list[str] = Field(default_factory=list)
    age_words: list[str] = Field(default_factory=list)
    age_units: list[str] = Field(default_factory=list)
    time_of_day_words: list[str] = Field(default_factory=list)
    one_idioms_after: list[str] = Field(default_factory=list)
    one_idioms_before: list[str] = Field(default_factory=list)
    anaphoric_determiners: list[str] = Field(default_factory=list)
    point_in_time_after: list[str] = Field(default_factory=list)
    date_words: list[str] = Field(default_factory=list)
    date_nouns: list[str] = Field(default_factory=list)
    street_suffixes: list[str] = Field(default_factory=list)
    name_entity_labels: list[str] = Field(default_factory=list)
    date_entity_labels: list[str] = Field(default_factory=list)
    rate_words: list[str] = Field(default_factory=list)
    rate_periods: list[str] = Field(default_factory=list)
    rate_adverbs: dict[str, str] = Field(default_factory=dict)


def load_quantity_lexicon(extra_dirs: Sequence[str | Path] = ()) -> QuantityLexicon:
    """The built-in quantities pack merged with the users' `quantities.toml` packs (cached)."""
    return load_pack("quantities", QuantityLexicon, extra_dirs)
