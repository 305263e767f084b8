"""Dateline and byline shapes at the top of plain-text articles."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.ingest.dateline import date_value, parse_line, parse_prefix, read_header, url_date


@pytest.mark.parametrize(
    ("line", "published", "source", "author", "label"),
    [
        ("March 6, 2026 · Outlet", dt.date(2026, 3, 6), "Outlet", None, None),
        ("5/16/2026, 1:00:00 PM · section", dt.date(2026, 5, 16), None, None, None),
        ("Published: 2026-05-21", dt.date(2026, 5, 21), None, None, "published"),
        ("2026-05-21T09:30:00Z", dt.date(2026, 5, 21), None, None, None),
        ("By Jane Doe | May 21, 2026", dt.date(2026, 5, 21), None, "Jane Doe", None),
        ("Updated May 21, 2026 10:02 a.m. ET", dt.date(2026, 5, 21), None, None, "updated"),
        ("Tuesday, August 4, 2015", dt.date(2015, 8, 4), None, None, None),
        ("21 May 2026", dt.date(2026, 5, 21), None, None, None),
        ("AUGUST 2, 2013 | 08: 06AM PT", dt.date(2013, 8, 2), None, None, None),
        # Times a tokenizer spaced out, a time zone after them, "@" before them.
        ("Last Updated: Monday, 28 November 2005, 02: 24 GMT", dt.date(2005, 11, 28), None, None, "last updated"),
        ("27 NOVEMBER, 2005", dt.date(2005, 11, 27), None, None, None),
        ("Posted 11 / 27 / 2005 7: 21 AM", dt.date(2005, 11, 27), None, None, "posted"),
        ("Friday August 2, 2013 @ 8: 13am PDT", dt.date(2013, 8, 2), None, None, None),
        ("By Jane Doe", None, None, "Jane Doe", None),
    ],
)
def test_dateline_parse_line_shapes(
    line: str, published: dt.date | None, source: str | None, author: str | None, label: str | None
) -> None:
    found = parse_line(line)
    assert found is not None
    assert (found.date.date if found.date else None) == published
    assert (found.source, found.author, found.label) == (source, author, label)


@pytest.mark.parametrize(
    "line",
    [
        "The council said on March 6, 2026 that the road would close.",
        "By the time police arrived, the man had left.",
        "Boy, 16, hurt in park shooting",
        "",
        "March 6, 2026 was the day the council finally agreed to the plan after months of talks",
    ],
)
def test_dateline_parse_line_rejects_body_text(line: str) -> None:
    assert parse_line(line) is None


@pytest.mark.parametrize(
    ("line", "place", "source", "month_day", "year", "rest"),
    [
        ("WASHINGTON, May 21 (Reuters) - The agency said", "WASHINGTON", "Reuters", (5, 21), None, "The agency said"),
        ("NEW YORK (AP) — Prices rose", "NEW YORK", "AP", None, None, "Prices rose"),
        ("FRANKLIN (Feb. 4, 2014) – Police said", "FRANKLIN", None, (2, 4), 2014, "Police said"),
        ("ORLANDO, Fla. - Four people were hurt", "ORLANDO", None, None, None, "Four people were hurt"),
        # After an outlet in brackets, a long dash may touch the first word.
        ("ST. LOUIS, MO (KTVI)–Four people are dead", "ST. LOUIS", "KTVI", None, None, "Four people are dead"),
    ],
)
def test_dateline_parse_prefix_wire_shapes(
    line: str, place: str, source: str | None, month_day: tuple[int, int] | None, year: int | None, rest: str
) -> None:
    found = parse_prefix(line)
    assert found is not None
    assert (found.place, found.source) == (place, source)
    assert ((found.date.month, found.date.day) if found.date else None) == month_day
    assert (found.date.year if found.date else None) == year
    assert line[found.end :] == rest


@pytest.mark.parametrize("line", ["A man was hurt - police said", "UPDATE: the road is open", "Police said - nothing", "NASA–JPL engineers said"])
def test_dateline_parse_prefix_rejects_body_text(line: str) -> None:
    assert parse_prefix(line) is None


def test_dateline_wire_without_any_full_date_has_no_year() -> None:
    header = read_header("WASHINGTON, May 21 (Reuters) - The agency said on Thursday it would act.\n")
    assert header.published is None
    assert header.published_text == "WASHINGTON, May 21 (Reuters) -"
    assert header.source == "Reuters" and header.place == "WASHINGTON"


def test_dateline_wire_takes_year_from_a_full_date_in_the_text() -> None:
    header = read_header("WASHINGTON, May 21 (Reuters) - The review began on May 1, 2025, officials said.\n")
    assert header.published == dt.date(2025, 5, 21)


def test_dateline_header_cuts_title_and_dateline_lines() -> None:
    text = "Storm closes highway\nBy Jane Doe | May 21, 2026\n\nThe agency said the road would reopen.\n"
    header = read_header(text)
    assert header.title == "Storm closes highway"
    assert header.author == "Jane Doe"
    assert header.published == dt.date(2026, 5, 21)
    assert [text[a:b] for a, b in header.cuts] == ["Storm closes highway", "By Jane Doe | May 21, 2026"]


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        (
            "June 5, 2026 · Metro Ledger\nFenwick recalls space heaters\n\nFenwick Home Appliances said on Monday it would act.\n",
            "Fenwick recalls space heaters",
            "Fenwick Home Appliances said on Monday it would act.",
        ),
        # No blank line between the headline and the body: the headline still ends where its line does.
        (
            "January 13, 2027 · Metro Ledger\nFenwick recalls space heaters\nFenwick Home Appliances on January 12 announced a recall.\n",
            "Fenwick recalls space heaters",
            "Fenwick Home Appliances on January 12 announced a recall.",
        ),
    ],
)
def test_dateline_headline_under_the_dateline_is_the_title(text: str, title: str, body: str) -> None:
    header = read_header(text)
    assert header.title == title
    assert header.published is not None
    last_cut = max(end for _, end in header.cuts)
    assert text[last_cut:].strip() == body


def test_dateline_published_wins_over_updated() -> None:
    header = read_header("Updated May 22, 2026\nPublished: May 21, 2026\nThe agency said the road would reopen.\n")
    assert header.published == dt.date(2026, 5, 21)


@pytest.mark.parametrize(
    "text",
    [
        "The agency said the road would reopen on Monday.\nOfficials agreed.\n",
        "Only one line without a period",
    ],
)
def test_dateline_header_finds_nothing(text: str) -> None:
    header = read_header(text)
    assert (header.title, header.published, header.cuts) == (None, None, [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-05-21T09:30:00Z", dt.date(2026, 5, 21)),
        ("May 21, 2026", dt.date(2026, 5, 21)),
        (dt.datetime(2026, 5, 21, 9, 30), dt.date(2026, 5, 21)),
        ("May 21", None),
        ("soon", None),
        (None, None),
    ],
)
def test_dateline_date_value(value: object, expected: dt.date | None) -> None:
    assert date_value(value) == expected


@pytest.mark.parametrize(
    "line",
    [
        "https://www.example.com/2013/08/02/local/quake-hits-island/",
        "www.example.com/news/quake",
        # Tokenized corpora space addresses out.
        "http: / / www. example. com / 2013 / 08 / 02 / quake - hits - island /",
    ],
)
def test_dateline_address_line_is_metadata_not_title(line: str) -> None:
    text = f"{line}\nQuake hits island off Iran\n\nA strong earthquake struck the island on Sunday.\n"
    header = read_header(text)
    assert header.url is not None and " " not in header.url
    assert header.title == "Quake hits island off Iran"
    last_cut = max(end for _, end in header.cuts)
    assert text[last_cut:].strip() == "A strong earthquake struck the island on Sunday."


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2013/08/02/local/quake/", dt.date(2013, 8, 2)),
        ("https://example.com/news/2010-05-05/3-dead-after-protest/423816", dt.date(2010, 5, 5)),
        ("https://example.com/2013/film/news/host-1200566939/", None),  # a year and no day
        ("https://example.com/2013/13/40/x", None),  # not a calendar date
        ("https://example.com/article/4475546.stm", None),
        (None, None),
    ],
)
def test_dateline_url_date(url: str | None, expected: dt.date | None) -> None:
    assert url_date(url) == expected
