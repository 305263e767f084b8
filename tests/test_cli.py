"""The command line: exit codes, formats, configuration, rule packs, baselines, cache and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
runner = CliRunner()


@pytest.fixture()
def ai_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(CORPUS / "ai-order", folder)
    return folder


def run(*args: str):
    return runner.invoke(app, [*args, "--no-progress"] if args[0] in ("check", "extract", "stories") else list(args))


def test_cli_check_exits_1_on_high_findings_and_0_with_exit_zero(ai_folder: Path) -> None:
    assert run("check", str(ai_folder), "--no-cache", "-j", "1").exit_code == 1
    assert run("check", str(ai_folder), "--no-cache", "-j", "1", "--exit-zero").exit_code == 0


def test_cli_fail_on_below_every_finding_passes_only_when_no_finding_reaches_it(ai_folder: Path) -> None:
    only_low = run("check", str(ai_folder), "--no-cache", "-j", "1", "--select", "SS01,AT02")
    assert only_low.exit_code == 0, only_low.output
    assert run("check", str(ai_folder), "--no-cache", "-j", "1", "--select", "SS01,AT02", "--fail-on", "low").exit_code == 1


def test_cli_usage_errors_exit_2_with_one_line(ai_folder: Path, tmp_path: Path) -> None:
    missing = run("check", str(tmp_path / "nope"))
    assert missing.exit_code == 2
    assert "no such file or folder" in missing.output
    assert "Traceback" not in missing.output
    assert run("check", str(ai_folder), "--fail-on", "urgent").exit_code == 2
    assert run("check", str(ai_folder), "--dateline", "May 5").exit_code == 2


def test_cli_json_report_is_versioned_with_relative_paths(ai_folder: Path) -> None:
    result = run("check", str(ai_folder), "--no-cache", "-j", "1", "--format", "json", "--exit-zero")
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1.0"
    assert {d["path"] for d in data["documents"]} >= {"wire-saturday.txt", "capitol-brief.md"}
    kinds = {f["kind"] for f in data["findings"]}
    assert {"date_conflict", "modality_conflict"} <= kinds
    for finding in data["findings"]:
        assert finding["severity"] in ("info", "low", "medium", "high")
        for ev in finding["evidence"]:
            assert {"path", "line", "column", "start", "end", "text", "value"} <= ev.keys()


def test_cli_bad_input_is_one_line_per_file_and_the_rest_is_checked(ai_folder: Path) -> None:
    (ai_folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (ai_folder / "empty.md").write_text("", encoding="utf-8")
    (ai_folder / "broken.json").write_text('{"title": "x", "text": ', encoding="utf-8")
    result = run("check", str(ai_folder), "--no-cache", "-j", "1", "--format", "json", "--exit-zero")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {p["path"] for p in data["problems"]} == {"binary.txt", "empty.md", "broken.json"}
    assert data["findings"], "the readable articles are still compared"
    assert "Traceback" not in result.output
    assert run("check", str(ai_folder), "--no-cache", "-j", "1", "--strict", "--exit-zero").exit_code == 2


def test_cli_config_file_and_flag_precedence(ai_folder: Path) -> None:
    (ai_folder / ".factcheck.toml").write_text('fail-on = "low"\n[rules]\nselect = ["SS01"]\n', encoding="utf-8")
    assert run("check", str(ai_folder), "--no-cache", "-j", "1").exit_code == 1  # SS01 is low, gate at low
    assert run("check", str(ai_folder), "--no-cache", "-j", "1", "--fail-on", "high").exit_code == 0  # flag wins


def test_cli_rule_severity_override_in_config(ai_folder: Path) -> None:
    (ai_folder / ".factcheck.toml").write_text(
        '[rules.severity]\nDT01 = "info"\nMD01 = "info"\nQT01 = "info"\nPL01 = "info"\n', encoding="utf-8"
    )
    result = run("check", str(ai_folder), "--no-cache", "-j", "1", "--format", "json")
    assert result.exit_code == 0
    severities = {f["rule"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert severities["DT01"] == "info"


def test_cli_malformed_user_rule_pack_names_file_key_and_allowed(ai_folder: Path, tmp_path: Path) -> None:
    pack = tmp_path / "my-rules"
    pack.mkdir()
    (pack / "detectors.toml").write_text("[QT01]\nsettings = { tolerence = 0.2 }\n", encoding="utf-8")
    result = run("check", str(ai_folder), "--rules", str(pack), "--no-cache")
    assert result.exit_code == 2
    line = result.output.strip().splitlines()[-1]
    assert "detectors.toml" in line and "tolerence" in line and "tolerance" in line


def test_cli_user_rule_pack_can_switch_a_rule_off(ai_folder: Path, tmp_path: Path) -> None:
    pack = tmp_path / "my-rules"
    pack.mkdir()
    (pack / "detectors.toml").write_text("[DT01]\nenabled = false\n", encoding="utf-8")
    result = run("check", str(ai_folder), "--rules", str(pack), "--no-cache", "-j", "1", "--format", "json")
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert "DT01" not in rules and "MD01" in rules


def test_cli_baseline_round_trip_hides_accepted_findings_and_reports_stale(ai_folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert run("check", str(ai_folder), "--no-cache", "-j", "1", "--baseline", str(baseline), "--update-baseline").exit_code == 1
    assert baseline.is_file()
    again = run("check", str(ai_folder), "--no-cache", "-j", "1", "--baseline", str(baseline), "--format", "json")
    assert again.exit_code == 0, again.output
    data = json.loads(again.stdout)
    assert data["findings"] == [] and data["baselined"] > 0
    # Remove the article behind the date conflicts: their baseline entries become stale.
    (ai_folder / "wire-saturday.txt").unlink()
    stale = run("check", str(ai_folder), "--no-cache", "-j", "1", "--baseline", str(baseline), "--format", "json")
    assert json.loads(stale.stdout)["stale_baseline"]


def test_cli_inline_suppression_hides_the_rule(ai_folder: Path) -> None:
    path = ai_folder / "capitol-brief.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n<!-- factcheck-disable DT01 -->\n", encoding="utf-8")
    result = run("check", str(ai_folder), "--no-cache", "-j", "1", "--format", "json", "--exit-zero")
    data = json.loads(result.stdout)
    cited = [f for f in data["findings"] if f["rule"] == "DT01" and any(e["path"] == "capitol-brief.md" for e in f["evidence"])]
    assert not cited and data["suppressed"] >= 1


def test_cli_cache_second_run_reuses_claims(ai_folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run("check", str(ai_folder), "-j", "1", "--cache-dir", str(cache), "--format", "json", "--exit-zero")
    second = run("check", str(ai_folder), "-j", "1", "--cache-dir", str(cache), "--format", "json", "--exit-zero")
    assert (cache / "claims.sqlite3").is_file()
    assert json.loads(first.stdout)["findings"] == json.loads(second.stdout)["findings"]


def test_cli_corrupt_cache_warns_and_still_reports(ai_folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "claims.sqlite3").write_bytes(b"this is not a database" * 100)
    result = run("check", str(ai_folder), "-j", "1", "--cache-dir", str(cache), "--format", "json", "--exit-zero")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"]


@pytest.fixture(scope="module")
def formats_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One claim cache for the format tests: the same articles need parsing only once."""
    return tmp_path_factory.mktemp("formats-cache")


@pytest.mark.parametrize("fmt", ["sarif", "github", "markdown", "html", "terminal"])
def test_cli_every_format_renders_the_corpus(ai_folder: Path, tmp_path: Path, formats_cache: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = run(
        "check", str(ai_folder), "--cache-dir", str(formats_cache), "-j", "1", "--format", fmt, "-o", str(out), "--exit-zero"
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "DT01" in text


def test_cli_rules_explain_and_schema() -> None:
    listed = runner.invoke(app, ["rules", "--format", "json"])
    codes = {row["code"] for row in json.loads(listed.stdout)}
    assert {"DT01", "DT02", "QT01", "MD01", "AT01", "AT02", "PL01", "SS01"} <= codes
    explained = runner.invoke(app, ["explain", "qt01"])
    assert explained.exit_code == 0 and "Fires:" in explained.stdout and "Does not fire:" in explained.stdout
    assert runner.invoke(app, ["explain", "ZZ99"]).exit_code == 2
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert "findings" in schema["properties"] and "schema_version" in schema["properties"]


def test_cli_extract_json_has_times_with_original_offsets(ai_folder: Path) -> None:
    result = run("extract", str(ai_folder / "wire-saturday.txt"), "--format", "json", "-j", "1")
    data = json.loads(result.stdout)
    (doc,) = data["documents"]
    original = (ai_folder / "wire-saturday.txt").read_text(encoding="utf-8")
    for time in doc["times"]:
        assert original[time["start"] : time["end"]] == time["text"]
    assert any(t["value"] == "2026-05-14" for t in doc["times"])


def test_cli_extract_table_fits_80_columns(ai_folder: Path) -> None:
    result = run("extract", str(ai_folder / "wire-saturday.txt"), "-j", "1")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "2026-05-14" in result.stdout


def test_cli_stories_groups_the_reports_of_one_event_and_names_what_they_share(ai_folder: Path) -> None:
    result = run("stories", str(ai_folder), "--format", "json", "-j", "1")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    grouped = [s for s in data["stories"] if len(s["articles"]) > 1]
    assert len(grouped) == 1
    story = grouped[0]
    # Three reports of the AI order; the ferry story beside them stands alone.
    assert sorted(Path(p).name for p in story["articles"]) == ["capitol-brief.md", "harbor-times.html", "wire-saturday.txt"]
    assert story["score"] > 0.3 and story["shared"]
    table = run("stories", str(ai_folder), "-j", "1")
    assert table.exit_code == 0
    assert "3 articles" in table.stdout and "alone (1)" in table.stdout
