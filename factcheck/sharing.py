"""Keep a folder's claims in memory once per distinct part.

A comparison holds every article's claims at once. Parsed from JSON or unpickled
from a worker, each claim carries its own copy of parts that are equal across claims:
the article's path, the sentence shared by the clauses of one sentence, the default
attribution ("the article"), the entity "Port Calder" named thirty times, the event
time that is also one of the claim's times, and, for every pydantic model, its own set
of field names. Sharing them cuts the memory of extracted claims by three quarters
(`benchmarks/bench_scale.py` prints the figure) without changing a single value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from .models import Claim, DocumentClaims

__all__ = ["SharedParts"]

# Models that are unique per article or claim: sharing them would only cost a lookup.
_NEVER_EQUAL = (Claim, DocumentClaims)


class SharedParts:
    """Replaces equal strings, dates and sub-models of documents with one shared instance.

    Use one pool for all documents that will be held together (one run). Models are
    frozen, so a shared part can never change under another claim.
    """

    def __init__(self) -> None:
        self._atoms: dict[Any, Any] = {}
        self._parts: dict[BaseModel, BaseModel] = {}
        self._field_sets: dict[tuple[type, frozenset[str]], set[str]] = {}

    def document(self, doc: DocumentClaims) -> DocumentClaims:
        """The same document (updated in place) with its parts shared with earlier ones."""
        self._share_fields(doc)
        return doc

    def _share_fields(self, model: BaseModel) -> None:
        values = model.__dict__
        for name, value in values.items():
            if type(value) not in _PLAIN:
                values[name] = self._share(value)
        fields_set = model.__pydantic_fields_set__
        key = (type(model), frozenset(fields_set))
        # pydantic copies this set before changing it (model_copy), so one set can serve many models.
        object.__setattr__(model, "__pydantic_fields_set__", self._field_sets.setdefault(key, fields_set))

    def _share(self, value: Any) -> Any:
        kind = type(value)
        if kind is str or kind is dt.date:
            return self._atoms.setdefault(value, value)
        if kind is tuple:
            return tuple(self._share(v) for v in value) if value else value
        if isinstance(value, BaseModel):
            if isinstance(value, _NEVER_EQUAL):
                self._share_fields(value)
                return value
            # Most parts have been seen before: then the earlier one is kept, this one dropped unwalked.
            earlier = self._parts.get(value)
            if earlier is not None:
                return earlier
            self._share_fields(value)
            self._parts[value] = value
        return value


# Values that are never worth sharing (small, immutable, or cached by Python already).
_PLAIN = frozenset({int, float, bool, type(None)})
