"""Polarity conflicts: one report asserts what another denies."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz

from ..models import Claim, Finding
from .base import ClaimPair, Detector, evidence_for, make_finding, register
from .similarity import normalize_text

__all__ = ["PolarityConflict"]

_NEGATION_WORDS = re.compile(r"\b(?:not|never|no|n't|did|does|do|has|have|had)\b")


def _affirmative(claim: Claim) -> str:
    return " ".join(_NEGATION_WORDS.sub(" ", normalize_text(claim.text).replace(" n t ", " ")).split())


# A negation elsewhere in the asserting claim ("serious, but not life-threatening") leaves
# its polarity to the parse, which is too often wrong to set one report against another.
_NEGATION_ANYWHERE = re.compile(r"\b(?:not|never|no|none|nobody|without)\b|n't")


_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "this", "that", "who", "which"})


def _different_subjects(a: Claim, b: Claim) -> bool:
    """ "Both officers have been released" and "the names have not been released": two common
    nouns as subjects speak of two things. A name ("Acme" / "the company") may be the same one."""
    sa, sb = a.event.subject, b.event.subject
    if not sa or not sb or sa == sb or {sa, sb} & _PRONOUNS:
        return False
    named = {w for c in (a, b) for e in c.entities for w in e.text.lower().split()}
    return sa not in named and sb not in named


class PolaritySettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    min_similarity: float = 75.0
    """rapidfuzz token-sort ratio of the two claims with negation words removed."""


@register
class PolarityConflict(Detector):
    """One report asserts what another denies.

    Fires:
        A: "The company recalled the heaters sold in Ohio."
        B: "The company did not recall the heaters sold in Ohio."

    Does not fire:
        A: "The company recalled the heaters sold in Ohio."
        B: "The company could not recall the heaters sold in Ohio if regulators objected."
        B is conditional.
    """

    code = "PL01"
    name = "polarity.conflict"
    kind = "polarity_conflict"
    groups = ("all", "polarity")
    default_severity = "high"
    Settings = PolaritySettings

    def check_pair(self, pair: ClaimPair) -> Iterable[Finding]:
        a, b = pair.a, pair.b
        if a.negated == b.negated or a.conditional or b.conditional:
            return
        if a.event.event_class != b.event.event_class or a.tense != b.tense:
            return
        positive = b if a.negated else a
        if _NEGATION_ANYWHERE.search(positive.text.lower()) or _different_subjects(a, b):
            return
        if fuzz.token_sort_ratio(_affirmative(a), _affirmative(b)) < self.settings.min_similarity:  # type: ignore[attr-defined]
            return
        negative = a if a.negated else b
        message = f"{positive.path} says \"{positive.event.lemma}\" happened; {negative.path} says it did not"
        yield make_finding(
            self,
            message,
            [evidence_for(a, pair.doc_a, value="negated" if a.negated else "asserted"),
             evidence_for(b, pair.doc_b, value="negated" if b.negated else "asserted")],
            [a, b],
            [_affirmative(a), "negated" if a.negated else "asserted", "negated" if b.negated else "asserted"],
        )
