"""`--format html`: one self-contained page for a person to read.

The page has a summary, a table of contents, every finding with its clashing
sentences side by side (the span in `<mark>`), a section per article that
links to its findings and back, and a per-story timeline of the dates each
source gives.

Article text is untrusted: everything taken from a report goes through
`html.escape(..., quote=True)` and every attribute value is quoted. The page
needs no script, and its Content-Security-Policy forbids all of them
(`script-src 'none'`), loads nothing from anywhere (`default-src 'none'`),
and allows only the one inline stylesheet, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import defaultdict

from factcheck.version import __version__
from factcheck.models import SEVERITY_ORDER, DocumentInfo, Evidence, Finding, Report, TimelineEntry
from factcheck.report import RenderOptions, document_index, ordered_findings, register, split_span
from factcheck.report.rule_docs import help_uri
from factcheck.wording import counted

__all__ = ["STYLESHEET", "render_html"]

STYLESHEET = """
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6673; --line: #d9dee5; --panel: #f6f8fa;
  --high: #b3261e; --medium: #9a6700; --low: #0b6bcb; --info: #5b6673; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--ink); background: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
a { color: #0a58ca; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr)); gap: 1rem 2rem; align-items: start; }
.summary th { background: none; font-weight: 500; }
caption { text-align: left; padding-bottom: .25rem; }
nav ol { margin: .25rem 0; padding-left: 1.5rem; }
nav li { margin: .15rem 0; }
.finding { border: 1px solid var(--line); border-left: .35rem solid var(--info); border-radius: .4rem;
  padding: .9rem 1rem 1rem; margin: 1rem 0; background: #fff; }
.finding.sev-high { border-left-color: var(--high); }
.finding.sev-medium { border-left-color: var(--medium); }
.finding.sev-low { border-left-color: var(--low); }
.finding h3 { margin: 0 0 .35rem; font-size: 1.05rem; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase;
  padding: 0 .45rem; border-radius: .25rem; color: #fff; background: var(--info); line-height: 1.5; vertical-align: baseline; }
.badge.sev-high { background: var(--high); }
.badge.sev-medium { background: var(--medium); }
.badge.sev-low { background: var(--low); }
code, .code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; }
.rule { font-weight: 600; }
.message { margin: .25rem 0 .75rem; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); gap: .75rem; }
.evidence { margin: 0; padding: .6rem .75rem; background: var(--panel); border: 1px solid var(--line); border-radius: .35rem; }
.evidence figcaption { font-size: .85rem; color: var(--muted); margin-bottom: .35rem; overflow-wrap: anywhere; }
.evidence figcaption a { font-weight: 600; }
.evidence dl { display: grid; grid-template-columns: auto 1fr; gap: 0 .6rem; margin: .25rem 0 0; }
.evidence dt { font-weight: 600; }
.evidence dd { margin: 0; overflow-wrap: anywhere; }
blockquote { margin: 0; font-size: 1rem; overflow-wrap: anywhere; }
mark { background: #ffe27a; color: inherit; padding: 0 .1rem; border-radius: .15rem; font-weight: 600; }
.article { border-top: 1px solid var(--line); padding-top: .25rem; }
.article ul { margin: .25rem 0; padding-left: 1.25rem; }
.scroll { overflow-x: auto; }
.timeline td.value { white-space: nowrap; font-weight: 600; }
.timeline tr.disputed td.value, .timeline tr.disputed td.value a { color: var(--high); text-decoration: none; }
.sentences { list-style: none; padding-left: 0; }
.sentences li { margin: .35rem 0; padding: .25rem .5rem; border-left: 3px solid var(--line); }
.sentences li:target { border-left-color: var(--high); background: #fff8e1; }
.article h4 { font-size: .95rem; margin: .75rem 0 .25rem; }
.problems li { margin: .2rem 0; }
.backlink { font-size: .85rem; }
""".strip()

_SEVERITY_TITLES = {"high": "High", "medium": "Medium", "low": "Low", "info": "Info"}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(STYLESHEET.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
        f"form-action 'none'; img-src 'none'; style-src 'sha256-{digest}'"
    )


def _highlight(ev: Evidence) -> str:
    before, span, after = split_span(ev)
    if not span:
        return _e(ev.text)
    return f"{_e(before)}<mark>{_e(span)}</mark>{_e(after)}"


class _Anchors:
    """Stable, article-independent ids: `finding-N`, `article-N`, and `article-N-L-C` for a cited sentence."""

    def __init__(self, findings: list[Finding], docs: dict[str, DocumentInfo]) -> None:
        self.finding = {id(f): f"finding-{i}" for i, f in enumerate(findings, start=1)}
        self.article = {path: f"article-{i}" for i, path in enumerate(sorted(docs), start=1)}

    def sentence(self, path: str, line: int, column: int) -> str:
        return f"{self.article.get(path, 'article')}-{line}-{column}"


# TimeML season codes (TIMEX3, ISO-TimeML) as words.
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "AU": "autumn", "WI": "winter"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _date_label(value: str) -> str:
    """A normalized time value for people: days stay ISO dates; `2026-SP` is "spring 2026"."""
    year, _, rest = value.partition("-")
    if not year.isdigit() or not rest:
        return value
    if rest in _SEASONS:
        return f"{_SEASONS[rest]} {year}"
    if rest.isdigit() and len(rest) == 2 and 1 <= int(rest) <= 12:
        return f"{_MONTHS[int(rest) - 1]} {year}"
    if rest.startswith("W") and rest[1:].isdigit():
        return f"week {int(rest[1:])} of {year}"
    if rest in ("Q1", "Q2", "Q3", "Q4"):
        return f"{rest} {year}"
    return value


def _summary(report: Report, docs: dict[str, DocumentInfo]) -> str:
    claims = sum(doc.claims for doc in report.documents)
    rows = [("Articles", len(docs))]
    if claims:
        rows.append(("Claims", claims))
    if report.stories:
        rows.append(("Stories", len(report.stories)))
    rows.append(("Findings", len(report.findings)))
    if report.problems:
        rows.append(("Unreadable inputs", len(report.problems)))
    if report.suppressed:
        rows.append(("Suppressed inline", report.suppressed))
    if report.baselined:
        rows.append(("Hidden by baseline", report.baselined))
    overview = "".join(f'<tr><th scope="row">{_e(k)}</th><td class="num">{v}</td></tr>' for k, v in rows)
    by_severity = report.counts_by("severity")
    severity_rows = "".join(
        f'<tr><th scope="row"><span class="badge sev-{_e(s)}">{_e(s)}</span></th><td class="num">{by_severity[s]}</td></tr>'
        for s in sorted(by_severity, key=lambda s: -SEVERITY_ORDER[s])
    ) or '<tr><td colspan="2" class="muted">none</td></tr>'
    kind_rows = "".join(
        f'<tr><th scope="row">{_e(k)}</th><td class="num">{n}</td></tr>' for k, n in sorted(report.counts_by("kind").items())
    ) or '<tr><td colspan="2" class="muted">none</td></tr>'
    return (
        '<section id="summary"><h2>Summary</h2><div class="summary">'
        f'<table><caption class="muted">Overview</caption><tbody>{overview}</tbody></table>'
        f'<table><caption class="muted">Findings by severity</caption><tbody>{severity_rows}</tbody></table>'
        f'<table><caption class="muted">Findings by kind</caption><tbody>{kind_rows}</tbody></table>'
        "</div></section>"
    )


def _toc(findings: list[Finding], report: Report) -> str:
    # Severity groups rather than every finding: with hundreds of findings a full list
    # would fill the first screens before any finding is shown.
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    groups = "".join(
        f'<li><a href="#findings-{_e(severity)}"><span class="badge sev-{_e(severity)}">{_e(severity)}</span> '
        f"{count} finding{'s' if count != 1 else ''}</a></li>"
        for severity, count in counts.items()
    )
    sections = ['<li><a href="#findings">Findings</a>' + (f"<ol>{groups}</ol>" if groups else "") + "</li>"]
    if report.stories:
        sections.append('<li><a href="#stories">Stories</a></li>')
    sections.append('<li><a href="#articles">Articles</a></li>')
    if report.timeline:
        sections.append('<li><a href="#timeline">Timeline</a></li>')
    if report.problems or report.stale_baseline:
        sections.append('<li><a href="#problems">Problems</a></li>')
    return f'<nav id="contents" aria-label="Contents"><h2>Contents</h2><ol>{"".join(sections)}</ol></nav>'


def _evidence(ev: Evidence, docs: dict[str, DocumentInfo], anchors: _Anchors) -> str:
    doc = docs.get(ev.path)
    published = ev.published or (doc.published if doc else None)
    facts = []
    if doc and doc.source:
        facts.append(("Source", _e(doc.source)))
    if published:
        facts.append(("Published", _e(published.isoformat())))
    if ev.attribution:
        facts.append(("According to", _e(ev.attribution)))
    if ev.value:
        facts.append(("Value", f'<span class="code">{_e(ev.value)}</span>'))
    details = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in facts)
    href = anchors.sentence(ev.path, ev.line, ev.column)
    return (
        '<figure class="evidence"><figcaption>'
        f'<a href="#{_e(href)}" class="code">{_e(ev.path)}:{ev.line}:{ev.column}</a>'
        f"{f'<dl>{details}</dl>' if details else ''}</figcaption>"
        f"<blockquote>{_highlight(ev)}</blockquote></figure>"
    )


def _finding(finding: Finding, docs: dict[str, DocumentInfo], anchors: _Anchors) -> str:
    anchor = anchors.finding[id(finding)]
    evidence = "".join(_evidence(ev, docs, anchors) for ev in finding.evidence)
    return (
        f'<article class="finding sev-{_e(finding.severity)}" id="{anchor}">'
        f'<h3><span class="badge sev-{_e(finding.severity)}">{_e(finding.severity)}</span> '
        f'<a class="rule code" href="{_e(help_uri(finding.rule))}" rel="noreferrer" title="what this rule checks">'
        f"{_e(finding.rule)}</a> "
        f'{_e(finding.name)} '
        f'<span class="muted">({_e(finding.kind)})</span></h3>'
        f'<p class="message">{_e(finding.message)}</p>'
        f'<div class="pair">{evidence}</div></article>'
    )


def _findings(findings: list[Finding], docs: dict[str, DocumentInfo], anchors: _Anchors) -> str:
    if not findings:
        return '<section id="findings"><h2>Findings</h2><p>No findings.</p></section>'
    parts = ['<section id="findings"><h2>Findings</h2>']
    current = None
    for finding in findings:
        if finding.severity != current:
            current = finding.severity
            parts.append(f'<h3 id="findings-{_e(current)}">{_e(_SEVERITY_TITLES[current])}</h3>')
        parts.append(_finding(finding, docs, anchors))
    parts.append("</section>")
    return "\n".join(parts)


def _stories(report: Report, docs: dict[str, DocumentInfo], anchors: _Anchors) -> str:
    """Each story with its articles, their average similarity and what they share; larger stories first."""
    if not report.stories:
        return ""
    details = {story.id: story for story in report.story_details}
    parts = [
        '<section id="stories"><h2>Stories</h2>'
        '<p class="muted">Articles grouped as reports of one event; only articles of one story are compared.</p>'
    ]
    for story, paths in sorted(report.stories.items(), key=lambda item: (-len(item[1]), item[0])):
        detail = details.get(story)
        facts = [f"{len(paths)} article{'s' if len(paths) != 1 else ''}"]
        if detail is not None and detail.score is not None:
            facts.append(f"average similarity {detail.score:.2f}")
        if detail is not None and detail.shared:
            facts.append("sharing " + ", ".join(detail.shared))
        items = "".join(
            f'<li><a href="#{_e(anchors.article.get(path, ""))}" class="code">{_e(path)}</a>'
            f"{' · ' + _e(docs[path].title or '') if path in docs and docs[path].title else ''}</li>"
            for path in paths
        )
        parts.append(
            f'<div class="story" id="{_e(story)}"><h3>Story <span class="code">{_e(story)}</span></h3>'
            f'<p class="meta">{_e(" · ".join(facts))}</p><ul>{items}</ul></div>'
        )
    parts.append("</section>")
    return "\n".join(parts)


def _articles(findings: list[Finding], docs: dict[str, DocumentInfo], anchors: _Anchors, report: Report) -> str:
    story_of = {path: story for story, paths in report.stories.items() for path in paths}
    parts = ['<section id="articles"><h2>Articles</h2>']
    for path in sorted(docs):
        doc = docs[path]
        facts = [f for f in (doc.title, doc.source, doc.published.isoformat() if doc.published else None) if f]
        if doc.claims:
            facts.append(counted(doc.claims, "claim"))
        if path in story_of:
            facts.append(f"story {story_of[path]}")
        related = [f for f in findings if any(ev.path == path for ev in f.evidence)]
        items = "".join(
            f'<li><a href="#{anchors.finding[id(f)]}"><span class="badge sev-{_e(f.severity)}">{_e(f.severity)}</span> '
            f'<span class="rule">{_e(f.rule)}</span> {_e(f.message)}</a></li>'
            for f in related
        )
        listing = f"<ul>{items}</ul>" if items else '<p class="muted">No findings.</p>'
        parts.append(
            f'<div class="article" id="{anchors.article[path]}"><h3 class="code">{_e(path)}</h3>'
            f'<p class="meta">{_e(" · ".join(facts))}</p>{listing}{_cited_sentences(path, related, anchors)}</div>'
        )
    parts.append("</section>")
    return "\n".join(parts)


def _cited_sentences(path: str, related: list[Finding], anchors: _Anchors) -> str:
    """The article's sentences that findings cite, each with an id the evidence links to."""
    cited: dict[tuple[int, int], tuple[Evidence, list[Finding]]] = {}
    for finding in related:
        for ev in finding.evidence:
            if ev.path == path:
                cited.setdefault((ev.line, ev.column), (ev, []))[1].append(finding)
    if not cited:
        return ""
    items = []
    for (line, column), (ev, cited_by) in sorted(cited.items()):
        # Numbered, since two findings of one rule can cite the same sentence.
        links = ", ".join(
            f'<a href="#{anchors.finding[id(f)]}" class="code">{_e(f.rule)} #{anchors.finding[id(f)].removeprefix("finding-")}</a>'
            for f in dict.fromkeys(cited_by)
        )
        items.append(
            f'<li id="{_e(anchors.sentence(path, line, column))}"><span class="code">{line}:{column}</span> '
            f"{_highlight(ev)} <span class=\"muted\">({links})</span></li>"
        )
    return f'<h4>Sentences cited</h4><ul class="sentences">{"".join(items)}</ul>'


def _date_conflicts(findings: list[Finding], anchors: _Anchors) -> dict[tuple[str, int, str], str]:
    """(path, line, value) of each date a date finding cites → that finding's anchor."""
    cited: dict[tuple[str, int, str], str] = {}
    for finding in findings:
        if finding.kind != "date_conflict":
            continue
        for ev in finding.evidence:
            if ev.value:
                cited.setdefault((ev.path, ev.line, ev.value), anchors.finding[id(finding)])
    return cited


def _timeline(report: Report, findings: list[Finding], anchors: _Anchors) -> str:
    if not report.timeline:
        return ""
    by_story: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in report.timeline:
        by_story[entry.story].append(entry)
    parts = [
        '<section id="timeline"><h2>Timeline</h2>'
        '<p class="muted">The dates each source gives, per story. A date a finding disputes is marked '
        "and links to that finding.</p>"
    ]
    conflicts = _date_conflicts(findings, anchors)
    for story in sorted(by_story):
        # ISO values sort in time order whatever their granularity (2026 < 2026-03 < 2026-03-06).
        entries = sorted(by_story[story], key=lambda t: (t.value, t.event, t.path, t.line))
        rows = []
        for entry in entries:
            finding = conflicts.get((entry.path, entry.line, entry.value))
            href = anchors.article.get(entry.path, "")
            link = (
                f'<a href="#{_e(href)}" class="code">{_e(entry.path)}:{entry.line}</a>'
                if href
                else f'<span class="code">{_e(entry.path)}:{entry.line}</span>'
            )
            row_class = ' class="disputed"' if finding else ""
            mark = f' <a href="#{finding}" title="disputed: see the finding">⚠</a>' if finding else ""
            label = _date_label(entry.value)
            shown = _e(label) if label == entry.value else f'{_e(label)} <span class="muted code">{_e(entry.value)}</span>'
            rows.append(
                f"<tr{row_class}>"
                f'<td class="value">{shown}{mark}</td>'
                f"<td>{_e(entry.event)}</td><td>{_e(entry.source or '')}</td><td>{link}</td>"
                f"<td>{_e(entry.text)}</td></tr>"
            )
        parts.append(
            f'<h3>Story <span class="code">{_e(story)}</span></h3>'
            '<div class="scroll"><table class="timeline"><thead><tr><th scope="col">Date</th><th scope="col">Event</th>'
            '<th scope="col">Source</th><th scope="col">Where</th><th scope="col">Sentence</th></tr></thead>'
            "<tbody>\n" + "\n".join(rows) + "\n</tbody></table></div>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _problems(report: Report) -> str:
    if not report.problems and not report.stale_baseline:
        return ""
    items = [
        f'<li>{"note: " if p.level == "note" else ""}<span class="code">{_e(p.path)}</span>: {_e(p.message)}</li>'
        for p in report.problems
    ]
    items += [f"<li>stale baseline entry: <span class=\"code\">{_e(s)}</span></li>" for s in report.stale_baseline]
    return f'<section id="problems"><h2>Problems</h2><ul class="problems">{"".join(items)}</ul></section>'


@register("html")
def render_html(report: Report, options: RenderOptions) -> str:
    """Render the report as one self-contained HTML page (no scripts, no external resources)."""
    docs = document_index(report)
    findings = ordered_findings(report.findings)
    anchors = _Anchors(findings, docs)
    version = report.tool_version or __version__
    meta = f"factcheck {version}" + (f" · model {report.model}" if report.model else "")
    body = "\n".join(
        [
            f'<header><h1>factcheck report</h1><p class="meta">{_e(meta)}</p></header>',
            _summary(report, docs),
            _toc(findings, report),
            _findings(findings, docs, anchors),
            _stories(report, docs, anchors),
            _articles(findings, docs, anchors, report),
            _timeline(report, findings, anchors),
            _problems(report),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(_csp())}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        "<title>factcheck report</title>\n"
        f"<style>{STYLESHEET}</style>\n"
        f"</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
