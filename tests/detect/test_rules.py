"""Every detector against its data cases in tests/fixtures/rules/<CODE>.yaml (sqlfluff's std_rule_cases).

A case lists its articles and the findings it expects; `settings` (rule name → settings,
as in `[rules.settings]`) tunes the rules for that case. A finding of the case's own
rule, or of any rule at medium severity or above, that the case does not expect fails it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from factcheck.comparison import compare_documents, load_detectors
from factcheck.extract.claims import extract_document
from factcheck.ingest.offsets import identity_map
from factcheck.models import SEVERITY_ORDER, Article

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "rules"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}")


def run_case(nlp, articles: list[dict], settings: dict | None = None) -> list:
    docs = []
    for i, spec in enumerate(articles):
        text = spec["text"]
        dateline = spec.get("dateline")
        article = Article(
            path=f"article-{i + 1}.txt",
            text=text,
            original=text,
            offset_map=identity_map(text),
            published=dateline if isinstance(dateline, dt.date) else None,
        )
        docs.append(extract_document(article, nlp(text)))
    return list(compare_documents(docs, load_detectors(settings=settings or {})).findings)


@pytest.mark.parametrize(("rule", "case"), list(_cases()))
def test_detect_rule_cases(nlp, rule: str, case: dict) -> None:
    findings = run_case(nlp, case["articles"], case.get("settings"))
    expected = case["expect"]
    for want in expected:
        matching = [f for f in findings if f.rule == want["rule"]]
        assert matching, f"expected {want['rule']}, got {[(f.rule, f.message) for f in findings]}"
        finding = matching[0]
        if "severity" in want:
            assert finding.severity == want["severity"], finding.message
        if "values" in want:
            assert sorted(ev.value for ev in finding.evidence) == sorted(want["values"]), finding.message
        if "message_contains" in want:
            assert want["message_contains"] in finding.message
    wanted = {want["rule"] for want in expected}
    unexpected = [
        f
        for f in findings
        if f.rule not in wanted and (f.rule == rule or SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER["medium"])
    ]
    assert not unexpected, [(f.rule, f.message) for f in unexpected]


def test_detect_every_rule_has_cases_that_fire_and_cases_that_do_not() -> None:
    from factcheck.detect.base import registry

    for code in registry():
        path = CASES_DIR / f"{code}.yaml"
        assert path.is_file(), f"no cases for {code}"
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert any(c["expect"] for c in cases), f"{code} has no case that fires"
        assert any(not c["expect"] for c in cases), f"{code} has no case that must stay silent"
