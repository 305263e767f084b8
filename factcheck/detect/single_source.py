"""Single-source details: a number, window, date or quote only one report gives."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from ..models import Claim, Finding
from .base import Detector, StoryClaims, evidence_for, make_finding, register
from .measures import is_window, measure_key, show_quantity

__all__ = ["SingleSource"]


class SingleSourceSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    details: list[str] = Field(default_factory=lambda: ["duration", "money", "date", "quote"])
    """Which details to report: duration, money, count, percent, date, quote."""
    max_per_document: int = 5
    """At most this many single-source findings per article (the most specific first)."""


def _details(claim: Claim, lexicon, wanted: set[str]) -> Iterator[tuple[str, tuple[str, ...], str, tuple[int, int, str]]]:  # type: ignore[no-untyped-def]
    """(detail kind, key, shown value, span) of each specific detail of a claim."""
    if claim.conditional:
        return
    for q in claim.quantities:
        if q.kind in wanted and (q.kind != "duration" or is_window(claim, q)):
            key = measure_key(claim, q, lexicon)
            if key is not None:
                yield q.kind, key, show_quantity(q), (q.start, q.end, q.text)
    t = claim.event_time
    if "date" in wanted and t is not None and t.value and t.granularity == "day":
        yield "date", ("date", claim.event.event_class), t.value, (t.start, t.end, t.text)
    quote = claim.attribution.quote
    if "quote" in wanted and claim.attribution.direct_quote and quote and len(quote.split()) >= 5:
        yield "quote", ("quote", claim.event.event_class), quote, (claim.start, claim.end, claim.text)


def _also_stated(detail: str, shown: str, values: set[str], text: str) -> bool:
    if detail == "quote":
        return fuzz.partial_ratio(shown.strip(" ,.").lower(), text.lower()) >= 90
    return shown in values


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
            path: {key[:2] for c in claims for _, key, _, _ in _details(c, self.lexicon, wanted | {"count", "percent"})}
            for path, claims in story.claims.items()
        }
        # A value another report states anywhere ("14 days" for "two weeks", the same quote in
        # another sentence) is not single-sourced, whatever event it is filed under.
        values_by_doc = {
            path: {shown for c in claims for _, _, shown, _ in _details(c, self.lexicon, wanted)}
            for path, claims in story.claims.items()
        }
        text_by_doc = {path: " ".join(c.sentence for c in claims) for path, claims in story.claims.items()}
        for path, claims in sorted(story.claims.items()):
            reported = 0
            seen: set[tuple[str, ...]] = set()
            for claim in claims:
                for detail, key, shown, span in _details(claim, self.lexicon, wanted):
                    if key in seen or reported >= settings.max_per_document:
                        continue
                    covering = [p for p, events in events_by_doc.items() if p != path and claim.event.event_class in events]
                    if not covering or any(key[:2] in keys_by_doc[p] for p in covering):
                        continue
                    if any(_also_stated(detail, shown, values_by_doc[p], text_by_doc[p]) for p in covering):
                        continue
                    seen.add(key)
                    reported += 1
                    others = ", ".join(sorted(covering))
                    message = (
                        f"Only {path} gives this {detail} ({shown}) for \"{claim.event.lemma}\"; "
                        f"{others} {'covers' if len(covering) == 1 else 'cover'} the event without it"
                    )
                    yield make_finding(
                        self,
                        message,
                        [evidence_for(claim, story.docs[path], span=span, value=shown)],
                        [claim],
                        ["|".join(key), shown],
                    )
