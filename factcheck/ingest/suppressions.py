"""Inline switches that turn rules off for one article or one line.

Writers silence a finding they have checked with an HTML comment, as linters do
(ESLint's `eslint-disable` comments, sqlfluff's `-- noqa`):

- `<!-- factcheck-disable DT01, date_conflict -->` anywhere: those rules are off
  for the whole file (`<!-- factcheck-disable -->` alone switches off everything);
- `<!-- factcheck-disable-next-line NM01 -->`: off for the next non-empty line;
- front matter `factcheck-disable: [DT01]` (or a comma-separated string).

A rule is a code (`DT01`), a finding kind (`date_conflict`), a dotted detector name,
or `all`. Suppressions are stored as `(rule, None)` for the file or `(rule, line)`
for one 1-based line of the original file. The comments are removed from the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .offsets import LineIndex, OffsetMap, OffsetMapper, Rebuilder

__all__ = ["COMMENT", "parse_rules", "front_matter_rules", "find_suppressions"]

Suppression = tuple[str, int | None]

COMMENT = re.compile(
    r"<!--\s*factcheck-(?P<kind>disable-next-line|disable-line|disable)\b(?P<rules>[^>]*?)\s*-->", re.IGNORECASE
)
_CODE = re.compile(r"^[A-Za-z]{2}\d{2}$")
_SPLIT = re.compile(r"[\s,;]+")


def parse_rules(value: str) -> tuple[str, ...]:
    """Rule names from `"DT01, date_conflict"`: codes upper-cased, names lower-cased; empty means `all`."""
    rules = []
    for token in _SPLIT.split(value.strip()):
        if not token:
            continue
        rules.append(token.upper() if _CODE.match(token) else token.lower())
    return tuple(dict.fromkeys(rules)) or ("all",)


def front_matter_rules(value: Any) -> tuple[Suppression, ...]:
    """File-wide suppressions from a front-matter `factcheck-disable` value (list or string)."""
    if value is None or value is False:
        return ()
    if value is True:
        return (("all", None),)
    items: Iterable[Any] = value if isinstance(value, list | tuple) else [value]
    rules: list[str] = []
    for item in items:
        rules.extend(parse_rules(str(item)))
    return tuple((rule, None) for rule in dict.fromkeys(rules))


def _next_line_start(text: str, pos: int) -> int | None:
    """Offset of the first non-space character on a line after the one holding `pos`."""
    newline = text.find("\n", pos)
    while newline != -1:
        start = newline + 1
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        stripped = line.lstrip()
        if stripped and not COMMENT.fullmatch(stripped.rstrip()):
            return start + len(line) - len(stripped)
        newline = end
    return None


def find_suppressions(
    text: str, offset_map: OffsetMap, original: str
) -> tuple[str, OffsetMap, tuple[Suppression, ...]]:
    """Read the `factcheck-disable` comments in `text` and remove them.

    Args:
        text: Article text, comments still in it.
        offset_map: Map from `text` to `original`.
        original: The decoded file, for line numbers.

    Returns:
        The text without the comments, its map, and the suppressions found.
    """
    matches = list(COMMENT.finditer(text))
    if not matches:
        return text, offset_map, ()
    to_original = OffsetMapper(offset_map)
    lines = LineIndex(original)
    found: list[Suppression] = []
    rebuilder, pos = Rebuilder(text, offset_map), 0
    for match in matches:
        rules = parse_rules(match.group("rules"))
        kind = match.group("kind").lower()
        if kind == "disable":
            found.extend((rule, None) for rule in rules)
        else:
            target = match.start() if kind == "disable-line" else _next_line_start(text, match.end())
            if target is not None:
                line, _ = lines.line_column(to_original(target))
                found.extend((rule, line) for rule in rules)
        rebuilder.keep(pos, match.start())
        pos = match.end()
    rebuilder.keep(pos, len(text))
    cleaned, cleaned_map = rebuilder.build()
    return cleaned, cleaned_map, tuple(dict.fromkeys(found))
