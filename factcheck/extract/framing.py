"""How a sentence stands: page furniture rather than reporting, or an event set for later.

The words are data (`[framing]` in `rules/lexicon.toml`).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .lexicon import Lexicon

__all__ = ["in_gallery", "is_furniture", "is_scheduled", "marks_the_page", "previews"]


def is_furniture(sentence_text: str, lexicon: Lexicon, paragraph_start: str = "") -> bool:
    """A caption, an "Updated:" line, a photo credit: page furniture rather than reporting.

    `paragraph_start` is the opening of the paragraph the sentence stands in: a gallery's
    caption ("Image 4 of 32 A deputy gears up ... Seven people were shot") is furniture in all
    its sentences, and the parser may cut its counter from the first ("Image" | "1 of 16 ...").
    """
    lowered = sentence_text.lower()
    pattern = lexicon.framing.furniture_regex
    if marks_the_page(sentence_text, lexicon) or bool(pattern and pattern.search(lowered)):
        return True
    return in_gallery(paragraph_start, lexicon)


def in_gallery(paragraph_start: str, lexicon: Lexicon) -> bool:
    """Whether the paragraph opening `paragraph_start` is a gallery's caption ("Image 4 of 32 ...")."""
    paragraph = lexicon.framing.paragraph_regex
    return bool(paragraph and paragraph_start and paragraph.match(paragraph_start.lower()))


# An ellipsis that ends a line: the page cut a longer text short there.
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*$")
# A cut line repeats another only when enough of it is left to be more than a common opening.
_MIN_PREVIEW_CHARS = 30


def previews(text: str) -> frozenset[int]:
    """The start offsets of the lines that preview another line of the page: cut short with an
    ellipsis, what is left of them stands elsewhere on the page in full ("A man died Thursday
    morning after being shot inside a home on the..." under a gallery's caption). A copy of
    the page's own text is not one more statement of it."""
    found = set()
    start = 0
    for line in text.split("\n"):
        cut = _CUT_SHORT.search(line)
        if cut is not None:
            kept = line[: cut.start()].strip()
            if len(kept) >= _MIN_PREVIEW_CHARS and text.count(kept) > 1:
                found.add(start)
        start += len(line) + 1
    return frozenset(found)


def marks_the_page(sentence_text: str, lexicon: Lexicon) -> bool:
    """Whether the sentence holds a word of the page's own ("Photo:", "Caption", "Updated:"):
    a credit or a control, not a caption's account of the event."""
    lowered = sentence_text.lower()
    return any(cue in lowered for cue in lexicon.framing.furniture)


def is_scheduled(predicate: Token, lexicon: Lexicon) -> bool:
    """The clause puts its event later: "is scheduled to appear", "trial is set for", "is due in court".

    Only the clause's own verb and what hangs on it count: "put off the signing that had been
    scheduled for Thursday" reports a past delay."""
    words = set(lexicon.framing.scheduling)
    if predicate.lemma_.lower() in words:
        return True
    if predicate.dep_ == "xcomp" and predicate.head.lemma_.lower() in words:
        return True
    return any(c.dep_ in ("acomp", "oprd", "xcomp") and c.lemma_.lower() in words for c in predicate.children)
