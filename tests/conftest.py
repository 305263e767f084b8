"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session", autouse=True)
def claim_cache_outside_the_checkout(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The API and the command line cache claims by default; keep that cache out of the checkout.
    Parallel test workers share one (the cache is safe to share between processes), so the
    corpus is extracted once per run, not once per worker."""
    if not os.environ.get("FACTCHECK_CACHE_DIR"):
        if os.environ.get("PYTEST_XDIST_WORKER"):
            shared = tmp_path_factory.getbasetemp().parent / "claim-cache"
            shared.mkdir(exist_ok=True)
            os.environ["FACTCHECK_CACHE_DIR"] = str(shared)
        else:
            os.environ["FACTCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("claim-cache"))


@pytest.fixture(scope="session", autouse=True)
def rule_pages_at_a_fixed_address() -> None:
    """Reports link each rule to its page; a fixed address keeps golden files the same on
    every machine (by default the pages installed with the package are linked)."""
    os.environ["FACTCHECK_DOCS_URL"] = "https://rules.factcheck.invalid/{code}.md"


@pytest.fixture(scope="session")
def nlp():
    from factcheck.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def corpus_report():
    """The sample corpus checked once per test process (several modules compare against it),
    through the test run's claim cache, which parallel test processes share."""
    from factcheck.pipeline import RunOptions, check

    return check([ROOT / "corpus"], RunOptions(jobs=1))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED_DATA}")
    return SHARED_DATA
