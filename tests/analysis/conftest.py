"""A hand-made store for dyad analysis tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.records import Actor, Attribution, Document, Event, Evidence, Plover, make_event_id
from detente.store.duckdb_store import EventStore

# (doc, source code, source country, target code, target country, cameo, goldstein, quad, date)
DYAD_EVENTS = [
    ("a1", "USAGOV", "USA", "CHNGOV", "CHN", "042", 3.0, 1, "2024-01-05"),
    ("a2", "USA", "USA", "CHN", "CHN", "061", 7.0, 2, "2024-01-20"),
    ("a3", "CHNGOV", "CHN", "USAGOV", "USA", "190", -5.0, 4, "2024-02-03"),
    ("a4", "RUSMIL", "RUS", "UKRMIL", "UKR", "190", -10.0, 4, "2024-01-10"),
    ("a5", "RUSGOV", "RUS", "UKRGOV", "UKR", "111", -2.0, 3, "2024-02-15"),
    ("a6", "UKRGOV", "UKR", "RUSGOV", "RUS", "111", -4.0, 3, "2024-02-16"),
    ("a7", "FRAGOV", "FRA", "DEUGOV", "DEU", "040", 1.0, 1, "2024-03-01"),
    ("a8", "GBRGOV", "GBR", "FRAGOV", "FRA", "051", 3.4, 1, None),
    ("a9", "USAGOV", "USA", None, None, "010", 0.0, 1, "2024-01-02"),
]


def _actor(code: str | None, country: str | None) -> Actor | None:
    return None if code is None else Actor(text=code, name=code, code=code, country=country)


def _event(
    doc_id: str, s: Actor | None, t: Actor | None, cameo: str, g: float, q: int, day: str | None
) -> Event:
    evidence = Evidence(sentence="s", start=0, end=1, trigger="t", rule="r")
    return Event(
        event_id=make_event_id(doc_id, cameo, s, t),
        doc_id=doc_id,
        sentence_index=0,
        date=day,
        source=s,
        target=t,
        cameo=cameo,
        root=cameo[:2],
        goldstein=g,
        quad_class=q,
        plover=Plover("X"),
        modality="realized",
        attribution=Attribution(),
        evidence=evidence,
    )


@pytest.fixture
def dyad_store(tmp_path: Path) -> Iterator[EventStore]:
    items = []
    for doc_id, sc, sn, tc, tn, cameo, g, q, day in DYAD_EVENTS:
        event = _event(doc_id, _actor(sc, sn), _actor(tc, tn), cameo, g, q, day)
        items.append((Document(doc_id=doc_id, text=doc_id, date=day), [event], 1))
    with EventStore(tmp_path / "dyads.duckdb") as store:
        store.write_batch(items)
        yield store
