"""The quantities extractor: every quantity a Doc states, with its unit, bounds and subject."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from ...models import Quantity
from ..parsed import token_table
from .filters import _blocked_tokens, _Candidate, _skip_reason
from .grammar import _HYPHENS, _Grammar, _grammar
from .lexicon import UNBOUNDED, Bound, Kind, QuantityLexicon, UnitSpec, load_quantity_lexicon
from .reading import _article_side, _match_after, _match_before, _read_side, _Side
from .subjects import _subject

__all__ = ["quantities"]

def _apply_unit(value: float, unit: UnitSpec | None) -> float:
    return value * unit.factor if unit is not None else value


def quantities(
    doc: Doc, *, extra_rule_dirs: Sequence[str | Path] = (), lexicon: QuantityLexicon | None = None
) -> list[Quantity]:
    """Every quantity in `doc`, with offsets into `doc.text`, sorted and non-overlapping.

    Args:
        doc: a parsed document (tagger, parser and NER are read).
        extra_rule_dirs: folders whose `quantities.toml` extends the built-in pack.
        lexicon: the run's quantities pack (`RulePacks.quantities`); beats `extra_rule_dirs`.

    Returns:
        Counts, money, durations, percentages and measures, in common units.
    """
    g = _grammar(lexicon or load_quantity_lexicon(extra_rule_dirs))
    blocked = _blocked_tokens(doc, g)
    found: list[Quantity] = []
    n = len(doc)
    i = 0
    age_end = -1
    floor = 0  # tokens before it belong to an earlier candidate
    lowers = token_table(doc).lower
    while i < n:
        side = (_read_side(doc, i, g) or _article_side(doc, i, g)) if g.may_open(lowers[i]) else None
        if side is None:
            i += 1
            continue
        # "ages 18, 19 and 20": a list goes on as it started.
        in_age_list = 0 < side.start - age_end <= 2 and all(
            doc[k].lower_ in (",", "and", "or") for k in range(age_end, side.start)
        )
        quantity, next_i, reason = _build(doc, side, g, blocked, in_age_list=in_age_list, floor=floor)
        floor = max(next_i, i + 1)
        if quantity is not None:
            found.append(quantity)
        if reason == "age" or (quantity is None and in_age_list):
            age_end = next_i
        i = max(next_i, i + 1)
    return found


def _range_partner(doc: Doc, side: _Side, g: _Grammar) -> tuple[_Side, str] | None:
    """The second end of a range after `side` ("14 to 90 days", "between 14 and 90 days")."""
    j = side.unit_end
    n = len(doc)
    if j + 1 >= n:
        return None
    conn = doc[j].lower_
    opener = doc[side.start - 1].lower_ if side.start > 0 else ""
    if conn == "and":
        if opener != "between":
            return None
    elif conn not in g.connectors:
        return None
    if conn in _HYPHENS and (doc[j - 1].whitespace_ and doc[j].whitespace_):
        return None  # "5 - 4" with spaces is a dash between clauses, not a range
    other = _read_side(doc, j + 1, g)
    if other is None:
        return None
    if opener == "from" and side.start > 0 and doc[side.start - 1].head.lemma_.lower() in g.change_verbs:
        return None  # "rose from 12 to 14": two figures, not a range
    return other, conn


def _rate_after(doc: Doc, end: int, g: _Grammar) -> str | None:
    """What the figure is counted per, when the words after it make it a rate: "per season",
    "a year", "each month", "annually"."""
    if end >= len(doc):
        return None
    word = doc[end].lower_
    if word in g.rate_adverbs:
        return g.rate_adverbs[word]
    if word not in g.rate_words or end + 1 >= len(doc):
        return None
    noun = doc[end + 1]
    if word == "per" and noun.pos_ in ("NOUN", "PROPN"):
        return noun.lemma_.lower()
    return noun.lemma_.lower() if noun.lemma_.lower() in g.rate_periods else None


def _build(
    doc: Doc, side: _Side, g: _Grammar, blocked: set[int], *, in_age_list: bool = False, floor: int = 0
) -> tuple[Quantity | None, int, str | None]:
    """The quantity starting with `side`, the token index to continue from, and why it was skipped."""
    sides = [side]
    conn = ""
    partner = _range_partner(doc, side, g)
    low = side.value
    high = side.value
    unit = side.unit
    currency = side.currency
    if partner is not None:
        other, conn = partner
        ok = True
        if side.unit is not None and other.unit is not None:
            ok = side.unit.kind == other.unit.kind and side.unit.unit == other.unit.unit
        elif side.unit is not None and other.unit is None:
            ok = False
        if side.currency and other.currency and side.currency != other.currency:
            ok = False
        a = side.value
        if side.multiplier is None and other.multiplier is not None and a < other.value / other.multiplier:
            a *= other.multiplier  # "10 to 12 million": the multiplier applies to both ends
        a_unit = side.unit or other.unit
        lo = _apply_unit(a, a_unit)
        hi = _apply_unit(other.value, other.unit)
        if ok and lo < hi:
            sides.append(other)
            low, high = lo, hi
            unit = other.unit
            currency = side.currency or other.currency
        elif conn in _HYPHENS and side.unit is None and other.unit is None and side.currency is None:
            # "won 3-2", "a 5-4 vote", "2014-15": a score or a season, not a quantity.
            return None, other.unit_end, "score"
    if len(sides) == 1:
        low = high = _apply_unit(side.value, unit)
    elif conn in _HYPHENS and sides[1].unit_end < len(doc) and doc[sides[1].unit_end].lower_ in g.score_words:
        return None, sides[1].unit_end, "score"  # "a 5-4 vote"
    first, last = sides[0], sides[-1]
    start, end = first.start, last.unit_end
    approximate = bool(unit and unit.approximate) or any(s.unit is not None and s.unit.approximate for s in sides)
    bound: Bound = "range" if len(sides) > 1 else "exact"
    modified = False
    if len(sides) > 1 and start > floor and doc[start - 1].lower_ in g.openers:
        start -= 1
    for _ in range(2):
        hit = _match_before(doc, start, g.before, g.phrase_span)
        if hit is None or hit[0] < floor:
            break
        start, (approx, bound_word) = hit
        modified = True
        approximate = approximate or approx
        if bound_word and bound == "exact":
            bound = bound_word
    hit = _match_after(doc, end, g.after, g.phrase_span)
    if hit is not None and len(sides) == 1:
        end, (approx, bound_word) = hit
        modified = True
        approximate = approximate or approx
        if bound_word and bound == "exact":
            bound = bound_word
    candidate = _Candidate(doc=doc, sides=tuple(sides), modified=modified, blocked=blocked)
    reason = _skip_reason(candidate, g)
    if reason is None and in_age_list and candidate.bare:
        reason = "age"  # "ages 18, 19 and 20": the list goes on
    if reason is not None:
        return None, last.unit_end, reason
    if bound == "at_least":
        high = UNBOUNDED
    elif bound == "at_most":
        low = 0.0
    kind: Kind
    if currency:
        kind, unit_name = "money", currency
    elif unit is not None:
        kind, unit_name = unit.kind, unit.unit
    else:
        kind, unit_name = "count", "count"
    rate = _rate_after(doc, end, g)
    if rate is not None:
        unit_name = f"{unit_name}/{rate}"  # "$23 million per season" is no total of $23 million
    span = doc[start:end]
    quantity = Quantity(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        kind=kind,
        unit=unit_name,
        low=low,
        high=high,
        approximate=approximate,
        bound=bound,
        subject=_subject(doc, first.start, last.unit_end, kind, g),
    )
    return quantity, end, None
