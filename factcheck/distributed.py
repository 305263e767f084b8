"""The Dask engine: extraction spread over a Dask cluster, for folders beyond one machine.

Articles are cut into batches; each batch is one task that runs `nlp.pipe` on a worker
whose spaCy model was loaded once, when the worker joined (a `WorkerPlugin`). Results
come back in input order with a bounded number of batches in flight. Comparison can
run story by story on the cluster too (`compare_distributed`): stories are independent,
so each is compared on a worker and the findings are merged exactly as
`compare_documents` would order them.

Needs the optional extra: `pip install 'factcheck[dask]'`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .engine import extract_batch, run_ordered, warm_worker
from .errors import FactcheckError
from .models import SEVERITY_ORDER, Article, DocumentClaims, Finding, InputProblem, TimelineEntry

try:
    from distributed import Client, LocalCluster, WorkerPlugin
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("the dask engine needs the extra: pip install 'factcheck[dask]'") from e

if TYPE_CHECKING:
    from .comparison import Comparison
    from .detect.base import Detector
    from .options import RunOptions

__all__ = ["DaskEngine", "ModelPlugin", "compare_distributed"]

Result = DocumentClaims | InputProblem


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model and lexicon once on every worker, including workers that join later."""

    name = "factcheck-model"

    def __init__(self, model: str | None, rules_dirs: tuple[str, ...]) -> None:
        self.model = model
        self.rules_dirs = rules_dirs

    def setup(self, worker: object) -> None:
        warm_worker(self.model, self.rules_dirs)


class DaskEngine:
    """Extraction on a Dask cluster: `options.scheduler` names one, else a local cluster starts.

    The local cluster has `options.workers` worker processes (one per core unless `jobs` is set), one thread each:
    the parser holds the GIL, so threads would not add speed.
    """

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.done = 0
        self._cluster: LocalCluster | None = None
        try:
            if options.scheduler:
                self.client = Client(options.scheduler)
            else:
                self._cluster = LocalCluster(
                    n_workers=options.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as e:
            self.close()
            where = options.scheduler or "a local cluster"
            raise FactcheckError(f"cannot reach the Dask scheduler at {where}: {e}") from e
        self.client.register_plugin(ModelPlugin(options.model, options.rules_dirs))

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def _submit(self, articles: list[Article]):  # noqa: ANN202 - a distributed.Future
        return self.client.submit(extract_batch, articles, self.options.model, self.options.rules_dirs, pure=False)

    def run(self, articles: Iterable[Article | InputProblem]) -> Iterator[Result]:
        """Claims of each article (problems pass through), in input order."""
        results = run_ordered(
            articles, self._submit, batch_size=self.options.batch_size, window=self.workers * 2
        )
        for item in results:
            self.done += 1
            if self.options.progress:
                self.options.progress(self.done)
            yield item

    def compare(
        self,
        docs: Sequence[DocumentClaims],
        detectors: Sequence[Detector],
        *,
        extra_dirs: Sequence[str | Path] = (),
    ) -> Comparison:
        """`compare_documents` with each story compared on the cluster; same findings, same order."""
        return compare_distributed(self.client, docs, detectors, extra_dirs=extra_dirs)

    def close(self) -> None:
        client, cluster = getattr(self, "client", None), self._cluster
        self.client, self._cluster = None, None  # type: ignore[assignment]
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


def _compare_stories(
    stories: list[tuple[str, list[DocumentClaims]]],
    detectors: Sequence[Detector],
    extra_dirs: tuple[str, ...],
) -> list[Comparison]:
    """Compare a chunk of stories on a worker, each on its own."""
    from .comparison import compare_documents

    return [
        compare_documents(docs, detectors, extra_dirs=extra_dirs, stories={story: [d.path for d in docs]})
        for story, docs in stories
    ]


def compare_distributed(
    client: Client,
    docs: Sequence[DocumentClaims],
    detectors: Sequence[Detector],
    *,
    extra_dirs: Sequence[str | Path] = (),
    stories_per_task: int = 16,
) -> Comparison:
    """Group stories here, compare stories on the workers, merge as `compare_documents` does.

    Stories of a single article have no pairs; only their timeline is computed, here.
    Findings are deduplicated by rule and fingerprint in story order, then sorted by
    the same key, so the result equals `compare_documents(docs, detectors)`: a path
    belongs to one story, so no two stories' findings tie on the sort key.
    """
    from .comparison import Comparison, compare_documents
    from .comparison.stories import find_stories, load_alignment

    dirs = tuple(str(d) for d in extra_dirs)
    details = tuple(find_stories(docs, load_alignment(dirs).stories))
    stories = {story.id: list(story.articles) for story in details}
    by_path = {d.path: d for d in docs}
    shared = [(story, [by_path[p] for p in paths]) for story, paths in stories.items() if len(paths) >= 2]
    singles = {story: paths for story, paths in stories.items() if len(paths) < 2}
    [detectors_future] = client.scatter([list(detectors)], broadcast=True)
    futures = [
        client.submit(_compare_stories, shared[i : i + stories_per_task], detectors_future, dirs, pure=False)
        for i in range(0, len(shared), stories_per_task)
    ]
    alone = compare_documents([by_path[p] for paths in singles.values() for p in paths], detectors,
                              extra_dirs=dirs, stories=singles)
    parts: dict[str, Comparison] = {}
    for future in futures:
        for comparison in future.result():
            parts.update({story: comparison for story in comparison.stories})
    alone_timeline: dict[str, list[TimelineEntry]] = {}
    for entry in alone.timeline:
        alone_timeline.setdefault(entry.story, []).append(entry)
    findings: dict[tuple[str, str], Finding] = {}
    timeline: list[TimelineEntry] = []
    for story in stories:
        if story in singles:
            timeline.extend(alone_timeline.get(story, ()))
            continue
        timeline.extend(parts[story].timeline)
        for finding in parts[story].findings:
            findings.setdefault((finding.rule, finding.fingerprint), finding)
    ordered = sorted(
        findings.values(),
        key=lambda f: (-SEVERITY_ORDER[f.severity], f.evidence[0].path, f.evidence[0].start, f.rule),
    )
    pairs = alone.pairs + sum(c.pairs for c in parts.values())
    return Comparison(
        findings=tuple(ordered), stories=stories, timeline=tuple(timeline), pairs=pairs, story_details=details
    )
