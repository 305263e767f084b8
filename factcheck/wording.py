"""Values and sources as a reader writes them, for every message and report format.

Extraction keeps figures in common units (durations in days, money in a currency code,
counts by the lemma of what is counted) so that reports can be compared; people read
"3 hours", "30–45 days", "$250", "about 1,200 units", "at least 40 people". Everything a
finding shows a reader goes through here, so that no internal unit name reaches a report.
"""

from __future__ import annotations

import math
import re

from .models import Attribution, Quantity

__all__ = [
    "counted",
    "plural",
    "participle",
    "number",
    "show_quantity",
    "show_count",
    "show_quote",
    "show_date",
    "show_source",
    "setting_phrase",
    "with_article",
    "past_tense",
]

# Durations in days, largest first: the units an article writes and a reader expects.
_DURATION_UNITS: tuple[tuple[str, float], ...] = (
    ("decade", 3650.0),
    ("year", 365.0),
    ("month", 30.0),
    ("fortnight", 14.0),
    ("week", 7.0),
    ("day", 1.0),
    ("hour", 1 / 24),
    ("minute", 1 / 1440),
    ("second", 1 / 86400),
)
_WRITTEN_UNIT = re.compile(
    r"(?<![a-z])(decade|year|yr|month|fortnight|week|day|hour|hr|minute|min|second|sec)s?(?![a-z])", re.IGNORECASE
)
_UNIT_ALIASES = {"yr": "year", "hr": "hour", "min": "minute", "sec": "second"}
# Units whose figures are approximate by nature (a month counted as 30 days): "3 months" is
# not "about 3 months" unless the article says so.
_APPROXIMATE_UNITS = frozenset({"decade", "year", "month"})
_APPROXIMATION_WORDS = re.compile(
    r"\b(?:about|around|roughly|approximately|nearly|almost|some|estimated|close to|circa|ca\.|approx\.|"
    r"just over|just under|more or less|upwards? of|or so|odd)\b",
    re.IGNORECASE,
)

_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_LARGE_NUMBERS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Abbreviated measure units are written the same in the plural ("5 km", "12 ft").
_ABBREVIATED_UNITS = frozenset({"km", "m", "ft", "in", "kg", "lb", "mph", "km/h", "mm", "cm", "sq ft"})

# English plurals the suffix rules get wrong.
_IRREGULAR_PLURALS = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "policeman": "policemen",
    "gunman": "gunmen",
    "fireman": "firemen",
    "people": "people",
    "police": "police",
    "staff": "staff",
    "series": "series",
    "sheep": "sheep",
}
# Counted "nouns" that are participles of an event ("four injured", "two dead"): the
# extractor keeps their verb lemma; a reader reads the participle, which has no plural.
_PARTICIPLES = {
    "injure": "injured",
    "kill": "killed",
    "wound": "wounded",
    "shoot": "shot",
    "hurt": "hurt",
    "arrest": "arrested",
    "charge": "charged",
    "die": "dead",
    "dead": "dead",
    "injured": "injured",
    "wounded": "wounded",
    "killed": "killed",
}
# Heads that name a tally rather than what is tallied ("the number of units"): never shown as a noun.
_TALLY_WORDS = frozenset({"number", "count", "total", "tally", "figure", "toll", "amount"})

_IRREGULAR_PAST = {
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "deny": "denied",
    "testify": "testified",
    "maintain": "maintained",
    "concede": "conceded",
    "admit": "admitted",
    "signal": "signaled",
}
# Reporting verbs that only say who spoke: the source alone says as much.
_NEUTRAL_CUES = frozenset(
    {"say", "tell", "tell reporters", "tell journalists", "according to", "state", "add", "report", "note",
     "explain", "write", "announce", "citing", "per", "as reported by", "post", "tweet", "publish", "describe"}
)
_DETERMINERS = ("the", "a", "an")
_SETTING_PREPOSITIONS = ("in", "at", "during", "after", "before", "on", "following", "from", "via", "through")


def plural(noun: str) -> str:
    """The plural of an English noun ("man" → "men", "unit" → "units", "city" → "cities")."""
    if not noun:
        return noun
    head, _, last = noun.rpartition(" ")
    lower = last.lower()
    if lower in _IRREGULAR_PLURALS:
        word = _IRREGULAR_PLURALS[lower]
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        word = last + "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def participle(noun: str) -> str | None:
    """The participle a reader reads for a count kept under its verb lemma ("injure" → "injured")."""
    return _PARTICIPLES.get(noun.lower())


def counted(n: int | float, noun: str) -> str:
    """"1 claim", "2 claims", "1,450 units": a count with its noun in the right number."""
    return f"{number(n)} {noun if n == 1 else plural(noun)}"


def number(value: float) -> str:
    """A figure as printed in news: thousands separated, no ".0", at most two decimals."""
    if math.isinf(value):
        return "any number"
    rounded = round(value, 2)
    if float(rounded).is_integer():
        return f"{int(rounded):,}"
    return f"{rounded:,.2f}".rstrip("0").rstrip(".")


def _range(low: str, high: str) -> str:
    # An en dash joins the ends of a range (Chicago Manual of Style 6.78).
    return f"{low}–{high}"


def _bounded(quantity: Quantity, low: str, high: str, *, approximate: bool) -> str:
    if quantity.bound == "at_least":
        return f"at least {low}"
    if quantity.bound == "at_most":
        return f"up to {high}"
    body = low if low == high else _range(low, high)
    return f"about {body}" if approximate else body


def _duration_unit(quantity: Quantity) -> tuple[str, float]:
    """The unit the article wrote ("three-hour" → hour), else the largest that gives whole figures."""
    ends = [v for v in (quantity.low, quantity.high) if not math.isinf(v) and v > 0] or [1.0]
    sizes = dict(_DURATION_UNITS)
    written = {_UNIT_ALIASES.get(m.lower(), m.lower()) for m in _WRITTEN_UNIT.findall(quantity.text)}
    if len(written) == 1:
        name = written.pop()
        return name, sizes[name]
    # "two weeks to three months": one unit for both ends, the largest that keeps them whole.
    units = [(name, days) for name, days in _DURATION_UNITS if name not in ("decade", "fortnight", "second")]
    for name, days in units:
        if all(v >= days and abs(v / days - round(v / days)) < 0.01 for v in ends):
            return name, days
    # No unit gives whole figures: the largest the figures reach ("1.5 hours").
    return next(((name, days) for name, days in units if min(ends) >= days), ("minute", 1 / 1440))


def _show_duration(quantity: Quantity) -> str:
    unit, days = _duration_unit(quantity)
    low, high = quantity.low / days, quantity.high / days
    approximate = quantity.approximate and (
        unit not in _APPROXIMATE_UNITS or bool(_APPROXIMATION_WORDS.search(quantity.text))
    )
    figure = _bounded(quantity, number(low), number(high), approximate=approximate)
    last = high if quantity.bound != "at_least" else low
    return f"{figure} {unit if last == 1 else plural(unit)}"


def _money(value: float, currency: str) -> str:
    amount = number(value)
    for size, word in _LARGE_NUMBERS:
        if value >= size:
            amount = f"{number(value / size)} {word}"
            break
    sign = _CURRENCY_SIGNS.get(currency)
    return f"{sign}{amount}" if sign else f"{amount} {currency}"


def _noun_of(quantity: Quantity, noun: str | None) -> str:
    noun = noun if noun is not None else (quantity.subject or "")
    return "" if noun.lower() in _TALLY_WORDS else noun


def show_count(count: int | float, noun: str) -> str:
    """A count of something with its noun in the right number ("3 men", "1 man", "4 injured")."""
    if not noun:
        return number(count)
    if noun.lower() in _PARTICIPLES:
        return f"{number(count)} {_PARTICIPLES[noun.lower()]}"
    return counted(count, noun)


def show_quantity(quantity: Quantity, *, noun: str | None = None) -> str:
    """A quantity as a reader writes it: "3 hours", "30–45 days", "$250", "about 1,200 units",
    "at least 40 people", "up to 1 year", "12%", "$250 per day".

    Args:
        quantity: The extracted quantity (common units, see `Quantity`).
        noun: What a count counts, when the claim names it better than the quantity's own
            subject (the tallied noun of "the number of units").
    """
    if "/" in quantity.unit:
        # A rate ("USD/season"): the figure in its own unit, then what it is counted per.
        base, per = quantity.unit.split("/", 1)
        return f"{show_quantity(quantity.model_copy(update={'unit': base}), noun=noun)} per {per}"
    approximate = quantity.approximate
    if quantity.kind == "duration" and quantity.unit == "day":
        return _show_duration(quantity)
    if quantity.kind == "money":
        return _bounded(
            quantity, _money(quantity.low, quantity.unit), _money(quantity.high, quantity.unit), approximate=approximate
        )
    if quantity.kind == "percent":
        return _bounded(quantity, number(quantity.low), number(quantity.high), approximate=approximate) + "%"
    figure = _bounded(quantity, number(quantity.low), number(quantity.high), approximate=approximate)
    last = quantity.low if quantity.bound == "at_least" else quantity.high
    if quantity.kind == "measure":
        unit = quantity.unit
        shown = unit if unit in _ABBREVIATED_UNITS or last == 1 else plural(unit)
        return f"{figure} {shown}"
    what = _noun_of(quantity, noun)
    if not what:
        return figure
    if what.lower() in _PARTICIPLES:
        return f"{figure} {_PARTICIPLES[what.lower()]}"
    return f"{figure} {what if last == 1 else plural(what)}"


def show_date(value: str | None, text: str) -> str:
    """A date as ISO 8601 when the year is known ("2026-06-06"), else as the article wrote it
    ("June 6"): TimeML's "XXXX-06-06" is for machines."""
    if not value or "X" in value:
        return text
    return value


def show_quote(quote: str) -> str:
    """A quotation as a reader reads it: in quotation marks, without the comma that led into "she said"."""
    body = quote.strip().rstrip(",;:—–- ").strip()
    body = body.strip("\"“”")
    return f"“{body}”"


def with_article(noun: str) -> str:
    """"an interview", "a briefing"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def setting_phrase(setting: str, sentence: str = "") -> str:
    """Where something was said, as the sentence says it ("after the session", "in an interview"),
    else with the indefinite article ("in a briefing")."""
    words = r"(?:\w[\w'-]*\s+){0,2}?"
    pattern = re.compile(
        rf"\b({'|'.join(_SETTING_PREPOSITIONS)})\s+((?:{'|'.join(_DETERMINERS)}|his|her|their|its|a\s+\w+)\s+)?{words}{re.escape(setting)}s?\b",
        re.IGNORECASE,
    )
    found = pattern.search(sentence) if sentence else None
    if found:
        return found.group(0)
    return f"in {with_article(setting)}"


def past_tense(verb: str) -> str:
    """The simple past of a reporting verb lemma ("deny" → "denied", "confirm" → "confirmed")."""
    head, _, rest = verb.partition(" ")
    if head in _IRREGULAR_PAST:
        past = _IRREGULAR_PAST[head]
    elif head.endswith("e"):
        past = head + "d"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        past = head[:-1] + "ied"
    else:
        past = head + "ed"
    return f"{past} {rest}".strip()


def _speaker_as_written(speaker: str, sentence: str) -> str:
    """The speaker with the article the sentence gives it ("a summary circulated to lawmakers")."""
    at = sentence.find(speaker)
    before = sentence[:at].split() if at > 0 else []
    if before and before[-1].lower() in _DETERMINERS and not speaker.lower().startswith(_DETERMINERS):
        return f"{before[-1].lower()} {speaker}"
    return speaker


def show_source(attribution: Attribution, sentence: str = "") -> str:
    """Who a claim is from, as a phrase that reads after "per" or "according to":
    "the article", "Elena Marsh, in an interview", "one of the officials", "Nadia Kessler (denied)"."""
    if attribution.speaker_type == "article" or not attribution.speaker:
        return "the article"
    text = _speaker_as_written(attribution.speaker, sentence)
    cue = (attribution.cue or "").lower()
    if cue and cue not in _NEUTRAL_CUES and cue.split(" ")[0] not in _NEUTRAL_CUES:
        text += f" ({past_tense(cue)})"
    if attribution.setting:
        text += f", {setting_phrase(attribution.setting, sentence)}"
    return text
