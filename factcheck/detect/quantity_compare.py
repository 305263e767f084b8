"""Comparing two quantities as intervals, next to date comparison in `dates.time_relation`."""

from __future__ import annotations

import math
from typing import Literal

from ..extract.quantities.lexicon import UNBOUNDED
from ..models import Quantity

__all__ = ["Relation", "interval", "relation", "overlaps", "contains", "agree"]

Relation = Literal["equal", "within", "overlap", "disjoint", "unrelated"]


def interval(q: Quantity, *, tolerance: float = 0.1) -> tuple[float, float]:
    """The values `q` allows: open bounds to infinity, approximate figures widened by `tolerance`."""
    low, high = q.low, q.high
    if q.bound == "at_least" or high >= UNBOUNDED:
        high = math.inf
    if q.bound == "at_most":
        low = 0.0
    if q.approximate:
        low = low * (1 - tolerance)
        high = high * (1 + tolerance)
    return low, high


def _close(x: float, y: float, slack: float) -> bool:
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= slack * max(abs(x), abs(y)) + 1e-9


def relation(a: Quantity, b: Quantity, *, tolerance: float = 0.1) -> Relation:
    """How the values of two quantities relate, as intervals.

    "equal": the same values (within `tolerance` when either is approximate);
    "within": one interval holds the other (see `contains` for which);
    "overlap": they share values; "disjoint": they share none;
    "unrelated": different kinds or units, so not comparable.
    """
    if a.kind != b.kind or a.unit != b.unit:
        return "unrelated"
    slack = tolerance if (a.approximate or b.approximate) else 0.0
    a_low, a_high = a.low, (math.inf if a.bound == "at_least" else a.high)
    b_low, b_high = b.low, (math.inf if b.bound == "at_least" else b.high)
    if a.bound == b.bound and _close(a_low, b_low, slack) and _close(a_high, b_high, slack):
        return "equal"
    if contains(a, b, tolerance=tolerance) or contains(b, a, tolerance=tolerance):
        return "within"
    if overlaps(a, b, tolerance=tolerance):
        return "overlap"
    return "disjoint"


def overlaps(a: Quantity, b: Quantity, *, tolerance: float = 0.1) -> bool:
    """Whether `a` and `b` allow at least one common value."""
    (al, ah), (bl, bh) = interval(a, tolerance=tolerance), interval(b, tolerance=tolerance)
    return al <= bh and bl <= ah


def contains(a: Quantity, b: Quantity, *, tolerance: float = 0.1) -> bool:
    """Whether every value `b` states is allowed by `a` (`a` widened when approximate)."""
    al, ah = interval(a, tolerance=tolerance)
    bl, bh = b.low, (math.inf if b.bound == "at_least" else b.high)
    if b.bound == "at_most":
        bl = 0.0
    return al <= bl and bh <= ah


def _is_window(q: Quantity) -> bool:
    return q.bound == "range" and q.low != q.high


def agree(a: Quantity, b: Quantity, *, tolerance: float = 0.1) -> bool:
    """Whether two reports of one figure are consistent.

    Approximate figures are widened by `tolerance` (relative); open bounds ("at least 40",
    "up to 90 days") agree with any figure they allow. Two explicit ranges ("between 14
    and 90 days" against "30 to 60 days") each state the whole range, so they agree only
    when both ends match; a single figure agrees with a range that holds it.
    """
    rel = relation(a, b, tolerance=tolerance)
    if rel == "equal":
        return True
    if rel in ("disjoint", "unrelated"):
        return False
    if _is_window(a) and _is_window(b):
        return False
    if rel == "within":
        return True
    # Partial overlap: consistent only if one side is an open or approximate figure.
    return a.bound in ("at_least", "at_most") or b.bound in ("at_least", "at_most") or a.approximate or b.approximate
