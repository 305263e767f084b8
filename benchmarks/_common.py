"""Helpers shared by the benchmark scripts: locating the shared data, timing, articles in memory."""

from __future__ import annotations

import datetime as dt
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


def data_path(relative: str, override: str | None = None) -> Path | None:
    """The data file, or None (after printing a skip message) when it is absent."""
    path = Path(override) if override else SHARED_DATA / relative
    if not path.is_file():
        print(f"skipped: data not found at {path}")
        return None
    return path


def article_from_text(path: str, text: str, published: dt.date | None, *, title: str | None = None):
    """An in-memory article (no markup, so cleaned and original text are the same)."""
    from factcheck.ingest.offsets import identity_map
    from factcheck.models import Article

    return Article(path=path, text=text, original=text, offset_map=identity_map(text), published=published, title=title)


@contextmanager
def timed(label: str, sink: dict[str, float]):
    start = time.perf_counter()
    yield
    sink[label] = time.perf_counter() - start


def parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "n/a"


def flush() -> None:
    sys.stdout.flush()
