"""The DuckDB event store: migrations, idempotent writes, rejects, runs, queries."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from detente.errors import StoreError
from detente.records import Document, Reject
from detente.store.duckdb_store import BatchItem, EventStore
from detente.store.migrate import Migration, apply_migrations, load_migrations
from detente.store.rows import EVENT_COLUMNS, row_to_event


def _write(store: EventStore, sample, run_id: str | None = None) -> int:
    return store.write_batch(sample, run_id=run_id)


def test_duckdb_store_migrations_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with EventStore(path) as first:
        assert first.migrations_applied == ["0001_initial", "0002_event_counts"]
        recorded = first.query("SELECT name, applied_at FROM schema_migrations")
    with EventStore(path) as second:
        assert second.migrations_applied == []
        assert second.query("SELECT name, applied_at FROM schema_migrations") == recorded
        assert apply_migrations(second.connection) == []
    assert [row["name"] for row in recorded] == ["0001_initial", "0002_event_counts"]


def test_duckdb_store_events_table_matches_row_columns(store: EventStore) -> None:
    described = store.query("DESCRIBE events")
    assert tuple(row["column_name"] for row in described) == EVENT_COLUMNS
    tables = {row["name"] for row in store.query("SHOW TABLES")}
    assert tables == {"documents", "events", "rejects", "runs", "schema_migrations",
                      "event_counts", "event_clusters"}


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"1_initial.sql": "SELECT 1"}, "bad migration file name"),
        ({"0001_a.sql": "SELECT 1", "0001_b.sql": "SELECT 1"}, "two migrations numbered 0001"),
        ({"README.md": "no sql"}, "no migrations found"),
    ],
)
def test_duckdb_store_bad_migration_files(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(StoreError, match=message) as info:
        load_migrations(tmp_path)
    assert info.value.code == "E302"


def test_duckdb_store_failed_migration_rolls_back(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "m.duckdb"))
    steps = (
        Migration("0001_ok", "CREATE TABLE a (x INTEGER)"),
        Migration("0002_bad", "CREATE TABLE b (y INTEGER); SELECT * FROM nowhere"),
    )
    with pytest.raises(StoreError, match="migration 0002_bad failed"):
        apply_migrations(conn, steps)
    names = [r[0] for r in conn.execute("SELECT name FROM schema_migrations").fetchall()]
    tables = {r[0] for r in conn.execute("SHOW TABLES").fetchall()}
    assert names == ["0001_ok"] and "b" not in tables
    conn.close()


def test_duckdb_store_refuses_unknown_migration(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    EventStore(path).close()
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO schema_migrations VALUES ('9999_future', now()::TIMESTAMP)")
    conn.close()
    with pytest.raises(StoreError, match="unknown to this detente: 9999_future"):
        EventStore(path)


def test_duckdb_store_read_only(tmp_path: Path, sample) -> None:
    path = tmp_path / "s.duckdb"
    with EventStore(path) as store:
        _write(store, sample)
    with EventStore(path, read_only=True) as ro:
        assert ro.counts()["events"] == 3
    with pytest.raises(StoreError) as info:
        EventStore(tmp_path / "absent.duckdb", read_only=True)
    assert info.value.code == "E301"


def test_duckdb_store_rewrite_replaces_events(store: EventStore, sample, make_event, usa) -> None:
    assert _write(store, sample) == 3
    assert _write(store, sample) == 3
    assert store.counts()["events"] == 3 and store.counts()["documents"] == 3
    doc = sample[0][0]
    only = make_event("d1", "051", usa, None, goldstein=3.5)
    store.write_document(doc, [only], n_sentences=5)
    rows = store.events(doc_id="d1")
    assert [r["event_id"] for r in rows] == [only.event_id]
    assert store.document("d1")["n_events"] == 1 and store.document("d1")["n_sentences"] == 5
    assert store.counts()["events"] == 2


def test_duckdb_store_document_row(store: EventStore, sample) -> None:
    _write(store, sample, run_id=None)
    doc = store.document("d1")
    assert doc is not None
    assert doc["content_hash"] == sample[0][0].content_hash
    assert doc["title"] == "Visit" and doc["n_events"] == 2 and doc["n_chars"] == 30
    assert store.document("d3")["duplicate_of"] == "d1"
    assert store.document("nope") is None


def test_duckdb_store_rows_rebuild_events(store: EventStore, sample) -> None:
    _write(store, sample)
    expected = {e.event_id: e.to_dict() for _, events, _ in sample for e in events}
    got = {row["event_id"]: row_to_event(row).to_dict() for row in store.events()}
    assert got == expected


def test_duckdb_store_batch_keeps_last_version_of_a_doc(store: EventStore, sample) -> None:
    (d1, events, n), _, _ = sample
    store.write_batch([BatchItem(d1, events, n), (d1, events[:1], n)])
    assert store.counts() == {"documents": 1, "duplicates": 0, "events": 1, "rejects": 0, "runs": 0}


def test_duckdb_store_batch_is_fast(store: EventStore, make_event, usa, chn) -> None:
    items = []
    for i in range(3000):
        doc = Document(doc_id=f"b{i}", text=f"text {i}")
        evs = [make_event(f"b{i}", "042", usa, chn), make_event(f"b{i}", "036", chn, usa)]
        items.append((doc, evs, 1))
    began = time.perf_counter()
    assert store.write_batch(items, run_id="bulk") == 6000
    assert time.perf_counter() - began < 20
    assert store.counts()["events"] == 6000 and store.counts()["documents"] == 3000


def test_duckdb_store_event_doc_mismatch(store: EventStore, sample) -> None:
    d1 = sample[0][0]
    foreign = sample[1][1]
    with pytest.raises(StoreError, match="has doc_id 'd2'") as info:
        store.write_document(d1, foreign, 1)
    assert info.value.code == "E307" and store.counts()["documents"] == 0


@pytest.mark.parametrize(
    ("rejects", "expected"),
    [
        ([Reject("a.jsonl:3", "bad json", "E201")], 1),
        ([Reject("a.jsonl:3", "bad json", "E201")] * 2, 1),
        ([Reject("a.jsonl:3", "bad json"), Reject("a.jsonl:3", "bad json", "E299")], 1),
        ([Reject("a.jsonl:3", "bad json"), Reject("a.jsonl:4", "bad json")], 2),
        ([Reject("a.jsonl:3", "bad json"), Reject("a.jsonl:3", "empty text")], 2),
    ],
)
def test_duckdb_store_rejects_deduped(
    store: EventStore, rejects: list[Reject], expected: int
) -> None:
    for reject in rejects:
        store.write_reject(reject, run_id="r1")
    assert store.write_rejects(rejects, run_id="r2") == 0
    rows = store.rejects()
    assert len(rows) == expected and {r["run_id"] for r in rows} == {"r1"}
    assert rows[0]["origin"] == "a.jsonl:3" and rows[0]["code"] == rejects[0].code


def test_duckdb_store_runs_recorded(store: EventStore, sample) -> None:
    run_id = store.begin_run(["news.jsonl", Path("more.jsonl")], {"model": "en_core_web_sm"})
    _write(store, sample, run_id)
    store.write_reject(Reject("news.jsonl:9", "empty text", "E203"), run_id)
    run = store.finish_run(run_id, {"sentences": 5, "seconds": 1.5})
    assert run["inputs"] == ["news.jsonl", "more.jsonl"]
    assert run["model"] == "en_core_web_sm" and run["detente_version"]
    expected: dict[str, Any] = {
        "documents": 3,
        "sentences": 5,
        "events": 3,
        "rejects": 1,
        "duplicates": 1,
        "seconds": 1.5,
    }
    assert {k: run[k] for k in expected} == expected
    assert run["finished_at"] >= run["started_at"]
    assert store.events(run_id=run_id)[0]["run_id"] == run_id
    assert store.counts()["runs"] == 1 and store.runs()[0]["run_id"] == run_id


def test_duckdb_store_finish_unknown_run(store: EventStore) -> None:
    with pytest.raises(StoreError, match="unknown run id 'zzz'") as info:
        store.finish_run("zzz", {})
    assert info.value.code == "E304"


@pytest.mark.parametrize(
    ("filters", "cameos"),
    [
        ({}, ["036", "042", "190"]),
        ({"doc_id": "d2"}, ["190"]),
        ({"source_country": "USA"}, ["042"]),
        ({"target_country": "USA"}, ["036"]),
        ({"root": "19"}, ["190"]),
        ({"start": "2024-03-01", "end": "2024-03-01"}, ["036", "042"]),
        ({"start": "2024-03-02"}, []),
        ({"limit": 1}, ["042"]),
    ],
)
def test_duckdb_store_event_filters(
    store: EventStore, sample, filters: dict[str, Any], cameos: list[str]
) -> None:
    _write(store, sample)
    assert sorted(row["cameo"] for row in store.events(**filters)) == cameos


def test_duckdb_store_event_id_filter(store: EventStore, sample) -> None:
    _write(store, sample)
    wanted = sample[1][1][0].event_id
    assert [row["event_id"] for row in store.events(event_id=wanted)] == [wanted]


def test_duckdb_store_bad_date_filter(store: EventStore) -> None:
    with pytest.raises(StoreError, match="bad start date 'soon'") as info:
        store.events(start="soon")
    assert info.value.code == "E308"


def test_duckdb_store_event_batches_stream(store: EventStore, sample) -> None:
    _write(store, sample)
    batches = list(store.iter_event_batches(batch_size=2))
    assert sum(b.num_rows for b in batches) == 3
    assert tuple(batches[0].schema.names) == EVENT_COLUMNS
