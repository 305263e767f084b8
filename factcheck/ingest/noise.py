"""Remove web noise (share buttons, captchas, cookie banners, reference lists) from article text.

The patterns are data, in `rules/noise.toml`; this module validates them and applies
them while keeping the map from the cleaned text back to the original file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..rulepacks import load_pack
from .offsets import OffsetMap, Rebuilder

__all__ = ["NoiseRules", "load_noise_rules", "strip_noise", "check_patterns"]


class _Pack(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def check_patterns(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as e:
            raise ValueError(f"invalid regular expression {pattern!r} ({e})") from e
    return patterns


class LineRules(_Pack):
    exact: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    max_chars: int = Field(default=200, gt=0)

    @field_validator("patterns")
    @classmethod
    def _valid(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns)


class InlineRules(_Pack):
    patterns: tuple[str, ...] = ()

    @field_validator("patterns")
    @classmethod
    def _valid(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns)


class ReferenceRules(_Pack):
    headings: tuple[str, ...] = ()
    max_lines: int = Field(default=60, ge=0)
    max_line_chars: int = Field(default=400, gt=0)


class TokenizedRules(_Pack):
    signals: tuple[str, ...] = ()
    min_signals: int = Field(default=3, ge=1)
    joins: tuple[str, ...] = ()
    aside_words: int = Field(default=3, ge=1)
    aside_openers: tuple[str, ...] = ()

    @field_validator("signals", "joins")
    @classmethod
    def _valid(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns)


class NoiseRules(_Pack):
    """The web-noise rule pack; see the comments in `rules/noise.toml`."""

    language: str = "en"
    lines: LineRules = LineRules()
    inline: InlineRules = InlineRules()
    references: ReferenceRules = ReferenceRules()
    tokenized: TokenizedRules = TokenizedRules()


def load_noise_rules(extra_dirs: Sequence[str | Path] = ()) -> NoiseRules:
    """The built-in noise pack merged with the user's `noise.toml` files."""
    return load_pack("noise", NoiseRules, extra_dirs)


@dataclass(frozen=True)
class _Compiled:
    exact: frozenset[str]
    line: re.Pattern[str] | None
    inline: re.Pattern[str] | None
    headings: frozenset[str]
    rules: NoiseRules
    signals: re.Pattern[str] | None = None
    joins: re.Pattern[str] | None = None


def _alternation(patterns: Sequence[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@functools.lru_cache(maxsize=8)
def _compile(rules: NoiseRules) -> _Compiled:
    return _Compiled(
        exact=frozenset(e.strip().lower() for e in rules.lines.exact),
        line=_alternation(rules.lines.patterns),
        inline=_alternation(rules.inline.patterns),
        headings=frozenset(h.strip().lower() for h in rules.references.headings),
        rules=rules,
        # Matched as written: a clitic is " ’ s", not " ’ S".
        signals=_alternation(rules.tokenized.signals, flags=0),
        joins=_alternation(rules.tokenized.joins, flags=0),
    )


def _is_noise_line(line: str, compiled: _Compiled) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > compiled.rules.lines.max_chars:
        return False
    if stripped.lower() in compiled.exact:
        return True
    return compiled.line is not None and compiled.line.fullmatch(stripped) is not None


def _heading_key(line: str) -> str:
    return line.strip().strip("#*_=: \t").lower()


def _reference_start(lines: list[tuple[int, str]], compiled: _Compiled) -> int | None:
    """Index of the line opening a trailing reference list, if there is one."""
    refs = compiled.rules.references
    for index, (_, line) in enumerate(lines):
        if _heading_key(line) not in compiled.headings or len(line.strip()) > 60:
            continue
        rest = [text for _, text in lines[index + 1 :] if text.strip()]
        if len(rest) <= refs.max_lines and all(len(text.strip()) <= refs.max_line_chars for text in rest):
            return index
    return None


def _split_lines(text: str) -> list[tuple[int, str]]:
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, line))
        pos += len(line)
    return lines


def _drop_inline(text: str, offset_map: OffsetMap, compiled: _Compiled) -> tuple[str, OffsetMap]:
    if compiled.inline is None:
        return text, offset_map
    matches = list(compiled.inline.finditer(text))
    if not matches:
        return text, offset_map
    rebuilder, pos = Rebuilder(text, offset_map), 0
    for match in matches:
        rebuilder.keep(pos, match.start())
        pos = match.end()
    rebuilder.keep(pos, len(text))
    return rebuilder.build()


def _rejoin_tokens(text: str, offset_map: OffsetMap, compiled: _Compiled) -> tuple[str, OffsetMap]:
    """A text written back from tokens ("magnitude of 4. 6", "co - workers") with the spaces
    inside its numbers and words taken out; any other text as it is."""
    if compiled.signals is None or compiled.joins is None:
        return text, offset_map
    wanted = compiled.rules.tokenized.min_signals
    if sum(1 for _ in zip(range(wanted), compiled.signals.finditer(text))) < wanted:
        return text, offset_map
    kept = _around_asides(text, compiled.rules.tokenized)
    rebuilder, pos = Rebuilder(text, offset_map), 0
    for match in compiled.joins.finditer(text):
        if match.start() in kept:
            continue
        rebuilder.keep(pos, match.start())
        pos = match.end()
    if pos == 0:
        return text, offset_map
    rebuilder.keep(pos, len(text))
    return rebuilder.build()


_SPACED_DASH = re.compile(r"(?<= )-(?= )")
_SENTENCE_END = re.compile(r"[.!?][\"'’”]? ")


def _around_asides(text: str, rules: TokenizedRules) -> set[int]:
    """The spaces around dashes that set off an aside ("Chela Ortiz - who was married three
    weeks before her husband was murdered - sat with ..."): a spaced dash before one of the
    `aside_openers`, and the next one in its sentence, with at least `aside_words` words between
    them. No hyphened word goes on with "who" ("co - workers said the 13 - inch" is two words
    written back from tokens)."""
    openers = {w.lower() for w in rules.aside_openers}
    kept: set[int] = set()
    for line_start, line in _split_lines(text):
        dashes = [m.start() for m in _SPACED_DASH.finditer(line)]
        i = 0
        while i + 1 < len(dashes):
            between = line[dashes[i] + 1 : dashes[i + 1]]
            words = between.split()
            if words and words[0].lower() in openers and len(words) >= rules.aside_words and not _SENTENCE_END.search(between):
                for dash in (dashes[i], dashes[i + 1]):
                    kept.update({line_start + dash - 1, line_start + dash + 1})
                i += 2
            else:
                i += 1
    return kept


def strip_noise(text: str, offset_map: OffsetMap, rules: NoiseRules) -> tuple[str, OffsetMap]:
    """`text` without web noise, with blank-line runs collapsed and ends trimmed.

    Args:
        text: Article text (markup already removed).
        offset_map: Map from `text` to the original file.
        rules: The noise rule pack (`load_noise_rules()`).

    Returns:
        The cleaned text and its map to the original file.
    """
    compiled = _compile(rules)
    text, offset_map = _drop_inline(text, offset_map, compiled)
    text, offset_map = _rejoin_tokens(text, offset_map, compiled)
    lines = _split_lines(text)
    cut = _reference_start(lines, compiled)
    if cut is not None:
        lines = lines[:cut]
    rebuilder = Rebuilder(text, offset_map)
    pending_break: int | None = None
    for start, line in lines:
        body = line.rstrip("\r\n")
        if not body.strip() or _is_noise_line(body, compiled):
            if not body.strip() and len(rebuilder) and line.endswith("\n"):
                pending_break = start + len(line) - 1
            continue
        if len(rebuilder) and not rebuilder.endswith("\n"):
            rebuilder.insert("\n", start)
        if pending_break is not None:
            # One blank line between paragraphs, however many the page had.
            rebuilder.keep(pending_break, pending_break + 1)
            pending_break = None
        lead = len(body) - len(body.lstrip())
        rebuilder.keep(start + lead, start + len(body.rstrip()))
        if line.endswith("\n"):
            rebuilder.keep(start + len(line) - 1, start + len(line))  # the line break itself
    cleaned, cleaned_map = rebuilder.build()
    trimmed = cleaned.rstrip()
    if len(trimmed) < len(cleaned):
        rebuilder = Rebuilder(cleaned, cleaned_map)
        rebuilder.keep(0, len(trimmed))
        return rebuilder.build()
    return cleaned, cleaned_map
