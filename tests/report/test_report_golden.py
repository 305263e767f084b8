"""Every format against its golden file (regenerate: python tests/report/regen_golden.py)."""

from __future__ import annotations

import pytest
from regen_golden import GOLDEN_CASES, GOLDEN_DIR, rendered


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    return rendered()


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_report_golden_matches(outputs, name):
    expected = (GOLDEN_DIR / name).read_text(encoding="utf-8")
    assert outputs[name] == expected, f"{name} changed; review and run python tests/report/regen_golden.py"


def test_report_golden_files_have_no_volatile_fields(outputs):
    for name, text in outputs.items():
        assert "0.0.0+golden" not in text, name
        assert "/work/" not in text and "/home/" not in text and "/tmp/" not in text, name
