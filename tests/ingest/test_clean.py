"""The composed cleaner: removed spans, offsets, rendering, and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.ingest.clean import Cleaner, CleanResult, render_removed


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def test_clean_is_a_str_function(cleaner: Cleaner) -> None:
    assert cleaner("  Talks\u00a0resumed \u201ctoday\u201d.  ") == 'Talks resumed "today".'


def test_clean_removed_spans_point_into_original(cleaner: Cleaner) -> None:
    original = (
        "By Jane Doe, Reuters\n\nKYIV, March 3 (Reuters) - Ukraine\u2019s envoy met "
        "Minister Amara Okafor.okaforamara 03042021gettyAmara OkaforZoo Welcomes Rare Twin "
        "Panda Cubs on Monday.\n\nADVERTISEMENT\n\nThe talks ended late.\n\nShare this article"
    )
    result = cleaner.clean(original)
    assert result.text == (
        "Ukraine's envoy met Minister Amara Okafor on Monday.\n\nThe talks ended late."
    )
    for span in result.removed:
        assert original[span.start : span.end] == span.text
    assert [s.reason for s in result.removed] == [
        "byline",
        "dateline",
        "name_slug",
        "name_card",
        "headline_run",
        "advertisement",
        "share_prompt",
    ]
    assert result.dateline == "KYIV, March 3 (Reuters)"
    assert result.byline == "By Jane Doe, Reuters"


def test_clean_offsets_map_kept_text(cleaner: Cleaner) -> None:
    original = "ADVERTISEMENT\n\nThe  minister\u2019s   visit ended."
    result = cleaner.clean(original)
    pos = result.text.index("visit")
    assert original[result.to_original(pos) :].startswith("visit")
    assert result.to_cleaned(original.index("visit")) == pos


def test_clean_custom_steps() -> None:
    from detente.ingest.edits import Step
    from detente.ingest.normalize import normalize_quotes_edits

    only_quotes = Cleaner([Step("quotes", normalize_quotes_edits)])
    assert only_quotes("\u201cADVERTISEMENT\u201d") == '"ADVERTISEMENT"'


def test_clean_render_removed_marks_cuts(cleaner: Cleaner) -> None:
    original = "with Anna Berg.bergeanna 11242020gettyAnna BergA storm is due MORE on Saturday."
    result = cleaner.clean(original)
    assert render_removed(original, result) == (
        "with Anna Berg\u27e6removed:name_slug: .bergeanna 11242020getty\u27e7"
        "\u27e6removed:name_card: Anna Berg\u27e7"
        "\u27e6removed:teaser_more: A storm is due MORE\u27e7 on Saturday."
    )


def test_clean_render_removed_without_cuts() -> None:
    assert render_removed("Plain text.", CleanResult("Plain text.")) == "Plain text."


SEED = "seed/000_60568be2170c2503.txt"
SEED_JUNK = [
    "blinkenanthony",
    "gettyAnthony",
    "House is working on a bill",
    "The average gas price",
    "Moldova",
    "MORE on",
    "putinvladimir",
    "Kristen Stewart",
    "Independent Film Awards",
    "011519getty",
    "Vladimirovich",
]
SEED_REAL = [
    "China praises ties with Russia as it sends aid to Ukraine",
    "China's foreign minister on Monday called Russia",
    "Wang Yi specifically called China's ties with Russia",
    "Wang also had a telephone conversation with Secretary of State Anthony Blinken",
    "Secretary of State Anthony Blinken on Saturday, during which he said that China did not want",
    "Instead, he called for negotiations to resolve the crisis, the AP added.",
    "Reuters noted that Wang also said that the Chinese Red Cross",
    "Last month, Chinese leader Xi Jinping and Russian President Vladimir Putin. Following",
    "Following this meeting, the leaders issued a joint statement",
    "China has supported Russia's opposition to NATO expansion.",
]


@pytest.fixture(scope="module")
def seed_result(shared_dir: Path, cleaner: Cleaner) -> tuple[str, CleanResult]:
    original = (shared_dir / SEED).read_text(encoding="utf-8")
    return original, cleaner.clean(original)


@pytest.mark.shared
@pytest.mark.parametrize("fragment", SEED_JUNK)
def test_clean_seed_removes_junk(seed_result: tuple[str, CleanResult], fragment: str) -> None:
    assert fragment not in seed_result[1].text


@pytest.mark.shared
@pytest.mark.parametrize("fragment", SEED_REAL)
def test_clean_seed_keeps_real_text(seed_result: tuple[str, CleanResult], fragment: str) -> None:
    assert fragment in seed_result[1].text


@pytest.mark.shared
def test_clean_seed_changes_nothing_else(seed_result: tuple[str, CleanResult]) -> None:
    original, result = seed_result
    assert sum(len(s.text) for s in result.removed) == 331
    assert {s.reason for s in result.removed} == {
        "name_slug",
        "name_card",
        "teaser_more",
        "headline_run",
    }
    assert result.text.count("\n\n") == original.count("\n\n")
