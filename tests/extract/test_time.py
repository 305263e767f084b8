"""Time expressions: finding them in a Doc and normalizing them to TimeML values."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from factcheck.errors import RulePackError
from factcheck.extract.time import load_time_lexicon, normalize_time, time_expressions, weekday_reading
from factcheck.extract.time.lexicon import easter_sunday

SATURDAY = dt.date(2026, 5, 16)


@pytest.mark.parametrize(
    ("text", "tense", "value", "granularity"),
    [
        ("Thursday", "past", "2026-05-14", "day"),
        ("on Thursday", "past", "2026-05-14", "day"),
        ("Saturday", "past", "2026-05-16", "day"),
        ("Thursday", "future", "2026-05-21", "day"),
        ("Wednesday night", "past", "2026-05-13", "day"),
        ("next Thursday", "past", "2026-05-21", "day"),
        ("last Saturday", "past", "2026-05-09", "day"),
        ("Thursday, May 21", "past", "2026-05-21", "day"),
        ("May 21, 2026", "past", "2026-05-21", "day"),
        ("5/16/2026", "past", "2026-05-16", "day"),
        ("2026-05-21", "past", "2026-05-21", "day"),
        ("January 12", "past", "2026-01-12", "day"),
        ("Jan. 14", "past", "2026-01-14", "day"),
        ("Dec. 3", "past", "2025-12-03", "day"),
        ("yesterday", "past", "2026-05-15", "day"),
        ("late yesterday", "past", "2026-05-15", "day"),
        ("today", "present", "2026-05-16", "day"),
        ("tomorrow", "future", "2026-05-17", "day"),
        ("two days ago", "past", "2026-05-14", "day"),
        ("last week", "past", "2026-W19", "week"),
        ("this week", "past", "2026-W20", "week"),
        ("next week", "future", "2026-W21", "week"),
        ("three weeks ago", "past", "2026-W17", "week"),
        ("earlier this month", "past", "2026-05", "month"),
        ("last month", "past", "2026-04", "month"),
        ("March 2026", "past", "2026-03", "month"),
        ("last November", "past", "2025-11", "month"),
        ("July last year", "past", "2025-07", "month"),
        ("in March", "past", "2026-03", "month"),
        ("in October", "future", "2026-10", "month"),
        ("Q3 2025", "past", "2025-Q3", "quarter"),
        ("the third quarter of 2025", "past", "2025-Q3", "quarter"),
        ("summer 2025", "past", "2025-SU", "season"),
        ("2026", "past", "2026", "year"),
        ("fiscal 2025", "past", "2025", "year"),
        ("last year", "past", "2025", "year"),
        ("this year", "past", "2026", "year"),
        ("early next year", "future", "2027", "year"),
        ("a year ago", "past", "2025", "year"),
        ("the end of 1990", "past", "1990", "year"),
        ("the 1990s", "past", "199", "decade"),
        ("Thanksgiving Day", "past", "2025-11-27", "day"),
        # Easter moves: "Easter Sunday" in a May page is the Easter just past, not last Sunday.
        ("Easter Sunday", "past", "2026-04-05", "day"),
        ("Easter morning", "past", "2026-04-05", "day"),
        ("Good Friday", "past", "2026-04-03", "day"),
        ("Easter Monday", "past", "2026-04-06", "day"),
    ],
)
def test_time_normalize_with_dateline(text: str, tense: str, value: str, granularity: str) -> None:
    ref = normalize_time(text, dateline=SATURDAY, tense=tense)  # type: ignore[arg-type]
    assert ref is not None
    assert (ref.value, ref.granularity) == (value, granularity)


@pytest.mark.parametrize(
    "text",
    ["three months", "90 days", "between 14 and 90 days", "1:00 PM", "555-0123", "42", "the budget", "13/45/2026"],
)
def test_time_normalize_rejects_non_dates(text: str) -> None:
    assert normalize_time(text, dateline=SATURDAY) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("last week", dt.date(2026, 5, 4), dt.date(2026, 5, 10)),
        ("earlier this month", dt.date(2026, 5, 1), dt.date(2026, 5, 31)),
        ("Thursday", dt.date(2026, 5, 14), dt.date(2026, 5, 14)),
        ("Q3 2025", dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
        ("February 2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("the 1990s", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
    ],
)
def test_time_normalize_calendar_range(text: str, start: dt.date, end: dt.date) -> None:
    ref = normalize_time(text, dateline=SATURDAY)
    assert ref is not None
    assert (ref.range_start, ref.range_end) == (start, end)


def test_time_normalize_anchors_relative_to_dateline() -> None:
    ref = normalize_time("yesterday", dateline=SATURDAY)
    assert ref is not None
    assert (ref.anchor, ref.anchored_to) == ("dateline", SATURDAY)
    absolute = normalize_time("May 21, 2026", dateline=SATURDAY)
    assert absolute is not None
    assert (absolute.anchor, absolute.anchored_to) == ("absolute", None)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # May 21, 2026 is a Thursday: a written Friday is the next day, a Monday three days before.
        ("Friday, May 21", dt.date(2026, 5, 22)),
        ("Monday, May 21, 2026", dt.date(2026, 5, 18)),
        ("Thursday, May 21", None),
        ("May 21", None),
    ],
)
def test_time_a_weekday_that_is_not_its_dates_is_noted(text: str, reading: dt.date | None) -> None:
    ref = normalize_time(text, dateline=SATURDAY + dt.timedelta(days=7))
    assert ref is not None and ref.value == "2026-05-21"
    assert weekday_reading(ref.note) == reading


@pytest.mark.parametrize("text", ["Thursday", "yesterday", "last week", "two days ago", "next year", "in March"])
def test_time_normalize_without_dateline_has_no_value(text: str) -> None:
    ref = normalize_time(text, dateline=None)
    assert ref is not None
    assert ref.anchor == "none"
    assert ref.value is None or ref.value.startswith("XXXX")
    assert ref.range_start is None
    assert ref.note


def test_time_normalize_without_dateline_keeps_month_and_day() -> None:
    ref = normalize_time("May 21", dateline=None)
    assert ref is not None
    assert (ref.value, ref.anchor) == ("XXXX-05-21", "none")
    absolute = normalize_time("May 21, 2026", dateline=None)
    assert absolute is not None
    assert (absolute.value, absolute.anchor) == ("2026-05-21", "absolute")


def test_time_normalize_earlier_is_not_anchored_to_dateline() -> None:
    ref = normalize_time("a week earlier", dateline=SATURDAY)
    assert ref is not None
    assert (ref.value, ref.anchor) == (None, "none")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The vote was pulled on Thursday.", [("Thursday", "2026-05-14")]),
        ("The launch is set for Thursday, May 21.", [("Thursday, May 21", "2026-05-21")]),
        ("The filing, dated 5/16/2026, was released.", [("5/16/2026", "2026-05-16")]),
        ("Officials met last week and again yesterday.", [("last week", "2026-W19"), ("yesterday", "2026-05-15")]),
        ("Prices rose earlier this month.", [("earlier this month", "2026-05")]),
        ("The council will vote next Thursday.", [("next Thursday", "2026-05-21")]),
        ("The council will vote Thursday.", [("Thursday", "2026-05-21")]),
        ("Police said the fire started Wednesday night.", [("Wednesday night", "2026-05-13")]),
        ("Crime fell sharply in the 1990s.", [("the 1990s", "199")]),
        ("Revenue grew 4% in Q3 2025.", [("Q3 2025", "2025-Q3")]),
        ("The plant closed two days ago.", [("two days ago", "2026-05-14")]),
        ("Sales doubled between 2019 and 2021.", [("2019", "2019"), ("2021", "2021")]),
        ("The envoy could arrive as early as Tuesday.", [("as early as Tuesday", "2026-05-19")]),
        ("The shop reopened on New Year’s Day.", [("New Year’s Day", "2026-01-01")]),
        ("Profit beat the year-ago figure.", [("year-ago", "2025")]),
        ("Protesters march downtown on Sunday.", [("Sunday", "2026-05-10")]),
        ("The ceremony, set for Thursday afternoon, was called off.", [("Thursday afternoon", "2026-05-14")]),
        ("The ceremony, set for Thursday afternoon, will go ahead.", [("Thursday afternoon", "2026-05-21")]),
        # A day on an event nobody schedules lies back, whatever the clause; a game lies ahead.
        ("Charges will be filed against the suspect in Tuesday's fatal shooting.", [("Tuesday", "2026-05-12")]),
        ("Residents hope Wednesday's shooting will bring changes.", [("Wednesday", "2026-05-13")]),
        ("Fans will attend Tuesday's football game.", [("Tuesday", "2026-05-19")]),
        # A day beside a holiday.
        ("The shooting happened the day after Thanksgiving.", [("day after Thanksgiving", "2025-11-28")]),
        ("Police named a suspect in the day-after-Thanksgiving shooting.", [("day-after-Thanksgiving", "2025-11-28")]),
        # A modal before a perfect looks back.
        ("A child may have accidentally shot his sister Thursday.", [("Thursday", "2026-05-14")]),
        ("The envoy may arrive Thursday.", [("Thursday", "2026-05-21")]),
        # A finite past verb keeps its own time under a clause that looks ahead.
        (
            "The mother is expected to be arraigned Tuesday after her son accidentally shot himself Monday night.",
            [("Tuesday", "2026-05-19"), ("Monday night", "2026-05-11")],
        ),
        ("The council is expected to vote Thursday.", [("Thursday", "2026-05-21")]),
    ],
)
def test_time_expressions_in_sentences(nlp, sentence: str, expected: list[tuple[str, str]]) -> None:
    refs = time_expressions(nlp(sentence), dateline=SATURDAY)
    assert [(r.text, r.value) for r in refs] == expected
    for ref in refs:
        assert sentence[ref.start : ref.end] == ref.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The committee discussed the budget at length.",
        "Applicants must wait between 14 and 90 days for a decision.",
        "The outage lasted three months.",
        "Call 555-0123 or 1-800-555-2026 to reach the office.",
        "The case number is 2026-0516 and the order ID is 20260516.",
        "The meeting starts at 1:00 PM.",
        "About 2026 people attended the rally.",
        "Officials may release the report soon.",
        "May officials release the report?",
        "Workers march downtown every year.",
    ],
)
def test_time_expressions_none_in_sentences(nlp, sentence: str) -> None:
    assert time_expressions(nlp(sentence), dateline=SATURDAY) == []


def test_time_expressions_without_dateline(nlp) -> None:
    refs = time_expressions(nlp("The bill was pulled on Thursday."), dateline=None)
    assert [(r.text, r.value, r.anchor) for r in refs] == [("Thursday", None, "none")]
    assert refs[0].note == "no dateline to anchor a relative expression"


def test_time_expressions_sorted_and_disjoint(nlp) -> None:
    text = (
        "On Tuesday, the board said it had approved the plan on May 4, 2026, after talks that began "
        "in March 2025 and ended last month. A final vote is expected next week, not in the 1990s."
    )
    refs = time_expressions(nlp(text), dateline=SATURDAY)
    assert [r.text for r in refs] == ["Tuesday", "May 4, 2026", "March 2025", "last month", "next week", "the 1990s"]
    assert all(a.end <= b.start for a, b in zip(refs, refs[1:]))


def test_time_lexicon_user_pack_extends_builtin(tmp_path: Path) -> None:
    (tmp_path / "time.toml").write_text('[holidays]\n"founders day" = { month = 3, day = 2 }\n', encoding="utf-8")
    lexicon = load_time_lexicon([tmp_path])
    ref = normalize_time("Founders Day", dateline=SATURDAY, lexicon=lexicon)
    assert ref is not None
    assert ref.value == "2026-03-02"
    assert normalize_time("Founders Day", dateline=SATURDAY) is None


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2016, dt.date(2016, 3, 27)), (2019, dt.date(2019, 4, 21)), (2000, dt.date(2000, 4, 23)), (2038, dt.date(2038, 4, 25)), (1818, dt.date(1818, 3, 22))],
)
def test_easter_sunday_by_the_gregorian_computus(year: int, easter: dt.date) -> None:
    # The earliest (March 22) and latest (April 25) Easters are among the cases.
    assert easter_sunday(year) == easter


def test_time_lexicon_holiday_needs_one_rule(tmp_path: Path) -> None:
    (tmp_path / "time.toml").write_text('[holidays]\n"harvest day" = { month = 9, day = 2, easter = 3 }\n', encoding="utf-8")
    with pytest.raises(RulePackError, match="harvest day"):
        load_time_lexicon([tmp_path])


def test_time_lexicon_rejects_bad_month(tmp_path: Path) -> None:
    (tmp_path / "time.toml").write_text("[months]\nsmarch = 13\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="time.toml: months.smarch"):
        load_time_lexicon([tmp_path])


@pytest.mark.shared_data
def test_time_tempeval_sample(shared_data: Path) -> None:
    path = shared_data / "tempeval3" / "timebank_aquaint.jsonl"
    if not path.is_file():
        pytest.skip(f"TempEval-3 data not found at {path}")
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_tempeval.py"
    spec = importlib.util.spec_from_file_location("eval_tempeval", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    run = module.evaluate(path, limit=8)
    exact = sum(o.exact for o in run.outcomes)
    assert run.outcomes
    assert exact / len(run.outcomes) >= 0.8
