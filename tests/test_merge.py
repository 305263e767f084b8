"""One disagreement, one finding: findings that set the same two values against each other merge."""

from __future__ import annotations

from factcheck.comparison.merge import merge_agreeing
from factcheck.models import Finding

from factories import evidence

STORIES = {"a.txt": "s1", "b.txt": "s1", "c.txt": "s1", "d.txt": "s1", "x.txt": "s2", "y.txt": "s2"}


def _finding(rule: str, severity: str, *sides: tuple[str, str], message: str = "Reports disagree") -> Finding:
    return Finding(
        kind="quantity_conflict",
        rule=rule,
        name="quantities.casualties",
        severity=severity,
        message=message,
        evidence=tuple(evidence(path, 1, f"{value} in {path}", value) for path, value in sides),
        fingerprint=f"{rule}-{'-'.join(p for p, _ in sides)}",
        claim_ids=tuple(p for p, _ in sides),
    )


def test_merge_a_report_against_two_that_agree_is_one_finding() -> None:
    findings = [
        _finding("QT02", "high", ("a.txt", "2 killed"), ("b.txt", "4 killed"), message="2 in a.txt, 4 in b.txt"),
        _finding("QT02", "high", ("b.txt", "4 killed"), ("c.txt", "2 killed")),
    ]
    [merged] = merge_agreeing(findings, STORIES, ["QT02"])
    assert [ev.path for ev in merged.evidence] == ["a.txt", "b.txt", "c.txt"]
    assert merged.message == "2 in a.txt, 4 in b.txt; also 2 killed in c.txt"
    assert merged.fingerprint == "QT02-a.txt-b.txt"
    assert merged.claim_ids == ("a.txt", "b.txt", "c.txt")


def test_merge_two_against_two_lists_each_side() -> None:
    findings = [
        _finding("QT02", "high", ("a.txt", "2 killed"), ("b.txt", "4 killed")),
        _finding("QT02", "high", ("a.txt", "2 killed"), ("d.txt", "4 killed")),
        _finding("QT02", "high", ("b.txt", "4 killed"), ("c.txt", "2 killed")),
        _finding("QT02", "high", ("c.txt", "2 killed"), ("d.txt", "4 killed")),
    ]
    [merged] = merge_agreeing(findings, STORIES, ["QT02"])
    assert sorted(ev.path for ev in merged.evidence) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert merged.message.endswith("; also 4 killed in d.txt; also 2 killed in c.txt")


def test_merge_keeps_apart_what_is_not_one_disagreement() -> None:
    findings = [
        # Another severity: an update is not the same alarm as a clash.
        _finding("QT02", "high", ("a.txt", "2 killed"), ("b.txt", "4 killed")),
        _finding("QT02", "low", ("b.txt", "4 killed"), ("c.txt", "2 killed")),
        # Other values.
        _finding("QT02", "high", ("a.txt", "2 killed"), ("d.txt", "3 killed")),
        # Another story.
        _finding("QT02", "high", ("x.txt", "2 killed"), ("y.txt", "4 killed")),
        # A rule whose reports give many values: one pair may clash twice.
        _finding("QT01", "high", ("a.txt", "30 days"), ("b.txt", "60 days")),
        _finding("QT01", "high", ("b.txt", "60 days"), ("c.txt", "30 days")),
    ]
    assert merge_agreeing(findings, STORIES, ["QT02"]) == findings


def test_merge_one_pair_clashing_twice_stays_two_findings() -> None:
    findings = [
        _finding("QT02", "high", ("a.txt", "2 killed"), ("b.txt", "4 killed")),
        _finding("QT02", "high", ("b.txt", "4 killed"), ("a.txt", "2 killed")),
    ]
    assert merge_agreeing(findings, STORIES, ["QT02"]) == findings
