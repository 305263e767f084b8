"""Rule names: every form resolves to rule codes in one place, and a bad name suggests the nearest."""

from __future__ import annotations

import pytest

from factcheck.comparison import load_detectors
from factcheck.detect.base import registry
from factcheck.detect.names import UnknownRuleError, resolve_each, resolve_rules


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DT01", {"DT01"}),
        ("dt01", {"DT01"}),
        (" DT01 ", {"DT01"}),
        ("DT", {"DT01", "DT02"}),
        ("DT0", {"DT01", "DT02"}),
        ("date_conflict", {"DT01", "DT02"}),
        ("dates.conflict", {"DT01"}),
        ("Dates.Report_Before_Event", {"DT02"}),
        ("dates", {"DT01", "DT02"}),
        ("corroboration", {"SS01"}),
    ],
)
def test_names_resolve_each_form_to_codes(name: str, expected: set[str]) -> None:
    assert resolve_rules(name, registry()) == expected


def test_names_all_is_every_rule() -> None:
    assert resolve_rules("all", registry()) == set(registry())


@pytest.mark.parametrize(
    ("name", "hint"),
    [("dates.conflct", "dates.conflict"), ("dates.conflicts", "dates.conflict"), ("ZZ99", None), ("date_conflicts", "date_conflict"), ("quantites", "quantities")],
)
def test_names_unknown_name_names_itself_and_the_nearest(name: str, hint: str | None) -> None:
    with pytest.raises(UnknownRuleError) as caught:
        resolve_rules(name, registry())
    message = str(caught.value)
    assert message.startswith(f"unknown rule {name!r}")
    assert (f"did you mean {hint!r}" in message) if hint else ("did you mean" not in message)
    assert "expected a code (DT01), a code prefix (DT)" in message


def test_names_broader_names_come_first() -> None:
    order = [name for name, _ in resolve_each(["DT01", "all", "dates"], registry())]
    assert order == ["all", "dates", "DT01"]


def test_names_load_detectors_select_ignore_and_severity_share_the_vocabulary() -> None:
    detectors = load_detectors(select=["dates", "QT01"], ignore=["dates.report_before_event"], severity={"DT": "info"})
    assert {d.code: d.severity for d in detectors} == {"DT01": "info", "QT01": "high"}
