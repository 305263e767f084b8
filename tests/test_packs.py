"""The run's rule packs: loaded and validated once, with one wording for every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import ConfigError, RulePackError
from factcheck.config import load_settings
from factcheck.packs import RulePacks


def _folder(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_packs_merge_the_users_folders_into_every_pack(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "time.toml", '[holidays]\n"founders day" = { month = 6, day = 3 }\n')
    _folder(tmp_path, "noise.toml", '[lines]\nexact = ["house ad"]\n')
    packs = RulePacks.load([folder])
    assert "founders day" in packs.time.holidays and "house ad" in packs.noise.lines.exact
    assert "founders day" not in RulePacks.load().time.holidays
    assert packs.version != RulePacks.load().version
    assert RulePacks.load([folder]) is packs  # loaded once per process


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "noise.toml",
            '[lines]\nexcat = ["x"]\n',
            "noise.toml: unknown key 'lines.excat' (did you mean 'lines.exact'?); expected one of: exact, max_chars, patterns",
        ),
        ("noise.toml", "[lines]\nmax_chars = 0\n", "noise.toml: lines.max_chars = 0 is not allowed; expected greater than 0"),
        (
            "detectors.toml",
            "[QT01]\nsettings = { tolerence = 0.2 }\n",
            "detectors.toml: unknown key 'QT01.settings.tolerence' (did you mean 'QT01.settings.tolerance'?)",
        ),
        ("detectors.toml", '[DT01]\nseverity = "urgent"\n', 'detectors.toml: DT01.severity = "urgent" is not allowed; expected'),
    ],
)
def test_packs_errors_name_file_key_value_and_what_is_allowed(tmp_path: Path, name: str, text: str, message: str) -> None:
    folder = _folder(tmp_path, name, text)
    with pytest.raises(RulePackError) as caught:
        RulePacks.load([folder])
    assert message in str(caught.value)


def test_packs_and_configuration_word_a_bad_value_alike(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.toml").write_text('fail-on = "urgent"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as config_error:
        load_settings([tmp_path], env={})
    folder = _folder(tmp_path, "detectors.toml", '[DT01]\nseverity = "urgent"\n')
    with pytest.raises(RulePackError) as pack_error:
        RulePacks.load([folder])
    # "<file>: <key> = <value> is not allowed; expected <what is>" in both.
    for error in (config_error.value, pack_error.value):
        assert ' = "urgent" is not allowed; expected ' in str(error)


def test_packs_grouping_and_detector_settings_keep_the_extraction_cache(tmp_path: Path) -> None:
    """Only the packs extraction reads key the claim cache: tuning a detector re-extracts nothing."""
    (tmp_path / "tuned").mkdir()
    (tmp_path / "worded").mkdir()
    tuned = _folder(tmp_path / "tuned", "detectors.toml", "[DT01]\nseverity = \"low\"\n")
    _folder(tmp_path / "tuned", "alignment.toml", "[stories]\nmin_similarity = 0.2\n")
    worded = _folder(tmp_path / "worded", "lexicon.toml", '[modality]\nhedges = ["reportedly"]\n')
    assert RulePacks.load([tuned]).version == RulePacks.load().version
    assert RulePacks.load([worded]).version != RulePacks.load().version
