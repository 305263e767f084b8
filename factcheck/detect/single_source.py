"""Single-source details: a number, window, date or quote only one report gives."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from ..models import Claim, Finding
from .base import Detector, StoryClaims, evidence_for, make_finding, register
from ..wording import show_date, show_quote
from .similarity import normalize_text
from .measures import is_window, measure_key, quantity_key, shown_quantity

__all__ = ["SingleSource"]


class SingleSourceSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    details: list[str] = Field(default_factory=lambda: ["duration", "money", "date", "quote"])
    """Which details to report: duration, money, count, percent, date, quote."""
    max_per_document: int = 5
    """At most this many single-source findings per article (the most specific first)."""


class _Detail(NamedTuple):
    kind: str
    key: tuple[str, ...]
    value: str
    """The detail in a form two reports can share ("14..90 day", a date, a quote's words)."""
    shown: str
    """The detail as a reader writes it ("14–90 days")."""
    span: tuple[int, int, str]


def _details(claim: Claim, lexicon, wanted: set[str]) -> Iterator[_Detail]:  # type: ignore[no-untyped-def]
    """Each specific detail of a claim."""
    if claim.conditional:
        return
    for q in claim.quantities:
        if q.kind in wanted and (q.kind != "duration" or is_window(claim, q)):
            key = measure_key(claim, q, lexicon)
            if key is not None:
                yield _Detail(q.kind, key, quantity_key(q), shown_quantity(claim, q), (q.start, q.end, q.text))
    t = claim.event_time
    if "date" in wanted and t is not None and t.value and t.granularity == "day":
        yield _Detail("date", ("date", claim.event.event_class), t.value, show_date(t.value, t.text), (t.start, t.end, t.text))
    quote = claim.attribution.quote
    if "quote" in wanted and claim.attribution.direct_quote and quote and len(quote.split()) >= 5:
        yield _Detail("quote", ("quote", claim.event.event_class), quote, show_quote(quote), _quote_span(claim, quote))


def _quote_span(claim: Claim, quote: str) -> tuple[int, int, str]:
    """The quoted words inside the claim's sentence (without the marks), else the claim itself."""
    words = quote.rstrip(" ,;:")
    index = claim.sentence.find(words)
    if index < 0:
        return claim.start, claim.end, claim.text
    start = claim.sentence_start + index
    return start, start + len(words), words


def _also_stated(detail: _Detail, values: set[str], text: str, quotes: list[str]) -> bool:
    if detail.kind == "quote":
        words = normalize_text(detail.value)
        # The same words in another report, wherever its sentences were cut and whoever it
        # gives them to (AT01 reports a quote given to two speakers; it is not single-sourced).
        return fuzz.partial_ratio(detail.value.strip(" ,.").lower(), text.lower()) >= 90 or any(
            fuzz.ratio(words, normalize_text(q)) >= _SAME_QUOTE for q in quotes
        )
    return detail.value in values


# rapidfuzz ratio above which two quotes are the same words (AT01's default threshold).
_SAME_QUOTE = 85.0


@register
class SingleSource(Detector):
    """Only one report gives this detail, while others cover the same event.

    Fires:
        A: "Labs would share models between 14 and 90 days before launch."
        B: "The order requires labs to share models before launch."
        Only A gives a window.

    Does not fire:
        A: "Labs would share models between 14 and 90 days before launch."
        B: "Labs would share models two weeks to three months before launch."
    """

    code = "SS01"
    name = "single_source.detail"
    kind = "single_source"
    groups = ("all", "corroboration")
    default_severity = "low"
    scope = "story"
    Settings = SingleSourceSettings

    def check_story(self, story: StoryClaims) -> Iterable[Finding]:
        if len(story.claims) < 2:
            return
        settings: SingleSourceSettings = self.settings  # type: ignore[assignment]
        wanted = set(settings.details)
        events_by_doc = {path: {c.event.event_class for c in claims} for path, claims in story.claims.items()}
        keys_by_doc = {
            path: {d.key[:2] for c in claims for d in _details(c, self.lexicon, wanted | {"count", "percent"})}
            for path, claims in story.claims.items()
        }
        # A value another report states anywhere ("14 days" for "two weeks", the same quote in
        # another sentence) is not single-sourced, whatever event it is filed under.
        values_by_doc = {
            path: {d.value for c in claims for d in _details(c, self.lexicon, wanted)}
            for path, claims in story.claims.items()
        }
        text_by_doc = {path: " ".join(c.sentence for c in claims) for path, claims in story.claims.items()}
        quotes_by_doc = {
            path: [c.attribution.quote for c in claims if c.attribution.quote] for path, claims in story.claims.items()
        }
        for path, claims in sorted(story.claims.items()):
            reported = 0
            seen: set[tuple[str, ...]] = set()
            others_of = [p for p in story.claims if p != path]
            for claim in claims:
                for detail in _details(claim, self.lexicon, wanted):
                    if detail.key in seen or reported >= settings.max_per_document:
                        continue
                    covering = [p for p in others_of if claim.event.event_class in events_by_doc[p]]
                    if not covering or any(detail.key[:2] in keys_by_doc[p] for p in covering):
                        continue
                    if any(_also_stated(detail, values_by_doc[p], text_by_doc[p], quotes_by_doc[p]) for p in others_of):
                        continue
                    seen.add(detail.key)
                    reported += 1
                    others = ", ".join(sorted(covering))
                    message = (
                        f"Only {path} gives this {detail.kind}: {detail.shown}; "
                        f"{others} {'covers' if len(covering) == 1 else 'cover'} the event without it"
                    )
                    yield make_finding(
                        self,
                        message,
                        [evidence_for(claim, story.docs[path], span=detail.span, value=detail.shown)],
                        [claim],
                        ["|".join(detail.key), detail.value],
                    )
