"""Events and the days a sentence gives them, read from the dependency parse.

A date in a sentence belongs to the event whose word governs it: "two men were killed when
gunmen opened fire Friday night" dates the shooting ("open fire"), "the shooting happened
Saturday" dates the shooting named by the subject, "police said Thursday" dates only the
saying, and "in a move reported on Thursday, the White House delayed the signing" dates the
delay that the move is. Event classes and their paraphrases are data (`rules/lexicon.toml`).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..models import TimeRef
from .casualties import is_scheduled
from .lexicon import Lexicon
from .time import TimeLexicon, verb_tense

__all__ = ["event_phrase", "dated_events"]

_VERBS = frozenset({"VERB", "AUX"})
# Walking up from a date further than this reaches words that no longer govern it.
_MAX_HOPS = 6


def event_phrase(verb: Token, lexicon: Lexicon) -> tuple[str, str | None]:
    """(phrase, event class) of a verb with what completes it: "kick in", "take effect",
    "go into effect", "open fire", "lose his life"; the class is None when the lexicon has none."""
    classes = lexicon.event_class_of
    lemma = verb.lemma_.lower()
    candidates = []
    for child in verb.children:
        if child.dep_ == "prt":
            candidates.append(f"{lemma} {child.lower_}")
        elif child.dep_ in ("dobj", "obj"):
            candidates.append(f"{lemma} {child.lemma_.lower()}")
        elif child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    candidates.append(f"{lemma} {child.lower_} {obj.lemma_.lower()}")
    for phrase in candidates:
        if phrase in classes:
            return phrase, classes[phrase]
    # A verb with a particle is named with it even when the lexicon lacks the pair ("speak out").
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return (f"{lemma} {particle}" if particle else lemma), classes.get(lemma)


def dated_events(
    sentence: Span, times: Iterable[TimeRef], lexicon: Lexicon, time_lexicon: TimeLexicon
) -> list[tuple[str, str, TimeRef, str, bool]]:
    """(phrase, event class, time, tense, scheduled) for each day-precise time in the sentence
    whose governing word names an event of the lexicon. `times` carry parsed-text offsets."""
    found = []
    doc = sentence.doc
    for time in times:
        if time.granularity != "day" or not (sentence.start_char <= time.start < sentence.end_char):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        event = _governing_event(span.root, lexicon)
        if event is None:
            continue
        phrase, event_class, verb = event
        found.append((phrase, event_class, time, verb_tense(verb, time_lexicon), is_scheduled(verb, lexicon)))
    return found


def _governing_event(token: Token, lexicon: Lexicon) -> tuple[str, str, Token] | None:
    classes = lexicon.event_class_of
    reporting = lexicon.sets["reporting"]
    node = token
    for _ in range(_MAX_HOPS):
        if node.head is node:
            break
        node = node.head
        lemma = node.lemma_.lower()
        if node.pos_ in ("NOUN", "PROPN") and lemma in classes and node is not token:
            # "the shooting Saturday", "the Saturday shooting": the noun names the event.
            return lemma, classes[lemma], _verb_above(node) or node
        if node.pos_ not in _VERBS:
            continue
        if lemma in reporting:
            carried = _event_a_report_carries(node, lexicon)
            return carried
        if lemma in lexicon.occurrence_verbs or lemma == "be":
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lemma_.lower() in classes:
                return subject.lemma_.lower(), classes[subject.lemma_.lower()], node
            return None
        phrase, event_class = event_phrase(node, lexicon)
        return (phrase, event_class, node) if event_class else None
    return None


def _event_a_report_carries(verb: Token, lexicon: Lexicon) -> tuple[str, str, Token] | None:
    """ "In a move reported on Thursday, the president delayed the signing": the report's date
    is the event's when the report modifies a noun that names the event itself ("move",
    "decision"); "police said Thursday" dates only what the police did."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in lexicon.event_nouns:
        return None
    governor = _verb_above(noun)
    if governor is None:
        return None
    phrase, event_class = event_phrase(governor, lexicon)
    return (phrase, event_class, governor) if event_class else None


def _verb_above(token: Token) -> Token | None:
    node = token
    for _ in range(_MAX_HOPS):
        if node.head is node:
            return None
        node = node.head
        if node.pos_ in _VERBS:
            return node
    return None
