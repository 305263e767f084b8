"""Each format reader: metadata, cleaned text, and offsets that land on the same words."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.ingest import read_article
from factcheck.ingest.offsets import OffsetMapper
from factcheck.models import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def _read(name: str) -> list[Article]:
    return read_article(FIXTURES / name, root=FIXTURES)


def _lands_on(article: Article, word: str) -> str:
    """The original-file text under the cleaned-text occurrence of `word`."""
    start = article.text.index(word)
    mapper = OffsetMapper(article.offset_map)
    return article.original[mapper(start) : mapper(start + len(word), end=True)]


def _all_words_map(article: Article) -> bool:
    mapper = OffsetMapper(article.offset_map)
    return all(
        article.original[mapper(m.start()) : mapper(m.end(), end=True)] == m.group()
        for m in re.finditer(r"[A-Za-z0-9]+", article.text)
    )


def test_txt_reads_title_dateline_and_body() -> None:
    (article,) = _read("storm.txt")
    assert article.format == "txt"
    assert article.path == "storm.txt"
    assert article.title == "Storm closes coastal highway"
    assert article.published == dt.date(2026, 3, 6)
    assert article.published_text == "March 6, 2026 · Coastal Herald"
    assert article.source == "Coastal Herald"
    assert article.text.startswith("The state transport agency said")
    assert "Advertisement" not in article.text and "Share on Facebook" not in article.text
    assert len(article.content_hash) == 64
    assert _all_words_map(article)


@pytest.mark.parametrize("word", ["agency", "March 9", "evacuated", "12 people"])
def test_txt_offsets_land_on_the_same_words(word: str) -> None:
    (article,) = _read("storm.txt")
    assert _lands_on(article, word) == word


def test_txt_wire_dateline_takes_year_from_the_text() -> None:
    (article,) = _read("wire.txt")
    assert article.published == dt.date(2026, 5, 21)
    assert article.source == "Reuters"
    assert article.published_text == "WASHINGTON, May 21 (Reuters) -"
    assert article.text.startswith("The agency said on Thursday")
    assert _lands_on(article, "agency") == "agency"


def test_markdown_front_matter_and_syntax() -> None:
    (article,) = _read("bridge.md")
    assert article.format == "md"
    assert article.title == "Bridge repairs delayed"
    assert article.published == dt.date(2026, 3, 6)
    assert article.source == "Valley News"
    assert article.author == "Ann Lee, Bo Chan"
    assert article.url == "https://valley.example/bridge"
    assert article.text == "The council said the repairs would take two weeks.\n\nCrews will start on Monday, the mayor said."
    assert ("DT01", None) in article.suppressions and ("date_conflict", None) in article.suppressions
    # The comment is on line 12; the next non-empty line is the list item on line 14.
    assert ("NM01", 14) in article.suppressions
    for word in ("council", "repairs", "two", "Crews"):
        assert _lands_on(article, word) == word


def test_markdown_heading_is_title_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("# Dam inspection finished\n\nEngineers said the _dam_ was safe.\n", encoding="utf-8")
    (article,) = read_article(path, root=tmp_path)
    assert article.title == "Dam inspection finished"
    assert article.text == "Engineers said the dam was safe."
    assert _lands_on(article, "dam") == "dam"


def test_markdown_malformed_front_matter_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^bad_front\.md: malformed front matter at line 3 column 5"):
        _read("bad_front.md")


def test_markdown_unclosed_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "open.md"
    path.write_text("---\ntitle: x\nThe council met.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no closing '---' line"):
        read_article(path, root=tmp_path)


def test_html_article_text_and_metadata() -> None:
    (article,) = _read("mill.html")
    assert article.format == "html"
    assert article.title == "Fire at mill & warehouse"
    assert article.published == dt.date(2026, 5, 21)
    assert article.source == "Mill Times"
    assert article.author == "Rita Okafor"
    assert article.url == "https://mill.example/fire"
    assert article.text == (
        "Fire at mill\n\nThe fire chief said 3 buildings burned & 2 people were hurt."
        "\n\nFirefighters arrived at 5 p.m. on Tuesday."
    )
    for absent in ("injected", "Home", "masthead", "Smoke", "Subscribe", "Related", "Copyright", "color"):
        assert absent not in article.text
    # The comment is on line 12; the next paragraph starts on line 13.
    assert article.suppressions == (("NM01", 13),)
    assert _all_words_map(article)


@pytest.mark.parametrize("word", ["chief", "buildings", "Tuesday", "Firefighters"])
def test_html_offsets_point_into_the_html_source(word: str) -> None:
    (article,) = _read("mill.html")
    assert _lands_on(article, word) == word


def test_html_entity_maps_to_its_ampersand() -> None:
    (article,) = _read("mill.html")
    start = article.text.index("&")
    assert article.original[OffsetMapper(article.offset_map)(start) :].startswith("&amp;")


def test_html_without_article_uses_body(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text("<body><div>Police said two men were arrested.</div><footer>About us</footer></body>", "utf-8")
    (article,) = read_article(path, root=tmp_path)
    assert article.text == "Police said two men were arrested."


def test_html_prefers_the_largest_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<body><article><p>Teaser.</p></article>"
        "<article><p>The mayor said the plan would cost $4 million over two years.</p></article></body>",
        "utf-8",
    )
    (article,) = read_article(path, root=tmp_path)
    assert article.text == "The mayor said the plan would cost $4 million over two years."


def test_jsonl_reads_records_and_reports_the_bad_line() -> None:
    from factcheck.ingest import read_file

    articles, problems = read_file(FIXTURES / "feed.jsonl", root=FIXTURES)
    assert [a.path for a in articles] == ["feed.jsonl#1", "feed.jsonl#3"]
    first, third = articles
    assert first.title == "Port reopens" and first.published == dt.date(2026, 5, 2)
    assert first.source == "Harbor Daily"
    assert first.text == 'The port reopened on Tuesday, officials said.\nThe "harbor" master said 40 ships waited.'
    assert third.title == "Flood warning"
    assert [str(p) for p in problems] == ["feed.jsonl: malformed JSON at line 2 column 23 (Expecting value)"]
    for word in ("reopened", "harbor", "40 ships"):
        assert _lands_on(first, word) == word
    assert _lands_on(third, "meters") == "meters"


def test_jsonl_read_article_is_strict() -> None:
    with pytest.raises(InputError, match="line 2"):
        _read("feed.jsonl")


def test_json_escape_maps_to_backslash() -> None:
    from factcheck.ingest import read_file

    (first, _), _ = read_file(FIXTURES / "feed.jsonl", root=FIXTURES)
    newline = first.text.index("\n")
    assert first.original[OffsetMapper(first.offset_map)(newline) :].startswith("\\n")


def test_json_list_of_objects() -> None:
    articles = _read("list.json")
    assert [a.path for a in articles] == ["list.json#1", "list.json#2"]
    assert articles[0].published == dt.date(2026, 4, 1)
    assert articles[1].published is None
    assert _lands_on(articles[1], "Friday") == "Friday"


def test_json_single_object_with_unicode_escape(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"headline": "Caf\\u00e9 fire", "article": "The caf\\u00e9 burned, owners said."}', "utf-8")
    (article,) = read_article(path, root=tmp_path)
    assert article.path == "one.json"
    assert article.title == "Café fire"
    assert article.text == "The café burned, owners said."
    assert _lands_on(article, "owners") == "owners"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "x"}', "no article text field"),
        ('{"text": 5}', "the article text field is not a string"),
        ("[1, 2]", "expected a JSON object, got int"),
        ('"just a string"', "expected a JSON object or a list of objects, got str"),
        ('{"text": "x",}', "malformed JSON at line 1 column 14 (Expecting property name"),
    ],
)
def test_json_bad_records(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        read_article(path, root=tmp_path)



@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("", dt.date(2005, 11, 27)),  # no dateline: the address gives the day
        ("November 28, 2005\n", dt.date(2005, 11, 28)),  # a dateline wins over the address
    ],
)
def test_txt_address_line_is_metadata_and_dates_an_undated_article(tmp_path: Path, dateline: str, published: dt.date) -> None:
    path = tmp_path / "quake.txt"
    path.write_text(
        f"https://news.example.com/2005/11/27/world/quake-iran/\nQuake hits island off Iran\n{dateline}\n"
        "A strong earthquake struck Qeshm island on Sunday, killing at least 10 people.\n",
        encoding="utf-8",
    )
    (article,) = read_article(path, root=tmp_path)
    assert article.url == "https://news.example.com/2005/11/27/world/quake-iran/"
    assert article.published == published
    assert article.title == "Quake hits island off Iran"
    assert article.text.strip().startswith("A strong earthquake")
