"""The sample corpus end to end: every expected finding is found, no trap fires, nothing unexpected
of medium or higher severity appears (expectations in corpus/expected_findings.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.models import SEVERITY_ORDER, Finding, Report

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
EXPECTED = tomllib.loads((CORPUS / "expected_findings.toml").read_text(encoding="utf-8"))


def _path(entry: dict, i: int) -> str:
    path = entry["paths"][i]
    records = entry.get("records") or []
    record = records[i] if i < len(records) else 0
    return f"{path}#{record}" if record else path


def _cites(finding: Finding, paths: list[str]) -> bool:
    cited = {ev.path for ev in finding.evidence}
    return all(p in cited for p in paths)


def _between(finding: Finding, paths: list[str]) -> bool:
    """Whether the finding sets the reports against each other: it cites them all, and not
    all on one side (a merged finding lists reports that agree with each other)."""
    if not _cites(finding, paths):
        return False
    sides = {frozenset(ev.value for ev in finding.evidence if ev.path == p) for p in paths}
    return len(sides) > 1 or None in {ev.value for ev in finding.evidence}


@pytest.fixture(scope="module")
def report(corpus_report: Report) -> Report:
    return corpus_report


def test_corpus_reads_every_article_without_problems(report: Report) -> None:
    assert not report.problems, report.problems
    assert len(report.documents) >= 10


@pytest.mark.parametrize("entry", EXPECTED["finding"], ids=lambda e: f"{e['rule']}-{e['paths'][0]}")
def test_corpus_expected_finding_is_found(report: Report, entry: dict) -> None:
    paths = [_path(entry, i) for i in range(len(entry["paths"]))]
    matching = [f for f in report.findings if f.rule == entry["rule"] and _cites(f, paths)]
    assert matching, f"{entry['rule']} between {paths} not found; got {[(f.rule, [e.path for e in f.evidence]) for f in report.findings]}"
    if "severity" in entry:
        assert any(f.severity == entry["severity"] for f in matching), [f.severity for f in matching]
    if "max_severity" in entry:
        assert all(SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[entry["max_severity"]] for f in matching)
        assert any("update" in f.message for f in matching)
    if "values" in entry and entry["rule"] in ("DT01", "MD01"):
        by_path = {ev.path: ev.value for f in matching for ev in f.evidence}
        assert [by_path[p] for p in paths] == entry["values"]


@pytest.mark.parametrize("entry", EXPECTED["absent"], ids=lambda e: f"absent-{e['paths'][0]}")
def test_corpus_trap_does_not_fire(report: Report, entry: dict) -> None:
    paths = [_path(entry, i) for i in range(len(entry["paths"]))]
    spans = entry.get("spans")
    fired = [
        f
        for f in report.findings
        if f.rule in entry["rules"]
        and _between(f, paths)
        and (not spans or any(s in ev.span or s in (ev.value or "") for ev in f.evidence for s in spans))
    ]
    assert not fired, [(f.rule, f.message) for f in fired]


def test_corpus_has_no_unexpected_medium_or_high_finding(report: Report) -> None:
    expected = {
        (e["rule"], frozenset(_path(e, i) for i in range(len(e["paths"])))) for e in EXPECTED["finding"]
    }
    unexpected = [
        f
        for f in report.findings
        if SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER["medium"]
        and not any(rule == f.rule and paths <= {ev.path for ev in f.evidence} for rule, paths in expected)
    ]
    assert not unexpected, [(f.rule, f.message) for f in unexpected]
