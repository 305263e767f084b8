"""Extraction engines: parse articles and extract their claims, in this process or in several.

The local engine batches articles through `nlp.pipe` (with unused pipes excluded
when the model is loaded) and, with `jobs > 1`, spreads batches over worker
processes that each load the model once. Only articles travel to a worker and only
plain claims come back; a bounded number of batches is in flight at any time, so
memory stays flat however large the folder, and results come back in input order.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Protocol

from .errors import FactcheckError
from .ingest.document import article_piece
from .models import Article, DocumentClaims, InputProblem

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .options import RunOptions

_LOG = logging.getLogger("factcheck")

__all__ = [
    "ExtractionEngine",
    "LocalEngine",
    "extract_batch",
    "run_ordered",
    "start_worker",
    "warm_worker",
    "watch_parent",
]

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
    from .extract.content import headline_text, place_text, with_dateline_place, with_headline
    from .extract.packs import load_extraction_packs
    from .extract.parsed import doc_text
    from .nlp import load_model, parse_pieces

    nlp = load_model(model)
    # Loaded once per process and kept: the batches of a run share one set of packs.
    packs = load_extraction_packs(tuple(rules_dirs))
    results: list[Result] = []
    # Headlines are parsed together, without the dependency parse their words and names do
    # not need: one call per short title cost about 5% of the extraction time.
    headlines = {a.path: headline_text(a.title) for a in articles if a.title}
    places = {a.path: place_text(a.place) for a in articles if a.place}
    with nlp.select_pipes(disable=["parser"] if "parser" in nlp.pipe_names else []):
        headline_of = dict(zip(headlines, nlp.pipe(headlines.values()), strict=True))
        place_of = dict(zip(places, nlp.pipe(places.values()), strict=True))
    for article, docs in zip(articles, _parsed(articles, lambda texts: parse_pieces(nlp, texts)), strict=True):
        if isinstance(docs, Exception):
            _LOG.debug("%s: parsing failed", article.path, exc_info=docs)
            results.append(InputProblem(path=article.path, message=f"could not parse ({_one_line(docs)})"))
            continue
        try:
            parts, start = [], 0
            for doc in docs:  # parsed one piece at a time, as it is asked for
                piece = article_piece(article, start, start + len(doc_text(doc)))
                parts.append(
                    extract_document(
                        piece, doc, lexicon=packs.lexicon, time_lexicon=packs.time, quantity_lexicon=packs.quantities
                    )
                )
                start += len(doc_text(doc))
            claims = merge_pieces(parts)
            if article.path in headline_of:
                claims = with_headline(claims, headline_of[article.path])
            if article.path in place_of:
                claims = with_dateline_place(claims, place_of[article.path])
            results.append(claims)
        except FactcheckError:
            raise
        except Exception as e:  # noqa: BLE001 - one article must not sink the run
            _LOG.debug("%s: extraction failed", article.path, exc_info=True)
            results.append(InputProblem(path=article.path, message=f"could not extract claims ({_one_line(e)})"))
    return results


def _one_line(error: BaseException) -> str:
    detail = " ".join(traceback.format_exception_only(type(error), error)[-1].split())
    return detail if len(detail) <= 200 else detail[:199] + "…"


def merge_pieces(parts: list[DocumentClaims]) -> DocumentClaims:
    """One article's claims from the claims of its pieces (their offsets already point into the file)."""
    if len(parts) == 1:
        return parts[0]
    entities = {e.key: e for part in parts for e in part.entities}
    return parts[0].model_copy(
        update={
            "claims": tuple(c for part in parts for c in part.claims),
            "times": tuple(t for part in parts for t in part.times),
            "entities": tuple(entities.values()),
        }
    )


def _parsed(
    articles: list[Article], parse: Callable[[list[str]], Iterator[Iterator[Doc]]]
) -> Iterator[Iterator[Doc] | Exception]:
    """The parsed pieces of each article, or the exception parsing it raised.

    The batch is parsed in one stream; when that fails, the stream is dead and the
    failing article is not known (the parser works in batches of its own), so the
    rest are parsed one by one and only the culprit is lost.
    """
    docs = parse([a.text for a in articles])
    for index in range(len(articles)):
        try:
            yield next(docs)
        except Exception:  # noqa: BLE001 - found again below, article by article
            for article in articles[index:]:
                try:
                    yield next(parse([article.text]))
                except Exception as e:  # noqa: BLE001 - one article must not sink the run
                    yield e
            return


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
                max_workers=self.jobs,
                initializer=start_worker,
                initargs=(self.options.model, self.options.rules_dirs, os.getpid()),
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


def start_worker(model: str | None, rules_dirs: tuple[str, ...], main_pid: int) -> None:
    """Set up a local worker process: watch for the main process to die, then load the model.

    A model that cannot be loaded is not reported here: an initializer's exception
    only breaks the pool, with a traceback printed by every worker. The first batch
    loads the model again and its `ModelError` reaches the main process as one line.
    """
    watch_parent(main_pid)
    try:
        warm_worker(model, rules_dirs)
    except FactcheckError:
        pass


# Seconds between checks that the main process is still alive.
_WATCH_INTERVAL = 0.25


def watch_parent(main_pid: int, *, interval: float = _WATCH_INTERVAL) -> threading.Thread:
    """Exit this worker process soon after the main process dies (`kill -9`, SIGTERM, a crash).

    A worker blocked waiting for work would otherwise live on for minutes holding
    the model's memory. When the parent dies the worker is re-parented, so its
    parent pid changes; that is polled from a daemon thread. (Linux's
    `PR_SET_PDEATHSIG` fires when the parent *thread* exits, which for a pool that
    starts workers from a helper thread is too early, and it exists on Linux only.)
    """
    parent = os.getppid()

    def watch() -> None:
        while True:
            if os.getppid() != parent or not _alive(main_pid):
                os._exit(1)
            time.sleep(interval)

    thread = threading.Thread(target=watch, name="factcheck-watch-parent", daemon=True)
    thread.start()
    return thread


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else (a reused pid): not ours to judge
        return True
    return True
