"""`--format html`: self-contained, script-free, with article text escaped."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from report_samples import build_sample_report

from factcheck.report import RenderOptions, render
from factcheck.report.rule_docs import help_uri
from factcheck.report.html import STYLESHEET


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def page() -> str:
    return render(build_sample_report(), "html", options=RenderOptions())


def test_html_article_markup_stays_text(page):
    parsed = _parse(page)
    names = {tag for tag, _ in parsed.tags}
    assert "script" not in names and "img" not in names and "b" not in names
    assert not [attrs for _, attrs in parsed.tags if any(name.startswith("on") for name in attrs)]
    text = "".join(parsed.text)
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page


def test_html_is_self_contained(page):
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        assert tag not in {"link", "iframe", "object", "embed", "form"}
        for name in ("src", "action"):
            assert name not in attrs, (tag, attrs)
        if "href" in attrs and not attrs["href"].startswith("#"):
            # The one way out of the page: each finding's rule code links to the rule's page.
            assert attrs["href"] == help_uri(attrs["href"].rsplit("/", 1)[-1].removesuffix(".md")), attrs
            assert attrs.get("rel") == "noreferrer", attrs
    assert "url(" not in STYLESHEET and "@import" not in STYLESHEET


def test_html_csp_forbids_scripts_and_allows_only_the_inline_stylesheet(page):
    (csp,) = [attrs["content"] for tag, attrs in _parse(page).tags if attrs.get("http-equiv") == "Content-Security-Policy"]
    assert "script-src 'none'" in csp and "default-src 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(STYLESHEET.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    assert f"<style>{STYLESHEET}</style>" in page


def test_html_links_resolve_to_anchors(page):
    parsed = _parse(page)
    ids = {attrs["id"] for _, attrs in parsed.tags if "id" in attrs}
    hrefs = {attrs["href"][1:] for _, attrs in parsed.tags if attrs.get("href", "").startswith("#")}
    assert hrefs and hrefs <= ids
    assert {"finding-1", "finding-2", "finding-3", "article-1", "article-2", "article-3", "timeline"} <= ids


def test_html_marks_the_clashing_spans(page):
    findings = page[page.index('<section id="findings">') : page.index('<section id="stories">')]
    marks = re.findall(r"<mark>(.*?)</mark>", findings)
    assert marks == ["Tuesday, May 7", "Wednesday, May 8", "at least 40", "25", "Mayor Ana Ruiz", "deputy mayor Tom Berg"]


def test_html_article_section_links_back_to_its_findings(page):
    section = page[page.index('id="article-2"') :]
    section = section[: section.index("</div>")]
    assert "evil &lt;feed&gt;.html" in section
    assert 'href="#finding-2"' in section and 'href="#finding-1"' not in section


def _timeline_rows(page: str) -> list[tuple[bool, str, str]]:
    timeline = page[page.index('id="timeline"') :]
    rows = re.findall(r"<tr( class=\"disputed\")?><td class=\"value\">(.*?)</td><td>([^<]*)</td>", timeline)
    return [(bool(d), re.sub(r"<[^>]+>", "", value).strip(), event) for d, value, event in rows]


def test_html_timeline_marks_disputed_events(page):
    assert _timeline_rows(page) == [
        (False, "2024-05-03", "collapse"),
        (True, "2024-05-07 ⚠", "vote"),
        (True, "2024-05-08 ⚠", "vote"),
    ]
    timeline = page[page.index('id="timeline"') :]
    assert "&lt;script&gt;x()&lt;/script&gt;" in timeline
    assert '<a href="#finding-1" title="disputed: see the finding">⚠</a>' in timeline


def test_html_timeline_marks_the_dates_a_finding_disputes_not_repeated_event_words():
    report = build_sample_report()
    # The second report calls the vote a "decision": a different word, the same disputed date.
    # And one article dates two different "vote"s (a first and a second reading): no conflict.
    entries = [t.model_copy(update={"event": "decide"}) if t.value == "2024-05-08" else t for t in report.timeline]
    entries.append(entries[0].model_copy(update={"value": "2024-06-04", "line": 20, "text": "A second vote follows."}))
    page = render(report.model_copy(update={"timeline": tuple(entries)}), "html")
    assert _timeline_rows(page) == [
        (False, "2024-05-03", "collapse"),
        (True, "2024-05-07 ⚠", "vote"),
        (True, "2024-05-08 ⚠", "decide"),
        (False, "2024-06-04", "vote"),
    ]


@pytest.mark.parametrize(
    ("value", "label"),
    [("2026-SP", "spring 2026"), ("2025-07", "July 2025"), ("2026-W19", "week 19 of 2026"), ("2026", "2026")],
)
def test_html_timeline_writes_periods_in_words(value, label):
    report = build_sample_report()
    entry = report.timeline[2].model_copy(update={"value": value})
    page = render(report.model_copy(update={"timeline": (entry,)}), "html")
    assert _timeline_rows(page)[0][1].startswith(label)


def test_html_evidence_links_to_the_cited_sentence(page):
    findings = page[page.index('<section id="findings">') : page.index('<section id="stories">')]
    targets = re.findall(r'<figcaption><a href="#([^"]+)"', findings)
    assert len(targets) == 6
    for target in targets:
        assert re.search(rf'<li id="{re.escape(target)}">', page), target
    sentence = page[page.index(f'<li id="{targets[0]}">') :]
    assert sentence[: sentence.index("</li>")].count("Tuesday, May 7") == 1


def test_html_without_findings_or_timeline():
    report = build_sample_report().model_copy(update={"findings": (), "timeline": (), "problems": (), "stale_baseline": ()})
    page = render(report, "html")
    assert "No findings." in page
    assert 'id="timeline"' not in page and 'id="problems"' not in page


def test_html_contents_lists_severity_groups_not_every_finding(page):
    contents = page[page.index('<nav id="contents"') : page.index("</nav>")]
    assert 'href="#findings-high"' in contents and 'href="#finding-1"' not in contents
    assert 'id="findings-high"' in page


def test_html_finding_links_its_rule_page_and_cited_sentences_name_each_finding(page):
    assert f'href="{help_uri("DT01")}"' in page
    article = page[page.index('id="article-1"') :]
    assert ">DT01 #1</a>" in article[: article.index("</div>")]
