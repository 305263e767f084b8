"""Numbers written in digits or words: "40,000", "forty-five", "1.5 million", "a dozen"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .grammar import _DIGITS, _Grammar, _grammar
from .lexicon import QuantityLexicon, load_quantity_lexicon

__all__ = ["parse_number"]

def _digits_value(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _combine(words: Sequence[str], g: _Grammar, *, money: bool = False) -> float | None:
    """The value of one number written as lower-case words and digits, or None.

    Handles "40,000", "1.5 million", "forty five", "two hundred and five", "a dozen",
    "half a million", "one and a half".
    """
    if not words:
        return None
    total = 0.0
    current: float | None = None
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        nxt = words[i + 1] if i + 1 < n else ""
        if w in ("a", "an") and i > 0 and words[i - 1] == "and" and nxt in g.fractions:
            pass  # "one and a half"
        elif w in ("a", "an"):
            # "a" is one only before a multiplier ("a dozen", "a million").
            if nxt not in g.multipliers or current is not None or total:
                return None
            current = 1.0
        elif w in g.fractions:
            if current is None and not total and nxt in ("a", "an") and i + 3 == n and words[i + 2] in g.multipliers:
                return g.fractions[w] * g.multipliers[words[i + 2]]  # "half a million"
            current = (current or 0.0) + g.fractions[w]
        elif w == "and":
            # "two hundred and five", "one and a half".
            if current is None and not total:
                return None
        elif w in g.numbers:
            current = (current or 0.0) + g.numbers[w]
        elif w in g.multipliers or (w in g.abbreviated and (money or w not in g.ambiguous)):
            factor = g.multipliers.get(w) or g.abbreviated[w]
            base = current
            if base is None:
                return None
            if factor < 1000:
                current = base * factor
            else:
                total += base * factor
                current = None
        else:
            value = _digits_value(w) if _DIGITS.match(w) and not _DIGITS.match(w).group("suffix") else None  # type: ignore[union-attr]
            if value is None or current is not None:
                return None
            current = value
        i += 1
    return total + (current or 0.0)


_SPLIT = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+|[^\W\d_]+|[$€£]")


def parse_number(text: str, *, lexicon: QuantityLexicon | None = None) -> float | None:
    """The value of a number written in digits or words, or None if `text` is not one.

    >>> parse_number("1.5 million"), parse_number("forty-five"), parse_number("a dozen")
    (1500000.0, 45.0, 12.0)
    """
    g = _grammar(lexicon or load_quantity_lexicon())
    words = [w.lower() for w in _SPLIT.findall(text.strip()) if w not in ("$", "€", "£")]
    leftover = _SPLIT.sub("", text).replace("-", "").replace("$", "").replace("€", "").replace("£", "").strip()
    if leftover:
        return None
    # A suffix glued to digits ("5bn", "50k") is a multiplier of its own.
    expanded: list[str] = []
    for w in words:
        m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)([a-z]+)", w)
        expanded.extend([m.group(1), m.group(2)] if m else [w])
    money = bool(re.search(r"[$€£]", text))
    return _combine(expanded, g, money=money)
