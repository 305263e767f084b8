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
    def __call__(self, paths: Any, *, config: Any = None, **options: Any) -> Any:
        from ..options import resolve_options
        from ..pipeline import extract as run_extract

        _, run = resolve_options(list(paths), config=config, **options)
        return run_extract(list(paths), run)


sys.modules[__name__].__class__ = _CallableModule
