"""What spaCy rebuilds on each access to a parsed document, built once per document.

`Doc.text` joins every token, and `Doc.ents` / `Span.ents` make a new span for every
entity of the document, each time they are read. Extraction reads them once per
sentence or claim, which cost about a sixth of its own time. A parsed document does not
change while its claims are read, so the text and the entities' bounds are kept in
`Doc.user_data` the first time they are read.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from spacy.tokens import Doc, Span

_TEXT = "factcheck.text"
# (start, end, label) of each entity, not its span: a span holds its document, and a document
# holding its own spans would outlive its last use until the cycle collector ran.
_ENTITIES = "factcheck.entities"
_ENTITY_STARTS = "factcheck.entity_starts"
# Lists of strings and flags only, for the same reason.
_TABLE = "factcheck.tokens"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def text_of(span: Span | Doc) -> str:
    """`span.text`, sliced from the document's text joined once (a span joins its tokens anew on
    each read, and extraction reads a sentence's text once per clause)."""
    if isinstance(span, Doc):
        return doc_text(span)
    return doc_text(span.doc)[span.start_char : span.end_char]


class TokenTable(NamedTuple):
    """A few attributes of every token, by index: `lower_`, `lemma_` in lower case, `pos_`, and
    whether it is a word (neither punctuation nor space). Reading `doc[i]` or iterating a span
    makes a new Token object each time; a rule that scans every token for a few words
    (numbers, cues, event nouns) reads these lists and makes a Token only where it finds one."""

    lower: list[str]
    lemma: list[str]
    pos: list[str]
    word: list[bool]


def token_table(doc: Doc) -> TokenTable:
    """The document's `TokenTable`, built once."""
    table = doc.user_data.get(_TABLE)
    if table is None:
        tokens = list(doc)
        table = doc.user_data[_TABLE] = TokenTable(
            lower=[t.lower_ for t in tokens],
            lemma=[t.lemma_.lower() for t in tokens],
            pos=[t.pos_ for t in tokens],
            word=[not t.is_punct and not t.is_space for t in tokens],
        )
    return table


def _entity_bounds(doc: Doc) -> list[tuple[int, int, str]]:
    bounds = doc.user_data.get(_ENTITIES)
    if bounds is None:
        bounds = doc.user_data[_ENTITIES] = [(e.start, e.end, e.label_) for e in doc.ents]
        doc.user_data[_ENTITY_STARTS] = [start for start, _, _ in bounds]
    return bounds


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, read from the document once."""
    return tuple(Span(doc, start, end, label=label) for start, end, label in _entity_bounds(doc))


def entities_in(span: Span) -> list[Span]:
    """`span.ents`: the document's entities that lie wholly inside `span`, in order.

    Entities do not overlap and come sorted, so those starting inside the span are a run
    of the list, and the first of them to end past the span ends the run.
    """
    doc = span.doc
    bounds = _entity_bounds(doc)
    starts: list[int] = doc.user_data[_ENTITY_STARTS]
    inside: list[Span] = []
    for start, end, label in bounds[bisect_left(starts, span.start) :]:
        if end > span.end:
            break
        inside.append(Span(doc, start, end, label=label))
    return inside
