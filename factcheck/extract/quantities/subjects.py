"""What a quantity counts or measures, read from the parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .grammar import _Grammar
from .lexicon import Kind

def _lemma(token: Token) -> str:
    """The lemma of the whole hyphened word a token begins: the parser may take "co" of
    "co-workers" for the noun, and "workers" is what is counted."""
    doc, i = token.doc, token.i
    while i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-" and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha:
        i += 2
    return doc[i].lemma_.lower()


def _subject(doc: Doc, start: int, end: int, kind: Kind, g: _Grammar) -> str | None:
    """The lemma of what the quantity counts or measures, read from the dependency parse."""
    inside = set(range(start, end))
    anchors = [doc[i] for i in range(start, end) if doc[i].head.i not in inside or doc[i].head.i == i]
    anchor = anchors[-1] if anchors else doc[end - 1]
    head = anchor.head
    # "five people", "$12 million fine", "at least 40 dead", "a 90-day window".
    if (
        anchor.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod")
        and head.i >= end
        and head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
    ):
        return _lemma(head)
    # "a 60% greater color gamut", "a 39 percent larger area": a comparative measures the noun it modifies.
    if anchor.dep_ == "npadvmod" and head.tag_ in ("JJR", "RBR") and head.dep_ == "amod" and head.head.pos_ == "NOUN":
        return _lemma(head.head)
    # "3 dead", "4 injured": a participle or adjective right after the number.
    if end < len(doc) and kind == "count":
        nxt = doc[end]
        if nxt.pos_ == "ADJ" or nxt.tag_ == "VBN":
            return nxt.lemma_.lower()
    # "5 of the victims", "40 percent of voters".
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                return _lemma(objects[0])
    if kind == "duration":
        return "day"
    # A bare figure as a verb's argument: "the death toll rose to 12" (toll), "bail was set
    # at $50,000" (bail), "killed 5" (kill), "fined $12 million" (fine).
    node = anchor
    for _ in range(4):  # "rose from 12 to 14": climb pobj → prep → … to the verb
        if node.dep_ not in ("pobj", "prep", "agent") or node.head.pos_ in ("VERB", "AUX") or node.head is node:
            break
        # "a magnitude of 4.6", "a crowd of 300": the noun before "of" is what the figure measures.
        if node.dep_ == "prep" and node.lower_ == "of" and node.head.pos_ == "NOUN":
            return node.head.lemma_.lower()
        node = node.head
    verb = node.head
    if verb.pos_ in ("VERB", "AUX") and node.dep_ in (
        "pobj",
        "prep",
        "dobj",
        "attr",
        "nsubj",
        "nsubjpass",
        "npadvmod",
        "oprd",
    ):
        if verb.lemma_.lower() in g.level_verbs:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
            if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
                return subjects[0].lemma_.lower()
            if verb.lemma_.lower() == "be":
                return None
        # A bare number reached through a preposition counts nothing the verb does: "at 9:25
        # she detected five boats" is a time, not nine detections. "Roughly 40,000 fled" and
        # "fined $12 million" keep the verb.
        if kind == "count" and node.dep_ in ("pobj", "prep"):
            return None
        return verb.lemma_.lower()
    if kind == "percent":
        return "percent"
    return None
