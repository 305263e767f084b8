"""Local engine: the same claims with one or several processes, problems kept in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.engine import LocalEngine, run_ordered
from factcheck.errors import FactcheckError
from factcheck.ingest import read_corpus
from factcheck.models import Article, DocumentClaims, InputProblem
from factcheck.pipeline import RunOptions, extract_articles, make_engine

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _article(path: str, text: str) -> Article:
    return Article(path=path, text=text, original=text, offset_map=((0, 0, len(text)),))


def _dumps(items) -> list[dict]:
    return [item.model_dump(mode="json") for item in items]


@pytest.fixture(scope="module")
def corpus_articles() -> list[Article | InputProblem]:
    # Two stories in four formats (txt, md, html, JSON Lines records) are enough to show that
    # workers and the main process extract alike; the whole corpus only costs time.
    return list(read_corpus([CORPUS / "ai-order", CORPUS / "marrowgate-shooting"]))


def test_engine_two_jobs_same_claims_as_one(nlp, corpus_articles):
    one = list(extract_articles(corpus_articles, RunOptions(jobs=1, batch_size=3)))
    two = list(extract_articles(corpus_articles, RunOptions(jobs=2, batch_size=3)))
    assert any(isinstance(d, DocumentClaims) and d.claims for d in one)
    assert [d.path for d in two] == [d.path for d in one]
    assert _dumps(two) == _dumps(one)


@pytest.mark.parametrize("jobs", [1, 2])
def test_engine_problems_keep_their_place(nlp, jobs):
    items = [
        InputProblem(path="a.txt", message="unreadable"),
        _article("b.txt", "The mayor said on Monday that the bridge will reopen in May."),
        InputProblem(path="c.txt", message="too large"),
        InputProblem(path="d.txt", message="empty"),
        _article("e.txt", "Officials said 12 people were hurt."),
    ]
    results = list(extract_articles(items, RunOptions(jobs=jobs, batch_size=2)))
    assert [r.path for r in results] == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    assert [type(r).__name__ for r in results] == [
        "InputProblem", "DocumentClaims", "InputProblem", "InputProblem", "DocumentClaims"
    ]
    assert results[0].message == "unreadable"


def test_engine_only_problems_yield_only_problems():
    items = [InputProblem(path="a.txt", message="unreadable"), InputProblem(path="b.txt", message="empty")]
    assert list(LocalEngine(RunOptions(jobs=1)).run(items)) == items


def test_engine_empty_input_yields_nothing():
    assert list(LocalEngine(RunOptions(jobs=2)).run([])) == []


def test_engine_progress_counts_every_item(nlp):
    seen: list[int] = []
    items = [InputProblem(path="a.txt", message="x"), _article("b.txt", "The council said it voted on Tuesday.")]
    engine = LocalEngine(RunOptions(jobs=1, progress=seen.append))
    list(engine.run(items))
    assert seen == [1, 2]


@pytest.mark.parametrize("window", [0, 1, 5])
def test_engine_run_ordered_keeps_order_and_bounds_batches_in_flight(window):
    submitted: list[list[str]] = []
    settled: list[int] = []
    most_in_flight = 0

    class Ready:
        def __init__(self, batch: list[Article]) -> None:
            self.batch = batch

        def result(self):
            settled.append(1)
            return [InputProblem(path=a.path, message="done") for a in self.batch]

    def submit(batch: list[Article]) -> Ready:
        nonlocal most_in_flight
        submitted.append([a.path for a in batch])
        most_in_flight = max(most_in_flight, len(submitted) - len(settled))
        return Ready(batch)

    items = [_article(f"{i}.txt", "x") for i in range(7)]
    done = [result.path for result in run_ordered(items, submit, batch_size=2, window=window)]
    assert done == [f"{i}.txt" for i in range(7)]
    assert submitted == [["0.txt", "1.txt"], ["2.txt", "3.txt"], ["4.txt", "5.txt"], ["6.txt"]]
    assert most_in_flight == min(window + 1, 4)


def test_engine_unknown_engine_is_named():
    with pytest.raises(FactcheckError, match="unknown engine 'spark'; expected: local, dask"):
        make_engine(RunOptions(engine="spark"))


def test_engine_the_place_of_a_wire_dateline_names_the_article(nlp, tmp_path):
    # The dateline is cut from the text the parser sees; its place still tells where it happened.
    (tmp_path / "a.txt").write_text(
        "Published: 2016-09-25\n\nHOUSTON - A young woman was fatally shot by her husband on Saturday night on Dunmore Street.\n",
        encoding="utf-8",
    )
    (article,) = read_corpus([tmp_path])
    assert isinstance(article, Article) and article.place == "HOUSTON" and "HOUSTON" not in article.text
    (claims,) = extract_articles([article], RunOptions(jobs=1, cache=False))
    assert isinstance(claims, DocumentClaims)
    assert ("GPE", "houston") in {(label, key) for label, key, _, _ in claims.names}

