"""False-positive check: events per article on a categorised news corpus.

News about sport, entertainment and technology should yield (almost) no political events;
``events_per_article`` reports the rate per category so CI can pin a ceiling.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from detente.pipeline import Coder
from detente.records import Document

__all__ = ["events_per_article"]


def _rows(path: Path, categories: set[str] | None) -> Iterator[tuple[str, Document]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        for line in handle:
            row = json.loads(line)
            if categories and row.get("category") not in categories:
                continue
            text = (row.get("title") or "") + "\n\n" + (row.get("text") or "")
            yield row.get("category", ""), Document(doc_id=row["id"], text=text,
                                                     date=row.get("date"))


def events_per_article(path: Path, coder: Coder, categories: set[str] | None = None
                       ) -> dict[str, float]:
    """Events per article for each category (and ``all`` for the selected ones)."""
    counts: Counter[str] = Counter()
    events: Counter[str] = Counter()
    rows = list(_rows(path, categories))
    docs = (doc for _, doc in rows)
    for (category, _), coded in zip(rows, coder.code_documents(docs), strict=True):
        counts[category] += 1
        events[category] += len(coded.events)
    out = {c: round(events[c] / counts[c], 4) for c in sorted(counts)}
    out["all"] = round(sum(events.values()) / max(1, sum(counts.values())), 4)
    return out
