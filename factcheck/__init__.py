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


def check(paths: Sequence[str | Path] | str | Path, **options: Any) -> Report:
    """Read, extract and compare the articles under `paths` (one path, or a list of them).

    Keyword options are those of `factcheck.pipeline.RunOptions` (model, dateline,
    rules_dirs, jobs, cache, cache_dir, select, ignore, severity, settings, engine…).
    """
    from .pipeline import RunOptions
    from .pipeline import check as run_check

    return run_check(paths, RunOptions(**options))


# `factcheck.extract(paths, **options) -> ExtractReport`: the extractors' subpackage is
# callable and reads and extracts the articles under `paths` (see factcheck/extract/__init__.py).
from . import extract  # noqa: E402
