"""The rule pages in docs/rules/ are the ones the detector classes generate."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.detect.base import registry
from factcheck.report.rule_docs import help_uri, rule_pages, rule_text

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


@pytest.mark.parametrize(("name", "text"), sorted(rule_pages(registry()).items()))
def test_rule_docs_are_current(name: str, text: str) -> None:
    path = DOCS / name
    assert path.is_file(), f"{path} is missing; run python -m factcheck.report.rule_docs docs/rules"
    assert path.read_text(encoding="utf-8") == text, f"{path} is stale; run python -m factcheck.report.rule_docs docs/rules"


def test_rule_docs_has_no_page_for_a_rule_that_is_gone() -> None:
    assert {p.name for p in DOCS.glob("*.md")} == set(rule_pages(registry()))


def test_rule_docs_page_shows_examples_settings_and_its_address() -> None:
    cls = registry()["DT01"]
    page = (DOCS / "DT01.md").read_text(encoding="utf-8")
    assert page.startswith("# DT01 dates.conflict\n")
    assert "## Fires" in page and "## Does not fire" in page
    assert "[rules.settings.DT01]" in page
    assert help_uri("DT01").endswith("/DT01.md")
    assert rule_text(cls).endswith(f"Documentation: {help_uri('DT01')}")


def test_report_rule_docs_link_the_installed_page_without_an_address(monkeypatch) -> None:
    from urllib.parse import urlparse
    from urllib.request import url2pathname

    monkeypatch.delenv("FACTCHECK_DOCS_URL", raising=False)
    uri = help_uri("QT02")
    assert uri.startswith("file:")
    assert Path(url2pathname(urlparse(uri).path)).read_text(encoding="utf-8").startswith("# QT02")


def test_report_rule_docs_address_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_DOCS_URL", "https://docs.example.org/rules/{code}.html")
    assert help_uri("DT01") == "https://docs.example.org/rules/DT01.html"
