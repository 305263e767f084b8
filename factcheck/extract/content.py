"""What an article is about, for grouping reports into stories: content lemmas and full names.

Both come with their Zipf frequency in English at large (wordfreq; Speer 2022, a blend of
Wikipedia, subtitles, news, books and web text), so the rarity of a word is a property of
the word, not of the folder it was found in: whether two articles are grouped never
depends on which other articles are beside them.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from ..models import DocumentClaims
from .entities import SALIENT_LABELS, full_key
from .parsed import doc_entities, token_table

__all__ = ["content_terms", "document_names", "headline_text", "with_headline", "zipf"]

# Parts of speech that carry what happened, to whom and where; numbers are the figures.
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Web pages repeat a word in menus and share links; counts past this say nothing more.
_MAX_COUNT = 20
# "Headline - Outlet", "Headline | Outlet | Section": a page title ends with the site's name.
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


@functools.lru_cache(maxsize=200_000)
def zipf(text: str) -> float:
    """Zipf frequency of a word or phrase in English (0 for unknown words: the rarest).

    wordfreq is imported on first use: loading its English list takes about two seconds,
    paid once per process that extracts.
    """
    from wordfreq import zipf_frequency

    return round(zipf_frequency(text, "en"), 2)


def _term(token: Token) -> str | None:
    if token.pos_ not in _CONTENT_POS or token.is_stop or token.is_punct or token.like_url or token.like_email:
        return None
    if token.pos_ == "NUM":
        # Figures, as written ("7.3", "2008"); number words ("three") are too common to tell events apart.
        text = token.text.replace(",", "")
        return text if any(c.isdigit() for c in text) and len(text) <= 7 else None
    lemma = token.lemma_.lower().strip(".-'’")
    return lemma if len(lemma) > 1 and lemma.replace("-", "").isalpha() else None


def content_terms(doc: Doc, *, limit: int = 120) -> tuple[tuple[str, int, float], ...]:
    """The article's content lemmas and figures as `(term, count, zipf)`, the `limit` most telling.

    "Most telling" is the usual log-scaled term frequency times rarity, so a long web page
    keeps its rare words rather than its most repeated ones. Sorted by term.
    """
    pos = token_table(doc).pos
    # Most tokens are not of a content part of speech: those are skipped without a Token.
    counts = Counter(term for i in range(len(doc)) if pos[i] in _CONTENT_POS and (term := _term(doc[i])) is not None)
    scored = [
        (term, min(count, _MAX_COUNT), zipf(term))
        for term, count in counts.items()
    ]
    scored.sort(key=lambda t: (-(1 + math.log(t[1])) * (8.0 - t[2]), t[0]))
    return tuple(sorted(scored[:limit]))


def document_names(doc: Doc, outside: Sequence[tuple[int, int]] = ()) -> tuple[tuple[str, str, int, float], ...]:
    """Named entities of the whole article as `(label, key, count, zipf)`, keyed by full name,
    leaving out those within the character spans `outside` (the page's furniture).

    A one-word person mention ("DeGeneres") counts for the article's full name that ends or
    starts with it ("Ellen DeGeneres") when exactly one does; otherwise it stays a one-word
    key, which story grouping treats as weaker evidence than a full name.
    """
    mentions: Counter[tuple[str, str]] = Counter()
    for ent in doc_entities(doc):
        if ent.label_ in SALIENT_LABELS and not any(start <= ent.start_char < end for start, end in outside):
            key = full_key(ent.text)
            if key and any(c.isalpha() for c in key):
                mentions[(ent.label_, key)] += 1
    full_people = {key for label, key in mentions if label == "PERSON" and " " in key}
    resolved: Counter[tuple[str, str]] = Counter()
    for (label, key), count in mentions.items():
        if label == "PERSON" and " " not in key:
            owners = [name for name in full_people if name.split()[-1] == key or name.split()[0] == key]
            if len(owners) == 1:
                key = owners[0]
        resolved[(label, key)] += count
    return tuple(sorted((label, key, count, zipf(key)) for (label, key), count in resolved.items()))


def headline_text(title: str) -> str:
    """The headline of a page title, without the outlet and section names that follow it.

    An outlet's name is shared by all its reports, whatever they are about: it must not
    link them. The first part is the headline when it has a few words ("Man shot on
    Main St. - KAIT Region 8" → "Man shot on Main St."); a short one ("Crime - …") is kept whole.
    """
    first = _TITLE_SEPARATOR.split(title.strip(), maxsplit=1)[0]
    return first if len(first.split()) >= 3 else title.strip()


def with_headline(claims: DocumentClaims, headline: Doc) -> DocumentClaims:
    """The article's content terms and names with those of its parsed headline added.

    The headline states what the story is about in the fewest words, and a page whose body
    is a paywall notice or a video player has nothing else: its words count once more.
    """
    terms = {term: (count, z) for term, count, z in claims.terms}
    for term, count, z in content_terms(headline):
        known = terms.get(term, (0, z))[0]
        terms[term] = (min(known + count, _MAX_COUNT), z)
    return claims.model_copy(
        update={
            "terms": tuple(sorted((t, c, z) for t, (c, z) in terms.items())),
            "names": _names_added(claims.names, document_names(headline)),
        }
    )


def _names_added(
    names: tuple[tuple[str, str, int, float], ...], more: Iterable[tuple[str, str, int, float]]
) -> tuple[tuple[str, str, int, float], ...]:
    """`names` with the mentions of `more` counted in, a name in both counting for both."""
    counted = {(label, key): (count, z) for label, key, count, z in names}
    for label, key, count, z in more:
        known = counted.get((label, key), (0, z))[0]
        counted[(label, key)] = (known + count, z)
    return tuple(sorted((lb, k, c, z) for (lb, k), (c, z) in counted.items()))


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def place_text(place: str) -> str:
    """A dateline's place as a sentence writes it ("ST. LOUIS" → "St. Louis", "PRINCE GEORGE'S
    CO." → "Prince George's Co."), for the tagger, which reads capitals as an organisation."""
    return re.sub(r"[a-z]+(?:['’][a-z]+)?", lambda m: m.group(0).capitalize(), place.lower())


def with_dateline_place(claims: DocumentClaims, place: Doc) -> DocumentClaims:
    """The article's names with the place of its wire dateline added, when the tagger reads it as
    a place ("HOUSTON —" cut from the text; not "UPDATE —" or "BREAKING —"): reports of one event
    name its city there, and the body often does not name it again."""
    found = [name for name in document_names(place) if name[0] in _PLACE_LABELS]
    return claims.model_copy(update={"names": _names_added(claims.names, found)}) if found else claims
