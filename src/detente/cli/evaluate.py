"""``detente evaluate``: tables of precision, recall and F1, and the CI floor check."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from detente.errors import EvaluationError
from detente.evaluation import EvalReport, evaluate, file_digest, load_gold
from detente.pipeline import Coder

__all__ = ["evaluate_command", "check_baseline"]


def _table(report: EvalReport) -> list[Table]:
    data = report.to_dict()
    head = Table(title=f"{report.name}: {report.cases} cases")
    for column in ("level", "P", "R", "F1", "tp", "pred", "gold"):
        head.add_column(column)
    for level, score in data["levels"].items():
        name = "root + country actors" if level == "root" else "full code + full actors"
        head.add_row(name, f"{score['precision']:.3f}", f"{score['recall']:.3f}",
                     f"{score['f1']:.3f}", str(score["tp"]), str(score["pred"]),
                     str(score["gold"]))
    roots = Table(title="per root (root + country actors)")
    for column in ("root", "gold", "pred", "tp", "P", "R"):
        roots.add_column(column)
    for root, score in data["per_root"].items():
        roots.add_row(root, str(score["gold"]), str(score["pred"]), str(score["tp"]),
                      f"{score['precision']:.2f}", f"{score['recall']:.2f}")
    return [head, roots]


def _extra_lines(data: dict[str, Any]) -> list[str]:
    lines = [f"gold root among produced events: {data['gold_root_found']:.3f}; "
             f"exact code: {data['gold_code_found']:.3f}",
             f"no-event cases: {data['no_event_cases']}, false positives on them: "
             f"{data['no_event_false_positives']}"]
    if "plover_accuracy" in data:
        lines.append(f"PLOVER event type accuracy: {data['plover_accuracy']:.3f}")
    if "actor_country_accuracy" in data:
        lines.append(f"actor accuracy: country {data['actor_country_accuracy']:.3f}, "
                     f"code+sector {data['actor_code_accuracy']:.3f}")
    return lines


def _metric(data: dict[str, Any], dotted: str) -> float:
    cur: Any = data
    for part in dotted.split("."):
        cur = cur[part]
    return float(cur)


def check_baseline(path: Path, gold_path: Path, data: dict[str, Any]) -> list[str]:
    """Compare a report with the floors pinned for its gold file; returns the failures."""
    try:
        baseline = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError("E403", f"cannot read baseline {path}: {exc}") from exc
    entry = baseline.get(gold_path.name)
    if entry is None:
        return [f"{gold_path.name}: no floors pinned in {path.name}"]
    failures = []
    if entry.get("sha256") and entry["sha256"] != file_digest(gold_path):
        failures.append(f"{gold_path.name}: gold data changed (sha256 differs from baseline)")
    for metric, floor in entry.get("floors", {}).items():
        value = _metric(data, metric)
        if value + 1e-9 < float(floor):
            failures.append(f"{gold_path.name}: {metric} {value:.4f} below floor {floor}")
    return failures


def evaluate_command(gold_files: Sequence[Path], *, as_json: bool, clean_only: bool,
                     details: Path | None, baseline: Path | None, console: Console) -> int:
    coder = Coder()
    failures: list[str] = []
    reports = []
    for gold in gold_files:
        clean = clean_only or gold.name.startswith("cameo_codebook")
        cases = load_gold(gold, where=(lambda c: c.meta.get("quality", "clean") == "clean")
                          if clean else None)
        report = evaluate(cases, coder, name=gold.name)
        data = report.to_dict()
        reports.append(data)
        if details is not None:
            with details.open("a", encoding="utf-8") as handle:
                for row in report.details:
                    handle.write(json.dumps({"file": gold.name, **row}) + "\n")
        if baseline is not None:
            failures.extend(check_baseline(baseline, gold, data))
        if not as_json:
            for table in _table(report):
                console.print(table)
            for line in _extra_lines(data):
                console.print(line, markup=False)
    if as_json:
        console.print(json.dumps(reports if len(reports) > 1 else reports[0], indent=1),
                      markup=False)
    for failure in failures:
        console.print(f"FLOOR: {failure}", markup=False)
    return 1 if failures else 0
