"""Headline and teaser scans on their own."""

from __future__ import annotations

import pytest

from detente.ingest.headlines import DocContext, HeadlineScanner
from detente.ingest.lexicon import load_junk_lexicon


@pytest.fixture(scope="module")
def scanner() -> HeadlineScanner:
    return HeadlineScanner(load_junk_lexicon())


@pytest.mark.parametrize(
    ("run", "headline"),
    [
        (
            "Pays Tribute to Ukraine at Film Awards Following this meeting",
            "Pays Tribute to Ukraine at Film Awards",
        ),
        (
            "Zoo Welcomes Rare Twin Panda Cubs on Friday in Paris, where",
            "Zoo Welcomes Rare Twin Panda Cubs",
        ),
        ("Zoo Welcomes Rare Twin Panda Cubs, said the mayor", "Zoo Welcomes Rare Twin Panda Cubs"),
        ("Sequel Delayed Until Next Spring said the studio", "Sequel Delayed Until Next Spring"),
        ("Sequel Delayed Until Next Spring Xi Jinping said", "Sequel Delayed Until Next Spring"),
        ("House is working on a bill", None),
        ("Talks resumed in Geneva.", None),
    ],
)
def test_headlines_end_after_name_card(
    scanner: HeadlineScanner, run: str, headline: str | None
) -> None:
    text = "Xi Jinping met the leaders. " + run
    line_toks = scanner.tokenize(text, [])
    start = next(k for k, t in enumerate(line_toks) if t.start == text.index(run))
    end = scanner.headline_end(
        line_toks, start, 0, DocContext(text), text.index(run), min_tokens=2, standalone=False
    )
    assert (text[text.index(run) : end] if end is not None else None) == headline


@pytest.mark.parametrize(
    ("text", "more_index"),
    [
        ("A storm is due this weekend MORE on Friday", 6),
        ("A storm is due. This weekend MORE", None),
        ("WE WANT MORE JOBS", None),
    ],
)
def test_headlines_teaser_more(scanner: HeadlineScanner, text: str, more_index: int | None) -> None:
    assert scanner.more_after(scanner.tokenize(text, []), 0) == more_index


def test_headlines_doc_context_recurrence() -> None:
    ctx = DocContext("Amara Okafor met him. Later Amara Okafor left. OkaforHouse")
    assert ctx.occurrences("Amara Okafor") == [0, 28]
    assert ctx.recurs("Amara Okafor", 0, (0, 0))
    assert not ctx.recurs("Amara Okafor", 0, (20, 40))
    assert ctx.occurrences("Okafor") == [6, 34, 47]
