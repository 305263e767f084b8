"""Tests for the claim extractors: attribution, modality, and claims of a whole article.

Small Docs are parsed with the session's model; each case is a sentence and what the
extractor should read from it, including sentences where it should read nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.attribution import SpeakerMemory, attribution_for
from factcheck.extract.claims import clause_predicates, extract_document
from factcheck.extract.lexicon import load_lexicon
from factcheck.extract.modality import clause_modality
from factcheck.ingest.offsets import identity_map
from factcheck.models import Article

LEXICON = load_lexicon()


def _content_predicate(nlp, text: str):
    """The sentence and its first predicate that is not a reporting verb ("said", "told")."""
    sentence = next(nlp(text).sents)
    predicates = clause_predicates(sentence, LEXICON)
    content = [p for p in predicates if p.lemma_.lower() not in LEXICON.sets["reporting"]]
    return sentence, (content or predicates)[0]


# --------------------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_type", "cue", "direct"),
    [
        ("The bridge will reopen on Monday, Mayor Ann Lee said.", "Ann Lee", "person", "say", False),
        ('"The bridge is safe," said Tom Reyes, the county engineer.', "Tom Reyes", "person", "say", True),
        (
            "According to two officials familiar with the plans, the order was delayed.",
            "officials familiar with the plans",
            "anonymous",
            "according to",
            False,
        ),
        ("Officials said the recall was voluntary.", "Officials", "anonymous", "say", False),
        # A number is no name: the source is "one of the officials", up to the comma.
        (
            "Participation is voluntary, according to one of the officials, who was not authorized to speak.",
            "one of the officials",
            "anonymous",
            "according to",
            False,
        ),
        # A reporting verb inside a quotation is the quoted speaker's, not the quotation's source
        # (the sentence opens a quote it does not close).
        (
            "\u201cAnd then they said Jamillah was hit and they pulled her out the car and I ran over there.",
            None,
            "article",
            None,
            True,
        ),
        ('"I said we would win the vote," Mayor Tom Reyes said.', "Tom Reyes", "person", "say", True),
        # Nobody is cited: the article itself asserts it.
        ("The council voted to close the bridge.", None, "article", None, False),
        ("The storm damaged 40 homes in Harwell.", None, "article", None, False),
    ],
)
def test_attribution_speaker_type_cue_and_quote(
    nlp, text: str, speaker: str | None, speaker_type: str, cue: str | None, direct: bool
) -> None:
    sentence, predicate = _content_predicate(nlp, text)
    attribution, _ = attribution_for(predicate, sentence, LEXICON, SpeakerMemory())
    assert (attribution.speaker, attribution.speaker_type, attribution.cue, attribution.direct_quote) == (
        speaker,
        speaker_type,
        cue,
        direct,
    )


def test_attribution_setting_of_the_statement(nlp) -> None:
    sentence = next(nlp("Lee told reporters at a briefing that the road was closed.").sents)
    (predicate,) = clause_predicates(sentence, LEXICON)
    attribution, _ = attribution_for(predicate, sentence, LEXICON, SpeakerMemory())
    assert (attribution.speaker, attribution.setting) == ("Lee", "briefing")


@pytest.mark.xfail(reason="an outlet missing from the lexicon's outlets list is typed as a person", strict=True)
def test_attribution_outlet_outside_the_lexicon(nlp) -> None:
    sentence, predicate = _content_predicate(nlp, "The Harwell Gazette reported that five people were killed.")
    attribution, _ = attribution_for(predicate, sentence, LEXICON, SpeakerMemory())
    assert attribution.speaker_type == "outlet"


# --------------------------------------------------------------------------- modality


@pytest.mark.parametrize(
    ("text", "obligation", "negated", "conditional", "hedges", "tense"),
    [
        ("Labs must share their models with testers before launch.", "mandatory", False, False, (), "present"),
        ("Participation in the testing is voluntary.", "voluntary", False, False, (), "present"),
        ("The company denied that it had cut jobs.", None, True, False, (), "past"),
        ("The board did not approve the budget.", None, True, False, (), "past"),
        ("If costs keep rising, the bridge would close in June.", None, False, True, (), "present"),
        # A condition of adoption is not speculation: the provision itself is stated.
        ("If the vote passes, the bridge would close in June.", None, False, False, (), "present"),
        ("The storm reportedly damaged 40 homes.", None, False, False, ("reportedly",), "past"),
        ("The bridge will reopen on Monday, Mayor Ann Lee said.", None, False, False, (), "future"),
        # A plain statement of fact: nothing to read.
        ("The council closed the bridge on Tuesday.", None, False, False, (), "past"),
        # An opinion about forcing someone is no obligation a measure sets.
        (
            "He worries that forcing a company to sit on a product would hurt its customers.",
            None, False, False, (), "present",
        ),
        # An obligation speakers lay on themselves exhorts; it is not a rule of a measure.
        ("We have to be prepared for these incidents.", None, False, False, (), "present"),
        ("You must register the rental with the city.", "mandatory", False, False, (), "present"),
        # "may have" doubts who or how, not that it happened: a hedge, not a condition.
        ("A boy may have accidentally shot his sister on Sunday.", None, False, False, ("may have",), "past"),
        ("Four people could have died in the fire.", None, False, True, (), "past"),
    ],
)
def test_modality_obligation_negation_condition_hedges_tense(
    nlp, text: str, obligation: str | None, negated: bool, conditional: bool, hedges: tuple[str, ...], tense: str
) -> None:
    sentence, predicate = _content_predicate(nlp, text)
    modality = clause_modality(list(sentence), predicate, sentence, LEXICON)
    assert (modality.obligation, modality.negated, modality.conditional, modality.hedges, modality.tense) == (
        obligation,
        negated,
        conditional,
        hedges,
        tense,
    )


# --------------------------------------------------------------------------- claims of an article


def _claims(nlp, text: str, dateline: dt.date | None = dt.date(2026, 5, 16)):
    article = Article(path="a.txt", text=text, original=text, offset_map=identity_map(text), published=dateline)
    return extract_document(article, nlp(text)).claims


def test_claims_carry_event_time_quantities_and_offsets(nlp) -> None:
    text = "Five people were killed on Thursday in Harwell, police chief Tom Reyes said."
    (claim,) = [c for c in _claims(nlp, text) if c.event.lemma == "kill"]
    assert text[claim.start : claim.end] == claim.text
    assert claim.event_time is not None and claim.event_time.value == "2026-05-14"
    assert [(q.low, q.kind) for q in claim.quantities] == [(5.0, "count")]
    assert claim.attribution.speaker == "Tom Reyes"
    assert (claim.line, claim.column) == (1, 1)


def test_claims_police_at_the_scene_date_the_event_named_before_not_an_arrest(nlp) -> None:
    # The arrest is the last event the text names; the police came for the shooting.
    text = (
        "Police in Harwell said they arrested a man who shot four people in a bar last month. "
        "Tom Reyes, 44, was arrested at his home on Tuesday. "
        "The investigation began after police responded to the area of Dunmore Avenue on April 18."
    )
    dated = [(e.event_class, e.time.value) for c in _claims(nlp, text) for e in c.dated_events]
    assert ("shoot", "2026-04-18") in dated
    assert ("arrest", "2026-04-18") not in dated


def test_claims_police_at_the_scene_date_nothing_when_no_event_came_before(nlp) -> None:
    text = "Officers responded to the 3700 block of Dunmore Avenue on Tuesday. A neighbor said the street was quiet."
    assert [e for c in _claims(nlp, text) for e in c.dated_events] == []


def test_claims_line_and_column_point_into_the_original(nlp) -> None:
    text = "HARWELL —\n\nThe council closed the Dunmore Avenue bridge on Tuesday, Mayor Ann Lee said."
    (claim,) = [c for c in _claims(nlp, text) if c.event.lemma == "close"]
    assert claim.line == 3
    assert text.splitlines()[claim.line - 1][claim.column - 1 :].startswith(claim.text[:10])
    # The sentence's place, which findings quote, is located once, here.
    last_line = text.splitlines()[2]
    assert (claim.sentence_line, claim.sentence_column) == (3, 1)
    assert (claim.sentence_end_line, claim.sentence_end_column) == (3, len(last_line) + 1)


@pytest.mark.parametrize("text", ["", "Harwell.", "   \n\n  "])
def test_claims_none_in_text_without_a_clause(nlp, text: str) -> None:
    assert _claims(nlp, text) == ()


def test_claims_sentence_is_the_whole_quotation_without_blank_lines(nlp) -> None:
    text = (
        "The White House did not sign the order.\n\n"
        '"The order is not dead. It is being refined," said Marcus Ellery, the adviser.\n\n'
        "Another paragraph follows here."
    )
    claims = _claims(nlp, text)
    quoted = [c for c in claims if "refined" in c.text or "dead" in c.text]
    assert quoted
    whole = '"The order is not dead. It is being refined," said Marcus Ellery, the adviser.'
    for claim in quoted:
        assert claim.sentence == whole
        # Offsets cover the sentence and nothing after it (no blank line).
        assert text[claim.sentence_start : claim.sentence_end] == whole
        assert (claim.sentence_line, claim.sentence_end_line) == (3, 3)
        assert claim.sentence_end_column == len(whole) + 1
        # The quotation's first sentence is the speaker's too.
        assert claim.attribution.speaker == "Marcus Ellery"


def test_claims_a_name_inside_a_quotation_is_not_the_next_speaker(nlp) -> None:
    """ "She said" after a quotation that thanks "my wife Portia" is the one who spoke it."""
    text = (
        'Mayor Ann Lee wrote on Tuesday: "I would like to thank my wife Dana Ruiz for her patience."\n\n'
        '"The bridge will reopen in June," she said in a statement.'
    )
    (claim,) = [c for c in _claims(nlp, text) if c.event.lemma == "reopen"]
    assert claim.attribution.speaker == "Ann Lee"


@pytest.mark.parametrize(
    ("text", "closed", "next_line", "next_speakers"),
    [
        # A quotation closed at the end of a line, then a line with speakers of its own.
        (
            'Mayor Ann Lee made the announcement on Friday and said: "The Dunmore Avenue bridge will reopen!\n'
            'I would like to thank the crews who worked through the winter."\n'
            'Council members Tom Reyes and Dana Ruiz said in a statement: "We are thrilled for Harwell."',
            "thank the crews",
            "thrilled",
            ("Tom Reyes", "Dana Ruiz"),
        ),
        # Two quotations on lines of their own, the second with its speaker: the first is not his
        # (a press release quotes the buyer, then the bought firm's chief).
        (
            "Veltra bought Norcom on Monday.\n"
            "“Buying Norcom lets Veltra help its customers build their data centers. ”\n"
            "“Demand for cooling is growing fast, ” said Tom Reyes, chief executive of Norcom.\n",
            "Buying Norcom",
            "Demand for cooling",
            ("Tom Reyes",),
        ),
    ],
)
def test_claims_a_line_that_ends_a_sentence_ends_it(nlp, text: str, closed: str, next_line: str, next_speakers: tuple[str, ...]) -> None:
    """The next line's speaker does not take the quotation the line before closed."""
    claims = _claims(nlp, text)
    (first,) = [c for c in claims if closed in c.text]
    assert next_line not in first.sentence
    assert first.attribution.speaker not in next_speakers
    (following,) = [c for c in claims if next_line in c.text]
    assert following.attribution.speaker == next_speakers[0]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Harwell Police Department released a statement on Monday.\n"
            "It said the man was shot twice on Dunmore Avenue.\n",
            "Harwell Police Department",
        ),
        # A document the sentence before is about, and the "it" of "it was reported", stand for
        # no organisation.
        (
            "The complaint was filed on Monday by the Harwell Police Department.\n"
            "It says the man was shot twice on Dunmore Avenue.\n",
            "It",
        ),
        (
            "The Harwell Police Department released a statement on Monday.\n"
            "It was reported that the man was shot twice on Dunmore Avenue.\n",
            None,
        ),
    ],
)
def test_claims_it_said_is_the_organisation_the_sentence_before_is_about(nlp, text: str, speaker: str | None) -> None:
    """ "It said" speaks for the office the sentence before is about, not for a speaker called "It"."""
    (shot,) = [c for c in _claims(nlp, text) if "shot twice" in c.text]
    assert shot.attribution.speaker == speaker


def test_claims_of_a_gallery_caption_are_furniture_in_every_sentence(nlp) -> None:
    # A gallery's caption runs over sentences; the parser may also cut its counter from the first.
    text = (
        "Photo: Harwell Courier Image 1 of / 16 Caption Close\n\n"
        "Image 1 of 16 A man died Thursday morning after being shot inside a home on Dunmore Avenue. "
        "Seven people were shot at the party, police said.\n\n"
        "Two people were shot on Dunmore Avenue on Thursday, police said."
    )
    claims = _claims(nlp, text)
    caption = [c for c in claims if "died" in c.sentence or "Seven" in c.sentence]
    body = [c for c in claims if c.sentence_start >= text.index("Two people")]
    assert {("died" in c.sentence) for c in caption} == {True, False}  # both of its sentences
    assert all(c.furniture for c in caption)
    assert body and not any(c.furniture for c in body)


def test_claims_of_a_page_that_is_only_a_gallery_are_its_captions(nlp) -> None:
    # With no article beside them, the captions are all the page says of the event; the credit
    # and the gallery's controls stay furniture.
    text = (
        "Photo: Harwell Courier Image 1 of / 16 Caption Close\n\n"
        "Image 1 of 16 A man died Thursday morning after being shot inside a home on Dunmore Avenue. "
        "Seven people were shot at the party, police said. Photo: Harwell Courier\n\n"
        "Image 2 of 16 Officers stand outside the home on Dunmore Avenue. Photo: Harwell Courier"
    )
    claims = _claims(nlp, text)
    told = [c for c in claims if not c.furniture]
    assert any(c.casualties and c.casualties[0].count == 7 for c in told)
    assert any("died" in c.sentence for c in told)
    assert all(c.furniture for c in claims if "Photo:" in c.sentence or "Caption Close" in c.sentence)


def test_claims_a_line_cut_short_that_repeats_the_page_is_furniture(nlp) -> None:
    # Under each caption the page repeats its opening, cut short: a copy, not one more account.
    # The gallery is then still the whole page, told by its full captions.
    text = (
        "Photo: Harwell Courier Image 1 of / 11 Caption Close\n\n"
        "Image 1 of 11 A man died Thursday morning after being shot inside a home on Dunmore Avenue. Photo: Harwell Courier\n\n"
        "A man died Thursday morning after being shot inside a home on the...\n\n"
        "Image 2 of 11 A man died Thursday morning after being shot inside a home on Dunmore Avenue. Photo: Harwell Courier\n\n"
        "A man died Thursday morning after being shot inside a home on the..."
    )
    claims = _claims(nlp, text)
    told = [c for c in claims if not c.furniture]
    assert any("died" in c.sentence and "Dunmore Avenue" in c.sentence for c in told)
    assert [c for c in claims if c.sentence.endswith("...")]
    assert not [c for c in told if c.sentence.endswith("...")]


@pytest.mark.parametrize(
    "text",
    [
        # A photo credit names a photographer and an agency, not anyone in the story.
        "Two men were shot on Dunmore Avenue in Harwell on Thursday, police chief Tom Reyes said.\n\n"
        "Photo: Ana Lowe, Harwell Courier\n\n"
        "Reyes said the men are expected to live.",
        # A page told by its gallery's captions keeps the captions' names, not the credits'.
        "Photo: Ana Lowe, Harwell Courier Image 1 of / 11 Caption Close\n\n"
        "Image 1 of 11 Police chief Tom Reyes speaks outside the home on Dunmore Avenue where two men were shot Thursday. "
        "Photo: Ana Lowe, Harwell Courier\n\n"
        "Image 2 of 11 Officers stand outside the home on Dunmore Avenue. Photo: Ana Lowe, Harwell Courier",
    ],
)
def test_claims_names_of_the_page_furniture_are_not_the_articles(nlp, text: str) -> None:
    article = Article(path="a.txt", text=text, original=text, offset_map=identity_map(text), published=dt.date(2026, 5, 16))
    names = {key for _, key, _, _ in extract_document(article, nlp(text)).names}
    assert "tom reyes" in names
    assert not names & {"ana lowe", "harwell courier"}
