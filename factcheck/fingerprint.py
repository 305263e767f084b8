"""Content fingerprints for findings and claims, stable across unrelated edits.

A fingerprint hashes what a finding is about (the rule and the normalized claim
texts or values) and never where it is (paths, lines, offsets). Baselines key on
it, and SARIF's `partialFingerprints` carry it, so a finding accepted once stays
accepted when a paragraph is added above it, when the article file is renamed,
or when the two articles swap order.

What goes into a fingerprint:

- the rule code, as given (`"DT01"`);
- each normalized part: whitespace runs collapsed to one space, stripped and
  lower-cased. Parts are sorted, so the order of the documents does not matter.
  Good parts are a claim's sentence text and its normalized value (`"2024-03-04"`,
  `"40 count"`); bad parts are anything positional (paths, line numbers, offsets)
  or volatile (publication times, tool versions).

The digest is SHA-256 over the rule followed by each part prefixed with a NUL
byte (so `["ab", "c"]` and `["a", "bc"]` differ), truncated to 20 hex digits:
80 bits, plenty to keep a project's accepted findings apart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from .models import Evidence, Finding

__all__ = [
    "FINGERPRINT_LENGTH",
    "normalize_part",
    "finding_fingerprint",
    "claim_fingerprint",
    "evidence_parts",
    "fingerprint_of",
]

FINGERPRINT_LENGTH = 20


def normalize_part(text: str) -> str:
    """Collapse whitespace runs to one space, strip, and lower-case.

    Args:
        text: A claim's text or normalized value.

    Returns:
        The normalized text; re-wrapping a sentence or changing its case leaves it unchanged.
    """
    return " ".join(text.lower().split())


def _digest(head: str, parts: Iterable[str]) -> str:
    digest = hashlib.sha256(head.encode("utf-8"))
    for part in sorted(normalize_part(p) for p in parts):
        # The NUL separator keeps ["ab", "c"] and ["a", "bc"] apart.
        digest.update(b"\x00" + part.encode("utf-8"))
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def finding_fingerprint(rule: str, normalized_parts: Sequence[str]) -> str:
    """The fingerprint of a finding: its rule and its sorted, normalized claim parts.

    Args:
        rule: The rule code that fired, e.g. `"DT01"`.
        normalized_parts: Claim sentence texts and normalized values of every document
            involved, without paths, lines or offsets. They are normalized again here
            (whitespace collapsed, lower-cased) and sorted, so callers may pass raw text
            in any order.

    Returns:
        20 lowercase hex digits.

    Example:
        >>> finding_fingerprint("DT01", ["The vote is on  Monday.", "2024-03-04"]) == \\
        ...     finding_fingerprint("DT01", ["2024-03-04", "the vote is on Monday."])
        True
    """
    return _digest(rule, normalized_parts)


def claim_fingerprint(text: str, value: str | None = None) -> str:
    """The fingerprint of one claim: its normalized text and, when given, its normalized value.

    Args:
        text: The claim's text (or sentence).
        value: The normalized value the claim asserts (a date, a number with its unit).

    Returns:
        20 lowercase hex digits; equal for claims that differ only in whitespace or case.
    """
    # "claim" as the head keeps claim and finding fingerprints from ever coinciding.
    return _digest("claim", [text] if value is None else [text, f"value={value}"])


def evidence_parts(evidence: Iterable[Evidence]) -> list[str]:
    """The fingerprint parts of a finding's evidence: each sentence text and value, never its place."""
    parts: list[str] = []
    for item in evidence:
        parts.append(item.text)
        if item.value:
            parts.append(item.value)
    return parts


def fingerprint_of(finding: Finding) -> str:
    """The finding's stored fingerprint, or one computed from its evidence when it has none."""
    if finding.fingerprint:
        return finding.fingerprint
    return finding_fingerprint(finding.rule, evidence_parts(finding.evidence))
