"""Entity keys: one name written in two ways matches across reports."""

from __future__ import annotations

import pytest

from factcheck.extract.entities import entity_key, full_key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Hyphens, spaced or not, and initials, spaced or not, vary between newsrooms.
        ("Champs-Elysees", "Champs Elysees"),
        ("Mahmoud al - Goweiny", "Mahmoud al-Goweiny"),
        ("U. S. Geological Survey", "U.S. Geological Survey"),
        # Titles, possessives and generational suffixes are not part of the name.
        ("Sen. Ann Ortiz's", "Ann Ortiz"),
        ("Carl Dabadie Jr.", "Carl Dabadie"),
    ],
)
def test_one_name_written_two_ways_has_one_key(first: str, second: str) -> None:
    assert full_key(first) == full_key(second)


def test_names_that_differ_keep_different_keys() -> None:
    assert full_key("Champs-Elysees") != full_key("Elysees")
    assert full_key("U.S. Geological Survey") != full_key("U.K. Geological Survey")


def test_a_person_is_matched_by_surname_a_hyphenated_one_whole() -> None:
    assert entity_key("Officer Jean-Paul Reyes", "PERSON") == "reyes"
    assert entity_key("Maria Smith-Jones", "PERSON") == entity_key("Smith - Jones", "PERSON") == "smith jones"
    assert entity_key("Avenue Montaigne", "FAC") == "avenue montaigne"
