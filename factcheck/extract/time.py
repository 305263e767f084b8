"""Find time expressions and normalize them to TimeML values against the dateline."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from ..models import TimeRef

__all__ = ["time_expressions"]


def time_expressions(doc: Doc, *, dateline: dt.date | None) -> list[TimeRef]:
    """Every time expression in `doc`, offsets into `doc.text` (line/column left at 1)."""
    raise NotImplementedError
