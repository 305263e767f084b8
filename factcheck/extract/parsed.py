"""What spaCy rebuilds on each access to a parsed document, built once per document.

`Doc.text` joins every token, and `Doc.ents` / `Span.ents` make a new span for every
entity of the document, each time they are read. Extraction reads them once per
sentence or claim, which cost about a sixth of its own time. A parsed document does not
change while its claims are read, so the text and the entities' bounds are kept in
`Doc.user_data` the first time they are read.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_TEXT = "factcheck.text"
# (start, end, label) of each entity, not its span: a span holds its document, and a document
# holding its own spans would outlive its last use until the cycle collector ran.
_ENTITIES = "factcheck.entities"
_ENTITY_STARTS = "factcheck.entity_starts"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


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
