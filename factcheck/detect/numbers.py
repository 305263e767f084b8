"""Quantity conflicts: numbers for the same thing that disagree in common units."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from ..models import Claim, Finding, Quantity, Severity
from .base import ClaimPair, Detector, evidence_for, make_finding, register
from .measures import measure_key, quantity_relation, show_quantity

__all__ = ["QuantityConflict"]


class QuantitySettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    tolerance: float = 0.1
    """Relative tolerance for approximate figures ("roughly 40,000" agrees with 41,000)."""
    rising: list[str] = Field(
        default_factory=lambda: ["kill", "injure", "death", "toll", "victim", "casualty", "case", "arrest", "shoot"]
    )
    """Measures that grow as a story unfolds: a later, higher figure is an update."""
    update_severity: Severity = "low"


def _usable(claim: Claim) -> bool:
    return not claim.conditional


@register
class QuantityConflict(Detector):
    """Reports give figures for the same thing that do not agree in common units.

    Fires:
        A: "Labs would share models between 14 and 90 days before launch."
        B: "Labs would share models 30 to 60 days before launch."
        Two explicit windows with different ends disagree, even where they overlap.

    Does not fire:
        A: "Labs would share models between 14 and 90 days before launch."
        B: "Labs would share models two weeks to three months before launch."
        Both are 14..90 days. A single figure inside a range ("45 days" against "between
        14 and 90 days"), or inside a bound ("up to 90 days"), does not fire either.
    """

    code = "QT01"
    name = "quantities.conflict"
    kind = "quantity_conflict"
    groups = ("all", "quantities")
    default_severity = "high"
    Settings = QuantitySettings

    def check_pair(self, pair: ClaimPair) -> Iterable[Finding]:
        a, b = pair.a, pair.b
        if not (_usable(a) and _usable(b)) or (a.tense == "future") != (b.tense == "future"):
            return
        settings: QuantitySettings = self.settings  # type: ignore[assignment]
        for qa in a.quantities:
            key = measure_key(a, qa, self.lexicon)
            if key is None:
                continue
            for qb in b.quantities:
                if measure_key(b, qb, self.lexicon) != key:
                    continue
                if quantity_relation(qa, qb, tolerance=settings.tolerance) != "disjoint":
                    continue
                yield self._finding(pair, qa, qb, key)

    def _finding(self, pair: ClaimPair, qa: Quantity, qb: Quantity, key: tuple[str, ...]) -> Finding:
        settings: QuantitySettings = self.settings  # type: ignore[assignment]
        a, b = pair.a, pair.b
        message = (
            f"Reports disagree on {' '.join(k for k in key[1:] if k)}: {show_quantity(qa)} in {a.path}, "
            f"{show_quantity(qb)} in {b.path}"
        )
        severity = None
        update = _update_direction(pair, qa, qb, key, settings.rising)
        if update:
            message += f"; {update}"
            severity = settings.update_severity
        return make_finding(
            self,
            message,
            [
                evidence_for(a, pair.doc_a, span=(qa.start, qa.end, qa.text), value=show_quantity(qa)),
                evidence_for(b, pair.doc_b, span=(qb.start, qb.end, qb.text), value=show_quantity(qb)),
            ],
            [a, b],
            ["|".join(key), show_quantity(qa), show_quantity(qb)],
            severity=severity,
        )


def _update_direction(pair: ClaimPair, qa: Quantity, qb: Quantity, key: tuple[str, ...], rising: list[str]) -> str | None:
    """Say so when the later report raises a figure that grows as a story unfolds (a death toll)."""
    if not any(part in rising for part in key):
        return None
    da, db = pair.doc_a.published, pair.doc_b.published
    if da is None or db is None or da == db:
        return None
    (early, early_doc), (late, late_doc) = sorted(((qa, da), (qb, db)), key=lambda item: item[1])
    if late.low > early.high:
        return (
            f"the later report ({late_doc.isoformat()}) raises it from {show_quantity(early)} to "
            f"{show_quantity(late)}: likely an update as the story unfolded"
        )
    return None
