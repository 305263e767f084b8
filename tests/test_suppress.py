"""Tests for inline suppressions: selectors, file-wide and next-line comments, either document."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.models import Article, DocumentClaims, Evidence, Finding
from factcheck.suppress import apply_suppressions, is_suppressed, suppressions_by_path


def _evidence(path: str, line: int, end_line: int | None = None) -> Evidence:
    return Evidence(
        path=path,
        line=line,
        column=1,
        end_line=end_line or line,
        end_column=20,
        start=0,
        end=20,
        text="The vote is on Monday.",
        value="2024-03-04",
    )


def _finding(rule: str = "DT01", a_line: int = 5, b_line: int = 9, *, a_end: int | None = None) -> Finding:
    return Finding(
        kind="date_conflict",
        rule=rule,
        name="dates.conflict",
        severity="high",
        message="dates differ",
        evidence=(_evidence("articles/a.md", a_line, a_end), _evidence("articles/b.md", b_line)),
        fingerprint=f"fp-{rule}-{a_line}",
    )


@pytest.mark.parametrize(
    ("suppressions", "suppressed"),
    [
        # file-wide, by code, kind, dotted name, "all"; case does not matter
        ({"articles/a.md": [("DT01", None)]}, True),
        ({"articles/a.md": [("dt01", None)]}, True),
        ({"articles/a.md": [("date_conflict", None)]}, True),
        ({"articles/a.md": [("dates.conflict", None)]}, True),
        ({"articles/a.md": [("all", None)]}, True),
        # the names --select takes: a code prefix, a group
        ({"articles/a.md": [("DT", None)]}, True),
        ({"articles/a.md": [("dates", None)]}, True),
        # a name that names no rule switches nothing off
        ({"articles/a.md": [("dates.no_such_rule", None)]}, False),
        # either document of the pair is enough
        ({"articles/b.md": [("DT01", None)]}, True),
        # next-line comments: the evidence's line only
        ({"articles/a.md": [("DT01", 5)]}, True),
        ({"articles/b.md": [("DT01", 9)]}, True),
        ({"articles/a.md": [("DT01", 4)]}, False),
        ({"articles/a.md": [("DT01", 6)]}, False),
        ({"articles/a.md": [("DT01", 9)]}, False),  # b's line, but in a
        # other rules, other kinds, other documents
        ({"articles/a.md": [("DT02", None)]}, False),
        ({"articles/a.md": [("QT", None)]}, False),
        ({"articles/a.md": [("quantity_conflict", None)]}, False),
        ({"articles/c.md": [("all", None)]}, False),
        ({}, False),
        # Windows separators and "./" still name the same document
        ({"./articles/a.md": [("DT01", None)]}, True),
        ({"articles\\b.md": [("DT01", None)]}, True),
    ],
)
def test_suppress_semantics(suppressions: dict[str, list[tuple[str, int | None]]], suppressed: bool) -> None:
    finding = _finding()
    kept, count = apply_suppressions([finding], suppressions)
    assert (kept == [], count) == (suppressed, int(suppressed))
    assert is_suppressed(finding, suppressions) is suppressed


def test_suppress_next_line_covers_a_wrapped_sentence() -> None:
    finding = _finding(a_line=5, a_end=7)
    assert apply_suppressions([finding], {"articles/a.md": [("DT01", 6)]})[1] == 1
    assert apply_suppressions([finding], {"articles/a.md": [("DT01", 8)]})[1] == 0


def test_suppress_keeps_order_and_counts() -> None:
    findings = [_finding("DT01", 1), _finding("QT01", 2), _finding("DT01", 3), _finding("MD01", 4)]
    kept, count = apply_suppressions(findings, {"articles/b.md": [("DT01", None)], "articles/a.md": [("MD01", 4)]})
    assert [f.rule for f in kept] == ["QT01"]
    assert count == 3


def test_suppress_nothing_to_apply() -> None:
    assert apply_suppressions([], {"articles/a.md": [("all", None)]}) == ([], 0)


def test_suppress_suppressions_by_path_from_documents() -> None:
    docs = [
        DocumentClaims(path="articles/a.md", suppressions=(("DT01", None), ("QT01", 4))),
        DocumentClaims(path="articles/b.md"),
        Article(
            path="articles/c.md", text="x", original="x", published=dt.date(2024, 1, 1), suppressions=(("all", None),)
        ),
    ]
    assert suppressions_by_path(docs) == {
        "articles/a.md": (("DT01", None), ("QT01", 4)),
        "articles/c.md": (("all", None),),
    }
