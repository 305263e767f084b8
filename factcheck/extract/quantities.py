"""Find numbers, counts, money, durations and windows, in common units."""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Quantity

__all__ = ["quantities"]


def quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in `doc`, offsets into `doc.text`."""
    raise NotImplementedError
