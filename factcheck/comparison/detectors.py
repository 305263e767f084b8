"""Which detectors run: the rule packs' switches, severities and settings, with the user's overrides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..detect.base import Detector, registry
from ..detect.names import resolve_each
from ..errors import RulePackError
from ..extract.lexicon import Lexicon, load_lexicon
from ..extract.time import TimeLexicon, load_time_lexicon
from ..models import Severity
from ..rulepacks import pack_files, read_pack_file, validation_message

__all__ = ["RuleConfig", "rule_configs", "load_detectors"]


class RuleConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    enabled: bool = True
    severity: Severity | None = None
    settings: dict[str, Any] = Field(default_factory=dict)


def rule_configs(extra_dirs: Sequence[str | Path], known: Mapping[str, type[Detector]]) -> dict[str, RuleConfig]:
    """The `detectors.toml` packs merged and validated: rule code → switch, severity and settings."""
    configs: dict[str, dict[str, Any]] = {}
    for path in pack_files("detectors", extra_dirs):
        for code, raw in read_pack_file(path).items():
            if code not in known:
                raise RulePackError(f"{path}: unknown rule {code!r}; expected one of: {', '.join(known)}")
            merged = {**configs.get(code, {}), **raw}
            merged["settings"] = {**configs.get(code, {}).get("settings", {}), **raw.get("settings", {})}
            try:
                RuleConfig.model_validate(merged)
            except ValidationError as e:
                raise RulePackError(_rule_error(path, code, e, known[code], settings=False)) from e
            try:
                known[code].Settings.model_validate(merged["settings"])
            except ValidationError as e:
                raise RulePackError(_rule_error(path, code, e, known[code], settings=True)) from e
            configs[code] = merged
    return {code: RuleConfig.model_validate(raw) for code, raw in configs.items()}


def _rule_error(path: Path, code: str, error: ValidationError, detector: type[Detector], *, settings: bool) -> str:
    """The packs' and the configuration's one wording, keyed under the rule's code."""
    model = detector.Settings if settings else RuleConfig
    return validation_message(path, error, model, prefix=f"{code}." + ("settings." if settings else ""))


def load_detectors(
    extra_dirs: Sequence[str | Path] = (),
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Mapping[str, Severity] | None = None,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    configs: Mapping[str, RuleConfig] | None = None,
    lexicon: Lexicon | None = None,
    time_lexicon: TimeLexicon | None = None,
) -> list[Detector]:
    """Instantiate the enabled detectors with their severities and settings.

    `select`, `ignore` and the keys of `severity` and `settings` are rule names of any
    form `detect.names` accepts (code, prefix, kind, dotted name, group, `all`); a
    severity or setting for a narrower name beats one for a broader name. `configs`
    `lexicon` and `time_lexicon` are the run's packs (`RulePacks`); without them the packs of
    `extra_dirs` are read.

    Raises:
        UnknownRuleError: A name names no rule (the message suggests the nearest).
        RulePackError: A setting is unknown or has a bad value.
    """
    known = registry()
    configs = configs if configs is not None else rule_configs(extra_dirs, known)
    lexicon = lexicon or load_lexicon(extra_dirs)
    time_lexicon = time_lexicon or load_time_lexicon(extra_dirs)
    selected = {code for _, codes in resolve_each(select, known) for code in codes}
    ignored = {code for _, codes in resolve_each(ignore, known) for code in codes}
    severities: dict[str, Severity] = {}
    for name, codes in resolve_each(severity or {}, known):
        severities.update(dict.fromkeys(codes, (severity or {})[name]))
    overrides: dict[str, dict[str, Any]] = {}
    for name, codes in resolve_each(settings or {}, known):
        for code in codes:
            overrides[code] = {**overrides.get(code, {}), **(settings or {})[name]}
    detectors = []
    for code, cls in known.items():
        config = configs.get(code, RuleConfig())
        enabled = code in selected if select else config.enabled
        if not enabled or code in ignored:
            continue
        rule_settings = {**config.settings, **overrides.get(code, {})}
        try:
            detectors.append(cls(severities.get(code) or config.severity, rule_settings, lexicon=lexicon, time_lexicon=time_lexicon))
        except ValidationError as e:
            raise RulePackError(_rule_error(Path("configuration"), code, e, cls, settings=True)) from e
    return detectors
