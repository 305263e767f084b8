"""Places two statements name: reports of one event name the same places, or places within each other.

One incident is reported at one place; a folder of news often holds another shooting of the
same weekend beside it ("in the Fernwood neighborhood" against "in the Brighton Park
neighborhood"). Two statements whose places never appear in the other's report are more
likely two events than one event told two ways, so the slot rules report them low.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Claim

__all__ = ["other_places"]

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
    places_a = {e.key: e.text for e in a.entities if e.label in _PLACE_LABELS}
    places_b = {e.key: e.text for e in b.entities if e.label in _PLACE_LABELS}
    if not places_a or not places_b:
        return None
    named_in_a = {e.key for claim in report_a for e in claim.entities}
    named_in_b = {e.key for claim in report_b for e in claim.entities}
    if set(places_a) & named_in_b or set(places_b) & named_in_a:
        return None
    words_a = {w for key in places_a for w in key.split()} - _GENERIC
    words_b = {w for key in places_b for w in key.split()} - _GENERIC
    if words_a & words_b:
        return None
    return ", ".join(sorted(places_a.values())), ", ".join(sorted(places_b.values()))
