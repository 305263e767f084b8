"""Find time expressions and normalize them to TimeML values against the dateline.

Values follow TimeML's TIMEX3 `value` attribute (ISO 8601 with TimeML's
extensions): a day is ``2026-05-21``, an ISO week ``2026-W19``, a month
``2026-05``, a quarter ``2026-Q3``, a season ``2026-SU``, a year ``2026`` and a
decade ``199``. See Pustejovsky et al., "TimeML: Robust Specification of Event and
Temporal Expressions in Text" (2003), and the TIDES 2005 TIMEX2 guidelines.

Conventions, chosen to match the TempEval-3 (TimeBank/AQUAINT) gold annotation:

- A bare weekday ("Thursday", "on Tuesday", "Wednesday night") in a past or
  present-tense clause is the latest such day on or before the dateline, so on a
  Thursday dateline "Thursday" is the dateline itself. In a future clause ("will
  meet Thursday", "would arrive Thursday", "is scheduled to vote Thursday") it is the first such day on or
  after the dateline. "last Thursday" is strictly before the dateline, "next
  Thursday" strictly after it, "this Thursday" the one in the dateline's week.
- A month and day without a year ("May 21") take the year that puts them nearest
  the dateline, moved back a year when a past-tense clause would put them more than
  two months after it, and on a year when a future clause would put them before it
  (after HeidelTime, Strötgen & Gertz 2013). A bare month ("in March") works the
  same way by months, leaning to the past: from October, March is last March and
  February next February. Holidays ("Thanksgiving Day") are resolved like a month
  and day. "as early as Tuesday" always points forward.
- "last week" is the ISO week before the dateline's, "two weeks ago" the ISO week
  fourteen days before; "a year ago" is a year, "three days ago" a day.
- "the year", "the full year", "year-end" are the dateline's year, and "year-ago",
  "year-earlier" the year before it, as in TimeBank's financial news.
- Parts of a day and position words ("early", "late", "the end of") do not change
  the value: "late yesterday" is yesterday, "early next year" is next year.
- Without a dateline, an expression that needs one gets no value (``None``),
  anchor ``"none"`` and a note; a month and day without a year gets TimeML's
  partial value ``XXXX-05-21`` (anchor ``"none"``, with a note) so that it can still
  be compared by month and day. Nothing is guessed.
- Durations ("three months", "between 14 and 90 days") and times of day alone
  ("1:00 PM") are not time expressions here: they are left to the quantities
  extractor. "a week earlier" is anchored to another time of the story, not the
  dateline: it is reported with no value and a note.

The extractor is split along its stages: `lexicon` (the rule pack), `grammar` (patterns
compiled from it), `values` (one parser per kind of expression), `ranges` (the days a
value covers), `normalize` (one expression), `tense` (the clause's tense) and
`expressions` (every expression in a Doc).
"""

from __future__ import annotations

from .expressions import time_expressions
from .lexicon import Tense, TimeLexicon, load_time_lexicon
from .normalize import normalize_time
from .tense import clause_tense, dates_an_unplanned_event, premodified_noun, verb_tense
from .values import weekday_reading

__all__ = [
    "Tense",
    "TimeLexicon",
    "load_time_lexicon",
    "normalize_time",
    "time_expressions",
    "clause_tense",
    "dates_an_unplanned_event",
    "premodified_noun",
    "verb_tense",
    "weekday_reading",
]
