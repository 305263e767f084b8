"""Dask engine: the same findings as the local engine on the sample corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from factcheck.errors import FactcheckError
from factcheck.pipeline import RunOptions, check, extract

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _findings_json(report) -> list[dict]:
    return [f.model_dump(mode="json") for f in report.findings]


def test_distributed_missing_dask_names_the_extra(monkeypatch):
    from factcheck.pipeline import make_engine

    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.delitem(sys.modules, "factcheck.distributed", raising=False)
    with pytest.raises(FactcheckError, match=r"pip install 'factcheck\[dask\]'"):
        make_engine(RunOptions(engine="dask"))


@pytest.fixture(scope="module")
def dask_engine():
    pytest.importorskip("distributed")
    from factcheck.distributed import DaskEngine

    # One worker process: the tasks still travel through the scheduler, and each worker
    # process costs a model load.
    engine = DaskEngine(RunOptions(engine="dask", jobs=1))
    yield engine
    engine.close()


@pytest.mark.dask
def test_distributed_check_same_findings_as_local(dask_engine):
    # One cluster for the module: this check reaches it by its scheduler's address, as a
    # user's `--scheduler` does, instead of starting a second one. One story in three formats
    # (with JSON Lines records), with findings of several rules.
    stories = [CORPUS / "marrowgate-shooting"]
    local = check(stories, RunOptions(jobs=1, cache=False))
    address = dask_engine.client.scheduler.address
    distributed = check(stories, RunOptions(engine="dask", scheduler=address, batch_size=2, cache=False))
    assert local.findings
    assert _findings_json(distributed) == _findings_json(local)
    assert distributed.stories == local.stories
    assert [d.model_dump() for d in distributed.documents] == [d.model_dump() for d in local.documents]


@pytest.mark.dask
def test_distributed_compare_per_story_same_as_compare_documents(nlp, dask_engine):
    from factcheck.comparison import compare_documents, load_detectors

    documents = list(extract([CORPUS / "marrowgate-shooting"], RunOptions(jobs=1)).documents)
    detectors = load_detectors()
    here = compare_documents(documents, detectors)
    there = dask_engine.compare(documents, detectors)
    assert here.findings
    assert there.model_dump(mode="json") == here.model_dump(mode="json")


@pytest.mark.dask
def test_distributed_engine_keeps_problems_in_order(nlp, dask_engine):
    from factcheck.models import Article, InputProblem

    text = "The mayor said on Monday that the bridge will reopen in May."
    items = [
        InputProblem(path="a.txt", message="unreadable"),
        Article(path="b.txt", text=text, original=text, offset_map=((0, 0, len(text)),)),
        InputProblem(path="c.txt", message="empty"),
    ]
    results = list(dask_engine.run(items))
    assert [(r.path, type(r).__name__) for r in results] == [
        ("a.txt", "InputProblem"), ("b.txt", "DocumentClaims"), ("c.txt", "InputProblem")
    ]
