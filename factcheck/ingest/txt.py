"""Plain-text articles: the file is the body; title and dateline come from its first lines."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from .document import Draft
from .offsets import identity_map

__all__ = ["TextReader"]


class TextReader:
    """Reads `.txt` files."""

    format = "txt"
    extensions = (".txt", ".text")

    def read(self, text: str, display: str) -> Iterator[Draft | InputError]:
        yield Draft(body=text, body_map=identity_map(text), format="txt")
