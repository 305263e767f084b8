"""The editorial gate: a check rendered for its output format, and the exit code it earns.

Suppressions and the baseline are applied by `pipeline.check`, so the Python API and the
command line report the same findings; this module adds rendering and the one place
that turns a report into an exit code.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, RulePackError
from .models import SEVERITY_ORDER, Report
from .options import run_options
from .pipeline import check
from .report import RenderOptions, render

__all__ = ["Outcome", "run_check", "exit_code"]


@dataclass
class Outcome:
    report: Report
    rendered: str
    warnings: list[str] = field(default_factory=list)


def run_check(
    paths: Sequence[Path],
    settings: Settings,
    *,
    update_baseline: bool = False,
    summary_path: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    warnings: list[str] = []
    options = run_options(settings, progress=progress, update_baseline=update_baseline)
    try:
        report = check(paths, options, warnings=warnings)
    except RulePackError as e:
        raise _named_settings_error(e, settings) from e
    descriptions, explanations = _rule_texts()
    options = RenderOptions(
        color=_color(settings),
        min_severity=settings.min_severity,
        rule_descriptions=descriptions,
        rule_explanations=explanations,
        source_root=os.getcwd(),
    )
    rendered = render(_for_format(report, settings.format), settings.format, options=options)
    if summary_path is not None:
        from .report.github import render_summary

        summary_path.write_text(render_summary(report), encoding="utf-8")
    return Outcome(report=report, rendered=rendered, warnings=warnings)


# Code-scanning tools place annotations by file path from the repository root, so these
# formats name files as the working directory sees them rather than relative to the folder given.
_CWD_PATH_FORMATS = frozenset({"github", "sarif"})


def _for_format(report: Report, fmt: str) -> Report:
    if fmt not in _CWD_PATH_FORMATS or not report.locations:
        return report
    where = report.locations
    findings = tuple(
        f.model_copy(update={"evidence": tuple(ev.model_copy(update={"path": where.get(ev.path, ev.path)}) for ev in f.evidence)})
        for f in report.findings
    )
    documents = tuple(d.model_copy(update={"path": where.get(d.path, d.path)}) for d in report.documents)
    problems = tuple(p.model_copy(update={"path": where.get(p.path, p.path)}) for p in report.problems)
    return report.model_copy(update={"findings": findings, "documents": documents, "problems": problems})


def _named_settings_error(error: RulePackError, settings: Settings) -> RulePackError:
    """A bad rule setting, named by the file (or flag) it came from rather than "configuration"."""
    message = str(error)
    origins = {origin for key, origin in settings.sources.items() if key.startswith("rule_settings.")}
    if not message.startswith("configuration: ") or len(origins) != 1:
        return error
    origin = origins.pop()
    return RulePackError(f"{'command line' if origin.startswith('--') else origin}: {message.removeprefix('configuration: ')}")


def exit_code(report: Report, settings: Settings) -> int:
    """0, 1 or 2 for a finished check (the conventions of ruff and sqlfluff).

    2 when `strict` and an article could not be read (notes do not count); else 0 with
    `exit_zero`; else 1 when a finding is at or above `fail_on`, and 0 when none is.
    """
    if settings.strict and any(p.level == "error" for p in report.problems):
        return EXIT_USAGE
    if settings.exit_zero:
        return EXIT_OK
    gate = SEVERITY_ORDER[settings.fail_on]
    return EXIT_FINDINGS if any(SEVERITY_ORDER[f.severity] >= gate for f in report.findings) else EXIT_OK


def _color(settings: Settings) -> bool:
    import os
    import sys

    if settings.output is not None or settings.format != "terminal":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _rule_texts() -> tuple[dict[str, str], dict[str, str]]:
    """Rule code → one-line description, and → the full explanation with its examples."""
    from .detect.base import registry

    rules = registry()
    return {code: cls.description() for code, cls in rules.items()}, {code: cls.explanation() for code, cls in rules.items()}
