"""Make untrusted text safe to show to a person: one function for every human-facing stream.

File names and article text come from anyone who can add a file to the folder. Shown
raw, a line break followed by `::add-mask::` or `::warning::` becomes a GitHub Actions
workflow command (the runner reads commands at the start of any log line), and an
escape sequence (`ESC]0;…BEL` sets the window title, `ESC[2J` clears the screen) is
obeyed by the terminal. `printable` removes both powers: line breaks become spaces and
every other control character is shown as a visible escape (`\\x1b`).

The terminal, stderr, Markdown, HTML and GitHub outputs all pass text through
`printable` (`sanitize_report` applies it to a whole report); JSON and SARIF keep the
text as it is, since their own escaping already makes it inert.
"""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel

__all__ = ["printable", "readable_name", "sanitize_model", "unwrap_commands"]

# Line and paragraph separators that a log or terminal treats as a new line
# (Unicode TR13; GitHub's runner splits on LF, terminals also move on CR, VT, FF, NEL).
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# Bidirectional overrides and isolates reorder what a reader sees ("Trojan Source",
# CVE-2021-42574); shown as escapes like the control characters.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


_TABLE: dict[int, str] = {ord(ch): " " for ch in _LINE_BREAKS + "\t"}
_TABLE.update(
    {code: _escape(chr(code)) for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(code) not in _LINE_BREAKS + "\t"}
)
_TABLE.update({ord(ch): _escape(ch) for ch in _BIDI})
# A lone surrogate (from a JSON `\udc80` escape or a file name that is not UTF-8) cannot
# be written as UTF-8 at all: writing it would abort the output.
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` on one line with no control characters: safe for a terminal, a log or a CI runner.

    Line breaks and tabs become spaces (so lengths of ordinary text do not change),
    other control characters and bidirectional overrides become visible escapes such
    as `\\x1b`, and lone surrogates become U+FFFD.
    """
    text = text.translate(_TABLE)
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# A wrapped line that starts, after indentation, with "::" (the runner trims the line first).
_COMMAND_START = re.compile(r"^([ \t]*)::", re.MULTILINE)


def unwrap_commands(rendered: str) -> str:
    """Rendered text in which no line starts with `::`.

    `printable` leaves no line break in untrusted text, but a renderer that wraps long
    lines (the terminal report at 80 columns in a CI log) can still start a line with
    a word such as `::warning::`; such a line gets a backslash before it.
    """
    return _COMMAND_START.sub(r"\1\\::", rendered)


def readable_name(name: str) -> str:
    """A file name as text: bytes that were not UTF-8 are shown as `\\xNN`.

    On POSIX, Python decodes such bytes to lone surrogates (PEP 383), which no JSON
    or UTF-8 output can carry; the name keeps its bytes readable instead.
    """
    if not _SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", name)


M = TypeVar("M")


def sanitize_model(value: M) -> M:
    """`value` with `printable` applied to every string in it (models, tuples, lists, dicts)."""
    return _clean(value)  # type: ignore[no-any-return]


def _clean(value: object) -> object:
    if isinstance(value, str):
        cleaned = printable(value)
        return value if cleaned == value else cleaned
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _clean(old)
            if new is not old:
                update[name] = new
        return value.model_copy(update=update) if update else value
    if isinstance(value, tuple):
        items = tuple(_clean(v) for v in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    return value
