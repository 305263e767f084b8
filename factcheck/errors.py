"""One error type for everything a user can get wrong, and the exit codes."""

from __future__ import annotations

__all__ = [
    "EXIT_OK",
    "EXIT_FINDINGS",
    "EXIT_USAGE",
    "FactcheckError",
    "InputError",
    "RulePackError",
    "ConfigError",
    "ModelError",
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
