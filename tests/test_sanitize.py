"""Untrusted file names and article text cannot write into a terminal, a CI log or a report page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from factcheck.models import InputProblem
from factcheck.report import render
from factcheck.report.github import render_summary
from factcheck.sanitize import printable, readable_name, sanitize_model, unwrap_commands

sys.path.insert(0, str(Path(__file__).resolve().parent / "report"))
from report_samples import build_sample_report  # noqa: E402

_ESC_TITLE = "\x1b]0;owned\x07"
_CLEAR = "\x1b[2J"
_EVIL_PATH = "drafts/x\n::add-mask::secret\r.md"
_EVIL_TEXT = f"The mayor said so.\n::warning::injected {_ESC_TITLE}{_CLEAR} \u2028::error::also\u202e"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text", "plain text"),
        ("line\nbreak", "line break"),
        ("crlf\r\nend", "crlf  end"),
        ("tab\there", "tab here"),
        ("\x1b[2J", "\\x1b[2J"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("nel\x85sep\u2028par\u2029", "nel sep par "),
        ("bidi\u202eevil", "bidi\\u202eevil"),
        ("del\x7f c1\x9b", "del\\x7f c1\\x9b"),
        ("lone \udc80", "lone \ufffd"),
        ("café — «ok»", "café — «ok»"),
    ],
)
def test_sanitize_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_sanitize_readable_name_shows_bytes_that_are_not_utf8() -> None:
    assert readable_name("caf\udce9.txt") == "caf\\xe9.txt"
    assert readable_name("café.txt") == "café.txt"


def test_sanitize_wrapped_line_never_starts_a_command() -> None:
    assert unwrap_commands("text\n  ::warning::x\n::error::y\nkeep :: this\n") == "text\n  \\::warning::x\n\\::error::y\nkeep :: this\n"


def test_sanitize_model_reaches_every_string_and_keeps_the_rest() -> None:
    problem = InputProblem(path=_EVIL_PATH, message=_EVIL_TEXT)
    clean = sanitize_model(problem)
    assert "\n" not in clean.path and "\x1b" not in clean.message and clean.level == "error"
    untouched = InputProblem(path="a.txt", message="fine")
    assert sanitize_model(untouched) is untouched


def _evil_report():
    report = build_sample_report()
    finding = report.findings[0]
    evidence = tuple(
        ev.model_copy(update={"path": _EVIL_PATH, "text": _EVIL_TEXT + " " + ev.text, "attribution": _ESC_TITLE})
        for ev in finding.evidence
    )
    finding = finding.model_copy(update={"message": _EVIL_TEXT, "evidence": evidence})
    problems = (InputProblem(path=_EVIL_PATH, message=_EVIL_TEXT),)
    documents = tuple(d.model_copy(update={"title": _EVIL_TEXT, "source": _CLEAR}) for d in report.documents)
    return report.model_copy(update={"findings": (finding,), "problems": problems, "documents": documents})


def _assert_inert(text: str, *, commands_allowed: bool = False) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\u2028" not in text and "\u202e" not in text
    for line in text.splitlines():
        if line.startswith("::"):
            assert commands_allowed, line
            assert line.startswith(("::error ", "::warning ", "::notice ")), line
    assert not any(line.lstrip().startswith(("::warning::", "::add-mask::", "::error::")) for line in text.splitlines())


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "github"])
def test_sanitize_every_human_format_neutralises_injection(fmt: str) -> None:
    text = render(_evil_report(), fmt)
    _assert_inert(text, commands_allowed=fmt == "github")
    if fmt == "github":
        # One annotation, one problem, one stale baseline entry: nothing injected a line.
        assert len(text.splitlines()) == 3


def test_sanitize_github_step_summary_neutralises_injection() -> None:
    _assert_inert(render_summary(_evil_report()))


def test_sanitize_json_keeps_the_text_exactly() -> None:
    import json

    data = json.loads(render(_evil_report(), "json"))
    assert data["problems"][0]["path"] == _EVIL_PATH
    assert _ESC_TITLE in data["findings"][0]["message"]
