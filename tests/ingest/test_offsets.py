"""Composing offset maps across cleaning passes."""

from __future__ import annotations

from factcheck.ingest.offsets import LineIndex, Rebuilder, TextBuilder, identity_map, to_original


def test_offsets_rebuilder_composes_maps() -> None:
    original = "<p>The &amp; mayor</p> spoke"
    first = TextBuilder()
    first.keep("The ", 3)
    first.insert("&", 7)
    first.keep(" mayor", 12)
    first.keep(" spoke", 22)
    text, offset_map = first.build()
    assert text == "The & mayor spoke"
    second = Rebuilder(text, offset_map)
    second.keep(4, 11)  # "& mayor"
    second.keep(11, 17)  # " spoke"
    cleaned, cleaned_map = second.build()
    assert cleaned == "& mayor spoke"
    assert original[to_original(cleaned_map, 0) :].startswith("&amp;")
    assert original[to_original(cleaned_map, cleaned.index("mayor")) :].startswith("mayor")
    assert original[to_original(cleaned_map, cleaned.index("spoke")) :].startswith("spoke")


def test_offsets_rebuilder_on_identity() -> None:
    original = "ab\ncd\nef"
    rebuilder = Rebuilder(original, identity_map(original))
    rebuilder.keep(3, 5)
    rebuilder.insert(" ", 5)
    rebuilder.keep(6, 8)
    cleaned, cleaned_map = rebuilder.build()
    assert cleaned == "cd ef"
    assert to_original(cleaned_map, 3) == 6


def test_offsets_line_index_offset_round_trip() -> None:
    index = LineIndex("ab\ncd\nef")
    assert index.offset(2, 1) == 4
    assert index.line_column(4) == (2, 2)
