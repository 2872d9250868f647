"""Exports: JSONL, CSV, TSV and Parquet (file and partitioned directory) round-trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from detente.errors import StoreError
from detente.records import Event
from detente.store.duckdb_store import EventStore
from detente.store.export import (
    DEFAULT_PARTITION_BY,
    EventWriter,
    export_events,
    partitioning,
    read_parquet_dataset,
)
from detente.store.rows import EVENT_COLUMNS, event_row, text_cells


def _events(sample) -> list[Event]:
    return [e for _, events, _ in sample for e in events]


@pytest.fixture
def filled(store: EventStore, sample) -> EventStore:
    store.write_batch(sample, run_id="r1")
    return store


def _duckdb_columns(store: EventStore) -> list[str]:
    return [row["column_name"] for row in store.query("DESCRIBE events")]


def _by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["event_id"]: row for row in rows}


@pytest.mark.parametrize("from_store", [True, False])
def test_export_jsonl_lines_equal_to_dict(
    tmp_path: Path, filled: EventStore, sample, from_store: bool
) -> None:
    out = tmp_path / "e.jsonl"
    n = export_events(filled if from_store else _events(sample), "jsonl", out)
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert n == 3 and len(lines) == 3
    assert _by_id(lines) == _by_id([e.to_dict() for e in _events(sample)])


@pytest.mark.parametrize(
    ("fmt", "reader_options"),
    [("csv", {}), ("tsv", {"delimiter": "\t", "quoting": csv.QUOTE_NONE})],
)
@pytest.mark.parametrize("from_store", [True, False])
def test_export_delimited_round_trip(
    tmp_path: Path,
    filled: EventStore,
    sample,
    fmt: str,
    reader_options: dict[str, Any],
    from_store: bool,
) -> None:
    out = tmp_path / f"e.{fmt}"
    export_events(filled if from_store else _events(sample), fmt, out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, **reader_options))
    assert rows[0] == _duckdb_columns(filled)
    run_id = "r1" if from_store else None
    expected = {
        e.event_id: text_cells(event_row(e, run_id), flat=fmt == "tsv") for e in _events(sample)
    }
    assert {row[0]: row for row in rows[1:]} == expected


def test_export_tsv_one_line_per_event(tmp_path: Path, sample) -> None:
    out = tmp_path / "e.tsv"
    export_events(_events(sample), "tsv", out)
    lines = out.read_text("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 5
    assert all(line.count("\t") == len(EVENT_COLUMNS) - 1 for line in lines[:-1])
    assert '"shelled" the town, officials said' in out.read_text("utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "tsv"])
def test_export_to_text_stream(filled: EventStore, fmt: str) -> None:
    stream = io.StringIO()
    assert export_events(filled, fmt, stream, root="19") == 1
    text = stream.getvalue()
    assert not stream.closed and "RUSMIL" in text
    if fmt == "jsonl":
        assert len(text.splitlines()) == 1
    else:  # csv keeps the sentence's line break inside quotes; tsv flattens it
        delimiter = "\t" if fmt == "tsv" else ","
        records = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        assert len(records) == 2 and len(text.splitlines()) == (3 if fmt == "csv" else 2)


def test_export_parquet_file_matches_duckdb(tmp_path: Path, filled: EventStore) -> None:
    out = tmp_path / "e.parquet"
    assert export_events(filled, "parquet", out) == 3
    table = pq.read_table(out)
    assert table.column_names == _duckdb_columns(filled)
    assert _by_id(table.to_pylist()) == _by_id(filled.events())


def test_export_parquet_partitioned_directory(tmp_path: Path, filled: EventStore) -> None:
    out = tmp_path / "events"
    export_events(filled, "parquet", out, partition_by=DEFAULT_PARTITION_BY)
    dirs = sorted(str(p.relative_to(out)) for p in out.glob("*/*"))
    assert dirs == [
        "year=2024/cameo_root=03",
        "year=2024/cameo_root=04",
        "year=__HIVE_DEFAULT_PARTITION__/cameo_root=19",
    ]
    table = ds.dataset(out, format="parquet", partitioning=partitioning()).to_table()
    assert table.column_names == [*_duckdb_columns(filled), "year", "cameo_root"]
    rows = _by_id(table.to_pylist())
    for event_id, stored in _by_id(filled.events()).items():
        row = rows[event_id]
        assert {k: row[k] for k in EVENT_COLUMNS} == stored
        assert row["cameo_root"] == stored["root"]
        assert row["year"] == (stored["date"].year if stored["date"] else None)
    assert read_parquet_dataset(out).num_rows == 3
    assert ds.dataset(out, format="parquet", partitioning="hive").to_table().num_rows == 3


def test_export_event_writer_streams_parquet_batches(tmp_path: Path, sample) -> None:
    events = _events(sample) * 2
    single, parted = tmp_path / "one.parquet", tmp_path / "parted"
    with EventWriter("parquet", single, batch_size=2, run_id="r9") as one:
        with EventWriter("parquet", parted, partition_by=("month",), batch_size=2) as many:
            for event in events:
                one.write([event])
                many.write([event])
            assert one.count == 6 and len(one._sink.buffer) == 0  # flushed as it went
    assert pq.ParquetFile(single).metadata.num_row_groups == 3
    assert set(pq.read_table(single).column("run_id").to_pylist()) == {"r9"}
    assert len(list(parted.rglob("*.parquet"))) >= 3
    assert read_parquet_dataset(parted, ("month",)).num_rows == 6


def test_export_event_writer_rows_and_events_agree(tmp_path: Path, sample) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    with EventWriter("csv", a) as from_events, EventWriter("csv", b) as from_rows:
        from_events.write(_events(sample))
        from_rows.write_rows(event_row(e) for e in _events(sample))
    assert a.read_text("utf-8") == b.read_text("utf-8")


def test_export_overwrite_parquet_directory(tmp_path: Path, filled: EventStore) -> None:
    out = tmp_path / "events"
    export_events(filled, "parquet", out, partition_by=("year",))
    with pytest.raises(StoreError) as info:
        export_events(filled, "parquet", out, partition_by=("year",))
    assert info.value.code == "E306"
    export_events(filled, "parquet", out, partition_by=("year",), overwrite=True)
    assert read_parquet_dataset(out, ("year",)).num_rows == 3


@pytest.mark.parametrize(
    ("fmt", "out", "options", "code", "message"),
    [
        ("xml", "e.xml", {}, "E305", "unknown export format 'xml'"),
        ("parquet", io.StringIO(), {}, "E305", "needs a file or directory path"),
        ("parquet", "d", {"partition_by": ("decade",)}, "E305", "bad partition keys"),
        ("csv", "e.csv", {"root": "04"}, "E305", "need a store"),
    ],
)
def test_export_errors(
    tmp_path: Path, sample, fmt: str, out: Any, options: dict[str, Any], code: str, message: str
) -> None:
    target = tmp_path / out if isinstance(out, str) else out
    with pytest.raises(StoreError, match=message) as info:
        export_events(_events(sample), fmt, target, **options)
    assert info.value.code == code


def test_export_parquet_refuses_directory_with_other_files(tmp_path: Path, sample) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(StoreError, match="non-Parquet files"):
        export_events(_events(sample), "parquet", tmp_path, partition_by=("year",), overwrite=True)
    assert (tmp_path / "notes.txt").exists()
