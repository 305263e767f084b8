"""Events and the days a sentence gives them, read from the dependency parse.

A date in a sentence belongs to the event whose word governs it: "two men were killed when
gunmen opened fire Friday night" dates the shooting ("open fire"), "the shooting happened
Saturday" dates the shooting named by the subject, "police said Thursday" dates only the
saying, and "in a move reported on Thursday, the White House delayed the signing" dates the
delay that the move is. Event classes and their paraphrases are data (`rules/lexicon.toml`).
"""

from __future__ import annotations

import re

from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Span, Token

from ..models import TimeRef
from .framing import is_scheduled
from .lexicon import Lexicon
from .parsed import doc_text
from .time import TimeLexicon, dates_an_unplanned_event, premodified_noun, verb_tense

__all__ = ["STORY_EVENT", "FoundEvent", "event_phrase", "dated_events"]

# The class of an event named only as "it" ("It happened Monday night"): the story's main
# event, whichever class that is; comparison reads it as that class.
STORY_EVENT = "*"
# What police came to a scene for ("officers responded to the 3700 block on April 1"): the event
# the text named last, leaving out what follows one (an arrest is not what police respond to).
SCENE_EVENT = "*scene"

_VERBS = frozenset({"VERB", "AUX"})
# Walking up from a date further than this reaches words that no longer govern it.
_MAX_HOPS = 6


class FoundEvent(NamedTuple):
    phrase: str
    event_class: str
    time: TimeRef
    tense: str
    scheduled: bool
    follows: bool = False
    """The day is that of what followed the event ("was hospitalized Thursday after a
    shooting"): the event happened that day or before it."""


def event_phrase(verb: Token, lexicon: Lexicon) -> tuple[str, str | None]:
    """(phrase, event class) of a verb with what completes it: "kick in", "take effect",
    "go into effect", "open fire", "lose his life"; the class is None when the lexicon has none."""
    classes = lexicon.event_class_of
    lemma = verb.lemma_.lower()
    if lemma in lexicon.dismissal_verbs and _dismissed(verb, lexicon):
        return lemma, None
    candidates = []
    # "kicked in the front door" is no "the rates kick in": the door is what "in" takes.
    intransitive = lexicon.intransitive_phrases
    has_object = any(child.dep_ in ("dobj", "obj") for child in verb.children)
    for child in verb.children:
        if child.dep_ == "prt":
            phrase = f"{lemma} {child.lower_}"
            if not (has_object and phrase in intransitive):
                candidates.append(phrase)
        elif child.dep_ in ("dobj", "obj", "acomp", "oprd", "xcomp"):
            candidates.append(f"{lemma} {child.lemma_.lower()}")
        elif child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    candidates.append(f"{lemma} {child.lower_} {obj.lemma_.lower()}")
            # "would kick in 60 days after passage": the parser may read the particle as a preposition.
            phrase = f"{lemma} {child.lower_}"
            takes_thing = any(obj.dep_ == "pobj" and _is_thing(obj) for obj in child.children)
            if not ((has_object or takes_thing) and phrase in intransitive):
                candidates.append(phrase)
    for phrase in candidates:
        if phrase in classes:
            return phrase, classes[phrase]
    # A verb with a particle is named with it even when the lexicon lacks the pair ("speak out").
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return (f"{lemma} {particle}" if particle else lemma), classes.get(lemma)


_TIME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL"})


def _is_thing(token: Token) -> bool:
    """Whether a preposition's object is a thing acted on ("the door"), not a time or a count
    ("in 60 days")."""
    return token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in _TIME_LABELS


_PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "who", "whom"})
_WORKPLACES = frozenset({"job", "position", "post", "company", "firm", "team", "department", "agency", "office"})


def _dismissed(verb: Token, lexicon: Lexicon) -> bool:
    """Whether "fired" means let go: someone "was fired" (a person, not shots or a gun, as the
    passive subject) or "fired from" a job or a firm (not "from a rifle"), and not fired "at",
    "on" or "upon" someone."""
    # "on Thursday" is when; "on the officers" is at whom.
    preps = {
        c.lower_ for c in verb.children
        if c.dep_ == "prep" and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
    }
    if preps & {"at", "on", "upon", "into"}:
        return False
    workplace = [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
        for o in c.children if o.dep_ == "pobj" and (o.ent_type_ == "ORG" or o.lemma_.lower() in _WORKPLACES)
    ]
    if workplace:
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    people = lexicon.casualties.people
    return subject.ent_type_ == "PERSON" or subject.lower_ in _PERSONAL_PRONOUNS or subject.lemma_.lower() in people


def dated_events(
    sentence: Span, times: Iterable[TimeRef], lexicon: Lexicon, time_lexicon: TimeLexicon
) -> list[FoundEvent]:
    """(phrase, event class, time, tense, scheduled, follows) for each day-precise time in the
    sentence whose governing word names an event of the lexicon, or what followed one ("was
    hospitalized Thursday after a shooting"). `times` carry parsed-text offsets."""
    found: list[FoundEvent] = []
    doc = sentence.doc
    for time in times:
        if time.granularity != "day" or not (sentence.start_char <= time.start < sentence.end_char):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or _bounds_an_interval(span, lexicon) or _one_of_alternatives(span) or _alone_on_its_line(doc_text(doc), time):
            continue
        # "Friday night, March 6, police said": the parser may hang the parts of one date on
        # different words; the date belongs to the first event any of its parts leads to.
        heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t]
        event = next((e for e in (_governing_event(t, lexicon, span) for t in heads) if e is not None), None)
        if event is None:
            event = _event_it_premodifies(span, lexicon)
        # Only when the verb itself is the event: "Thursday's shooting ... has died" dates the shooting.
        if event is not None and _present_perfect(event[2]) and event_phrase(event[2], lexicon)[1] == event[1]:
            event = _event_named_before(span, event[2], lexicon)
        aftermath = _aftermath_verb(heads, lexicon)
        if event is not None:
            phrase, event_class, verb = event
            tense, scheduled = verb_tense(verb, time_lexicon), is_scheduled(verb, lexicon)
            if dates_an_unplanned_event(span, time_lexicon):
                # "Charges will be filed in Tuesday's shooting": the shooting has happened.
                tense, scheduled = "past", False
            found.append(FoundEvent(phrase, event_class, time, tense, scheduled))
            for noun, noun_class in _events_it_happened_in(verb, lexicon):
                if noun_class != event_class:
                    found.append(FoundEvent(noun, noun_class, time, tense, scheduled))
        # "Hospitalized Thursday after a shooting" (no event on the day), "a boy died Sunday after
        # accidentally shooting himself" (the death is dated): the event "after" names was that
        # day or before it.
        if aftermath is not None and (event is None or aftermath.i == event[2].i):
            dated_class = event[1] if event is not None else None
            tense, scheduled = verb_tense(aftermath, time_lexicon), is_scheduled(aftermath, lexicon)
            followed = _events_it_followed(aftermath, lexicon)
            # "Her parents took her to the hospital on Saturday afternoon, where she died": what
            # followed the story's event, which the text named before ("it", resolved later).
            # Not when "after" names something else ("died Tuesday after a long illness").
            if not followed and not _after_dependents(aftermath):
                followed = [(aftermath.lemma_.lower(), STORY_EVENT)]
            found.extend(FoundEvent(p, c, time, tense, scheduled, True) for p, c in followed if c != dated_class)
    return found


_WORD = re.compile(r"\b[a-z]{3,}\b")


def _alone_on_its_line(text: str, time: TimeRef) -> bool:
    """ "November 28, 2005" on a line of its own above the lede, or "March 14, 2013 at 12:41
    PM | Updated": the page's date, which the parser may hang on the first verb below it."""
    line_start = text.rfind("\n", 0, time.start) + 1
    line_end = text.find("\n", time.end)
    if line_end < 0:
        line_end = len(text)
    rest = (text[line_start : time.start] + " " + text[time.end : line_end]).replace(" at ", " ")
    return (line_start > 0 or line_end < len(text)) and _WORD.search(rest) is None


def _aftermath_verb(heads: list[Token], lexicon: Lexicon) -> Token | None:
    """The verb the day is on when it tells what followed an event ("hospitalized", "died",
    "was taken to a hospital")."""
    for token in heads:
        verb = token.head
        if verb.pos_ == "ADP" and token.dep_ == "pobj":
            verb = verb.head  # "taken to the hospital on Saturday afternoon"
        if verb.pos_ in _VERBS and verb.lemma_.lower() in lexicon.aftermath_verbs:
            return verb
    return None


def _events_it_followed(verb: Token, lexicon: Lexicon) -> list[tuple[str, str]]:
    """The events "after" names on the verb: "hospitalized Thursday after an accidental
    shooting", "died Sunday after accidentally shooting himself"."""
    nouns = lexicon.event_noun_class_of
    events = []
    for child in _after_dependents(verb):
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in nouns:
                    events.append(_noun_event(obj, nouns))
                elif obj.dep_ == "pcomp" and obj.pos_ in _VERBS:
                    phrase, event_class = event_phrase(obj, lexicon)
                    if event_class is not None:
                        events.append((phrase, event_class))
        else:
            phrase, event_class = event_phrase(child, lexicon)
            if event_class is not None:
                events.append((phrase, event_class))
    return events


def _after_dependents(verb: Token) -> list[Token]:
    """What "after" hangs on the verb: the preposition ("after a shooting") or the clause it marks."""
    return [
        c
        for c in verb.children
        if (c.dep_ == "prep" and c.lower_ == "after")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children))
    ]


def _present_perfect(verb: Token) -> bool:
    """ "has charged": English puts no past day on a present perfect, so a day after it belongs
    to an event named on the way ("has charged three men in the shooting of a girl on Wednesday")."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )


def _event_named_before(span: Span, verb: Token, lexicon: Lexicon) -> tuple[str, str, Token] | None:
    """The last event noun between `verb` and the day, dated instead of the verb."""
    classes = lexicon.event_noun_class_of
    doc = span.doc
    nouns = [t for t in doc[verb.i + 1 : span.start] if t.pos_ == "NOUN" and t.lemma_.lower() in classes]
    if not nouns:
        return None
    return (*_noun_event(nouns[-1], classes), verb)


def _noun_event(noun: Token, classes: dict[str, str]) -> tuple[str, str]:
    """(phrase, class) of an event noun, with the compound before it when the lexicon lists the
    pair: a "shooting death" is a killing, while a death alone may come days after the injury."""
    for compound in (c for c in noun.children if c.dep_ == "compound"):
        phrase = f"{compound.lower_} {noun.lemma_.lower()}"
        if phrase in classes:
            return phrase, classes[phrase]
    return noun.lemma_.lower(), classes[noun.lemma_.lower()]


def _events_it_happened_in(verb: Token, lexicon: Lexicon) -> list[tuple[str, str]]:
    """ "A 13-year-old died in an accidental shooting Sunday": the death is dated, and so is
    the shooting it happened in. ("Died after a shooting" dates only the death.)"""
    classes = lexicon.event_noun_class_of
    # Only a casualty happens in an event ("died in a shooting"); "arrested in the shooting"
    # means in connection with it, on another day.
    if verb.lemma_.lower() not in lexicon.casualties.role_of or lexicon.casualties.role_of[verb.lemma_.lower()] in ("arrested", "charged"):
        return []
    events = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            for noun in prep.children:
                lemma = noun.lemma_.lower()
                if noun.dep_ == "pobj" and lemma in classes:
                    events.append((lemma, classes[lemma]))
    return events


# A day after these words bounds a period ("killed this year through July 20", "jailed until
# a hearing on Feb. 19") rather than dating an event.
_INTERVAL_WORDS = frozenset({"since", "until", "till", "through", "by", "from", "between", "before", "after", "as of"})


def _bounds_an_interval(span: Span, lexicon: Lexicon) -> bool:
    doc = span.doc
    if span.root.dep_ == "poss":
        return False  # "recover from Thursday's shooting": the day is the shooting's, not the bound's
    before = [doc[i].lower_ for i in range(max(0, span.start - 4), span.start)]
    if bool(before) and (before[-1] in _INTERVAL_WORDS or any(w in ("until", "through", "since") for w in before)):
        return True
    return _ends_a_stretch(span, lexicon)


def _ends_a_stretch(span: Span, lexicon: Lexicon) -> bool:
    """ "The shootings extended to Sunday evening", "the violence carried into Monday": on a verb
    of extent (`stretch_verbs`), a day after "to" or "into" is where a stretch of events ended,
    not the day of one. "Moved to Monday" is not a stretch, and dates the move's event."""
    preposition = span.root.head
    return (
        span.root.dep_ == "pobj"
        and preposition.lower_ in ("to", "into")
        and preposition.head.lemma_.lower() in lexicon.stretch_verbs
    )


def _one_of_alternatives(span: Span) -> bool:
    """ "Killed Wednesday night or Thursday morning": neither day is the one the report gives."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return "or" in (after, before)


def _governing_event(token: Token, lexicon: Lexicon, span: Span) -> tuple[str, str, Token] | None:
    classes = lexicon.event_noun_class_of
    reporting = lexicon.sets["reporting"]
    # "a Monday morning email", "Saturday's game": a day before a noun dates that thing; "a
    # Dec. 3 incident" dates an event the story names otherwise.
    if token.dep_ in ("compound", "nmod", "poss") and token.head.pos_ == "NOUN" and premodified_noun(token).lemma_.lower() not in classes:
        noun = token.head
        if noun.lemma_.lower() in lexicon.story_event_words:
            return noun.lemma_.lower(), STORY_EVENT, _verb_above(noun) or noun
        return None
    # "released details about Sunday's shooting during a press conference Tuesday": a day on
    # the occasion of speaking is the occasion's, not the event's the speaking is about.
    if token.dep_ in ("npadvmod", "tmod", "pobj") and _an_occasion_of_speaking(token.head, lexicon):
        return None
    node = token
    clause: Token | None = None  # the clause the day is on, when it went on as an event happened
    for _ in range(_MAX_HOPS):
        if node.head is node:
            break
        node = node.head
        lemma = node.lemma_.lower()
        if node.pos_ in ("NOUN", "PROPN") and lemma in classes and node is not token:
            if _spoken_of(node, lexicon):
                # "She did not comment on the shooting Tuesday": the day is the comment's.
                return None
            # "the shooting Saturday", "the Saturday shooting": the noun names the event. The
            # tense is that of the clause the day is on, if any ("is under arrest after the
            # shooting ... as the two were walking home Friday": past, not present).
            noun = _event_noun_nearer(node, span, classes)
            return (*_noun_event(noun, classes), clause or _verb_above(node) or node)
        if node.pos_ not in _VERBS:
            continue
        if _purpose_after(node, token):
            # "On May 7, to maintain their positions in the gang, the defendants shot six people":
            # a day set before a clause of purpose is the main verb's; the parser hangs it on the purpose.
            continue
        if lemma in reporting:
            carried = _event_a_report_carries(node, lexicon)
            return carried
        # "happen", "break out", "take place": the verb with its particle or object.
        completions = [c.lower_ if c.dep_ == "prt" else c.lemma_.lower() for c in node.children if c.dep_ in ("prt", "dobj")]
        if lemma in lexicon.occurrence_verbs or any(f"{lemma} {c}" in lexicon.occurrence_verbs for c in completions) or lemma == "be":
            subject = _occurrence_subject(node, classes)
            if subject is not None and subject.lemma_.lower() in classes:
                return subject.lemma_.lower(), classes[subject.lemma_.lower()], node
            if subject is not None and lemma != "be" and subject.lemma_.lower() in lexicon.story_event_words:
                return f"{subject.lower_} {node.lemma_.lower()}", STORY_EVENT, node
            return None
        phrase, event_class = event_phrase(node, lexicon)
        if event_class is not None:
            return phrase, event_class, node
        noun = _event_a_stray_as_clause_tells(node, classes)
        if noun is not None:
            # The clause's tense is the event's: "is now under arrest" is not when it happened.
            return (*_noun_event(noun, classes), node)
        found = _event_a_verb_leads_to(node, lexicon, span)
        # "The shooting happened as the teens were hanging out ... Tuesday evening": what went
        # on as, while or when the event happened shares its day.
        if found is not None or not _simultaneous(node):
            return found or _circumstance_of(node, lexicon)
        clause = node
    return None


def _an_occasion_of_speaking(word: Token, lexicon: Lexicon) -> bool:
    """A briefing, a press conference, a hearing: not a call, which the lexicon reads as about
    the event ("a call about a shooting Friday")."""
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    occasions = lexicon.sets["occasions"]
    phrase = " ".join(t.lower_ for t in (*(c for c in word.children if c.dep_ == "compound"), word))
    return word.lemma_.lower() in occasions or phrase in occasions


def _spoken_of(noun: Token, lexicon: Lexicon) -> bool:
    """Whether the event noun is what a reporting or remark verb speaks of ("commented on the
    shooting", "spoke about the shooting")."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return False
    verb = noun.head.head
    return verb.pos_ in _VERBS and (verb.lemma_.lower() in lexicon.sets["reporting"] or verb.lemma_.lower() in lexicon.sets["remarks"])


def _event_a_verb_leads_to(verb: Token, lexicon: Lexicon, span: Span) -> tuple[str, str, Token] | None:
    """The event that a day on a verb naming none belongs to, or None."""
    classes = lexicon.event_noun_class_of
    lemma = verb.lemma_.lower()
    if lemma in lexicon.inquiry_verbs or lemma in lexicon.undergoing_verbs:
        # "Police are investigating a shooting Friday night", "were called to a shooting",
        # "the victim who suffered the gunshot wound ... on November 18".
        return _event_it_is_about(verb, lexicon) or _arrival_at_the_scene(verb, lexicon)
    if lemma in lexicon.outcome_verbs:
        # "A dispute escalated to the fatal shooting of the girl Tuesday", "ended in a shooting".
        return _event_it_led_to(verb, classes)
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in classes:
        # "a fatal double shooting involving two teenagers in the Ninth Ward Saturday night".
        noun = verb.head
        return noun.lemma_.lower(), classes[noun.lemma_.lower()], _verb_above(noun) or noun
    if _present_perfect(verb):
        # "Police have made an arrest in the shooting death Thursday of a teen": no past day on
        # a present perfect, so the day is the event's named on the way.
        return _event_named_before(span, verb, lexicon)
    # "The handgun was lying on the bed Thursday and the boy grabbed it and shot himself".
    return _conjoined_event(verb, lexicon)


def _conjoined_event(verb: Token, lexicon: Lexicon) -> tuple[str, str, Token] | None:
    """The first event among the verbs conjoined after `verb` in one narrative sentence, which
    shares its day unless it gives its own or follows "later"."""
    node = verb
    for _ in range(_MAX_HOPS):
        node = next((c for c in node.children if c.dep_ == "conj" and c.pos_ in _VERBS), None)
        if node is None or any(_own_time(c) or c.lower_ in ("later", "eventually", "afterward", "afterwards") for c in node.children):
            return None
        phrase, event_class = event_phrase(node, lexicon)
        if event_class is not None:
            return phrase, event_class, node
    return None


# How a verb that names no event may hang on the event it is a circumstance of: "was shot
# and ... found a gun Monday night" (conj), "was shot during a robbery attempt Sunday" (prep).
# Not a relative clause: "shot a man who was released Monday" tells of the man, on his own day.
_CIRCUMSTANCE_DEPS = frozenset({"conj", "advcl", "xcomp", "prep", "pcomp", "pobj"})
# Auxiliaries that put a verb at another time than the event: "had fled", "will testify".
_OTHER_TIME_AUX = frozenset({"had", "'d", "will", "'ll", "would", "shall", "could", "might", "may", "must", "should"})
_MAX_CIRCUMSTANCE_HOPS = 3


def _circumstance_of(verb: Token, lexicon: Lexicon) -> tuple[str, str, Token] | None:
    """The event a verb naming none is a circumstance of, which shares its day: the nearest event
    verb above it through conjunctions, adverbial clauses and prepositions, not past a reporting
    verb, when neither is set at another time ("had", "will") and the event gives no day of its own.
    A state ("remained in intensive care Friday") holds on its day, which need not be the event's."""
    if _at_another_time(verb) or verb.lemma_.lower() in lexicon.state_verbs:
        return None
    node = verb
    for _ in range(_MAX_CIRCUMSTANCE_HOPS):
        if node.dep_ not in _CIRCUMSTANCE_DEPS or node.head is node or _sequenced(node):
            return None
        node = node.head
        if node.pos_ not in _VERBS:
            continue
        if node.lemma_.lower() in lexicon.sets["reporting"] or _at_another_time(node):
            return None
        phrase, event_class = event_phrase(node, lexicon)
        if event_class is None:
            continue
        return None if any(_own_time(c) for c in node.children) else (phrase, event_class, node)
    return None


# Words that put the event before or after a clause ("killed two people after he fled a shootout
# on Sunday night", "killed after police stormed it following a standoff March 14"): the day
# is a bound of the event's, not its day.
_SEQUENCE_WORDS = frozenset({"after", "before", "following", "until", "till", "since", "once", "prior"})


def _sequenced(token: Token) -> bool:
    """Whether the clause `token` heads is set before or after the event. A noun after "following"
    is an occasion of the event ("injured in a shooting following a fight Saturday night"); a
    clause is an event of its own ("after he fled a shootout on Sunday night")."""
    if token.dep_ == "prep" and token.lower_ in _SEQUENCE_WORDS:
        return any(c.dep_ == "pcomp" for c in token.children)
    if token.dep_ == "pcomp":
        return token.head.lower_ in _SEQUENCE_WORDS
    return token.dep_ == "advcl" and any(c.dep_ in ("mark", "prep") and c.lower_ in _SEQUENCE_WORDS for c in token.children)


def _at_another_time(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _OTHER_TIME_AUX for c in verb.children)


def _own_time(child: Token) -> bool:
    """Whether a verb's dependent gives it a time of its own ("died Tuesday", "on Friday")."""
    if child.dep_ in ("npadvmod", "tmod", "advmod"):
        return child.ent_type_ in ("DATE", "TIME")
    return child.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in child.children)


def _purpose_after(verb: Token, time: Token) -> bool:
    """Whether `verb` is an infinitive of purpose ("to keep") that the day comes before."""
    return verb.dep_ == "advcl" and time.i < verb.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _simultaneous(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in verb.children)


def _event_a_stray_as_clause_tells(verb: Token, classes: dict[str, str]) -> Token | None:
    """The event noun of "after the shooting of his friend as the two of them were trespassing
    ... on Tuesday, police said", which the parser reads as "the shooting as the two" and a
    subjectless "were trespassing" under "said". The clause went on as the event happened, so
    its day is the event's. Only when "as" (or "while") governs every word up to the verb's
    clause, and hangs on a noun of an event: the parser may also give the clause a part of
    the subject ("as the two of them and | a friend were hunting")."""
    end = verb.left_edge.i - 1  # the last word before the verb's clause
    word = next(
        (t for t in verb.doc[verb.sent.start : max(end, verb.sent.start)] if t.lower_ in ("as", "while") and t.dep_ == "prep" and t.right_edge.i == end),
        None,
    )
    if word is None:
        return None
    noun = word.head
    return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in classes else None


def _event_noun_nearer(noun: Token, span: Span, classes: dict[str, str]) -> Token:
    """The event noun a day after a long noun phrase belongs to: the parser may hang "Monday
    night" on the first event noun of "a charge against a boy in the shooting death of his
    friend on the reservation Monday night", but the day is the nearest one's (the death's)."""
    doc = span.doc
    nearer = [
        t for t in doc[noun.i + 1 : span.start]
        if t.pos_ == "NOUN" and t.lemma_.lower() in classes and noun in t.ancestors
    ]
    return nearer[-1] if nearer else noun


def _event_it_premodifies(span: Span, lexicon: Lexicon) -> tuple[str, str, Token] | None:
    """"the Sunday afternoon shooting death": a day between a determiner and an event noun is
    that event's day, however the parser reads the noun phrase (it may take "shooting" for a verb)."""
    classes = lexicon.event_noun_class_of
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in ("the", "a", "an", "last"):
        return None
    found = None
    # The phrase's head is its last noun: "the Sunday stabbing death" dates the death, unless
    # the lexicon lists the pair ("shooting death": a killing).
    for token in doc[span.end : span.end + 3]:
        word = token.lower_ if token.lower_ in classes else token.lemma_.lower()
        if word in classes and token.pos_ in ("NOUN", "VERB") and token.lower_ not in lexicon.verb_only_events:
            pair = f"{found[0]} {word}" if found else ""
            found = (pair, classes[pair], found[2]) if pair in classes else (word, classes[word], _verb_above(token) or token)
        elif token.pos_ not in ("ADJ", "NOUN", "PROPN"):
            break
    return found


def _occurrence_subject(verb: Token, classes: dict[str, str]) -> Token | None:
    """What "happened": the subject, the noun a relative "that" stands for ("the shooting that
    occurred Thursday night"), or the event a clause subject names ("what appeared to be an
    accidental shooting took place")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subject is None:
        # The parser may lose the subject ("At 8:34 pm on April 21 what appeared to be an
        # accidental shooting took place"): the last event noun before the verb it governs.
        before = [t for t in verb.subtree if t.i < verb.i and t.pos_ == "NOUN" and t.lemma_.lower() in classes]
        return before[-1] if before else None
    if subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
        return _what_occurred(verb.head, classes)
    if subject.dep_ == "csubj" or subject.lower_ == "what":
        clause = subject if subject.dep_ == "csubj" else verb
        return next((t for t in clause.subtree if t.pos_ == "NOUN" and t.lemma_.lower() in classes), subject)
    return subject


def _what_occurred(noun: Token, classes: dict[str, str]) -> Token:
    """The noun a relative "that occurred" stands for. Only an event occurs: in "the fatal
    shooting of a woman that occurred at 4439 Pease on Saturday" the parser hangs the clause
    on "woman", and the event is the noun "of" hangs from."""
    if noun.lemma_.lower() in classes:
        return noun
    preposition = noun.head
    if noun.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head.lemma_.lower() in classes:
        return preposition.head
    return noun


def _event_it_is_about(verb: Token, lexicon: Lexicon) -> tuple[str, str, Token] | None:
    """The event looked into: the object ("investigating a shooting"), or what a call or report
    was about ("received a call about a shooting", "responded to a report of shots fired",
    "received a call ... that a child had been shot")."""
    classes = lexicon.event_noun_class_of
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "into") for o in p.children if o.dep_ == "pobj"]
    for noun in objects:
        lemma = noun.lemma_.lower()
        if lemma in classes:
            return lemma, classes[lemma], verb
    for noun in objects:
        if noun.lemma_.lower() not in lexicon.call_nouns:
            continue
        about = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("about", "of") for o in p.children if o.dep_ == "pobj"]
        for topic in about:
            if topic.lemma_.lower() in classes:
                return topic.lemma_.lower(), classes[topic.lemma_.lower()], verb
            # "a report of shots fired": the participle names the event.
            fired = next((c for c in topic.children if c.dep_ == "acl"), None)
            if fired is not None and event_phrase(fired, lexicon)[1]:
                return (*event_phrase(fired, lexicon), verb)
        # "a call ... that a child had been shot": the content clause, on the noun or the verb.
        for clause in [*noun.children, *verb.children]:
            if clause.dep_ in ("ccomp", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                phrase, event_class = event_phrase(clause, lexicon)
                if event_class:
                    return phrase, event_class, verb
    return None


def _arrival_at_the_scene(verb: Token, lexicon: Lexicon) -> tuple[str, str, Token] | None:
    """ "On April 1, officers responded to the 3700 block": police reaching a place on a day
    came for the event the text named last (the story's event, resolved later), not for one
    they were called to elsewhere."""
    if verb.lemma_.lower() not in lexicon.scene_verbs:
        return None
    places = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    if any(o.lemma_.lower() in lexicon.scene_nouns or o.ent_type_ in ("GPE", "LOC", "FAC") for o in places):
        return verb.lemma_.lower(), SCENE_EVENT, verb
    return None


def _event_it_led_to(verb: Token, classes: dict[str, str]) -> tuple[str, str, Token] | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "in", "into"):
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in classes:
                    return noun.lemma_.lower(), classes[noun.lemma_.lower()], verb
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
