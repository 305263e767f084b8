"""One vocabulary for naming rules, the same wherever a user names one.

`--select`/`--ignore`, `[rules] select/ignore`, `[rules.severity]`, `[rules.settings]`
and inline `<!-- factcheck-disable ... -->` comments all resolve their names here, so
a name that works in one place works in all of them (sqlfluff keeps one reference map
for `--rules` and `noqa` for the same reason). A name is, case aside:

- a rule code: `DT01`;
- a code prefix: `DT` (every `DT..` rule), `DT0`;
- a finding kind: `date_conflict`;
- a dotted rule name: `dates.conflict`;
- a group: `dates`;
- `all`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Protocol

from ..errors import ConfigError

__all__ = ["RuleLike", "ACCEPTED", "reference_map", "resolve_rules", "resolve_each", "UnknownRuleError"]

ACCEPTED = "a code (DT01), a code prefix (DT), a kind (date_conflict), a dotted name (dates.conflict), a group (dates) or all"
"""What a rule name may be, in the words error messages use."""

_PREFIX = re.compile(r"^[a-z]{2}[0-9]{0,2}$")


class RuleLike(Protocol):
    code: str
    name: str
    kind: str
    groups: tuple[str, ...]


class UnknownRuleError(ConfigError):
    """A rule name that names no rule."""


def reference_map(known: Mapping[str, type[RuleLike]]) -> dict[str, frozenset[str]]:
    """Every accepted name, lower-cased, → the codes it stands for (codes and prefixes aside)."""
    names: dict[str, set[str]] = {"all": set(known)}
    for code, rule in known.items():
        for name in (code, rule.name, rule.kind, *rule.groups):
            names.setdefault(name.lower(), set()).add(code)
    return {name: frozenset(codes) for name, codes in names.items()}


def _codes_of(name: str, names: Mapping[str, frozenset[str]], known: Mapping[str, type[RuleLike]]) -> frozenset[str]:
    key = name.strip().lower()
    if key in names:
        return names[key]
    if _PREFIX.match(key):
        return frozenset(code for code in known if code.lower().startswith(key))
    return frozenset()


def resolve_rules(name: str, known: Mapping[str, type[RuleLike]]) -> frozenset[str]:
    """The codes of the rules `name` stands for.

    Raises:
        UnknownRuleError: `name` names no rule; the message suggests the nearest name.
    """
    names = reference_map(known)
    codes = _codes_of(name, names, known)
    if codes:
        return codes
    close = difflib.get_close_matches(name.strip().lower(), sorted(names), n=1, cutoff=0.6)
    hint = f" (did you mean {_shown(close[0], known)!r}?)" if close else ""
    raise UnknownRuleError(f"unknown rule {name!r}{hint}; expected {ACCEPTED}")


def resolve_each(names: Iterable[str], known: Mapping[str, type[RuleLike]]) -> list[tuple[str, frozenset[str]]]:
    """Each name with its codes, broadest first, so that a setting for `DT01` beats one for `dates`."""
    resolved = [(name, resolve_rules(name, known)) for name in names]
    return sorted(resolved, key=lambda item: -len(item[1]))


def _shown(name: str, known: Mapping[str, type[RuleLike]]) -> str:
    # Codes are written in capitals everywhere else; show them that way.
    return name.upper() if name.upper() in known else name
