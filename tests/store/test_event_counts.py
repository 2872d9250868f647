"""Duplicate articles count as extra articles, outlets and mentions of the first copy's events,
and the same act reported by different articles clusters into one event."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from detente.records import (
    Actor,
    Attribution,
    Document,
    Event,
    Evidence,
    Plover,
    make_event_id,
)
from detente.store.duckdb_store import EventStore

EU = Actor(text="the EU", name="European Union", code="IGOEUREEC", country="IGOEUREEC",
           type="igo")
RUS = Actor(text="Russia", name="Russia", code="RUS", country="RUS", type="state")


def _event(doc_id: str) -> Event:
    ev = Evidence(sentence="The EU imposed sanctions on Russia.", start=0, end=35,
                  trigger="imposed", rule="v.impose_sanctions")
    return Event(event_id=make_event_id(doc_id, "163", EU, RUS), doc_id=doc_id, sentence_index=0,
                 date="2024-02-23", source=EU, target=RUS, cameo="163", root="16",
                 goldstein=-8.0, quad_class=4, plover=Plover("COERCE"), modality="realized",
                 attribution=Attribution(), evidence=ev, mentions=2, all_evidence=(ev, ev))


def test_event_counts_duplicates_and_clusters(tmp_path: Path) -> None:
    text = "The EU imposed sanctions on Russia."
    first = Document(doc_id="a", text=text, source="Wire A", date="2024-02-23")
    copy = replace(first, doc_id="b", source="Paper B", duplicate_of="a")
    other = Document(doc_id="c", text=text + " More.", source="Paper C", date="2024-02-23")
    with EventStore(tmp_path / "s.duckdb") as store:
        store.write_document(first, [_event("a")], 1)
        store.write_document(copy, [], 1)
        store.write_document(other, [_event("c")], 1)
        counts = {r["doc_id"]: r for r in store.query("SELECT * FROM event_counts")}
        clusters = store.query("SELECT * FROM event_clusters")
    assert (counts["a"]["articles"], counts["a"]["sources"], counts["a"]["total_mentions"]) == (
        2, 2, 4)
    assert counts["c"]["articles"] == 1
    assert len(clusters) == 1
    assert (clusters[0]["articles"], clusters[0]["coded_documents"], clusters[0]["mentions"]) == (
        3, 2, 6)
