"""Baselines: findings a project has accepted, hidden from later runs.

As with ESLint's bulk suppressions and detect-secrets' baseline, a team adopting
factcheck on an existing archive records today's findings once
(`--update-baseline`), and from then on the gate fails only on new ones.

The file is JSON, written deterministically (entries sorted, keys sorted, two-space
indent, final newline) so it diffs cleanly in review::

    {
      "findings": [
        {
          "fingerprint": "3f9c0a61d2b47e8a5c10",
          "message": "The vote is dated Monday 4 March in one report and Tuesday 5 March in another",
          "paths": ["articles/a.md", "articles/b.md"],
          "rule": "DT01"
        }
      ],
      "schema_version": "1"
    }

An entry matches a finding with the same rule and fingerprint. The fingerprint
hashes the normalized claims, not paths or lines (see `factcheck.fingerprint`), so
an entry keeps matching when text is added elsewhere in the articles; `message`
and `paths` are there for the people reading the file and are not compared.
Matching counts: an entry hides one finding, so a second, identical finding is
new. Entries that match no current finding are stale: the claims were fixed or
edited, and the entry can go (the next `--update-baseline` drops it).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import ConfigError
from .fingerprint import fingerprint_of
from .models import Finding

__all__ = [
    "BASELINE_SCHEMA_VERSION",
    "BaselineEntry",
    "Baseline",
    "baseline_from_findings",
    "load_baseline",
    "apply_baseline",
    "write_baseline",
]

BASELINE_SCHEMA_VERSION = "1"


class BaselineEntry(BaseModel):
    """One accepted finding."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    fingerprint: str
    message: str = ""
    paths: tuple[str, ...] = ()

    def describe(self) -> str:
        """One line for reports of stale entries: rule, fingerprint, paths and message."""
        where = f" in {', '.join(self.paths)}" if self.paths else ""
        what = f": {self.message}" if self.message else ""
        return f"{self.rule} {self.fingerprint}{where}{what}"


class Baseline(BaseModel):
    """The content of a baseline file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal["1"] = BASELINE_SCHEMA_VERSION
    findings: tuple[BaselineEntry, ...] = ()


def _entry(finding: Finding) -> BaselineEntry:
    return BaselineEntry(
        rule=finding.rule,
        fingerprint=fingerprint_of(finding),
        message=" ".join(finding.message.split()),
        paths=tuple(sorted({Path(ev.path).as_posix() for ev in finding.evidence})),
    )


def baseline_from_findings(findings: Iterable[Finding]) -> Baseline:
    """The baseline that accepts exactly these findings, entries in a stable order."""
    entries = sorted((_entry(f) for f in findings), key=lambda e: (e.rule, e.fingerprint, e.paths, e.message))
    return Baseline(findings=tuple(entries))


def load_baseline(path: Path, *, missing_ok: bool = False) -> Baseline:
    """Read a baseline file.

    Args:
        path: The file given with `--baseline`.
        missing_ok: Give an empty baseline when the file does not exist; set it
            when updating the baseline, where the file is about to be written.

    Returns:
        The baseline.

    Raises:
        ConfigError: The file is missing (unless `missing_ok`), unreadable, not JSON,
            or not a baseline. The message is one line naming the file.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as e:
        if missing_ok:
            return Baseline()
        raise ConfigError(f"{path}: baseline file not found; create it with --update-baseline") from e
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise ConfigError(f"{path}: cannot read baseline file ({reason})") from e
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ConfigError(f"{path}: baseline is not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from e
    try:
        return Baseline.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        if first["type"] == "extra_forbidden":
            problem = f"unknown key {key!r}"
        elif first["type"] == "literal_error" and first["loc"] == ("schema_version",):
            problem = f"schema_version {first['input']!r} is not supported; expected {BASELINE_SCHEMA_VERSION!r}"
        else:
            problem = f"{key}: {first['msg']}"
        raise ConfigError(
            f"{path}: not a factcheck baseline ({problem}); expected "
            '{"schema_version": "1", "findings": [{"rule", "fingerprint", "message", "paths"}]}'
        ) from e


def apply_baseline(findings: Sequence[Finding], baseline: Baseline) -> tuple[list[Finding], int, list[BaselineEntry]]:
    """Hide the findings a baseline accepts.

    Args:
        findings: This run's findings, in report order.
        baseline: The accepted findings.

    Returns:
        `(kept, hidden_count, stale_entries)`: the findings not in the baseline, in
        their original order; how many were hidden; and the baseline entries that
        matched no finding, in file order.
    """
    remaining = Counter((entry.rule, entry.fingerprint) for entry in baseline.findings)
    kept: list[Finding] = []
    hidden = 0
    for finding in findings:
        key = (finding.rule, fingerprint_of(finding))
        if remaining[key] > 0:
            remaining[key] -= 1
            hidden += 1
        else:
            kept.append(finding)
    stale: list[BaselineEntry] = []
    for entry in baseline.findings:
        key = (entry.rule, entry.fingerprint)
        if remaining[key] > 0:
            remaining[key] -= 1
            stale.append(entry)
    return kept, hidden, stale


def write_baseline(path: Path, findings: Iterable[Finding]) -> Baseline:
    """Write the baseline accepting `findings`, replacing the file atomically.

    The output depends only on the findings' rules, fingerprints, messages and
    paths, never on their order, so rewriting an unchanged baseline changes nothing.

    Returns:
        The baseline written.

    Raises:
        ConfigError: The file cannot be written.
    """
    baseline = baseline_from_findings(findings)
    text = json.dumps(baseline.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so an interrupted run never leaves half a baseline.
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.chmod(tmp, 0o644)  # mkstemp makes it private; a baseline is shared, committed data
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise ConfigError(f"{path}: cannot write baseline file ({e.strerror or e})") from e
    return baseline
