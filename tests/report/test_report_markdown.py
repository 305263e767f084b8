"""`--format markdown`: a pull-request comment that keeps article text inert."""

from __future__ import annotations

import re

import pytest
from report_samples import build_sample_report

from factcheck.report import RenderOptions, render
from factcheck.report.markdown import escape_markdown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words, 2024-05-07.", "plain words, 2024-05-07."),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<img src=x onerror="a()">', '&lt;img src=x onerror="a()"&gt;'),
        ("**bold** _it_ `code`", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("a | b", "a \\| b"),
        ("cc @owner on #12 for $5", "cc \\@owner on \\#12 for \\$5"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("line\nbreak", "line break"),
        ("AT&T", "AT&amp;T"),
    ],
)
def test_markdown_escape(text, expected):
    assert escape_markdown(text) == expected


def test_markdown_has_no_live_html_from_articles():
    text = render(build_sample_report(), "markdown", options=RenderOptions())
    assert not re.search(r"<\s*(script|img)", text, re.IGNORECASE)
    assert "&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;" in text
    assert "\\[bold\\]a \\*\\*preliminary\\*\\* count\\[/bold\\] \\| not final." in text


def test_markdown_groups_by_severity_with_two_column_tables():
    text = render(build_sample_report(), "markdown", options=RenderOptions())
    headings = re.findall(r"^<details(?: open)?><summary><strong>(\w+) \((\d+)\)</strong></summary>$", text, re.MULTILINE)
    assert headings == [("High", "1"), ("Medium", "1"), ("Low", "1")]
    assert "| --- | --- |" in text
    assert "| The council voted on **Tuesday, May 7**, to close the bridge for repairs. |" in text


def test_markdown_table_rows_have_two_cells_even_when_articles_hold_pipes():
    text = render(build_sample_report(), "markdown", options=RenderOptions())
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len(rows) > 10
    for line in rows:
        cells = re.split(r"(?<!\\)\|", line)[1:-1]
        assert len(cells) == 2, line


def test_markdown_without_findings_says_so():
    report = build_sample_report().model_copy(update={"findings": ()})
    assert "No findings." in render(report, "markdown")


def test_report_markdown_groups_findings_in_collapsible_sections():
    text = render(build_sample_report(), "markdown")
    assert text.count("<details") == text.count("</details>") == 3
    assert "<details open><summary><strong>High (1)</strong></summary>" in text
    assert "[DT01](https://" in text


def test_report_markdown_fits_a_pull_request_comment_and_points_to_the_full_report():
    report = build_sample_report()
    many = tuple(f.model_copy(update={"message": f"{f.message} #{i}"}) for i in range(300) for f in report.findings)
    big = report.model_copy(update={"findings": many})
    text = render(big, "markdown", options=RenderOptions(full_report="https://ci.example/run/7/report.html"))
    assert len(text) <= 65_536
    assert "more findings are not shown" in text
    assert "https://ci.example/run/7/report.html" in text
    assert text.count("<details") == text.count("</details>")
    assert "### Unreadable inputs" in text
    shown = text.count("\n#### ")
    assert f"**{len(many) - shown} more findings are not shown**" in text
