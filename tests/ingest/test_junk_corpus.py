"""The synthetic junk corpus: the cleaner must remove junk and keep real text.

Floors: junk recall (junk characters removed / junk characters) >= 0.95 and real text kept
(real characters kept / real characters) >= 0.995, over non-space characters. Run
``bench/junk/generate.py`` for the figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.ingest.clean import Cleaner
from detente.ingest.junkgen import generate_junk_corpus, load_junk_vocab, score_removal

PARAGRAPHS = Path(__file__).parent / "data" / "clean_paragraphs.jsonl"
JUNK_RECALL_FLOOR = 0.95
REAL_KEPT_FLOOR = 0.995


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    return [json.loads(line)["text"] for line in PARAGRAPHS.open(encoding="utf-8")]


def test_junk_corpus_paragraphs_are_clean(paragraphs: list[str]) -> None:
    cleaner = Cleaner()
    assert len(paragraphs) >= 60
    for text in paragraphs:
        assert cleaner.clean(text).removed == ()


def test_junk_corpus_generator_is_seeded(paragraphs: list[str]) -> None:
    one = generate_junk_corpus(paragraphs, n_docs=5, seed=7)
    two = generate_junk_corpus(paragraphs, n_docs=5, seed=7)
    assert one == two
    assert generate_junk_corpus(paragraphs, n_docs=5, seed=8) != one


def test_junk_corpus_spans_are_junk(paragraphs: list[str]) -> None:
    vocab = load_junk_vocab()
    real = "\n".join(paragraphs)
    for sample in generate_junk_corpus(paragraphs, n_docs=40, seed=3, vocab=vocab):
        assert sample.junk
        for span in sample.junk:
            piece = sample.text[span.start : span.end]
            assert piece == piece.strip() and piece not in real


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_junk_corpus_removal_floors(paragraphs: list[str], seed: int) -> None:
    samples = generate_junk_corpus(paragraphs, n_docs=120, seed=seed)
    score = score_removal(samples, Cleaner().clean)
    assert score.junk_chars > 10_000
    assert score.junk_recall >= JUNK_RECALL_FLOOR, score.recall_by_kind()
    assert score.real_kept_ratio >= REAL_KEPT_FLOOR
