"""Find numbers, counts, money, durations and windows, in common units.

A quantity is a number read from digits or words ("40,000", "forty-five", "1.5 million",
"a dozen"), with what the text says around it: a unit or currency ("90 days", "$12
million", "40%"), a second end ("between 14 and 90 days"), approximation words
("roughly") and bound words ("at least", "up to"). Durations are converted to days (a
month is 30 days and a year 365, both marked approximate), money stays in its currency.

Numbers that name, date or rank rather than count are skipped: years, days of the
month, times of day, ages, phone numbers, addresses, codes and identifiers, ordinals,
and "one" used as a pronoun. The decision reads the spaCy parse (POS, dependencies,
entity labels) and a few character patterns; the words are data in
`rules/quantities.toml`.

Open-ended figures ("more than 100") get `high = UNBOUNDED` (the largest finite float,
which JSON can carry, unlike infinity); "fewer than 10" gets `low = 0`.

The extractor is split along its stages: `lexicon` (the rule pack), `grammar` (tables
compiled from it), `numbers` (number words and digits), `reading` (a number and its
modifiers off the tokens), `filters` (numbers that are not quantities), `subjects` (what
is counted) and `extractor`. Comparing two quantities is a detector's job, next to date
comparison: `factcheck.detect.quantity_compare`.
"""

from __future__ import annotations

from .extractor import quantities
from .lexicon import UNBOUNDED, QuantityLexicon, UnitSpec, load_quantity_lexicon
from .numbers import parse_number

__all__ = [
    "UNBOUNDED",
    "UnitSpec",
    "QuantityLexicon",
    "load_quantity_lexicon",
    "parse_number",
    "quantities",
]
