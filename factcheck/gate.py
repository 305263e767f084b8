"""The editorial gate: a check run with configuration, cache, suppressions, baseline and rendering."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .baseline import apply_baseline, load_baseline, write_baseline
from .config import Settings
from .models import Report
from .pipeline import RunOptions, check, default_jobs
from .report import RenderOptions, render
from .suppress import apply_suppressions, suppressions_by_path

__all__ = ["Outcome", "run_check", "options_from_settings"]


@dataclass
class Outcome:
    report: Report
    rendered: str
    warnings: list[str] = field(default_factory=list)


def options_from_settings(settings: Settings, progress: Callable[[int], None] | None = None) -> RunOptions:
    return RunOptions(
        model=settings.model,
        dateline=settings.dateline,
        rules_dirs=tuple(str(d) for d in settings.rules_dirs),
        jobs=settings.jobs or default_jobs(),
        cache=settings.cache,
        cache_dir=str(settings.cache_dir) if settings.cache_dir else None,
        engine=settings.engine,
        scheduler=settings.scheduler,
        select=tuple(settings.select),
        ignore=tuple(settings.ignore),
        severity=dict(settings.severity),
        settings={k: dict(v) for k, v in settings.rule_settings.items()},
        strict=settings.strict,
        progress=progress,
    )


def run_check(
    paths: Sequence[Path],
    settings: Settings,
    *,
    update_baseline: bool = False,
    summary_path: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    warnings: list[str] = []
    report = check(paths, options_from_settings(settings, progress), warnings=warnings)
    kept, suppressed = apply_suppressions(report.findings, suppressions_by_path(report.documents))
    report = report.model_copy(update={"findings": tuple(kept), "suppressed": suppressed})
    if settings.baseline is not None:
        if update_baseline:
            write_baseline(settings.baseline, report.findings)
        else:
            baseline = load_baseline(settings.baseline)
            kept, hidden, stale = apply_baseline(report.findings, baseline)
            report = report.model_copy(
                update={"findings": tuple(kept), "baselined": hidden, "stale_baseline": tuple(_stale_label(s) for s in stale)}
            )
            warnings.extend(f"stale baseline entry: {label}" for label in report.stale_baseline)
    elif update_baseline:
        from .errors import ConfigError

        raise ConfigError("--update-baseline needs --baseline FILE")
    options = RenderOptions(color=_color(settings), min_severity=settings.min_severity, rule_descriptions=_descriptions())
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


def _stale_label(entry: object) -> str:
    rule = getattr(entry, "rule", "?")
    message = getattr(entry, "message", "")
    return f"{rule} {message}".strip()


def _color(settings: Settings) -> bool:
    import os
    import sys

    if settings.output is not None or settings.format != "terminal":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _descriptions() -> dict[str, str]:
    from .detect.base import registry

    return {code: cls.description() for code, cls in registry().items()}
