"""Which event a day belongs to, from real parses: the word that governs the date decides."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.events import dated_events, event_phrase
from factcheck.extract.lexicon import load_lexicon
from factcheck.extract.time import load_time_lexicon, time_expressions

LEXICON = load_lexicon()
SUNDAY = dt.date(2026, 3, 8)


def _dated(nlp, sentence: str) -> list[tuple[str, str, str]]:
    doc = nlp(sentence)
    times = time_expressions(doc, dateline=SUNDAY)
    return [(event_class, time.value or "", tense) for _, event_class, time, tense, *_ in dated_events(doc[:], times, LEXICON, load_time_lexicon())]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two men were killed when gunmen opened fire Friday night at a party.", ("shoot", "2026-03-06")),
        ("The shooting happened Saturday evening on Elm Street.", ("shoot", "2026-03-07")),
        ("Police are investigating a fatal shooting in the Ninth Ward Friday night.", ("shoot", "2026-03-06")),
        ("A 13-year-old died in an accidental shooting Saturday afternoon.", ("shoot", "2026-03-07")),
        ("In a move reported on Thursday, March 5, the council delayed the vote.", ("delay", "2026-03-05")),
        ("Hoke was shot and killed Wednesday night during a disturbance.", ("kill", "2026-03-04")),
        ("A man is wanted in connection with a drive-by shooting that left a 7-year-old boy dead in southwest Miami-Dade on Saturday.", ("kill", "2026-03-07")),
        ("Numerous people were outside when shots rang out Tuesday night.", ("shoot", "2026-03-03")),
        # "It" for the story's own event: dated as whatever event the story reports.
        ("It happened Monday night on Fernlawn Street in Midtown.", ("*", "2026-03-02")),
        # What happened: the noun a relative "that" stands for, the event a clause subject names.
        ("Police linked Smith to the shooting that occurred Thursday night on Queens Avenue.", ("shoot", "2026-03-05")),
        ("The shooting, which occurred Thursday night, left two men dead.", ("shoot", "2026-03-05")),
        # Only an event occurs: a relative clause the parser hangs on the victim is the shooting's.
        ("Police are investigating the fatal shooting of a woman that occurred at 4439 Dunmore about 8:45 p.m. on Saturday (March 7).", ("shoot", "2026-03-07")),
        ("At 8:34 pm on March 5, 2026 what appeared to be an accidental shooting took place at 22 Spring Street.", ("shoot", "2026-03-05")),
        ("On March 5, police responded to shots fired at the residence.", ("shoot", "2026-03-05")),
        # A headline without a full stop, where the tagger takes the gerund for a verb.
        ("UPDATE: No charges expected in Tuesday’s midtown shooting", ("shoot", "2026-03-03")),
        # A day on a circumstance of the event (a conjoined verb, a noun after "following") is
        # the event's own.
        ("The boy was shot after he got into his uncle's bedroom with two other children and found a gun Monday night in the 900 block of Dunmore Lane.", ("shoot", "2026-03-02")),
        ("Seven people were injured in a drive-by shooting, following a fight in the Tenderloin neighborhood Saturday night.", ("injure", "2026-03-07")),
        ("An 8-year-old boy was accidentally shot by another boy and then brought to Mount Sinai Hospital by a relative Tuesday morning.", ("shoot", "2026-03-03")),
        # Police reaching a place on a day came for the story's event, resolved to the event the
        # text named last ("*scene").
        ("On March 5, officers responded to the 3700 block of Mackinac Island Lane shortly before 12:30 a.m.", ("*scene", "2026-03-05")),
        ("Police were called to a home on Elm Street on Saturday night.", ("*scene", "2026-03-07")),
        # A day set before a clause of purpose is the main verb's, though its verb may be a
        # reporting verb ("maintain").
        ("According to the indictment, on March 5, to maintain their positions in the gang, the defendants shot six people.", ("shoot", "2026-03-05")),
        # After a heading, the parser reads the same sentence without a subject.
        ("Police investigating an accidental shooting\n\nAt 8:34 pm on March 5, 2026 what appeared to be an accidental shooting took place at 22 Spring Street.", ("shoot", "2026-03-05")),
        # No past day on a present perfect: the day is the shooting's, not the charge's.
        ("The prosecutor has charged three men in connection to the shooting of a girl in Detroit on Thursday.", ("shoot", "2026-03-05")),
        ("One of the victims in Thursday's shooting that sent five people to the hospital has died.", ("shoot", "2026-03-05")),
        # A call or report about the event is received the day it happens.
        ("Thursday afternoon, police received a call about a shooting on Faronia Road.", ("shoot", "2026-03-05")),
        ("Officers responded Sunday to a report of shots fired.", ("shoot", "2026-03-08")),
        ("They received a call just before 1:30 p.m. Thursday, that a child had been shot at the apartments.", ("shoot", "2026-03-05")),
        # What went on as the event happened shares its day.
        ("The shooting happened as the teens were hanging out inside an apartment on Glen Arm Road, Tuesday evening.", ("shoot", "2026-03-03")),
        # "The incident" names the story's event without saying what it was.
        ("The shooting happened just a block from the site of a March 3 incident that left five people wounded.", ("*", "2026-03-03")),
        ("According to the agency, the incident happened around 4 p.m. March 5 at the apartments.", ("*", "2026-03-05")),
        # A participle that only describes the event noun passes the day on to it.
        ("Police are investigating a fatal double shooting involving two teenagers in the Ninth Ward Saturday night.", ("shoot", "2026-03-07")),
        # What a dispute ended in.
        ("Anger over a stolen thousand dollars escalated to the fatal shooting of the girl Tuesday, family members said.", ("shoot", "2026-03-03")),
        # An event conjoined after a verb that is none shares its day.
        ("Police say the loaded handgun was lying on the bed Thursday and the boy grabbed it, walked downstairs, and accidentally shot himself.", ("shoot", "2026-03-05")),
        # No past day on a present perfect: the day is the event's named on the way.
        ("Auburn police have made an arrest in the shooting death Thursday of a 17-year-old.", ("kill", "2026-03-05")),
        # A day between a determiner and an event noun, however the parser reads the phrase.
        ("The police department is investigating the Sunday afternoon shooting of a 17-month-old child.", ("shoot", "2026-03-08")),
        # A "shooting death" is a killing; a death alone may come days after the injury.
        ("The police department is investigating the Sunday afternoon shooting death of a 17-month-old child.", ("kill", "2026-03-08")),
        ("The police department is investigating the Sunday afternoon death of a 17-month-old child.", ("die", "2026-03-08")),
        # A day on going through an event dates the event.
        ("The victim who suffered the gunshot wound in the home invasion on Saturday has died.", ("injure", "2026-03-07")),
        # The nearest event noun of a long phrase, not the first one the parser hung the day on.
        ("A judge on Wednesday found probable cause for a manslaughter charge against a boy in the accidental shooting death of his friend on the reservation Monday night.", ("kill", "2026-03-02")),
    ],
)
def test_events_day_of_the_event(nlp, sentence: str, expected: tuple[str, str]) -> None:
    assert expected in [(c, v) for c, v, _ in _dated(nlp, sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The parser reads "the shooting as the two" and hangs the clause under "said".
        (
            "A 16-year-old is in custody after the shooting of his cousin as the two of them and a friend "
            "were hunting near Harwell on Saturday, deputies said.",
            ("shoot", "2026-03-07", "past"),
        ),
        # Parsed right: the clause's tense is the event's, not that of "is under arrest".
        (
            "Tom Reyes is now under arrest after the shooting of a Harwell teenager as the two were walking "
            "on Dunmore Avenue on Friday, police said.",
            ("shoot", "2026-03-06", "past"),
        ),
    ],
)
def test_events_a_clause_that_went_on_as_the_event_happened_dates_it(nlp, sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in _dated(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police said Thursday that two people were wounded.",
        "The family will hold a vigil on Friday.",
        "A second teen was arrested Tuesday in the shooting of 15 people at a nightclub.",
        # Two days offered as alternatives: the report does not give one.
        "Steven Dooley was one of five killed Wednesday night or Thursday morning, police said.",
        # "It was" is no event.
        "It was Monday when the council met.",
        # An address is no ruling, and police find things every day.
        "On Friday, officers responded to the 3700 block of Mackinac Island Lane.",
        "Officers found a handgun in the car on Friday.",
        # A day before a noun dates that thing, not the event above it.
        "The child died from her injuries, a Monday morning email from the agency said.",
        # An event after "later" does not share the first verb's day.
        "He went to the store Friday and was later shot.",
        # A participle of a noun that is no event dates nothing on that noun's behalf.
        "A car belonging to the shooting victim was found Saturday.",
        # A day after the event a verb of speaking is about is the speaking's.
        "She did not comment further on the shooting Tuesday.",
        # A clause set before or after the event, or at another time, gives its own day; so does a
        # relative clause about a participant.
        "He killed two people and injured two more after he fled a shootout near Wellston on Sunday night.",
        "A man was killed after police stormed the building following a standoff on Tuesday.",
        "A man who was released from jail on Monday shot his wife.",
        "Tom Reyes, shot in the neck, remained in intensive care Friday at Harwell General Hospital, police said.",
        "The gunman shot the clerk and had fled the state by Tuesday.",
        # A day that ends a stretch of events dates none of them.
        "The shootings extended to Sunday evening, injuring a woman and her 2-year-old.",
        "The shootings lasted into Saturday night.",
        # A date on a line of its own above the lede is the page's.
        "November 28, 2025\nTen people were killed when an earthquake razed three villages.",
    ],
)
def test_events_a_day_that_dates_no_reported_event(nlp, sentence: str) -> None:
    assert [c for c, _, tense in _dated(nlp, sentence) if c in ("shoot", "injure", "kill") and tense != "future"] == []


@pytest.mark.parametrize(
    ("sentence", "phrase", "event_class"),
    [
        ("The new rates would take effect in June.", "take effect", "take_effect"),
        ("The new rates would kick in 60 days after passage.", "kick in", "take_effect"),
        ("The rule goes into effect next month.", "go into effect", "take_effect"),
        ("The gunman opened fire on the crowd.", "open fire", "shoot"),
    ],
)
def test_events_phrases_name_one_event(nlp, sentence: str, phrase: str, event_class: str) -> None:
    doc = nlp(sentence)
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.lemma_ not in ("would", "be")]
    assert (phrase, event_class) in [event_phrase(v, LEXICON) for v in verbs]


def test_events_a_phrase_without_its_object_sense_is_not_its_event(nlp) -> None:
    # "Kicked in the front door": a kick, not a measure taking effect.
    kicked = [t for t in nlp("A man kicked in the front door of the Harwell home about 2:10 a.m. Sunday.") if t.lemma_ == "kick"]
    assert [event_phrase(v, LEXICON)[1] for v in kicked] == [None]


@pytest.mark.parametrize(
    ("sentence", "event_class"),
    [
        # Let go from a job: no shooting.
        ("Tom Reyes, a Harwell resident who was fired from Norcom Advisors on Thursday, was arrested.", None),
        ("A man who was fired last week walked into the office.", None),
        ("He was fired by the company on Monday.", None),
        # Shots, guns and rounds are fired; people are fired upon.
        ("Shots were fired at the house on Monday.", "shoot"),
        ("Two rounds were fired from a rifle.", "shoot"),
        ("The officer was fired upon.", "shoot"),
        ("He fired three shots.", "shoot"),
    ],
)
def test_events_fired_from_a_job_is_no_shooting(nlp, sentence: str, event_class: str | None) -> None:
    fired = [t for t in nlp(sentence) if t.lemma_ == "fire"]
    assert [event_phrase(v, LEXICON)[1] for v in fired] == [event_class]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Charges will be filed against the suspect in Tuesday's fatal shooting.", ("shoot", "2026-03-03", "past")),
        ("The town will pull together and recover from Thursday night's shooting.", ("shoot", "2026-03-05", "past")),
    ],
)
def test_events_an_unplanned_event_has_happened_whatever_the_clause(nlp, sentence: str, expected: tuple[str, str, str]) -> None:
    """A clause about what comes next ("will be filed") does not make a shooting a plan."""
    assert expected in _dated(nlp, sentence)


def test_events_a_long_phrase_dates_its_nearest_event(nlp) -> None:
    """The parser hangs "Monday night" on the charge; the day is the death's, and the charge has none."""
    sentence = (
        "A judge on Wednesday found probable cause for a manslaughter charge against a boy in the "
        "accidental shooting death of his friend on the reservation Monday night."
    )
    assert ("charge", "2026-03-02") not in [(c, v) for c, v, _ in _dated(nlp, sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 5-year-old girl was hospitalized Thursday after an accidental shooting, authorities said.", ("shoot", "Thursday")),
        ("A 3-year-old boy died Sunday after accidentally shooting himself with a pistol, police said.", ("shoot", "Sunday")),
    ],
)
def test_events_a_day_of_what_followed_bounds_the_event(nlp, sentence: str, expected: tuple[str, str]) -> None:
    doc = nlp(sentence)
    times = time_expressions(doc, dateline=dt.date(2015, 9, 4))
    found = [(e.event_class, e.time.text) for e in dated_events(doc[:], times, LEXICON, load_time_lexicon()) if e.follows]
    assert found == [expected]


def test_events_a_day_of_what_followed_the_story_event_bounds_it(nlp) -> None:
    # No event named on the sentence: what followed is the story's event, named before ("it").
    doc = nlp("Her parents took her to the hospital on Saturday afternoon, where she died.")
    times = time_expressions(doc, dateline=dt.date(2015, 9, 4))
    found = [(e.event_class, e.time.text) for e in dated_events(doc[:], times, LEXICON, load_time_lexicon()) if e.follows]
    assert found == [("*", "Saturday afternoon")]


def test_events_a_day_of_what_followed_nothing_dates_no_event(nlp) -> None:
    doc = nlp("He died Tuesday after a long illness.")
    times = time_expressions(doc, dateline=dt.date(2015, 9, 4))
    assert [e for e in dated_events(doc[:], times, LEXICON, load_time_lexicon()) if e.follows] == []


def test_events_a_day_on_an_occasion_of_speaking_is_not_the_events(nlp) -> None:
    # Dateline Sunday, March 8, 2026: Saturday's shooting, a press conference on Tuesday before.
    dated = _dated(nlp, "Police released new details about Saturday's mass shooting during a press conference Tuesday.")
    assert [(c, v) for c, v, _ in dated] == [("shoot", "2026-03-07")]
