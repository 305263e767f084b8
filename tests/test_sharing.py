"""Shared parts: documents keep every value, and equal parts are held once."""

from __future__ import annotations

import datetime as dt

from factcheck.models import Attribution, Claim, DocumentClaims, Entity, EventRef
from factcheck.sharing import SharedParts

from factories import monday_time


_time = monday_time


def _claim(path: str, n: int) -> Claim:
    sentence = "The Port Calder council will vote on Monday, the mayor said."
    return Claim(
        id=f"{path}#{n}",
        path=path,
        text=sentence[: 30 + n],
        sentence=sentence,
        start=0,
        end=30 + n,
        line=3,
        column=1,
        sentence_start=0,
        sentence_end=len(sentence),
        event=EventRef(lemma="vote", event_class="vote", subject="council"),
        entities=(Entity(text="Port Calder", label="GPE", key="port calder"),),
        attribution=Attribution(speaker="the mayor", speaker_type="person", cue="said"),
        times=(_time(),),
        event_time=_time(),
    )


def _document(path: str) -> DocumentClaims:
    return DocumentClaims(path=path, published=dt.date(2024, 3, 1), claims=(_claim(path, 0), _claim(path, 1)))


def _from_json(doc: DocumentClaims) -> DocumentClaims:
    """A fresh copy with no object in common, as a cache or a worker hands documents back."""
    return DocumentClaims.model_validate_json(doc.model_dump_json())


def test_shared_documents_keep_every_value() -> None:
    original = [_document("a.txt"), _document("b.txt")]
    pool = SharedParts()
    shared = [pool.document(_from_json(d)) for d in original]
    assert shared == original
    assert [d.model_dump_json() for d in shared] == [d.model_dump_json() for d in original]
    assert [d.model_dump_json(exclude_unset=True) for d in shared] == [
        _from_json(d).model_dump_json(exclude_unset=True) for d in original
    ]


def test_equal_parts_are_held_once() -> None:
    pool = SharedParts()
    a, b = (pool.document(_from_json(_document(p))) for p in ("a.txt", "b.txt"))
    first, second, other = a.claims[0], a.claims[1], b.claims[0]
    assert first.event is second.event is other.event
    assert first.attribution is other.attribution
    assert first.entities[0] is other.entities[0]
    # The event time is also one of the claim's times.
    assert first.event_time is first.times[0] is other.event_time
    assert first.sentence is second.sentence is other.sentence
    assert first.path is second.path
    assert first.__pydantic_fields_set__ is other.__pydantic_fields_set__
    # Claims themselves are never merged, even when equal in everything but id.
    assert first is not second


def test_a_copy_with_an_update_leaves_the_shared_parts_alone() -> None:
    pool = SharedParts()
    a, b = (pool.document(_from_json(_document(p))) for p in ("a.txt", "b.txt"))
    moved = a.claims[0].model_copy(update={"path": "c.txt"})
    assert moved.path == "c.txt" and b.claims[0].path == "b.txt"
    assert b.claims[0].model_fields_set == a.claims[1].model_fields_set
    assert "path" in moved.model_fields_set
