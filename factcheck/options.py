"""What a run needs besides the paths, and how the CLI and the Python API arrive at it.

Both resolve settings the same way (`resolve_options`): defaults, then one configuration
file (`--config`/`config=`, `FACTCHECK_CONFIG`, or the nearest `.factcheck.toml` or
`[tool.factcheck]`), then the environment, then what the caller gave. So
`factcheck.check(["news/"])` and `factcheck check news/` run with the same dateline,
rule folders, rule selection, cache and baseline.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .config import Settings, check_rule_names, load_settings
from .errors import ConfigError
from .models import Severity

__all__ = ["RunOptions", "default_jobs", "run_options", "resolve_options"]


def default_jobs() -> int:
    """Worker processes when none are asked for: one per core (the parser is CPU-bound)."""
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class RunOptions:
    """Everything a run needs besides the paths."""

    model: str | None = None
    dateline: dt.date | None = None
    rules_dirs: tuple[str, ...] = ()
    jobs: int | None = None
    """Worker processes (or Dask workers); `None` means `default_jobs()`."""
    batch_size: int = 32
    cache: bool = False
    cache_dir: str | None = None
    engine: str = "local"
    scheduler: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    baseline: str | None = None
    """A baseline file: findings recorded there are hidden (and stale entries reported)."""
    update_baseline: bool = False
    """Write this run's findings to `baseline` instead of hiding them."""
    max_bytes: int = 5_000_000
    strict: bool = False
    progress: Callable[[int], None] | None = None
    """Called with the number of input files finished so far (for progress bars)."""
    on_phase: Callable[[str, int | None], None] | None = None
    """Called as each phase starts ("extracting claims", "comparing") with its number of
    steps: the files to read, or `None` when unknown."""

    @property
    def workers(self) -> int:
        return self.jobs or default_jobs()


def run_options(
    settings: Settings, *, progress: Callable[[int], None] | None = None, **extra: Any
) -> RunOptions:
    """The run options of resolved `settings`; `extra` sets the fields settings do not carry.

    Raises:
        ConfigError: A rule name in the settings names no rule (the message names its file or flag).
    """
    check_rule_names(settings)
    return RunOptions(
        model=settings.model,
        dateline=settings.dateline,
        rules_dirs=tuple(str(d) for d in settings.rules_dirs),
        jobs=settings.jobs,
        cache=settings.cache,
        cache_dir=str(settings.cache_dir) if settings.cache_dir else None,
        engine=settings.engine,
        scheduler=settings.scheduler,
        select=tuple(settings.select),
        ignore=tuple(settings.ignore),
        severity=dict(settings.severity),
        settings={k: dict(v) for k, v in settings.rule_settings.items()},
        baseline=str(settings.baseline) if settings.baseline else None,
        strict=settings.strict,
        progress=progress,
        **extra,
    )


# API keyword → `Settings` field, where the two differ.
_SETTINGS_NAMES = {"settings": "rule_settings"}
# Keywords that are options of the run only, never read from a configuration file.
_RUN_ONLY = frozenset({"batch_size", "max_bytes", "progress", "on_phase", "update_baseline"})


def resolve_options(
    paths: Sequence[str | Path],
    *,
    config: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **given: Any,
) -> tuple[Settings, RunOptions]:
    """Settings and run options for `paths`: configuration file, environment, then `given`.

    Args:
        paths: The targets; the configuration file is looked for above them.
        config: A configuration file to read instead of looking for one.
        env: The environment (`os.environ` when `None`).
        given: `RunOptions` fields (as the Python API takes them); `None` means not given.

    Raises:
        ConfigError: The file or a given option is wrong, or a keyword is no option.
    """
    known = {f.name for f in fields(RunOptions)}
    unknown = sorted(set(given) - known)
    if unknown:
        raise ConfigError(f"unknown option {unknown[0]!r}; expected one of: {', '.join(sorted(known))}")
    extra = {k: v for k, v in given.items() if k in _RUN_ONLY and v is not None}
    overrides = {_SETTINGS_NAMES.get(k, k): v for k, v in given.items() if k not in _RUN_ONLY}
    for key in ("select", "ignore", "rules_dirs"):
        if isinstance(overrides.get(key), (str, Path)):
            overrides[key] = [overrides[key]]
    settings = load_settings(
        [Path(p) for p in paths],
        config_file=Path(config) if config is not None else None,
        env=os.environ if env is None else env,
        cli_overrides=overrides,
    )
    return settings, run_options(settings, **extra)
