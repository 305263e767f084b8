"""HTML articles: the text of the page's article, without navigation, scripts or boilerplate.

The page is tokenized with the standard library's `html.parser` (nothing is ever
rendered or executed). Each text chunk keeps its position in the file, computed
from the parser's line and column, so offsets in the cleaned text map back into the
HTML source; decoded entities map to the `&` that starts them.

Text is taken from the `<article>` element holding the most text, else from
`<main>`, else from the whole `<body>`; navigation, headers, footers, asides, forms,
scripts, styles and figure captions are always left out. Block elements become
paragraph breaks. Metadata comes from Open Graph and article `<meta>` tags
(https://ogp.me/#type_article).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from ..errors import InputError
from .dateline import date_value
from .document import Draft
from .offsets import LineIndex, TextBuilder
from .suppressions import COMMENT

__all__ = ["HtmlReader", "extract"]

_SKIP = frozenset(
    {"nav", "header", "footer", "aside", "script", "style", "noscript", "form", "template", "svg",
     "figcaption", "button", "select", "iframe", "object", "canvas", "dialog", "menu"}
)  # fmt: skip
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
     "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "hr", "address",
     "body", "center", "details", "summary"}
)  # fmt: skip
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"})
_TOKENS = re.compile(r"\S+|\s+")
_DATE_META = ("article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
              "publish-date", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date")  # fmt: skip
_TITLE_META = ("og:title", "twitter:title", "headline")
_AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "dc.creator")
_SOURCE_META = ("og:site_name", "application-name", "publisher")
_URL_META = ("og:url", "twitter:url")


@dataclass(frozen=True)
class _Event:
    kind: str  # "text", "entity", "break", "line" or "comment"
    text: str
    pos: int
    article: int | None
    main: bool


class _Collector(HTMLParser):
    """Turns a page into positioned text events and metadata."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._lines = LineIndex(source)
        self.events: list[_Event] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.times: list[str] = []
        self.canonical: str | None = None
        self._skipping: list[str] = []
        self._articles: list[int] = []
        self._article_count = 0
        self._main = 0
        self._in_head = False
        self._in_title = False

    def _pos(self) -> int:
        line, column = self.getpos()
        return self._lines.offset(line, column)

    def _emit(self, kind: str, text: str = "") -> None:
        if self._skipping or self._in_head or self._in_title:
            return
        article = self._articles[0] if self._articles else None
        self.events.append(_Event(kind, text, self._pos(), article, self._main > 0))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "head":
            self._in_head = True
        elif tag == "body":
            self._in_head = False
        elif tag == "title" and not self._skipping:
            self._in_title = True
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content") and key not in self.meta:
                self.meta[key] = values["content"].strip()
        elif tag == "link" and "canonical" in values.get("rel", "").lower() and values.get("href"):
            self.canonical = self.canonical or values["href"]
        elif tag == "time" and values.get("datetime") and not self._skipping:
            self.times.append(values["datetime"])
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._emit("line" if tag == "br" else "break")
            return
        if tag in _SKIP:
            self._skipping.append(tag)
            return
        if tag == "article":
            self._article_count += 1
            self._articles.append(self._article_count)
        elif tag == "main":
            self._main += 1
        if tag in _BLOCKS:
            self._emit("break")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        elif tag == "title":
            self._in_title = False
        if tag in _SKIP and tag in self._skipping:
            while self._skipping.pop() != tag:
                pass
            return
        if tag in _BLOCKS:
            self._emit("break")
        if tag == "article" and self._articles and not self._skipping:
            self._articles.pop()
        elif tag == "main" and self._main and not self._skipping:
            self._main -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title and not self._skipping:
            self.title_parts.append(data)
        self._emit("text", data)

    def handle_entityref(self, name: str) -> None:
        self._entity(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._entity(html.unescape(f"&#{name};"))

    def _entity(self, decoded: str) -> None:
        if self._in_title and not self._skipping:
            self.title_parts.append(decoded)
        self._emit("entity", decoded)

    def handle_comment(self, data: str) -> None:
        raw = f"<!--{data}-->"
        if COMMENT.fullmatch(raw):
            # Suppression comments count wherever they are; the shared step reads and removes them.
            self.events.append(_Event("comment", raw, self._pos(), None, False))


def _chosen(collector: _Collector) -> list[_Event]:
    sizes: dict[int, int] = {}
    for event in collector.events:
        if event.article is not None and event.kind == "text":
            sizes[event.article] = sizes.get(event.article, 0) + len(event.text.strip())
    if sizes and max(sizes.values()) > 0:
        best = max(sizes, key=lambda k: (sizes[k], -k))
        return [e for e in collector.events if e.article == best or e.kind == "comment"]
    if any(e.main and e.kind == "text" and e.text.strip() for e in collector.events):
        return [e for e in collector.events if e.main or e.kind == "comment"]
    return collector.events


def _append_text(builder: TextBuilder, text: str, pos: int, *, decoded: bool) -> None:
    for token in _TOKENS.finditer(text.replace("\xa0", " ") if decoded else text):
        piece, at = token.group(), pos if decoded else pos + token.start()
        if not piece.isspace():
            (builder.insert if decoded else builder.keep)(piece, at)
        elif len(builder) and not builder.endswith((" ", "\n")):
            # Runs of HTML whitespace read as one space.
            (builder.keep if piece == " " and not decoded else builder.insert)(" ", at)


def _without_unclosed_comment(source: str) -> str:
    """The page up to a comment that is never closed (a browser hides the rest as comment too).

    `html.parser` otherwise searches for the missing `-->` again from every later `<`,
    which on a page of many `<!--` takes time growing with the square of its length.
    Cutting only the tail keeps every offset as it was.
    """
    # Every `<!--` before the last `-->` is closed by it; the first one after it is not.
    last_close = source.rfind("-->")
    unclosed = source.find("<!--", last_close + 3 if last_close >= 0 else 0)
    return source if unclosed < 0 else source[:unclosed]


def extract(source: str) -> tuple[str, tuple[tuple[int, int, int], ...], _Collector]:
    """The article text of an HTML page, its map into the page, and the parsed metadata."""
    collector = _Collector(source)
    collector.feed(_without_unclosed_comment(source))
    collector.close()
    builder = TextBuilder()
    for event in _chosen(collector):
        if event.kind in ("break", "line"):
            want = "\n\n" if event.kind == "break" else "\n"
            if len(builder) and not builder.endswith(want) and not builder.endswith("\n\n"):
                builder.insert(want[1:] if builder.endswith("\n") else want, event.pos)
        elif event.kind == "comment":
            builder.keep(event.text, event.pos)
        else:
            _append_text(builder, event.text, event.pos, decoded=event.kind == "entity")
    text, offset_map = builder.build()
    return text, offset_map, collector


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return html.unescape(meta[key]).strip() or None
    return None


class HtmlReader:
    """Reads `.html` and `.htm` files."""

    format = "html"
    extensions = (".html", ".htm", ".xhtml")

    def read(self, text: str, display: str) -> Iterator[Draft | InputError]:
        try:
            body, offset_map, collector = extract(text)
        except (AssertionError, ValueError) as e:  # html.parser gives up on some broken markup
            yield InputError(display, f"malformed HTML ({e})")
            return
        meta = collector.meta
        title = _first(meta, _TITLE_META) or (" ".join("".join(collector.title_parts).split()) or None)
        date_text = _first(meta, _DATE_META) or (collector.times[0] if collector.times else None)
        author = _first(meta, _AUTHOR_META)
        if author and author.startswith(("http://", "https://")):
            author = None  # article:author is often a profile URL
        yield Draft(
            body=body,
            body_map=offset_map,
            format="html",
            title=title,
            published=date_value(date_text),
            published_text=date_text,
            source=_first(meta, _SOURCE_META),
            author=author,
            url=_first(meta, _URL_META) or collector.canonical,
        )
