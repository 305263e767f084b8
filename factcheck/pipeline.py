"""The whole path as library functions: ingest → extract → compare → `Report`.

`extract()` and `check()` are what the CLI and the Python API call. Articles are
streamed in batches through `nlp.pipe`, so parsed Docs never pile up; with several
jobs each worker process loads the model once and returns plain claims.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .cache import ClaimCache, cache_key
from .comparison import compare_documents, load_detectors
from .extract.claims import EXTRACTOR_VERSION
from .rulepacks import rules_hash
from .sharing import SharedParts
from .engine import ExtractionEngine, make_engine
from .ingest import read_corpus
from .ingest.offsets import LineIndex
from .models import (
    Article,
    DocumentClaims,
    DocumentInfo,
    Evidence,
    ExtractReport,
    Finding,
    InputProblem,
    Report,
    Severity,
    StoryReport,
)

__all__ = ["RunOptions", "extract", "check", "stories", "extract_articles"]


@dataclass(frozen=True)
class RunOptions:
    """Everything a run needs besides the paths; defaults suit a quick local run."""

    model: str | None = None
    dateline: dt.date | None = None
    rules_dirs: tuple[str, ...] = ()
    jobs: int | None = 1
    batch_size: int = 32
    cache: bool = False
    cache_dir: str | None = None
    engine: str = "local"
    scheduler: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    max_bytes: int = 5_000_000
    strict: bool = False
    progress: Callable[[int], None] | None = None
    """Called with the number of articles finished so far (for progress bars)."""


def extract_articles(
    articles: Iterable[Article | InputProblem],
    options: RunOptions,
    *,
    warnings: list[str] | None = None,
    engine: ExtractionEngine | None = None,
) -> Iterator[DocumentClaims | InputProblem]:
    """Claims of each article; problems pass through.

    With the cache on, articles whose claims are cached (same content, extractor,
    model and rules) skip the parser; only the others reach the engine. An engine
    passed in is left open for the caller (the Dask engine also compares).
    """
    owned = engine is None
    engine = engine or make_engine(options)
    cache = _open_cache(options)
    try:
        if cache is None:
            yield from engine.run(articles)
            return
        keys: dict[str, str] = {}
        hits: list[DocumentClaims] = []
        # Read once per run: the rule packs do not change while a folder is read.
        model_version, rules_version = _model_version(options), _rules_hash(options)

        def misses() -> Iterator[Article | InputProblem]:
            for item in articles:
                if isinstance(item, Article):
                    key = cache_key(item.content_hash, EXTRACTOR_VERSION, model_version, rules_version,
                                    item.published.isoformat() if item.published else None)
                    cached = cache.get(key) if item.content_hash else None
                    if cached is not None and cached.path == item.path:
                        hits.append(cached)
                        continue
                    keys[item.path] = key
                yield item

        fresh: list[tuple[str, DocumentClaims]] = []
        for result in engine.run(misses()):
            while hits:
                yield hits.pop(0)
            if isinstance(result, DocumentClaims) and result.path in keys:
                fresh.append((keys.pop(result.path), result))
                if len(fresh) >= 64:
                    cache.put_many(fresh)
                    fresh.clear()
            yield result
        yield from hits
        if fresh:
            cache.put_many(fresh)
    finally:
        if owned:
            engine.close()
        if cache is not None:
            if warnings is not None:
                warnings.extend(cache.warnings)
            cache.close()


def _open_cache(options: RunOptions) -> ClaimCache | None:
    if not options.cache:
        return None
    return ClaimCache(Path(options.cache_dir) if options.cache_dir else None)


@functools.lru_cache(maxsize=8)
def _model_version_of(name: str | None) -> str:
    from .nlp import resolve_model_name

    resolved = resolve_model_name(name)
    try:
        return f"{resolved}=={importlib.metadata.version(resolved.replace('_', '-'))}"
    except importlib.metadata.PackageNotFoundError:
        path = Path(resolved)
        return f"{resolved}@{path.stat().st_mtime_ns if path.exists() else 'unknown'}"


def _model_version(options: RunOptions) -> str:
    return _model_version_of(options.model)


def _rules_hash(options: RunOptions) -> str:
    return rules_hash(options.rules_dirs)


def _collect(items: Iterable[DocumentClaims | InputProblem]) -> tuple[list[DocumentClaims], list[InputProblem]]:
    """Documents sorted by path, and problems. Every document is held until the end of the run,
    so their equal parts are kept once."""
    shared = SharedParts()
    documents: list[DocumentClaims] = []
    problems: list[InputProblem] = []
    for item in items:
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            documents.append(shared.document(item))
    documents.sort(key=lambda d: d.path)
    return documents, problems


def extract(
    paths: Sequence[str | Path], options: RunOptions | None = None, *, warnings: list[str] | None = None
) -> ExtractReport:
    """Read and extract every article under `paths`.

    Returns:
        An `ExtractReport` with per-document claims and times, plus unreadable inputs.
    """
    options = options or RunOptions()
    articles = read_corpus(paths, dateline=options.dateline, max_bytes=options.max_bytes)
    documents, problems = _collect(extract_articles(articles, options, warnings=warnings))
    return ExtractReport(
        tool_version=__version__,
        model=_model_label(options),
        documents=tuple(documents),
        problems=tuple(problems),
    )


def stories(
    paths: Sequence[str | Path], options: RunOptions | None = None, *, warnings: list[str] | None = None
) -> StoryReport:
    """Read and extract every article under `paths`, and group them into stories (nothing compared).

    Returns:
        A `StoryReport`: each story with its articles, their average similarity and what they share.
    """
    from .comparison.stories import find_stories, load_alignment

    options = options or RunOptions()
    extracted = extract(paths, options, warnings=warnings)
    found = find_stories(extracted.documents, load_alignment(options.rules_dirs).stories)
    return StoryReport(
        tool_version=extracted.tool_version,
        model=extracted.model,
        stories=tuple(found),
        documents=tuple(
            DocumentInfo(path=d.path, title=d.title, published=d.published, source=d.source, claims=len(d.claims))
            for d in extracted.documents
        ),
        problems=extracted.problems,
    )


def check(
    paths: Sequence[str | Path], options: RunOptions | None = None, *, warnings: list[str] | None = None
) -> Report:
    """Read, extract and compare every article under `paths`.

    Returns:
        A `Report` with the documents, the findings (most severe first) and unreadable inputs.
    """
    options = options or RunOptions()
    detectors = load_detectors(
        options.rules_dirs,
        select=options.select,
        ignore=options.ignore,
        severity=options.severity,
        settings=options.settings,
    )
    line_indexes: dict[str, LineIndex] = {}
    locations: dict[str, str] = {}

    def remember_lines(items: Iterable[Article | InputProblem]) -> Iterator[Article | InputProblem]:
        for item in items:
            if isinstance(item, Article):
                line_indexes[item.path] = LineIndex(item.original)
                locations[item.path] = _relative_to_cwd(item.abs_path) if item.abs_path else item.path
            yield item

    articles = remember_lines(read_corpus(paths, dateline=options.dateline, max_bytes=options.max_bytes))
    engine = make_engine(options)
    try:
        documents, problems = _collect(extract_articles(articles, options, warnings=warnings, engine=engine))
        # An engine that can compare (Dask: stories on the workers) does; else compare here.
        compare = getattr(engine, "compare", None)
        if compare is not None:
            comparison = compare(documents, detectors, extra_dirs=options.rules_dirs)
        else:
            comparison = compare_documents(documents, detectors, extra_dirs=options.rules_dirs)
    finally:
        engine.close()
    findings = tuple(_locate(f, line_indexes) for f in comparison.findings)
    return Report(
        tool_version=__version__,
        model=_model_label(options),
        documents=tuple(
            DocumentInfo(
                path=d.path,
                title=d.title,
                published=d.published,
                source=d.source,
                claims=len(d.claims),
                suppressions=d.suppressions,
            )
            for d in documents
        ),
        findings=findings,
        problems=tuple(problems),
        rule_packs=("builtin", *options.rules_dirs),
        stories=comparison.stories,
        story_details=comparison.story_details,
        timeline=comparison.timeline,
        locations=locations,
    )


def _relative_to_cwd(abs_path: str) -> str:
    try:
        return Path(os.path.relpath(abs_path)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(abs_path).as_posix()


def _locate(finding: Finding, line_indexes: dict[str, LineIndex]) -> Finding:
    """Fill in line and column of each evidence from its article's original text."""
    evidence: list[Evidence] = []
    for ev in finding.evidence:
        lines = line_indexes.get(ev.path)
        if lines is None:
            evidence.append(ev)
            continue
        line, column = lines.line_column(ev.start)
        end_line, end_column = lines.line_column(max(ev.start, ev.end - 1))
        evidence.append(
            ev.model_copy(update={"line": line, "column": column, "end_line": end_line, "end_column": end_column + 1})
        )
    return finding.model_copy(update={"evidence": tuple(evidence)})


def _model_label(options: RunOptions) -> str:
    from .nlp import resolve_model_name

    try:
        return resolve_model_name(options.model)
    except Exception:  # noqa: BLE001 - the label is informative only
        return options.model or ""


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


