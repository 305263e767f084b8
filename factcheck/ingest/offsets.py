"""Map offsets in the cleaned article text back to the user's original file.

Readers remove markup and web noise before the parser sees the text, but every
offset factcheck reports must point into the original file. A reader records the
pieces of the original it kept as `(clean_start, original_start, length)` segments;
these helpers build and apply that map.
"""

from __future__ import annotations

import bisect

__all__ = ["TextBuilder", "Rebuilder", "to_original", "identity_map", "OffsetMapper", "LineIndex"]

OffsetMap = tuple[tuple[int, int, int], ...]


class TextBuilder:
    """Accumulates kept pieces of the original text and the map back to it."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[tuple[int, int, int]] = []
        self._length = 0

    def keep(self, text: str, original_start: int) -> None:
        """Append `text`, which stands at `original_start` in the original file."""
        if not text:
            return
        self._segments.append((self._length, original_start, len(text)))
        self._parts.append(text)
        self._length += len(text)

    def insert(self, text: str, original_start: int) -> None:
        """Append text that is not in the original (a paragraph break, a decoded entity).

        It maps to `original_start` with no length, so offsets inside it clamp there.
        """
        if not text:
            return
        self._segments.append((self._length, original_start, 0))
        self._parts.append(text)
        self._length += len(text)

    def endswith(self, suffix: str) -> bool:
        return "".join(self._parts[-3:]).endswith(suffix)

    def __len__(self) -> int:
        return self._length

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), tuple(self._segments)


def identity_map(text: str) -> OffsetMap:
    return ((0, 0, len(text)),) if text else ()


def to_original(offset_map: OffsetMap, offset: int, *, end: bool = False) -> int:
    """The original-file offset of one cleaned-text offset (see `OffsetMapper` for many)."""
    return OffsetMapper(offset_map)(offset, end=end)


class OffsetMapper:
    """Fast repeated mapping for one article (bisect over precomputed starts)."""

    def __init__(self, offset_map: OffsetMap) -> None:
        self._segments = offset_map
        self._starts = [s[0] for s in offset_map]

    def __call__(self, offset: int, *, end: bool = False) -> int:
        if not self._segments:
            return offset
        probe = offset - 1 if end and offset > 0 else offset
        i = bisect.bisect_right(self._starts, probe) - 1
        if i < 0:
            return self._segments[0][1]
        clean_start, original_start, length = self._segments[i]
        if end:
            return original_start + min(offset - clean_start, length)
        if offset - clean_start >= length and length and i + 1 < len(self._segments):
            return self._segments[i + 1][1]
        return original_start + min(offset - clean_start, length)


class LineIndex:
    """1-based line and column of an offset in a text."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")

    def line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int = 0) -> int:
        """The offset of a 1-based line and a 0-based column (as `html.parser` reports them)."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1] + column


class Rebuilder:
    """Cuts pieces out of an already-mapped text while keeping the map to the original file.

    Cleaning runs in passes (markup, then suppression comments, then web noise);
    each pass keeps slices of the previous pass's text, and this class composes
    the maps so the final text still points into the original file.
    """

    def __init__(self, text: str, offset_map: OffsetMap) -> None:
        self.text = text
        self._segments = offset_map or identity_map(text)
        self._starts = [s[0] for s in self._segments]
        self._builder = TextBuilder()

    def _extent_end(self, i: int) -> int:
        return self._segments[i + 1][0] if i + 1 < len(self._segments) else len(self.text)

    def keep(self, start: int, end: int) -> None:
        """Append `text[start:end]`, mapped to wherever those characters came from."""
        if end <= start:
            return
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        while i < len(self._segments) and self._segments[i][0] < end:
            clean_start, original_start, length = self._segments[i]
            a, b = max(start, clean_start), min(end, self._extent_end(i))
            if a < b:
                kept_end = min(b, clean_start + length)
                if a < kept_end:
                    self._builder.keep(self.text[a:kept_end], original_start + a - clean_start)
                if kept_end < b:
                    # Characters that were inserted (entities, breaks) map to a point.
                    self._builder.insert(self.text[max(a, kept_end) : b], original_start + length)
            i += 1

    def insert(self, text: str, at: int) -> None:
        """Append text that is in neither input (a paragraph break), mapped to `text[at]`."""
        self._builder.insert(text, self.original_offset(at))

    def original_offset(self, offset: int) -> int:
        return OffsetMapper(self._segments)(offset)

    def endswith(self, suffix: str) -> bool:
        return self._builder.endswith(suffix)

    def __len__(self) -> int:
        return len(self._builder)

    def build(self) -> tuple[str, OffsetMap]:
        return self._builder.build()
