"""Tests for content fingerprints: stable across positions, sensitive to content."""

from __future__ import annotations

import pytest

from factories import evidence as make_evidence

from factcheck.fingerprint import (
    FINGERPRINT_LENGTH,
    claim_fingerprint,
    evidence_parts,
    finding_fingerprint,
    fingerprint_of,
    normalize_part,
)
from factcheck.models import Evidence, Finding




def _finding(*evidence: Evidence, fingerprint: str = "", rule: str = "DT01") -> Finding:
    return Finding(
        kind="date_conflict",
        rule=rule,
        name="dates.event_date",
        severity="high",
        message="The vote is dated differently",
        evidence=evidence,
        fingerprint=fingerprint,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The  vote\n is on\tMonday.", "the vote is on monday."),
        ("  MONDAY ", "monday"),
        ("", ""),
        ("\n\t ", ""),
    ],
)
def test_fingerprint_normalize_part(text: str, expected: str) -> None:
    assert normalize_part(text) == expected


def test_fingerprint_finding_shape_and_determinism() -> None:
    fp = finding_fingerprint("DT01", ["The vote is on Monday.", "2024-03-04"])
    assert len(fp) == FINGERPRINT_LENGTH
    assert all(c in "0123456789abcdef" for c in fp)
    assert fp == finding_fingerprint("DT01", ["The vote is on Monday.", "2024-03-04"])


@pytest.mark.parametrize(
    "variant",
    [
        ["2024-03-04", "The vote is on Monday."],  # order
        ["the VOTE is on monday.", "2024-03-04"],  # case
        ["The vote is\n  on Monday. ", " 2024-03-04"],  # re-wrapped
    ],
)
def test_fingerprint_finding_ignores_order_case_and_whitespace(variant: list[str]) -> None:
    assert finding_fingerprint("DT01", variant) == finding_fingerprint("DT01", ["The vote is on Monday.", "2024-03-04"])


@pytest.mark.parametrize(
    ("rule", "parts"),
    [
        ("DT02", ["The vote is on Monday.", "2024-03-04"]),  # other rule
        ("DT01", ["The vote is on Tuesday.", "2024-03-04"]),  # other text
        ("DT01", ["The vote is on Monday.", "2024-03-05"]),  # other value
        ("DT01", ["The vote is on Monday."]),  # fewer parts
        ("DT01", ["The vote is on Monday.2024-03-04"]),  # parts run together
    ],
)
def test_fingerprint_finding_changes_with_content(rule: str, parts: list[str]) -> None:
    assert finding_fingerprint(rule, parts) != finding_fingerprint("DT01", ["The vote is on Monday.", "2024-03-04"])


def test_fingerprint_matches_detector_fingerprints() -> None:
    """Same digest as `detect.base.make_finding`, so baselines match detector output."""
    import hashlib

    parts = ["The vote is on Monday.", "2024-03-04"]
    digest = hashlib.sha256(b"DT01")
    for part in sorted(" ".join(p.lower().split()) for p in parts):
        digest.update(b"\x00" + part.encode())
    assert finding_fingerprint("DT01", parts) == digest.hexdigest()[:20]


def test_fingerprint_claim() -> None:
    assert claim_fingerprint("Forty  people died.") == claim_fingerprint("forty people died.")
    assert claim_fingerprint("Forty people died.", "40 count") != claim_fingerprint("Forty people died.")
    assert claim_fingerprint("Forty people died.", "40 count") != claim_fingerprint("Forty people died.", "41 count")
    assert len(claim_fingerprint("x")) == FINGERPRINT_LENGTH


def test_fingerprint_of_ignores_paths_lines_and_offsets() -> None:
    a = _finding(
        make_evidence("a.md", 3, "The vote is on Monday.", "2024-03-04"),
        make_evidence("b.md", 9, "The vote is on Tuesday.", "2024-03-05"),
    )
    moved = _finding(
        make_evidence("renamed/b.md", 40, "The vote is on Tuesday.", "2024-03-05", start=900),
        make_evidence("renamed/a.md", 12, "The vote is on Monday.", "2024-03-04", start=300),
    )
    assert fingerprint_of(a) == fingerprint_of(moved)
    assert fingerprint_of(a) == finding_fingerprint("DT01", evidence_parts(a.evidence))


def test_fingerprint_of_prefers_stored_fingerprint() -> None:
    assert fingerprint_of(_finding(make_evidence("a.md", 1, "x", None), fingerprint="abc")) == "abc"


def test_fingerprint_evidence_parts_skip_missing_values() -> None:
    parts = evidence_parts([make_evidence("a.md", 1, "One.", None), make_evidence("b.md", 2, "Two.", "2")])
    assert parts == ["One.", "Two.", "2"]
