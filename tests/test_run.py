"""Runs stream documents, use worker processes when asked, and never lose a document."""

from __future__ import annotations

import json
from pathlib import Path

from detente.run import RunOptions, RunSummary, run

STORIES = [
    "The European Union imposed new sanctions on Russia on Friday.",
    "Japan sent 20 tonnes of humanitarian aid to Turkey on Wednesday.",
    "Kenyan police arrested dozens of protesters in Nairobi on Tuesday.",
    "China refused to condemn Russia on Monday.",
    "Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo.",
    "Chelsea beat Arsenal 2-1 in the Premier League on Saturday.",
]


class _Collect:
    def __init__(self) -> None:
        self.events: list[tuple[str, str, str | None]] = []

    def write(self, events: object) -> None:
        for e in events:  # type: ignore[attr-defined]
            self.events.append((e.source.code, e.cameo, e.target.code if e.target else None))


def _corpus(tmp_path: Path, copies: int = 3) -> Path:
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n in range(copies):
            for i, text in enumerate(STORIES):
                handle.write(json.dumps({"id": f"d{n}-{i}", "text": f"{text} (Item {n}.)",
                                         "date": "2024-01-05"}) + "\n")
        handle.write("{broken\n")
    return path


def test_run_workers_match_single_process(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    one, two = _Collect(), _Collect()
    s1 = run([str(corpus)], RunOptions(workers=1), writer=one)
    s2 = run([str(corpus)], RunOptions(workers=2, batch_size=4), writer=two)
    assert sorted(one.events) == sorted(two.events)
    assert (s1.documents, s1.rejects) == (s2.documents, s2.rejects)


def test_run_summary_counts(tmp_path: Path) -> None:
    seen: list[int] = []

    def progress(summary: RunSummary) -> None:
        seen.append(summary.documents)

    summary = run([str(_corpus(tmp_path, copies=1))], RunOptions(), progress=progress)
    assert summary.documents == len(STORIES)
    assert summary.rejects == 1 and summary.reject_reasons["E202"] == 1
    assert summary.sentences >= len(STORIES) and summary.events >= 4
    assert seen == list(range(1, len(STORIES) + 1))


def test_run_duplicates_are_linked_not_coded(tmp_path: Path) -> None:
    path = tmp_path / "dups.jsonl"
    text = ("The European Union imposed new sanctions on Russia on Friday, officials said, "
            "after weeks of talks among member states about the package.")
    rows = [{"id": "a", "text": text}, {"id": "b", "text": text}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    collect = _Collect()
    summary = run([str(path)], RunOptions(date="2024-02-23"), writer=collect)
    assert summary.documents == 1 and summary.duplicates == 1
    assert collect.events.count(("IGOEUREEC", "163", "RUS")) == 1
