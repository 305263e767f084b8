"""Regenerate the report golden files in tests/golden/ from the sample report.

Usage: `python tests/report/regen_golden.py`, then review `git diff tests/golden`.
The golden test compares the same renderings, so keep the cases here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GOLDEN_DIR = ROOT / "tests" / "golden"
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import factcheck  # noqa: E402
from factcheck.models import Report  # noqa: E402
from factcheck.report import RenderOptions, render  # noqa: E402
from factcheck.report.github import render_summary  # noqa: E402
from report_samples import build_sample_report  # noqa: E402

__all__ = ["GOLDEN_CASES", "GOLDEN_DIR", "normalize", "rendered", "main"]

_RULE_DESCRIPTIONS = {
    "DT01": "Two reports give different dates for the same event.",
    "NU01": "Two reports give different numbers for the same quantity.",
}

_RULE_EXPLANATIONS = {
    "DT01": "Two reports give different dates for the same event.\n\nFires:\n    A: on Tuesday, May 7\n    B: on Wednesday, May 8",
}


def _fmt(fmt: str, **options: object) -> Callable[[Report], str]:
    return lambda report: render(report, fmt, options=RenderOptions(**options))  # type: ignore[arg-type]


GOLDEN_CASES: dict[str, Callable[[Report], str]] = {
    "report.json": _fmt("json"),
    "report.sarif": _fmt("sarif", rule_descriptions=_RULE_DESCRIPTIONS, rule_explanations=_RULE_EXPLANATIONS,
                         source_root=str(ROOT)),
    "report-80.txt": _fmt("terminal", width=80),
    "report-120.txt": _fmt("terminal", width=120),
    "report-github.txt": _fmt("github"),
    "report-summary.md": render_summary,
    "report.md": _fmt("markdown"),
    "report.html": _fmt("html"),
}
"""Golden file name → how to render it from the sample report."""


def normalize(text: str, report: Report) -> str:
    """Remove what changes between runs and machines: versions and absolute paths."""
    for version in {report.tool_version, factcheck.__version__} - {""}:
        text = text.replace(version, "<version>")
    return text.replace(str(ROOT), "<root>")


def rendered() -> dict[str, str]:
    """Every golden case rendered from the sample report and normalized."""
    report = build_sample_report()
    return {name: normalize(make(report), report) for name, make in GOLDEN_CASES.items()}


def main() -> None:
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in rendered().items():
        (GOLDEN_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN_DIR / name}")


if __name__ == "__main__":
    main()
