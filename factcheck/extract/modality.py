"""Obligation, negation, conditionality, tense and hedges of a clause, from the lexicon and the parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from .lexicon import Lexicon

__all__ = ["ClauseModality", "clause_modality"]


@dataclass(frozen=True)
class ClauseModality:
    obligation: Literal["mandatory", "voluntary"] | None
    obligation_cue: str | None
    negated: bool
    conditional: bool
    hedges: tuple[str, ...]
    tense: Literal["past", "present", "future"]


def _phrase_hits(text: str, phrases: frozenset[str]) -> list[str]:
    padded = f" {text.lower()} "
    return [p for p in phrases if " " in p and f" {p} " in padded]


def _obligation(tokens: list[Token], text: str, lexicon: Lexicon) -> tuple[str | None, str | None]:
    sets = lexicon.sets
    # "not required", "no obligation": a negated mandatory word means voluntary.
    for phrase in _phrase_hits(text, sets["voluntary"]):
        return "voluntary", phrase
    for tok in tokens:
        lemma, lower = tok.lemma_.lower(), tok.lower_
        if lemma in sets["voluntary"] or lower in sets["voluntary"]:
            return "voluntary", tok.text
        if lemma in sets["mandatory"] or lower in sets["mandatory"]:
            negated = any(child.dep_ == "neg" for child in tok.head.children) or any(
                child.dep_ == "neg" for child in tok.children
            )
            return ("voluntary" if negated else "mandatory"), tok.text
    for phrase in _phrase_hits(text, sets["mandatory"]):
        return "mandatory", phrase
    return None, None


def _tense(predicate: Token, lexicon: Lexicon) -> Literal["past", "present", "future"]:
    auxiliaries = [c for c in predicate.children if c.dep_ in ("aux", "auxpass")]
    for aux in auxiliaries:
        if aux.lower_ in ("will", "would", "'ll", "shall") or aux.lemma_.lower() in ("will",):
            return "future"
        if aux.lower_ == "to" and predicate.head.i != predicate.i and predicate.head.lemma_.lower() in lexicon.sets["future"]:
            return "future"
    if predicate.lemma_.lower() in lexicon.sets["future"] and any(c.dep_ == "xcomp" for c in predicate.children):
        return "future"
    if predicate.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    return "present"


def clause_modality(clause: list[Token], predicate: Token, sentence: Span, lexicon: Lexicon) -> ClauseModality:
    """Modality of the clause headed by `predicate` (tokens of the clause, in order)."""
    sets = lexicon.sets
    text = " ".join(t.text for t in clause)
    obligation, cue = _obligation(clause, text, lexicon)
    negated = any(c.dep_ == "neg" for c in predicate.children)
    head = predicate.head
    # "X denied that Y": the content clause is asserted as false by the speaker.
    if predicate.dep_ == "ccomp" and head.lemma_.lower() in sets["denial"]:
        negated = not negated
    conditional = any(
        (c.dep_ == "aux" and c.lower_ in sets["conditional"] and c.lower_ not in ("would", "should"))
        or (c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children if m.dep_ == "mark"))
        for c in predicate.children
    )
    if predicate.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in predicate.children if m.dep_ == "mark"):
        conditional = True
    sentence_lower = f" {sentence.text.lower()} "
    hedges = tuple(
        sorted(
            {t.lower_ for t in sentence if t.lower_ in sets["hedges"]}
            | {h for h in sets["hedges"] if " " in h and f" {h} " in sentence_lower}
        )
    )
    return ClauseModality(
        obligation=obligation,
        obligation_cue=cue,
        negated=negated,
        conditional=conditional,
        hedges=hedges,
        tense=_tense(predicate, lexicon),
    )
