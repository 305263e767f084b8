"""factcheck: claim-level fact-consistency checking for news.

The Python API mirrors the command line::

    import factcheck
    report = factcheck.check(["corpus/"])          # Report
    extracted = factcheck.extract(["corpus/"])     # ExtractReport
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import extract
from .version import __version__

__all__ = ["__version__", "check", "extract"]

if TYPE_CHECKING:
    from .models import ExtractReport, Report


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


def _extract(paths: Sequence[str | Path], *, config: str | Path | None = None, **options: Any) -> ExtractReport:
    """Read the articles under `paths` and extract their claims, as `factcheck extract` does.

    Settings are resolved as for `check`.
    """
    from .options import resolve_options
    from .pipeline import extract as run_extract

    _, run = resolve_options(list(paths), config=config, **options)
    return run_extract(list(paths), run)


class _CallableExtract(types.ModuleType):
    """`factcheck.extract` is both the extractors' subpackage and the API function.

    Importing a subpackage binds its name on this package, so the subpackage itself is
    made callable here; the extractor modules stay importable as before, and the
    subpackage never imports the layers above it.
    """

    def __call__(self, paths: Sequence[str | Path], *, config: str | Path | None = None, **options: Any) -> ExtractReport:
        return _extract(paths, config=config, **options)


extract.__class__ = _CallableExtract
