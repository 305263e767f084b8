"""Settings for a run: defaults, a configuration file, and command-line flags.

Where settings come from, strongest first:

1. command-line flags (`cli_overrides` entries whose value is not `None`);
2. the file named by `--config FILE`;
3. the file named by the `FACTCHECK_CONFIG` environment variable;
4. the nearest configuration file found by walking up from the targets
   (`discover_config`): a `.factcheck.toml`, else a `pyproject.toml` with a
   `[tool.factcheck]` table;
5. the defaults of `Settings`.

Exactly one file is read (the first of 2–4 that applies); files are not merged
with each other, as with ruff's `--config`. Flags are merged over the file key by
key; for the `severity` and `rule_settings` tables, rule by rule.

`FACTCHECK_CACHE_DIR`, when set, stands in for `--cache-dir` (it beats the file's
`cache-dir`, a flag beats it), as `RUFF_CACHE_DIR` does.

A configuration file looks like this (keys in kebab-case or snake_case)::

    fail-on = "medium"
    format = "sarif"
    rules-dirs = ["house_rules"]     # relative to this file's folder
    baseline = ".factcheck-baseline.json"

    [rules]
    select = ["all"]
    ignore = ["SS01", "modality_conflict"]

    [rules.severity]
    DT01 = "low"

    [rules.settings.QT01]
    tolerance = 0.2

In `pyproject.toml` the same keys live under `[tool.factcheck]` and
`[tool.factcheck.rules]`. Paths in a file (`output`, `rules-dirs`, `cache-dir`,
`baseline`) are resolved relative to the file's folder; paths given as flags are
left as given (relative to the working folder).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import typing
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import tomllib
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .errors import ConfigError, bad_value_message, show_value, unknown_key_message
from .models import SEVERITY_ORDER, Severity

__all__ = [
    "CONFIG_FILENAME",
    "CONFIG_ENV_VAR",
    "CACHE_DIR_ENV_VAR",
    "OutputFormat",
    "Engine",
    "Settings",
    "discover_config",
    "read_config_file",
    "load_settings",
    "check_rule_names",
    "resolved_values",
]

CONFIG_FILENAME = ".factcheck.toml"
CONFIG_ENV_VAR = "FACTCHECK_CONFIG"
CACHE_DIR_ENV_VAR = "FACTCHECK_CACHE_DIR"

OutputFormat = Literal["terminal", "json", "jsonl", "sarif", "github", "markdown", "html"]
Engine = Literal["local", "dask"]

# A rule code ("DT01") or a code prefix ("DT", "DT0") as ruff allows; everything else
# in select/ignore is a name: a finding kind, a dotted rule name, a group, or "all".
_CODE = re.compile(r"^[A-Z]{2}[0-9]{0,2}$")
_LOOSE_CODE = re.compile(r"^[A-Za-z]{2}[0-9]{2}$")
_NAME = re.compile(r"^[a-z][a-z0-9_.\-]*$")


class Settings(BaseModel):
    """Everything a run needs to know, after files, environment and flags are merged."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: OutputFormat = "terminal"
    output: Path | None = None
    fail_on: Severity = "high"
    min_severity: Severity = "info"
    exit_zero: bool = False
    rules_dirs: tuple[Path, ...] = ()
    """Folders of the user's own rule packs, merged over the built-in ones."""
    select: tuple[str, ...] = ()
    """Rule codes, code prefixes or names to run; empty runs every rule the packs enable."""
    ignore: tuple[str, ...] = ()
    """Rule codes, code prefixes or names never to run; beats `select`."""
    severity: dict[str, Severity] = Field(default_factory=dict)
    """Rule code → severity, replacing the rule pack's."""
    rule_settings: dict[str, dict[str, Any]] = Field(default_factory=dict)
    """Rule code → settings merged over the rule pack's; the pack's model validates them."""
    model: str | None = None
    jobs: int | None = Field(default=None, ge=1)
    cache: bool = True
    cache_dir: Path | None = None
    baseline: Path | None = None
    strict: bool = False
    dateline: dt.date | None = None
    engine: Engine = "local"
    scheduler: str | None = None
    config_file: Path | None = None
    """The file these settings were read from, if any (set by `load_settings`)."""
    sources: dict[str, str] = Field(default_factory=dict, exclude=True)
    """Where each value that is not a default came from: field (or `field.KEY` for the rule
    tables) → the file, environment variable or flag (set by `load_settings`)."""

    def source_of(self, field: str) -> str:
        """Where the value of `field` came from: a file, `FACTCHECK_CACHE_DIR`, a flag, or `default`."""
        return self.sources.get(field, "default")

    def shows(self, severity: Severity) -> bool:
        """Whether a finding of this severity is shown (at or above `min_severity`)."""
        return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[self.min_severity]

    def fails(self, severity: Severity) -> bool:
        """Whether a finding of this severity fails the gate (at or above `fail_on`)."""
        return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[self.fail_on]


# Keys of the top-level table, by Settings field; `[rules]` carries the rest.
_TOP_KEYS = (
    "format",
    "output",
    "fail_on",
    "min_severity",
    "exit_zero",
    "rules_dirs",
    "model",
    "jobs",
    "cache",
    "cache_dir",
    "baseline",
    "strict",
    "dateline",
    "engine",
    "scheduler",
)
_RULES_KEYS = {"select": "select", "ignore": "ignore", "severity": "severity", "settings": "rule_settings"}
_PATH_FIELDS = frozenset({"output", "cache_dir", "baseline"})
_SEVERITIES = ", ".join(SEVERITY_ORDER)


def _describe_allowed(field: str) -> str:
    """What a field accepts, in words a user can act on."""
    if field in ("severity",):
        return f"a table of rule code = severity, with severity one of: {_SEVERITIES}"
    if field == "rule_settings":
        return "a table of tables, one per rule code, e.g. [rules.settings.QT01]"
    if field in ("select", "ignore"):
        return "a list of rule names: codes (DT01), code prefixes (DT), kinds (date_conflict), dotted names (dates.conflict), groups (dates) or all"
    if field == "rules_dirs":
        return "a list of folder paths"
    annotation = Settings.model_fields[field].annotation
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is Literal:
        return "one of: " + ", ".join(typing.get_args(annotation))
    if annotation is bool:
        return "true or false"
    if field == "jobs":
        return "a whole number of at least 1"
    if Path in args:
        return "a path string"
    if dt.date in args:
        return "a date (YYYY-MM-DD)"
    if str in args:
        return "a string"
    return str(annotation)  # pragma: no cover - every field is covered above


_show = show_value


def _display(path: Path) -> str:
    """A path relative to the working folder when it lies below it, as linters print them."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _kebab(field: str) -> str:
    return field.replace("_", "-")


def _bad(where: str, label: str, value: Any, allowed: str) -> ConfigError:
    """The one-line message for a bad value: where, which key, what it was, what is allowed."""
    return ConfigError(bad_value_message(where, label, value, allowed))


def _unknown_key(file: str, prefix: str, key: str, allowed: Sequence[str]) -> ConfigError:
    message = unknown_key_message(file, _kebab(key), [_kebab(k) for k in allowed], prefix=prefix)
    # The key is shown as it was written.
    return ConfigError(message.replace(repr(prefix + _kebab(key)), repr(prefix + key), 1))


def _has_factcheck_table(pyproject: Path) -> bool:
    try:
        raw = pyproject.read_bytes()
    except OSError:
        return False
    # Cheap test first, so a broken pyproject.toml that is not ours does not stop the run.
    if b"tool.factcheck" not in raw and b"[tool]" not in raw:
        return False
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        if b"tool.factcheck" in raw:
            raise ConfigError(f"{_display(pyproject)}: malformed TOML ({e})") from e
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and isinstance(tool.get("factcheck"), dict)


def discover_config(start: Path) -> Path | None:
    """The nearest configuration file at or above `start`.

    In each folder from `start` up to the filesystem root, a `.factcheck.toml`
    wins over a `pyproject.toml`, which counts only if it has a `[tool.factcheck]`
    table. A file target starts the walk at its folder.

    Args:
        start: A target folder or file.

    Returns:
        The file's path, or `None` when no folder above `start` has one.

    Raises:
        ConfigError: A `pyproject.toml` that mentions `tool.factcheck` is not valid TOML.
    """
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        dotfile = candidate / CONFIG_FILENAME
        if dotfile.is_file():
            return dotfile
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_factcheck_table(pyproject):
            return pyproject
    return None


def _normalize_keys(table: Mapping[str, Any], allowed: Sequence[str], where: str, file: str) -> dict[str, Any]:
    """Map kebab-case and snake_case keys to field names, rejecting unknown and doubled keys."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        field = key.replace("-", "_")
        if field not in allowed:
            raise _unknown_key(file, where, key, allowed)
        if field in out:
            raise ConfigError(f"{file}: {where}{key} is set twice (as {_kebab(field)} and {field})")
        out[field] = value
    return out


def read_config_file(path: Path) -> dict[str, Any]:
    """Read a `.factcheck.toml` or `pyproject.toml` into raw `Settings` fields.

    Keys are mapped to field names and paths are resolved relative to the file's
    folder; values are validated by `load_settings`.

    Raises:
        ConfigError: The file cannot be read, is not TOML, or has an unknown key.
    """
    shown = _display(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as e:
        raise ConfigError(f"{shown}: configuration file not found") from e
    except OSError as e:
        raise ConfigError(f"{shown}: cannot read configuration file ({e.strerror or e})") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{shown}: malformed TOML ({e})") from e

    prefix = ""
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("factcheck") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ConfigError(f"{shown}: has no [tool.factcheck] table")
        data, prefix = table, "tool.factcheck."

    rules = data.pop("rules", {})
    # "rules" is listed so the message for an unknown key mentions the [rules] table.
    raw = _normalize_keys(data, (*_TOP_KEYS, "rules"), prefix, shown)
    if not isinstance(rules, dict):
        raise ConfigError(f"{shown}: {prefix}rules = {_show(rules)} is not allowed; expected a table ([rules])")
    for key, value in _normalize_keys(rules, tuple(_RULES_KEYS), f"{prefix}rules.", shown).items():
        raw[_RULES_KEYS[key]] = value

    _strict_types(raw, shown, prefix)
    base = path.resolve().parent
    for field in _PATH_FIELDS & raw.keys():
        if isinstance(raw[field], str):
            raw[field] = base / Path(raw[field]).expanduser()
    if isinstance(raw.get("rules_dirs"), list):
        raw["rules_dirs"] = [base / Path(d).expanduser() if isinstance(d, str) else d for d in raw["rules_dirs"]]
    return raw


def _field_label(field: str, source: str, prefix: str) -> str:
    if source == "flag":
        return f"--{_kebab(field)}"
    if field in ("select", "ignore"):
        return f"{prefix}rules.{field}"
    if field == "severity":
        return f"{prefix}rules.severity"
    if field == "rule_settings":
        return f"{prefix}rules.settings"
    return f"{prefix}{_kebab(field)}"


def _check_selectors(values: Any, label: str, where: str) -> Any:
    if not isinstance(values, (list, tuple)):
        return values  # pydantic reports the type
    out = []
    for value in values:
        if isinstance(value, str) and _LOOSE_CODE.match(value):
            value = value.upper()
        if not isinstance(value, str) or not (_CODE.match(value) or _NAME.match(value)):
            if label.startswith("--"):
                raise _bad(where, label, value, _describe_allowed("select"))
            raise ConfigError(
                f"{where}: {label} has {_show(value)}, which is not allowed; " f"expected {_describe_allowed('select')}"
            )
        out.append(value)
    return out


def _check_tables(field: str, value: Any, label: str, where: str) -> Any:
    if not isinstance(value, Mapping):
        raise _bad(where, label, value, _describe_allowed(field))
    out: dict[str, Any] = {}
    for code, entry in value.items():
        key = code.upper() if _LOOSE_CODE.match(code) else code
        if field == "severity" and entry not in SEVERITY_ORDER:
            raise _bad(where, f"{label}.{code}", entry, f"one of: {_SEVERITIES}")
        if field == "rule_settings" and not isinstance(entry, Mapping):
            raise _bad(where, f"{label}.{code}", entry, "a table of settings")
        out[key] = dict(entry) if isinstance(entry, Mapping) else entry
    return out


@functools.cache
def _adapter(field: str) -> TypeAdapter[Any]:
    return TypeAdapter(Settings.model_fields[field].rebuild_annotation())


def _validate(raw: Mapping[str, Any], *, source: str, where: str, prefix: str = "") -> dict[str, Any]:
    """Check each value against its field, one field at a time so a message names one key."""
    checked: dict[str, Any] = {}
    for field, value in raw.items():
        label = _field_label(field, source, prefix)
        if field in ("select", "ignore"):
            value = _check_selectors(value, label, where)
        elif field in ("severity", "rule_settings"):
            value = _check_tables(field, value, label, where)
        elif field == "dateline" and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                pass  # pydantic reports it below
        if field == "dateline" and isinstance(value, dt.datetime):
            value = value.date()
        try:
            value = _adapter(field).validate_python(value)
        except ValidationError as e:
            raise _bad(where, label, value, _describe_allowed(field)) from e
        checked[field] = value
    return checked


def _strict_types(raw: Mapping[str, Any], where: str, prefix: str) -> None:
    """Refuse what pydantic's lax mode would coerce from TOML: "yes" for a bool, 1.5 for jobs."""
    for field, value in raw.items():
        label = _field_label(field, "file", prefix)
        annotation = Settings.model_fields[field].annotation
        if annotation is bool and not isinstance(value, bool):
            raise _bad(where, label, value, "true or false")
        if field == "jobs" and (isinstance(value, bool) or not isinstance(value, int)):
            raise _bad(where, label, value, _describe_allowed(field))
        str_like = field in _PATH_FIELDS or field in (
            "model",
            "scheduler",
            "format",
            "fail_on",
            "min_severity",
            "engine",
        )
        if str_like and not isinstance(value, str):
            raise _bad(where, label, value, _describe_allowed(field))
        if field == "dateline" and not isinstance(value, (str, dt.date)):
            raise _bad(where, label, value, _describe_allowed(field))
        if field in ("rules_dirs", "select", "ignore") and not (
            isinstance(value, list) and all(isinstance(v, (str, Path)) for v in value)
        ):
            raise _bad(where, label, value, _describe_allowed(field))


def _config_start(targets: Sequence[Path]) -> Path:
    if not targets:
        return Path.cwd()
    resolved = [Path(t).resolve() for t in targets]
    if len(resolved) == 1:
        return resolved[0]
    return Path(os.path.commonpath([str(p) for p in resolved]))


def _is_unset(value: Any) -> bool:
    # Command-line parsers give an empty list for a repeatable option that was not used.
    return value is None or (isinstance(value, (list, tuple)) and not value)


def load_settings(
    targets: Sequence[Path],
    *,
    config_file: Path | None = None,
    env: Mapping[str, str] | None = None,
    cli_overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Merge defaults, one configuration file, the environment and flags into `Settings`.

    Args:
        targets: The folders or files to check; discovery walks up from their common folder
            (the working folder when there are none).
        config_file: The file given with `--config`; beats `FACTCHECK_CONFIG` and discovery.
        env: The environment (`os.environ` when `None`); `FACTCHECK_CONFIG` names a file,
            `FACTCHECK_CACHE_DIR` a cache folder.
        cli_overrides: Flag values keyed by `Settings` field name; `None` (and an empty list)
            means the flag was not given.

    Returns:
        The frozen settings, with `config_file` set to the file that was read.

    Raises:
        ConfigError: The file is missing, malformed, has an unknown key or a bad value,
            or a flag has a bad value. The message is one line naming the file and key.
    """
    env = os.environ if env is None else env
    overrides = {k: v for k, v in (cli_overrides or {}).items() if not _is_unset(v)}

    path: Path | None
    if config_file is not None:
        path = Path(config_file)
    elif env.get(CONFIG_ENV_VAR):
        path = Path(env[CONFIG_ENV_VAR]).expanduser()
    else:
        path = discover_config(_config_start(targets))
    if path is not None and not path.is_file():
        origin = "--config" if config_file is not None else CONFIG_ENV_VAR
        raise ConfigError(f"{origin}: configuration file not found: {path}")

    merged: dict[str, Any] = {}
    sources: dict[str, str] = {}
    if path is not None:
        shown = _display(path)
        prefix = "tool.factcheck." if path.name == "pyproject.toml" else ""
        raw = read_config_file(path)
        merged = _validate(raw, source="file", where=shown, prefix=prefix)
        merged["config_file"] = path.resolve()
        sources.update(_sources(merged, shown))
        sources["config_file"] = "--config" if config_file is not None else (
            CONFIG_ENV_VAR if env.get(CONFIG_ENV_VAR) else "found above the targets")

    if env.get(CACHE_DIR_ENV_VAR):
        merged["cache_dir"] = Path(env[CACHE_DIR_ENV_VAR]).expanduser()
        sources["cache_dir"] = CACHE_DIR_ENV_VAR

    for key in overrides:
        if key not in Settings.model_fields or key in ("config_file", "sources"):
            options = sorted(_kebab(f) for f in Settings.model_fields if f not in ("config_file", "sources"))
            raise ConfigError(f"unknown option {_kebab(key)!r}; expected one of: {', '.join(options)}")
    checked = _validate(overrides, source="flag", where="command line")
    for field, value in checked.items():
        if field in ("severity", "rule_settings"):
            merged[field] = {**merged.get(field, {}), **value}
        else:
            merged[field] = value
    sources.update(_sources(checked, None))
    merged["sources"] = sources

    try:
        return Settings(**merged)
    except ValidationError as e:  # pragma: no cover - each field was validated above
        raise ConfigError(f"invalid settings: {e.errors()[0]['msg']}") from e


def _sources(values: Mapping[str, Any], file: str | None) -> dict[str, str]:
    """`field` (and `field.KEY` for the rule tables) → the file, or the flag when `file` is None."""
    out: dict[str, str] = {}
    for field, value in values.items():
        if field == "config_file":
            continue
        origin = file if file is not None else _field_label(field, "flag", "")
        if field in ("severity", "rule_settings"):
            out.update({f"{field}.{key}": origin for key in value})
        else:
            out[field] = origin
    return out


def check_rule_names(settings: Settings) -> None:
    """Every rule name in `select`, `ignore` and the rule tables names a rule.

    Checked before any article is read, so that the message names the file (or the
    flag) the name came from rather than surfacing from deep in the comparison.

    Raises:
        ConfigError: e.g. `.factcheck.toml: rules.select: unknown rule 'DT99' (...)`.
    """
    from .detect.base import registry
    from .detect.names import UnknownRuleError, resolve_rules

    known = registry()
    pyproject = settings.config_file is not None and settings.config_file.name == "pyproject.toml"
    for field in ("select", "ignore", "severity", "rule_settings"):
        for name in getattr(settings, field):
            try:
                resolve_rules(name, known)
            except UnknownRuleError as e:
                key = f"{field}.{name}" if field in ("severity", "rule_settings") else field
                origin = settings.source_of(key)
                if origin.startswith("--"):
                    raise ConfigError(f"{origin}: {e}") from e
                label = _field_label(field, "file", "tool.factcheck." if pyproject else "")
                raise ConfigError(f"{origin}: {label}: {e}") from e


def resolved_values(settings: Settings) -> list[tuple[str, Any, str]]:
    """Every setting as it would be written in `.factcheck.toml`, its value, and where it came from.

    Keys are kebab-case as in the file; the rule tables give one row per rule
    (`rules.severity.DT01`). Paths are shown as strings.
    """

    def shown(value: Any) -> Any:
        if isinstance(value, Path):
            return str(value)
        if isinstance(value, (list, tuple)):
            return [shown(v) for v in value]
        return value

    rows: list[tuple[str, Any, str]] = []
    for field in _TOP_KEYS:
        rows.append((_kebab(field), shown(getattr(settings, field)), settings.source_of(field)))
    for field in ("select", "ignore"):
        rows.append((f"rules.{field}", list(getattr(settings, field)), settings.source_of(field)))
    for code, severity in settings.severity.items():
        rows.append((f"rules.severity.{code}", severity, settings.source_of(f"severity.{code}")))
    for code, values in settings.rule_settings.items():
        source = settings.source_of(f"rule_settings.{code}")
        rows += [(f"rules.settings.{code}.{key}", shown(value), source) for key, value in values.items()]
    return rows
