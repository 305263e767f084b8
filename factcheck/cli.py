"""The `factcheck` command: thin typer commands over the library functions in `pipeline`.

One handler turns every `FactcheckError` into `Error: <message>` on stderr and exit 2;
tracebacks appear only with `--debug`. Usage errors (an unknown option, a bad value)
are one line too, as ruff and sqlfluff print them, rather than click's boxed panel.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from pathlib import Path, PurePath
from typing import Annotated, Any, TypeVar

import click
import typer
from typer.core import TyperCommand, TyperGroup

from .errors import EXIT_USAGE, FactcheckError
from .models import InputProblem
from .sanitize import printable

__all__ = ["app", "main"]

def _click_errors() -> tuple[tuple[type, ...], tuple[type, ...], tuple[type, ...], tuple[type, ...]]:
    """Click's error classes: ClickException, UsageError, NoArgsIsHelpError, Abort.

    Recent typer releases carry their own copy of click (`typer._click`); older ones use
    click itself. Both are caught, so the one-line errors do not depend on the version.
    """
    modules: list[Any] = [click]
    try:
        from typer import _click as vendored  # type: ignore[attr-defined]

        modules.append(vendored)
    except ImportError:
        pass
    def classes(name: str) -> tuple[type, ...]:
        return tuple(getattr(m.exceptions, name) for m in modules if hasattr(m.exceptions, name))

    import typer.exceptions as typer_exceptions

    aborts = classes("Abort") + ((typer_exceptions.Abort,) if hasattr(typer_exceptions, "Abort") else ())
    return classes("ClickException"), classes("UsageError"), classes("NoArgsIsHelpError"), aborts


_CLICK_ERROR, _USAGE_ERROR, _NO_ARGS, _ABORT = _click_errors()


class _OneLineErrors(TyperGroup):
    """Usage errors as one `Error: ...` line on stderr, exit 2."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except _NO_ARGS as e:  # `factcheck` alone: the help, as before
            if not standalone_mode:
                raise
            e.show()  # type: ignore[attr-defined]
            sys.exit(e.exit_code)  # type: ignore[attr-defined]
        except _CLICK_ERROR as e:
            if not standalone_mode:
                raise
            ctx = getattr(e, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if isinstance(e, _USAGE_ERROR) and ctx is not None else ""
            typer.echo(f"Error: {printable(e.format_message())}{hint}", err=True)  # type: ignore[attr-defined]
            sys.exit(e.exit_code)  # type: ignore[attr-defined]
        except _ABORT:
            if not standalone_mode:
                raise
            typer.echo("Interrupted.", err=True)
            sys.exit(130)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


class _PlainHelp(TyperCommand):
    """Help that names arguments by their metavar (`PATH...`), without typer's `<list[Path]>`."""

    def _argument_name(self, param: Any) -> str:
        name = param.metavar or param.name.upper()
        return name + ("..." if param.nargs != 1 else "")

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = self._argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((self._argument_name(param), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


# Plain help, as click prints it: rich's panels read `[tool.factcheck]` as markup and
# break option values mid-word.
app = typer.Typer(
    name="factcheck",
    cls=_OneLineErrors,
    help="Find where news reports of the same story disagree: dates, numbers, modality, attribution.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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
    jsonl = "jsonl"
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


def _echo_problems(problems: Iterable[InputProblem], *, quiet: bool = False) -> None:
    """One line per input problem on stderr, with file names and text made harmless for logs.

    With `quiet`, notes (files that were read) are left out; unreadable files are not.
    """
    for problem in problems:
        if quiet and problem.level == "note":
            continue
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


def _progress_options(progress: Any) -> dict[str, Any]:
    return {"progress": progress, "on_phase": progress.phase} if progress is not None else {}


# `-` reads one article from standard input (ruff, sqlfluff, Vale); its name, which also
# picks the reader (`.md`, `.html`, `.json`...), comes from --stdin-filename.
_STDIN = "-"
_STDIN_NAME = "stdin.txt"


@contextlib.contextmanager
def _stdin_paths(paths: list[Path], stdin_filename: str | None) -> Iterator[tuple[list[Path], Path | None]]:
    """The paths with `-` replaced by a folder holding what standard input gave, and that folder."""
    if not any(str(p) == _STDIN for p in paths):
        if stdin_filename:
            raise FactcheckError("--stdin-filename needs '-' among the paths")
        yield paths, None
        return
    name = PurePath(stdin_filename or _STDIN_NAME)
    parts = [part for part in name.parts if part not in ("", ".", "..", name.anchor)]
    if not parts:
        raise FactcheckError(f"--stdin-filename {stdin_filename!r} is not a file name")
    with tempfile.TemporaryDirectory(prefix="factcheck-stdin-") as folder:
        target = Path(folder).joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sys.stdin.buffer.read())
        # The folder, not the file: files are named relative to the folder given, so
        # the article is called by its --stdin-filename rather than a temporary path.
        yield [Path(folder) if str(p) == _STDIN else p for p in paths], Path(folder)


PathsArg = Annotated[
    list[Path],
    typer.Argument(help="Article files or folders (searched recursively); - reads one article from standard input.",
                   show_default=False, metavar="PATH"),
]
ModelOpt = Annotated[str | None, typer.Option("--model", metavar="NAME", help="spaCy pipeline to load (package name or path).")]
DatelineOpt = Annotated[str | None, typer.Option("--dateline", metavar="YYYY-MM-DD", help="Publication date for articles that lack one.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", metavar="N", help="Worker processes for parsing (default: number of cores).")]
RulesOpt = Annotated[list[Path] | None, typer.Option("--rules", metavar="DIR", help="A folder of your own rule packs (repeatable).")]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", metavar="FILE",
                 help="Configuration file (default: the nearest .factcheck.toml, or pyproject.toml with [tool.factcheck])."),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the claim cache.")]
CacheDirOpt = Annotated[Path | None, typer.Option("--cache-dir", metavar="DIR", help="Cache folder (default: $FACTCHECK_CACHE_DIR or .factcheck_cache).")]
StdinNameOpt = Annotated[
    str | None,
    typer.Option("--stdin-filename", metavar="NAME",
                 help="The name of the article read from - (its extension picks the reader; default stdin.txt)."),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print the findings and errors, nothing else (no summary, notes or progress).")]
_LEVELS = "info, low, medium or high"


def _version_callback(value: bool) -> None:
    if value:
        from .version import __version__

        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main_options(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.", callback=_version_callback, is_eager=True)] = False,
) -> None:
    """Find where news reports of the same story disagree: dates, numbers, modality, attribution."""


@app.command("check", cls=_PlainHelp)
@handle_errors
def check_command(
    paths: PathsArg,
    format: Annotated[
        CheckFormat | None,
        typer.Option("--format", "-f", metavar="FORMAT", show_choices=False,
                     help="Output format: terminal, json, jsonl, sarif, github, markdown or html."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the report to this file.")] = None,
    fail_on: Annotated[Level | None, typer.Option("--fail-on", metavar="LEVEL", show_choices=False, help=f"Exit 1 when a finding is at or above this severity: {_LEVELS}.")] = None,
    min_severity: Annotated[Level | None, typer.Option("--min-severity", metavar="LEVEL", show_choices=False, help=f"Show findings at or above this severity: {_LEVELS}.")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Always exit 0 (report only).")] = False,
    select: Annotated[list[str] | None, typer.Option("--select", metavar="RULES", help="Only these rules: codes (DT01), prefixes (DT), kinds, dotted names, groups or all; comma-separated.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="RULES", help="Skip these rules (the same names as --select).")] = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", metavar="FILE", help="Hide findings recorded in this baseline file.")] = None,
    update_baseline: Annotated[bool, typer.Option("--update-baseline", help="Write the current findings to --baseline.")] = False,
    summary: Annotated[Path | None, typer.Option("--summary", metavar="FILE", help="Also write a Markdown summary here (for CI step summaries).")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print the number of findings per rule instead of the findings.")] = False,
    full_report: Annotated[str | None, typer.Option("--full-report", metavar="URL", help="Where the whole report is, named when a Markdown report is cut to fit a comment.")] = None,
    quiet: QuietOpt = False,
    stdin_filename: StdinNameOpt = None,
    dateline: DatelineOpt = None,
    model: ModelOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    engine: Annotated[str | None, typer.Option("--engine", metavar="NAME", help="local (default) or dask.")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat unreadable articles as errors (exit 2).")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="Never show a progress bar.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Compare the articles and report where they disagree."""
    from .gate import exit_code, run_check

    with _stdin_paths(paths, stdin_filename) as (paths, stdin_dir):
        _require_paths(paths)
        settings = _check_settings(
            [Path.cwd() if p == stdin_dir else p for p in paths], config,
            format=format.value if format else None,
            output=output,
            fail_on=fail_on.value if fail_on else None,
            min_severity=min_severity.value if min_severity else None,
            exit_zero=exit_zero or None,
            select=_split(select) or None,
            ignore=_split(ignore) or None,
            rules_dirs=[str(r) for r in rules] if rules else None,
            baseline=baseline,
            dateline=_parse_date(dateline),
            model=model,
            jobs=jobs,
            cache=False if no_cache else None,
            cache_dir=cache_dir,
            engine=engine,
            scheduler=scheduler,
            strict=strict or None,
        )
        with _progress(not (no_progress or quiet)) as progress:
            outcome = run_check(
                paths, settings, update_baseline=update_baseline, summary_path=summary, progress=progress,
                on_phase=progress.phase if progress is not None else None, quiet=quiet,
                full_report=full_report, stdin_dir=stdin_dir,
            )
    if not quiet:
        for warning in outcome.warnings:
            typer.echo(f"Warning: {printable(warning)}", err=True)
    # Unreadable files go to stderr in every format, so stdout holds only the report.
    _echo_problems(outcome.report.problems, quiet=quiet)
    if statistics:
        from .report import visible_report
        from .report.statistics import render_statistics

        machine = settings.format in ("json", "jsonl")
        _write_or_print(render_statistics(visible_report(outcome.report, settings.min_severity), as_json=machine),
                        settings.output)
    else:
        _write_or_print(outcome.rendered, settings.output)
    raise typer.Exit(exit_code(outcome.report, settings))


def _check_settings(paths: list[Path], config: Path | None, **overrides: Any) -> Any:
    from .config import load_settings

    return load_settings(paths, config_file=config, env=os.environ, cli_overrides=overrides)


TableFormatOpt = Annotated[
    ExtractFormat, typer.Option("--format", "-f", metavar="FORMAT", show_choices=False, help="table (for people) or json (for tools).")
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to this file.")]
NoProgressOpt = Annotated[bool, typer.Option("--no-progress", help="Never show a progress bar.")]


def _read(run: Callable[..., Any], paths: list[Path], *, no_progress: bool, quiet: bool, stdin_filename: str | None,
          **settings: Any) -> Any:
    """Run a reading command (`extract`, `stories`) with a progress bar; unreadable files go to stderr.

    The same settings as `check`: the configuration file's dateline, rule folders, cache.
    """
    from .options import resolve_options

    with _stdin_paths(paths, stdin_filename) as (paths, stdin_dir), _progress(not (no_progress or quiet)) as progress:
        _require_paths(paths)
        _, options = resolve_options(
            [Path.cwd() if p == stdin_dir else p for p in paths],
            config=settings["config"],
            model=settings["model"],
            dateline=_parse_date(settings["dateline"]),
            rules_dirs=[str(r) for r in settings["rules"]] if settings["rules"] else None,
            jobs=settings["jobs"],
            cache=False if settings["no_cache"] else None,
            cache_dir=settings["cache_dir"],
            **_progress_options(progress),
        )
        report = run(paths, options)
    _echo_problems(report.problems, quiet=quiet)
    return report


def _stdout_color(output: Path | None) -> bool:
    from .gate import terminal_color

    return output is None and terminal_color(sys.stdout.isatty())


@app.command("extract", cls=_PlainHelp)
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
    stdin_filename: StdinNameOpt = None,
    quiet: QuietOpt = False,
    no_progress: NoProgressOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Extract dated, attributed claims from each article."""
    from .pipeline import extract
    from .report.extract_table import render_extract_table

    report = _read(extract, paths, no_progress=no_progress, quiet=quiet, stdin_filename=stdin_filename,
                   dateline=dateline, model=model, jobs=jobs, rules=rules, config=config, no_cache=no_cache,
                   cache_dir=cache_dir)
    if format is ExtractFormat.json:
        _write_or_print(report.model_dump_json(indent=2), output)
    else:
        on_terminal = output is None and sys.stdout.isatty()
        width = shutil.get_terminal_size((80, 24)).columns if on_terminal else 80
        _write_or_print(render_extract_table(report, color=_stdout_color(output), width=width), output)


@app.command("stories", cls=_PlainHelp)
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
    stdin_filename: StdinNameOpt = None,
    quiet: QuietOpt = False,
    no_progress: NoProgressOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Show how the articles group into stories (only articles of one story are compared)."""
    from .pipeline import stories
    from .report.story_table import render_story_table

    report = _read(stories, paths, no_progress=no_progress, quiet=quiet, stdin_filename=stdin_filename,
                   dateline=dateline, model=model, jobs=jobs, rules=rules, config=config, no_cache=no_cache,
                   cache_dir=cache_dir)
    if format is ExtractFormat.json:
        _write_or_print(report.model_dump_json(indent=2), output)
    else:
        _write_or_print(render_story_table(report), output)


@app.command("rules", cls=_PlainHelp)
@handle_errors
def rules_command(
    rules: RulesOpt = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", metavar="FORMAT", show_choices=False, help="table or json.")] = ExtractFormat.table,
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


@app.command("explain", cls=_PlainHelp)
@handle_errors
def explain_command(
    rule: Annotated[str, typer.Argument(metavar="RULE", help="A rule name: a code (DT01), prefix (DT), kind, dotted name or group.")],
    debug: DebugOpt = False,
) -> None:
    """Show what a rule checks, with an example that fires and one that does not."""
    from .detect.base import registry
    from .detect.names import resolve_rules

    from .report.rule_docs import rule_text

    known = registry()
    for number, code in enumerate(sorted(resolve_rules(rule, known))):
        if number:
            typer.echo("")
        typer.echo(rule_text(known[code]))


@app.command("config", cls=_PlainHelp)
@handle_errors
def config_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="The targets whose configuration to show (default: the working directory).",
                       show_default=False, metavar="PATH"),
    ] = None,
    config: ConfigOpt = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", metavar="FORMAT", show_choices=False, help="table or json.")] = ExtractFormat.table,
    debug: DebugOpt = False,
) -> None:
    """Show the resolved configuration and where each value came from."""
    from .config import resolved_values

    settings = _check_settings(paths or [Path.cwd()], config)
    rows = resolved_values(settings)
    if format is ExtractFormat.json:
        data = {
            "config_file": str(settings.config_file) if settings.config_file else None,
            "settings": [{"key": key, "value": value, "source": source} for key, value, source in rows],
        }
        _write_or_print(json.dumps(data, indent=2, default=str), None)
        return
    where = str(settings.config_file) if settings.config_file else "none found (defaults)"
    lines = [f"# configuration file: {where}"]
    width = max(len(f"{key} = {_toml(value)}") for key, value, _ in rows)
    lines += [f"{key} = {_toml(value)}".ljust(width) + f"  # {source}" for key, value, source in rows]
    _write_or_print(_printable_lines(lines), None)


def _toml(value: Any) -> str:
    from .errors import show_value

    return show_value(value) if value is not None else "(none)"


def _printable_lines(lines: list[str]) -> str:
    return "\n".join(printable(line) for line in lines)


@app.command("schema", cls=_PlainHelp)
@handle_errors
def schema_command(
    which: Annotated[str, typer.Argument(metavar="WHICH", help="report (check --format json) or extract.")] = "report",
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
