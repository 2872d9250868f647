"""Measure the coder on gold files (the JSONL format of ../shared/eval).

Two levels of event matching, both as precision, recall and F1 over (source, code, target)
triples, with a gold ``events: []`` case counting every produced event as a false positive:

* ``root``: the CAMEO root with country-level actors (``IRQGOVMIL`` -> ``IRQ``; organisations
  keep six characters, ``IGOUNOMIL`` -> ``IGOUNO``);
* ``full``: the full code with full actor codes.

A gold actor that is null (the codebook examples give no actor codes) matches any actor.
Also reported: per-root counts, the share of cases whose gold root / exact code is among the
produced events, PLOVER event-type accuracy (when gold has ``meta.plover_event``) and actor
accuracy against gold actor text and codes (``meta.plover_source``/``plover_target``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.errors import EvaluationError
from detente.pipeline import CodedDocument, Coder
from detente.records import Actor, Document, Event

__all__ = [
    "GoldCase",
    "EvalReport",
    "load_gold",
    "evaluate",
    "actor_level",
    "file_digest",
]

Triple = tuple[str | None, str, str | None]


def actor_level(code: str | None, level: str) -> str | None:
    """Reduce an actor code for comparison: ``country`` level or ``full``."""
    if code is None:
        return None
    code = code.strip()
    if not code or code.startswith("---"):
        return None if level == "country" else code
    if level == "full":
        return code
    if code[:3] in {"IGO", "NGO", "IMG", "MNC"}:
        return code[:6]
    return code[:3]


@dataclass(frozen=True)
class GoldCase:
    id: str
    text: str
    date: str | None
    events: tuple[dict[str, Any], ...]
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_gold(path: Path, where: Callable[[GoldCase], bool] | None = None) -> list[GoldCase]:
    """Read a gold JSONL file; control records and records switched off are left out."""
    cases: list[GoldCase] = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError("E401", f"cannot read gold file {path}: {exc.strerror}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                meta = raw.get("meta") or {}
                case = GoldCase(id=str(raw["id"]), text=str(raw["text"]), date=raw.get("date"),
                                events=tuple(raw.get("events") or ()), meta=meta)
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise EvaluationError("E402", f"bad gold record in {path.name}:{number}: {exc}"
                                      ) from exc
            if meta.get("control") or meta.get("active") is False:
                continue
            if str(meta.get("expected", "events")).startswith(("error", "complex", "option",
                                                                 "disabled", "unspecified")):
                continue
            if where is None or where(case):
                cases.append(case)
    return cases


def _gold_triples(case: GoldCase, level: str) -> list[Triple]:
    out = []
    for ev in case.events:
        code = ev.get("code")
        if not code:
            continue
        code = str(code)
        out.append((actor_level(ev.get("source"), level),
                    code[:2] if level == "country" else code,
                    actor_level(ev.get("target"), level)))
    return out


def _pred_triples(events: Iterable[Event], level: str) -> list[Triple]:
    out = []
    for ev in events:
        out.append((actor_level(ev.source.code if ev.source else None, level),
                    ev.root if level == "country" else ev.cameo,
                    actor_level(ev.target.code if ev.target else None, level)))
    return sorted(set(out), key=str)


def _actor_eq(gold: str | None, pred: str | None) -> bool:
    """Equal codes; a bare ``IGO``/``NGO`` in gold matches any organisation of that kind, and
    a code that only refines the gold one by further 3-letter blocks (``PSEREBHMS`` for gold
    ``PSEREB``: Palestinian rebels, Hamas) matches it. CAMEO codes are hierarchical; gold
    files often stop at country + sector."""
    if gold == pred:
        return True
    if gold is None or pred is None:
        return False
    if gold in {"IGO", "NGO"}:
        return pred.startswith(gold)
    return len(gold) >= 6 and len(gold) % 3 == 0 and gold.isalpha() and pred.startswith(gold)


def _match(gold: list[Triple], pred: list[Triple], wildcard: bool) -> int:
    """Greedy one-to-one matching; a null gold actor matches anything when ``wildcard``."""
    used = [False] * len(pred)
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if used[i] or p[1] != g[1]:
                continue
            src_ok = _actor_eq(g[0], p[0]) or (wildcard and g[0] is None)
            tgt_ok = _actor_eq(g[2], p[2]) or (wildcard and g[2] is None)
            if src_ok and tgt_ok:
                used[i] = True
                hits += 1
                break
    return hits


@dataclass
class Score:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "gold": self.gold, "pred": self.pred,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    name: str
    cases: int = 0
    levels: dict[str, Score] = field(default_factory=lambda: {"root": Score(), "full": Score()})
    per_root: dict[str, Score] = field(default_factory=dict)
    root_found: int = 0
    code_found: int = 0
    cases_with_gold: int = 0
    no_event_cases: int = 0
    no_event_fp: int = 0
    plover: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    details: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, with_details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "cases": self.cases,
            "levels": {k: v.to_dict() for k, v in self.levels.items()},
            "per_root": {k: v.to_dict() for k, v in sorted(self.per_root.items())},
            "gold_root_found": _ratio(self.root_found, self.cases_with_gold),
            "gold_code_found": _ratio(self.code_found, self.cases_with_gold),
            "no_event_cases": self.no_event_cases,
            "no_event_false_positives": self.no_event_fp,
        }
        if self.plover["total"]:
            out["plover_accuracy"] = _ratio(self.plover["hit"], self.plover["total"])
        if self.actors["total"]:
            out["actor_country_accuracy"] = _ratio(self.actors["country"], self.actors["total"])
            out["actor_code_accuracy"] = _ratio(self.actors["code"], self.actors["total"])
        if with_details:
            out["details"] = self.details
        return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _actor_checks(case: GoldCase, coded: CodedDocument, report: EvalReport) -> None:
    gold_actors = [*(case.meta.get("plover_source") or []), *(case.meta.get("plover_target") or [])]
    for gold in gold_actors:
        if not isinstance(gold, dict):
            continue
        text, code = gold.get("actorText"), gold.get("code")
        if not text or not code or code.startswith("---"):
            continue
        code = code + str(gold.get("sector") or "")
        found = _actor_for_text(coded.actors, coded.document.text, text)
        report.actors["total"] += 1
        if found is not None and found.code:
            if _actor_eq(actor_level(code, "country"), actor_level(found.code, "country")):
                report.actors["country"] += 1
            if _actor_eq(code, found.code):
                report.actors["code"] += 1


def _mention_span(text: str, mention: str) -> tuple[int, int] | None:
    """Where a gold mention lies in the text. Gold mentions are often abridged: extra or
    doubled spaces, ``..`` or ``...`` for left-out words ("U.S. ... negotiators"), or a
    coordinated phrase cut to one conjunct ("US forces" for "US and British forces"). Those
    are found as the stretch from the first to the last part that occurs in order, else as
    the longest leading run of words that occurs; ``None`` when nothing does."""
    mention = " ".join(mention.split())
    if not mention:
        return None
    start = text.find(mention)
    if start >= 0:
        return start, start + len(mention)
    parts = [p.strip() for p in re.split(r"\.{2,}|…", mention) if p.strip()]
    if len(parts) > 1:
        first = text.find(parts[0])
        last = text.find(parts[-1], first + 1) if first >= 0 else -1
        if first >= 0 and last >= 0:
            return first, last + len(parts[-1])
    words = parts[0].split() if parts else []
    for size in range(len(words) - 1, 0, -1):
        lead = " ".join(words[:size])
        found = re.search(r"(?<!\w)" + re.escape(lead) + r"(?!\w)", text)
        if found and any(ch.isupper() for ch in lead):
            return found.start(), found.end()
    return None


def _actor_for_text(actors: Iterable[Actor], text: str, mention: str) -> Actor | None:
    """The actor whose mention overlaps the gold mention most (ties: coded, then tighter)."""
    span = _mention_span(text, mention)
    if span is None:
        return None
    start, end = span
    best: tuple[int, int, int, Actor] | None = None
    for actor in actors:
        overlap = min(end, actor.end) - max(start, actor.start)
        if overlap <= 0:
            continue
        key = (overlap, int(actor.code is not None), actor.start - actor.end)  # tighter wins
        if best is None or key > best[:3]:
            best = (*key, actor)
    return best[3] if best else None


def _two_columns(name: str) -> dict[str, str]:
    from detente.datafiles import data_path

    out: dict[str, str] = {}
    path = data_path("cameo", name)
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x and x[0] != "#"]
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != 2:
            raise EvaluationError("E404", f"bad row in {path.name}:{number}")
        out[cells[0]] = cells[1]
    return out


def plover_renames() -> dict[str, str]:
    """PLOVER 2016 type -> PLOVER 2021 type, for gold labels from the older ontology."""
    return _two_columns("plover_versions.tsv")


def plover_2016_codes() -> dict[str, str]:
    """CAMEO code -> its PLOVER 2016 type, where the 2016 table differs from the 2021 one."""
    return _two_columns("plover_2016_codes.tsv")


def _plover_2016(event: Event, old: dict[str, str], renames: dict[str, str]) -> str | None:
    """The event's PLOVER type as the 2016 table gives it, named as in 2021."""
    for n in range(len(event.cameo), 1, -1):
        if event.cameo[:n] in old:
            label = old[event.cameo[:n]]
            return renames.get(label, label)
    return event.plover.event


def evaluate(cases: list[GoldCase], coder: Coder, name: str = "gold") -> EvalReport:
    report = EvalReport(name=name)
    renames = plover_renames()
    old_codes = plover_2016_codes()
    docs = [Document(doc_id=case.id, text=case.text, date=case.date) for case in cases]
    for case, coded in zip(cases, coder.code_documents(docs), strict=True):
        report.cases += 1
        events = list(coded.events)
        for level in ("root", "full"):
            lvl = "country" if level == "root" else "full"
            gold, pred = _gold_triples(case, lvl), _pred_triples(events, lvl)
            score = report.levels[level]
            hits = _match(gold, pred, wildcard=True)
            score.tp += hits
            score.gold += len(gold)
            score.pred += len(pred)
            if level == "root":
                for g in gold:
                    report.per_root.setdefault(g[1], Score()).gold += 1
                for p in pred:
                    report.per_root.setdefault(p[1], Score()).pred += 1
                for g in gold:
                    if _match([g], pred, wildcard=True):
                        report.per_root[g[1]].tp += 1
        gold_codes = [str(e["code"]) for e in case.events if e.get("code")]
        if gold_codes:
            report.cases_with_gold += 1
            roots = {e.root for e in events}
            codes = {e.cameo for e in events}
            report.root_found += any(c[:2] in roots for c in gold_codes)
            report.code_found += any(c in codes for c in gold_codes)
        elif not case.events:
            report.no_event_cases += 1
            report.no_event_fp += len(events)
        plover_gold = case.meta.get("plover_event")
        plover_gold = renames.get(plover_gold, plover_gold) if plover_gold else None
        if plover_gold and plover_gold != "DOCUMENT":
            report.plover["total"] += 1
            # the gold records use PLOVER 0.5 (2016): each event is read through that table
            report.plover["hit"] += any(_plover_2016(e, old_codes, renames) == plover_gold
                                        for e in events)
        _actor_checks(case, coded, report)
        report.details.append({
            "id": case.id, "text": case.text,
            "gold": [[e.get("source"), e.get("code"), e.get("target")] for e in case.events],
            "pred": [[e.source.code if e.source else None, e.cameo,
                      e.target.code if e.target else None, e.evidence.rule] for e in events],
        })
    return report
