"""Read an article's bytes from disk and decode them, refusing what is not text.

Decoding order (the first that succeeds wins):

1. UTF-8 with a byte-order mark: the mark is dropped, so offsets count characters
   after it (an editor showing the file puts column 1 after the mark too).
2. UTF-16 with a byte-order mark (some Windows tools write it).
3. UTF-8.
4. UTF-16 without a byte-order mark, when NUL bytes fall on one parity only (a note).
5. cp1252 (Windows "ANSI", the usual culprit for smart quotes that are not UTF-8),
   with a note.
6. latin-1, which decodes any byte, with a note; a result full of control
   characters means the file was binary after all.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["Decoded", "read_bytes", "decode_bytes", "size_text"]

# Share of control characters (other than tab, newline, carriage return, form feed)
# above which a decoded "text" is really a binary file.
_MAX_CONTROL_RATIO = 0.05
_SAMPLE = 8192
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


@dataclass(frozen=True)
class Decoded:
    """The decoded text of one file, the encoding used and a note when it was a fallback."""

    text: str
    encoding: str
    content_hash: str
    note: str | None = None


def size_text(size: int) -> str:
    """`12.3 MB`, `512 kB`, `40 B`: short sizes for messages."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB".replace(".0 kB", " kB")
    return f"{size} B"


def read_bytes(path: Path, display: str, *, max_bytes: int) -> bytes:
    """The bytes of `path`, or an `InputError` saying why they cannot be read.

    Args:
        path: The file to read.
        display: How the file is named in messages.
        max_bytes: Larger files are refused before they are read.
    """
    try:
        if path.is_symlink() and not path.exists():
            raise InputError(display, "cannot read: broken symbolic link")
        if path.is_dir():
            raise InputError(display, "cannot read: it is a directory, not a file")
        if not path.exists():
            raise InputError(display, "cannot read: no such file")
        if not path.is_file():
            raise InputError(display, "cannot read: not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(display, f"too large ({size_text(size)} > {size_text(max_bytes)} limit)")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as e:
        reason = "permission denied" if isinstance(e, PermissionError) else (e.strerror or str(e)).lower()
        raise InputError(display, f"cannot read: {reason}") from e
    if len(data) > max_bytes:  # the file grew while we looked at it
        raise InputError(display, f"too large (> {size_text(max_bytes)} limit)")
    return data


def _control_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in _ALLOWED_CONTROLS)
    return controls / len(sample)


def decode_bytes(data: bytes, display: str) -> Decoded:
    """Decode a file's bytes (see the module docstring for the order tried).

    Raises:
        InputError: The file is binary, empty or whitespace only.
    """
    digest = hashlib.sha256(data).hexdigest()
    note = None
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[len(codecs.BOM_UTF8) :], "utf-8", display), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16", display), "utf-16"
    elif b"\x00" in data[:_SAMPLE] or b"\x00" in data[-_SAMPLE:]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(display, "binary file (contains NUL bytes); expected a text article")
        text, encoding = data.decode(utf16), utf16
        note = f"note: no byte-order mark; decoded as {utf16.upper()}"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as e:
            where = f"invalid UTF-8 at byte {e.start}"
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            note = f"note: {where}; decoded as {encoding}"
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise InputError(display, "binary file (mostly control characters); expected a text article")
    if not text.strip():
        raise InputError(display, "empty file (nothing but whitespace)" if text else "empty file")
    return Decoded(text=text, encoding=encoding, content_hash=digest, note=note)


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when the bytes look like UTF-16 text saved without a byte-order mark.

    Text in a Latin script has a NUL as the high byte of almost every character, so the
    NULs fall on one parity only (odd offsets for little-endian); a binary file scatters
    them. The guess must also decode cleanly.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if len(data) % 2 or pairs == 0:
        return None
    even = sample[0::2].count(0) / pairs
    odd = sample[1::2].count(0) / pairs
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= 0.3 and low <= 0.01:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def _strict(data: bytes, encoding: str, display: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(display, f"undecodable {encoding} (bad byte at {e.start}) despite its byte-order mark") from e
