"""The editorial gate: a check rendered for its output format, and the exit code it earns.

Suppressions and the baseline are applied by `pipeline.check`, so the Python API and the
command line report the same findings; this module adds rendering and the one place
that turns a report into an exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, RulePackError
from .models import SEVERITY_ORDER, Report
from .options import run_options
from .pipeline import check
from .report import RenderOptions, render

__all__ = ["Outcome", "color_wanted", "exit_code", "run_check", "terminal_color"]


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
    on_phase: Callable[[str, int | None], None] | None = None,
    quiet: bool = False,
    full_report: str | None = None,
    stdin_dir: Path | None = None,
) -> Outcome:
    """Check `paths` with `settings` and render the report in `settings.format`.

    Args:
        quiet: Leave the summary out of the terminal report.
        full_report: Where the whole report is, for a Markdown report cut to fit a comment.
        stdin_dir: The folder holding an article read from standard input; it is named by
            its own name in every format, never by where the folder happens to be.
    """
    warnings: list[str] = []
    options = run_options(settings, progress=progress, on_phase=on_phase, update_baseline=update_baseline)
    try:
        report = check(paths, options, warnings=warnings)
    except RulePackError as e:
        raise _named_settings_error(e, settings) from e
    if stdin_dir is not None:
        report = _stdin_named(report, stdin_dir)
    descriptions, explanations = _rule_texts()
    options = RenderOptions(
        color=color_wanted(settings),
        min_severity=settings.min_severity,
        rule_descriptions=descriptions,
        rule_explanations=explanations,
        source_root=os.getcwd(),
        summary=not quiet,
        full_report=full_report,
    )
    rendered = render(_for_format(report, settings.format), settings.format, options=options)
    if summary_path is not None:
        from .report.github import render_summary

        summary_path.write_text(render_summary(report), encoding="utf-8")
    return Outcome(report=report, rendered=rendered, warnings=warnings)


def _stdin_named(report: Report, stdin_dir: Path) -> Report:
    """Name articles read from standard input by their name, also where formats want paths from the working directory."""
    folder = os.path.realpath(stdin_dir)
    locations = {
        name: name if os.path.realpath(where).startswith(folder + os.sep) else where
        for name, where in report.locations.items()
    }
    return report.model_copy(update={"locations": locations})


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


def color_wanted(settings: Settings, *, env: Mapping[str, str] | None = None, isatty: bool | None = None) -> bool:
    """Colour for the terminal report written to stdout; never in a file or another format."""
    if settings.output is not None or settings.format != "terminal":
        return False
    return terminal_color(sys.stdout.isatty() if isatty is None else isatty, env=env)


def terminal_color(isatty: bool, *, env: Mapping[str, str] | None = None) -> bool:
    """Colour on a terminal, as the environment asks.

    `NO_COLOR` (https://no-color.org) turns it off and wins; `FORCE_COLOR`
    (https://force-color.org) turns it on where the output is no terminal, as in CI logs.
    """
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return isatty


def _rule_texts() -> tuple[dict[str, str], dict[str, str]]:
    """Rule code → one-line description, and → the full explanation with its examples."""
    from .detect.base import registry

    rules = registry()
    return {code: cls.description() for code, cls in rules.items()}, {code: cls.explanation() for code, cls in rules.items()}
