"""The one interface every format reader implements, and the cleaning steps they share.

A reader turns a decoded file into `Draft`s: the article body with its markup
removed, mapped to the original file, plus whatever metadata the format carries
(front matter, `<meta>` tags, JSON fields). `assemble` then runs the steps common to
every format (suppression comments, web noise, title and dateline lines) and builds
the `Article`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from ..errors import InputError
from ..models import Article
from .dateline import read_header, top_address, url_date
from .noise import NoiseRules, strip_noise
from .offsets import OffsetMap, Rebuilder
from .suppressions import find_suppressions

__all__ = ["Draft", "Reader", "assemble", "article_piece", "bad_date_note", "MAX_FIELD"]

Format = Literal["txt", "md", "html", "json"]


@dataclass(frozen=True)
class Draft:
    """One article as a reader found it, before the shared cleaning steps."""

    body: str
    body_map: OffsetMap
    format: Format
    suffix: str = ""
    """Appended to the file's path to name this article (`#3` for line 3 of a JSON Lines file)."""
    title: str | None = None
    published: dt.date | None = None
    published_text: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    suppressions: tuple[tuple[str, int | None], ...] = ()
    notes: tuple[str, ...] = ()
    """Things worth telling the user that do not stop the article (a date that is not a date)."""


class Reader(Protocol):
    """Reads one file format; `read` yields a `Draft` per article and an `InputError` per bad one."""

    format: Format
    extensions: tuple[str, ...]

    def read(self, text: str, display: str) -> Iterable[Draft | InputError]: ...


# A title, source, author or URL longer than this is not metadata a person wrote;
# it is cut so that one field cannot fill a report.
MAX_FIELD = 1_000
_SURROGATE = re.compile("[\ud800-\udfff]")


def bad_date_note(where: str, value: object) -> str:
    """The note for a publication date that is not a calendar date (`2026-02-30`, `0000-00-00`)."""
    shown = str(value)
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    return f"{where} date {shown!r} is not a valid date; the publication date is left empty"


def _field(value: str | None) -> str | None:
    """A metadata value fit to show: lone surrogates (from JSON `\\udc80` escapes) replaced, length capped."""
    if value is None:
        return None
    value = _SURROGATE.sub("\ufffd", value)
    return value if len(value) <= MAX_FIELD else value[: MAX_FIELD - 1] + "…"


def _cut(text: str, offset_map: OffsetMap, cuts: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
    rebuilder, pos = Rebuilder(text, offset_map), 0
    for start, end in sorted(cuts):
        rebuilder.keep(pos, start)
        pos = max(pos, end)
    rebuilder.keep(pos, len(text))
    text, offset_map = rebuilder.build()
    lead = len(text) - len(text.lstrip())
    if lead:
        rebuilder = Rebuilder(text, offset_map)
        rebuilder.keep(lead, len(text))
        text, offset_map = rebuilder.build()
    return text, offset_map


def assemble(
    draft: Draft,
    *,
    path: str,
    abs_path: str,
    original: str,
    content_hash: str,
    noise: NoiseRules,
    dateline: dt.date | None = None,
) -> Article:
    """Clean a reader's draft and build the `Article`.

    Args:
        draft: What the reader found.
        path: The file's display path (the draft's suffix is appended).
        abs_path: The file's absolute path.
        original: The decoded file content.
        content_hash: sha256 of the file's bytes.
        noise: The web-noise rule pack.
        dateline: Publication date for articles that state none.

    Raises:
        InputError: Nothing but markup, metadata or noise was left.
    """
    name = path + draft.suffix
    text, offset_map, suppressions = find_suppressions(draft.body, draft.body_map, original)
    # Read before the noise rules drop a lone address line: it can carry the publication day.
    address = top_address(text)
    text, offset_map = strip_noise(text, offset_map, noise)
    header = read_header(text, title=draft.title)
    text, offset_map = _cut(text, offset_map, header.cuts)
    if not text.strip():
        raise InputError(name, "no article text found (only markup, metadata or boilerplate)")
    url = draft.url or header.url or address
    published = draft.published or header.published
    published_text = draft.published_text if draft.published else header.published_text
    if published is None and (published := url_date(url)) is not None:
        published_text = url
    return Article(
        path=name,
        abs_path=abs_path,
        format=draft.format,
        title=_field(draft.title or header.title),
        published=published or dateline,
        published_text=_field(published_text) if published else None,
        source=_field(draft.source or header.source),
        author=_field(draft.author or header.author),
        url=_field(url),
        place=_field(header.place),
        text=text,
        original=original,
        offset_map=offset_map,
        content_hash=content_hash,
        suppressions=tuple(dict.fromkeys(draft.suppressions + suppressions)),
    )


def article_piece(article: Article, start: int, end: int) -> Article:
    """The part of the article whose cleaned text is `text[start:end]`, for parsing a long article in pieces.

    The piece keeps the whole original file and maps its own offsets into it, so
    whatever is found in it is located in the file as for the whole article.
    """
    if start == 0 and end >= len(article.text):
        return article
    rebuilder = Rebuilder(article.text, article.offset_map)
    rebuilder.keep(start, end)
    text, offset_map = rebuilder.build()
    return article.model_copy(update={"text": text, "offset_map": offset_map})
