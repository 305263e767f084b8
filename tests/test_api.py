"""The Python API returns the pydantic models the CLI renders."""

from __future__ import annotations

from pathlib import Path

import factcheck
from factcheck.models import ExtractReport, Report

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_api_check_returns_report_with_findings() -> None:
    report = factcheck.check([CORPUS / "ai-order"], jobs=1)
    assert isinstance(report, Report)
    assert {f.rule for f in report.findings} >= {"DT01", "MD01"}
    assert all(ev.line >= 1 and ev.end > ev.start for f in report.findings for ev in f.evidence)


def test_api_extract_resolves_weekday_against_dateline() -> None:
    extracted = factcheck.extract([CORPUS / "ai-order" / "wire-saturday.txt"], jobs=1)
    assert isinstance(extracted, ExtractReport)
    (doc,) = extracted.documents
    assert str(doc.published) == "2026-05-16"
    thursday = [t for t in doc.times if t.text == "Thursday"]
    assert thursday and thursday[0].value == "2026-05-14"
    original = (CORPUS / "ai-order" / "wire-saturday.txt").read_text(encoding="utf-8")
    assert original[thursday[0].start : thursday[0].end] == "Thursday"
