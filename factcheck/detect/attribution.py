"""Attribution conflicts: a statement put in different mouths, or a speaker in different settings."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import numpy as np
from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

from ..extract.attribution import speaker_key as _speaker_key
from ..models import Attribution, Claim, Finding
from .base import (
    ClaimPair,
    Detector,
    StoryClaims,
    cross_document_pairs,
    evidence_for,
    make_finding,
    register,
    story_claims,
)
from ..wording import setting_phrase
from .similarity import normalize_text

__all__ = ["SpeakerConflict", "SettingConflict"]


@functools.lru_cache(maxsize=65536)
def _named_in_sentence(claim: Claim) -> bool:
    speaker = claim.attribution.speaker or ""
    surname = speaker.split()[-1] if speaker.split() else ""
    # As a whole word: "Oscar" is not named by "the Oscars".
    return bool(surname) and re.search(rf"\b{re.escape(surname.lower())}\b", claim.sentence.lower()) is not None


def speaker_key(attribution: Attribution) -> str | None:
    """The speaker's matching key, computed once per distinct attribution."""
    return _speaker_key(attribution)


@functools.lru_cache(maxsize=65536)
def _normalized(text: str) -> str:
    return normalize_text(text)


def _statement(claim: Claim) -> str:
    return _normalized(claim.attribution.quote or claim.text)


def _name_words(speaker: str) -> set[str]:
    return {w.strip(".,'’").lower() for w in speaker.split() if w[:1].isupper() and len(w.strip(".,'’")) > 2}


def _one_speaker_two_ways(a: Attribution, b: Attribution) -> bool:
    """Whether two speakers are one named two ways: a person by first name in one report and
    in full in the other ("Charlie" / "Charlie Kafoury"), or an organisation described two ways
    around one name ("Officials at the Mormon Hills School in Bountiful" / "... in the
    community", "MWEB update" / "MWEB Operations")."""
    words_a, words_b = _name_words(a.speaker or ""), _name_words(b.speaker or "")
    if not words_a or not words_b:
        return False
    # The shorter name's words all in the longer one: "Tom Reyes" and "Tom Hale", or the
    # "Harwell Police Department" and the "Harwell Fire Department", stay two speakers.
    return words_a <= words_b or words_b <= words_a


# Paraphrases (not direct quotes) put in different mouths count only when nearly word for word.
_PARAPHRASE_SIMILARITY = 97.0


class SpeakerSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_quote_similarity: float = 85.0
    """rapidfuzz ratio (0..100) above which two quotes are the same words."""
    min_quote_words: int = 4
    same_name_similarity: float = 90.0
    """rapidfuzz ratio of two speakers' keys above which they are one name spelt two ways
    ("Tennessee Bureau of Investigation" / "Tennessee Bureau Investigation")."""


@register
class SpeakerConflict(Detector):
    """Reports attribute the same quote or statement to different speakers.

    Fires:
        A: "'We need more time to get this right,' said Lena Ortiz, the chief of staff."
        B: "'We need more time to get this right,' said Marcus Hale, a senior adviser."

    Does not fire:
        A: "'We need more time,' said Lena Ortiz."
        B: "'We need more time,' Ortiz told reporters."
        Both name the same speaker.
    """

    code = "AT01"
    name = "attribution.speaker"
    kind = "attribution_conflict"
    groups = ("all", "attribution")
    default_severity = "medium"
    Settings = SpeakerSettings
    # Quotes are compared across the whole story: the same words may hang off different verbs.
    scope = "story"

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        settings: SpeakerSettings = self.settings  # type: ignore[assignment]
        quoted = [
            c
            for c in story_claims(story)
            if speaker_key(c.attribution) and len(_statement(c).split()) >= settings.min_quote_words
        ]
        if len({c.path for c in quoted}) < 2:
            return
        # All statements scored in one rapidfuzz call, below the lowest threshold `check_pair`
        # could accept set to 0: a story's quotes are compared in C, not pair by pair in Python.
        statements = [_statement(c) for c in quoted]
        cutoff = min(settings.min_quote_similarity, _PARAPHRASE_SIMILARITY)
        scores = process.cdist(statements, statements, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8, workers=1)
        candidates = scores > 0 if cutoff > 0 else np.ones(scores.shape, dtype=bool)
        reported: set[tuple[str, ...]] = set()
        for i, j in zip(*np.nonzero(np.triu(candidates, 1))):
            a, b = quoted[i], quoted[j]
            # The sentences of one quotation are claims of their own, shown as one sentence: one finding.
            key = (a.path, b.path, str(a.sentence_start), str(b.sentence_start))
            if a.path != b.path and key not in reported:
                findings = list(self.check_pair(ClaimPair(a, b, story.docs[a.path], story.docs[b.path], story.story, float(scores[i, j]))))
                if findings:
                    reported.add(key)
                    yield from findings

    def check_pair(self, pair: ClaimPair) -> Iterable[Finding]:
        a, b = pair.a, pair.b
        ka, kb = speaker_key(a.attribution), speaker_key(b.attribution)
        if not ka or not kb or ka == kb or ka in kb or kb in ka:
            return
        # "He said he was stunned": a speaker carried over from an earlier sentence is a guess
        # (the last person named), too weak to set two reports against each other.
        if not (_named_in_sentence(a) and _named_in_sentence(b)):
            return
        settings: SpeakerSettings = self.settings  # type: ignore[assignment]
        if fuzz.ratio(ka, kb) >= settings.same_name_similarity or _one_speaker_two_ways(a.attribution, b.attribution):
            return
        if a.negated != b.negated:
            return  # one asserts, one denies: a polarity question, not an attribution one
        sa, sb = _statement(a), _statement(b)
        # Paraphrases by different people are common; the same words are what count.
        threshold = settings.min_quote_similarity if (a.attribution.direct_quote and b.attribution.direct_quote) else _PARAPHRASE_SIMILARITY
        if min(len(sa.split()), len(sb.split())) < settings.min_quote_words:
            return
        if fuzz.ratio(sa, sb) < threshold:
            return
        message = (
            f"The same statement is attributed to {a.attribution.speaker} in {a.path} "
            f"and to {b.attribution.speaker} in {b.path}"
        )
        yield make_finding(
            self,
            message,
            [
                evidence_for(a, pair.doc_a, span=_word_span(a, a.attribution.speaker or ""), value=a.attribution.speaker),
                evidence_for(b, pair.doc_b, span=_word_span(b, b.attribution.speaker or ""), value=b.attribution.speaker),
            ],
            [a, b],
            [sa, ka, kb],
        )


class SettingSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_statement_similarity: float = 70.0


@register
class SettingConflict(Detector):
    """Reports place the same speaker's statement in different settings.

    Fires:
        A: "Ortiz said at a briefing that the order would be signed soon."
        B: "Ortiz said in an interview that the order would be signed soon."

    Does not fire:
        A: "Ortiz said at a briefing that the order would be signed soon."
        B: "Ortiz said that the order would be signed soon."
        Only one report names a setting.
    """

    code = "AT02"
    name = "attribution.setting"
    kind = "attribution_conflict"
    groups = ("all", "attribution")
    default_severity = "low"
    Settings = SettingSettings
    # "said at a briefing" and "said in an interview that ..." rarely share a predicate,
    # so every claim with a named speaker and a setting is compared within the story.
    scope = "story"

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        by_speaker: dict[str, list[Claim]] = {}
        for claim in story_claims(story):
            key = speaker_key(claim.attribution)
            if key and claim.attribution.setting:
                by_speaker.setdefault(key, []).append(claim)
        for claims in by_speaker.values():
            for pair in cross_document_pairs(story, claims):
                yield from self.check_pair(pair)

    def check_pair(self, pair: ClaimPair) -> Iterable[Finding]:
        a, b = pair.a, pair.b
        ka, kb = speaker_key(a.attribution), speaker_key(b.attribution)
        if not ka or ka != kb:
            return
        setting_a, setting_b = a.attribution.setting, b.attribution.setting
        if not setting_a or not setting_b or setting_a == setting_b:
            return
        if fuzz.token_set_ratio(_statement(a), _statement(b)) < self.settings.min_statement_similarity:  # type: ignore[attr-defined]
            return
        phrase_a, phrase_b = setting_phrase(setting_a, a.sentence), setting_phrase(setting_b, b.sentence)
        message = (
            f"Reports place {a.attribution.speaker}'s statement differently: {phrase_a} in {a.path}, "
            f"{phrase_b} in {b.path}"
        )
        yield make_finding(
            self,
            message,
            [
                evidence_for(a, pair.doc_a, span=_word_span(a, phrase_a) or _word_span(a, setting_a), value=phrase_a),
                evidence_for(b, pair.doc_b, span=_word_span(b, phrase_b) or _word_span(b, setting_b), value=phrase_b),
            ],
            [a, b],
            [ka, setting_a, setting_b],
        )


def _word_span(claim: Claim, word: str) -> tuple[int, int, str] | None:
    index = claim.sentence.lower().find(word.lower()) if word else -1
    if index < 0:
        return None
    start = claim.sentence_start + index
    return start, start + len(word), claim.sentence[index : index + len(word)]
