"""`--format github`: workflow commands, escaping, and the step summary."""

from __future__ import annotations

import pytest
from report_samples import build_sample_report

from factcheck.report import RenderOptions, render
from factcheck.report.github import escape_data, escape_property, render_summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain", "plain"), ("50% off", "50%25 off"), ("a\nb", "a%0Ab"), ("a\r\nb", "a%0D%0Ab"), ("a:b,c", "a:b,c")],
)
def test_github_escape_data(text, expected):
    assert escape_data(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a.md", "a.md"), ("a:b,c", "a%3Ab%2Cc"), ("100%\n", "100%25%0A"), ("C:\\x", "C%3A\\x")],
)
def test_github_escape_property(text, expected):
    assert escape_property(text) == expected


def test_github_one_command_per_finding_and_problem():
    lines = render(build_sample_report(), "github", options=RenderOptions()).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice", "::error", "::notice"]
    assert lines[0] == (
        "::error file=corpus/bridge/harbor-times.md,line=3,col=1,endLine=3,endColumn=70,"
        "title=DT01 dates.conflict (high)::Sources give different dates for the council vote: "
        "2024-05-07 vs 2024-05-08. [compare corpus/bridge/city-wire.txt:5 (2024-05-08)]"
    )
    assert lines[3] == "::error file=corpus/bridge/broken.json,title=factcheck%3A unreadable input::invalid JSON at line 1, column 2"


@pytest.mark.parametrize(("severity", "command"), [("high", "error"), ("medium", "warning"), ("low", "notice"), ("info", "notice")])
def test_github_maps_severity_to_command(severity, command):
    report = build_sample_report()
    finding = report.findings[0].model_copy(update={"severity": severity})
    text = render(report.model_copy(update={"findings": (finding,), "problems": (), "stale_baseline": ()}), "github")
    assert text.startswith(f"::{command} file=")
    assert text.count("\n") == 1


def test_github_message_newlines_cannot_start_a_new_command():
    report = build_sample_report()
    finding = report.findings[0].model_copy(update={"message": "two\n::error::injected"})
    text = render(report.model_copy(update={"findings": (finding,), "problems": (), "stale_baseline": ()}), "github")
    assert text.count("\n") == 1
    assert "two ::error::injected" in text  # the line break is gone before escaping is needed


def test_github_summary_has_counts_and_quoted_sentences():
    summary = render_summary(build_sample_report())
    assert "| Findings | 3 |" in summary
    assert "> The council voted on **Tuesday, May 7**, to close the bridge for repairs." in summary
    assert "<script" not in summary and "<img" not in summary
    assert "&lt;script&gt;" in summary


def test_github_summary_respects_min_severity():
    summary = render_summary(build_sample_report(), RenderOptions(min_severity="medium"))
    assert "DT01" in summary and "NU01" in summary and "AT01" not in summary
