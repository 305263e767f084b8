"""Extraction engines: parse articles and extract their claims, in this process or in several.

The local engine batches articles through `nlp.pipe` (with unused pipes excluded
when the model is loaded) and, with `jobs > 1`, spreads batches over worker
processes that each load the model once. Only articles travel to a worker and only
plain claims come back; a bounded number of batches is in flight at any time, so
memory stays flat however large the folder, and results come back in input order.
"""

from __future__ import annotations

import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Protocol

from .errors import FactcheckError
from .models import Article, DocumentClaims, InputProblem

if TYPE_CHECKING:
    from .options import RunOptions

__all__ = ["ExtractionEngine", "LocalEngine", "extract_batch", "run_ordered", "warm_worker"]

Result = DocumentClaims | InputProblem


class ExtractionEngine(Protocol):
    def run(self, articles: Iterable[Article | InputProblem]) -> Iterator[DocumentClaims | InputProblem]: ...

    def close(self) -> None: ...


class _Pending(Protocol):
    """What both `concurrent.futures.Future` and `distributed.Future` offer."""

    def result(self) -> list[Result]: ...


def extract_batch(articles: list[Article], model: str | None, rules_dirs: tuple[str, ...]) -> list[Result]:
    """Parse and extract one batch (runs in whichever process holds the model).

    An article whose extraction fails becomes an `InputProblem`; a `FactcheckError`
    (a bad rule pack, a missing model) is the user's to fix and stops the run.
    """
    from .extract.claims import extract_document
    from .extract.packs import load_extraction_packs
    from .nlp import load_model

    nlp = load_model(model)
    # Loaded once per process and kept: the batches of a run share one set of packs.
    packs = load_extraction_packs(tuple(rules_dirs))
    results: list[Result] = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        try:
            results.append(
                extract_document(
                    article, doc, lexicon=packs.lexicon, time_lexicon=packs.time, quantity_lexicon=packs.quantities
                )
            )
        except FactcheckError:
            raise
        except Exception as e:  # noqa: BLE001 - one article must not sink the run
            detail = traceback.format_exception_only(type(e), e)[-1].strip()
            results.append(InputProblem(path=article.path, message=f"could not extract claims ({detail})"))
    return results


def _batches(items: Iterable[Article | InputProblem], size: int) -> Iterator[list[Article | InputProblem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, max(1, size))):
        yield batch


def _merge(batch: list[Article | InputProblem], extracted: list[Result]) -> list[Result]:
    """Put extracted claims back between the problems that never reached the parser."""
    claims = iter(extracted)
    return [item if isinstance(item, InputProblem) else next(claims) for item in batch]


def run_ordered(
    articles: Iterable[Article | InputProblem],
    submit: Callable[[list[Article]], _Pending],
    *,
    batch_size: int,
    window: int,
) -> Iterator[Result]:
    """Results of every batch in input order, with at most `window` batches submitted ahead.

    Args:
        articles: Articles and problems, in the order results are wanted.
        submit: Starts extraction of a batch of articles and returns something with `.result()`.
        batch_size: Articles per batch.
        window: Batches in flight at most; bounds memory on both sides.
    """
    pending: deque[tuple[list[Article | InputProblem], _Pending | None]] = deque()
    for batch in _batches(articles, batch_size):
        only_articles = [a for a in batch if isinstance(a, Article)]
        # A batch of problems only has nothing to parse; it must still keep its place.
        pending.append((batch, submit(only_articles) if only_articles else None))
        while len(pending) > window:
            yield from _settle(*pending.popleft())
    while pending:
        yield from _settle(*pending.popleft())


def _settle(batch: list[Article | InputProblem], future: _Pending | None) -> list[Result]:
    return _merge(batch, future.result() if future is not None else [])


class _Done:
    """An already computed batch, for the in-process path."""

    def __init__(self, results: list[Result]) -> None:
        self._results = results

    def result(self) -> list[Result]:
        return self._results


class LocalEngine:
    """`nlp.pipe` in this process (jobs=1) or in a pool of worker processes (jobs>1)."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.jobs = options.workers
        self._pool: ProcessPoolExecutor | None = None
        self.done = 0

    def _submit(self, articles: list[Article]) -> _Pending:
        if self._pool is None:
            return _Done(extract_batch(articles, self.options.model, self.options.rules_dirs))
        return self._pool.submit(extract_batch, articles, self.options.model, self.options.rules_dirs)

    def run(self, articles: Iterable[Article | InputProblem]) -> Iterator[Result]:
        if self.jobs > 1 and self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=warm_worker, initargs=(self.options.model, self.options.rules_dirs)
            )
        # In process, one batch at a time: nothing is gained by reading ahead.
        window = 0 if self._pool is None else self.jobs * 2
        results = run_ordered(articles, self._submit, batch_size=self.options.batch_size, window=window)
        for item in results:
            self.done += 1
            if self.options.progress:
                self.options.progress(self.done)
            yield item

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def warm_worker(model: str | None, rules_dirs: tuple[str, ...] = ()) -> None:
    """Load the model and the rule packs once when a worker process starts."""
    from .extract.packs import load_extraction_packs
    from .nlp import load_model

    load_model(model)
    load_extraction_packs(tuple(rules_dirs))

