"""Extraction engines: parse articles and extract their claims, in this process or in several.

The local engine batches articles through `nlp.pipe` (with unused pipes excluded
when the model is loaded) and, with `jobs > 1`, spreads batches over worker
processes that each load the model once.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Protocol

from .errors import FactcheckError
from .models import Article, DocumentClaims, InputProblem

if TYPE_CHECKING:
    from .pipeline import RunOptions

__all__ = ["ExtractionEngine", "LocalEngine", "make_engine", "extract_batch"]


class ExtractionEngine(Protocol):
    def run(self, articles: Iterable[Article | InputProblem]) -> Iterator[DocumentClaims | InputProblem]: ...

    def close(self) -> None: ...


def extract_batch(
    articles: list[Article], model: str | None, rules_dirs: tuple[str, ...]
) -> list[DocumentClaims | InputProblem]:
    """Parse and extract one batch (runs in whichever process holds the model)."""
    from .extract.claims import extract_document
    from .extract.lexicon import load_lexicon
    from .nlp import load_model

    nlp = load_model(model)
    lexicon = load_lexicon(rules_dirs)
    results: list[DocumentClaims | InputProblem] = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        try:
            results.append(extract_document(article, doc, lexicon=lexicon, extra_rule_dirs=rules_dirs))
        except FactcheckError:
            raise
        except Exception as e:  # noqa: BLE001 - one article must not sink the run
            detail = traceback.format_exception_only(type(e), e)[-1].strip()
            results.append(InputProblem(path=article.path, message=f"could not extract claims ({detail})"))
    return results


def _batches(items: Iterable[Article | InputProblem], size: int) -> Iterator[list[Article | InputProblem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class LocalEngine:
    """`nlp.pipe` in this process (jobs=1) or in a pool of worker processes."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.jobs = max(1, options.jobs or 1)
        self._pool: ProcessPoolExecutor | None = None
        self.done = 0

    def _extract(self, batch: list[Article | InputProblem]) -> list[DocumentClaims | InputProblem]:
        articles = [a for a in batch if isinstance(a, Article)]
        extracted = iter(extract_batch(articles, self.options.model, self.options.rules_dirs)) if articles else iter(())
        return [item if isinstance(item, InputProblem) else next(extracted) for item in batch]

    def run(self, articles: Iterable[Article | InputProblem]) -> Iterator[DocumentClaims | InputProblem]:
        batches = _batches(articles, self.options.batch_size)
        if self.jobs == 1:
            for batch in batches:
                yield from self._tick(self._extract(batch))
            return
        self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_warm_worker, initargs=(self.options.model,))
        pending: list[tuple[list[Article | InputProblem], Future[list[DocumentClaims | InputProblem]]]] = []
        for batch in batches:
            articles_only = [a for a in batch if isinstance(a, Article)]
            pending.append((batch, self._pool.submit(extract_batch, articles_only, self.options.model, self.options.rules_dirs)))
            # Keep a bounded number of batches in flight so memory stays flat.
            while len(pending) > self.jobs * 2:
                yield from self._tick(_merge(*pending.pop(0)))
        for batch, future in pending:
            yield from self._tick(_merge(batch, future))

    def _tick(self, items: list[DocumentClaims | InputProblem]) -> Iterator[DocumentClaims | InputProblem]:
        for item in items:
            self.done += 1
            if self.options.progress:
                self.options.progress(self.done)
            yield item

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _merge(
    batch: list[Article | InputProblem], future: Future[list[DocumentClaims | InputProblem]]
) -> list[DocumentClaims | InputProblem]:
    extracted = iter(future.result())
    return [item if isinstance(item, InputProblem) else next(extracted) for item in batch]


def _warm_worker(model: str | None) -> None:
    from .nlp import load_model

    load_model(model)


def make_engine(options: RunOptions) -> ExtractionEngine:
    if options.engine == "local":
        return LocalEngine(options)
    if options.engine == "dask":
        try:
            from .distributed import DaskEngine
        except ImportError as e:
            raise FactcheckError("the dask engine needs the extra: pip install 'factcheck[dask]'") from e
        return DaskEngine(options)
    raise FactcheckError(f"unknown engine {options.engine!r}; expected: local, dask")
