"""`--format sarif`: valid SARIF 2.1.0 with stable ids and content fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from report_samples import build_sample_report

from factcheck.fingerprint import FINGERPRINT_LENGTH
from factcheck.models import Report
from factcheck.report import RenderOptions, render

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def _sarif(report: Report, **options) -> dict:
    return json.loads(render(report, "sarif", options=RenderOptions(**options)))


@pytest.mark.parametrize("report", [build_sample_report(), Report()], ids=["sample", "empty"])
def test_report_sarif_is_valid_against_the_2_1_0_schema(report):
    log = _sarif(report)
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_report_sarif_driver_and_rules():
    run = _sarif(build_sample_report(), rule_descriptions={"DT01": "Dates disagree."})["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert driver["version"] == "0.0.0+golden"
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == ["AT01", "DT01", "NU01"]
    dt01 = driver["rules"][1]
    assert dt01["name"] == "dates.conflict"
    assert dt01["shortDescription"]["text"] == "Dates disagree."
    assert driver["rules"][2]["shortDescription"]["text"] == "numbers.conflict"
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


@pytest.mark.parametrize(("severity", "level"), [("high", "error"), ("medium", "warning"), ("low", "note"), ("info", "note")])
def test_report_sarif_maps_severity_to_level(severity, level):
    report = build_sample_report()
    finding = report.findings[0].model_copy(update={"severity": severity})
    run = _sarif(report.model_copy(update={"findings": (finding,)}))["runs"][0]
    assert run["results"][0]["level"] == level
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] == level


def test_report_sarif_locations_and_related_locations():
    result = _sarif(build_sample_report())["runs"][0]["results"][0]
    (location,) = result["locations"]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "corpus/bridge/harbor-times.md"
    assert physical["region"]["startLine"] == 3 and physical["region"]["startColumn"] == 1
    assert physical["region"]["charOffset"] == 58
    assert physical["region"]["snippet"]["text"].startswith("The council voted")
    (related,) = result["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "corpus/bridge/city-wire.txt"
    assert "2024-05-08" in related["message"]["text"]
    assert related["properties"]["span"] == "Wednesday, May 8"


def test_report_sarif_encodes_unsafe_paths_as_uri_references():
    result = _sarif(build_sample_report())["runs"][0]["results"][1]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/bridge/evil%20%3Cfeed%3E.html"


def test_report_sarif_fingerprints_ignore_line_numbers():
    report = build_sample_report()
    moved = tuple(
        f.model_copy(update={"evidence": tuple(ev.model_copy(update={"line": ev.line + 10}) for ev in f.evidence)})
        for f in report.findings
    )
    before = [r["partialFingerprints"] for r in _sarif(report)["runs"][0]["results"]]
    after = [r["partialFingerprints"] for r in _sarif(report.model_copy(update={"findings": moved}))["runs"][0]["results"]]
    assert before == after
    assert before[0] == {"factcheck/v1": "dt01-3b8f0c"}
    assert len(before[1]["factcheck/v1"]) == FINGERPRINT_LENGTH  # the baselines' fallback


def test_report_sarif_problems_become_notifications():
    invocation = _sarif(build_sample_report())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    assert notes[0]["level"] == "error"
    assert "broken.json" in notes[0]["message"]["text"]
    assert notes[1]["message"]["text"] == "stale baseline entry: XX01:deadbeef"


def test_report_sarif_rules_link_their_page_and_explain_beyond_the_short_text():
    run = _sarif(build_sample_report(), rule_descriptions={"DT01": "Dates disagree."},
                 rule_explanations={"DT01": "Dates disagree.\n\nFires:\n    A: May 7\n    B: May 8"})["runs"][0]
    dt01 = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "DT01")
    assert dt01["helpUri"] == "https://rules.factcheck.invalid/DT01.md"  # FACTCHECK_DOCS_URL of the tests
    assert "Fires:" in dt01["help"]["text"] and dt01["help"]["markdown"]
    assert dt01["fullDescription"]["text"] != dt01["shortDescription"]["text"]
    # A rule with nothing beyond its one line does not repeat it as the full description.
    at01 = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "AT01")
    assert "fullDescription" not in at01


def test_report_sarif_message_links_each_related_location():
    result = _sarif(build_sample_report())["runs"][0]["results"][0]
    ids = {loc["id"] for loc in result["relatedLocations"]}
    assert "[corpus/bridge/city-wire.txt:5](1)" in result["message"]["text"]
    assert ids == {1}


def test_report_sarif_escapes_brackets_that_are_not_links():
    report = build_sample_report()
    finding = report.findings[0].model_copy(update={"message": "Dates [sic] differ"})
    result = _sarif(report.model_copy(update={"findings": (finding,)}))["runs"][0]["results"][0]
    assert result["message"]["text"].startswith("Dates \\[sic\\] differ")


def test_report_sarif_paths_resolve_against_srcroot_or_are_absolute(tmp_path):
    report = build_sample_report()
    outside = report.findings[0].evidence[1].model_copy(update={"path": "../elsewhere/wire.txt"})
    finding = report.findings[0].model_copy(update={"evidence": (report.findings[0].evidence[0], outside)})
    root = str(tmp_path / "work")
    run = _sarif(report.model_copy(update={"findings": (finding,)}), source_root=root)["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (tmp_path / "work").as_uri() + "/"
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "corpus/bridge/harbor-times.md", "uriBaseId": "%SRCROOT%"}
    related = run["results"][0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]
    assert related == {"uri": (tmp_path / "elsewhere" / "wire.txt").as_uri()}
    note = run["invocations"][0]["toolExecutionNotifications"][0]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
