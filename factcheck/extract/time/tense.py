"""The tense of a clause, which decides whether a bare "Thursday" lies before or after the dateline."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import Tense, TimeLexicon, load_time_lexicon

__all__ = ["clause_tense", "dates_an_unplanned_event", "premodified_noun", "verb_tense"]

# How a day premodifies a noun: "Tuesday's shooting", "the Tuesday shooting".
_PREMODIFIER_DEPS = frozenset({"poss", "compound", "nmod"})


def clause_tense(span: Span, lexicon: TimeLexicon | None = None) -> Tense:
    """The tense of the clause that `span` modifies: `verb_tense` of the verb governing it."""
    verb: Token | None = span.root
    hops = 0
    while verb is not None and verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb and hops < 6:
        verb = verb.head
        hops += 1
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        verb = span.sent.root
    lx = lexicon or load_time_lexicon()
    if dates_an_unplanned_event(span, lx) or _schedule_inside_a_past_narrative(verb, lx):
        return "past"
    return verb_tense(verb, lx, modals_point_forward=True)


# Where a gerund the tagger takes for a verb still ends a noun phrase ("in Tuesday's midtown
# shooting" in a headline without a full stop).
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "appos", "attr"})


def premodified_noun(token: Token) -> Token:
    """The noun a premodifier's phrase ends in: "Tuesday's midtown shooting" → "shooting"."""
    noun = token.head
    while noun.dep_ == "compound" and noun.head.i > noun.i and (noun.head.pos_ == "NOUN" or noun.head.dep_ in _NOMINAL_DEPS):
        noun = noun.head
    return noun


def dates_an_unplanned_event(span: Span, lexicon: TimeLexicon | None = None) -> bool:
    """Whether the day premodifies a noun of an event nobody schedules ("Tuesday's fatal
    shooting", "the Friday night crash"): that event has happened, whatever the clause around
    it says ("charges will be filed in Tuesday's shooting")."""
    root = span.root
    if root.dep_ not in _PREMODIFIER_DEPS or root.head.i < span.end or root.head.pos_ != "NOUN":
        return False
    noun = premodified_noun(root)
    unplanned = (lexicon or load_time_lexicon()).unplanned_events
    return noun.lemma_.lower() in unplanned or noun.lower_ in unplanned


def _schedule_inside_a_past_narrative(verb: Token, lexicon: TimeLexicon) -> bool:
    """ "The ceremony, set for Thursday afternoon, was called off": a schedule named inside a
    past narrative lies before the dateline like the narrative, not after it."""
    if verb.dep_ not in {"acl", "amod"} or verb.tag_ != "VBN" or not _plans_ahead(verb, {w.lower() for w in lexicon.future_governors}):
        return False
    governor = verb.head
    for _ in range(4):
        if governor.pos_ in {"VERB", "AUX"} or governor.head is governor:
            break
        governor = governor.head
    return governor.pos_ in {"VERB", "AUX"} and verb_tense(governor, lexicon) == "past"


def verb_tense(verb: Token, lexicon: TimeLexicon | None = None, *, modals_point_forward: bool = False) -> Tense:
    """The tense of the clause headed by `verb`, from its tag, its auxiliaries and what governs it.

    Future when the verb has "will"/"shall" or a forward-looking modal, or hangs under
    "expected to", "plans to", "scheduled to"; past for a past-tense or perfect verb (VBD,
    "has voted"); present otherwise. The words are the `future_*` lists of `rules/time.toml`,
    shared by the time extractor and the claim's modality.

    `modals_point_forward` counts "would", "may", "must" as future: next to a bare day
    ("would arrive Tuesday") they mostly place it ahead of the dateline, while a claim's
    "hosts must register" states a present obligation, not a future event.
    """
    lx = lexicon or load_time_lexicon()
    future_aux = {w.lower() for w in lx.future_auxiliaries}
    modals = {w.lower() for w in lx.future_modals} if modals_point_forward else set()
    governors = {w.lower() for w in lx.future_governors}
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # A modal before a perfect looks back: "may have killed a girl Sunday" is last Sunday.
    if verb.tag_ == "VBN" and any(a.lower_ in ("have", "'ve") for a in auxes):
        modals = set()
    if any(a.lower_ in future_aux or a.lower_ in modals for a in auxes) or verb.lower_ in future_aux:
        return "future"
    # "has scheduled a news conference Thursday", "planned a rally on Saturday".
    if _plans_ahead(verb, governors):
        return "future"
    # "is to resume trading Tuesday".
    if any(a.lower_ == "to" for a in auxes) and verb.head.lemma_ == "be" and verb.dep_ == "xcomp":
        return "future"
    # A finite past verb states its own time, whatever the clause it hangs from says: "is
    # expected to be arraigned Tuesday after her son shot himself Monday night" (last Monday).
    if verb.tag_ == "VBD":
        return "past"
    # "is expected to vote Tuesday", "plans to meet Friday", "is due to report Monday".
    node = verb
    for _ in range(2):
        if node.dep_ in {"xcomp", "ccomp", "advcl"} and node.head is not node:
            node = node.head
            if _plans_ahead(node, governors):
                return "future"
        else:
            break
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return "past"  # "has voted Thursday", and reduced clauses: "rescued on Nov. 25"
    return "present"


def _plans_ahead(verb: Token, governors: set[str]) -> bool:
    """ "is scheduled", "has planned", "expected": what follows lies ahead of the clause."""
    return verb.lemma_.lower() in governors
