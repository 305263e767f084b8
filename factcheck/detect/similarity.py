"""Text similarity helpers shared by detectors (rapidfuzz over normalized text)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from ..models import Claim

__all__ = ["normalize_text", "text_similarity", "content_words", "same_measure", "stem", "mentions_any"]

_NON_WORD = re.compile(r"[^\w\s]")
_STOP = frozenset(
    "a an the of to in on at for by with and or but is are was were be been being that this these those "
    "it its their they he she his her we our you your would could will shall should may might must can "
    "not no n't said say says told according as from into than then there here which who whom whose "
    "have has had do does did also more most some any all each other such only".split()
)


def normalize_text(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def text_similarity(a: str, b: str) -> float:
    """0..100: token-set similarity of two normalized texts."""
    return fuzz.token_set_ratio(normalize_text(a), normalize_text(b))


_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ions", "ion", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude stem: common suffixes off, then at most five letters.

    Enough for "testing"/"testers"/"test" or "registration"/"register" to meet inside
    one story; never used to decide that two stories are the same.
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:5]


def content_words(text: str) -> set[str]:
    """Stems of the content words of a text (stop words and one-letter words left out)."""
    return {stem(w) for w in normalize_text(text).split() if w not in _STOP and len(w) > 1}


# Verbs that carry little of what an obligation bears on ("stop", "take", "make").
_LIGHT_VERBS = frozenset(
    stem(w) for w in ("stop", "start", "keep", "take", "make", "get", "go", "come", "do", "have", "be", "give", "put", "let", "continue", "begin")
)


def same_measure(a: Claim, b: Claim, *, min_shared: int = 2) -> bool:
    """Whether two claims speak of the same measure: same event, or enough shared content words."""
    shared_entities = {e.key for e in a.entities} & {e.key for e in b.entities}
    if a.obligation_scope and b.obligation_scope:
        # What the obligation bears on ("participation in the testing", "share models with testers").
        shared = {stem(w) for w in a.obligation_scope} & {stem(w) for w in b.obligation_scope}
        # "invited people to stop in" and "is required to stop serving liquor" share a light
        # verb, not a measure.
        return bool(shared - _LIGHT_VERBS)
    shared_words = content_words(a.text) & content_words(b.text)
    if a.event.event_class == b.event.event_class and (shared_entities or len(shared_words) >= 1):
        return True
    return len(shared_words) + len(shared_entities) >= min_shared


@functools.lru_cache(maxsize=32)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in words) + r")\b")


def mentions_any(text: str, words: Sequence[str]) -> bool:
    """Whether `text` holds any of `words` (lexicon words or phrases) as whole words, case aside."""
    return bool(words) and bool(_word_pattern(tuple(words)).search(text.lower()))
