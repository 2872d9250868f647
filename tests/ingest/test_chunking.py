"""Splitting long texts at paragraph, sentence and word breaks."""

from __future__ import annotations

import pytest

from detente.ingest.chunking import split_text


def test_chunking_short_text_is_one_chunk() -> None:
    assert split_text("Short text.", 100) == [(0, "Short text.")]


@pytest.mark.parametrize("limit", [30, 45, 60, 100])
def test_chunking_bounds_and_offsets(limit: int) -> None:
    text = (
        "First paragraph has two sentences. Here is the second.\n\n"
        "Second paragraph is here. It also has more words in it than the limit allows."
    )
    chunks = split_text(text, limit)
    assert all(len(chunk) <= limit for _, chunk in chunks)
    for offset, chunk in chunks:
        assert text[offset : offset + len(chunk)] == chunk
    assert " ".join(c for _, c in chunks).split() == text.split()


def test_chunking_prefers_paragraphs_then_sentences() -> None:
    text = "Para one. Still one.\n\nPara two is here."
    assert [c for _, c in split_text(text, 25)] == ["Para one. Still one.", "Para two is here."]
    text = "One sentence here. Another sentence here. Third."
    assert [c for _, c in split_text(text, 30)] == [
        "One sentence here.",
        "Another sentence here. Third.",
    ]


def test_chunking_hard_split_without_spaces() -> None:
    assert split_text("x" * 25, 10) == [(0, "x" * 10), (10, "x" * 10), (20, "x" * 5)]


def test_chunking_rejects_bad_limit() -> None:
    with pytest.raises(ValueError):
        split_text("text", 0)
