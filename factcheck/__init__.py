"""factcheck: claim-level fact-consistency checking for news.

The Python API mirrors the command line::

    import factcheck
    report = factcheck.check(["corpus/"])          # Report
    extracted = factcheck.extract(["corpus/"])     # ExtractReport
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check", "extract"]

if TYPE_CHECKING:
    from .models import Report


def check(paths: Sequence[str | Path], *, config: str | Path | None = None, **options: Any) -> Report:
    """Read, extract and compare the articles under `paths`, as `factcheck check` does.

    Settings are resolved as on the command line: the configuration file (`config`, else
    `FACTCHECK_CONFIG`, else the nearest `.factcheck.toml` or `[tool.factcheck]`), then
    the keyword options, which are those of `factcheck.options.RunOptions` (model,
    dateline, rules_dirs, jobs, cache, cache_dir, select, ignore, severity, settings,
    baseline, engine…). Inline suppressions and the baseline are applied.
    """
    from .options import resolve_options
    from .pipeline import check as run_check

    _, run = resolve_options(list(paths), config=config, **options)
    return run_check(list(paths), run)


# `factcheck.extract(paths, **options) -> ExtractReport`: the extractors' subpackage is
# callable and reads and extracts the articles under `paths` (see factcheck/extract/__init__.py).
from . import extract  # noqa: E402
