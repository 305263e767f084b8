"""The extraction lexicon (`rules/lexicon.toml`), validated so a user's edits fail clearly."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..ingest.noise import check_patterns
from ..rulepacks import load_pack

__all__ = ["Lexicon", "load_lexicon"]


class _Pack(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Obligation(_Pack):
    mandatory: list[str] = Field(default_factory=list)
    voluntary: list[str] = Field(default_factory=list)


class Modality(_Pack):
    conditional: list[str] = Field(default_factory=list)
    hedges: list[str] = Field(default_factory=list)
    negations: list[str] = Field(default_factory=list)
    denial_verbs: list[str] = Field(default_factory=list)
    opinion_verbs: list[str] = Field(default_factory=list)
    approval: list[str] = Field(default_factory=list)
    exhortation_subjects: list[str] = Field(default_factory=list)


class CasualtyScope(_Pack):
    part: list[str] = Field(default_factory=list)
    bound: list[str] = Field(default_factory=list)
    more: list[str] = Field(default_factory=list)
    qualifiers: list[str] = Field(default_factory=list)
    aggregate: list[str] = Field(default_factory=list)
    periods: list[str] = Field(default_factory=list)
    period_patterns: list[str] = Field(default_factory=list)
    single_events: list[str] = Field(default_factory=list)
    roundup: list[str] = Field(default_factory=list)
    roundup_patterns: list[str] = Field(default_factory=list)
    aggregate_patterns: list[str] = Field(default_factory=list)
    sequel_patterns: list[str] = Field(default_factory=list)
    other: list[str] = Field(default_factory=list)
    beside: list[str] = Field(default_factory=list)
    one_of_several: list[str] = Field(default_factory=list)
    other_event: list[str] = Field(default_factory=list)

    @field_validator("roundup_patterns", "aggregate_patterns", "sequel_patterns", "period_patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return list(check_patterns(tuple(patterns)))

    @functools.cached_property
    def roundup_regex(self) -> re.Pattern[str] | None:
        return _joined(self.roundup_patterns)

    @functools.cached_property
    def sequel_regex(self) -> re.Pattern[str] | None:
        return _joined(self.sequel_patterns)

    @functools.cached_property
    def aggregate_cues(self) -> WordCues:
        return WordCues.of(self.aggregate, self.aggregate_patterns)

    @functools.cached_property
    def period_cues(self) -> WordCues:
        return WordCues.of(self.periods, self.period_patterns)


class WordCues(NamedTuple):
    """Lexicon phrases found as whole words in lower-cased text: "span" is not in "spanning",
    "record" not in "records". Plain substring tests come first, since most sentences hold
    none of the phrases and the whole-word pattern costs more."""

    lowered: tuple[str, ...]
    pattern: re.Pattern[str] | None
    extra: re.Pattern[str] | None = None
    """Regular expressions for cues with words between ("during the five operations")."""

    @classmethod
    def of(cls, words: Sequence[str], patterns: Sequence[str] = ()) -> WordCues:
        lowered = tuple(w.lower() for w in words)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lowered) + r")\b") if lowered else None
        return cls(lowered, pattern, _joined(list(patterns)))

    def finditer(self, lowered_text: str) -> Iterator[re.Match[str]]:
        found: Iterator[re.Match[str]] = iter(())
        if self.pattern is not None and any(cue in lowered_text for cue in self.lowered):
            found = self.pattern.finditer(lowered_text)
        if self.extra is not None:
            found = itertools.chain(found, self.extra.finditer(lowered_text))
        return found

    def search(self, lowered_text: str) -> bool:
        return next(self.finditer(lowered_text), None) is not None


def _joined(patterns: list[str], flags: int = re.I) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


class Framing(_Pack):
    """Page furniture (captions, "Updated:" lines) and words that set an event for later."""

    furniture: list[str] = Field(default_factory=list)
    furniture_patterns: list[str] = Field(default_factory=list)
    furniture_paragraphs: list[str] = Field(default_factory=list)
    scheduling: list[str] = Field(default_factory=list)

    @field_validator("furniture_patterns", "furniture_paragraphs")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return list(check_patterns(tuple(patterns)))

    @functools.cached_property
    def furniture_regex(self) -> re.Pattern[str] | None:
        return _joined(self.furniture_patterns, re.M)

    @functools.cached_property
    def paragraph_regex(self) -> re.Pattern[str] | None:
        return _joined(self.furniture_paragraphs, 0)


class Casualties(_Pack):
    roles: dict[str, list[str]] = Field(default_factory=dict)
    people: list[str] = Field(default_factory=list)
    scope: CasualtyScope = CasualtyScope()
    perpetrator: list[str] = Field(default_factory=list)
    ordinals: list[str] = Field(default_factory=list)
    groups: list[str] = Field(default_factory=list)
    things: list[str] = Field(default_factory=list)
    kinds: dict[str, list[str]] = Field(default_factory=dict)
    kind_modifiers: list[str] = Field(default_factory=list)

    @functools.cached_property
    def kind_of(self) -> dict[str, str]:
        """Noun lemma → the kind of person reports count apart ("constable" → "officers")."""
        return {word.lower(): kind for kind, words in self.kinds.items() for word in words}

    @functools.cached_property
    def people_set(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.people)

    @functools.cached_property
    def role_of(self) -> dict[str, str]:
        """Lemma → role (the first role listing it wins)."""
        index: dict[str, str] = {}
        for role, words in self.roles.items():
            for word in words:
                index.setdefault(word.lower(), role)
        return index


class Lexicon(_Pack):
    """Word lists the claim extractor reads; see the comments in `rules/lexicon.toml`."""

    language: str = "en"
    reporting_verbs: list[str] = Field(default_factory=list)
    source_phrases: list[str] = Field(default_factory=list)
    anonymous_speakers: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    setting_nouns: list[str] = Field(default_factory=list)
    obligation: Obligation = Obligation()
    modality: Modality = Modality()
    events: dict[str, list[str]] = Field(default_factory=dict)
    event_families: dict[str, list[str]] = Field(default_factory=dict)
    event_names: dict[str, str] = Field(default_factory=dict)
    follow_up_events: list[str] = Field(default_factory=list)
    occurrence_verbs: list[str] = Field(default_factory=list)
    aftermath_verbs: list[str] = Field(default_factory=list)
    verb_only_events: list[str] = Field(default_factory=list)
    story_event_words: list[str] = Field(default_factory=list)
    event_nouns: list[str] = Field(default_factory=list)
    dismissal_verbs: list[str] = Field(default_factory=list)
    intransitive_phrases: list[str] = Field(default_factory=list)
    state_verbs: list[str] = Field(default_factory=list)
    remark_verbs: list[str] = Field(default_factory=list)
    inquiry_verbs: list[str] = Field(default_factory=list)
    undergoing_verbs: list[str] = Field(default_factory=list)
    call_nouns: list[str] = Field(default_factory=list)
    scene_verbs: list[str] = Field(default_factory=list)
    scene_nouns: list[str] = Field(default_factory=list)
    outcome_verbs: list[str] = Field(default_factory=list)
    stretch_verbs: list[str] = Field(default_factory=list)
    framing: Framing = Framing()
    casualties: Casualties = Casualties()

    @functools.cached_property
    def family_of(self) -> dict[str, str]:
        """Event class → the family of classes that name one occurrence (itself when in none)."""
        index = {c: c for c in self.events}
        for family, classes in self.event_families.items():
            for event_class in classes:
                index[event_class] = family
        return index

    @functools.cached_property
    def event_class_of(self) -> dict[str, str]:
        """Lemma or phrase → event class (the first class listing it wins)."""
        index: dict[str, str] = {}
        for event_class, words in self.events.items():
            for word in [event_class, *words]:
                index.setdefault(word.lower(), event_class)
        return index

    @functools.cached_property
    def event_noun_class_of(self) -> dict[str, str]:
        """Noun lemma → event class: the classes' words less those that name an event only as a
        verb ("police blocked the road", but "the 3700 block" is an address)."""
        verb_only = {w.lower() for w in self.verb_only_events}
        return {word: c for word, c in self.event_class_of.items() if word not in verb_only}

    @functools.cached_property
    def sets(self) -> dict[str, frozenset[str]]:
        """Lower-cased frozensets of each word list, for fast membership tests."""
        return {
            "reporting": frozenset(w.lower() for w in self.reporting_verbs),
            "anonymous": frozenset(w.lower() for w in self.anonymous_speakers),
            "outlets": frozenset(w.lower() for w in self.outlets),
            "settings": frozenset(w.lower() for w in self.setting_nouns),
            # Occasions of speaking, not calls: "a call about a shooting Friday" is about the event.
            "occasions": frozenset(w.lower() for w in self.setting_nouns) - frozenset(w.lower() for w in self.call_nouns),
            "remarks": frozenset(w.lower() for w in self.remark_verbs),
            "mandatory": frozenset(w.lower() for w in self.obligation.mandatory),
            "voluntary": frozenset(w.lower() for w in self.obligation.voluntary),
            "conditional": frozenset(w.lower() for w in self.modality.conditional),
            "hedges": frozenset(w.lower() for w in self.modality.hedges),
            "negations": frozenset(w.lower() for w in self.modality.negations),
            "denial": frozenset(w.lower() for w in self.modality.denial_verbs),
            "opinion": frozenset(w.lower() for w in self.modality.opinion_verbs),
        }


def load_lexicon(extra_dirs: Sequence[str | Path] = ()) -> Lexicon:
    return load_pack("lexicon", Lexicon, extra_dirs)
