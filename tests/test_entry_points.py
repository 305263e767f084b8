"""The command line and the Python API agree: rule names, suppressions, rule packs and settings.

Each behaviour is checked twice, once through `factcheck ...` (typer's CliRunner) and once
through `factcheck.check()` / `factcheck.extract()`, on the same articles.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck
from factcheck.cli import app
from factcheck.errors import ConfigError

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
runner = CliRunner()


def cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--no-progress", "-j", "1"])
    return result.exit_code, result.stdout, result.stderr


def cli_rules(folder: Path, *args: str) -> list[str]:
    code, out, err = cli("check", str(folder), "--format", "json", *args)
    assert code in (0, 1), err
    return sorted(f["rule"] for f in json.loads(out)["findings"])


@pytest.fixture()
def ai_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(CORPUS / "ai-order", folder)
    return folder


# --------------------------------------------------------------------------- rule names


@pytest.mark.parametrize(("name", "expected"), [("DT", {"DT01"}), ("dates.conflict", {"DT01"}), ("dates", {"DT01"})])
def test_entry_cli_select_takes_prefixes_dotted_names_and_groups(ai_folder: Path, name: str, expected: set[str]) -> None:
    assert set(cli_rules(ai_folder, "--select", name)) == expected


@pytest.mark.parametrize(("name", "expected"), [("DT", {"DT01"}), ("dates.conflict", {"DT01"}), ("dates", {"DT01"})])
def test_entry_api_select_takes_prefixes_dotted_names_and_groups(ai_folder: Path, name: str, expected: set[str]) -> None:
    report = factcheck.check([ai_folder], select=[name], jobs=1)
    assert {f.rule for f in report.findings} == expected


def test_entry_cli_unknown_rule_name_suggests_the_nearest(ai_folder: Path) -> None:
    code, _, err = cli("check", str(ai_folder), "--select", "dates.conflct")
    assert code == 2
    assert "unknown rule 'dates.conflct' (did you mean 'dates.conflict'?)" in err
    assert len(err.strip().splitlines()) == 1


def test_entry_api_unknown_rule_name_suggests_the_nearest(ai_folder: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown rule 'dates\.conflct' \(did you mean 'dates\.conflict'\?\)"):
        factcheck.check([ai_folder], severity={"dates.conflct": "low"}, jobs=1)


def test_entry_severity_by_group_is_narrowed_by_code(ai_folder: Path) -> None:
    report = factcheck.check([ai_folder], severity={"all": "low", "DT01": "info"}, jobs=1)
    severities = {f.rule: f.severity for f in report.findings}
    assert severities["DT01"] == "info"
    assert {s for rule, s in severities.items() if rule != "DT01"} == {"low"}


# --------------------------------------------------------------------------- suppressions


@pytest.fixture()
def suppressed_folder(ai_folder: Path) -> Path:
    brief = ai_folder / "capitol-brief.md"
    text = brief.read_text(encoding="utf-8")
    end_of_front_matter = text.index("---", 3) + 3
    brief.write_text(
        text[:end_of_front_matter] + "\n\n<!-- factcheck-disable dates -->\n" + text[end_of_front_matter:],
        encoding="utf-8",
    )
    return ai_folder


def _dt01_paths(pairs: list[list[str]]) -> list[list[str]]:
    return sorted(sorted(p) for p in pairs)


def test_entry_one_date_disagreement_is_one_finding(ai_folder: Path) -> None:
    """Two reports say May 21 and one says Thursday the 14th: one finding cites all three."""
    report = factcheck.check([ai_folder], jobs=1)
    dt01 = [f for f in report.findings if f.rule == "DT01" and f.severity == "high"]
    assert len(dt01) == 1
    assert {ev.path: ev.value for ev in dt01[0].evidence} == {
        "capitol-brief.md": "2026-05-21",
        "harbor-times.html": "2026-05-21",
        "wire-saturday.txt": "2026-05-14",
    }


def test_entry_cli_applies_inline_suppressions(suppressed_folder: Path) -> None:
    code, out, err = cli("check", str(suppressed_folder), "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    dt01 = [[ev["path"] for ev in f["evidence"]] for f in report["findings"] if f["rule"] == "DT01"]
    assert _dt01_paths(dt01) == [["harbor-times.html", "wire-saturday.txt"]]
    assert report["suppressed"] == 1


def test_entry_api_applies_inline_suppressions_as_the_cli_does(suppressed_folder: Path) -> None:
    report = factcheck.check([suppressed_folder], jobs=1)
    dt01 = [[ev.path for ev in f.evidence] for f in report.findings if f.rule == "DT01"]
    assert _dt01_paths(dt01) == [["harbor-times.html", "wire-saturday.txt"]]
    assert report.suppressed == 1
    _, out, _ = cli("check", str(suppressed_folder), "--format", "json")
    assert sorted(f.fingerprint for f in report.findings) == sorted(f["fingerprint"] for f in json.loads(out)["findings"])


# --------------------------------------------------------------------------- user rule packs

_HOLIDAY = "The Harwell parade took place on Founders Day, organizer Ann Lee said.\n"
_SPONSORED = "Sponsored by Brightline Appliances, which said the heater recall ended on Tuesday.\n"


@pytest.fixture()
def packs_case(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "parade.txt").write_text(
        "HARWELL, July 1, 2026 —\n\n" + _HOLIDAY + "\n" + _SPONSORED, encoding="utf-8"
    )
    rules = tmp_path / "house_rules"
    rules.mkdir()
    (rules / "time.toml").write_text('[holidays]\n"founders day" = { month = 6, day = 3 }\n', encoding="utf-8")
    (rules / "noise.toml").write_text('[lines]\npatterns = ["sponsored by .*"]\n', encoding="utf-8")
    return articles, rules


def _times_and_claims(document: dict) -> tuple[set[str | None], str]:
    return {t["value"] for t in document["times"]}, " ".join(c["text"] for c in document["claims"])


def test_entry_cli_extract_reads_the_users_time_and_noise_packs(packs_case: tuple[Path, Path]) -> None:
    articles, rules = packs_case
    _, plain, _ = cli("extract", str(articles), "--format", "json", "--no-cache")
    _, house, err = cli("extract", str(articles), "--format", "json", "--no-cache", "--rules", str(rules))
    (plain_doc,), (house_doc,) = json.loads(plain)["documents"], json.loads(house)["documents"]
    plain_times, plain_claims = _times_and_claims(plain_doc)
    house_times, house_claims = _times_and_claims(house_doc)
    assert "2026-06-03" not in plain_times and "2026-06-03" in house_times, err
    assert "Brightline" in plain_claims and "Brightline" not in house_claims


def test_entry_api_extract_reads_the_users_time_and_noise_packs(packs_case: tuple[Path, Path]) -> None:
    articles, rules = packs_case
    (plain,) = factcheck.extract([articles], jobs=1, cache=False).documents
    (house,) = factcheck.extract([articles], rules_dirs=[str(rules)], jobs=1, cache=False).documents
    assert "2026-06-03" not in {t.value for t in plain.times}
    assert "2026-06-03" in {t.value for t in house.times}
    assert any("Brightline" in c.text for c in plain.claims)
    assert not any("Brightline" in c.text for c in house.claims)


# --------------------------------------------------------------------------- configuration for extract


@pytest.fixture()
def undated_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "articles").mkdir(parents=True)
    (project / "articles" / "vote.txt").write_text(
        "The Harwell council voted Thursday to close the Dunmore Avenue bridge, Mayor Ann Lee said.\n", encoding="utf-8"
    )
    (project / ".factcheck.toml").write_text('dateline = 2026-05-16\n', encoding="utf-8")
    return project


def test_entry_cli_extract_reads_the_configuration_file(undated_project: Path) -> None:
    code, out, err = cli("extract", str(undated_project / "articles"), "--format", "json", "--no-cache")
    assert code == 0, err
    (doc,) = json.loads(out)["documents"]
    assert doc["published"] == "2026-05-16"
    assert [t["value"] for t in doc["times"] if t["text"] == "Thursday"] == ["2026-05-14"]


def test_entry_api_extract_reads_the_configuration_file(undated_project: Path) -> None:
    (doc,) = factcheck.extract([undated_project / "articles"], jobs=1, cache=False).documents
    assert str(doc.published) == "2026-05-16"
    assert [t.value for t in doc.times if t.text == "Thursday"] == ["2026-05-14"]


# --------------------------------------------------------------------------- the default number of jobs


@pytest.fixture()
def engine_jobs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The jobs each local engine was built with; the engine then runs in process."""
    from factcheck import engine, options

    seen: list[int] = []
    real_init = engine.LocalEngine.__init__

    def spying_init(self, run_options) -> None:  # type: ignore[no-untyped-def]
        real_init(self, run_options)
        seen.append(self.jobs)
        self.jobs = 1

    monkeypatch.setattr(options, "default_jobs", lambda: 3)
    monkeypatch.setattr(engine.LocalEngine, "__init__", spying_init)
    return seen


def test_entry_cli_default_jobs_decided_in_one_place(ai_folder: Path, engine_jobs: list[int]) -> None:
    for command in ("check", "extract"):
        result = runner.invoke(app, [command, str(ai_folder / "wire-saturday.txt"), "--no-progress", "--no-cache"])
        assert result.exit_code in (0, 1), result.stderr
    assert engine_jobs == [3, 3]


def test_entry_api_default_jobs_decided_in_one_place(ai_folder: Path, engine_jobs: list[int]) -> None:
    factcheck.check([ai_folder / "wire-saturday.txt"], cache=False)
    factcheck.extract([ai_folder / "wire-saturday.txt"], cache=False)
    assert engine_jobs == [3, 3]


# --------------------------------------------------------------------------- baselines


def test_entry_cli_baseline_hides_what_the_api_recorded(ai_folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    recorded = factcheck.check([ai_folder], baseline=str(baseline), update_baseline=True, jobs=1)
    assert recorded.findings and baseline.is_file()
    code, out, err = cli("check", str(ai_folder), "--format", "json", "--baseline", str(baseline))
    assert code == 0, err
    report = json.loads(out)
    assert report["findings"] == [] and report["baselined"] == len(recorded.findings)


def test_entry_api_baseline_hides_what_the_cli_recorded(ai_folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, _, err = cli("check", str(ai_folder), "--baseline", str(baseline), "--update-baseline", "--exit-zero")
    assert code == 0 and baseline.is_file(), err
    report = factcheck.check([ai_folder], baseline=str(baseline), jobs=1)
    assert report.findings == () and report.baselined > 0
