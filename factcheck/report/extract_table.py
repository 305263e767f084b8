"""The `factcheck extract` table: per article, its metadata and one row per claim (rich)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..models import Claim, ExtractReport
from ..detect.measures import shown_quantity
from ..sanitize import sanitize_model, unwrap_commands
from ..wording import counted, show_source

__all__ = ["render_extract_table"]


def _modality(claim: Claim) -> str:
    parts = []
    if claim.obligation:
        parts.append(claim.obligation)
    if claim.negated:
        parts.append("negated")
    if claim.conditional:
        parts.append("conditional")
    elif claim.tense == "future":
        parts.append("future")
    if claim.hedged:
        parts.append("hedged")
    return ", ".join(parts)


def _who(claim: Claim) -> str:
    a = claim.attribution
    if a.speaker_type == "article":
        return "article"
    who = show_source(a, claim.sentence)
    if a.direct_quote:
        who += ' "…"'
    return who


def _details(claim: Claim) -> str:
    parts = []
    if claim.event_time and claim.event_time.value:
        parts.append(f"{claim.event_time.text} = {claim.event_time.value}")
    parts.extend(shown_quantity(claim, q) for q in claim.quantities)
    return "; ".join(parts)


def render_extract_table(report: ExtractReport, *, color: bool = False, width: int | None = None) -> str:
    """Render extracted claims as text tables that stay readable at 80 columns."""
    report = sanitize_model(report)
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 80, color_system="standard" if color else None, force_terminal=color, highlight=False
    )
    for doc in report.documents:
        header = Text(doc.path, style="bold")
        meta = " · ".join(x for x in (doc.title, doc.published.isoformat() if doc.published else "no date", doc.source) if x)
        console.print(header, Text(f"  {meta}"))
        table = Table(box=None, pad_edge=False, show_edge=False, expand=False)
        table.add_column("line", justify="right", no_wrap=True)
        table.add_column("event", no_wrap=True, max_width=12)
        table.add_column("who", max_width=22, overflow="fold")
        table.add_column("when / numbers", max_width=24, overflow="fold")
        table.add_column("modality", max_width=14, overflow="fold")
        for claim in doc.claims:
            if not (claim.event_time or claim.quantities or claim.obligation or claim.attribution.speaker):
                continue
            table.add_row(str(claim.line), claim.event.lemma, _who(claim), _details(claim), _modality(claim))
        console.print(table)
        console.print(Text(f"  {counted(len(doc.claims), 'claim')}, {counted(len(doc.times), 'time expression')}"))
        console.print()
    for problem in report.problems:
        console.print(Text(f"{problem.level}: {problem.path}: {problem.message}"))
    return unwrap_commands(buffer.getvalue())
