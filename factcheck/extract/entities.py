"""Named entities of a claim, with keys normalized for matching across reports."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span

from ..models import Entity
from .parsed import entities_in

__all__ = ["entity_key", "full_key", "claim_entities", "SALIENT_LABELS"]

# Entity types that identify what a story is about. Dates, numbers and money are
# handled by their own extractors and say nothing about which event a claim is on.
SALIENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})

_TITLES = re.compile(
    r"^(?:(?:the|president|vice president|sen\.?|senator|rep\.?|representative|gov\.?|governor|mayor|"
    r"chief|officer|sgt\.?|sergeant|lt\.?|capt\.?|captain|det\.?|detective|dr\.?|mr\.?|mrs\.?|ms\.?|"
    r"judge|justice|secretary|minister|councilwoman|councilman|councilmember|commissioner|director|"
    r"deputy|attorney|general|spokesperson|spokesman|spokeswoman)\s+)+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# "Carl Dabadie Jr.": a generational suffix is no surname.
_SUFFIX = re.compile(r",?\s+(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)


# Keys are read for every mention of a name in every claim: the same few names again and again.
@functools.lru_cache(maxsize=65_536)
def full_key(text: str) -> str:
    """The whole name, lower-cased, with titles and possessives removed ("Sen. Ann Ortiz's" → "ann ortiz")."""
    return _spelled_one_way(_cleaned(text))


_NOT_IN_NAMES = re.compile(r"[^\w\s.-]")
_HYPHEN = re.compile(r"\s*-\s*")
_SPACED_INITIAL = re.compile(r"\b(\w)\.\s+(?=\w\.)")
_SPACES = re.compile(r"\s+")


def _cleaned(text: str) -> str:
    cleaned = _POSSESSIVE.sub("", text.strip()).strip()
    cleaned = _SUFFIX.sub("", _TITLES.sub("", cleaned).strip()).lower()
    return _NOT_IN_NAMES.sub("", cleaned)


def _spelled_one_way(cleaned: str) -> str:
    # "Champs-Elysees" and "Champs Elysees", "al - Goweiny" and "al-Goweiny": one name.
    cleaned = _HYPHEN.sub(" ", cleaned)
    # "U. S." and "U.S.": initials spaced or not.
    cleaned = _SPACED_INITIAL.sub(r"\1.", cleaned)
    return _SPACES.sub(" ", cleaned).strip(" .")


@functools.lru_cache(maxsize=65_536)
def entity_key(text: str, label: str) -> str:
    """A matching key: lower-cased, titles and possessives removed; a person's last name."""
    if label == "PERSON":
        # Reports name a person in full once and by surname after; the surname is what both
        # share, a hyphenated one whole ("Smith-Jones", "al - Goweiny").
        words = _cleaned(_HYPHEN.sub("-", text.strip())).split()
        if len(words) > 1:
            return _spelled_one_way(words[-1])
    return full_key(text)


def claim_entities(span: Span) -> tuple[Entity, ...]:
    """Salient entities inside `span`, deduplicated by key."""
    seen: dict[str, Entity] = {}
    for ent in entities_in(span):
        if ent.label_ not in SALIENT_LABELS:
            continue
        key = entity_key(ent.text, ent.label_)
        if key and key not in seen:
            seen[key] = Entity(text=ent.text, label=ent.label_, key=key)
    return tuple(seen.values())
