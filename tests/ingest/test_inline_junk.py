"""Widgets flattened into sentences: slugs, name cards, teasers, headline runs."""

from __future__ import annotations

import pytest

from detente.ingest.inline_junk import InlineJunk, find_glue_points
from detente.ingest.lexicon import JunkLexicon, load_junk_lexicon
from detente.ingest.normalize import tidy_spacing


@pytest.fixture(scope="module")
def lexicon() -> JunkLexicon:
    return load_junk_lexicon()


@pytest.fixture(scope="module")
def junk(lexicon: JunkLexicon) -> InlineJunk:
    return InlineJunk(lexicon)


@pytest.mark.parametrize(
    ("word", "points"),
    [
        ("BlinkenHouse", [7]),
        ("PutinKristen", [5]),
        ("gettyAnthony", [5]),
        ("McDonald", []),
        ("McDonald's", []),
        ("iPhone", []),
        ("YouTube", []),
        ("DeSantis", []),
        ("MacArthur", []),
        ("LeBron", []),
        ("PlayStation", []),
        ("AstraZeneca", []),
        ("eBay", []),
        ("PhD", []),
        ("YouTubeChannel", [7]),
        ("DeSantisHouse", [8]),
        ("Anglo-American", []),
    ],
)
def test_inline_junk_glue_points(lexicon: JunkLexicon, word: str, points: list[int]) -> None:
    assert find_glue_points(word, lexicon) == points


# Invented sentences in the shape of the seed article's junk (other names, other words).
WIDGETS = [
    (
        "She met Foreign Minister Amara Okafor.okaforamara 03042021gettyAmara OkaforLottery "
        "Jackpot Climbs to Record High The storm will hit the coast tonight Mortgage rates have "
        "climbed for a fifth MORE on Tuesday, when the two discussed trade.",
        "She met Foreign Minister Amara Okafor on Tuesday, when the two discussed trade.",
    ),
    (
        "Talks were held by President Lucas Moreaumoreaulucas 120321ap leadLucas Jean "
        "MoreauCelebrity Chef Opens Floating Restaurant on the Thames After the meeting, "
        "both sides issued a statement.",
        "Talks were held by President Lucas Moreau. After the meeting, both sides issued a "
        "statement.",
    ),
    (
        "The deal was signed by Prime Minister Tomasz Wilk wilktomasz 05102023apTomasz "
        "WilkCommuters face delays as engineering work MORE, officials said.",
        "The deal was signed by Prime Minister Tomasz Wilk, officials said.",
    ),
    (
        "Governor Olena Marchenko olenamarchenko 03122022reuters heroOlena MarchenkoZoo "
        "Welcomes Rare Twin Panda Cubs said air defences had shot down several drones.",
        "Governor Olena Marchenko said air defences had shot down several drones.",
    ),
    (
        "Officials met Hana Novak.novakhana 020321getty thumbHana NovakPop Star Cancels Tour "
        "After Vocal Injury Novak said rates would rise. Later, Hana Novak left.",
        "Officials met Hana Novak. Novak said rates would rise. Later, Hana Novak left.",
    ),
    (
        "He spoke with Minister Maria Santos Maria SantosParliament Passes Budget After "
        "Marathon Session on Monday evening.",
        "He spoke with Minister Maria Santos on Monday evening.",
    ),
    (
        "Prices rose again. Shares in the chipmaker jumped after a surprise profit MORE "
        "The bank said it would act.",
        "Prices rose again. The bank said it would act.",
    ),
    (
        "The strike ended on Friday. Tennis Champion Withdraws From Open With Wrist Injury "
        "The union said members were relieved.",
        "The strike ended on Friday. The union said members were relieved.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), WIDGETS)
def test_inline_junk_excises_and_mends(junk: InlineJunk, text: str, expected: str) -> None:
    assert tidy_spacing(junk(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Speaking on BBC Radio 4's Today programme, Mr Malik said women were under-represented.",
        "Minister for Foreign Affairs Penny Wong said the talks were useful.",
        "Russian Foreign Minister Sergei Lavrov on Monday said the offer was unacceptable.",
        "At the Summit in Brussels on Friday, leaders agreed to a new fund.",
        "DaimlerChrysler and Siemens Agree Joint Venture in Asia, the companies said.",
        "EU Sets Date for Turkey Talks, Demands Concession on Cyprus",
        "China Praises Ties With Russia As It Sends Aid To Ukraine",
        '"We Are Ready," he said. NO MORE WAR, the banners read.',
        "The firm sold 3,000 iPhones and McDonald's franchises to YouTube stars.",
        "United Nations Secretary General Antonio Guterres said the war must end.",
        "One of the founders, Sam Altman, left OpenAI Board Members Say after the vote.",
    ],
)
def test_inline_junk_keeps_real_text(junk: InlineJunk, text: str) -> None:
    assert junk(text) == text


def test_inline_junk_reports_parts(junk: InlineJunk) -> None:
    text = (
        "with Karen Whitfield.whitfieldkaren 11242018epaKaren WhitfieldA storm is due MORE "
        "on Friday."
    )
    reasons = [e.reason for e in junk.find(text) if e.reason]
    assert reasons == ["name_slug", "name_card", "teaser_more"]
