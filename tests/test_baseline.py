"""Tests for baseline files: round trip, stale entries, line shifts and malformed files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factories import evidence as make_evidence

from factcheck.baseline import Baseline, BaselineEntry, apply_baseline, load_baseline, write_baseline
from factcheck.errors import ConfigError
from factcheck.fingerprint import evidence_parts, finding_fingerprint
from factcheck.models import Finding




def _finding(rule: str, texts: tuple[str, str], values: tuple[str, str], *, shift: int = 0) -> Finding:
    """A two-article finding; `shift` moves both sentences down, as an edit above them would."""
    evidence = (
        make_evidence("articles/a.md", 3 + shift, texts[0], values[0], start=100 + 40 * shift),
        make_evidence("articles/b.md", 7 + shift, texts[1], values[1], start=250 + 40 * shift),
    )
    return Finding(
        kind="date_conflict" if rule.startswith("DT") else "quantity_conflict",
        rule=rule,
        name="dates.event_date" if rule.startswith("DT") else "numbers.count",
        severity="high",
        message=f"{rule}: {values[0]} against {values[1]}",
        evidence=evidence,
        # As detectors compute it: the rule and the normalized claims, never positions.
        fingerprint=finding_fingerprint(rule, evidence_parts(evidence)),
    )


VOTE = _finding("DT01", ("The vote is on Monday.", "The vote is on Tuesday."), ("2024-03-04", "2024-03-05"))
DEAD = _finding("QT01", ("At least 40 people died.", "Thirty-eight people were killed."), ("40+", "38"))
FIRE = _finding("QT01", ("The fire burned 200 acres.", "The fire burned 150 acres."), ("200", "150"))


def test_baseline_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    written = write_baseline(path, [VOTE, DEAD])
    loaded = load_baseline(path)
    assert loaded == written
    assert loaded.schema_version == "1"
    assert {(e.rule, e.fingerprint) for e in loaded.findings} == {
        ("DT01", VOTE.fingerprint),
        ("QT01", DEAD.fingerprint),
    }
    entry = next(e for e in loaded.findings if e.rule == "DT01")
    assert entry.paths == ("articles/a.md", "articles/b.md")
    assert entry.message == VOTE.message


def test_baseline_file_layout(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, [VOTE])
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    data = json.loads(text)
    assert list(data) == ["findings", "schema_version"]
    assert data["schema_version"] == "1"
    assert data["findings"] == [
        {
            "fingerprint": VOTE.fingerprint,
            "message": VOTE.message,
            "paths": ["articles/a.md", "articles/b.md"],
            "rule": "DT01",
        }
    ]


def test_baseline_write_is_deterministic(tmp_path: Path) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    write_baseline(one, [VOTE, DEAD, FIRE])
    write_baseline(two, [FIRE, VOTE, DEAD])
    assert one.read_bytes() == two.read_bytes()
    rules = [e["rule"] for e in json.loads(one.read_text())["findings"]]
    assert rules == sorted(rules)


def test_baseline_hides_accepted_findings_after_line_shifts(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, [VOTE, DEAD])
    # A paragraph was added above both sentences in both articles.
    shifted_vote = _finding(
        "DT01", ("The vote is on Monday.", "The vote is on Tuesday."), ("2024-03-04", "2024-03-05"), shift=5
    )
    shifted_dead = _finding(
        "QT01", ("At least 40 people died.", "Thirty-eight people were killed."), ("40+", "38"), shift=2
    )
    assert shifted_vote.evidence[0].line != VOTE.evidence[0].line
    kept, hidden, stale = apply_baseline([shifted_vote, FIRE, shifted_dead], load_baseline(path))
    assert kept == [FIRE]
    assert hidden == 2
    assert stale == []


def test_baseline_reports_stale_entries(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, [VOTE, DEAD])
    # The vote article was corrected: its finding is gone, a different one appeared.
    edited = _finding("DT01", ("The vote is on Wednesday.", "The vote is on Tuesday."), ("2024-03-06", "2024-03-05"))
    kept, hidden, stale = apply_baseline([DEAD, edited], load_baseline(path))
    assert kept == [edited]
    assert hidden == 1
    assert [(e.rule, e.fingerprint) for e in stale] == [("DT01", VOTE.fingerprint)]
    assert stale[0].describe().startswith(f"DT01 {VOTE.fingerprint} in articles/a.md, articles/b.md")


def test_baseline_same_fingerprint_other_rule_is_not_hidden() -> None:
    baseline = Baseline(findings=(BaselineEntry(rule="QT01", fingerprint=VOTE.fingerprint),))
    kept, hidden, stale = apply_baseline([VOTE], baseline)
    assert (kept, hidden, len(stale)) == ([VOTE], 0, 1)


def test_baseline_entry_hides_one_finding_each() -> None:
    baseline = Baseline(findings=(BaselineEntry(rule="DT01", fingerprint=VOTE.fingerprint),))
    kept, hidden, stale = apply_baseline([VOTE, VOTE], baseline)
    assert (kept, hidden, stale) == ([VOTE], 1, [])


def test_baseline_empty_hides_nothing() -> None:
    kept, hidden, stale = apply_baseline([VOTE, DEAD], Baseline())
    assert (kept, hidden, stale) == ([VOTE, DEAD], 0, [])


def test_baseline_finding_without_fingerprint_gets_one(tmp_path: Path) -> None:
    bare = VOTE.model_copy(update={"fingerprint": ""})
    path = tmp_path / "b.json"
    write_baseline(path, [bare])
    assert load_baseline(path).findings[0].fingerprint == VOTE.fingerprint
    assert apply_baseline([bare], load_baseline(path))[1] == 1


def test_baseline_update_round_trip_drops_stale(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    write_baseline(path, [VOTE, DEAD])
    write_baseline(path, [DEAD])
    assert [e.rule for e in load_baseline(path).findings] == ["QT01"]


def test_baseline_missing_file(tmp_path: Path) -> None:
    assert load_baseline(tmp_path / "none.json", missing_ok=True) == Baseline()
    with pytest.raises(ConfigError, match=r"none\.json: baseline file not found; create it with --update-baseline"):
        load_baseline(tmp_path / "none.json")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{not json",
            "baseline is not valid JSON (Expecting property name enclosed in double quotes at line 1, column 2)",
        ),
        ("[]", "not a factcheck baseline ((top level): Input should be a valid dictionary"),
        (
            '{"schema_version": "2", "findings": []}',
            "not a factcheck baseline (schema_version '2' is not supported; expected '1')",
        ),
        (
            '{"schema_version": "1", "findings": [{"rule": "DT01"}]}',
            "not a factcheck baseline (findings.0.fingerprint: Field required)",
        ),
        ('{"schema_version": "1", "findings": [], "extra": 1}', "not a factcheck baseline (unknown key 'extra')"),
        (
            '{"schema_version": "1", "findings": [{"rule": "DT01", "fingerprint": "x", "line": 3}]}',
            "unknown key 'findings.0.line'",
        ),
    ],
)
def test_baseline_malformed_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_baseline(path)
    text = str(info.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "\n" not in text


def test_baseline_write_to_unwritable_place(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="cannot write baseline file"):
        write_baseline(blocker / "baseline.json", [VOTE])
