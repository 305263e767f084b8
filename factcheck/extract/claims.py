"""Claims: one per main clause of a sentence, with its event, attribution, times, numbers and modality.

Extractors are plain functions over a parsed `Doc`; this module puts their results
together per clause and maps every offset back into the user's original file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..ingest.offsets import LineIndex, OffsetMapper
from ..models import Article, Casualty, Claim, DatedEvent, DocumentClaims, EventRef, Quantity, TimeRef
from .attribution import SpeakerMemory, attribution_for, remember_speakers
from .casualties import CountMention, casualty_counts
from .framing import in_gallery, is_furniture, is_scheduled, marks_the_page, previews
from .content import content_terms, document_names
from .events import SCENE_EVENT, STORY_EVENT, FoundEvent, dated_events, event_phrase
from .entities import claim_entities
from .lexicon import Lexicon, load_lexicon
from .modality import clause_modality
from .parsed import doc_text, text_of, token_table
from .quantities import QuantityLexicon, load_quantity_lexicon
from .quantities import quantities as find_quantities
from .time import TimeLexicon, load_time_lexicon, time_expressions

__all__ = ["EXTRACTOR_VERSION", "extract_document", "clause_predicates"]

# Bump when extraction output changes, so cached claims are recomputed.
EXTRACTOR_VERSION = "106"

_MIN_CLAIM_TOKENS = 3
_PREDICATE_POS = frozenset({"VERB", "AUX"})


def clause_predicates(sentence: Span, lexicon: Lexicon) -> list[Token]:
    """The heads of the sentence's asserted clauses.

    A reporting sentence ("X said Y") asserts its complement Y; coordinated verbs
    with their own content ("killed two and injured three") are claims of their own.
    """
    root = sentence.root
    heads: list[Token] = []
    if root.lemma_.lower() in lexicon.sets["reporting"]:
        complements = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in _PREDICATE_POS]
        if not complements:
            # "said at a briefing that ...": the parser may hang the clause lower down.
            complements = [
                t for t in root.subtree if t.dep_ == "ccomp" and t.pos_ in _PREDICATE_POS and t.head.pos_ not in _PREDICATE_POS
            ][:1]
        heads.extend(complements or [root])
    else:
        heads.append(root)
    for head in list(heads):
        heads.extend(c for c in head.children if c.dep_ == "conj" and c.pos_ in _PREDICATE_POS)
    return heads


def _event_ref(predicate: Token, clause: list[Token], lexicon: Lexicon) -> EventRef:
    classes = lexicon.event_class_of
    phrase, event_class = event_phrase(predicate, lexicon)
    if event_class is None:
        # "the signing was pulled" names its event with a noun; so do copulas ("participation would be voluntary").
        for tok in clause:
            if tok.pos_ in ("NOUN", "ADJ") and tok.lemma_.lower() in classes:
                event_class = classes[tok.lemma_.lower()]
                break
    subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((c for c in predicate.children if c.dep_ in ("dobj", "attr", "acomp", "oprd")), None)
    return EventRef(
        lemma=phrase,
        event_class=event_class or phrase,
        subject=_phrase_head(subject),
        object=_phrase_head(obj),
        negated=any(c.dep_ == "neg" for c in predicate.children),
    )


def _phrase_head(token: Token | None) -> str | None:
    if token is None:
        return None
    compounds = [c.lemma_.lower() for c in token.lefts if c.dep_ == "compound"]
    return " ".join([*compounds, token.lemma_.lower()])


def _clause_tokens(predicate: Token, others: Sequence[Token]) -> list[Token]:
    excluded = {t.i for other in others if other.i != predicate.i and other.head.i == predicate.i for t in other.subtree}
    return [t for t in predicate.subtree if t.i not in excluded]


def _in_clause(start: int, end: int, clause: list[Token]) -> bool:
    return any(t.idx < end and start < t.idx + len(t) for t in clause)


class _Locator:
    """Maps cleaned-text offsets to original offsets with line and column."""

    def __init__(self, article: Article) -> None:
        self.to_original = OffsetMapper(article.offset_map)
        self.lines = LineIndex(article.original)

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        original_start = self.to_original(start)
        original_end = max(original_start, self.to_original(end, end=True))
        line, column = self.lines.line_column(original_start)
        return original_start, original_end, line, column

    def end(self, original_start: int, original_end: int) -> tuple[int, int]:
        """Line of the last character of `[original_start, original_end)` and the column just past it."""
        line, column = self.lines.line_column(max(original_start, original_end - 1))
        return line, column + 1


def _relocate_time(time: TimeRef, locate: _Locator) -> TimeRef:
    start, end, line, column = locate.span(time.start, time.end)
    return time.model_copy(update={"start": start, "end": end, "line": line, "column": column})


def _relocate_quantity(quantity: Quantity, locate: _Locator) -> Quantity:
    start, end, _, _ = locate.span(quantity.start, quantity.end)
    return quantity.model_copy(update={"start": start, "end": end})


def _with_dated_events(claims: list[Claim], events: list[FoundEvent]) -> list[Claim]:
    """Give each dated event of the sentence to the claim whose clause holds its date (the first
    claim when none does: a date in a clause the claims leave out still dates its event)."""
    if not claims or not events:
        return claims
    owned: dict[int, list[DatedEvent]] = {}
    for event in events:
        owner = next((i for i, c in enumerate(claims) if c.start <= event.time.start < c.end), 0)
        owned.setdefault(owner, []).append(
            DatedEvent(
                lemma=event.phrase,
                event_class=event.event_class,
                time=event.time,
                tense=event.tense,  # type: ignore[arg-type]
                scheduled=event.scheduled,
                follows=event.follows,
            )
        )
    return [c.model_copy(update={"dated_events": tuple(owned[i])}) if i in owned else c for i, c in enumerate(claims)]


def _with_leftover_casualties(
    claims: list[Claim], counts: list[CountMention], sentence: Span, locate: _Locator
) -> list[Claim]:
    """Counts in a part of the sentence no claim covers ("..., police said, bringing the death
    toll to two") still count: they go to the sentence's first claim."""
    if not claims:
        return claims
    held = {(c.start, c.end) for claim in claims for c in claim.casualties}
    leftover = [_casualty(sentence, count, locate) for count in counts]
    leftover = [c for c in leftover if (c.start, c.end) not in held]
    if not leftover:
        return claims
    first = claims[0]
    return [first.model_copy(update={"casualties": first.casualties + tuple(leftover)}), *claims[1:]]


def _within(items: list[tuple[Any, Any]], sentence: Span) -> list[tuple[Any, Any]]:
    """The (parsed, original) pairs whose parsed offsets start inside `sentence`."""
    return [item for item in items if sentence.start_char <= item[0].start < sentence.end_char]


def span_text(sentence: Span, start: int, end: int) -> str:
    """The text between two offsets of the parsed text inside `sentence`. (`Doc.text` joins every
    token of the article anew on each access, so slicing it per claim costs a whole article.)"""
    return text_of(sentence)[start - sentence.start_char : end - sentence.start_char]


def _opens_quote(text: str) -> bool:
    """Whether `text` leaves a quotation open: an odd number of straight marks, or more “ than ”."""
    return text.count("\"") % 2 == 1 or text.count("“") > text.count("”")


def reading_sentences(doc: Doc) -> dict[int, tuple[int, int, str]]:
    """Each parsed sentence's start → the stretch of text a reader takes as its sentence.

    The parser ends a sentence inside a quotation ('"The order is not dead.' | 'It is being
    refined," said Ellery'); findings quote what the reader reads, so the sentences of one
    quotation are shown together, with both quotation marks, up to the end of the paragraph
    at most. Offsets exclude the whitespace around the text (a blank line is not evidence).
    """
    sentences = list(doc.sents)
    full = doc_text(doc)
    shown: dict[int, tuple[int, int, str]] = {}
    i = 0
    while i < len(sentences):
        j = i
        text = text_of(sentences[i])
        while (
            _opens_quote(text)
            and j + 1 < len(sentences)
            and "\n\n" not in text_of(sentences[j])
            and j - i < _MAX_QUOTED_SENTENCES
        ):
            j += 1
            text = full[sentences[i].start_char : sentences[j].end_char]
        start, end = sentences[i].start_char, sentences[j].end_char
        if _opens_quote(text):
            # An unclosed quotation (a paragraph of a longer quote): each sentence stands alone.
            start, end, j = sentences[i].start_char, sentences[i].end_char, i
        raw = full[start:end]
        start += len(raw) - len(raw.lstrip())
        end = max(start, end - (len(raw) - len(raw.rstrip())))
        for k in range(i, j + 1):
            shown[sentences[k].start_char] = (start, end, full[start:end])
        i = j + 1
    return shown


# A quotation runs over a few sentences at most before the paragraph ends.
_MAX_QUOTED_SENTENCES = 6


def _own_part(quote: str, quoted: Span, sentence: Span) -> str:
    """The words of a quotation that lie in the clause's own parsed sentence: each sentence of
    a quotation is compared as a statement of its own ("It is being refined" may be all
    another report quotes)."""
    at = text_of(quoted).find(quote)
    if at < 0:
        return quote
    start = max(quoted.start_char + at, sentence.start_char)
    end = min(quoted.start_char + at + len(quote), sentence.end_char)
    own = text_of(quoted)[start - quoted.start_char : end - quoted.start_char].strip().strip("\"“”").strip()
    return own or quote


def _quotes_with_speakers(claims: list[Claim]) -> list[Claim]:
    """'"The order is not dead. It is being refined," said Ellery': the quotation's first sentence
    has no reporting verb of its own; it is Ellery's too, like the rest of the quotation."""
    speakers = {
        c.sentence_start: c.attribution
        for c in reversed(claims)
        if c.attribution.direct_quote and c.attribution.quote and c.attribution.speaker
    }
    return [
        c.model_copy(update={"attribution": speakers[c.sentence_start].model_copy(update={"quote": c.attribution.quote})})
        if c.attribution.direct_quote and not c.attribution.speaker and c.sentence_start in speakers
        else c
        for c in claims
    ]


def _casualty(sentence: Span, count: CountMention, locate: _Locator) -> Casualty:
    start, end, _, _ = locate.span(count.start, count.end)
    text = span_text(sentence, count.start, count.end)
    # The mention's fields as they are, its offsets moved into the original file.
    return Casualty(**{**count._asdict(), "text": text, "start": start, "end": end})


# A time after these words bounds an interval ("sold since September") rather than dating the event.
_INTERVAL_WORDS = frozenset({"since", "after", "before", "until", "till", "by", "through", "from", "between", "within", "as of", "than"})


def _is_interval_bound(doc: Doc, time: TimeRef) -> bool:
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    return doc[span.start - 1].lower_ in _INTERVAL_WORDS or span[0].lower_ in _INTERVAL_WORDS


def _event_time(predicate: Token, clause_times: list[tuple[TimeRef, TimeRef]]) -> TimeRef | None:
    """The time expression attached to the clause's own event (not to a nested one)."""
    doc = predicate.doc
    clause_times = [item for item in clause_times if not _is_interval_bound(doc, item[0])]
    if not clause_times:
        return None

    def distance(item: tuple[TimeRef, TimeRef]) -> int:
        local, _ = item
        span = doc.char_span(local.start, local.end, alignment_mode="expand")
        if span is None:
            return 99
        if span.root.dep_ in ("nummod", "compound", "amod", "nmod", "poss") and span.root.head.pos_ in ("NOUN", "PROPN"):
            return 99  # "the 2019 heaters": a time that modifies a thing does not date the event
        node, hops = span.root, 0
        while node.i != predicate.i and node.head.i != node.i and hops < 8:
            # Crossing another verb means the time belongs to that verb's event.
            if node.i != span.root.i and node.pos_ in _PREDICATE_POS:
                hops += 4
            node, hops = node.head, hops + 1
        return hops if node.i == predicate.i else 99

    best = min(clause_times, key=distance)
    return best[1] if distance(best) < 99 else None


def _with_antecedents(events: list[FoundEvent], antecedent: str | None, scene: str | None = None) -> list[FoundEvent]:
    """ "An overnight shooting left eight people wounded. It happened Sunday": "it" is the
    event the text last named; with none named before, the day dates nothing. Police who
    reached a scene came for the last event named that is not a follow-up (`scene`)."""
    resolved = {STORY_EVENT: antecedent, SCENE_EVENT: scene}
    return [
        event._replace(event_class=resolved[event.event_class]) if event.event_class in resolved else event
        for event in events
        if resolved.get(event.event_class, event.event_class) is not None
    ]


def _last_events_named(sentence: Span, lexicon: Lexicon, skip: Collection[str] = ()) -> tuple[str | None, str | None]:
    """The class of the last event the sentence names, by a noun ("shooting") or a verb ("were
    shot"), and the last of those not in `skip`."""
    classes_of = {"VERB": lexicon.event_class_of, "NOUN": lexicon.event_noun_class_of}
    tokens = token_table(sentence.doc)
    last = last_kept = None
    for i in range(sentence.start, sentence.end):
        found = classes_of.get(tokens.pos[i], {}).get(tokens.lemma[i])
        if found is not None:
            last = found
            if found not in skip:
                last_kept = found
    return last, last_kept


def extract_document(
    article: Article,
    doc: Doc,
    *,
    lexicon: Lexicon | None = None,
    time_lexicon: TimeLexicon | None = None,
    quantity_lexicon: QuantityLexicon | None = None,
    extra_rule_dirs: Sequence[str | Path] = (),
) -> DocumentClaims:
    """All claims of one parsed article.

    The three lexicons are the run's packs (`RulePacks`); each one not given is read
    from the built-in pack merged with `extra_rule_dirs`.
    """
    lexicon = lexicon or load_lexicon(extra_rule_dirs)
    time_lexicon = time_lexicon or load_time_lexicon(extra_rule_dirs)
    locate = _Locator(article)
    local_times = time_expressions(doc, dateline=article.published, lexicon=time_lexicon)
    times = [(t, _relocate_time(t, locate)) for t in local_times]
    original = {local.start: moved for local, moved in times}
    local_quantities = find_quantities(
        doc, lexicon=quantity_lexicon or load_quantity_lexicon(extra_rule_dirs)
    )
    quantities = [(q, _relocate_quantity(q, locate)) for q in local_quantities]
    memory = SpeakerMemory()
    antecedent: str | None = None  # the class of the last event the text named ("the shooting")
    scene: str | None = None  # ... leaving out follow-ups (an arrest, a charge)
    follow_ups = frozenset(lexicon.follow_up_events)
    claims: list[Claim] = []
    captions: set[str] = set()  # the ids of the claims read from a gallery's captions
    # (start, end, is a caption's account) of the sentences that are furniture: their names
    # (a photographer, an agency in a credit) are not the story's.
    furniture_sentences: list[tuple[int, int, bool]] = []
    shown = reading_sentences(doc)
    text = doc_text(doc)
    cut_copies = previews(text)
    tokens = token_table(doc)
    for sentence in doc.sents:
        if sum(tokens.word[sentence.start : sentence.end]) < _MIN_CLAIM_TOKENS:
            continue
        predicates = clause_predicates(sentence, lexicon)
        counts = casualty_counts(sentence, lexicon)
        # Only what lies in this sentence can lie in one of its clauses: testing every time and
        # figure of the article against every clause grew with the square of its length.
        sentence_times = _within(times, sentence)
        sentence_quantities = _within(quantities, sentence)
        events = [
            event._replace(time=original[event.time.start])
            for event in _with_antecedents(
                dated_events(sentence, [local for local, _ in sentence_times], lexicon, time_lexicon), antecedent, scene
            )
        ]
        named, named_scene = _last_events_named(sentence, lexicon, follow_ups)
        antecedent = named or antecedent
        scene = named_scene or scene
        paragraph = _paragraph_start(text, sentence.start_char)
        furniture = is_furniture(text_of(sentence), lexicon, paragraph) or _line_start(text, sentence.start_char) in cut_copies
        sentence_claims = []
        for predicate in predicates:
            claim = _claim(
                article, predicate, predicates, sentence, lexicon, time_lexicon, memory, locate,
                sentence_times, sentence_quantities, counts, shown[sentence.start_char], furniture,
            )
            if claim is not None:
                sentence_claims.append(claim)
        sentence_claims = _with_leftover_casualties(sentence_claims, counts, sentence, locate)
        caption = in_gallery(paragraph, lexicon)
        if caption:
            captions.update(c.id for c in sentence_claims)
        if furniture:
            furniture_sentences.append((sentence.start_char, sentence.end_char, caption and not marks_the_page(text_of(sentence), lexicon)))
        claims.extend(_with_dated_events(sentence_claims, events))
        remember_speakers(sentence, memory)
    told_by_captions = _told_by_captions(claims, captions)
    claims = _quotes_with_speakers(_captions_told(claims, captions, lexicon) if told_by_captions else claims)
    page_furniture = [(start, end) for start, end, account in furniture_sentences if not (told_by_captions and account)]
    entities = {e.key: e for claim in claims for e in claim.entities}
    return DocumentClaims(
        path=article.path,
        title=article.title,
        published=article.published,
        source=article.source,
        author=article.author,
        url=article.url,
        claims=tuple(claims),
        times=tuple(t for _, t in times),
        entities=tuple(entities.values()),
        suppressions=article.suppressions,
        terms=content_terms(doc),
        names=document_names(doc, outside=page_furniture),
    )


def _told_by_captions(claims: list[Claim], captions: set[str]) -> bool:
    """A page that is nothing but a photo gallery tells its story in the captions: every claim
    is furniture. Beside an article, a caption stays furniture."""
    return bool(captions) and all(claim.furniture for claim in claims)


def _captions_told(claims: list[Claim], captions: set[str], lexicon: Lexicon) -> list[Claim]:
    """The claims of a page told by its captions: the captions' claims are reporting, but for
    credits and controls ("Photo: ...", "Caption Close")."""
    return [
        c.model_copy(update={"furniture": marks_the_page(c.sentence, lexicon)}) if c.id in captions else c
        for c in claims
    ]


def _paragraph_start(text: str, offset: int, length: int = 40) -> str:
    """The first characters of the line of `text` that `offset` lies on."""
    start = _line_start(text, offset)
    return text[start : start + length]


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _claim(
    article: Article,
    predicate: Token,
    predicates: Sequence[Token],
    sentence: Span,
    lexicon: Lexicon,
    time_lexicon: TimeLexicon,
    memory: SpeakerMemory,
    locate: _Locator,
    times: list[tuple[TimeRef, TimeRef]],
    quantities: list[tuple[Quantity, Quantity]],
    counts: list[CountMention],
    shown: tuple[int, int, str],
    furniture: bool,
) -> Claim | None:
    clause = _clause_tokens(predicate, predicates)
    if len([t for t in clause if not t.is_punct]) < _MIN_CLAIM_TOKENS and predicate.i != sentence.root.i:
        clause = list(sentence)
    clause_start, clause_end = clause[0].idx, clause[-1].idx + len(clause[-1])
    # Quotation marks are read over the whole quotation, which may run over parsed sentences.
    quoted = sentence.doc.char_span(shown[0], shown[1], alignment_mode="expand") if shown[1] > shown[0] else None
    attribution, _ = attribution_for(predicate, quoted or sentence, lexicon, memory)
    if quoted is not None and attribution.quote:
        attribution = attribution.model_copy(update={"quote": _own_part(attribution.quote, quoted, sentence)})
    modality = clause_modality(clause, predicate, sentence, lexicon, time_lexicon=time_lexicon)
    clause_times = [(local, mapped) for local, mapped in times if _in_clause(local.start, local.end, clause)]
    clause_quantities = tuple(mapped for local, mapped in quantities if _in_clause(local.start, local.end, clause))
    casualties = tuple(
        _casualty(sentence, count, locate) for count in counts if _in_clause(count.start, count.end, clause)
    )
    start, end, line, column = locate.span(clause_start, clause_end)
    # Line and column are computed here, once: findings quote the sentence with these.
    # The sentence as the reader reads it (a quotation whole, no surrounding blank lines).
    shown_start, shown_end, shown_text = shown
    sentence_start, sentence_end, sentence_line, sentence_column = locate.span(shown_start, shown_end)
    sentence_end_line, sentence_end_column = locate.end(sentence_start, sentence_end)
    claim_id = hashlib.sha1(f"{article.path}:{start}:{end}".encode()).hexdigest()[:12]
    return Claim(
        id=claim_id,
        path=article.path,
        text=span_text(sentence, clause_start, clause_end),
        sentence=shown_text,
        start=start,
        end=end,
        line=line,
        column=column,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        sentence_line=sentence_line,
        sentence_column=sentence_column,
        sentence_end_line=sentence_end_line,
        sentence_end_column=sentence_end_column,
        event=_event_ref(predicate, clause, lexicon),
        entities=claim_entities(sentence),
        attribution=attribution,
        times=tuple(mapped for _, mapped in clause_times),
        event_time=_event_time(predicate, clause_times),
        quantities=clause_quantities,
        casualties=casualties,
        scheduled=is_scheduled(predicate, lexicon),
        furniture=furniture,
        obligation=modality.obligation,
        obligation_cue=modality.obligation_cue,
        obligation_scope=modality.obligation_scope,
        negated=modality.negated,
        conditional=modality.conditional,
        hedged=bool(modality.hedges),
        hedges=modality.hedges,
        tense=modality.tense,
    )
