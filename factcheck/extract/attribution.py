"""Who asserts a claim: the speaker, the reporting cue, direct quotes and the setting.

Follows the shape of textacy's `direct_quotations` (speaker, cue, content), extended
with "according to" sources, anonymous sources and outlets, and the setting in
which something was said ("in a briefing").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..models import Attribution
from .entities import entity_key
from .lexicon import Lexicon
from .parsed import doc_entities, entities_in, text_of, token_table

__all__ = ["quote_spans", "reporting_cue", "attribution_for", "SpeakerMemory"]

_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")
_QUOTE_MARK = re.compile('["“”]')
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# "It said the cause of death was ...": an office or a firm named before.
_THING_PRONOUNS = frozenset({"it"})


@functools.lru_cache(maxsize=256)
def quote_spans(text: str, offset: int = 0) -> tuple[tuple[int, int], ...]:
    """Character ranges of quoted passages (inside the marks) in `text`.

    A quotation often runs over several sentences: a sentence that opens a quote and never
    closes it is quoted from the mark to its end, and one that closes a quote it never opened
    is quoted from its start to the mark. (Kept for the last sentences read: each clause of
    a sentence asks again.)"""
    spans = [(m.start(1), m.end(1)) for m in _QUOTE_RE.finditer(text)]
    paired = {i for s, e in spans for i in (s - 1, e)}
    for found in _QUOTE_MARK.finditer(text):
        i, mark = found.start(), found.group()
        if i in paired:
            continue
        opens = mark == "“" or (mark == '"' and (i == 0 or text[i - 1].isspace()))
        if opens and not any(s > i for s, _ in spans):
            spans.append((i + 1, len(text)))
        elif not opens and not any(e < i for _, e in spans):
            spans.append((0, i))
    return tuple(sorted((s + offset, e + offset) for s, e in spans))


@dataclass
class SpeakerMemory:
    """The last named person in an article, and the organisation the sentence just read is about,
    to resolve "he said" and "it said" (a simple, local coreference)."""

    last_person: str | None = None
    last_person_key: str | None = None
    last_organization: str | None = None
    people: set[str] = field(default_factory=set)


def reporting_cue(predicate: Token, lexicon: Lexicon) -> Token | None:
    """The reporting verb that introduces the clause headed by `predicate`, if any."""
    reporting = lexicon.sets["reporting"]
    node = predicate
    for _ in range(3):
        if node.dep_ in ("ccomp", "parataxis", "xcomp") and node.head.lemma_.lower() in reporting:
            return node.head
        if node.dep_ == "ccomp":
            # "said at a briefing that ...": the clause hangs off the setting noun.
            for ancestor in node.ancestors:
                if ancestor.lemma_.lower() in reporting and ancestor.pos_ in ("VERB", "AUX"):
                    return ancestor
        if node.dep_ in ("conj",) and node.head.i != node.i:
            node = node.head
            continue
        break
    for child in predicate.children:
        if child.dep_ in ("parataxis", "advcl") and child.lemma_.lower() in reporting:
            return child
    return None


def _named_first(subjects: list[Token]) -> Token:
    """Of several subjects ("chief of staff ... Ortiz said"), the one that is a named person."""
    for subject in subjects:
        if subject.ent_type_ == "PERSON":
            return subject
    return subjects[0]


def _according_to(sentence: Span) -> Token | None:
    doc, lowers = sentence.doc, token_table(sentence.doc).lower
    for tok in (doc[i] for i in range(sentence.start, sentence.end) if lowers[i] in ("according", "citing")):
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            objects = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"] or [
                c for c in tok.children if c.dep_ == "pobj"
            ]
            if objects:
                return objects[0]
        if tok.lower_ in ("citing",):
            objects = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
            if objects:
                return objects[0]
    return None


_NUMBER_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _speaker_span(head: Token) -> Span:
    """The named entity holding `head`, else its noun phrase without determiners."""
    doc = head.doc
    # A name is the speaker; a number is not ("one" of "according to one of the officials").
    if head.ent_type_ and head.ent_type_ not in _NUMBER_LABELS:
        for ent in doc_entities(doc):
            if ent.start <= head.i < ent.end:
                return ent
    left = head.i
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "flat") and child.i < left:
            left = child.i
    right = head.i + 1
    for child in head.rights:
        if child.dep_ in ("prep", "acl", "amod", "flat", "appos") and child.i >= right:
            right = child.right_edge.i + 1
    # "one of the officials, who was not authorized to speak": the source ends at the comma.
    comma = next((t.i for t in doc[head.i + 1 : right] if t.text == ","), None)
    return doc[left : comma if comma is not None else right]


def _speaker_type(span: Span, lexicon: Lexicon) -> str:
    text = span.text.lower()
    text_no_det = re.sub(r"^(?:the|a|an)\s+", "", text)
    if text in lexicon.sets["outlets"] or text_no_det in lexicon.sets["outlets"]:
        return "outlet"
    labels = {t.ent_type_ for t in span if t.ent_type_}
    if "PERSON" in labels:
        return "person"
    if labels & {"ORG", "GPE", "NORP", "FAC"}:
        return "organization"
    if span.root.lemma_.lower() in lexicon.sets["anonymous"] or any(
        t.lemma_.lower() in lexicon.sets["anonymous"] for t in span
    ):
        return "anonymous"
    return "organization" if span.root.pos_ == "PROPN" else "anonymous"


@functools.lru_cache(maxsize=8)
def _last_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(phrase.rsplit(" ", 1)[-1] for phrase in phrases)


def _setting(cue: Token, lexicon: Lexicon) -> str | None:
    settings = lexicon.sets["settings"]
    # A setting ends with its noun ("press conference"): a noun that ends none is passed by
    # without reading the words before it.
    last_words = _last_words(settings)
    table = token_table(cue.doc)
    blocked = {t.i for c in cue.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
    for tok in cue.subtree:
        i = tok.i
        if i in blocked or table.pos[i] != "NOUN" or table.lemma[i] not in last_words:
            continue
        compound = " ".join([c.lower_ for c in tok.lefts if c.dep_ == "compound"] + [tok.lemma_.lower()])
        if compound in settings:
            return compound
        if tok.lemma_.lower() in settings and tok.head.dep_ in ("prep", "agent") or (
            tok.lemma_.lower() in settings and tok.head.lower_ in ("in", "at", "during", "on")
        ):
            return tok.lemma_.lower()
    return None


def _cue_text(cue: Token) -> str:
    parts = [cue.lemma_.lower()]
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and child.lemma_.lower() in ("reporter", "journalist", "press"):
            parts.append(child.lower_)
        if child.dep_ == "prt":
            parts.append(child.lower_)
    return " ".join(parts)


def attribution_for(
    predicate: Token, sentence: Span, lexicon: Lexicon, memory: SpeakerMemory
) -> tuple[Attribution, Token | None]:
    """The attribution of the clause headed by `predicate` and the reporting verb, if any."""
    cue = reporting_cue(predicate, lexicon)
    speaker_head: Token | None = None
    cue_text: str | None = None
    if cue is not None:
        subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            speaker_head = _named_first(subjects)
        cue_text = _cue_text(cue)
    elif predicate.lemma_.lower() in lexicon.sets["reporting"]:
        # "Reuters reported the delay", "Ortiz said at a briefing that ...": the predicate itself reports.
        subjects = [c for c in predicate.children if c.dep_ == "nsubj"]
        if subjects:
            speaker_head, cue, cue_text = _named_first(subjects), predicate, _cue_text(predicate)
    if speaker_head is not None and speaker_head.lower_ in _THING_PRONOUNS and speaker_head.dep_ == "nsubjpass":
        # "It was reported that ...": the "it" stands for no one.
        speaker_head = None
    if speaker_head is None:
        source = _according_to(sentence)
        if source is not None:
            speaker_head = source
            cue_text = "according to"
    quotes = quote_spans(text_of(sentence), sentence.start_char)
    in_quote = next(((s, e) for s, e in quotes if s <= predicate.idx < e), None)
    if in_quote is not None and cue is not None and in_quote[0] <= cue.idx < in_quote[1] and cue_text != "according to":
        # "“And then they said Jamillah was hit ...”": a reporting verb inside the quotation
        # is the quoted speaker's own; who speaks the quotation is said outside it, or nowhere.
        speaker_head, cue, cue_text = None, None, None
        outside = sentence.root
        if outside.lemma_.lower() in lexicon.sets["reporting"] and not in_quote[0] <= outside.idx < in_quote[1]:
            subjects = [c for c in outside.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                speaker_head, cue, cue_text = _named_first(subjects), outside, _cue_text(outside)
    setting = _setting(cue, lexicon) if cue is not None else None
    if speaker_head is None:
        return (
            Attribution(
                speaker=None,
                speaker_type="article",
                cue=None,
                direct_quote=in_quote is not None,
                quote=text_of(sentence)[in_quote[0] - sentence.start_char : in_quote[1] - sentence.start_char] if in_quote else None,
                setting=setting,
            ),
            cue,
        )
    person = next(
        (e for e in entities_in(sentence) if e.label_ == "PERSON" and speaker_head.left_edge.i <= e.start and e.end <= speaker_head.right_edge.i + 1),
        None,
    )
    # "White House chief of staff Lena Ortiz said": the name, not the title, is the speaker.
    span = person if person is not None else _speaker_span(speaker_head)
    speaker = span.text
    speaker_type = _speaker_type(span, lexicon)
    if speaker_type == "organization" and entity_key(speaker, "PERSON") in memory.people:
        # The small model sometimes labels a bare surname ("Ruiz said") as an organisation;
        # a surname already seen in a person's name is that person.
        speaker_type = "person"
    if speaker_head.lower_ in _PRONOUNS and memory.last_person:
        speaker, speaker_type = memory.last_person, "person"
    elif speaker_head.lower_ in _THING_PRONOUNS and memory.last_organization:
        speaker, speaker_type = memory.last_organization, "organization"
    return (
        Attribution(
            speaker=speaker,
            speaker_type=speaker_type,  # type: ignore[arg-type]
            cue=cue_text,
            direct_quote=in_quote is not None,
            quote=text_of(sentence)[in_quote[0] - sentence.start_char : in_quote[1] - sentence.start_char] if in_quote else None,
            setting=setting,
        ),
        cue,
    )


def remember_speakers(sentence: Span, memory: SpeakerMemory) -> None:
    """Update the last-named person and organisation after a sentence has been read. A name inside a quotation
    ("I'd like to thank my wife Portia") is the quoted speaker's word, not the next "she said"."""
    quotes = quote_spans(text_of(sentence), sentence.start_char)
    organizations = []
    for ent in entities_in(sentence):
        if any(s <= ent.start_char < e for s, e in quotes):
            continue
        if ent.label_ == "PERSON":
            memory.last_person = ent.text
            memory.last_person_key = entity_key(ent.text, "PERSON")
            memory.people.add(memory.last_person_key)
        elif ent.label_ == "ORG":
            organizations.append(ent)
    # "The Harwell Police Department released a statement. It said ...": "it" speaks for the
    # organisation that is the subject of the sentence just before; after any other sentence
    # ("The complaint ... It says"), it may be a document, and stays unresolved.
    subject = next((e for e in organizations if e.root.dep_ == "nsubj"), None)
    memory.last_organization = re.sub(r"^the\s+", "", subject.text, flags=re.IGNORECASE) if subject is not None else None


def speaker_key(attribution: Attribution) -> str | None:
    """A key to compare speakers across reports (a person's surname, an organisation's name)."""
    if not attribution.speaker or attribution.speaker_type in ("article", "anonymous"):
        return None
    label = "PERSON" if attribution.speaker_type == "person" else "ORG"
    return entity_key(attribution.speaker, label)


__all__ += ["remember_speakers", "speaker_key"]
