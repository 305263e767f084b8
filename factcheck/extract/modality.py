"""Obligation, negation, conditionality, tense and hedges of a clause, from the lexicon and the parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .parsed import text_of, token_table
from .time import TimeLexicon, verb_tense

__all__ = ["ClauseModality", "clause_modality"]


@dataclass(frozen=True)
class ClauseModality:
    obligation: Literal["mandatory", "voluntary"] | None
    obligation_cue: str | None
    obligation_scope: tuple[str, ...]
    negated: bool
    conditional: bool
    hedges: tuple[str, ...]
    tense: Literal["past", "present", "future"]


def _phrase_hits(text: str, phrases: frozenset[str]) -> list[str]:
    padded = f" {text.lower()} "
    return [p for p in phrases if " " in p and f" {p} " in padded]


_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB"})
_LIGHT_VERBS = frozenset({"be", "have", "do", "make", "take", "include", "contain", "require", "must", "say"})


def _content_lemmas(tokens: list[Token]) -> list[str]:
    return [
        t.lemma_.lower()
        for t in tokens
        if t.pos_ in _CONTENT_POS and not t.is_stop and t.lemma_.lower() not in _LIGHT_VERBS and len(t.text) > 1
    ]


def obligation_scope(cue: Token) -> tuple[str, ...]:
    """Lemmas of what an obligation word bears on.

    "participation in the testing is voluntary": the copula's subject; "a mandatory clause":
    the noun it modifies; "requires labs to share models": the required action and its
    objects; "hosts must register": the verb the modal governs.
    """
    if cue.pos_ == "ADJ" and cue.dep_ in ("acomp", "attr", "oprd"):
        subjects = [c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return tuple(_content_lemmas([t for s in subjects for t in s.subtree]))
    if cue.pos_ == "ADJ" and cue.dep_ == "amod":
        # "a mandatory clause requiring labs to share models": the noun and what it says.
        said = [t for c in cue.head.children if c.dep_ in ("acl", "relcl", "prep") for t in c.subtree]
        return tuple(_content_lemmas([cue.head, *said]))
    if cue.dep_ == "aux":
        head = cue.head
        return tuple(_content_lemmas([head, *[t for c in head.children if c.dep_ in ("dobj", "prep") for t in c.subtree]]))
    actions = [c for c in cue.children if c.dep_ in ("xcomp", "ccomp")]
    if actions:
        return tuple(_content_lemmas([t for a in actions for t in a.subtree]))
    objects = [c for c in cue.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    return tuple(_content_lemmas([t for o in objects for t in o.subtree]))


def _negated_word(tok: Token) -> bool:
    """'not required', 'No company is required': a negated mandatory word means voluntary."""
    scopes = [tok, tok.head] if tok.dep_ in ("acomp", "aux", "auxpass", "amod") else [tok]
    for scope in scopes:
        for child in scope.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "no" for d in child.children if d.dep_ == "det"):
                return True
    return False


def _opinion(tok: Token, opinion: frozenset[str]) -> bool:
    """An obligation word someone worries or hopes about, or names as an act: "he worries that
    forcing landlords to replace fixtures would push rents up" says nothing binding."""
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass", "pcomp", "pobj", "nsubj"):
        return True
    return any(a.lemma_.lower() in opinion and a.pos_ == "VERB" for a in tok.ancestors)


def _exhortation(tokens: list[Token], lexicon: Lexicon) -> bool:
    """Whether the clause's subject is the speaker or the listener ("we have to ensure")."""
    subjects = {w.lower() for w in lexicon.modality.exhortation_subjects}
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in subjects and t.head.dep_ in ("ROOT", "ccomp", "conj") for t in tokens)


# Cues that oblige only as verbs ("forced to close"), not as nouns ("the police force").
_OBLIGING_VERBS = frozenset({"force", "compel", "enforce", "obligate"})


def _obligation(tokens: list[Token], text: str, lexicon: Lexicon) -> tuple[str | None, str | None, tuple[str, ...]]:
    sets = lexicon.sets
    if _exhortation(tokens, lexicon):
        return None, None, ()
    for phrase in _phrase_hits(text, sets["voluntary"]):
        return "voluntary", phrase, tuple(_content_lemmas(tokens))
    for tok in tokens:
        table = token_table(tok.doc)  # kept on the document: a lookup, not a rebuild
        lemma, lower = table.lemma[tok.i], table.lower[tok.i]
        voluntary = lemma in sets["voluntary"] or lower in sets["voluntary"]
        mandatory = lemma in sets["mandatory"] or lower in sets["mandatory"]
        # The cue first: reading the tree above every word for an opinion is the slow part.
        if not (voluntary or mandatory) or _opinion(tok, sets["opinion"]):
            continue
        if voluntary:
            return "voluntary", tok.text, obligation_scope(tok)
        if lemma in _OBLIGING_VERBS and tok.pos_ not in ("VERB", "AUX"):
            continue  # "the police force", "a task force" oblige nobody
        return ("voluntary" if _negated_word(tok) else "mandatory"), tok.text, obligation_scope(tok)
    for phrase in _phrase_hits(text, sets["mandatory"]):
        return "mandatory", phrase, tuple(_content_lemmas(tokens))
    return None, None, ()


def _past_possibility(modal: Token, predicate: Token) -> bool:
    """ "A child may have accidentally killed a girl Sunday": "may have" doubts who or how, not
    that it happened, so the clause is hedged, not conditional ("could have", "would have" and
    often "might have" say what did not happen: "four people might have died")."""
    return (
        modal.lower_ == "may"
        and predicate.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ == "have" for c in predicate.children)
    )


def _if_clause(clause: Token) -> bool:
    return any(m.lower_ in ("if", "unless") for m in clause.children if m.dep_ == "mark")


def clause_modality(
    clause: list[Token], predicate: Token, sentence: Span, lexicon: Lexicon, *, time_lexicon: TimeLexicon | None = None
) -> ClauseModality:
    """Modality of the clause headed by `predicate` (tokens of the clause, in order).

    The tense comes from `verb_tense`, the one the time extractor uses, with the words of
    `time_lexicon` (the built-in `rules/time.toml` when not given).
    """
    sets = lexicon.sets
    text = " ".join(t.text for t in clause)
    obligation, cue, scope = _obligation(clause, text, lexicon)
    negated = any(c.dep_ == "neg" for c in predicate.children)
    head = predicate.head
    # "X denied that Y": the content clause is asserted as false by the speaker.
    if predicate.dep_ == "ccomp" and head.lemma_.lower() in sets["denial"]:
        negated = not negated
    approval = {w.lower() for w in lexicon.modality.approval}
    conditional = any(
        (c.dep_ == "aux" and c.lower_ in sets["conditional"] and c.lower_ not in ("would", "should") and not _past_possibility(c, predicate))
        or (c.dep_ == "advcl" and _if_clause(c) and c.lemma_.lower() not in approval)
        for c in predicate.children
    )
    if predicate.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in predicate.children if m.dep_ == "mark"):
        conditional = True
    sentence_lower = f" {text_of(sentence).lower()} "
    hedges = tuple(
        sorted(
            {lower for lower in token_table(sentence.doc).lower[sentence.start : sentence.end] if lower in sets["hedges"]}
            | {h for h in sets["hedges"] if " " in h and f" {h} " in sentence_lower}
        )
    )
    return ClauseModality(
        obligation=obligation,
        obligation_cue=cue,
        obligation_scope=scope,
        negated=negated,
        conditional=conditional,
        hedges=hedges,
        tense=verb_tense(predicate, time_lexicon),
    )
