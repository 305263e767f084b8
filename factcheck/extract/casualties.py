"""Counts of people by the role they fill in an event, read from the dependency parse.

"One man was killed and three others were wounded" gives killed 1 and injured 3;
"the shooting of four people" gives shot 4; "two of the four" is a part, "three other
women" the rest of a group, "18 people were shot across the city" an aggregate. The roles,
the person nouns and the scope cues are data in `rules/lexicon.toml` ([casualties]).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .parsed import text_of, token_table

__all__ = ["CountMention", "casualty_counts", "number_value"]

class CountMention(NamedTuple):
    """A count of people in one role, with offsets into the parsed text."""

    role: str
    count: int
    scope: str
    noun: str
    start: int
    end: int
    with_perpetrator: bool = False


# Entity types whose numbers never count people: "May 7", "3 p.m.", "$500", "20%", "first".
_NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "dozen": 12, "both": 2,
}
# Words that go on counting people one by one ("one ..., another ...", "a fourth").
_ENUMERATION = frozenset({"another", "second", "third", "fourth", "fifth"})
# Nouns that hold a running count ("the death toll rose to three").
_TALLIES = frozenset({"toll", "count", "number"})
# Active verbs whose subject is the one acting, not the one hurt ("the gunman killed two").
_INTRANSITIVE = frozenset({"die", "perish", "succumb"})
# Counts bigger than this in one incident are tallies, phone numbers or ids, not people.
_MAX_COUNT = 1000
# Adjectives that make an event noun a killing ("the fatal shooting of three officers").
_FATAL = frozenset({"fatal", "deadly"})
# Role words for a state only some of the role may be in: the hospitalized among the wounded.
_STATES_OF_SOME = frozenset({"hospitalize", "hospitalized"})
# Nouns that name anyone, not a kind of person: "the three dead victims" are all the dead,
# "the two wounded officers" may be some of the wounded.
_ANYONE = frozenset({"people", "person", "victim", "individual"})
# Words between a number and "year"/"hour" that make it an age or a span ("26-year-old", "9-year veteran").
_SPAN_WORDS = frozenset({"year", "years", "yr", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "old", "time", "times", "percent", "%"})


def number_value(token: Token) -> int | None:
    """The whole number a token writes ("four", "4", "1,200"), else None."""
    return _number_in(token.lower_)


def _number_in(lower: str) -> int | None:
    text = lower.replace(",", "")
    if text.isdigit():
        return int(text) if len(text) <= 4 else None
    return _NUMBER_WORDS.get(text)


def casualty_counts(sentence: Span, lexicon: Lexicon) -> list[CountMention]:
    """(role, count, scope, noun lemma, start, end) for every count of people in the sentence.

    Offsets are into the parsed text. A count whose role the parse does not give is left out:
    a number that counts nothing about the event ("one officer asked colleagues to move") must
    not become a casualty.
    """
    found: list[CountMention] = []
    nouns: list[Token] = []
    unplaced: list[int] = []  # where people are counted in no role
    lowered = text_of(sentence).lower()
    periods = _period_phrases(sentence, lowered, lexicon)
    one_of_several = any(cue in lowered for cue in lexicon.casualties.scope.one_of_several)
    sequel = lexicon.casualties.scope.sequel_regex
    one_of_several = one_of_several or (sequel is not None and sequel.search(text_of(sentence)) is not None)
    doc = sentence.doc
    lowers = token_table(doc).lower
    for i in range(sentence.start, sentence.end):
        count = _number_in(lowers[i])
        if count is None or count == 0 or count > _MAX_COUNT:
            continue
        token = doc[i]
        if token.ent_type_ in _NOT_COUNTS:
            continue
        if _is_span_or_age(token) or (token.i > 0 and token.doc[token.i - 1].lower_ in ("no", "not")):
            continue  # "No one has been charged", "not one kid was shot" count nobody
        if _part_of_a_name(token):
            continue
        if _age_after_a_name(token):
            continue
        noun = _counted_noun(token, lexicon)
        if noun is None:
            continue
        role = _role(noun, lexicon)
        # "left one dead and two others in critical condition": hurt, and maybe not all the hurt.
        stated = noun.dep_ == "conj" and _own_state(noun, lexicon)
        if stated and role == "killed":
            role = "injured"
        if role is None:
            if noun is not token and count > 1:
                unplaced.append(token.idx)  # "two people are in critical condition"
            continue
        scope = "aggregate" if _tallies_a_period(token, periods, lexicon) else "part" if stated or one_of_several else _scope(token, noun, sentence, lexicon)
        with_perpetrator = scope == "total" and _also_the_perpetrator(sentence, role, lexicon)
        # "wounded three people before killing himself": the attacker is no one wounded, and
        # the sentence may set the wounding apart from what he did to others; a part, as before.
        if with_perpetrator and role != "killed":
            scope, with_perpetrator = "part", False
        # "fired at three of them, injuring one": a bare "one" is one of a group named nearby;
        # "1 person is critically injured": a state that qualifies part of the victims.
        if scope == "total" and (count == 1 and noun is token and not _others_follow(token) or _qualified(noun, lexicon)):
            scope = "part"
        # "One officer was shot and killed and another was injured": one of an enumeration.
        if scope == "total" and count == 1 and any(t.lower_ in _ENUMERATION for t in sentence):
            scope = "part"
        found.append(CountMention(role, count, scope, noun.lemma_.lower(), token.idx, token.idx + len(token), with_perpetrator))
        nouns.append(noun)
    singles = _single_people(sentence, lexicon, {n.i for n in nouns})
    counted = _bounds_carry_over(_rest_as_total(_coordinated_sums(found, nouns, lexicon) + singles, unplaced))
    return _listed_groups(counted)


def _period_phrases(sentence: Span, lowered: str, lexicon: Lexicon) -> list[Span] | None:
    """The sentence's phrases of a period ("over the weekend"); None when a tally word makes
    every count in it an aggregate ("so far this year", "across the city"). `lowered` is the
    sentence's text in lower case."""
    scope = lexicon.casualties.scope
    if scope.aggregate_cues.search(lowered):
        return None
    matches = scope.period_cues.finditer(lowered)
    phrases = (sentence.char_span(m.start(), m.end(), alignment_mode="expand") for m in matches)
    return [p for p in phrases if p is not None]


def _tallies_a_period(token: Token, periods: list[Span] | None, lexicon: Lexicon) -> bool:
    """Whether a count covers more than one event: beside a tally word always; beside a period
    ("22 people shot over the weekend") unless the period or the count belongs to one event
    the sentence names ("a drive-by shooting over the weekend has left four people injured",
    "the melee and shooting which left three men dead")."""
    if periods is None:
        return True
    if not periods:
        return False
    events = _single_events(token.sent, lexicon)
    if not events:
        return True
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return not any(
        any(p.root.head == event for p in periods)  # "a shooting over the weekend"
        or event in token.ancestors  # "the shooting which left three men dead"
        or (event.head == verb and event.dep_ in ("nsubj", "nsubjpass"))  # "a shooting ... left four injured"
        for event in events
    )


def _single_events(sentence: Span, lexicon: Lexicon) -> list[Token]:
    """Nouns naming one event, singular and determined ("a drive-by shooting", "the melee");
    none when the sentence also names events in the plural ("shootings")."""
    nouns = {w.lower() for w in lexicon.casualties.scope.single_events}
    # By the word's form: the tagger reads "a drive-by shooting" as a verb.
    if any(t.lower_[:-1] in nouns or t.lower_[:-2] in nouns for t in sentence if t.lower_.endswith("s")):
        return []
    return [t for t in sentence if t.lower_ in nouns and _determined(t)]


def _determined(noun: Token) -> bool:
    """ "a drive-by shooting", "the melee and shooting", "his rampage": a determiner or a
    possessive opens the noun's phrase. Read along the words, not the parse, which often
    misplaces a coordination ("the melee and shooting which left...")."""
    doc = noun.doc
    for i in range(noun.i - 1, max(noun.sent.start, noun.i - 5) - 1, -1):
        word = doc[i]
        if word.lower_ in ("a", "an", "the", "this", "that") or word.tag_ == "PRP$":
            return True
        if word.pos_ in ("VERB", "AUX", "PRON") or word.text in (",", ";", ":"):
            return False
    return False


def _listed_groups(found: list[CountMention]) -> list[CountMention]:
    """ "found one male, who was shot twice, and two female victims, who were also shot": two
    totals of one role in one sentence list groups; each is a part of the role's total."""
    totals = Counter(m.role for m in found if m.scope == "total")
    return [m._replace(scope="part") if m.scope == "total" and totals[m.role] > 1 else m for m in found]


def _bounds_carry_over(found: list[CountMention]) -> list[CountMention]:
    """ "At least eight people were killed and 12 wounded": the bound covers the whole list."""
    first_bound = min((m.start for m in found if m.scope == "bound"), default=None)
    if first_bound is None:
        return found
    return [m._replace(scope="bound") if m.scope == "total" and m.start > first_bound else m for m in found]


def _qualified(noun: Token, lexicon: Lexicon) -> bool:
    words = set(lexicon.casualties.scope.qualifiers)
    # Not through a conjoined verb: "Four people were killed and two others critically wounded".
    near = [noun.head, *noun.children, *(c for c in noun.head.children if c.dep_ != "conj")]
    return any(t.lower_ in words for h in near for t in (h, *h.children))


def _part_of_a_name(token: Token) -> bool:
    """ "Precinct 5 deputy constables", "Station 12": a figure after a proper noun names a unit."""
    if token.i == 0 or not token.text[:1].isdigit():
        return False
    before = token.doc[token.i - 1]
    # The tagger reads a capitalised word before a figure as a name, a noun or an adjective.
    return (
        before.text[:1].isupper()
        and not before.is_sent_start
        and before.pos_ in ("PROPN", "NOUN", "ADJ")
        and before.ent_type_ not in ("DATE", "TIME")
    )


def _age_after_a_name(token: Token) -> bool:
    """ "Kalone Mcgee, 26, was shot": a number set off after a name is an age."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "," and doc[token.i - 2].pos_ == "PROPN"


def _is_span_or_age(token: Token) -> bool:
    doc = token.doc
    following = [doc[i].lower_ for i in range(token.i + 1, min(token.i + 3, len(doc)))]
    if following[:1] == ["-"]:
        following = following[1:]
    # "four men, aged 20 to 27", "ages 20-27": the figures after "aged" or "ages" are ages.
    before = [doc[i].lower_ for i in range(max(0, token.i - 3), token.i)]
    if any(word in ("aged", "ages", "age") for word in before):
        return True
    return bool(following) and following[0] in _SPAN_WORDS


def _person_nouns(lexicon: Lexicon) -> frozenset[str]:
    return lexicon.casualties.people_set


def _counted_noun(token: Token, lexicon: Lexicon) -> Token | None:
    """The noun a number counts: "four people" → people; "two were killed" → the number itself."""
    # "both of her legs", "two of the bullets": a number of things, not of people.
    counted = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if counted and all(o.lemma_.lower() in lexicon.casualties.things for o in counted):
        return None
    if token.dep_ in ("nummod", "quantmod") and token.head.pos_ == "PROPN" and token.head.lower_ in lexicon.casualties.role_of:
        # A headline in title case: "Three Dead, Three Wounded in Shooting".
        return token.head
    if token.dep_ in ("nummod", "quantmod") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        noun = token.head
    elif token.dep_ == "nummod" and token.head.pos_ == "ADJ" and token.head.lemma_.lower() in lexicon.casualties.role_of:
        # "left four dead": the parser hangs the number on the adjective, which stands for the people.
        noun = token
    elif (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in lexicon.casualties.groups
    ):
        # "A family of seven was found shot": the group stands for its number of people.
        return token.head.head
    elif token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "ROOT", "npadvmod", "oprd"):
        noun = token
    else:
        return None
    if noun is token or noun.lemma_.lower() in _person_nouns(lexicon) or noun.ent_type_ == "NORP":
        return noun
    return None


def _role(noun: Token, lexicon: Lexicon) -> str | None:
    """The role the count fills, or None when the parse gives none or denies it ("five
    customers who weren't injured")."""
    if _denied(noun):
        return None
    return _role_word(noun, lexicon)


def _denied(noun: Token) -> bool:
    words = [noun.head, *(c for c in noun.children if c.dep_ in ("relcl", "acl"))]
    return any(any(c.dep_ == "neg" for c in word.children) for word in words)


def _role_word(noun: Token, lexicon: Lexicon) -> str | None:
    roles = lexicon.casualties.role_of
    # "six fatalities": the noun names its role.
    if noun.lemma_.lower() in roles and noun.pos_ == "NOUN":
        return roles[noun.lemma_.lower()]
    # "Three Dead" in a title-case headline, tagged as a name.
    if noun.pos_ == "PROPN" and noun.lower_ in roles and any(c.dep_ in ("nummod", "quantmod") for c in noun.children):
        return roles[noun.lower_]
    # "3 dead and 4 injured": a bare number with its state right after it fills that role,
    # wherever the parser hangs the two ("3" as the subject of "injured", "4" as its conjunct).
    after = noun.doc[noun.i + 1] if noun.pos_ == "NUM" and noun.i + 1 < len(noun.doc) else None
    if after is not None and after.tag_ in ("JJ", "VBN") and (after.lemma_.lower() in roles or after.lower_ in roles):
        return _with_manner(after, roles) if after.lemma_.lower() in roles else roles[after.lower_]
    # "Three children and two adults were found dead": a conjunct shares its first's role.
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and noun.head is not noun:
        return _role_word(noun.head, lexicon)
    head = noun.head
    if noun.dep_ == "nummod" and head.pos_ == "ADJ" and head.lemma_.lower() in roles:
        return roles[head.lemma_.lower()]
    # "four people were shot", "two died", "killed two"; "fatally wounded" and "shot to death" kill.
    if noun.dep_ in ("nsubjpass", "dobj", "obj", "attr", "oprd") and head.lemma_.lower() in roles:
        return _with_manner(head, roles)
    # "the attempted murder of one victim" names no casualty of its role.
    if noun.dep_ == "pobj" and any(c.lower_ in ("attempted", "attempt") for c in head.head.children):
        return None
    if noun.dep_ == "nsubj" and head.lemma_.lower() in roles:
        lemma = head.lemma_.lower()
        objects = [c for c in head.children if c.dep_ in ("dobj", "obj")]
        # "the six people killed Christmas Eve": the parser takes a day for the object of an
        # active verb; a verb whose only object is a date is the passive of a reduced clause.
        if objects and head.tag_ in ("VBD", "VBN") and all(o.ent_type_ in ("DATE", "TIME") for o in objects):
            return roles[lemma]
        agent = bool(objects) and lemma not in _INTRANSITIVE
        if not agent and (lemma in _INTRANSITIVE or head.tag_ in ("VBN", "JJ") or head.pos_ == "ADJ"):
            return roles[lemma]
        if not agent and head.tag_ == "VBD" and lemma in _INTRANSITIVE:
            return roles[lemma]
    # "six members were found dead", "pronounced two dead": the state hangs under the verb.
    if noun.dep_ in ("nsubjpass", "dobj", "nsubj"):
        for child in head.children:
            # "found shot", "pronounced dead"; not "started shooting", which the subject does.
            if (
                (child.dep_ in ("acomp", "oprd", "xcomp") or child.dep_ == "ccomp" and child.tag_ == "VBN")
                and child.lemma_.lower() in roles
                and child.tag_ != "VBG"
            ):
                return _with_manner(child, roles)
    # "one woman dead", "two people killed", "victims who were shot", "two fatally"
    for child in noun.children:
        # "two men shooting at cars" shoot; the parser also reads "victims in the nightclub
        # shooting" so. Either way a gerund after the noun gives it no casualty role.
        if child.dep_ == "acl" and child.tag_ == "VBG":
            continue
        if child.dep_ in ("amod", "acl", "relcl", "advmod", "acomp", "oprd"):
            for word in (child, *(t for t in child.subtree if t.dep_ in ("advmod", "acomp", "oprd", "amod"))):
                if word.lemma_.lower() in roles:
                    # "five people found shot to death": the manner says how it ended.
                    return _with_manner(word, roles)
                if word.lower_ in roles:
                    return roles[word.lower_]
    # "identified the six people killed Christmas Eve", parsed as a verb of the sentence's.
    reduced = _reduced_clause(noun, roles)
    if reduced is not None:
        return _with_manner(reduced, roles)
    # "left one woman dead and three men injured": the state follows the noun.
    for word in noun.doc[noun.i + 1 : min(noun.i + 3, len(noun.doc))]:
        if word.pos_ in ("ADJ", "VERB") and word.tag_ in ("JJ", "VBN") and (word.lemma_.lower() in roles or word.lower_ in roles):
            return _with_manner(word, roles) if word.lemma_.lower() in roles else roles[word.lower_]
    # "bringing the death toll to two", "the toll stands at three"
    if noun.dep_ == "pobj" and head.lower_ in ("to", "at"):
        for tally in head.head.children:
            if tally.dep_ in ("nsubj", "nsubjpass", "dobj") and tally.lemma_.lower() in _TALLIES:
                kinds = [c.lemma_.lower() for c in tally.children if c.dep_ in ("compound", "amod")]
                role = next((roles[k] for k in kinds if k in roles), None)
                if role:
                    return role
    # "the shooting of four people", "the deaths of two men"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in roles:
        return _with_manner(head.head, roles)
    # "two others were wounded" where the parser hangs the count under a coordinated verb
    if noun.dep_ == "conj" and noun.head.dep_ in ("nsubjpass", "dobj") and noun.head.head.lemma_.lower() in roles:
        return roles[noun.head.head.lemma_.lower()]
    return None


def _with_manner(word: Token, roles: dict[str, str]) -> str:
    """The role a word gives, unless its manner says otherwise: "fatally wounded" and "shot to
    death" kill."""
    manner = [c.lemma_.lower() for c in word.children if c.dep_ in ("advmod", "acomp", "oprd", "xcomp") and c.lemma_.lower() in roles]
    # "the fatal shooting of three officers" killed them.
    manner += ["kill" for c in word.children if c.dep_ == "amod" and c.lemma_.lower() in _FATAL and "kill" in roles]
    manner += [
        o.lemma_.lower()
        for p in word.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj" and o.lemma_.lower() in roles
    ]
    if manner:
        return roles[manner[0]]
    # "were shot and killed", "were shot and wounded": a conjoined verb that shares the subject
    # and kills or wounds says how it ended; not one with its own object ("shot four people,
    # killing one"), which tells a part.
    ended = {
        roles[c.lemma_.lower()]
        for c in word.children
        if roles[word.lemma_.lower()] == "shot"
        and c.dep_ == "conj"
        and roles.get(c.lemma_.lower()) in ("killed", "injured")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for g in c.children)
    }
    if ended:
        return "killed" if "killed" in ended else "injured"
    return roles[word.lemma_.lower()]


def _scope(token: Token, noun: Token, sentence: Span, lexicon: Lexicon) -> str:
    scope = lexicon.casualties.scope
    # "two of the four": the first is a part; the second names a group, not a role total.
    people = _person_nouns(lexicon)
    group_of_number = token.dep_ == "pobj" and token.head.head.i == noun.i  # "a family of seven"
    if not group_of_number and any(_of_a_group(c, people) for c in (*token.children, *noun.children)):
        return "part"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and number_value(token.head.head) is not None:
        return "part"
    # "the other four victims, two men and two women": the apposition splits a group into parts.
    if noun.dep_ == "appos" or (noun.dep_ == "conj" and noun.head.dep_ == "appos"):
        return "part"
    # "a man who was among seven people shot": the count after "among" is the whole group.
    whole_group = noun.dep_ == "pobj" and noun.head.lower_ == "among"
    before = text_of(sentence)[: token.idx - sentence.start_char].lower()[-24:]
    if not whole_group and any(cue in before for cue in scope.part):
        return "part"
    # "at least two", "more than 20", "about a dozen": a bound agrees with many totals.
    previous = [t.lower_ for t in token.doc[max(sentence.start, token.i - 2) : token.i]]
    if any(word in scope.bound for word in previous):
        return "bound"
    # "the three teenagers were shot": a definite count names a group already introduced,
    # often a part of the victims ("... and the adult was hit").
    if not whole_group and not _defined_by_role(noun, lexicon) and not _all_of_anyone(noun) and any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those", "all") for c in (*noun.children, *token.children)
    ):
        return "part"
    # "two students were hospitalized along with the female student": others beside them.
    clause_after = text_of(sentence)[noun.idx + len(noun) - sentence.start_char :].lower()[:60]
    if any(cue in clause_after.split(",")[0] for cue in scope.beside):
        return "part"
    # "Two deputies were also hit": counted in addition to others.
    if any(c.dep_ == "advmod" and c.lower_ in scope.more for c in noun.head.children):
        return "part"
    others = set(scope.other)
    if any(c.lower_ in scope.more for c in (*noun.children, *token.children) if c.dep_ in ("amod", "advmod", "det", "nummod")):
        return "part"
    if noun.lower_ in others or noun.lemma_.lower() in others or any(
        c.lower_ in others for c in (*noun.children, *token.children) if c.dep_ in ("amod", "advmod", "det", "nummod")
    ):
        return "rest"
    return "total"


def _others_follow(token: Token) -> bool:
    """ "leaving one dead and 11 others shot", "killed one and wounded two others": the others
    are besides the one, so the one is all of its role, not one of a group named before."""
    after = token.doc[token.i + 1 : token.i + 6]
    for i, word in enumerate(after[:-1]):
        if word.lower_ == "and":
            rest = after[i + 1 : i + 4]
            return any(number_value(t) is not None for t in rest) and any(t.lemma_.lower() == "other" for t in rest)
    return False


def _defined_by_role(noun: Token, lexicon: Lexicon) -> bool:
    """ "The four people that were shot", "the six people killed Christmas Eve": a restrictive
    clause on the noun defines the group by its role, so the count is all who fill it (not
    "the seven victims, shot in their legs": set off by a comma, the clause only describes)."""
    roles = lexicon.casualties.role_of
    if any(
        c.dep_ in ("relcl", "acl") and c.lemma_.lower() in roles and c.i > noun.i and c.doc[c.i - 1].lower_ != ","
        and not any(t.lower_ == "," for t in c.doc[noun.i + 1 : c.i])
        for c in noun.children
    ):
        return True
    if _reduced_clause(noun, roles) is not None:
        return True
    # "the three dead victims": a role adjective on a noun that names no kind of person ("the
    # six hospitalized victims" are those still in hospital, maybe not all the wounded).
    return noun.lemma_.lower() in _ANYONE and any(
        c.dep_ == "amod" and c.lemma_.lower() in roles and c.lemma_.lower() not in _STATES_OF_SOME for c in noun.children
    )


def _all_of_anyone(noun: Token) -> bool:
    """ "All four victims were hit", "the seven victims ... were all expected to survive": every
    one of a group that names no kind of person is everyone in the role."""
    if noun.lemma_.lower() not in _ANYONE:
        return False
    if any(c.lower_ == "all" and c.dep_ in ("det", "predet") for c in noun.children):
        return True
    verb = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "all" and c.dep_ in ("advmod", "dep", "predet") for c in verb.children)


def _reduced_clause(noun: Token, roles: Mapping[str, str]) -> Token | None:
    """The role verb of a reduced clause right after the noun ("the six people killed Christmas
    Eve"), which the parser often makes the noun's own verb or a verb of the sentence's: a
    past form with no "were", no subject but the noun and no object but a day ("the three men
    shot a clerk" has one)."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.tag_ not in ("VBN", "VBD") or after.lemma_.lower() not in roles:
        return None
    if any(
        c.dep_ in ("aux", "auxpass")
        or (c.dep_ in ("nsubj", "nsubjpass") and c.i != noun.i)
        or (c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME"))
        for c in after.children
    ):
        return None
    return after


def _also_the_perpetrator(sentence: Span, role: str, lexicon: Lexicon) -> bool:
    """ "killed five members of his family and then himself": the count leaves out the one
    who did it, so the dead another report counts may be one more ("six found dead")."""
    roles = lexicon.casualties.role_of
    if not any(t.lower_ in ("himself", "herself", "themselves") for t in sentence):
        return False
    # "killed three people and himself", "fatally shot three ... before turning the gun on himself".
    return any(t.pos_ == "VERB" and t.lemma_.lower() in roles and _with_manner(t, roles) == role for t in sentence)


def _of_a_group(child: Token, people: frozenset[str]) -> bool:
    """ "of the four", "of the victims", "of them": a part of a group named elsewhere ("members
    of his family" and "members of the gang" name whose members they are, not a larger count)."""
    if child.dep_ != "prep" or child.lower_ != "of":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return any(
        number_value(o) is not None
        or o.lower_ in ("them", "those", "whom")
        or any(c.dep_ == "nummod" for c in o.children)
        or (o.lemma_.lower() in people and any(c.lower_ in ("the", "those", "these") for c in o.children))
        for o in objects
    )


def _single_people(sentence: Span, lexicon: Lexicon, counted: set[int]) -> list[CountMention]:
    """ "Killing a 44-year-old man and injuring seven others": one person in a role. Such a
    mention is never compared as a total (a man shot may be one of several), but it tells that
    the others beside it are all the rest ("seven others" injured is the injured total)."""
    people = _person_nouns(lexicon)
    singles = []
    doc, lowers = sentence.doc, token_table(sentence.doc).lower
    for token in (doc[i] for i in range(sentence.start, sentence.end) if lowers[i] in ("a", "an")):
        if token.dep_ != "det" or token.head.i in counted:
            continue
        noun = token.head
        if noun.lemma_.lower() not in people:
            continue
        role = _role(noun, lexicon)
        if role is not None:
            singles.append(CountMention(role, 1, "single", noun.lemma_.lower(), token.idx, noun.idx + len(noun)))
    return singles


def _own_state(noun: Token, lexicon: Lexicon) -> bool:
    """ "two others in critical condition", "two others seriously hurt": the conjunct says what
    became of its people itself (a condition, or a qualifier of the lexicon)."""
    words = set(lexicon.casualties.scope.qualifiers)
    # The parser may hang "in critical condition" on the verb: read the words after the noun too.
    after = [t.lower_ for t in noun.doc[noun.i + 1 : noun.i + 5]]
    if after[:1] == ["in"] and "condition" in after:
        return True
    return any(
        c.dep_ == "prep" and any(o.lemma_.lower() == "condition" for o in c.children) or c.lower_ in words
        for c in noun.children
    )


def _own_role(noun: Token, role: str, lexicon: Lexicon) -> bool:
    """ "five people injured and one person dead": the conjunct's own word gives another role."""
    roles = lexicon.casualties.role_of
    near = [*noun.children, *noun.doc[noun.i + 1 : noun.i + 2]]
    return any(roles.get(t.lemma_.lower(), role) != role or roles.get(t.lower_, role) != role for t in near)


def _coordinated_sums(found: list[CountMention], nouns: list[Token], lexicon: Lexicon) -> list[CountMention]:
    """ "Three children and two adults were found dead": coordinated counts in one role are
    parts of one total (5), which is what another report's "five people" counts."""
    out = list(found)
    index = {noun.i: k for k, noun in enumerate(nouns)}
    people = _person_nouns(lexicon)
    for k, noun in enumerate(nouns):
        if found[k].scope != "total":
            continue
        # "a woman, her husband and six children": a count listed beside people it does not count.
        if any(c.i not in index and c.lemma_.lower() in people for c in noun.conjuncts):
            out[k] = found[k]._replace(scope="part")
            continue
        if noun.dep_ == "conj":
            continue
        # "left one dead and two others in critical condition": a conjunct with its own state
        # is not in the first one's role.
        group = [k] + [
            index[c.i]
            for c in noun.conjuncts
            if c.i in index
            and found[index[c.i]].role == found[k].role
            and not _own_state(c, lexicon)
            and not _own_role(c, found[k].role, lexicon)
        ]
        if len(group) < 2:
            continue
        members = sorted(set(group), key=lambda g: found[g].start)
        for g in members:
            out[g] = found[g]._replace(scope="part")
        first, last = found[members[0]], found[members[-1]]
        total = sum(found[g].count for g in members)
        out.append(CountMention(first.role, total, "total", "group", first.start, last.end))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _rest_as_total(found: list[CountMention], unplaced: Sequence[int] = ()) -> list[CountMention]:
    """ "One man was killed and three others were wounded": the others are all the wounded,
    since the sentence counts the rest of the people in another role. Without such a count
    ("the other four victims remain hospitalized") the rest of what is unknown stays a rest,
    and so does a rest after people counted in no role ("a man died, two people are in
    critical condition and five others were hospitalized": the five are not all the injured)."""
    found = _rest_after_a_total(found)
    out = []
    for mention in found:
        other_roles = any(o is not mention and o.role != mention.role for o in found)
        same_role = any(o is not mention and o.role == mention.role for o in found)
        first_other = min((o.start for o in found if o.role != mention.role), default=mention.start)
        after_unplaced = any(first_other < start < mention.start for start in unplaced)
        total = mention.scope == "rest" and other_roles and not same_role and not after_unplaced
        out.append(mention._replace(scope="total") if total else mention)
    return out


def _rest_after_a_total(found: list[CountMention]) -> list[CountMention]:
    """ "Two police officers wounded and three others injured": the others join the count of
    their role before them, and the sum is the role's total (the first count is a part)."""
    out = list(found)
    for i, mention in enumerate(found):
        if mention.scope != "rest":
            continue
        before = [j for j, o in enumerate(found[:i]) if o.role == mention.role and out[j].scope == "total"]
        if before:
            for j in before:
                out[j] = out[j]._replace(scope="part")
            out[i] = mention._replace(scope="total", count=mention.count + sum(found[j].count for j in before))
    return out