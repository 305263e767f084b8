"""`factcheck-disable` comments and front matter."""

from __future__ import annotations

import pytest

from factcheck.ingest.offsets import identity_map, to_original
from factcheck.ingest.suppressions import find_suppressions, front_matter_rules, parse_rules


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("DT01", ("DT01",)),
        (" dt01, date_conflict ", ("DT01", "date_conflict")),
        ("DT01,NM02;all", ("DT01", "NM02", "all")),
        ("", ("all",)),
        ("dates.window", ("dates.window",)),
    ],
)
def test_suppressions_parse_rules(value: str, expected: tuple[str, ...]) -> None:
    assert parse_rules(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["DT01", "date_conflict"], (("DT01", None), ("date_conflict", None))),
        ("DT01, NM01", (("DT01", None), ("NM01", None))),
        (True, (("all", None),)),
        (None, ()),
        (False, ()),
    ],
)
def test_suppressions_front_matter(value: object, expected: tuple[tuple[str, None], ...]) -> None:
    assert front_matter_rules(value) == expected


def test_suppressions_file_wide_and_next_line() -> None:
    original = (
        "<!-- factcheck-disable DT01,date_conflict -->\n"
        "The mayor spoke.\n"
        "<!-- factcheck-disable-next-line NM01 -->\n"
        "\n"
        "The council said 40 jobs would go.\n"
    )
    text, offset_map, found = find_suppressions(original, identity_map(original), original)
    assert found == (("DT01", None), ("date_conflict", None), ("NM01", 5))
    assert "factcheck" not in text
    start = text.index("40 jobs")
    assert original[to_original(offset_map, start) :].startswith("40 jobs")


def test_suppressions_disable_without_rules_means_all() -> None:
    original = "Text.<!-- factcheck-disable -->"
    _, _, found = find_suppressions(original, identity_map(original), original)
    assert found == (("all", None),)


def test_suppressions_next_line_at_end_is_ignored() -> None:
    original = "Text.\n<!-- factcheck-disable-next-line DT01 -->\n"
    _, _, found = find_suppressions(original, identity_map(original), original)
    assert found == ()


@pytest.mark.parametrize("text", ["<!-- an ordinary comment -->", "factcheck-disable DT01", "Plain text."])
def test_suppressions_none(text: str) -> None:
    cleaned, _, found = find_suppressions(text, identity_map(text), text)
    assert (cleaned, found) == (text, ())
