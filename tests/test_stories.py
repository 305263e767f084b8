"""Story grouping: which articles are compared at all.

The candidate search (rarest entities only, within the date window) must find exactly the
links an all-pairs search finds; the brute force below is the definition it is checked against.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from collections import Counter

import pytest

from factcheck.models import Claim, DocumentClaims, Entity, EventRef
from factcheck.comparison.stories import StoryRules, _candidate_edges, _DatedIndex, document_entities, group_stories

DAY = dt.date(2026, 5, 1)


def doc(path: str, keys: list[str], published: dt.date | None = DAY) -> DocumentClaims:
    """An article with one claim naming each entity key."""
    claims = tuple(
        Claim(
            id=f"{path}#{i}",
            path=path,
            text=f"{key} acted",
            sentence=f"{key} acted.",
            start=0,
            end=1,
            line=1,
            column=1,
            sentence_start=0,
            sentence_end=1,
            event=EventRef(lemma="act", event_class="act"),
            entities=(Entity(text=key, label="ORG", key=key),),
        )
        for i, key in enumerate(keys)
    )
    return DocumentClaims(path=path, published=published, claims=claims)


def story_of(stories: dict[str, list[str]], path: str) -> list[str]:
    return next(paths for paths in stories.values() if path in paths)


RULES = StoryRules()


def test_articles_sharing_rare_entities_form_one_story() -> None:
    docs = [
        doc("a.txt", ["port calder", "ortiz", "council"]),
        doc("b.txt", ["port calder", "ortiz", "mayor"]),
        doc("c.txt", ["riverside", "kettle co"]),
    ]
    stories = group_stories(docs, RULES)
    assert story_of(stories, "a.txt") == ["a.txt", "b.txt"]
    assert story_of(stories, "c.txt") == ["c.txt"]


def test_one_shared_entity_is_not_enough() -> None:
    docs = [doc("a.txt", ["port calder", "ortiz"]), doc("b.txt", ["port calder", "hale"])]
    assert story_of(group_stories(docs, RULES), "a.txt") == ["a.txt"]


def test_articles_further_apart_than_the_window_stay_apart() -> None:
    late = DAY + dt.timedelta(days=RULES.max_days_apart + 1)
    docs = [doc("a.txt", ["port calder", "ortiz"]), doc("b.txt", ["port calder", "ortiz"], late)]
    assert story_of(group_stories(docs, RULES), "a.txt") == ["a.txt"]
    unlimited = RULES.model_copy(update={"max_days_apart": 0})
    assert story_of(group_stories(docs, unlimited), "a.txt") == ["a.txt", "b.txt"]


def test_an_undated_article_can_join_any_story() -> None:
    late = DAY + dt.timedelta(days=200)
    docs = [doc("a.txt", ["port calder", "ortiz"], None), doc("b.txt", ["port calder", "ortiz"], late)]
    assert story_of(group_stories(docs, RULES), "a.txt") == ["a.txt", "b.txt"]


def test_a_chain_never_stretches_a_story_past_the_window() -> None:
    step = dt.timedelta(days=30)
    docs = [doc(f"{i}.txt", ["port calder", "ortiz"], DAY + i * step) for i in range(3)]
    # Days 0, 30 and 60: each neighbour is within 45 days, but the three together span 60.
    stories = group_stories(docs, RULES)
    assert story_of(stories, "0.txt") == ["0.txt", "1.txt"]
    assert story_of(stories, "2.txt") == ["2.txt"]


def test_entities_in_most_articles_say_nothing() -> None:
    # "police" is in every article: two articles sharing only it and one rare name stay apart.
    docs = [doc(f"{i}.txt", ["police", f"name{i}", f"street{i}"]) for i in range(10)]
    docs.append(doc("x.txt", ["police", "name0", "elsewhere"]))
    stories = group_stories(docs, RULES)
    assert story_of(stories, "x.txt") == ["x.txt"]


def test_dated_index_returns_only_articles_within_the_window() -> None:
    published = {"early.txt": DAY, "mid.txt": DAY + dt.timedelta(days=10), "late.txt": DAY + dt.timedelta(days=60), "none.txt": None}
    index = _DatedIndex({path: ("k",) for path in published}, published)
    assert list(index.near("k", DAY + dt.timedelta(days=5), 10)) == ["early.txt", "mid.txt", "none.txt"]
    assert list(index.near("k", None, 10)) == ["early.txt", "mid.txt", "late.txt", "none.txt"]
    assert list(index.near("k", DAY, 0)) == ["early.txt", "mid.txt", "late.txt", "none.txt"]
    assert list(index.near("missing", DAY, 10)) == []


def _brute_force_edges(keys_of, published, idf, rules) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Every pair of articles, scored the way `group_stories` defines a link."""
    weight = {p: sum(idf[k] for k in keys) for p, keys in keys_of.items()}
    edges = set()
    for a, b in itertools.combinations(sorted(keys_of), 2):
        da, db = published[a], published[b]
        if rules.max_days_apart and da and db and abs((da - db).days) > rules.max_days_apart:
            continue
        shared = set(keys_of[a]) & set(keys_of[b])
        if len(shared) < rules.min_shared_entities:
            continue
        if sum(idf[k] for k in shared) / (min(weight[a], weight[b]) or 1.0) >= rules.min_entity_overlap:
            edges.add((a, b))
    return edges


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("overlap", [0.0, 0.3, 0.6])
def test_candidate_search_finds_exactly_the_links_of_all_pairs(seed: int, overlap: float) -> None:
    rng = random.Random(seed)
    vocabulary = [f"e{i}" for i in range(60)]
    docs = []
    for i in range(120):
        # Skewed draws, so some keys are common (long posting lists) and most are rare.
        keys = {vocabulary[min(int(rng.expovariate(0.08)), 59)] for _ in range(rng.randint(1, 8))}
        date = None if rng.random() < 0.1 else DAY + dt.timedelta(days=rng.randint(0, 200))
        docs.append(doc(f"d{i:03}.txt", sorted(keys), date))
    rules = StoryRules(min_entity_overlap=overlap)
    frequency = Counter(k for d in docs for k in document_entities(d))
    idf = {k: math.log((1 + len(docs)) / (1 + df)) + 1.0 for k, df in frequency.items()}
    keys_of = {d.path: tuple(sorted(document_entities(d), key=lambda k: (-idf[k], k))) for d in docs}
    published = {d.path: d.published for d in docs}
    found = {(a, b) for _, a, b in _candidate_edges(keys_of, published, idf, rules)}
    expected = _brute_force_edges(keys_of, published, idf, rules)
    assert expected, "the sample should contain links"
    assert found == expected
