"""Modality conflicts: one report calls a measure mandatory, another voluntary."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from ..models import Claim, Finding
from .base import ClaimPair, Detector, StoryClaims, cross_document_pairs, evidence_for, make_finding, register, story_claims
from .similarity import same_measure

__all__ = ["ObligationConflict"]


class ObligationSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_shared_words: int = 2
    """Content words (or entities) two claims must share to be about the same measure."""


@register
class ObligationConflict(Detector):
    """Reports disagree on whether a measure is mandatory or voluntary.

    Fires:
        A: "Participation by the labs in the testing program would be voluntary."
        B: "A mandatory clause requires the labs to share their models with the testing program."

    Does not fire:
        A: "Participation in the testing program would be voluntary."
        B: "Officials said the rule could eventually require labs to join the testing program."
        B is an unrealized possibility ("could"), not a description of the measure.
    """

    code = "MD01"
    name = "modality.obligation"
    kind = "modality_conflict"
    groups = ("all", "modality")
    default_severity = "high"
    Settings = ObligationSettings
    # Obligation words are rare, and "would be voluntary" and "a mandatory clause requiring"
    # rarely share a predicate, so every obligation-bearing claim of a story is compared.
    scope = "story"

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        reported: set[tuple[str, ...]] = set()
        bearing = [c for c in story_claims(story) if c.obligation]
        for pair in cross_document_pairs(story, bearing):
            a, b = pair.a, pair.b
            # One finding per pair of articles and pair of cue words: "must register" said
            # twice in one article against "optional" in another is one disagreement.
            key = (a.path, b.path, (a.obligation_cue or "").lower(), (b.obligation_cue or "").lower())
            if key in reported:
                continue
            findings = list(self.check_pair(pair))
            if findings:
                reported.add(key)
                yield from findings

    def check_pair(self, pair: ClaimPair) -> Iterable[Finding]:
        a, b = pair.a, pair.b
        if not a.obligation or not b.obligation or a.obligation == b.obligation:
            return
        if a.conditional or b.conditional or _personal(a) or _personal(b):
            return
        if not same_measure(a, b, min_shared=self.settings.min_shared_words):  # type: ignore[attr-defined]
            return
        cue_a, cue_b = a.obligation_cue or a.obligation, b.obligation_cue or b.obligation
        message = (
            f"One report calls the measure {a.obligation} (\"{cue_a}\", {a.path}), "
            f"another {b.obligation} (\"{cue_b}\", {b.path})"
        )
        yield make_finding(
            self,
            message,
            [
                evidence_for(a, pair.doc_a, span=_cue_span(a, cue_a), value=a.obligation),
                evidence_for(b, pair.doc_b, span=_cue_span(b, cue_b), value=b.obligation),
            ],
            [a, b],
            [a.obligation, b.obligation, a.event.event_class, b.event.event_class],
        )


# Subjects that make an obligation one person's conduct ("Why did you have to stand behind a
# door?", "He encouraged his followers to..."), not a measure that binds or invites many.
_PERSONAL_SUBJECTS = frozenset({"i", "you", "he", "she", "we"})


def _personal(claim: Claim) -> bool:
    subject = (claim.event.subject or "").lower()
    if subject in _PERSONAL_SUBJECTS:
        return True
    return any(e.label == "PERSON" and e.key == subject for e in claim.entities)


def _cue_span(claim, cue: str) -> tuple[int, int, str] | None:  # type: ignore[no-untyped-def]
    """Original offsets of the cue word inside the claim's sentence, when it can be found there."""
    index = claim.sentence.lower().find(cue.lower())
    if index < 0:
        return None
    start = claim.sentence_start + index
    return start, start + len(cue), cue
