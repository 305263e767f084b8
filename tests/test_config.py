"""Tests for configuration discovery, precedence and error messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from factcheck.config import Settings, discover_config, load_settings, read_config_file
from factcheck.errors import ConfigError


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with an articles subfolder and no configuration yet."""
    (tmp_path / "proj" / "articles" / "world").mkdir(parents=True)
    return tmp_path / "proj"


# -- discovery ------------------------------------------------------------------


def test_config_discover_nearest_dotfile(project: Path) -> None:
    outer = _write(project / ".factcheck.toml", 'fail-on = "low"\n')
    inner = _write(project / "articles" / ".factcheck.toml", 'fail-on = "medium"\n')
    assert discover_config(project / "articles" / "world") == inner.resolve()
    assert discover_config(project) == outer.resolve()


def test_config_discover_file_target_starts_at_its_folder(project: Path) -> None:
    config = _write(project / "articles" / ".factcheck.toml", "")
    article = _write(project / "articles" / "a.md", "# A\n")
    assert discover_config(article) == config.resolve()


def test_config_discover_pyproject_needs_tool_table(project: Path) -> None:
    _write(project / "articles" / "pyproject.toml", '[project]\nname = "x"\n')
    assert discover_config(project / "articles") is None
    with_table = _write(project / "pyproject.toml", '[tool.factcheck]\nfail-on = "low"\n')
    assert discover_config(project / "articles") == with_table.resolve()


def test_config_discover_dotfile_beats_pyproject_in_same_folder(project: Path) -> None:
    _write(project / "pyproject.toml", "[tool.factcheck]\n")
    dotfile = _write(project / ".factcheck.toml", "")
    assert discover_config(project / "articles") == dotfile.resolve()


def test_config_discover_nearer_pyproject_beats_farther_dotfile(project: Path) -> None:
    _write(project / ".factcheck.toml", "")
    pyproject = _write(project / "articles" / "pyproject.toml", "[tool.factcheck]\nstrict = true\n")
    assert discover_config(project / "articles" / "world") == pyproject.resolve()


def test_config_discover_skips_broken_foreign_pyproject(project: Path) -> None:
    _write(project / "articles" / "pyproject.toml", "[project\nname=")
    assert discover_config(project / "articles") is None


def test_config_discover_none(project: Path) -> None:
    assert discover_config(project / "articles") is None


# -- reading ----------------------------------------------------------------------


def test_config_reads_kebab_and_snake_case(project: Path) -> None:
    _write(
        project / ".factcheck.toml",
        """
fail-on = "medium"
min_severity = "low"
exit-zero = true
format = "sarif"
jobs = 3
cache = false
dateline = 2024-03-01
engine = "dask"
scheduler = "tcp://127.0.0.1:8786"
model = "en_core_web_sm"
rules-dirs = ["house_rules", "/abs/rules"]
baseline = "ci/baseline.json"
output = "out/report.sarif"
cache_dir = ".cache"

[rules]
select = ["all"]
ignore = ["SS01", "modality_conflict", "dt"]

[rules.severity]
DT01 = "low"

[rules.settings.QT01]
tolerance = 0.2
""",
    )
    settings = load_settings([project / "articles"], env={}, cli_overrides={})
    assert settings.fail_on == "medium"
    assert settings.min_severity == "low"
    assert settings.exit_zero is True
    assert settings.format == "sarif"
    assert settings.jobs == 3
    assert settings.cache is False
    assert settings.dateline == dt.date(2024, 3, 1)
    assert settings.engine == "dask"
    assert settings.scheduler == "tcp://127.0.0.1:8786"
    assert settings.model == "en_core_web_sm"
    root = project.resolve()
    assert settings.rules_dirs == (root / "house_rules", Path("/abs/rules"))
    assert settings.baseline == root / "ci" / "baseline.json"
    assert settings.output == root / "out" / "report.sarif"
    assert settings.cache_dir == root / ".cache"
    assert settings.select == ("all",)
    # "dt" is a name (lower case), not the code prefix "DT"
    assert settings.ignore == ("SS01", "modality_conflict", "dt")
    assert settings.severity == {"DT01": "low"}
    assert settings.rule_settings == {"QT01": {"tolerance": 0.2}}
    assert settings.config_file == (project / ".factcheck.toml").resolve()


def test_config_reads_pyproject_table(project: Path) -> None:
    _write(
        project / "pyproject.toml",
        '[project]\nname = "site"\n\n[tool.factcheck]\nfail-on = "low"\nrules-dirs = ["r"]\n\n'
        '[tool.factcheck.rules]\nignore = ["AT01"]\n',
    )
    settings = load_settings([project / "articles" / "world"], env={}, cli_overrides={})
    assert settings.fail_on == "low"
    assert settings.ignore == ("AT01",)
    assert settings.rules_dirs == (project.resolve() / "r",)


def test_config_string_dateline_and_lowercase_codes(project: Path) -> None:
    _write(
        project / ".factcheck.toml",
        'dateline = "2023-12-31"\n[rules]\nselect = ["dt01", "QT"]\n[rules.severity]\nqt01 = "high"\n',
    )
    settings = load_settings([project], env={}, cli_overrides={})
    assert settings.dateline == dt.date(2023, 12, 31)
    assert settings.select == ("DT01", "QT")
    assert settings.severity == {"QT01": "high"}


def test_config_defaults_without_file(project: Path) -> None:
    settings = load_settings([project / "articles"], env={}, cli_overrides={})
    assert settings == Settings()
    assert settings.format == "terminal"
    assert settings.fail_on == "high"
    assert settings.min_severity == "info"
    assert settings.cache is True
    assert settings.engine == "local"
    assert settings.config_file is None


def test_config_read_config_file_maps_rules_table(project: Path) -> None:
    path = _write(project / ".factcheck.toml", '[rules]\nselect = ["DT01"]\n[rules.settings.DT01]\nx = 1\n')
    assert read_config_file(path) == {"select": ["DT01"], "rule_settings": {"DT01": {"x": 1}}}


# -- precedence ----------------------------------------------------------------------


@pytest.fixture
def three_configs(project: Path) -> dict[str, Path]:
    return {
        "discovered": _write(project / ".factcheck.toml", 'fail-on = "low"\nformat = "json"\n'),
        "env": _write(project / "env.toml", 'fail-on = "medium"\n'),
        "flag": _write(project / "flag.toml", 'fail-on = "info"\nstrict = true\n'),
    }


def test_config_precedence_discovered(project: Path, three_configs: dict[str, Path]) -> None:
    settings = load_settings([project / "articles"], env={}, cli_overrides={})
    assert (settings.fail_on, settings.format) == ("low", "json")


def test_config_precedence_env_beats_discovered(project: Path, three_configs: dict[str, Path]) -> None:
    env = {"FACTCHECK_CONFIG": str(three_configs["env"])}
    settings = load_settings([project / "articles"], env=env, cli_overrides={})
    # One file is read, not merged: format comes from the defaults, not the discovered file.
    assert (settings.fail_on, settings.format) == ("medium", "terminal")
    assert settings.config_file == three_configs["env"].resolve()


def test_config_precedence_config_flag_beats_env(project: Path, three_configs: dict[str, Path]) -> None:
    env = {"FACTCHECK_CONFIG": str(three_configs["env"])}
    settings = load_settings([project], config_file=three_configs["flag"], env=env, cli_overrides={})
    assert (settings.fail_on, settings.strict) == ("info", True)


def test_config_precedence_flags_beat_every_file(project: Path, three_configs: dict[str, Path]) -> None:
    env = {"FACTCHECK_CONFIG": str(three_configs["env"])}
    settings = load_settings(
        [project],
        config_file=three_configs["flag"],
        env=env,
        cli_overrides={"fail_on": "high", "strict": None, "format": None, "select": []},
    )
    # None and empty lists mean "flag not given": the file's values stay.
    assert (settings.fail_on, settings.strict, settings.select) == ("high", True, ())


def test_config_flags_merge_tables_rule_by_rule(project: Path) -> None:
    _write(project / ".factcheck.toml", '[rules.severity]\nDT01 = "low"\nQT01 = "low"\n')
    settings = load_settings([project], env={}, cli_overrides={"severity": {"QT01": "high"}})
    assert settings.severity == {"DT01": "low", "QT01": "high"}


def test_config_cache_dir_env_beats_file_and_flag_beats_env(project: Path) -> None:
    _write(project / ".factcheck.toml", 'cache-dir = "from_file"\n')
    env = {"FACTCHECK_CACHE_DIR": "/tmp/from_env"}
    assert load_settings([project], env=env, cli_overrides={}).cache_dir == Path("/tmp/from_env")
    flagged = load_settings([project], env=env, cli_overrides={"cache_dir": Path("from_flag")})
    assert flagged.cache_dir == Path("from_flag")


def test_config_empty_env_var_is_ignored(project: Path) -> None:
    _write(project / ".factcheck.toml", 'fail-on = "low"\n')
    assert load_settings([project], env={"FACTCHECK_CONFIG": ""}, cli_overrides={}).fail_on == "low"


def test_config_several_targets_use_common_folder(project: Path) -> None:
    _write(project / "articles" / ".factcheck.toml", 'fail-on = "low"\n')
    a = _write(project / "articles" / "world" / "a.md", "a")
    b = _write(project / "articles" / "b.md", "b")
    assert load_settings([a, b], env={}, cli_overrides={}).fail_on == "low"


# -- errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'fail-on = "urgent"\n',
            '.factcheck.toml: fail-on = "urgent" is not allowed; expected one of: info, low, medium, high',
        ),
        (
            'format = "xml"\n',
            '.factcheck.toml: format = "xml" is not allowed; '
            "expected one of: terminal, json, jsonl, sarif, github, markdown, html",
        ),
        ('fail_onn = "low"\n', ".factcheck.toml: unknown key 'fail_onn' (did you mean 'fail-on'?); expected one of:"),
        ("jobs = 0\n", ".factcheck.toml: jobs = 0 is not allowed; expected a whole number of at least 1"),
        ("jobs = 1.5\n", ".factcheck.toml: jobs = 1.5 is not allowed; expected a whole number of at least 1"),
        ('strict = "yes"\n', '.factcheck.toml: strict = "yes" is not allowed; expected true or false'),
        (
            'dateline = "March 1"\n',
            '.factcheck.toml: dateline = "March 1" is not allowed; expected a date (YYYY-MM-DD)',
        ),
        ('engine = "spark"\n', '.factcheck.toml: engine = "spark" is not allowed; expected one of: local, dask'),
        (
            'rules-dirs = "rules"\n',
            '.factcheck.toml: rules-dirs = "rules" is not allowed; expected a list of folder paths',
        ),
        ('[rules]\nselect = ["Dates Rule"]\n', '.factcheck.toml: rules.select has "Dates Rule", which is not allowed'),
        (
            '[rules]\nchoose = ["DT01"]\n',
            ".factcheck.toml: unknown key 'rules.choose'; expected one of: ignore, select, settings, severity",
        ),
        (
            '[rules.severity]\nDT01 = "critical"\n',
            '.factcheck.toml: rules.severity.DT01 = "critical" is not allowed; '
            "expected one of: info, low, medium, high",
        ),
        (
            "[rules.settings]\nQT01 = 0.2\n",
            ".factcheck.toml: rules.settings.QT01 = 0.2 is not allowed; expected a table of settings",
        ),
        ('rules = "all"\n', '.factcheck.toml: rules = "all" is not allowed; expected a table'),
        ("fail-on = \n", ".factcheck.toml: malformed TOML"),
        ('fail-on = "low"\nfail_on = "high"\n', ".factcheck.toml: fail_on is set twice"),
    ],
)
def test_config_malformed_file_messages(
    project: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    _write(project / ".factcheck.toml", text)
    monkeypatch.chdir(project)
    with pytest.raises(ConfigError) as info:
        load_settings([project / "articles"], env={}, cli_overrides={})
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_config_pyproject_message_names_table(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(project / "pyproject.toml", '[tool.factcheck]\nmin-severity = "trivial"\n')
    monkeypatch.chdir(project)
    with pytest.raises(
        ConfigError, match=r'^pyproject\.toml: tool\.factcheck\.min-severity = "trivial" is not allowed'
    ):
        load_settings([project], env={}, cli_overrides={})


def test_config_broken_pyproject_with_our_table_is_an_error(project: Path) -> None:
    _write(project / "pyproject.toml", "[tool.factcheck]\nfail-on = ")
    with pytest.raises(ConfigError, match="malformed TOML"):
        discover_config(project)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"fail_on": "urgent"}, '--fail-on "urgent" is not allowed; expected one of: info, low, medium, high'),
        ({"jobs": 0}, "--jobs 0 is not allowed"),
        ({"select": ["not a rule"]}, '--select "not a rule" is not allowed'),
        ({"colour": True}, "unknown option 'colour'"),
    ],
)
def test_config_bad_flag_messages(project: Path, overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings([project], env={}, cli_overrides=overrides)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize("source", ["flag", "env"])
def test_config_missing_named_file(project: Path, source: str) -> None:
    missing = project / "nope.toml"
    kwargs = {"config_file": missing, "env": {}} if source == "flag" else {"env": {"FACTCHECK_CONFIG": str(missing)}}
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_settings([project], cli_overrides={}, **kwargs)


# -- helpers on Settings -----------------------------------------------------------


def test_config_severity_helpers() -> None:
    settings = Settings(fail_on="medium", min_severity="low", severity={"DT01": "info"})
    assert settings.fails("medium") and settings.fails("high") and not settings.fails("low")
    assert settings.shows("low") and not settings.shows("info")


def test_config_settings_frozen() -> None:
    with pytest.raises(ValidationError, match="frozen"):
        Settings().fail_on = "low"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[rules]\nselect = ["DT99"]\n', ".factcheck.toml: rules.select: unknown rule 'DT99'"),
        ('[rules]\nignore = ["dates.conflct"]\n', ".factcheck.toml: rules.ignore: unknown rule 'dates.conflct' (did you mean"),
        ('[rules.severity]\nXX01 = "low"\n', ".factcheck.toml: rules.severity: unknown rule 'XX01'"),
    ],
)
def test_config_unknown_rule_names_its_file(project: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str) -> None:
    from factcheck.config import check_rule_names

    _write(project / ".factcheck.toml", text)
    monkeypatch.chdir(project)
    settings = load_settings([project / "articles"], env={}, cli_overrides={})
    with pytest.raises(ConfigError) as info:
        check_rule_names(settings)
    assert str(info.value).startswith(message)


def test_config_unknown_rule_from_a_flag_names_the_flag(project: Path) -> None:
    from factcheck.config import check_rule_names

    settings = load_settings([project / "articles"], env={}, cli_overrides={"select": ["DT99"]})
    with pytest.raises(ConfigError, match=r"^--select: unknown rule 'DT99'"):
        check_rule_names(settings)


def test_config_records_where_each_value_came_from(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(project / ".factcheck.toml", 'fail-on = "low"\n[rules.severity]\nDT01 = "info"\n')
    monkeypatch.chdir(project)
    settings = load_settings(
        [project / "articles"],
        env={"FACTCHECK_CACHE_DIR": "/tmp/x"},
        cli_overrides={"min_severity": "medium", "severity": {"QT01": "high"}},
    )
    assert settings.source_of("fail_on") == ".factcheck.toml"
    assert settings.source_of("severity.DT01") == ".factcheck.toml"
    assert settings.source_of("severity.QT01") == "--severity"
    assert settings.source_of("min_severity") == "--min-severity"
    assert settings.source_of("cache_dir") == "FACTCHECK_CACHE_DIR"
    assert settings.source_of("format") == "default"
