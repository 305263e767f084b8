"""The default terminal report: readable at 80 columns, plain without colour."""

from __future__ import annotations

import re

import pytest
from report_samples import build_sample_report

from factcheck.report import RenderOptions, render

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("width", [60, 80, 99, 100, 140])
def test_terminal_fits_the_width(width):
    text = render(build_sample_report(), "terminal", options=RenderOptions(width=width))
    assert max(len(line) for line in text.splitlines()) <= width


def test_terminal_plain_has_no_escape_codes_or_boxes():
    text = render(build_sample_report(), "terminal", options=RenderOptions(width=120))
    assert "\x1b" not in text
    assert not set("╭│─┬╰") & set(text)
    assert "«Tuesday, May 7»" in text


def test_terminal_prints_rich_markup_from_articles_literally():
    for color in (False, True):
        text = _ANSI.sub("", render(build_sample_report(), "terminal", options=RenderOptions(width=200, color=color)))
        assert "[bold]a **preliminary** count[/bold]" in text
        assert "<script>window.__pwned=1</script>" in text


def test_terminal_summary_counts():
    lines = render(build_sample_report(), "terminal", options=RenderOptions(width=80)).splitlines()
    assert lines[0] == "factcheck: 3 articles, 1 story, 34 claims, 3 findings"
    assert lines[1] == "  by severity: high 1, medium 1, low 1"
    assert "1 file not read (see stderr)" in lines[3]


def test_terminal_summary_counts_one_of_each_in_the_singular():
    report = build_sample_report()
    one = report.documents[0].model_copy(update={"claims": 1})
    report = report.model_copy(update={"documents": (one,), "findings": report.findings[:1]})
    first = render(report, "terminal", options=RenderOptions(width=80)).splitlines()[0]
    assert first.endswith(", 1 story, 1 claim, 1 finding"), first


def test_terminal_leaves_unreadable_files_to_stderr():
    text = render(build_sample_report(), "terminal", options=RenderOptions(width=80))
    assert "broken.json" not in text


def test_terminal_side_by_side_headings_start_on_one_row():
    report = build_sample_report()
    first = report.findings[0]
    # The left side has no source, date or attribution: a shorter heading than the right's.
    bare = first.evidence[0].model_copy(update={"attribution": None, "published": None, "path": "elsewhere.txt"})
    finding = first.model_copy(update={"evidence": (bare, first.evidence[1])})
    lines = render(report.model_copy(update={"findings": (finding,)}), "terminal",
                   options=RenderOptions(width=120)).splitlines()
    assert any("elsewhere.txt:3:1" in line and "city-wire.txt:5:4" in line for line in lines)
    assert any("value 2024-05-07" in line and "value 2024-05-08" in line for line in lines)


def test_terminal_summary_continues_under_its_label():
    report = build_sample_report()
    kinds = [f.model_copy(update={"kind": f"{kind}_conflict_of_a_long_name"})
             for f, kind in zip(report.findings * 3, "abcdefghi", strict=False)]
    lines = render(report.model_copy(update={"findings": tuple(kinds)}), "terminal",
                   options=RenderOptions(width=80)).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  by kind:"))
    column = lines[start].index("a_conflict")
    assert lines[start + 1].startswith(" " * column) and lines[start + 1].strip()


def test_terminal_side_by_side_from_100_columns():
    wide = render(build_sample_report(), "terminal", options=RenderOptions(width=120)).splitlines()
    narrow = render(build_sample_report(), "terminal", options=RenderOptions(width=80)).splitlines()
    assert any("harbor-times.md:3:1" in line and "city-wire.txt:5:4" in line for line in wide)
    assert not any("harbor-times.md:3:1" in line and "city-wire.txt:5:4" in line for line in narrow)


def test_terminal_color_highlights_severity_and_span():
    text = render(build_sample_report(), "terminal", options=RenderOptions(width=120, color=True))
    assert "\x1b[1;31mHIGH\x1b[0m" in text
    assert "\x1b[1;7mTuesday, May 7\x1b[0m" in text
    assert "«" not in text


def test_terminal_no_findings():
    report = build_sample_report().model_copy(update={"findings": (), "problems": (), "stale_baseline": ()})
    text = render(report, "terminal", options=RenderOptions(width=80))
    assert text.splitlines()[0] == "factcheck: 3 articles, 1 story, 34 claims, 0 findings"


def test_terminal_without_width_uses_the_terminal_size(monkeypatch):
    monkeypatch.setenv("COLUMNS", "90")
    text = render(build_sample_report(), "terminal", options=RenderOptions())
    assert max(len(line) for line in text.splitlines()) <= 90
    assert any(len(line) > 80 for line in text.splitlines())


def test_terminal_stacked_articles_are_separated_by_a_blank_line():
    lines = render(build_sample_report(), "terminal", options=RenderOptions(width=80)).splitlines()
    second = lines.index("  corpus/bridge/city-wire.txt:5:4")
    assert lines[second - 1] == ""
