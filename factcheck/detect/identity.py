"""Who and where two statements name: reports of one event name the same places and people.

One incident is reported at one place, to the same victims; a folder of news often holds
another shooting of the same weekend beside it ("in the Fernwood neighborhood" against "in the
Brighton Park neighborhood"), or another story on the same page ("Scalia was found dead
Saturday" beside "Barbara Hawthorne was among six people killed on Feb. 20"). Two statements
whose places, or whose people, never appear in the other's report are more likely two events
than one event told two ways, so the slot rules report them low.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..extract.entities import entity_key
from ..models import Claim

__all__ = ["other_people", "other_places"]

# Labels of places the tagger gives; a town, a neighbourhood, a street or a building.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words every other place name has: sharing one says nothing.
_GENERIC = frozenset({"the", "of", "street", "st", "avenue", "ave", "road", "rd", "county", "block", "city"})


def other_places(a: Claim, b: Claim, report_a: Sequence[Claim], report_b: Sequence[Claim]) -> tuple[str, str] | None:
    """The places of `a` and of `b` (as written) when both sentences name places and neither
    report names any place of the other's sentence, nor do the places share a word ("28th
    Avenue" and "East 28th Street" are one street told two ways); else None.

    The whole other report counts, not just its sentence: "in Chicago" and "in Brighton Park"
    are one place when the Brighton Park report has a "CHICAGO —" dateline."""
    named_a = {e.key: e.text for e in a.entities if e.label in _PLACE_LABELS}
    named_b = {e.key: e.text for e in b.entities if e.label in _PLACE_LABELS}
    # "Richmond police say a teen was shot in the East End" / "shot in South Richmond": the
    # city lies within the other's neighbourhood name; the neighbourhoods are what differ.
    both = {**named_a, **named_b}
    places_a, places_b = _most_specific(named_a, both), _most_specific(named_b, both)
    if not _unshared(places_a, places_b, report_a, report_b):
        return None
    words_a = {w for key in places_a for w in key.split()} - _GENERIC
    words_b = {w for key in places_b for w in key.split()} - _GENERIC
    if words_a & words_b:
        return None
    return ", ".join(sorted(places_a.values())), ", ".join(sorted(places_b.values()))


def _most_specific(places: dict[str, str], other: dict[str, str]) -> dict[str, str]:
    """The places without those whose words all lie within a longer place name of either
    sentence ("Richmond" beside "South Richmond")."""
    longer = [frozenset(key.split()) for key in other]
    return {key: text for key, text in places.items() if not any(frozenset(key.split()) < words for words in longer)}


def other_people(a: Claim, b: Claim, report_a: Sequence[Claim], report_b: Sequence[Claim]) -> tuple[str, str] | None:
    """The people `a` and `b` name (as written) when both sentences name someone besides their
    speaker and neither report names anyone of the other's sentence; else None. Speakers are
    left out: two newsrooms quote different officials about one event."""
    people_a = _people(a)
    people_b = _people(b)
    if not _unshared(people_a, people_b, report_a, report_b):
        return None
    return ", ".join(sorted(people_a.values())), ", ".join(sorted(people_b.values()))


def _people(claim: Claim) -> dict[str, str]:
    speaker = entity_key(claim.attribution.speaker, "PERSON") if claim.attribution.speaker else None
    return {e.key: e.text for e in claim.entities if e.label == "PERSON" and e.key != speaker}


def _unshared(named_a: dict[str, str], named_b: dict[str, str], report_a: Sequence[Claim], report_b: Sequence[Claim]) -> bool:
    """Whether both sentences name something and neither report names anything of the other's."""
    if not named_a or not named_b:
        return False
    in_report_a = {e.key for claim in report_a for e in claim.entities}
    in_report_b = {e.key for claim in report_b for e in claim.entities}
    return not (set(named_a) & in_report_b or set(named_b) & in_report_a)
