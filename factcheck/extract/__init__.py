"""Extractors: plain functions from a parsed Doc to claims, times, quantities and attributions.

`factcheck.extract` is also the public API function `factcheck.extract(paths, ...)`. Importing
a subpackage rebinds its name on the parent package, so this module is made callable and
forwards calls to the pipeline; the extractor modules stay importable as before.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallableModule(types.ModuleType):
    def __call__(self, paths: Any, **options: Any) -> Any:
        from ..pipeline import RunOptions
        from ..pipeline import extract as run_extract

        return run_extract(paths, RunOptions(**options))


sys.modules[__name__].__class__ = _CallableModule
