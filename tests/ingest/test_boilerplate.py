"""Whole-line boilerplate, inline boilerplate and datelines, each step alone."""

from __future__ import annotations

import pytest

from detente.ingest.boilerplate import BoilerplateLines, Dateline, InlineBoilerplate
from detente.ingest.lexicon import BoilerplateRules, load_boilerplate_rules


@pytest.fixture(scope="module")
def rules() -> BoilerplateRules:
    return load_boilerplate_rules()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ADVERTISEMENT", "advertisement"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Sign up for our daily newsletter to get the top stories.", "newsletter"),
        ("Subscribe to our World Brief newsletter", "newsletter"),
        ("Get the top stories delivered straight to your inbox.", "newsletter"),
        ("Read more: Pop Star Cancels Stadium Tour", "read_more"),
        ("Related stories", "read_more"),
        ("Share this article", "share_prompt"),
        ("Follow us on Twitter", "share_prompt"),
        ("Copyright 2023 The Daily Ledger. All rights reserved.", "copyright"),
        ("\u00a9 2022 Reuters", "copyright"),
        ("Photo: Reuters", "photo_credit"),
        ("(AP Photo/Evan Vucci)", "photo_credit"),
        ("Getty Images", "photo_credit"),
        ("Kevin Lamarque/Reuters", "photo_credit"),
        ("REUTERS/Kevin Lamarque", "photo_credit"),
        ("Image caption, Protesters gathered outside parliament", "photo_credit"),
        ("By Jane Doe, Reuters", "byline"),
        ("By Jane Doe and John Roe", "byline"),
        ("Reporting by Jane Doe; Editing by John Roe", "byline"),
        ("Updated: 3 March 2022 10:15", "timestamp"),
        ("\u2022 Share on Facebook", "share_prompt"),
    ],
)
def test_boilerplate_line_reason(rules: BoilerplateRules, line: str, reason: str) -> None:
    assert BoilerplateLines(rules).reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the army had withdrawn from the city.",
        "Copyright law is changing across the bloc, officials said.",
        "Related talks will be held in Geneva next week.",
        "Updated figures released on 3 March showed a sharp rise in prices.",
        "Photographs of the meeting were not released.",
        "Share prices fell sharply on Monday.",
        "The minister said the watch was a gift.",
        "Reuters reported that the talks had collapsed.",
    ],
)
def test_boilerplate_line_keeps_article_text(rules: BoilerplateRules, line: str) -> None:
    assert BoilerplateLines(rules).reason(line) is None


def test_boilerplate_lines_removes_only_junk_lines(rules: BoilerplateRules) -> None:
    text = "Talks resumed.\nADVERTISEMENT\nThey ended late.\nShare this article"
    assert BoilerplateLines(rules)(text) == "Talks resumed.\n\nThey ended late.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He spoke. ADVERTISEMENT The talks ended.", "He spoke.  The talks ended."),
        ("Troops left (AP Photo/Evan Vucci) on Monday.", "Troops left  on Monday."),
        ("Crowds gathered (Photo by Jo Ray/Getty Images) outside.", "Crowds gathered  outside."),
        (
            "He spoke. Sign up for our daily newsletter to get the news. It ended.",
            "He spoke.  It ended.",
        ),
        ("The advertisement campaign began.", "The advertisement campaign began."),
    ],
)
def test_boilerplate_inline(rules: BoilerplateRules, text: str, expected: str) -> None:
    assert InlineBoilerplate(rules)(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KYIV, March 3 (Reuters) - Ukraine said", "Ukraine said"),
        ("WASHINGTON (AP) \u2014 The Senate voted", "The Senate voted"),
        ("BEIRUT, Lebanon (AFP) - Protesters", "Protesters"),
        ("LONDON \u2014 The Bank of England", "The Bank of England"),
        ("(Reuters) - Oil prices rose", "Oil prices rose"),
        (
            "Headline line\nGENEVA, Sept. 3 (Reuters) - Talks resumed",
            "Headline line\nTalks resumed",
        ),
        ("NATO \u2014 the alliance said", "NATO \u2014 the alliance said"),
        ("The minister said (Reuters) - nothing", "The minister said (Reuters) - nothing"),
    ],
)
def test_boilerplate_dateline(rules: BoilerplateRules, text: str, expected: str) -> None:
    assert Dateline(rules)(text) == expected
