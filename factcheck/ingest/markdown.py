"""Markdown articles: YAML front matter for metadata, and a body stripped of markdown syntax.

Only the syntax that would confuse a sentence parser is removed (heading marks,
emphasis, list and quote markers, link targets, images, rules); everything kept maps
back to its place in the file. A first-level heading opening the body is the title
when the front matter gives none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from ..errors import InputError
from .dateline import date_value
from .decode import size_text
from .document import Draft, bad_date_note
from .offsets import TextBuilder
from .suppressions import front_matter_rules

__all__ = ["MarkdownReader", "FrontMatterLoader", "MAX_FRONT_MATTER", "front_matter"]

_FRONT_OPEN = re.compile(r"\A---[ \t]*\r?\n")
# `$` matches before "\n" only: a file saved with CRLF line endings has "\r" before it.
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
# Metadata is a few lines; a larger block is not front matter a person wrote.
MAX_FRONT_MATTER = 64_000
_HEADING = re.compile(r" {0,3}(?P<marks>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
_QUOTE = re.compile(r" {0,3}(?:>[ \t]?)+")
_LIST = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_RULE = re.compile(r" {0,3}(?:([-*_])[ \t]*){3,}$|=+[ \t]*$")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:[ \t]+\S+.*$")
# Every span is bounded, possessive (`{0,500}+`) and cannot hold its own opening mark:
# an unclosed `[`, `(` or `<!--` is then looked past in a few hundred steps, where an
# unbounded `[^\]]*` rescanned the rest of the line from every `[` (a 200 kB line of
# `[[[[` took minutes).
_INLINE = re.compile(
    r"(?P<image>!\[[^\[\]\n]{0,500}+\]\([^()\n]{0,500}+\))"
    r"|(?P<link>\[(?P<link_text>[^\[\]\n]{1,500}+)\]\([^()\n]{0,500}+\))"
    r"|(?P<ref>\[(?P<ref_text>[^\[\]\n]{1,500}+)\]\[[^\[\]\n]{0,200}+\])"
    r"|(?P<auto><https?://[^<>\s]{1,500}+>)"
    # Like the suppression comments it carries, a comment holds no `>` before its end.
    r"|(?P<comment><!--[^>\n]{0,500}+(?<=--)>)"
    r"|(?P<mark>`+|\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<!\w)_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w))"
)
_KEYS = {
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "pubdate", "datepublished", "dct"),
    "source": ("source", "outlet", "publisher", "site", "site_name"),
    "author": ("author", "authors", "byline"),
    "url": ("url", "link", "canonical_url", "canonical"),
    "disable": ("factcheck-disable", "factcheck_disable"),
}


class FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader without anchors and aliases, and lenient about dates and numbers.

    An alias repeats a node without repeating its text, so a few kilobytes of nested
    aliases ("billion laughs") expand to gigabytes; article metadata never needs them.
    A value that looks like a date or a number but is not one (`2026-02-30`, an integer
    of 5,000 digits) stays a string instead of aborting the whole block.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            problem = "anchors and aliases (&name, *name) are not allowed in front matter"
            raise yaml.composer.ComposerError(None, None, problem, event.start_mark)
        return super().compose_node(parent, index)


def _or_string(construct: Any) -> Any:
    def constructor(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)  # type: ignore[arg-type]

    return constructor


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _or_string(yaml.SafeLoader.construct_yaml_timestamp))
FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", _or_string(yaml.SafeLoader.construct_yaml_int))
FrontMatterLoader.add_constructor("tag:yaml.org,2002:float", _or_string(yaml.SafeLoader.construct_yaml_float))


def _field(meta: dict[str, Any], name: str) -> Any:
    lowered = {str(k).lower(): v for k, v in meta.items()}
    for key in _KEYS[name]:
        if lowered.get(key) not in (None, ""):
            return lowered[key]
    return None


def _text_field(meta: dict[str, Any], name: str) -> str | None:
    value = _field(meta, name)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value).strip() or None if value is not None else None


def front_matter(text: str, display: str) -> tuple[dict[str, Any], int]:
    """The front matter's keys and the offset where the body starts (0 when there is none).

    Raises:
        InputError: The front matter is not closed, not YAML, or not a mapping.
    """
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return {}, 0
    closing = _FRONT_CLOSE.search(text, opening.end())
    if closing is None:
        raise InputError(display, "malformed front matter: no closing '---' line")
    source = text[opening.end() : closing.start()]
    if len(source) > MAX_FRONT_MATTER:
        raise InputError(display, f"front matter too large ({size_text(len(source))} > {size_text(MAX_FRONT_MATTER)} limit)")
    try:
        meta = yaml.load(source, Loader=FrontMatterLoader)  # noqa: S506 - a SafeLoader without aliases
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2} column {mark.column + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise InputError(display, f"malformed front matter{where} ({problem})") from e
    except RecursionError as e:
        raise InputError(display, "malformed front matter (nested too deeply)") from e
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(display, f"malformed front matter: expected key: value pairs, got a {type(meta).__name__}")
    end = closing.end()
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith("\n", end):
        end += 1
    return meta, end


def _inline(builder: TextBuilder, line: str, start: int) -> None:
    """Append one line's text without inline markup."""
    pos = 0
    for match in _INLINE.finditer(line):
        builder.keep(line[pos : match.start()], start + pos)
        pos = match.end()
        if match.group("link"):
            builder.keep(match.group("link_text"), start + match.start("link_text"))
        elif match.group("ref"):
            builder.keep(match.group("ref_text"), start + match.start("ref_text"))
        elif match.group("comment"):
            builder.keep(match.group("comment"), start + match.start())  # read by the suppression step
    builder.keep(line[pos:], start + pos)


def body(text: str, start: int, *, take_title: bool = True) -> tuple[TextBuilder, str | None]:
    """The markdown body from `start` as plain text, and a first-level heading that opens it.

    With `take_title`, that heading is returned as the title and left out of the text.
    """
    builder = TextBuilder()
    title = None
    in_fence = False
    seen_text = False
    pos = start
    for raw in text[start:].splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        line_start, pos = pos, pos + len(raw)
        newline = raw[len(line) :]
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            builder.keep(raw, line_start)
            continue
        if _RULE.match(line) or _LINK_DEFINITION.match(line):
            continue
        offset = 0
        if quote := _QUOTE.match(line):
            offset = quote.end()
        if heading := _HEADING.match(line, offset):
            if take_title and not seen_text and title is None and len(heading.group("marks")) == 1:
                title = heading.group("text")
                seen_text = True
                continue
            _inline(builder, heading.group("text"), line_start + heading.start("text"))
        else:
            if item := _LIST.match(line, offset):
                offset = item.end()
            _inline(builder, line[offset:], line_start + offset)
        seen_text = seen_text or bool(line.strip())
        builder.keep(newline, line_start + len(line))
    return builder, title


class MarkdownReader:
    """Reads `.md` files."""

    format = "md"
    extensions = (".md", ".markdown")

    def read(self, text: str, display: str) -> Iterator[Draft | InputError]:
        meta, start = front_matter(text, display)
        title = _text_field(meta, "title")
        # When the front matter names the title, an opening heading stays in the text
        # (and the shared header step cuts it if it only repeats the title).
        builder, heading = body(text, start, take_title=title is None)
        clean, offset_map = builder.build()
        date = _field(meta, "date")
        published = date_value(date)
        title = title or heading
        notes = (bad_date_note("front matter", date),) if date is not None and published is None else ()
        yield Draft(
            body=clean,
            body_map=offset_map,
            format="md",
            title=title,
            published=published,
            published_text=str(date) if published is not None else None,
            source=_text_field(meta, "source"),
            author=_text_field(meta, "author"),
            url=_text_field(meta, "url"),
            suppressions=front_matter_rules(_field(meta, "disable")),
            notes=notes,
        )
