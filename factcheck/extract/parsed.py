"""What spaCy rebuilds on each access to a parsed document, built once per document.

`Doc.text` joins every token, and `Doc.ents` / `Span.ents` make a new span for every
entity of the document, each time they are read. Extraction reads them once per
sentence or claim, which cost about a sixth of its own time. A parsed document does not
change while its claims are read, so the first answer is kept in `Doc.user_data`.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_TEXT = "factcheck.text"
_ENTITIES = "factcheck.entities"
_ENTITY_STARTS = "factcheck.entity_starts"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once."""
    entities = doc.user_data.get(_ENTITIES)
    if entities is None:
        entities = doc.user_data[_ENTITIES] = tuple(doc.ents)
        doc.user_data[_ENTITY_STARTS] = [e.start for e in entities]
    return entities


def entities_in(span: Span) -> list[Span]:
    """`span.ents`: the document's entities that lie wholly inside `span`, in order.

    Entities do not overlap and come sorted, so those starting inside the span are a run
    of the list, and the first of them to end past the span ends the run.
    """
    entities = doc_entities(span.doc)
    starts: list[int] = span.doc.user_data[_ENTITY_STARTS]
    inside: list[Span] = []
    for ent in entities[bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break
        inside.append(ent)
    return inside
