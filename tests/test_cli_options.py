"""Command-line conventions users bring from ruff, sqlfluff and Vale: one-line usage errors,
plain help, --version, - for standard input, --quiet, --statistics, `factcheck config`,
JSON Lines, and NO_COLOR / FORCE_COLOR."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.version import __version__

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
runner = CliRunner()
_ANSI = re.compile(r"\x1b\[")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("capitol-brief.md", "wire-saturday.txt"):
        shutil.copy(CORPUS / "ai-order" / name, articles / name)
    return articles


def check(*args: str, cache_dir: Path, env: dict[str, str] | None = None, input: str | None = None):
    return runner.invoke(app, ["check", *args, "-j", "1", "--no-progress", "--cache-dir", str(cache_dir)],
                         env=env, input=input)


# -- errors and help ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "x", "--bogus"], "Error: No such option: --bogus"),
        (["check", "x", "--fail-on", "urgent"], "Error: Invalid value for '--fail-on'"),
        (["explain"], "Error: Missing argument 'RULE'"),
    ],
)
def test_cli_usage_error_is_one_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(message)
    assert not set("╭│╰") & set(result.stderr)


def test_cli_help_is_plain_and_whole() -> None:
    text = runner.invoke(app, ["check", "--help"], env={"COLUMNS": "80"}).stdout
    assert "<bool>" not in text and "<list[" not in text and "<str>" not in text
    assert "[tool.factcheck]" in text
    assert "Usage: factcheck check [OPTIONS] PATH..." in text
    words = set(re.findall(r"[a-z]+", text))
    assert {"terminal", "jsonl", "sarif", "github", "markdown", "html"} <= words


def test_cli_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"factcheck {__version__}"


def test_cli_explain_names_the_rule_page() -> None:
    result = runner.invoke(app, ["explain", "DT01"])
    assert result.exit_code == 0
    assert "Documentation: https://rules.factcheck.invalid/DT01.md" in result.stdout  # FACTCHECK_DOCS_URL of the tests


def test_cli_rule_setting_error_names_the_configuration_file(folder: Path, cache_dir: Path, monkeypatch) -> None:
    (folder.parent / ".factcheck.toml").write_text("[rules.settings.QT01]\ntolerence = 0.2\n", encoding="utf-8")
    monkeypatch.chdir(folder.parent)
    result = check(str(folder), cache_dir=cache_dir)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: .factcheck.toml: unknown key 'QT01.settings.tolerence'")


# -- factcheck config --------------------------------------------------------------


def test_cli_config_shows_values_and_their_sources(folder: Path, monkeypatch) -> None:
    (folder.parent / ".factcheck.toml").write_text('fail-on = "low"\n[rules.severity]\nDT01 = "info"\n', encoding="utf-8")
    monkeypatch.chdir(folder.parent)
    result = runner.invoke(app, ["config", str(folder)], env={"FACTCHECK_CACHE_DIR": "/tmp/elsewhere"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith(".factcheck.toml")
    assert re.search(r'^fail-on = "low" +# \.factcheck\.toml$', result.stdout, re.M)
    assert re.search(r'^format = "terminal" +# default$', result.stdout, re.M)
    assert re.search(r'^cache-dir = "/tmp/elsewhere" +# FACTCHECK_CACHE_DIR$', result.stdout, re.M)
    assert re.search(r'^rules\.severity\.DT01 = "info" +# \.factcheck\.toml$', result.stdout, re.M)
    data = json.loads(runner.invoke(app, ["config", str(folder), "--format", "json"]).stdout)
    assert {"key": "fail-on", "value": "low", "source": ".factcheck.toml"} in data["settings"]


# -- running a check ----------------------------------------------------------------


def test_cli_reads_an_article_from_standard_input(folder: Path, cache_dir: Path) -> None:
    wire = (folder / "wire-saturday.txt").read_text(encoding="utf-8")
    (folder / "wire-saturday.txt").unlink()
    result = check(str(folder), "-", "--format", "json", "--exit-zero", cache_dir=cache_dir, input=wire)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {d["path"] for d in data["documents"]} == {"capitol-brief.md", "stdin.txt"}
    assert any(ev["path"] == "stdin.txt" for f in data["findings"] for ev in f["evidence"])
    named = check(str(folder), "-", "--stdin-filename", "drafts/wire.txt", "--format", "sarif", "--exit-zero",
                  cache_dir=cache_dir, input=wire)
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(named.stdout)["runs"][0]["results"] for loc in r.get("relatedLocations", [])}
    assert "drafts/wire.txt" in uris


def test_cli_stdin_filename_without_stdin_is_a_usage_error(folder: Path, cache_dir: Path) -> None:
    result = check(str(folder), "--stdin-filename", "a.txt", cache_dir=cache_dir)
    assert result.exit_code == 2
    assert "needs '-'" in result.stderr


def test_cli_quiet_prints_findings_only(folder: Path, cache_dir: Path) -> None:
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = check(str(folder), "-q", "--exit-zero", cache_dir=cache_dir)
    assert result.exit_code == 0
    assert not result.stdout.startswith("factcheck:")
    assert result.stdout.startswith(("HIGH", "MEDIUM", "LOW", "INFO"))
    assert "Note:" not in result.stderr


def test_cli_statistics_counts_findings_per_rule(folder: Path, cache_dir: Path) -> None:
    full = json.loads(check(str(folder), "--format", "json", "--exit-zero", cache_dir=cache_dir).stdout)
    text = check(str(folder), "--statistics", "--exit-zero", cache_dir=cache_dir).stdout
    rules = {f["rule"] for f in full["findings"]}
    assert {line.split()[1] for line in text.splitlines()} == rules
    data = json.loads(check(str(folder), "--statistics", "--format", "json", "--exit-zero", cache_dir=cache_dir).stdout)
    assert sum(entry["count"] for entry in data) == len(full["findings"])


def test_cli_jsonl_is_one_finding_per_line(folder: Path, cache_dir: Path) -> None:
    full = json.loads(check(str(folder), "--format", "json", "--exit-zero", cache_dir=cache_dir).stdout)
    lines = check(str(folder), "--format", "jsonl", "--exit-zero", cache_dir=cache_dir).stdout.splitlines()
    assert len(lines) == len(full["findings"]) > 0
    for line, finding in zip(lines, full["findings"], strict=True):
        data = json.loads(line)
        assert data["rule"] == finding["rule"] and data["help_uri"].endswith(f"/{finding['rule']}.md")


def test_cli_unreadable_files_go_to_stderr_in_terminal_mode(folder: Path, cache_dir: Path) -> None:
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    result = check(str(folder), "--exit-zero", cache_dir=cache_dir)
    assert "broken.json" not in result.stdout
    assert "Error: broken.json:" in result.stderr


@pytest.mark.parametrize(
    ("env", "colour"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1"}, False), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False)],
)
def test_cli_honours_no_color_and_force_color(folder: Path, cache_dir: Path, env: dict[str, str], colour: bool) -> None:
    result = check(str(folder), "--exit-zero", cache_dir=cache_dir, env={"NO_COLOR": "", "FORCE_COLOR": "", **env})
    assert bool(_ANSI.search(result.stdout)) is colour
