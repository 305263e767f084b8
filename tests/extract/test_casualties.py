"""Counts of people by role and scope, read from real parses of newsroom sentences."""

from __future__ import annotations

import pytest

from factcheck.extract.casualties import casualty_counts
from factcheck.extract.lexicon import load_lexicon

LEXICON = load_lexicon()


def _counts(nlp, sentence: str) -> list[tuple[str, int, str]]:
    return [(role, count, scope) for role, count, scope, *_ in casualty_counts(nlp(sentence)[:], LEXICON)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("One man was killed and three others were wounded in a shooting early Sunday.", [("killed", 1, "total"), ("injured", 3, "total")]),
        ("A drive-by shooting left one woman dead and three men injured.", [("killed", 1, "total"), ("injured", 3, "total")]),
        ("Four people were shot.", [("shot", 4, "total")]),
        ("Two people died and three were injured in the shooting.", [("killed", 2, "total"), ("injured", 3, "total")]),
        ("A second person has died, bringing the death toll to two.", [("killed", 2, "total")]),
        ("Six members of the same family were found dead early Thursday morning.", [("killed", 6, "total")]),
        ("Seven members of the Vice Lords were charged in an indictment.", [("charged", 7, "total")]),
        # A conjoined verb that kills says how it ended; a group "of seven" counts seven.
        ("Four people were shot and killed on Elm Street.", [("killed", 4, "total")]),
        ("Neighbors held a vigil for five victims who were shot and killed Friday.", [("killed", 5, "total")]),
        ("Five people were shot and two died.", [("shot", 5, "total"), ("killed", 2, "total")]),
        ("Two men were shot and killed there, and six other young adults were shot and wounded.", [("killed", 2, "total"), ("injured", 6, "total")]),
        # Others after a count of their own role join it.
        ("The gunman opened fire, leaving one person dead, two police officers wounded and three others injured.", [("killed", 1, "total"), ("injured", 5, "total")]),
        # A figure in a unit's name counts nobody; "not one" is nobody.
        ("Four deputy constables from Precinct 5 were shot.", [("shot", 4, "total")]),
        ("A family of seven was found fatally shot in their home on Sunday.", [("killed", 7, "total")]),
        # The count after "among" is the whole group the one belongs to.
        ("A man who was among seven people shot at a party Sunday is in critical condition.", [("shot", 7, "total")]),
        # A group defined by its role is all who fill it, even where the parser makes the reduced
        # clause the noun's verb; a role adjective on "victims" defines the group too.
        ("The sheriff identified the six people killed Christmas Eve as two generations of one family.", [("killed", 6, "total")]),
        ("Responding officers found the three dead victims on the second and third floors.", [("killed", 3, "total")]),
        ("The Latest on the fatal shooting of three law enforcement officers in Baton Rouge.", [("killed", 3, "total")]),
        # All of a group that names no kind of person is everyone in the role.
        ("The four victims were all shot in the legs.", [("shot", 4, "total")]),
        # A title-case headline, and a day the parser took for an object.
        ("Three Dead, Three Wounded in Shooting in Salt Lake.", [("killed", 3, "total")]),
        # A qualifier of a conjoined verb is not the first count's ("critically wounded").
        ("Four people were killed and two others critically wounded in a shooting early Thursday.", [("killed", 4, "total"), ("injured", 2, "total")]),
        # The manner says how it ended wherever the role word stands.
        ("The bodies of five people found shot to death last week have been identified.", [("killed", 5, "total")]),
        # Others after people counted in no role are not all of their role.
        ("A 20-year-old man died at the scene, two people are in critical condition and five others were hospitalized with injuries.", []),
        # An active verb with a real object: the subject did it.
        ("Six people killed a man Tuesday.", []),
        # A bare "one" before "and N others" is all of its role: the others are besides it.
        ("A shooting killed one and wounded two others Sunday.", [("killed", 1, "total"), ("injured", 2, "total")]),
        # Others with a state of their own are not dead with the one, nor all the hurt.
        ("A shooting left one dead and two others in critical condition.", [("killed", 1, "total")]),
        # "Of" before people counts them; before things ("both of her legs") it does not.
        ("Nine of its African-American congregants were killed by a white gunman.", [("killed", 9, "total")]),
        # A restrictive clause defines the group by its role: all who fill it.
        ("The four people that were shot were either hit in their back, legs, or hand.", [("shot", 4, "total")]),
        # A period beside one event only dates it; "annual" names the kind of party, not a tally.
        ("A drive-by shooting in northeast Miami-Dade over the weekend has left four people injured.", [("injured", 4, "total")]),
        ("New details have emerged in the melee and shooting which left five men dead at a cycle shop over the weekend.", [("killed", 5, "total")]),
        ("Two men were killed and seven other people were hurt when shooters opened fire at an annual community party.", [("killed", 2, "total"), ("injured", 7, "total")]),
        # A conjoined verb with an object of its own tells a part, not how the first group ended.
        ("A gunman who entered a Coney Island apartment and shot four people, killing one, is the subject of a manhunt.", [("shot", 4, "total")]),
        # A bare number with its state right after it, wherever the parser hangs the two: the
        # number on the adjective ("four dead"), the first the subject of the second's verb.
        ("The shooting on Dunmore Avenue left four dead and two wounded.", [("killed", 4, "total"), ("injured", 2, "total")]),
        ("Police said 3 dead and 4 injured.", [("killed", 3, "total"), ("injured", 4, "total")]),
    ],
)
def test_casualties_role_and_total(nlp, sentence: str, expected: list[tuple[str, int, str]]) -> None:
    assert [c for c in _counts(nlp, sentence) if c[2] == "total"] == expected


@pytest.mark.parametrize(
    ("sentence", "role", "scope"),
    [
        ("18 people were shot across the city Monday night.", "shot", "aggregate"),
        # A count beside several occasions tallies them all.
        ("Five people were wounded in the two shootings, police said.", "injured", "aggregate"),
        # A period with no one event named beside the count tallies it.
        ("Despite the spate of violence, including 22 people shot over the weekend, officials said crime was down.", "shot", "aggregate"),
        ("The city saw 12 people shot this weekend, including a man killed in a shooting on Elm Street.", "shot", "aggregate"),
        # A number of hours or days is a period too.
        ("Twelve people, including two children, were shot in Harwell in about ten hours.", "shot", "aggregate"),
        ("The other four victims, two men and two women, were wounded.", "injured", "part"),
        ("At least two people have been shot.", "shot", "bound"),
        ("Three other women were injured.", "injured", "rest"),
        ("Two Precinct 5 deputy constables were also hit.", "shot", "part"),
        ("He killed two more people during carjackings.", "killed", "part"),
        ("Police said the three teenagers were shot on steps near a store.", "shot", "part"),
        ("The gunmen fired at three of them, injuring one.", "injured", "part"),
        # A state only some share, others beside them, one of several shootings: parts.
        ("Two victims remain hospitalized while the others were treated and released.", "injured", "part"),
        ("Police confirmed two male students were hospitalized along with the female student.", "injured", "part"),
        ("One person was pronounced dead on the scene, while the other three were transported to a hospital.", "killed", "part"),
        ("One man died in the first shooting and three other people were injured.", "injured", "part"),
        # Two totals of one role in one sentence list groups.
        ("Responders found one male, who was shot twice in the legs and two female victims, who were also shot once in the legs.", "shot", "part"),
        # A verb with an object of its own is the men's act, not a clause that defines them.
        ("Police said the three men shot a clerk and a customer.", "shot", "single"),
        ("The two wounded officers were taken to a hospital.", "injured", "part"),
        ("Five of the six hospitalized victims are listed in stable condition.", "injured", "part"),
        # What came after the event is a part of it.
        ("After the shooting, the gunman went into the neighborhood and fired more shots, wounding three people.", "injured", "part"),
        ("Soon after, two people were fatally shot and two others wounded at a barber shop around the corner.", "killed", "part"),
        # Set off by commas, the clause only describes a group already named.
        ("The seven victims, shot in their legs and feet, are expected to survive.", "shot", "part"),
    ],
)
def test_casualties_scope_that_is_not_a_total(nlp, sentence: str, role: str, scope: str) -> None:
    counts = _counts(nlp, sentence)
    assert (role, scope) in [(r, s) for r, _, s in counts]
    assert all(s != "total" for r, _, s in counts if r == role)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police believe the man killed five members of his family and then killed himself.",
        "The gunman killed five people and then himself.",
    ],
)
def test_casualties_victims_beside_the_attacker_are_a_total_that_leaves_him_out(nlp, sentence: str) -> None:
    counts = [c for c in casualty_counts(nlp(sentence)[:], LEXICON) if c.role == "killed"]
    assert [(c.count, c.scope, c.with_perpetrator) for c in counts] == [(5, "total", True)]


def test_casualties_the_wounded_beside_an_attacker_who_killed_himself_are_a_part(nlp) -> None:
    counts = [c for c in casualty_counts(nlp("A gunman shot and wounded three people at a printing plant before killing himself.")[:], LEXICON) if c.role == "injured"]
    assert [(c.count, c.scope, c.with_perpetrator) for c in counts] == [(3, "part", False)]


def test_casualties_a_total_without_the_attacker_beside_it_is_plain(nlp) -> None:
    counts = [c for c in casualty_counts(nlp("Five people were killed in the house.")[:], LEXICON) if c.role == "killed"]
    assert [(c.count, c.scope, c.with_perpetrator) for c in counts] == [(5, "total", False)]


def test_casualties_coordinated_counts_sum(nlp) -> None:
    counts = _counts(nlp, "Three children and two adults were found dead by a family member.")
    assert ("killed", 5, "total") in counts
    assert {("killed", 3, "part"), ("killed", 2, "part")} <= set(counts)


@pytest.mark.parametrize(
    "sentence",
    [
        "One officer asked colleagues to move back from the tape.",
        "There were five customers who weren't injured in the incident.",
        "It's a miracle that not one kid is shot, Assistant Police Chief Steve Dolunt said.",
        "No one has been charged in that case.",
        "A 26-year-old man was shot, police said.",
        "The gunman fired 10 shots from a car.",
        # Ages after "ages" or "aged", and things counted with "of".
        "We're told a fight broke out and four unidentified men, ages 20-27 were shot.",
        "Kintz said it appears both of her legs were hit by a single gunshot.",
        # A gerund after the noun is what the noun does, or a misread "victims in the shooting".
        "Officials confirmed that two victims in the Cincinnati nightclub shooting Sunday morning are from Trotwood.",
    ],
)
def test_casualties_numbers_that_count_no_casualty(nlp, sentence: str) -> None:
    # "A 26-year-old man was shot" names one person ("single"), never a count of 26.
    assert [c for c in _counts(nlp, sentence) if c[2] != "single"] == []


def test_casualties_one_person_makes_the_others_a_total(nlp) -> None:
    counts = _counts(nlp, "A gunman opened fire, killing a 44-year-old man and injuring seven others.")
    assert ("killed", 1, "single") in counts
    assert ("injured", 7, "total") in counts


def test_casualties_a_day_read_as_the_object_leaves_the_verb_passive(nlp) -> None:
    # The parser reads "killed Christmas Eve" as an active verb with the day as its object.
    sentence = "The Wilson County Sheriff's Office on Sunday identified the six people killed Christmas Eve as two generations of one family."
    assert [(role, count) for role, count, _ in _counts(nlp, sentence)] == [("killed", 6)]


def test_casualties_a_conjunct_with_a_role_of_its_own_is_not_summed(nlp) -> None:
    """ "five people injured and one person dead": five injured, never six."""
    sentence = (
        "Chattanooga detectives are investigating three overnight shootings that happened within a 5-hour "
        "time frame; leaving five people injured and one person dead."
    )
    assert not any(count == 6 for _, count, _ in _counts(nlp, sentence))
