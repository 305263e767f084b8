"""The time extractor: every time expression in a Doc, normalized against the dateline."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from ...models import TimeRef
from ..parsed import doc_entities, doc_text
from .grammar import _Grammar, _grammar
from .lexicon import Tense, TimeLexicon, load_time_lexicon
from .normalize import _parse, _time_ref
from .tense import clause_tense
from .values import _Value

__all__ = ["time_expressions"]

_TIME_LABELS = {"DATE", "TIME"}
# "as early as Tuesday", "as soon as Friday": a time not reached yet, whatever the verb's tense.
_FORWARD_CUE = re.compile(r"as\s+(?:early|soon)\s+as\b", re.IGNORECASE)


def _trim_span(text: str, start: int, end: int, grammar: _Grammar) -> tuple[int, int]:
    """Drop leading prepositions and "the", and trailing punctuation, from a candidate span."""
    piece = text[start:end]
    while True:
        match = grammar.leading.match(piece)
        if not match or re.match(r"(?i)the\s+(?:end|beginning|start|middle)\s+of\b", piece):
            break
        start += match.end()
        piece = piece[match.end() :]
    stripped = piece.rstrip(".,;:!?)\"'’ ")
    stripped = re.sub(r"['’]s$", "", stripped)
    end = start + len(stripped)
    return start, end


_CONNECTOR = re.compile(r"\s+(?:and|to|or|through|until|till|and\s+beyond|or\s+later)(?:\s+|$)|\s*[–—]\s*|(?<=\b[12]\d{3})-(?=[12]\d{3}\b)")


def _range_ends(text: str, start: int, end: int, grammar: _Grammar) -> list[tuple[int, int]]:
    """The pieces of an entity between connectors ("and", "to", dashes), each trimmed."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for match in _CONNECTOR.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    if not pieces:
        return []
    pieces.append((cursor, end))
    trimmed = (_trim_span(text, s, e, grammar) for s, e in pieces)
    return [(s, e) for s, e in trimmed if e > s]


_BEFORE_MONTH = re.compile(
    r"\b(?:in|of|since|until|by|early|late|mid|last|next|this|from|through|during|before|after)[\s-]+$", re.IGNORECASE
)


def _looks_like_month(text: str, start: int, word: str) -> bool:
    """A month name standing alone: capitalized, and "May" only after a preposition ("in May")."""
    if word[:1].islower():
        return False  # "they march", "it may"
    return word.lower() != "may" or bool(_BEFORE_MONTH.search(text[max(0, start - 12) : start]))


_GLUE_BEFORE = re.compile(r"(?:\w|\d[-/.])$")
_GLUE_AFTER = re.compile(r"^(?:\w|[-/.]\d)")


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a span is part of a longer token such as an id or phone number ("2026-0516")."""
    return bool(_GLUE_BEFORE.search(text[max(0, start - 2) : start]) or _GLUE_AFTER.match(text[end : end + 2]))


def _candidates(doc: Doc, grammar: _Grammar) -> list[tuple[int, int, int]]:
    """(start, end, priority) spans that may be time expressions: NER entities and pattern matches."""
    text = doc_text(doc)
    found: list[tuple[int, int, int]] = []
    for match in grammar.finder.finditer(text):
        start, end = match.span()
        piece = match.group(0)
        if grammar.bare_month.fullmatch(piece) and not _looks_like_month(text, start, piece):
            continue
        found.append((start, end, 1))
    for ent in doc_entities(doc):
        if ent.label_ not in _TIME_LABELS:
            continue
        start, end = _trim_span(text, ent.start_char, ent.end_char, grammar)
        if end <= start or _glued(text, start, end):
            continue
        if grammar.bare_month.fullmatch(text[start:end]) and not _looks_like_month(text, start, text[start:end]):
            continue
        found.append((start, end, 0))
    return found


def time_expressions(doc: Doc, *, dateline: dt.date | None, lexicon: TimeLexicon | None = None) -> list[TimeRef]:
    """Every date expression in `doc`, offsets into `doc.text` (line/column left at 1).

    Candidates are spaCy DATE/TIME entities plus the lexicon's patterns (for what the
    tagger misses); each is normalized with `normalize_time`, and what does not
    normalize (durations, times of day alone) is dropped. Overlaps keep the longest.

    Args:
        doc: A parsed document (tagger, parser and NER are used).
        dateline: The article's date; relative expressions are resolved against it.
        lexicon: Words to use; the built-in `rules/time.toml` when omitted.

    Returns:
        `TimeRef`s sorted by start, none overlapping another.
    """
    grammar = _grammar(lexicon or load_time_lexicon())
    text = doc_text(doc)
    parsed: list[tuple[int, int, int, _Value]] = []
    for start, end, priority in set(_candidates(doc, grammar)):
        piece = text[start:end]
        tense: Tense = "past"
        if dateline is not None and grammar.tense_sensitive.search(piece):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                tense = clause_tense(span, grammar.lexicon)
            if _FORWARD_CUE.match(piece):
                tense = "future"
        value = _parse(piece, dateline, tense, grammar)
        if value is not None:
            parsed.append((start, end, priority, value))
        elif priority == 0:
            # An entity naming two times ("between 1994 and 1997"): normalize each end.
            for sub_start, sub_end in _range_ends(text, start, end, grammar):
                value = _parse(text[sub_start:sub_end], dateline, tense, grammar)
                if value is not None:
                    parsed.append((sub_start, sub_end, priority, value))
    # Longest first; on equal length the pattern match (priority 1) wins over NER.
    parsed.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int, int, _Value]] = []
    for cand in parsed:
        if all(cand[1] <= t[0] or cand[0] >= t[1] for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c[0])
    return [_time_ref(text[s:e], s, e, v, dateline) for s, e, _, v in taken]
