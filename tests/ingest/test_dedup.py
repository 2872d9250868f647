"""Exact and near-duplicate detection."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from detente.ingest.dedup import Deduplicator, normalize_for_dedup
from detente.records import Document

BASE = (
    "Negotiators from both countries resumed talks in Geneva on Tuesday after a pause of six "
    "months, officials said. The delegations discussed a prisoner exchange and the reopening "
    "of two border crossings that have been closed since the autumn. A second round of talks "
    "is planned for next month, according to a statement from the Swiss foreign ministry, "
    "which has hosted the meetings since the ceasefire was signed last year."
)


def test_dedup_normalize() -> None:
    assert normalize_for_dedup("  The  Talks,\nresumed! ") == "the talks resumed"


def test_dedup_exact_near_and_distinct() -> None:
    dedup = Deduplicator()
    assert dedup.check(Document("a", BASE)) is None
    assert dedup.check(Document("b", BASE.upper().replace(".", " ."))) == "a"  # same words
    near = BASE.replace("Tuesday", "Wednesday")
    assert dedup.check(Document("c", near)) == "a"
    other = BASE.replace("Geneva", "Vienna").split(". ")[::-1]
    assert dedup.check(Document("d", "Markets fell sharply. " * 3 + " ".join(other[:1]))) is None
    assert len(dedup) == 3


def test_dedup_short_texts_only_exact() -> None:
    dedup = Deduplicator()
    assert dedup.check(Document("a", "Talks resumed today in Geneva.")) is None
    assert dedup.check(Document("b", "Talks resumed today in Vienna.")) is None
    assert dedup.check(Document("c", "talks resumed today in geneva")) == "a"


def test_dedup_near_off() -> None:
    dedup = Deduplicator(near=False)
    dedup.check(Document("a", BASE))
    assert dedup.check(Document("b", BASE.replace("Tuesday", "Wednesday"))) is None


@pytest.mark.shared
def test_dedup_bbc_corpus(shared_dir: Path) -> None:
    """BBC has 2,225 articles but only 2,092 distinct bodies (133 exact duplicates)."""
    path = shared_dir / "corpora" / "bbc_news.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    texts = {row["id"]: row["text"] for row in rows}
    dedup = Deduplicator()
    exact = near = 0
    for row in rows:
        first = dedup.check(Document(row["id"], row["text"]))
        if first is None:
            continue
        if texts[first] == row["text"]:
            exact += 1
        else:
            near += 1
    assert len(rows) == 2225
    assert exact == 133
    # 24 near copies on top (re-published stories with small edits), all checked by hand.
    assert 20 <= near <= 30
