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

A decoding fallback (cp1252, latin-1, UTF-16 without a byte-order mark) or a date
that is not a date yields the article plus an `InputProblem` with `level="note"`.
A file reached twice is read once, and no two articles share a name (see
`corpus_files`). File names that are not UTF-8 are shown with `\\xNN` escapes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import FactcheckError, InputError
from ..models import Article, InputProblem
from ..sanitize import readable_name
from .decode import decode_bytes, read_bytes
from .document import Draft, Reader, assemble
from .html import HtmlReader
from .json import JsonReader
from .markdown import MarkdownReader
from .noise import NoiseRules, load_noise_rules
from .offsets import LineIndex, OffsetMapper, TextBuilder, to_original
from .txt import TextReader

__all__ = [
    "as_paths",
    "corpus_files",
    "require_paths",
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
_LOG = logging.getLogger("factcheck")
_READERS: tuple[Reader, ...] = (TextReader(), MarkdownReader(), HtmlReader(), JsonReader())
_BY_EXTENSION: dict[str, Reader] = {ext: reader for reader in _READERS for ext in reader.extensions}


def supported_extensions() -> tuple[str, ...]:
    """File name endings factcheck reads (`.txt`, `.md`, ...)."""
    return tuple(_BY_EXTENSION)


def reader_for(path: Path) -> Reader | None:
    """The reader for a file, chosen by its extension (case-insensitive)."""
    return _BY_EXTENSION.get(path.suffix.lower())


def _display(path: Path, root: Path | None) -> str:
    return readable_name(_relative_name(path, root))


def _relative_name(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    text = text if len(text) <= 200 else text[:199] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def read_file(
    path: Path,
    *,
    root: Path | None = None,
    dateline: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    noise: NoiseRules | None = None,
    display: str | None = None,
) -> tuple[list[Article], list[InputError]]:
    """Every article in one file, and every problem met reading it (lenient).

    This is the reading contract: whatever the file holds, the result is articles
    and problems, never an exception. A failure no reader foresaw becomes one problem
    naming the file, with the exception as its `__cause__` (`read_corpus` logs its
    traceback at debug level on the `factcheck` logger, which `--debug` shows).

    Args:
        path: The file.
        root: The folder the file was found in; its path is named relative to it.
        dateline: Publication date for articles that state none.
        max_bytes: Larger files are refused.
        noise: The web-noise rule pack (default: the built-in one).
        display: The name to give the file (default: derived from `path` and `root`).

    Returns:
        The articles read and the problems (a bad record of a JSON Lines file
        does not stop the others). Problems whose text starts with `note:` are notes.
    """
    display = display or _display(path, root)
    try:
        return _read_file(path, display, dateline=dateline, max_bytes=max_bytes, noise=noise)
    except RecursionError as e:
        return [], [_wrap(display, "nested too deeply to read", e)]
    except MemoryError as e:
        return [], [_wrap(display, "too large to hold in memory", e)]
    except Exception as e:  # noqa: BLE001 - the reading contract: one problem, never an exception
        return [], [_wrap(display, f"cannot read ({_one_line(e)})", e)]


def _wrap(display: str, problem: str, cause: BaseException) -> InputError:
    error = InputError(display, problem)
    error.__cause__ = cause
    return error


def _read_file(
    path: Path, display: str, *, dateline: dt.date | None, max_bytes: int, noise: NoiseRules | None
) -> tuple[list[Article], list[InputError]]:
    reader = reader_for(path)
    if reader is None:
        allowed = ", ".join(supported_extensions())
        suffix = readable_name(path.suffix) or "(none)"
        return [], [InputError(display, f"unsupported file type {suffix!r}; expected one of: {allowed}")]
    try:
        decoded = decode_bytes(read_bytes(path, display, max_bytes=max_bytes), display)
    except InputError as e:
        return [], [e]
    noise = noise or load_noise_rules()
    articles: list[Article] = []
    problems: list[InputError] = [InputError(display, decoded.note)] if decoded.note else []
    abs_path = readable_name(str(path.absolute()))
    try:
        items = list(reader.read(decoded.text, display))
    except InputError as e:
        return [], [*problems, e]
    for item in items:
        if isinstance(item, InputError):
            problems.append(item)
            continue
        problems.extend(InputError(display + item.suffix, f"note: {note}") for note in item.notes)
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
    if not articles and all(p.problem.startswith("note:") for p in problems):
        problems.append(InputError(display, "no articles in the file (an empty list of records)"))
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


def _walk(folder: Path, problems: list[InputProblem]) -> list[Path]:
    """Supported files under `folder`, hidden ones skipped, in a stable order.

    A subfolder that cannot be listed adds a problem instead of vanishing silently.
    """

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error)).lower()
        problems.append(InputProblem(path=_display(where, None), message=f"cannot read folder: {reason}"))

    found: list[Path] = []
    for current, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for name in files:
            candidate = Path(current) / name
            if not _hidden(name) and not _not_an_article(name) and reader_for(candidate) is not None:
                found.append(candidate)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def as_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """`paths` as a list of `Path`s; one string or path is one path, never its characters."""
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def require_paths(paths: Sequence[str | os.PathLike[str]]) -> None:
    """Raise the usage error for paths that do not exist (the CLI exits 2 with it).

    Raises:
        FactcheckError: No path was given, or some path does not exist.
    """
    if not paths:
        raise FactcheckError("no files or folders given")
    missing = [readable_name(str(p)) for p in paths if not (Path(p).exists() or Path(p).is_symlink())]
    if missing:
        raise FactcheckError(f"{', '.join(missing)}: no such file or folder")


def _identity(path: Path) -> object:
    """What makes two paths the same file: device and inode, else the resolved path."""
    try:
        stat = path.stat()
        return (stat.st_dev, stat.st_ino)
    except OSError:
        return os.path.realpath(path)


def corpus_files(paths: Sequence[str | Path]) -> tuple[list[tuple[Path, str]], list[InputProblem]]:
    """Every file to read under `paths` with the unique name it gets, and problems met finding them.

    A file reached twice (the same folder given twice, a file given beside its
    folder, a link to a file already read) is read once: reading it twice would
    pair each article with its own copy. Files are named relative to the folder
    given; when that leaves two files with one name (`a/story.md` and `b/story.md`
    from `factcheck check a b`), those are named relative to the working directory
    instead, so two articles never share a name.
    """
    problems: list[InputProblem] = []
    entries: list[tuple[Path, Path | None]] = []
    seen: set[object] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            before = len(problems)
            files, root = _walk(path, problems), path
            if not files and len(problems) == before:
                allowed = ", ".join(supported_extensions())
                problems.append(InputProblem(path=_display(path, None), message=f"no articles found (expected files ending in {allowed})"))
        elif path.exists() or path.is_symlink():
            files, root = [path], None
        else:
            problems.append(InputProblem(path=_display(path, None), message="no such file or folder"))
            continue
        for file in files:
            identity = _identity(file)
            if identity not in seen:
                seen.add(identity)
                entries.append((file, root))
    return _unique_names(entries), problems


def _unique_names(entries: list[tuple[Path, Path | None]]) -> list[tuple[Path, str]]:
    """Each file with its name: relative to its folder, else to the working directory, else absolute."""
    namings = (
        lambda file, root: _display(file, root),
        lambda file, root: _display(file, None),
        lambda file, root: readable_name(str(file.absolute())),
    )
    names = [namings[0](file, root) for file, root in entries]
    for naming in namings[1:]:
        counts = Counter(names)
        if all(n == 1 for n in counts.values()):
            break
        names = [naming(file, root) if counts[name] > 1 else name for (file, root), name in zip(entries, names, strict=True)]
    return [(file, name) for (file, _), name in zip(entries, names, strict=True)]


def _problem(error: InputError) -> InputProblem:
    cause = error.__cause__
    if cause is not None:
        # Shown with --debug: what went wrong inside the reader or the library it called.
        _LOG.debug("%s: %s", error.path, error.problem, exc_info=(type(cause), cause, cause.__traceback__))
    if error.problem.startswith("note: "):
        return InputProblem(path=error.path, message=error.problem.removeprefix("note: "), level="note")
    return InputProblem(path=error.path, message=error.problem)


def read_corpus(
    paths: Sequence[str | Path] | str | Path,
    *,
    dateline: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extra_rule_dirs: Sequence[str | Path] = (),
    noise: NoiseRules | None = None,
) -> Iterator[Article | InputProblem]:
    """Every article under `paths` (files and folders), and a problem for each bad file.

    Args:
        paths: Files and folders; folders are read recursively in sorted order. One
            string or `Path` is one path.
        dateline: Publication date for articles that state none.
        max_bytes: Files larger than this are refused (a problem, not an error).
        extra_rule_dirs: Folders with a `noise.toml` extending the built-in noise patterns.
        noise: The run's noise pack (`RulePacks.noise`); beats `extra_rule_dirs`.

    Yields:
        `Article`s and `InputProblem`s (notes have `level="note"`), file by file, in a
        deterministic order. Nothing a file holds makes this raise.
    """
    noise = noise or load_noise_rules(extra_rule_dirs)
    files, problems = corpus_files(as_paths(paths))
    yield from problems
    for file, name in files:
        articles, errors = read_file(file, dateline=dateline, max_bytes=max_bytes, noise=noise, display=name)
        yield from articles
        for error in errors:
            yield _problem(error)
