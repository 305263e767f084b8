"""Find an article's title and dateline in the first lines of its text.

News text carries its metadata in a handful of conventional shapes at the top:

- `March 6, 2026 · Outlet` (date, separator, outlet)
- `5/16/2026, 1:00:00 PM · Section` (numeric US date and time; the tail is a section, not a source)
- `Published: 2026-05-21`, `Updated May 21, 2026 10:02 a.m. ET`, `2026-05-21T09:30:00Z`
- `By Jane Doe | May 21, 2026` (byline with or without a date)
- `WASHINGTON, May 21 (Reuters) - ...` and `FRANKLIN, Ind. (AP) — ...`: a wire dateline that
  starts the first paragraph (place in capitals, optional date, outlet in brackets).
- `https://example.com/2013/08/02/local/quake-hits-island/`: the page's address, saved with
  its text; many outlets put the publication day in it.

A wire dateline usually omits the year; it is then taken from a full date elsewhere
in the article, and left unknown when there is none (never guessed).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["DateMatch", "Dateline", "Header", "date_value", "find_date", "full_dates", "parse_line", "parse_prefix", "read_header", "top_address", "url_date"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Capitalized or upper-case month names only: lower-case "may" is the modal verb.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.?,?\s+)?"
_DATE_PATTERNS = (
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"),
    re.compile(rf"{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"(?P<nmonth>\d{1,2}) ?/ ?(?P<day>\d{1,2}) ?/ ?(?P<year>(?:19|20)\d\d)\b"),
    re.compile(
        r"(?P<year>(?:19|20)\d\d)-(?P<nmonth>\d\d)-(?P<day>\d\d)"
        r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])"
    ),
)
_TIME = re.compile(
    r",?\s*(?:at\s+|@\s*|[-–—]\s*)?\d{1,2}(?::\s?\d\d){1,2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
    r"(?:\s+(?:[A-Z]{2,4}\b|GMT[+-]\d{1,2}))?"
)
_LABEL = re.compile(
    r"(?P<label>First published|Last updated|Published|Posted|Updated|Modified|Dated|Date)\b\s*(?:on\b)?\s*:?\s*",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*[·|•—–-]\s*")
_BYLINE = re.compile(r"[Bb]y:?\s+(?P<rest>\S.*)")
# A wire dateline: PLACE in capitals, an optional region ("Ind.", "Fla."), an optional date,
# an optional bracket (an outlet or a date), then a dash.
_WIRE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][a-z.]+)?))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*(?:19|20)\d\d)?))?"
    r"(?:\s*\((?P<paren>[^()\n]{1,40})\))?"
    r"\s*(?P<dash>[-–—]+|:)(?:\s+|$|(?(paren)(?<=[–—])(?=[A-Z])|(?!)))"  # "(KTVI)–Four": after an outlet, a long dash may touch the text
)
# A web address on a line of its own, as saved pages and corpora start ("https://…", "www.…"),
# also in tokenized text where the address is spaced out ("http: / / www. example. com / …").
_URL_LINE = re.compile(r"\s*(?:https?\s*:\s*/\s*/|www\s*\.)\s*\S", re.IGNORECASE)
# The publication day in an address path: "/2013/08/02/", "/2013-08-02-".
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<nmonth>\d{1,2})[/-](?P<day>\d{1,2})(?=[/_.-]|$)")
_SOURCE_WORDS = re.compile(r"^[A-Z][\w.&'’ -]{0,40}$")
# A line short enough to be a headline: a title has no final period.
_MAX_TITLE_CHARS = 160
_MAX_TITLE_WORDS = 25
_HEADER_LINES = 6


@dataclass(frozen=True)
class DateMatch:
    """A calendar date written in the text; `year` is None when the text omits it."""

    start: int
    end: int
    year: int | None
    month: int
    day: int

    @property
    def date(self) -> dt.date | None:
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True)
class Dateline:
    """What one dateline or byline says; `start`/`end` delimit it in the line it was read from."""

    text: str
    start: int
    end: int
    date: DateMatch | None = None
    label: str | None = None
    source: str | None = None
    author: str | None = None
    place: str | None = None


@dataclass
class Header:
    """The metadata found at the top of an article and the stretches of text it occupied."""

    title: str | None = None
    published: dt.date | None = None
    published_text: str | None = None
    source: str | None = None
    author: str | None = None
    place: str | None = None
    url: str | None = None
    cuts: list[tuple[int, int]] = field(default_factory=list)
    """`(start, end)` stretches of the text that are metadata, not body."""


def _month_number(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("nmonth"):
        return int(groups["nmonth"])
    return _MONTHS[groups["month"].lower().rstrip(".")]


def _date_from(match: re.Match[str]) -> DateMatch | None:
    year = match.group("year")
    month, day = _month_number(match), int(match.group("day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMatch(match.start(), match.end(), int(year) if year else None, month, day)


def find_date(text: str, pos: int = 0, *, anchored: bool = False) -> DateMatch | None:
    """The first date in `text` from `pos` (or the one starting exactly at `pos` when `anchored`)."""
    best: DateMatch | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text, pos) if anchored else pattern.search(text, pos)
        if match is None:
            continue
        found = _date_from(match)
        if found is not None and (best is None or found.start < best.start):
            best = found
    return best


def full_dates(text: str) -> Iterator[dt.date]:
    """Every complete, valid date written in `text`, in order."""
    pos = 0
    while (found := find_date(text, pos)) is not None:
        if found.date is not None:
            yield found.date
        pos = found.end


def _skip_time(line: str, pos: int) -> int:
    match = _TIME.match(line, pos)
    return match.end() if match else pos


def _source(tail: str) -> str | None:
    tail = tail.strip()
    return tail if tail and _SOURCE_WORDS.match(tail) and len(tail.split()) <= 6 else None


def _dated(line: str, pos: int) -> Dateline | None:
    """A `[label] date [time] [· tail]` dateline filling `line` from `pos` to its end."""
    label = None
    if match := _LABEL.match(line, pos):
        label, pos = match.group("label").lower(), match.end()
    date = find_date(line, pos, anchored=True)
    if date is None:
        return None
    end = _skip_time(line, date.end)
    rest = line[end:]
    source = None
    if rest.strip() and not _LABEL.match(rest.strip()):
        separator = _SEPARATOR.match(rest)
        if separator is None:
            return None
        tail = rest[separator.end() :]
        if _LABEL.match(tail) or find_date(tail, anchored=True):
            pass  # "Posted ... | Updated ...": the first date is the one we keep
        elif date.start < len(line) and line[date.start].isdigit() and "/" in line[date.start : date.end]:
            pass  # after a numeric date and time comes a section name, not an outlet
        else:
            source = _source(tail)
            if source is None and len(tail.split()) > 6:
                return None
    return Dateline(text=line.strip(), start=0, end=len(line), date=date, label=label, source=source)


def parse_line(line: str) -> Dateline | None:
    """A line that is entirely a dateline or a byline, else None.

    Example: `parse_line("By Jane Doe | May 21, 2026")` gives author "Jane Doe" and the date.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return None
    offset = len(line) - len(line.lstrip())
    if byline := _BYLINE.fullmatch(stripped):
        rest = byline.group("rest")
        cut = len(rest)
        if label := _LABEL.search(rest):
            cut = label.start()
        if (date := find_date(rest)) is not None:
            cut = min(cut, date.start)
        author = rest[:cut].strip(" |·•,;–—-")
        dated = _dated(rest, cut) if cut < len(rest) else None
        if cut < len(rest) and dated is None:
            return None
        if not author or len(author.split()) > 12 or author.endswith("."):
            return None
        return Dateline(
            text=stripped,
            start=offset,
            end=offset + len(stripped),
            date=dated.date if dated else None,
            label=dated.label if dated else None,
            author=author,
        )
    dated = _dated(stripped, 0)
    if dated is None:
        return None
    return Dateline(
        text=stripped, start=offset, end=offset + len(stripped), date=dated.date, label=dated.label, source=dated.source
    )


def parse_prefix(line: str) -> Dateline | None:
    """A wire dateline that opens a paragraph (`WASHINGTON, May 21 (Reuters) - `), else None.

    `end` is where the body text starts, after the dash.
    """
    match = _WIRE.match(line)
    if match is None:
        return None
    place, paren, date_text = match.group("place"), match.group("paren"), match.group("date")
    if len(place.replace(".", "").replace(" ", "")) < 2:
        return None
    if match.group("dash") == ":" and not (paren or date_text):
        return None  # "NOTE:", "UPDATE:" are labels, not places
    date = source = None
    if date_text:
        found = find_date(line, match.start("date"), anchored=True)
        date = found
    if paren:
        found = find_date(line, match.start("paren"), anchored=True)
        if found is not None and date is None:
            date = found
        elif found is None:
            source = _source(paren)
    if match.group("region") is None and date is None and source is None and match.end() >= len(line.rstrip()):
        pass  # "DETROIT -" on a line of its own still names the place
    return Dateline(
        text=line[: match.end()].strip(), start=0, end=match.end(), date=date, source=source, place=place.strip()
    )


def _is_title(line: str) -> bool:
    stripped = line.strip().rstrip("\"'”’)]*_ ")
    if not stripped or len(line.strip()) > _MAX_TITLE_CHARS or len(stripped.split()) > _MAX_TITLE_WORDS:
        return False
    if stripped.endswith((".", ",", ";", ":")) and not stripped.endswith(("..", "Jr.", "Sr.", "U.S.")):
        return False
    return any(ch.isalpha() for ch in stripped)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)


def read_header(text: str, *, title: str | None = None) -> Header:
    """Title and dateline from the first lines of `text`, with the stretches they occupy.

    Args:
        text: The article text (markup already removed).
        title: A title known from metadata; a first line repeating it is cut.
    """
    header = Header(title=title)
    dated: Dateline | None = None
    seen = 0
    lines = [(start, line) for start, line in _lines(text) if line.strip()]
    for index, (start, line) in enumerate(lines[:_HEADER_LINES]):
        seen += 1
        whole = parse_line(line)
        if whole is not None:
            header.cuts.append((start, start + len(line)))
            header.author = header.author or whole.author
            header.source = header.source or whole.source
            if whole.date is not None and (dated is None or (dated.label == "updated" and whole.label != "updated")):
                dated = whole
            continue
        prefix = parse_prefix(line)
        if prefix is not None:
            header.cuts.append((start, start + prefix.end))
            header.place = prefix.place
            header.source = header.source or prefix.source
            if prefix.date is not None and dated is None:
                dated = prefix
            if prefix.end < len(line.rstrip()):
                break  # the body starts on this line
            continue
        if _URL_LINE.match(line) and header.url is None:
            header.url = "".join(line.split())
            header.cuts.append((start, start + len(line)))
            continue
        is_last = index == len(lines) - 1
        if title is not None and line.strip().strip("#* ") == title.strip():
            header.cuts.append((start, start + len(line)))
            continue
        if header.title is None and not is_last and _is_title(line):
            header.title = line.strip().lstrip("#").strip()
            header.cuts.append((start, start + len(line)))
            continue
        break
    if dated is not None and dated.date is not None:
        date = dated.date
        header.published_text = dated.text
        header.published = date.date
        if date.year is None:
            header.published = _with_year_from(text, date)
    return header


def top_address(text: str) -> str | None:
    """The web address on a line of its own among the first lines of `text`, spaces removed."""
    lines = [line for _, line in _lines(text) if line.strip()]
    return next(("".join(line.split()) for line in lines[:_HEADER_LINES] if _URL_LINE.match(line)), None)


def url_date(url: str | None) -> dt.date | None:
    """The publication day an address gives in its path ("…/2013/08/02/…"), if any."""
    match = _URL_DATE.search(url or "")
    found = _date_from(match) if match else None
    return found.date if found else None


def _with_year_from(text: str, date: DateMatch) -> dt.date | None:
    """A yearless dateline's date, taking the year from the article's first full date."""
    for found in full_dates(text):
        try:
            return dt.date(found.year, date.month, date.day)
        except ValueError:
            return None
    return None


def date_value(value: object) -> dt.date | None:
    """A publication date from metadata: a date, a datetime, an ISO string or a written date with a year."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if len(text) > 100:  # a date is short; a long value is not one, and is not scanned
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        found = find_date(text)
    except (ValueError, OverflowError):  # digits that make no calendar date
        return None
    return found.date if found is not None else None
