"""Generate the synthetic junk corpus and print how well the cleaner removes the junk.

Usage (from the repository root)::

    .venv/bin/python bench/junk/generate.py [--docs 120] [--seed 0] [--out corpus.jsonl] [--show 3]

Junk recall = junk characters removed / junk characters; real kept = real characters kept /
real characters (non-space characters only). The floors asserted by
tests/ingest/test_junk_corpus.py are 0.95 and 0.995.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from detente.ingest.clean import Cleaner, render_removed
from detente.ingest.junkgen import generate_junk_corpus, score_removal

ROOT = Path(__file__).resolve().parents[2]
PARAGRAPHS = ROOT / "tests" / "ingest" / "data" / "clean_paragraphs.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="write the corpus as JSON lines")
    parser.add_argument("--show", type=int, default=0, help="print N documents with cuts marked")
    args = parser.parse_args(argv)

    paragraphs = [json.loads(line)["text"] for line in PARAGRAPHS.open(encoding="utf-8")]
    samples = generate_junk_corpus(paragraphs, n_docs=args.docs, seed=args.seed)
    cleaner = Cleaner()
    started = time.perf_counter()
    score = score_removal(samples, cleaner.clean)
    elapsed = time.perf_counter() - started

    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for s in samples:
                junk = [{"start": j.start, "end": j.end, "kind": j.kind} for j in s.junk]
                fh.write(json.dumps({"id": s.doc_id, "text": s.text, "junk": junk}) + "\n")
    for sample in samples[: args.show]:
        print(f"--- {sample.doc_id}")
        print(render_removed(sample.text, cleaner.clean(sample.text)))
    print(f"documents        {len(samples)} (seed {args.seed}, {elapsed:.2f}s to clean)")
    print(
        f"junk recall      {score.junk_recall:.4f}  ({score.junk_removed}/{score.junk_chars} chars)"
    )
    real = f"{score.real_kept}/{score.real_chars}"
    print(f"real text kept   {score.real_kept_ratio:.4f}  ({real} chars)")
    for kind, recall in score.recall_by_kind().items():
        print(f"  {kind:<15} {recall:.4f}  ({score.junk_by_kind[kind]} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
