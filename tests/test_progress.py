"""The progress bar: phases by name, files counted against their total, no `0/?`."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from rich.console import Console

from factcheck.pipeline import RunOptions, check
from factcheck.progress import progress_reporter

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _drawn(*steps) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100, color_system=None)
    with progress_reporter(True, console=console) as bar:
        for step in steps:
            step(bar)
            bar._progress.refresh()
    return buffer.getvalue()


def test_progress_shows_files_against_their_total_then_the_comparing_phase():
    text = _drawn(lambda bar: bar.phase("extracting claims", 20), lambda bar: bar(7), lambda bar: bar.phase("comparing", None))
    assert "extracting claims" in text and "7/20 files" in text
    assert "comparing" in text
    assert "/?" not in text


def test_progress_disabled_yields_nothing():
    with progress_reporter(False) as bar:
        assert bar is None


def test_progress_check_reports_phases_and_reaches_the_total_from_the_cache(tmp_path: Path):
    folder = tmp_path / "articles"
    shutil.copytree(CORPUS / "ai-order", folder)
    files = len([p for p in folder.iterdir() if p.is_file()])
    for _ in range(2):  # the second run reads every article from the cache
        phases: list[tuple[str, int | None]] = []
        done: list[int] = []
        check([folder], RunOptions(jobs=1, cache=True, cache_dir=str(tmp_path / "cache"),
                                   progress=done.append, on_phase=lambda name, total: phases.append((name, total))))
        assert phases == [("extracting claims", files), ("comparing", None)]
        assert done == list(range(1, files + 1))
