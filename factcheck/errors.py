"""One error type for everything a user can get wrong, and the exit codes."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Iterable
from typing import Any

__all__ = [
    "EXIT_OK",
    "EXIT_FINDINGS",
    "EXIT_USAGE",
    "FactcheckError",
    "InputError",
    "RulePackError",
    "ConfigError",
    "ModelError",
    "show_value",
    "bad_value_message",
    "unknown_key_message",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class FactcheckError(ValueError):
    """A user-facing error; its message is one line: what, where, what is allowed."""


class InputError(FactcheckError):
    """An article could not be read (binary, empty, undecodable, malformed)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class RulePackError(FactcheckError):
    """A rule pack is malformed."""


class ConfigError(FactcheckError):
    """A configuration file or option is wrong."""


class ModelError(FactcheckError):
    """The spaCy model cannot be loaded."""


# One way to word what is wrong in a file or an option, shared by the configuration and
# the rule packs: where, which key, what it was, and what is allowed.


def show_value(value: Any) -> str:
    """A value as it would be written in TOML, for messages."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):  # pragma: no cover - json with default=str does not fail
        return repr(value)


def bad_value_message(where: str, label: str, value: Any, allowed: str) -> str:
    """`where: label = value is not allowed; expected allowed` (a flag: `--label value ...`)."""
    if label.startswith("--"):
        return f"{label} {show_value(value)} is not allowed; expected {allowed}"
    return f"{where}: {label} = {show_value(value)} is not allowed; expected {allowed}"


def unknown_key_message(where: str, key: str, allowed: Iterable[str], *, prefix: str = "") -> str:
    """`where: unknown key 'prefix.key' (did you mean ...?); expected one of: ...`."""
    choices = sorted(allowed)
    close = difflib.get_close_matches(key, choices, n=1)
    hint = f" (did you mean {prefix + close[0]!r}?)" if close else ""
    listed = ", ".join(choices) if choices else "(none)"
    return f"{where}: unknown key {prefix + key!r}{hint}; expected one of: {listed}"
