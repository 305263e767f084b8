"""The whole path as library functions: ingest → extract → compare → `Report`.

`extract()` and `check()` are what the CLI and the Python API call. Articles are
streamed in batches through `nlp.pipe`, so parsed Docs never pile up; with several
jobs each worker process loads the model once and returns plain claims.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.metadata
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .version import __version__
from .baseline import apply_baseline, load_baseline, write_baseline
from .cache import ClaimCache, cache_key
from .comparison import compare_documents, load_detectors
from .comparison.merge import merge_story_findings
from .detect.base import registry
from .engine import ExtractionEngine, LocalEngine
from .errors import ConfigError, FactcheckError
from .extract.claims import EXTRACTOR_VERSION
from .ingest import as_paths, corpus_files, read_corpus, require_paths
from .models import (
    Article,
    DocumentClaims,
    DocumentInfo,
    ExtractReport,
    InputProblem,
    Report,
    StoryReport,
)
from .options import RunOptions
from .packs import RulePacks
from .sharing import SharedParts
from .suppress import apply_suppressions, suppressions_by_path

__all__ = ["RunOptions", "extract", "check", "stories", "extract_articles", "make_engine"]


def make_engine(options: RunOptions) -> ExtractionEngine:
    """The engine `options.engine` names: `local` (default) or `dask`."""
    if options.engine == "local":
        return LocalEngine(options)
    if options.engine == "dask":
        try:
            from .distributed import DaskEngine
        except ImportError as e:
            raise FactcheckError("the dask engine needs the extra: pip install 'factcheck[dask]'") from e
        return DaskEngine(options)
    raise FactcheckError(f"unknown engine {options.engine!r}; expected: local, dask")


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
        model_version, rules_version = _model_version(options), RulePacks.load(options.rules_dirs).version

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
    paths: Sequence[str | Path] | str | Path, options: RunOptions | None = None, *, warnings: list[str] | None = None
) -> ExtractReport:
    """Read and extract every article under `paths` (one path, or several).

    Returns:
        An `ExtractReport` with per-document claims and times, plus unreadable inputs.

    Raises:
        FactcheckError: A path does not exist (the command line's exit 2).
    """
    options = options or RunOptions()
    paths = as_paths(paths)
    require_paths(paths)
    packs = RulePacks.load(options.rules_dirs)
    inputs = _Inputs(paths, options)
    articles = inputs.track(read_corpus(paths, dateline=options.dateline, max_bytes=options.max_bytes, noise=packs.noise))
    documents, problems = _collect(inputs.counted(extract_articles(articles, inputs.quiet_options, warnings=warnings)))
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
    from .comparison.stories import find_stories

    options = options or RunOptions()
    extracted = extract(paths, options, warnings=warnings)
    found = find_stories(extracted.documents, RulePacks.load(options.rules_dirs).alignment.stories)
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
    paths: Sequence[str | Path] | str | Path, options: RunOptions | None = None, *, warnings: list[str] | None = None
) -> Report:
    """Read, extract and compare every article under `paths` (one path, or several), then apply suppressions and the baseline.

    Findings that an article's inline comments switch off are dropped (and counted in
    `suppressed`); with `options.baseline`, findings recorded there are hidden (counted
    in `baselined`, stale entries listed), or with `options.update_baseline` the file
    is written from this run's findings.

    Returns:
        A `Report` with the documents, the findings (most severe first) and unreadable inputs.

    Raises:
        FactcheckError: A path does not exist (the command line's exit 2).
    """
    options = options or RunOptions()
    paths = as_paths(paths)
    require_paths(paths)
    if options.update_baseline and options.baseline is None:
        raise ConfigError("--update-baseline needs --baseline FILE")
    packs = RulePacks.load(options.rules_dirs)
    detectors = load_detectors(
        options.rules_dirs,
        select=options.select,
        ignore=options.ignore,
        severity=options.severity,
        settings=options.settings,
        configs=packs.detectors,
        lexicon=packs.lexicon,
        time_lexicon=packs.time,
    )
    inputs = _Inputs(paths, options)
    articles = inputs.track(
        read_corpus(paths, dateline=options.dateline, max_bytes=options.max_bytes, noise=packs.noise)
    )
    engine = make_engine(inputs.quiet_options)
    try:
        extracted = extract_articles(articles, inputs.quiet_options, warnings=warnings, engine=engine)
        documents, problems = _collect(inputs.counted(extracted))
        if options.on_phase is not None:
            options.on_phase("comparing", None)
        # An engine that can compare (Dask: stories on the workers) does; else compare here.
        compare = getattr(engine, "compare", None)
        if compare is not None:
            comparison = compare(documents, detectors, extra_dirs=options.rules_dirs)
        else:
            comparison = compare_documents(documents, detectors, extra_dirs=options.rules_dirs)
    finally:
        engine.close()
    findings = comparison.findings
    report = Report(
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
        locations=inputs.locations,
    )
    return _apply_baseline(_merge_agreeing(_apply_suppressions(report)), options, warnings)


class _Inputs:
    """The files of a run: where each lies relative to the working directory, and progress through them.

    Progress counts files, not articles (a JSON Lines file holds many), and counts
    cached articles too, so the bar ends at its total; the engine's own count is
    switched off (`quiet_options`) so nothing is counted twice.
    """

    def __init__(self, paths: Sequence[Path], options: RunOptions) -> None:
        files, listing_problems = corpus_files(paths)
        self.options = options
        self.quiet_options = dataclasses.replace(options, progress=None)
        self.total = len(files) + len(listing_problems)
        # Display name → the file, for problems, which carry only the name.
        self._files = {name: str(file.absolute()) for file, name in files}
        self._unit: dict[str, str] = {}
        self._done: set[str] = set()
        self.locations: dict[str, str] = {}
        if options.on_phase is not None:
            options.on_phase("extracting claims", self.total)

    def track(self, items: Iterable[Article | InputProblem]) -> Iterator[Article | InputProblem]:
        """Pass items through, remembering each one's file and its path from the working directory."""
        for item in items:
            file = item.abs_path if isinstance(item, Article) and item.abs_path else self._files.get(item.path)
            if file is not None:
                self._unit[item.path] = file
                self.locations[item.path] = _relative_to_cwd(file)
            yield item

    def counted(self, items: Iterable[DocumentClaims | InputProblem]) -> Iterator[DocumentClaims | InputProblem]:
        """Pass results through, reporting the number of files finished."""
        for item in items:
            unit = self._unit.get(item.path, item.path)
            if self.options.progress is not None and unit not in self._done:
                self._done.add(unit)
                self.options.progress(len(self._done))
            yield item


def _apply_suppressions(report: Report) -> Report:
    kept, suppressed = apply_suppressions(report.findings, suppressions_by_path(report.documents), registry())
    return report.model_copy(update={"findings": tuple(kept), "suppressed": suppressed})


def _merge_agreeing(report: Report) -> Report:
    return report.model_copy(update={"findings": tuple(merge_story_findings(report.findings, report.stories))})


def _apply_baseline(report: Report, options: RunOptions, warnings: list[str] | None) -> Report:
    if options.baseline is None:
        return report
    path = Path(options.baseline)
    if options.update_baseline:
        write_baseline(path, report.findings)
        return report
    kept, hidden, stale = apply_baseline(report.findings, load_baseline(path))
    labels = tuple(f"{entry.rule} {entry.message}".strip() for entry in stale)
    if warnings is not None:
        warnings.extend(f"stale baseline entry: {label}" for label in labels)
    return report.model_copy(update={"findings": tuple(kept), "baselined": hidden, "stale_baseline": labels})


def _relative_to_cwd(abs_path: str) -> str:
    try:
        return Path(os.path.relpath(abs_path)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(abs_path).as_posix()


def _model_label(options: RunOptions) -> str:
    from .nlp import resolve_model_name

    try:
        return resolve_model_name(options.model)
    except Exception:  # noqa: BLE001 - the label is informative only
        return options.model or ""


