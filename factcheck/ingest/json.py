"""JSON articles: one object, a list of objects, or JSON Lines (one object per line).

Field names vary between feeds, so each field is looked up under its common names
(`text`/`body`/`content`/`article`, `date`/`published`/`dct`/`datePublished`, ...).

Naming: an article from a JSON Lines file is named `<path>#<line>` (its 1-based line
number) and one from a list `<path>#<n>` (its 1-based position), so a message always
leads back to the record even when records have no id or repeat one. A file holding
a single object is named by its path alone.

Offsets: the article text lives inside a JSON string literal. Each character of
the decoded text is mapped to its place inside that literal in the file; a character
written as an escape (`\\n`, `\\"`, `\\u00e9`) maps to the backslash that starts it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from ..errors import InputError
from .dateline import date_value
from .document import Draft, bad_date_note
from .offsets import TextBuilder
from .suppressions import front_matter_rules

__all__ = ["JsonReader", "FIELDS"]

FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "articlebody", "full_text", "story"),
    "title": ("title", "headline", "name"),
    "date": ("date", "published", "published_at", "publishedat", "dct", "datepublished", "pubdate", "publication_date"),
    "source": ("source", "outlet", "publisher", "site", "site_name"),
    "url": ("url", "link", "canonical_url"),
    "author": ("author", "byline", "authors", "creator"),
    "id": ("id", "doc_id", "docid", "uuid"),
    "disable": ("factcheck-disable", "factcheck_disable"),
}
_CONTAINER_KEYS = ("articles", "items", "data", "documents", "records", "results")


def _lenient_int(digits: str) -> int | str:
    """An integer, or its digits when Python refuses to convert that many (CVE-2020-10735's limit).

    An id of 5,000 digits must not cost the article its text.
    """
    try:
        return int(digits)
    except ValueError:
        return digits


_DECODER = json.JSONDecoder(parse_int=_lenient_int)
_SPACE = re.compile(r"[ \t\n\r]*")
_SPECIAL = re.compile(r'[\\"]')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"'}


def _skip_space(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos


def _object_strings(text: str, start: int) -> dict[str, int]:
    """For the (valid) JSON object at `start`: the offset of each string value's opening quote, by key."""
    pos = _skip_space(text, start) + 1  # past "{"
    found: dict[str, int] = {}
    while True:
        pos = _skip_space(text, pos)
        if text[pos] == "}":
            return found
        key, pos = scanstring(text, pos + 1)
        pos = _skip_space(text, _skip_space(text, pos) + 1)  # past ":"
        if text[pos] == '"':
            found.setdefault(key.lower(), pos)
            _, pos = scanstring(text, pos + 1)
        else:
            _, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_space(text, pos)
        if text[pos] == ",":
            pos += 1


def _array_items(text: str, start: int) -> Iterator[int]:
    """The offset of each element of the (valid) JSON array at `start`."""
    pos = _skip_space(text, start) + 1  # past "["
    while True:
        pos = _skip_space(text, pos)
        if text[pos] == "]":
            return
        yield pos
        _, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_space(text, pos)
        if text[pos] == ",":
            pos += 1


def _map_literal(text: str, quote: int) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Decode the JSON string literal whose opening quote is at `quote`, mapping each character to the file."""
    builder = TextBuilder()
    pos = quote + 1
    while True:
        special = _SPECIAL.search(text, pos)
        if special is None:  # pragma: no cover - the literal was validated by json.loads
            break
        at = special.start()
        builder.keep(text[pos:at], pos)
        if text[at] == '"':
            break
        escape = text[at + 1]
        if escape == "u":
            code, length = int(text[at + 2 : at + 6], 16), 6
            if 0xD800 <= code < 0xDC00 and text.startswith("\\u", at + 6):
                low = int(text[at + 8 : at + 12], 16)
                if 0xDC00 <= low < 0xE000:
                    code, length = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), 12
            # A lone surrogate (`\\udc80` without its pair) is no character: it could
            # never be written out as UTF-8, so it becomes U+FFFD.
            builder.insert("\ufffd" if 0xD800 <= code < 0xE000 else chr(code), at)
        else:
            builder.insert(_ESCAPES.get(escape, escape), at)
            length = 2
        pos = at + length
    return builder.build()


def _field(record: dict[str, Any], name: str) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in FIELDS[name]:
        if lowered.get(key) not in (None, ""):
            return lowered[key]
    return None


def _string(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
        return str(value).strip() or None if value else None
    return str(value).strip() or None


def _draft(text: str, start: int, record: Any, display: str, suffix: str) -> Draft | InputError:
    if not isinstance(record, dict):
        return InputError(display + suffix, f"expected a JSON object, got {type(record).__name__}")
    literals = _object_strings(text, start)
    key = next((k for k in FIELDS["text"] if k in literals), None)
    if key is None:
        if any(str(k).lower() in FIELDS["text"] for k in record):
            return InputError(display + suffix, "the article text field is not a string")
        expected = ", ".join(FIELDS["text"])
        return InputError(display + suffix, f"no article text field (expected one of: {expected})")
    body, body_map = _map_literal(text, literals[key])
    date = _field(record, "date")
    published = date_value(date)
    notes = (bad_date_note("JSON", date),) if date is not None and published is None else ()
    return Draft(
        body=body,
        body_map=body_map,
        format="json",
        suffix=suffix,
        title=_string(_field(record, "title")),
        published=published,
        published_text=str(date) if published is not None else None,
        source=_string(_field(record, "source")),
        author=_string(_field(record, "author")),
        url=_string(_field(record, "url")),
        suppressions=front_matter_rules(_field(record, "disable")),
        notes=notes,
    )


def _lines(text: str, display: str) -> Iterator[Draft | InputError]:
    pos = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        try:
            record = _DECODER.decode(line)
        except json.JSONDecodeError as e:
            yield InputError(display, f"malformed JSON at line {number} column {e.colno} ({e.msg})")
            continue
        except RecursionError as e:
            error = InputError(display, f"malformed JSON at line {number} (nested too deeply)")
            error.__cause__ = e
            yield error
            continue
        yield _draft(text, start, record, display, f"#{number}")


class JsonReader:
    """Reads `.json` (an object or a list of objects) and `.jsonl` (JSON Lines) files."""

    format = "json"
    extensions = (".json", ".jsonl", ".ndjson")

    def read(self, text: str, display: str) -> Iterator[Draft | InputError]:
        try:
            # Drafts are built eagerly so that a failure deep inside the file is met here.
            drafts = list(self._read(text, display))
        except RecursionError as e:
            error = InputError(display, "malformed JSON (nested too deeply)")
            error.__cause__ = e
            drafts = [error]
        yield from drafts

    def _read(self, text: str, display: str) -> Iterator[Draft | InputError]:
        if display.lower().endswith((".jsonl", ".ndjson")):
            yield from _lines(text, display)
            return
        try:
            data = _DECODER.decode(text)
        except json.JSONDecodeError as e:
            if e.msg == "Extra data" and text.lstrip().startswith("{"):
                yield from _lines(text, display)  # JSON Lines under a .json name
                return
            yield InputError(display, f"malformed JSON at line {e.lineno} column {e.colno} ({e.msg})")
            return
        start = _skip_space(text, 0)
        if isinstance(data, dict):
            container = next((k for k in data if k.lower() in _CONTAINER_KEYS and isinstance(data[k], list)), None)
            if container is None or _field(data, "text") is not None:
                yield _draft(text, start, data, display, "")
                return
            start = _container_start(text, start, container)
            data = data[container]
        if not isinstance(data, list):
            yield InputError(display, f"expected a JSON object or a list of objects, got {type(data).__name__}")
            return
        for index, (record, item_start) in enumerate(zip(data, _array_items(text, start), strict=True), start=1):
            yield _draft(text, item_start, record, display, f"#{index}")


def _container_start(text: str, start: int, key: str) -> int:
    """Offset of the list value under `key` in the object at `start`."""
    pos = _skip_space(text, start) + 1
    while True:
        pos = _skip_space(text, pos)
        name, pos = scanstring(text, pos + 1)
        pos = _skip_space(text, _skip_space(text, pos) + 1)
        if name == key:
            return pos
        _, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_space(text, pos) + 1  # past ","
