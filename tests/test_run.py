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


def test_run_keeps_going_when_coding_one_document_fails(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An unexpected failure inside the coder on one document is a reject (E298), the
    document is still counted and stored, and the other documents are coded."""
    from detente.events.coder import EventCoder

    real = EventCoder._code

    def flaky(self, doc):  # type: ignore[no-untyped-def]
        if "humanitarian aid" in doc.text:
            raise RuntimeError("boom")
        return real(self, doc)

    monkeypatch.setattr(EventCoder, "_code", flaky)
    collect = _Collect()
    rejects = tmp_path / "rejects.jsonl"
    with rejects.open("w", encoding="utf-8") as out:
        summary = run([str(_corpus(tmp_path, copies=1))], RunOptions(), writer=collect,
                      rejects_out=out)
    assert summary.documents == len(STORIES)
    assert summary.reject_reasons["E298"] == 1
    assert ("IGOEUREEC", "163", "RUS") in collect.events
    assert not any(e[1].startswith("07") for e in collect.events)
    lines = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    failed = [x for x in lines if x["code"] == "E298"]
    assert failed and "boom" in failed[0]["reason"] and failed[0]["doc_id"] == "d0-1"
