"""The `factcheck` command: thin typer commands over the library functions in `pipeline`.

One handler turns every `FactcheckError` into `Error: <message>` on stderr and exit 2;
tracebacks appear only with `--debug`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .errors import EXIT_USAGE, FactcheckError
from .models import InputProblem
from .sanitize import printable

__all__ = ["app", "main"]

app = typer.Typer(
    name="factcheck",
    help="Find where news reports of the same story disagree: dates, numbers, modality, attribution.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


class Level(str, Enum):
    info = "info"
    low = "low"
    medium = "medium"
    high = "high"


class CheckFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"
    html = "html"


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"


_DEBUG = {"on": False}


def _fail(message: str) -> None:
    typer.echo(f"Error: {printable(message)}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _echo_problems(problems: Iterable[InputProblem]) -> None:
    """One line per input problem on stderr, with file names and text made harmless for logs."""
    for problem in problems:
        label = "Note" if problem.level == "note" else "Error"
        typer.echo(f"{label}: {printable(problem.path)}: {printable(problem.message)}", err=True)


_DEBUG_HANDLER: dict[str, logging.Handler] = {}


def _debug_logging(on: bool) -> None:
    """With --debug, the tracebacks the library logs for unreadable files go to stderr."""
    logger = logging.getLogger("factcheck")
    old = _DEBUG_HANDLER.pop("handler", None)
    if old is not None:
        logger.removeHandler(old)
    if on:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("debug: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        _DEBUG_HANDLER["handler"] = handler


def handle_errors(command: F) -> F:
    """Turn user errors into one line on stderr and exit code 2 (sqlfluff's handler)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _DEBUG["on"] = bool(kwargs.get("debug"))
        _debug_logging(_DEBUG["on"])
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except FactcheckError as e:
            if _DEBUG["on"]:
                raise
            _fail(str(e))
        except KeyboardInterrupt:
            typer.echo("Interrupted.", err=True)
            raise typer.Exit(130) from None
        except Exception as e:  # noqa: BLE001 - no traceback reaches a user without --debug
            if _DEBUG["on"]:
                raise
            _fail(f"internal error: {type(e).__name__}: {e} (run with --debug for the traceback)")

    return wrapper  # type: ignore[return-value]


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FactcheckError(f"--dateline {value!r} is not a date; expected YYYY-MM-DD") from None


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _require_paths(paths: list[Path]) -> None:
    from .ingest import require_paths

    require_paths(paths)


def _write_or_print(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as e:
        raise FactcheckError(f"{output}: cannot write the report ({e.strerror or e})") from e


def _progress(enabled: bool):  # type: ignore[no-untyped-def]
    """A rich progress bar on stderr when it is a terminal; never in machine-readable output."""
    from .progress import progress_reporter

    return progress_reporter(enabled and sys.stderr.isatty())


PathsArg = Annotated[list[Path], typer.Argument(help="Article files or folders (searched recursively).", show_default=False)]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load (package name or path).")]
DatelineOpt = Annotated[str | None, typer.Option("--dateline", help="Publication date (YYYY-MM-DD) for articles that lack one.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes for parsing (default: number of cores).")]
RulesOpt = Annotated[list[Path] | None, typer.Option("--rules", help="A folder of your own rule packs (repeatable).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Configuration file (default: nearest .factcheck.toml or [tool.factcheck]).")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the claim cache.")]
CacheDirOpt = Annotated[Path | None, typer.Option("--cache-dir", help="Cache folder (default: $FACTCHECK_CACHE_DIR or .factcheck_cache).")]


@app.command("check")
@handle_errors
def check_command(
    paths: PathsArg,
    format: Annotated[CheckFormat | None, typer.Option("--format", "-f", help="Output format.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    fail_on: Annotated[Level | None, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity.")] = None,
    min_severity: Annotated[Level | None, typer.Option("--min-severity", help="Show findings at or above this severity.")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Always exit 0 (report only).")] = False,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rules: codes (DT01), prefixes (DT), kinds, dotted names, groups or all; comma-separated.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules (the same names as --select).")] = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Hide findings recorded in this baseline file.")] = None,
    update_baseline: Annotated[bool, typer.Option("--update-baseline", help="Write the current findings to --baseline.")] = False,
    summary: Annotated[Path | None, typer.Option("--summary", help="Also write a Markdown summary here (for CI step summaries).")] = None,
    dateline: DatelineOpt = None,
    model: ModelOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    engine: Annotated[str | None, typer.Option("--engine", help="local (default) or dask.")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (with --engine dask).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat unreadable articles as errors (exit 2).")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="Never show a progress bar.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Compare the articles and report where they disagree."""
    from .config import load_settings
    from .gate import exit_code, run_check

    _require_paths(paths)
    settings = load_settings(
        paths,
        config_file=config,
        env=os.environ,
        cli_overrides={
            "format": format.value if format else None,
            "output": output,
            "fail_on": fail_on.value if fail_on else None,
            "min_severity": min_severity.value if min_severity else None,
            "exit_zero": exit_zero or None,
            "select": _split(select) or None,
            "ignore": _split(ignore) or None,
            "rules_dirs": [str(r) for r in rules] if rules else None,
            "baseline": baseline,
            "dateline": _parse_date(dateline),
            "model": model,
            "jobs": jobs,
            "cache": False if no_cache else None,
            "cache_dir": cache_dir,
            "engine": engine,
            "scheduler": scheduler,
            "strict": strict or None,
        },
    )
    with _progress(not no_progress) as progress:
        outcome = run_check(paths, settings, update_baseline=update_baseline, summary_path=summary, progress=progress)
    for warning in outcome.warnings:
        typer.echo(f"Warning: {printable(warning)}", err=True)
    if settings.format != "terminal" or settings.output is not None:
        # The terminal report lists unreadable articles itself; elsewhere they go to stderr too.
        _echo_problems(outcome.report.problems)
    _write_or_print(outcome.rendered, settings.output)
    raise typer.Exit(exit_code(outcome.report, settings))


TableFormatOpt = Annotated[ExtractFormat, typer.Option("--format", "-f", help="table (for people) or json (for tools).")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]
NoProgressOpt = Annotated[bool, typer.Option("--no-progress", help="Never show a progress bar.")]


def _read(run: Callable[..., Any], paths: list[Path], *, no_progress: bool, **settings: Any) -> Any:
    """Run a reading command (`extract`, `stories`) with a progress bar; unreadable files go to stderr.

    The same settings as `check`: the configuration file's dateline, rule folders, cache.
    """
    _require_paths(paths)
    from .options import resolve_options

    with _progress(not no_progress) as progress:
        _, options = resolve_options(
            paths,
            config=settings["config"],
            model=settings["model"],
            dateline=_parse_date(settings["dateline"]),
            rules_dirs=[str(r) for r in settings["rules"]] if settings["rules"] else None,
            jobs=settings["jobs"],
            cache=False if settings["no_cache"] else None,
            cache_dir=settings["cache_dir"],
            progress=progress,
        )
        report = run(paths, options)
    _echo_problems(report.problems)
    return report


@app.command("extract")
@handle_errors
def extract_command(
    paths: PathsArg,
    format: TableFormatOpt = ExtractFormat.table,
    output: OutputOpt = None,
    dateline: DatelineOpt = None,
    model: ModelOpt = None,
    jobs: JobsOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    no_progress: NoProgressOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Extract dated, attributed claims from each article."""
    from .pipeline import extract
    from .report.extract_table import render_extract_table

    report = _read(extract, paths, no_progress=no_progress, dateline=dateline, model=model, jobs=jobs, rules=rules,
                   config=config, no_cache=no_cache, cache_dir=cache_dir)
    if format is ExtractFormat.json:
        _write_or_print(report.model_dump_json(indent=2), output)
    else:
        on_terminal = output is None and sys.stdout.isatty()
        width = shutil.get_terminal_size((80, 24)).columns if on_terminal else 80
        _write_or_print(render_extract_table(report, color=on_terminal, width=width), output)


@app.command("stories")
@handle_errors
def stories_command(
    paths: PathsArg,
    format: TableFormatOpt = ExtractFormat.table,
    output: OutputOpt = None,
    dateline: DatelineOpt = None,
    model: ModelOpt = None,
    jobs: JobsOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    no_progress: NoProgressOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Show how the articles group into stories (only articles of one story are compared)."""
    from .pipeline import stories
    from .report.story_table import render_story_table

    report = _read(stories, paths, no_progress=no_progress, dateline=dateline, model=model, jobs=jobs, rules=rules,
                   config=config, no_cache=no_cache, cache_dir=cache_dir)
    if format is ExtractFormat.json:
        _write_or_print(report.model_dump_json(indent=2), output)
    else:
        _write_or_print(render_story_table(report), output)


@app.command("rules")
@handle_errors
def rules_command(
    rules: RulesOpt = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="table or json.")] = ExtractFormat.table,
    debug: DebugOpt = False,
) -> None:
    """List the rules with their code, kind, severity and description."""
    from .comparison import load_detectors
    from .detect.base import registry
    from .packs import RulePacks

    packs = RulePacks.load([str(r) for r in rules or ()])
    enabled = {d.code: d for d in load_detectors(packs.dirs, configs=packs.detectors, lexicon=packs.lexicon, time_lexicon=packs.time)}
    rows = [
        {
            "code": code,
            "name": cls.name,
            "kind": cls.kind,
            "severity": enabled[code].severity if code in enabled else cls.default_severity,
            "enabled": code in enabled,
            "description": cls.description(),
        }
        for code, cls in registry().items()
    ]
    if format is ExtractFormat.json:
        _write_or_print(json.dumps(rows, indent=2), None)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("code", "kind", "severity", "description"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["code"], row["kind"], row["severity"] + ("" if row["enabled"] else " (off)"), row["description"])
    Console(highlight=False).print(table)


@app.command("explain")
@handle_errors
def explain_command(
    rule: Annotated[str, typer.Argument(help="A rule name: a code (DT01), prefix (DT), kind, dotted name or group.")],
    debug: DebugOpt = False,
) -> None:
    """Show what a rule checks, with an example that fires and one that does not."""
    from .detect.base import registry
    from .detect.names import resolve_rules

    known = registry()
    for number, code in enumerate(sorted(resolve_rules(rule, known))):
        if number:
            typer.echo("")
        _explain(known[code])


def _explain(cls: Any) -> None:
    typer.echo(f"{cls.code} {cls.name} ({cls.kind}, default severity {cls.default_severity})\n")
    typer.echo(cls.explanation())
    settings = cls.Settings.model_fields
    if settings:
        typer.echo("\nSettings (rules/detectors.toml):")
        for name, info in settings.items():
            typer.echo(f"  {name} = {info.default!r}" if not info.default_factory else f"  {name} = {info.default_factory()!r}")


@app.command("schema")
@handle_errors
def schema_command(
    which: Annotated[str, typer.Argument(help="report (check --format json) or extract.")] = "report",
    debug: DebugOpt = False,
) -> None:
    """Print the JSON Schema of the JSON report."""
    from .models import ExtractReport, Report

    models = {"report": Report, "extract": ExtractReport}
    if which not in models:
        raise FactcheckError(f"unknown schema {which!r}; expected: report, extract")
    _write_or_print(json.dumps(models[which].model_json_schema(mode="serialization"), indent=2), None)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001 - last resort: one line, never a traceback
        typer.echo(f"Error: internal error: {type(e).__name__}: {printable(str(e))}", err=True)
        sys.exit(EXIT_USAGE)
