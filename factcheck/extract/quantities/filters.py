"""Numbers that name, date or rank rather than count, and why each is skipped."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..parsed import doc_text
from .grammar import _CLAUSE_END, _DIGITS, _HYPHENS, _Grammar
from .lexicon import UnitSpec
from .reading import _Side

def _blocked_tokens(doc: Doc, g: _Grammar) -> set[int]:
    """Tokens inside phone numbers, digit dates, codes and street addresses."""
    blocked: set[int] = set()
    for match in g.blocked.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    return blocked


def _title_word(tok: Token | None) -> bool:
    """A capitalised word that is not a bound or approximation word ("Route", "WAVE")."""
    return tok is not None and tok.text[:1].isupper() and tok.is_alpha and tok.pos_ in ("PROPN", "NOUN")


def _modifies_following_noun(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ in ("nummod", "compound", "amod") and head.i > tok.i and head.pos_ in ("NOUN", "ADJ")


def _is_digits(tok: Token | None) -> bool:
    return tok is not None and _DIGITS.match(tok.text) is not None


@dataclass(frozen=True)
class _Candidate:
    """A number read from the text, with its neighbours, for the skip checks."""

    doc: Doc
    sides: tuple[_Side, ...]
    modified: bool
    blocked: frozenset[int] | set[int]

    @property
    def first(self) -> _Side:
        return self.sides[0]

    @property
    def last(self) -> _Side:
        return self.sides[-1]

    @property
    def core(self) -> list[int]:
        return [t for s in self.sides for t in range(s.num_start, s.end)]

    @property
    def unit(self) -> UnitSpec | None:
        return self.last.unit or self.first.unit

    @property
    def bare(self) -> bool:
        """No unit, no currency, no bound or approximation word: a plain number."""
        return self.unit is None and not (self.first.currency or self.last.currency) and not self.modified

    def at(self, i: int) -> Token | None:
        return self.doc[i] if 0 <= i < len(self.doc) else None

    @property
    def prev(self) -> Token | None:
        return self.at(self.first.start - 1)

    @property
    def prev2(self) -> Token | None:
        return self.at(self.first.start - 2)

    @property
    def next(self) -> Token | None:
        return self.at(self.last.end)


def _lower_at(c: _Candidate, i: int) -> str:
    tok = c.at(i)
    return tok.lower_ if tok is not None else ""


def _in_pattern(c: _Candidate, g: _Grammar) -> bool:
    """Phone numbers, digit dates, codes, street addresses (character patterns)."""
    return any(i in c.blocked for i in c.core)


def _is_year(c: _Candidate, g: _Grammar) -> bool:
    """ "in 2026", "the 2014 season", "2014-15"."""
    return c.bare and any(s.year_like for s in c.sides)


def _is_day_of_month(c: _Candidate, g: _Grammar) -> bool:
    """ "May 21", "Jan. 14", "21 May", "the 21 of May"."""
    if not c.bare:
        return False
    prev, prev2, nxt = c.prev, c.prev2, c.next
    if prev is not None and prev.lower_ in g.date_words:
        return True
    if prev is not None and prev.text == "." and prev2 is not None and prev2.lower_ in g.date_words:
        return True
    if nxt is not None and nxt.lower_ in g.date_words and nxt.text[:1].isupper():
        return True
    return _lower_at(c, c.last.end) == "of" and _lower_at(c, c.last.end + 1) in g.date_words


def _is_time_of_day(c: _Candidate, g: _Grammar) -> bool:
    """ "10 a.m.", "7 pm" ("10:30" and "2:21AM" are not read as numbers at all)."""
    return c.next is not None and c.next.lower_ in g.time_words and (c.unit is None or c.unit.kind != "percent")


def _is_age(c: _Candidate, g: _Grammar) -> bool:
    """ "21-year-old", "46-year old", "19 years of age", "aged 46", "Age: 24", "Davis, 19,"."""
    prev, prev2, nxt = c.prev, c.prev2, c.next
    if c.unit is not None and c.unit.kind == "duration":
        k = c.last.unit_end
        if _lower_at(c, k) in _HYPHENS:
            k += 1
        if _lower_at(c, k) in ("old", "olds", "-old"):
            return True
        if (_lower_at(c, k), _lower_at(c, k + 1)) == ("of", "age"):
            return True
    if prev is not None and prev.lower_ in g.age_words:
        return True
    if prev is not None and prev.is_punct and prev2 is not None and prev2.lower_ in g.age_words:
        return True
    # An appositive after a name: "Davis, 19, was…", "Smith (34)".
    if c.bare and len(c.sides) == 1 and not c.first.is_word and 0 < c.first.value < 120 and c.first.value.is_integer():
        if prev is not None and prev.text in (",", "(") and prev2 is not None and prev2.pos_ in ("PROPN", "NOUN"):
            return nxt is None or nxt.lower_ in _CLAUSE_END
    return False


def _is_in_name(c: _Candidate, g: _Grammar) -> bool:
    """A number between capitalised words ("Regional One Health", "WAVE 3 News", "8 Mile") or in a named entity."""
    prev, nxt = c.prev, c.next
    if c.unit is not None and not c.modified and len(c.sides) == 1 and c.last.unit_end - c.last.end == 1:
        unit_tok = c.doc[c.last.end]
        # Title case only: "GB" and "GHz" are how the units are written.
        if unit_tok.text[:1].isupper() and unit_tok.text[1:].islower() and not c.doc[c.first.start].is_sent_start:
            return True  # a unit word written as a name: "near 8 Mile"
    if not c.bare:
        return False
    if len(c.sides) == 1 and _title_word(prev) and prev.lower_ not in g.before and nxt is not None:  # type: ignore[union-attr]
        if nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start and nxt.lower_ not in g.date_words:
            return True
    return any(c.doc[i].ent_type_ in g.name_labels for i in c.core)


def _is_code(c: _Candidate, g: _Grammar) -> bool:
    """Identifiers, ranks and positions: "Route 66", "Order 14110", "No. 5", "the 1200 block", "Image 2 of 12"."""
    if not c.bare or c.first.is_word:
        return False
    doc, prev, prev2, nxt = c.doc, c.prev, c.prev2, c.next
    num_tok = doc[c.first.num_start]
    if num_tok.lower_ in g.number_names:
        return True
    if prev is not None:
        if prev.lower_ in g.code_words and (prev.text[:1].isupper() or not _modifies_following_noun(num_tok)):
            return True
        if prev.text == "." and prev2 is not None and prev2.lower_ + "." in g.code_words:
            return True
        if _title_word(prev) and prev.lower_ not in g.before and not prev.is_sent_start:
            if not _modifies_following_noun(num_tok):
                return True
        if prev.text == "/":
            return True
    if nxt is not None and nxt.text == "/":
        return True
    # "Image 2 of 12" is a position; "46 of 48 games" counts.
    end = c.last.end
    if _lower_at(c, end) == "of" and _is_digits(c.at(end + 1)):
        after = c.at(end + 2)
        if not (after is not None and after.pos_ == "NOUN" and after.text.islower()):
            return True
    if prev is not None and prev.lower_ == "of" and _is_digits(prev2):
        if not (nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower()):
            return True
    # "the 1200 block", "the 700-block", "the 400 and 700 blocks", "3200 South".
    after_i = end + 1 if _lower_at(c, end) in _HYPHENS else end
    if _lower_at(c, end) in ("and", "or", "to") and _is_digits(c.at(end + 1)):
        after_i = end + 2
    for size in (2, 1):
        if tuple(t.lower_ for t in doc[after_i : after_i + size]) in g.code_after:
            return True
    return False


def _is_decade(c: _Candidate, g: _Grammar) -> bool:
    """ "in their 20's", "the 1990 's" (a glued "1990s" is not read as a number at all)."""
    return c.bare and _lower_at(c, c.last.end) in ("'s", "’s", "s")


def _is_rating(c: _Candidate, g: _Grammar) -> bool:
    """ "4 out of 5"."""
    if not c.bare:
        return False
    end, start = c.last.end, c.first.start
    return (_lower_at(c, end), _lower_at(c, end + 1)) == ("out", "of") or (
        _lower_at(c, start - 2),
        _lower_at(c, start - 1),
    ) == ("out", "of")


def _is_date_entity(c: _Candidate, g: _Grammar) -> bool:
    """A number the NER puts in a DATE or TIME, unless it is a duration or counts a noun."""
    if c.first.currency or c.last.currency or (c.unit is not None and c.unit.kind in ("duration", "percent")):
        return False
    if not any(c.doc[i].ent_type_ in g.date_labels for i in c.core):
        return False
    last = c.doc[c.last.end - 1]
    counts = (
        _modifies_following_noun(last) and last.head.pos_ == "NOUN" and last.head.lemma_.lower() not in g.date_nouns
    )
    return not counts  # "two 17-year-olds" counts; "the 2015 season" does not


def _is_descriptor(c: _Candidate, g: _Grammar) -> bool:
    """ "a 15-inch display", "the 11-inch and 13-inch models", "a three-bedroom house": a number
    hyphened to a noun of `descriptor_nouns` that goes on to a noun names a kind of thing."""
    if not c.bare or _lower_at(c, c.last.end) not in _HYPHENS:
        return False
    noun = c.at(c.last.end + 1)
    if noun is None or noun.lower_ not in g.descriptor_nouns:
        return False
    after = c.at(noun.i + 1)
    return after is not None and (after.pos_ in ("NOUN", "PROPN", "ADJ") or after.lower_ in _HYPHENS or after.lower_ in ("and", "or"))


def _is_pronoun_one(c: _Candidate, g: _Grammar) -> bool:
    """ "one of the", "no one", "one said", "one day", "one another"."""
    if not (c.bare and len(c.sides) == 1 and c.first.words == ("one",)):
        return False
    prev, nxt = c.prev, c.next
    if prev is not None and prev.lower_ in g.one_before:
        return True
    if nxt is None or nxt.lower_ in g.one_after:
        return True
    return nxt.pos_ not in ("NOUN", "PROPN", "ADJ") and nxt.tag_ != "VBN"


def _is_anaphor(c: _Candidate, g: _Grammar) -> bool:
    """ "The two met", "those three left": a number with a determiner and no noun stands for
    people the text named before; it counts nothing the sentence claims."""
    if not (c.bare and len(c.sides) == 1):
        return False
    number = c.doc[c.last.end - 1]
    return (
        c.prev is not None
        and c.prev.lower_ in g.anaphoric
        and c.prev.head.i == number.i
        and number.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
    )


def _is_point_in_time(c: _Candidate, g: _Grammar) -> bool:
    """ "12 years ago", "ten years from now": a time, not how long something lasts."""
    if c.unit is None or c.unit.kind != "duration":
        return False
    end = c.last.unit_end
    return any(tuple(_lower_at(c, end + i) for i in range(len(p))) == p for p in g.point_in_time)


# Each check names why a number is not a quantity; the first that holds decides.
_CHECKS = (
    ("pattern", _in_pattern),
    ("year", _is_year),
    ("date", _is_day_of_month),
    ("time", _is_time_of_day),
    ("age", _is_age),
    ("name", _is_in_name),
    ("code", _is_code),
    ("rating", _is_rating),
    ("decade", _is_decade),
    ("descriptor", _is_descriptor),
    ("date", _is_date_entity),
    ("pronoun", _is_pronoun_one),
    ("anaphor", _is_anaphor),
    ("point in time", _is_point_in_time),
)


def _skip_reason(c: _Candidate, g: _Grammar) -> str | None:
    """Why the candidate is not a quantity (a name, a date, an age…), or None if it is one."""
    for reason, check in _CHECKS:
        if check(c, g):
            return reason
    return None
