"""The format registry, severity filtering and the helpers every format shares."""

from __future__ import annotations

import pytest
from report_samples import build_sample_report, evidence

from factcheck.errors import FactcheckError
from factcheck.models import Finding
from factcheck.fingerprint import FINGERPRINT_LENGTH, fingerprint_of
from factcheck.report import (
    RENDERERS,
    RenderOptions,
    available_formats,
    finding_fingerprint,
    ordered_findings,
    register,
    render,
    split_span,
    visible_report,
)


def test_report_registry_has_every_builtin_format():
    assert available_formats() == ["github", "html", "json", "jsonl", "markdown", "sarif", "terminal"]


def test_report_registry_unknown_format_names_the_allowed_ones():
    with pytest.raises(FactcheckError, match=r"unknown output format 'yaml'; expected one of: github, html"):
        render(build_sample_report(), "yaml", options=RenderOptions())


def test_report_registry_rejects_a_second_renderer_for_a_name():
    with pytest.raises(FactcheckError, match="registered twice"):
        register("json")(lambda report, options: "")


def test_report_registry_register_adds_a_format():
    try:
        register("count")(lambda report, options: str(len(report.findings)))
        assert render(build_sample_report(), "count") == "3"
    finally:
        RENDERERS.pop("count", None)


@pytest.mark.parametrize(
    ("min_severity", "rules"),
    [("info", {"DT01", "NU01", "AT01"}), ("low", {"DT01", "NU01", "AT01"}), ("medium", {"DT01", "NU01"}), ("high", {"DT01"})],
)
def test_report_visible_report_drops_findings_below_the_floor(min_severity, rules):
    report = visible_report(build_sample_report(), min_severity)
    assert {f.rule for f in report.findings} == rules


@pytest.mark.parametrize("fmt", ["terminal", "json", "jsonl", "sarif", "github", "markdown", "html"])
def test_report_render_applies_min_severity_to_every_format(fmt):
    text = render(build_sample_report(), fmt, options=RenderOptions(min_severity="high"))
    assert "DT01" in text
    assert "NU01" not in text and "AT01" not in text


def test_report_ordered_findings_puts_most_severe_first():
    report = build_sample_report()
    assert [f.severity for f in ordered_findings(reversed(report.findings))] == ["high", "medium", "low"]


@pytest.mark.parametrize(
    ("sentence", "span", "shift", "expected"),
    [
        ("It closed on May 7 after a vote.", "May 7", 0, ("It closed on ", "May 7", " after a vote.")),
        # Offsets off by cleaning: fall back to the first exact occurrence.
        ("It closed on May 7 after a vote.", "May 7", 5, ("It closed on ", "May 7", " after a vote.")),
        ("Forty people were hurt.", "Forty", 0, ("", "Forty", " people were hurt.")),
        ("Forty people were hurt.", "hurt.", 0, ("Forty people were ", "hurt.", "")),
    ],
)
def test_report_split_span_cuts_around_the_span(sentence, span, shift, expected):
    ev = evidence("a.txt", sentence, span, line=1, column=1, sentence_start=100)
    ev = ev.model_copy(update={"span_start": ev.span_start + shift, "span_end": ev.span_end + shift})
    assert tuple(split_span(ev)) == expected


@pytest.mark.parametrize("span", ["", "June 9"])
def test_report_split_span_highlights_nothing_when_span_is_missing(span):
    ev = evidence("a.txt", "It closed on May 7.", "May 7", line=1, column=1, sentence_start=0)
    ev = ev.model_copy(update={"span": span})
    assert tuple(split_span(ev)) == ("It closed on May 7.", "", "")


def _moved(finding: Finding, lines: int) -> Finding:
    moved = tuple(ev.model_copy(update={"line": ev.line + lines, "start": ev.start + 50}) for ev in finding.evidence)
    return finding.model_copy(update={"evidence": moved})


def test_report_finding_fingerprint_falls_back_to_a_content_hash():
    finding = build_sample_report().findings[1]
    assert finding.fingerprint == ""
    fingerprint = finding_fingerprint(finding)
    # The same fallback as the baseline's, so SARIF and baselines name the finding alike.
    assert fingerprint == fingerprint_of(finding) and len(fingerprint) == FINGERPRINT_LENGTH
    assert finding_fingerprint(_moved(finding, 7)) == fingerprint
    changed = finding.model_copy(update={"evidence": (finding.evidence[0].model_copy(update={"value": "count>=41"}),
                                                      finding.evidence[1])})
    assert finding_fingerprint(changed) != fingerprint


def test_report_finding_fingerprint_keeps_the_upstream_hash():
    finding = build_sample_report().findings[0]
    assert finding_fingerprint(finding) == "dt01-3b8f0c"


def test_report_extract_table_counts_in_the_right_number() -> None:
    from factcheck.report.extract_table import counted

    assert counted(1, "time expression") == "1 time expression"
    assert counted(0, "claim") == "0 claims"
    assert counted(1450, "claim") == "1,450 claims"


def test_story_label_names_a_person_or_place_before_an_organisation():
    from factcheck.models import Report, Story
    from factcheck.report import story_labels

    def label(shared):
        story = Story(id="story-1", articles=("a.md", "b.md"), shared=tuple(shared))
        return story_labels(Report(stories={"story-1": ["a.md", "b.md"]}, story_details=(story,)))["a.md"]

    # The hospital every shooting of a city shares says less than the street.
    assert label(["ORG: Mount Sinai Hospital", "FAC: North Lavergne Avenue", "sinai"]) == "story-1 (North Lavergne Avenue)"
    assert label(["ORG: Port Calder City Council", "ordinance"]) == "story-1 (Port Calder City Council)"
    assert label(["ordinance", "rental"]) == "story-1 (ordinance)"
    assert label([]) == "story-1"
