"""A rich progress bar on stderr for long runs; silent otherwise."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

__all__ = ["progress_reporter"]


@contextlib.contextmanager
def progress_reporter(enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """Yield a callback taking the number of articles done, or None when disabled."""
    if not enabled:
        yield None
        return
    progress = Progress(
        TextColumn("extracting claims"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("extract", total=None)
    with progress:
        yield lambda done: progress.update(task, completed=done)
