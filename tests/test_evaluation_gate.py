"""The evaluation gate: scores on the shared gold sets may not fall below the pinned floors,
and false positives on non-political news may not rise above the pinned ceilings.

The floors and the gold files' sha256 live in tests/eval_baseline.json (see its comment).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from detente.cli.evaluate import check_baseline
from detente.evaluation import evaluate, file_digest, load_gold
from detente.fp_check import events_per_article

BASELINE = Path(__file__).parent / "eval_baseline.json"
GOLD = ["up_petr2_gsr.jsonl", "cameo_codebook_examples.jsonl", "plover_gsr_cameo.jsonl"]


@pytest.mark.parametrize("name", GOLD)
def test_evaluation_gate_gold_floors(shared_dir: Path, coder: Any, name: str) -> None:
    path = shared_dir / "eval" / name
    clean = name.startswith("cameo_codebook")
    cases = load_gold(path, where=(lambda c: c.meta.get("quality") == "clean") if clean else None)
    report = evaluate(cases, coder, name=name).to_dict()
    failures = check_baseline(BASELINE, path, report)
    assert not failures, failures


def test_evaluation_gate_false_positives_on_non_political_news(shared_dir: Path,
                                                                coder: Any) -> None:
    path = shared_dir / "corpora" / "bbc_news.jsonl.gz"
    entry = json.loads(BASELINE.read_text(encoding="utf-8"))[path.name]
    assert file_digest(path) == entry["sha256"], "the BBC corpus changed"
    rates = events_per_article(path, coder, {"sport", "entertainment", "tech"})
    for category, ceiling in entry["ceilings"].items():
        assert rates[category] <= ceiling, f"{category}: {rates[category]} events/article"
