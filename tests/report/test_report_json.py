"""`--format json`: stable, versioned, and a faithful dump of the report."""

from __future__ import annotations

import json

from report_samples import build_sample_report

from factcheck.models import SCHEMA_VERSION, Report
from factcheck.report import RenderOptions, render


def test_report_json_round_trips_to_the_same_report():
    report = build_sample_report()
    data = json.loads(render(report, "json", options=RenderOptions()))
    assert Report.model_validate(data) == report


def test_report_json_keys_are_versioned_and_in_model_order():
    text = render(build_sample_report(), "json", options=RenderOptions())
    data = json.loads(text)
    assert list(data)[:4] == ["schema_version", "tool_version", "model", "documents"]
    assert data["schema_version"] == SCHEMA_VERSION
    assert list(data["findings"][0]) == ["kind", "rule", "name", "severity", "message", "evidence", "fingerprint", "claim_ids"]
    assert text.startswith('{\n  "schema_version"')
    assert text.endswith("}\n")


def test_report_json_sorts_stories_by_id():
    report = build_sample_report().model_copy(update={"stories": {"b": ["x"], "a": ["y"]}})
    data = json.loads(render(report, "json", options=RenderOptions()))
    assert list(data["stories"]) == ["a", "b"]


def test_report_json_keeps_article_text_verbatim():
    data = json.loads(render(build_sample_report(), "json", options=RenderOptions()))
    texts = [ev["text"] for f in data["findings"] for ev in f["evidence"]]
    assert any("<script>window.__pwned=1</script>" in text for text in texts)


def test_report_json_empty_report():
    data = json.loads(render(Report(), "json", options=RenderOptions()))
    assert data["findings"] == [] and data["problems"] == [] and data["stories"] == {}
