"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    from factcheck.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def corpus_report():
    """The sample corpus checked once, in this process, without a cache (several modules compare against it)."""
    from factcheck.pipeline import RunOptions, check

    return check([ROOT / "corpus"], RunOptions(jobs=1, cache=False))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED_DATA}")
    return SHARED_DATA
