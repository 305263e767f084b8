"""The document views built once per parse answer as spaCy's own properties do."""

from __future__ import annotations

from factcheck.extract.parsed import doc_entities, doc_text, entities_in, text_of, token_table

TEXT = (
    "HARWELL - Police Chief Tom Reyes said Tuesday that two men were shot on Dunmore Avenue.\n\n"
    "The Harwell Police Department asked anyone with information to call Detective Ana Lowe. "
    "\"We will find who did this,\" Reyes said at City Hall on Wednesday, March 4."
)


def test_the_text_and_entities_kept_are_spacys(nlp) -> None:
    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text
    assert [(e.start, e.end, e.label_) for e in doc_entities(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]


def test_the_entities_of_a_span_are_spacys_for_every_span(nlp) -> None:
    doc = nlp(TEXT)
    assert len(doc.ents) >= 5  # names, places and dates on both sides of sentence ends
    # Every sentence, and every stretch that cuts an entity in two at either end.
    spans = list(doc.sents) + [doc[i:j] for i in range(len(doc)) for j in range(i + 1, len(doc) + 1, 3)]
    for span in spans:
        assert [(e.start, e.end) for e in entities_in(span)] == [(e.start, e.end) for e in span.ents], span.text


def test_the_text_of_a_span_is_spacys_for_every_span(nlp) -> None:
    doc = nlp(TEXT)
    # Spans that end before a space, a line break or nothing, and the document itself.
    spans = list(doc.sents) + [doc[i:j] for i in range(len(doc)) for j in range(i, len(doc) + 1, 2)]
    for span in spans:
        assert text_of(span) == span.text, (span.start, span.end)
    assert text_of(doc) == doc.text


def test_the_token_table_answers_as_each_token_does(nlp) -> None:
    doc = nlp(TEXT)
    table = token_table(doc)
    assert table.lower == [t.lower_ for t in doc]
    assert table.lemma == [t.lemma_.lower() for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.word == [not t.is_punct and not t.is_space for t in doc]
    assert False in table.word and "\n\n" in [t.text for t in doc]  # punctuation and a blank line are in it
    assert token_table(doc) is table  # built once


def test_the_views_kept_do_not_keep_the_document_alive(nlp) -> None:
    # A document that held its own spans would live on after its last use, until the cycle
    # collector ran: a worker's memory would grow with the batch.
    import gc
    import weakref

    doc = nlp(TEXT)
    entities_in(doc[:]), doc_entities(doc), doc_text(doc), token_table(doc)
    alive = weakref.ref(doc)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del doc
        assert alive() is None
    finally:
        if enabled:
            gc.enable()
