"""Duplicate articles count as extra articles, outlets and mentions of the first copy's events,
and the same act reported by different articles clusters into one event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from detente.records import Actor, Document, Event, Evidence, Plover
from detente.store.duckdb_store import EventStore

EventFactory = Callable[..., Event]  # the `make_event` fixture of tests/store/conftest.py

EU = Actor(text="the EU", name="European Union", code="IGOEUREEC", country="IGOEUREEC",
           type="igo")
RUS = Actor(text="Russia", name="Russia", code="RUS", country="RUS", type="state")
SENTENCE = "The EU imposed sanctions on Russia."


def _event(make_event: EventFactory, doc_id: str) -> Event:
    again = Evidence(sentence=SENTENCE, start=0, end=len(SENTENCE), trigger="imposed",
                     rule="v.impose_sanctions")
    return make_event(doc_id, "163", EU, RUS, date="2024-02-23", goldstein=-8.0, quad_class=4,
                      sentence=SENTENCE, plover=Plover("COERCE"), mentions=2,
                      extra_evidence=(again,))


def test_event_counts_duplicates_and_clusters(tmp_path: Path, make_event: EventFactory
                                               ) -> None:
    text = SENTENCE
    first = Document(doc_id="a", text=text, source="Wire A", date="2024-02-23")
    copy = replace(first, doc_id="b", source="Paper B", duplicate_of="a")
    other = Document(doc_id="c", text=text + " More.", source="Paper C", date="2024-02-23")
    with EventStore(tmp_path / "s.duckdb") as store:
        store.write_document(first, [_event(make_event, "a")], 1)
        store.write_document(copy, [], 1)
        store.write_document(other, [_event(make_event, "c")], 1)
        counts = {r["doc_id"]: r for r in store.query("SELECT * FROM event_counts")}
        clusters = store.query("SELECT * FROM event_clusters")
    assert (counts["a"]["articles"], counts["a"]["sources"], counts["a"]["total_mentions"]) == (
        2, 2, 4)
    assert counts["c"]["articles"] == 1
    assert len(clusters) == 1
    assert (clusters[0]["articles"], clusters[0]["coded_documents"], clusters[0]["mentions"]) == (
        3, 2, 6)
