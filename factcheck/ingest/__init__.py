"""Read articles from disk into `Article`s: plain text, markdown, HTML and JSON.

`read_corpus` walks files and folders and never stops at a bad file: it yields an
`InputProblem` for it and carries on. `read_article` reads one file and raises
`InputError`. Every reader keeps a map from the cleaned text back to the original
file, so offsets reported later point into what the user wrote.

Paths: an article found in a folder is named relative to that folder; a file given
on its own is named relative to the working directory when inside it, else as
given. Hidden files and folders (`.git`, `.factcheck_cache`) are skipped, as are
files of other types found in folders (a file of another type given by name is a
problem). Symbolic links to folders are not followed, to avoid cycles.

A decoding fallback (cp1252, latin-1) yields the article plus an `InputProblem`
whose message starts with `note:`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..models import Article, InputProblem
from .decode import decode_bytes, read_bytes
from .document import Draft, Reader, assemble
from .html import HtmlReader
from .json import JsonReader
from .markdown import MarkdownReader
from .noise import NoiseRules, load_noise_rules
from .offsets import LineIndex, OffsetMapper, TextBuilder, to_original
from .txt import TextReader

__all__ = [
    "read_corpus",
    "read_article",
    "read_file",
    "reader_for",
    "supported_extensions",
    "DEFAULT_MAX_BYTES",
    "Draft",
    "Reader",
    "LineIndex",
    "OffsetMapper",
    "TextBuilder",
    "to_original",
]

DEFAULT_MAX_BYTES = 5_000_000
_READERS: tuple[Reader, ...] = (TextReader(), MarkdownReader(), HtmlReader(), JsonReader())
_BY_EXTENSION: dict[str, Reader] = {ext: reader for reader in _READERS for ext in reader.extensions}


def supported_extensions() -> tuple[str, ...]:
    """File name endings factcheck reads (`.txt`, `.md`, ...)."""
    return tuple(_BY_EXTENSION)


def reader_for(path: Path) -> Reader | None:
    """The reader for a file, chosen by its extension (case-insensitive)."""
    return _BY_EXTENSION.get(path.suffix.lower())


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def read_file(
    path: Path,
    *,
    root: Path | None = None,
    dateline: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    noise: NoiseRules | None = None,
) -> tuple[list[Article], list[InputError]]:
    """Every article in one file, and every problem met reading it (lenient).

    Args:
        path: The file.
        root: The folder the file was found in; its path is named relative to it.
        dateline: Publication date for articles that state none.
        max_bytes: Larger files are refused.
        noise: The web-noise rule pack (default: the built-in one).

    Returns:
        The articles read and the problems (a bad record of a JSON Lines file
        does not stop the others).
    """
    display = _display(path, root)
    reader = reader_for(path)
    if reader is None:
        allowed = ", ".join(supported_extensions())
        suffix = path.suffix or "(none)"
        return [], [InputError(display, f"unsupported file type {suffix!r}; expected one of: {allowed}")]
    try:
        decoded = decode_bytes(read_bytes(path, display, max_bytes=max_bytes), display)
    except InputError as e:
        return [], [e]
    noise = noise or load_noise_rules()
    articles: list[Article] = []
    problems: list[InputError] = [InputError(display, decoded.note)] if decoded.note else []
    abs_path = str(path.absolute())
    try:
        items = list(reader.read(decoded.text, display))
    except InputError as e:
        return [], [*problems, e]
    for item in items:
        if isinstance(item, InputError):
            problems.append(item)
            continue
        try:
            articles.append(
                assemble(
                    item,
                    path=display,
                    abs_path=abs_path,
                    original=decoded.text,
                    content_hash=decoded.content_hash,
                    noise=noise,
                    dateline=dateline,
                )
            )
        except InputError as e:
            problems.append(e)
    return articles, problems


def read_article(
    path: Path,
    *,
    root: Path,
    dateline: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Article]:
    """The articles in one file (one, or one per record of a JSON file).

    Raises:
        InputError: The file, or any record in it, cannot be read. Decoding notes
            (a cp1252 fallback) are not errors.
    """
    articles, problems = read_file(Path(path), root=Path(root), dateline=dateline, max_bytes=max_bytes)
    errors = [p for p in problems if not p.problem.startswith("note:")]
    if errors:
        raise errors[0]
    return articles


def _hidden(name: str) -> bool:
    return name.startswith(".")


# Project files that sit beside articles in a folder but are not articles; a file
# named on the command line is always read.
_NOT_ARTICLES = frozenset({"readme", "changelog", "license", "licence", "contributing", "code_of_conduct"})


def _not_an_article(name: str) -> bool:
    return name.split(".", 1)[0].lower() in _NOT_ARTICLES


def _walk(folder: Path) -> list[Path]:
    """Supported files under `folder`, hidden ones skipped, in a stable order."""
    found: list[Path] = []
    for current, dirs, files in os.walk(folder, onerror=None, followlinks=False):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for name in files:
            candidate = Path(current) / name
            if not _hidden(name) and not _not_an_article(name) and reader_for(candidate) is not None:
                found.append(candidate)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def read_corpus(
    paths: Sequence[str | Path],
    *,
    dateline: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extra_rule_dirs: Sequence[str | Path] = (),
    noise: NoiseRules | None = None,
) -> Iterator[Article | InputProblem]:
    """Every article under `paths` (files and folders), and a problem for each bad file.

    Args:
        paths: Files and folders; folders are read recursively in sorted order.
        dateline: Publication date for articles that state none.
        max_bytes: Files larger than this are refused (a problem, not an error).
        extra_rule_dirs: Folders with a `noise.toml` extending the built-in noise patterns.
        noise: The run's noise pack (`RulePacks.noise`); beats `extra_rule_dirs`.

    Yields:
        `Article`s and `InputProblem`s, file by file, in a deterministic order.
    """
    noise = noise or load_noise_rules(extra_rule_dirs)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files, root = _walk(path), path
        elif path.exists() or path.is_symlink():
            files, root = [path], None
        else:
            yield InputProblem(path=_display(path, None), message="no such file or folder")
            continue
        for file in files:
            articles, problems = read_file(file, root=root, dateline=dateline, max_bytes=max_bytes, noise=noise)
            yield from articles
            for problem in problems:
                yield InputProblem(path=problem.path, message=problem.problem)
