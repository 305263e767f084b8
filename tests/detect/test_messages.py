"""Every rule's message, values and sources read as a reader writes them.

Findings come from every data case that fires (tests/fixtures/rules), from the sample
corpus, and from the short invented article pairs below, which carry the values news gives
(hours, ranges, money, counts of men and others, bounds, quotes, settings). No internal
unit, range notation, speaker type or reporting-verb lemma may reach a reader.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from test_rules import CASES_DIR, run_case

from factcheck.detect.base import DocMeta, evidence_for, registry
from factcheck.models import Claim, EventRef, Finding
from factcheck.report import split_span

def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# Invented article pairs with realistic values; each makes at least one rule fire.
_PAIRS: list[list[dict]] = [
    [
        {
            "dateline": _d("2026-04-08"),
            "text": "Hosts who register have 60 to 90 days to file their paperwork after the ordinance takes effect, "
            "council staff said. The city counts about 1,200 short-term rental units, housing director Alan Pryce said.",
        },
        {
            "dateline": _d("2026-04-21"),
            "text": "Hosts must register within 30 days after the ordinance takes effect, council staff said. "
            "The number of short-term rental units in the city has risen to 1,450, housing director Alan Pryce said.",
        },
    ],
    [
        {
            "dateline": _d("2026-03-08"),
            "text": "Three men were shot and four others were injured in a shooting on Ostler Avenue on Saturday, "
            "police said. The standoff lasted four hours before officers entered the house, police said.",
        },
        {
            "dateline": _d("2026-03-09"),
            "text": "Two men were shot and four others were injured in a shooting on Ostler Avenue on Saturday, "
            "police said. The three-hour standoff ended when officers entered the house, police said.",
        },
    ],
    [
        {
            "dateline": _d("2026-05-16"),
            "text": "Labs that join the Redwood program share their models with testers between 14 and 90 days "
            "before a public launch, one of the officials said. Hosts who break the Redwood rules face fines "
            "of $250 a day.",
        },
        {
            "dateline": _d("2026-05-22"),
            "text": "Labs that join the Redwood program share their models with testers before a public launch, "
            "one of the officials said. Hosts who break the Redwood rules face fines.",
        },
    ],
    [
        {
            "dateline": _d("2026-05-16"),
            "text": "National Cyber Director Elena Marsh said in an interview that the Center for Model Assurance "
            "would run the tests for the Redwood order.",
        },
        {
            "dateline": _d("2026-05-22"),
            "text": "National Cyber Director Elena Marsh said after the session that the Center for Model "
            "Assurance would run the tests for the Redwood order.",
        },
    ],
    [
        {
            "dateline": _d("2026-06-02"),
            "text": "A man was killed and two people were hurt in a shooting on Elm Street in Marrowgate, police said.",
        },
        {
            "dateline": _d("2026-06-09"),
            "text": "A man was killed on June 6 in a shooting on Elm Street in Marrowgate, police said.",
        },
    ],
    [
        {
            "dateline": _d("2026-04-08"),
            "text": '"We are not banning anyone. We are asking hosts to play by the same rules as every hotel in '
            'town," said Council Member Rosa Delgado, who sponsored the Eastgate ordinance.',
        },
        {
            "dateline": _d("2026-04-09"),
            "text": '"We are asking hosts to play by the same rules as every hotel in this town," Mayor Theo '
            "Brandt said after the vote on the Eastgate ordinance.",
        },
    ],
]

# What must never reach a reader. Quoted article words are removed before these are checked.
_FORBIDDEN = {
    "internal unit after a number": re.compile(
        r"\b(?!1\b)\d[\d,]*(?:\.\d+)?\s+(?:number|count|unit|other|man|woman|child|person|injure|kill|wound|day|hour|week|month|year)\b"
    ),
    "fraction of a day": re.compile(r"\b0\.\d+\s+days?\b"),
    "range written with ..": re.compile(r"\d\s*\.\.\s*\d"),
    "approximation or bound sign": re.compile(r"[~≥≤]"),
    "a before a vowel": re.compile(r"\ba (?:interview|event|appearance|address|email|update|hour|official)\b"),
    "speaker type": re.compile(r"\((?:person|organization|anonymous|outlet|article)\)"),
    "reporting-verb lemma": re.compile(r"(?:^|, )(?:say|tell|deny|state|according to)(?:,|$)"),
    "bare currency code": re.compile(r"\b\d[\d,.]*\s+(?:USD|EUR|GBP)\b"),
    "dangling reference": re.compile(r"\bafter that\b"),
    "comma before a closing quote mark": re.compile(r",[”\"]"),
}


def _readable(text: str) -> str:
    """The words factcheck writes: article quotes (in marks) are the article's own."""
    return re.sub(r"“[^”]*”|\"[^\"]*\"", "“…”", text)


def _problems(finding: Finding) -> list[str]:
    problems = []
    texts = [finding.message] + [t for ev in finding.evidence for t in (ev.value or "", ev.attribution or "")]
    for text in texts:
        shown = text if text.startswith("“") else _readable(text)
        for name, pattern in _FORBIDDEN.items():
            if pattern.search(shown):
                problems.append(f"{finding.rule}: {name}: {text!r}")
    for ev in finding.evidence:
        before, span, after = split_span(ev)
        if ev.span and not span:
            problems.append(f"{finding.rule}: span {ev.span!r} not shown in {ev.text!r}")
        if span.startswith(("\"", "“")) or span.rstrip().endswith((",", " and", " but")):
            problems.append(f"{finding.rule}: span covers the wrong words: {span!r}")
    return problems


def _firing_cases():
    for path in sorted(Path(CASES_DIR).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            if case["expect"]:
                yield case


@pytest.fixture(scope="module")
def all_findings(nlp, corpus_report) -> list[Finding]:
    findings = list(corpus_report.findings)
    for case in _firing_cases():
        findings.extend(run_case(nlp, case["articles"], case.get("settings")))
    for articles in _PAIRS:
        findings.extend(run_case(nlp, articles))
    return findings


def test_messages_every_rule_is_rendered(all_findings) -> None:
    assert set(registry()) <= {f.rule for f in all_findings}


def test_messages_read_as_a_reader_writes_them(all_findings) -> None:
    problems = [p for f in all_findings for p in _problems(f)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("pair", "rule", "values"),
    [
        (0, "QT01", {"60–90 days", "30 days"}),
        (0, "QT01", {"about 1,200 units", "1,450 units"}),
        (1, "QT02", {"3 shot", "2 shot"}),
        (2, "SS01", {"14–90 days"}),
        (2, "SS01", {"$250 per day"}),  # "a fine of $250 a day" is a rate
        (3, "AT02", {"in an interview", "after the session"}),
    ],
)
def test_messages_values_of_realistic_pairs(nlp, pair: int, rule: str, values: set[str]) -> None:
    findings = [f for f in run_case(nlp, _PAIRS[pair]) if f.rule == rule]
    shown = [{ev.value for ev in f.evidence} for f in findings]
    assert values in shown, [f.message for f in findings]


def test_messages_sources_name_the_speaker_as_written(nlp) -> None:
    findings = run_case(nlp, _PAIRS[2])
    sources = {ev.attribution for f in findings for ev in f.evidence}
    assert "one of the officials" in sources


def test_messages_report_before_event_across_reports_highlights_the_event(nlp) -> None:
    findings = [f for f in run_case(nlp, _PAIRS[4]) if f.rule == "DT02"]
    assert findings
    first = findings[0].evidence[0]
    assert first.span == "killed"
    assert "after article-1.txt was published" in findings[0].message


def test_messages_a_quote_given_to_two_speakers_is_not_single_sourced(nlp) -> None:
    findings = run_case(nlp, _PAIRS[5])
    assert any(f.rule == "AT01" for f in findings), [f.message for f in findings]
    assert not [f.message for f in findings if f.rule == "SS01" and "quote" in f.message]


def _claim(sentence: str, clause: str, start: int = 100) -> Claim:
    at = sentence.index(clause)
    return Claim(
        id="c1", path="a.txt", text=clause, sentence=sentence, start=start + at, end=start + at + len(clause),
        line=1, column=1, sentence_start=start, sentence_end=start + len(sentence),
        event=EventRef(lemma="kill", event_class="kill"),
    )


def test_messages_span_past_its_sentence_is_cut_to_it() -> None:
    sentence = '"Thankfully, nobody has been hurt," the chief said.'
    claim = _claim(sentence, "the chief said")
    past_end = (claim.start, claim.sentence_end + 12, "the chief said. He added it")
    ev = evidence_for(claim, DocMeta("a.txt", None, None), span=past_end)
    assert split_span(ev).span == "the chief said."


def test_messages_clause_span_leaves_out_the_joining_word() -> None:
    sentence = "A man was killed and two people were hurt, police said."
    ev = evidence_for(_claim(sentence, "A man was killed and"), DocMeta("a.txt", None, None))
    assert split_span(ev).span == "A man was killed"


def test_messages_quote_span_is_the_whole_quote_without_marks(nlp) -> None:
    text = '"Thankfully, nobody has been hurt," Chief Ana Ortiz said after the fire on Elm Street.'
    other = "Nobody was injured in the fire on Elm Street, Chief Ana Ortiz said."
    findings = run_case(nlp, [{"dateline": _d("2026-03-08"), "text": text}, {"dateline": _d("2026-03-08"), "text": other}])
    quotes = [ev for f in findings if f.rule == "SS01" for ev in f.evidence if ev.value and ev.value.startswith("“")]
    assert quotes, [f.message for f in findings]
    assert split_span(quotes[0]).span == "Thankfully, nobody has been hurt"


def test_messages_one_quotation_of_several_sentences_is_one_finding(corpus_report) -> None:
    shown = [tuple((ev.path, ev.start) for ev in f.evidence) for f in corpus_report.findings if f.rule == "AT01"]
    assert shown and len(shown) == len(set(shown))
