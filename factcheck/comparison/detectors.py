"""Which detectors run: the rule packs' switches, severities and settings, with the user's overrides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..detect.base import Detector, registry
from ..errors import RulePackError
from ..extract.lexicon import load_lexicon
from ..models import Severity
from ..rulepacks import pack_files, read_pack_file

__all__ = ["RuleConfig", "load_detectors"]


class RuleConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    enabled: bool = True
    severity: Severity | None = None
    settings: dict[str, Any] = Field(default_factory=dict)


def _rule_configs(extra_dirs: Sequence[str | Path], known: Mapping[str, type[Detector]]) -> dict[str, RuleConfig]:
    configs: dict[str, dict[str, Any]] = {}
    for path in pack_files("detectors", extra_dirs):
        for code, raw in read_pack_file(path).items():
            if code not in known:
                raise RulePackError(f"{path}: unknown rule {code!r}; expected one of: {', '.join(known)}")
            merged = {**configs.get(code, {}), **raw}
            merged["settings"] = {**configs.get(code, {}).get("settings", {}), **raw.get("settings", {})}
            try:
                RuleConfig.model_validate(merged)
                known[code].Settings.model_validate(merged["settings"])
            except ValidationError as e:
                raise RulePackError(_rule_error(path, code, e, known[code])) from e
            configs[code] = merged
    return {code: RuleConfig.model_validate(raw) for code, raw in configs.items()}


def _rule_error(path: Path, code: str, error: ValidationError, detector: type[Detector]) -> str:
    first = error.errors()[0]
    key = ".".join(str(p) for p in first["loc"])
    if first["type"] == "extra_forbidden":
        allowed = ", ".join(detector.Settings.model_fields) or "(none)"
        where = "setting" if key not in RuleConfig.model_fields else "key"
        return f"{path}: {code} has unknown {where} {key!r}; expected: {allowed if where == 'setting' else ', '.join(RuleConfig.model_fields)}"
    return f"{path}: {code}.{key}: {first['msg']}"


def load_detectors(
    extra_dirs: Sequence[str | Path] = (),
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Mapping[str, Severity] | None = None,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Detector]:
    """Instantiate the enabled detectors with their severities and settings.

    `select`/`ignore` take rule codes, kind names or groups; `severity` and `settings`
    override the rule packs by code (they come from the user's configuration).
    """
    known = registry()
    configs = _rule_configs(extra_dirs, known)
    lexicon = load_lexicon(extra_dirs)
    for code in [*select, *ignore, *(severity or {}), *(settings or {})]:
        if code not in known and not any(code in (d.kind, *d.groups) for d in known.values()):
            raise RulePackError(f"unknown rule {code!r}; expected a code ({', '.join(known)}), a kind or a group")
    detectors = []
    for code, cls in known.items():
        config = configs.get(code, RuleConfig())
        names = {code, cls.kind, cls.name, *cls.groups}
        enabled = config.enabled
        if select:
            enabled = bool(names & set(select))
        if names & set(ignore):
            enabled = False
        if not enabled:
            continue
        rule_settings = {**config.settings, **((settings or {}).get(code, {}))}
        try:
            detectors.append(
                cls((severity or {}).get(code) or config.severity, rule_settings, lexicon=lexicon)
            )
        except ValidationError as e:
            raise RulePackError(_rule_error(Path("configuration"), code, e, cls)) from e
    return detectors
