"""Long articles in pieces: where the text is cut, how pieces are put together, and parse failures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine import _parsed, merge_pieces
from factcheck.ingest.document import article_piece
from factcheck.ingest.offsets import OffsetMapper
from factcheck.models import Article, DocumentClaims, Entity
from factcheck.nlp import text_pieces


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(["a", "b", " ", ".", "\n"]), max_size=400), limit=st.integers(1, 60))
def test_pieces_make_up_the_text_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = text_pieces(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("one two.\n\nthree four.\n\nfive", 16, ["one two.\n\n", "three four.\n\n", "five"]),
        ("aaaa bbbb cccc", 10, ["aaaa bbbb ", "cccc"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("short", 100, ["short"]),
    ],
)
def test_pieces_cut_at_the_best_break(text: str, limit: int, expected: list[str]) -> None:
    assert text_pieces(text, limit) == expected


def test_article_piece_maps_into_the_original_file() -> None:
    original = "# Title\n\n**Bold** start. Second *part* here.\n"
    text = "Bold start. Second part here.\n"
    offset_map = ((0, 11, 4), (4, 17, 15), (19, 33, 4), (23, 38, 7))
    article = Article(path="a.md", text=text, original=original, offset_map=offset_map)
    piece = article_piece(article, 12, len(text))
    assert piece.text == "Second part here.\n" and piece.original == original
    mapper = OffsetMapper(piece.offset_map)
    assert original[mapper(7) : mapper(11, end=True)] == "part"
    assert article_piece(article, 0, len(text)) is article


def test_merge_pieces_keeps_every_claim_and_each_entity_once() -> None:
    entity = Entity(text="Ruiz", label="PERSON", key="ruiz")
    first = DocumentClaims(path="a.txt", title="T", entities=(entity,))
    second = DocumentClaims(path="a.txt", title="T", entities=(entity, Entity(text="Oslo", label="GPE", key="oslo")))
    merged = merge_pieces([first, second])
    assert merged.path == "a.txt" and [e.key for e in merged.entities] == ["ruiz", "oslo"]


def test_parse_failure_loses_only_the_culprit() -> None:
    articles = [Article(path=f"{i}.txt", text=t, original=t) for i, t in enumerate(["ok one", "boom", "ok two"])]

    def parse(texts: list[str]) -> Iterator[Iterator[str]]:
        for text in texts:
            if "boom" in texts:  # a batch holding the culprit dies wherever the parser is in it
                raise ValueError("E088-like failure")
            yield iter([text])

    results = list(_parsed(articles, parse))  # type: ignore[arg-type]
    assert [list(r) if not isinstance(r, Exception) else "failed" for r in results] == [["ok one"], "failed", ["ok two"]]
