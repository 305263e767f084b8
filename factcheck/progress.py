"""A rich progress bar on stderr for long runs; silent otherwise.

The bar names the phase it is in: "extracting claims" counts files against their
total ("12/40 files"); "comparing" has no count, so it shows a spinner and the time
spent rather than a bar stuck at `0/?`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

__all__ = ["ProgressBar", "progress_reporter"]


class ProgressBar:
    """Receives `RunOptions.on_phase` and `RunOptions.progress` calls and draws them."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task: TaskID | None = None

    def phase(self, name: str, total: int | None) -> None:
        """Start a phase: the previous one is complete; `total` steps, or `None` when unknown."""
        if self._task is not None:
            task = self._progress.tasks[self._task]
            if task.total is not None:
                self._progress.update(self._task, completed=task.total)
            self._progress.stop_task(self._task)
            self._progress.update(self._task, visible=False)
        unit = "files" if total is not None else ""
        self._task = self._progress.add_task(name, total=total, unit=unit)

    def __call__(self, done: int) -> None:
        """Record `done` steps of the current phase."""
        if self._task is not None:
            self._progress.update(self._task, completed=done)


class _Count(MofNCompleteColumn):
    """`12/40` when the phase has a total, else nothing (rich would print `0/?`)."""

    def render(self, task: Task) -> Text:
        return Text("") if task.total is None else super().render(task)


class _Bar(BarColumn):
    """A bar only when the phase has a total; a pulsing bar with no end reads as stuck."""

    def render(self, task: Task):  # type: ignore[no-untyped-def]
        return Text("") if task.total is None else super().render(task)


@contextlib.contextmanager
def progress_reporter(enabled: bool, *, console: Console | None = None) -> Iterator[ProgressBar | None]:
    """Yield a `ProgressBar` drawing on stderr, or None when disabled."""
    if not enabled:
        yield None
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        _Bar(),
        _Count(),
        TextColumn("{task.fields[unit]}"),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        transient=True,
    )
    with progress:
        yield ProgressBar(progress)
