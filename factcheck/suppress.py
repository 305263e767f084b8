"""Inline suppressions: findings an article's own comments switch off.

Articles switch rules off with HTML comments, the markdownlint and Vale habit::

    <!-- factcheck-disable DT01 -->              the whole file, for DT01
    <!-- factcheck-disable date_conflict -->     the whole file, for a kind of finding
    <!-- factcheck-disable -->                   the whole file, every rule ("all")
    <!-- factcheck-disable-next-line QT01 -->    only the line after the comment

Ingest turns each comment into a `(rule, line)` pair on `Article.suppressions`:
`line` is `None` for a file-wide comment, and for `disable-next-line` it is the
1-based line the comment precedes. This module only applies them.

Semantics:

- A selector is a rule name of any form `--select` takes (`detect.names`): a code
  (`DT01`), a code prefix (`DT`), a kind (`date_conflict`), a dotted name
  (`dates.conflict`), a group (`dates`) or `all`; case does not matter. A selector
  that names no rule switches nothing off.
- A line suppression matches evidence whose sentence covers that line
  (`evidence.line <= line <= evidence.end_line`), so a comment above any line of
  a wrapped sentence works.
- A finding is suppressed when any one of its documents suppresses it. A
  finding is a clash between two (or more) articles; the editor of either side
  can decide that the clash is not worth reporting (a quoted earlier error, a
  correction notice), and reporting it against the other article only would
  leave that decision half-applied.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath

from .detect.base import Detector, registry
from .detect.names import UnknownRuleError, resolve_rules
from .models import Article, DocumentClaims, Evidence, Finding

__all__ = ["ALL", "Suppressions", "suppression_matches", "is_suppressed", "apply_suppressions", "suppressions_by_path"]

ALL = "all"
"""The selector of a bare `<!-- factcheck-disable -->`: every rule."""


Known = Mapping[str, type[Detector]]


@functools.lru_cache(maxsize=256)
def _codes(selector: str, known: tuple[tuple[str, type[Detector]], ...]) -> frozenset[str]:
    try:
        return resolve_rules(selector, dict(known))
    except UnknownRuleError:
        return frozenset()


def suppression_matches(
    finding: Finding, evidence: Evidence, suppression: tuple[str, int | None], known: Known | None = None
) -> bool:
    """Whether one suppression of `evidence`'s document switches `finding` off.

    `known` is the rule registry the names resolve against (every registered rule by default).
    """
    selector, line = suppression
    if finding.rule not in _codes(selector, tuple((known if known is not None else registry()).items())):
        return False
    if line is None:
        return True
    return evidence.line <= line <= max(evidence.line, evidence.end_line)


Suppressions = Mapping[str, Sequence[tuple[str, int | None]]]
"""Path → `(selector, line)` pairs; `line` is `None` for the whole file."""


def _normalize_path(path: str) -> str:
    # "./a.md" and "a.md" name the same document, as do "articles\\a.md" (a Windows
    # checkout) and "articles/a.md".
    return PurePosixPath(path.replace("\\", "/")).as_posix()


def _index(suppressions: Suppressions) -> dict[str, list[tuple[str, int | None]]]:
    index: dict[str, list[tuple[str, int | None]]] = {}
    for path, entries in suppressions.items():
        index.setdefault(_normalize_path(path), []).extend(entries)
    return index


def _suppressed(finding: Finding, index: Mapping[str, Sequence[tuple[str, int | None]]], known: Known) -> bool:
    return any(
        suppression_matches(finding, evidence, suppression, known)
        for evidence in finding.evidence
        for suppression in index.get(_normalize_path(evidence.path), ())
    )


def is_suppressed(finding: Finding, suppressions: Suppressions, known: Known | None = None) -> bool:
    """Whether any document of `finding` suppresses it (see the module docstring)."""
    return _suppressed(finding, _index(suppressions), known if known is not None else registry())


def apply_suppressions(
    findings: Sequence[Finding],
    suppressions_by_path: Suppressions,
    known: Known | None = None,
) -> tuple[list[Finding], int]:
    """Drop the findings that an article's inline comments switch off.

    Args:
        findings: This run's findings.
        suppressions_by_path: Evidence path → that document's `(selector, line)` pairs,
            as ingest stores them (`line` is `None` for the whole file).
        known: The rules the selectors name (every registered rule by default).

    Returns:
        `(kept, suppressed_count)`: the remaining findings in their original order,
        and how many were dropped.
    """
    index = _index(suppressions_by_path)
    rules = known if known is not None else registry()
    kept = [finding for finding in findings if not _suppressed(finding, index, rules)]
    return kept, len(findings) - len(kept)


def suppressions_by_path(
    documents: Iterable[Article | DocumentClaims],
) -> dict[str, tuple[tuple[str, int | None], ...]]:
    """Path → suppressions of the documents that have any, ready for `apply_suppressions`."""
    return {doc.path: tuple(doc.suppressions) for doc in documents if doc.suppressions}
