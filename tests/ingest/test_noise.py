"""Web noise leaves the text, and offsets still land on the same words in the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import RulePackError
from factcheck.ingest import read_article
from factcheck.ingest.noise import NoiseRules, load_noise_rules, strip_noise
from factcheck.ingest.offsets import identity_map, to_original

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def _clean(text: str) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    return strip_noise(text, identity_map(text), load_noise_rules())


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Share on Facebook",
        "Tweet",
        "Email this",
        "Facebook | Twitter | Email",
        "Please verify you are a human",
        "I'm not a robot",
        "We use cookies to give you the best experience.",
        "Click here to subscribe",
        "https://example.com/story/123",
        "Please enable Javascript to watch this video",
        "Copyright 2026 Example News. All rights reserved.",
        "------",
        # Wire credits and outlet prompts name the outlet, which all its reports share.
        "Copyright 2026 Harwell Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "(Source: Dunmore Media Wire © Dunmore Courier 2026. All Rights Reserved. This material may not be published, broadcast, rewritten, or redistributed.)",
        "The Harwell Wire contributed to this report.",
        "For more neighborhood news, listen to Dunmore Radio here:",
        "Join the conversation on the KHRW Facebook page",
        "Stay up to date, follow KHRW on Twitter",
        "This is a developing story. Check back for updates.",
        "Download the KHRW News app for the iPhone and Android",
        "tmorrow@dunmorecourier.example",
        # An author's post alerts: the author's name would link every report they write.
        "Close Get email notifications on Tom Reyes daily!",
        "Whenever Tom Reyes posts new content, you'll get an email delivered to your inbox with a link.",
        "Email notifications are only sent once a day, and only if there are new matching items.",
        # A video playlist beside the article: other stories' clips, each with its length.
        "0:43 Homeless man found dead in Harwell; suspect arrested Pause",
        "1:47 'I miss the one thing that completes my every day,' says wife of shooting victim",
        "2:13",
    ],
)
def test_noise_lines_are_dropped(line: str) -> None:
    text, _ = _clean(f"The mayor spoke.\n{line}\nThe council voted.\n")
    assert text == "The mayor spoke.\nThe council voted."


@pytest.mark.parametrize(
    "line",
    [
        "Police said the robot was used to open the door.",
        "Follow the money, the prosecutor told jurors.",
        "The site of the shooting, at https://maps.example/x, was closed.",
        "Share prices fell 4% on Monday.",
        # Prose with a spaced dash, a day then a figure, and a Bible verse, each once: too few
        # signs of a text written back from tokens to rejoin anything.
        "The shooting - the third this year - happened on May 1, 300 yards from the school.",
        "In 2014. 6 people were hurt, he said, citing John 3: 16 and the council report.",
        # A list of dated items is no time of day, however many there are.
        "July 28: 10-year-old shot. July 7: 16-year-old shot. July 6: 14-year-old shot.",
        "Police said the driver had contributed to this report of the crash.",
        "Detectives said the suspect would download the app to find victims.",
        # A live blog's entries start with the time of day.
        "10:52 p.m.: Authorities said they know the identity of the shooter.",
        "8:20 a.m.",
        "4:30 was the time the first call came in, police said.",
    ],
)
def test_noise_keeps_body_lines(line: str) -> None:
    text, _ = _clean(f"{line}\n")
    assert text == line


def test_noise_cite_tags_keep_inner_text_and_offsets() -> None:
    original = 'The council (cite index="2-9">approved the budget</cite> on Monday.'
    text, offset_map = _clean(original)
    assert text == "The council approved the budget on Monday."
    start = text.index("approved")
    assert original[to_original(offset_map, start) :].startswith("approved the budget")
    start = text.index("Monday")
    assert original[to_original(offset_map, start) :].startswith("Monday.")


def test_noise_text_written_back_from_tokens_is_rejoined_with_offsets() -> None:
    original = "A quake of magnitude 4. 6 struck at 2: 09 a. m. and HP ’ s co - workers said the 13 - inch model costs $1, 199."
    text, offset_map = _clean(original)
    assert text == "A quake of magnitude 4.6 struck at 2:09 a.m. and HP’s co-workers said the 13-inch model costs $1,199."
    start = text.index("4.6")
    assert original[to_original(offset_map, start) : to_original(offset_map, start + 3, end=True)] == "4. 6"
    start = text.index("co-workers")
    assert original[to_original(offset_map, start) :].startswith("co - workers")


def test_noise_a_web_address_written_back_from_tokens_is_a_sign_of_such_a_text() -> None:
    # One spaced decimal alone is too little to rejoin; the spaced address says how the text was made.
    original = "http: / / www. example. com / quake\nThe 5. 9 - magnitude quake struck the island, home to 120, 000 people.\n"
    text, _ = _clean(original)
    assert "The 5.9-magnitude quake struck the island, home to 120,000 people." in text


def test_noise_dashes_around_an_aside_stay_dashes_in_a_text_written_back_from_tokens() -> None:
    original = (
        "http: / / www. example. com / trial\n"
        "Chela Ortiz - who was married three weeks before the shooting - sat with her mother - in - law at 9: 00.\n"
    )
    text, _ = _clean(original)
    assert "Chela Ortiz - who was married three weeks before the shooting - sat with her mother-in-law at 9:00." in text


def test_noise_reference_list_at_the_end_is_dropped() -> None:
    text, _ = _clean("The mayor spoke.\n\nReferences:\n- https://a.example\n- City report, 2026\n")
    assert text == "The mayor spoke."


def test_noise_long_section_after_sources_heading_is_kept() -> None:
    body = "\n".join(f"Paragraph {i} of the story goes on." for i in range(80))
    text, _ = _clean(f"Sources\n{body}\n")
    assert text.startswith("Sources\nParagraph 0")


def test_noise_blank_runs_collapse() -> None:
    text, _ = _clean("\n\nFirst.\n\n\n\nAdvertisement\n\n\nSecond.\n\n")
    assert text == "First.\n\nSecond."


def test_noise_fixture_article_offsets() -> None:
    (article,) = read_article(FIXTURES / "noisy.txt", root=FIXTURES)
    assert article.title == "Council approves budget"
    assert article.text == (
        "The council approved the budget on Monday by a vote of 7 to 2.\nThe mayor said the plan would cut 40 jobs."
    )
    for word in ("approved", "Monday", "mayor", "40 jobs"):
        start = article.text.index(word)
        assert article.original[to_original(article.offset_map, start) :].startswith(word)


def test_noise_rules_validate_patterns() -> None:
    with pytest.raises(ValueError, match="invalid regular expression"):
        NoiseRules.model_validate({"lines": {"patterns": ["(unclosed"]}})


def test_noise_user_pack_extends_builtin(tmp_path: Path) -> None:
    (tmp_path / "noise.toml").write_text('[lines]\nexact = ["read the full story"]\n', "utf-8")
    rules = load_noise_rules([tmp_path])
    assert "read the full story" in rules.lines.exact and "advertisement" in rules.lines.exact
    text, _ = strip_noise("Read the full story\nThe mayor spoke.", identity_map("x" * 36), rules)
    assert text == "The mayor spoke."


def test_noise_user_pack_with_bad_key(tmp_path: Path) -> None:
    (tmp_path / "noise.toml").write_text("[lines]\nexcat = []\n", "utf-8")
    with pytest.raises(RulePackError, match="unknown key 'lines.excat'"):
        load_noise_rules([tmp_path])
