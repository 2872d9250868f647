"""Export events as JSONL, CSV, TSV or Parquet, from a store or as they are coded.

* ``jsonl``: one :meth:`Event.to_dict` object per line (the nested form).
* ``csv``: header row, the columns of :data:`~detente.store.rows.EVENT_COLUMNS`, sectors
  ``;``-joined, null as the empty string.
* ``tsv``: the same columns GDELT-style: tab-separated, no quoting; tabs and line breaks
  inside values become spaces.
* ``parquet``: the same columns and types as the DuckDB ``events`` table, either one file or,
  with ``partition_by``, a hive-partitioned directory (``year=2024/cameo_root=04/...``) whose
  files keep every event column and which adds the partition columns (see
  :data:`PARTITION_COLUMNS`). Read it back with :func:`read_parquet_dataset` or
  ``pyarrow.dataset.dataset(path, partitioning=partitioning(keys))`` for exact types.

:class:`EventWriter` streams: text formats write each event as it comes, Parquet buffers
``batch_size`` rows and writes them as a row group (single file) or as dataset fragments.

Error codes: ``E305`` bad format, partition key or destination; ``E306`` the Parquet
directory is not empty.
"""

from __future__ import annotations

import csv
import json
import shutil
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from detente.errors import StoreError
from detente.records import Event
from detente.store.duckdb_store import EventStore
from detente.store.rows import (
    EVENT_COLUMNS,
    EVENT_SCHEMA,
    event_row,
    row_to_event,
    rows_to_table,
    text_cells,
)

__all__ = [
    "FORMATS",
    "PARTITION_COLUMNS",
    "DEFAULT_PARTITION_BY",
    "EventWriter",
    "export_events",
    "partitioning",
    "read_parquet_dataset",
]

FORMATS = ("jsonl", "csv", "tsv", "parquet")

#: partition key → (column name in the directory layout, its type). Partition columns are
#: extra columns, so the files keep ``root`` as the string ``"04"``, not a number.
PARTITION_COLUMNS: dict[str, tuple[str, pa.DataType]] = {
    "year": ("year", pa.int32()),
    "month": ("month", pa.int32()),
    "root": ("cameo_root", pa.string()),
}
DEFAULT_PARTITION_BY = ("year", "root")

Source = EventStore | Iterable[Event | Mapping[str, Any]]


def _check_keys(partition_by: Sequence[str]) -> tuple[str, ...]:
    keys = tuple(partition_by)
    bad = [k for k in keys if k not in PARTITION_COLUMNS]
    if bad or not keys:
        raise StoreError(
            "E305",
            f"bad partition keys {list(keys)} (choose from {', '.join(PARTITION_COLUMNS)})",
        )
    return keys


def partitioning(partition_by: Sequence[str] = DEFAULT_PARTITION_BY) -> ds.Partitioning:
    """The hive partitioning (with exact column types) of a partitioned export."""
    keys = _check_keys(partition_by)
    fields = [pa.field(*PARTITION_COLUMNS[key]) for key in keys]
    return ds.partitioning(pa.schema(fields), flavor="hive")


def read_parquet_dataset(
    path: str | Path, partition_by: Sequence[str] = DEFAULT_PARTITION_BY
) -> pa.Table:
    """Read a partitioned Parquet export: event columns, then partition columns."""
    dataset = ds.dataset(str(path), format="parquet", partitioning=partitioning(partition_by))
    return dataset.to_table()


class _Sink:
    def write_events(self, events: Iterable[Event], run_id: str | None) -> int:
        return self.write_rows(event_row(e, run_id) for e in events)

    def write_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        raise NotImplementedError

    def write_table(self, table: pa.Table | pa.RecordBatch) -> int:
        return self.write_rows(table.to_pylist())

    def close(self) -> None:
        pass


class _TextSink(_Sink):
    def __init__(self, out: str | Path | TextIO) -> None:
        if isinstance(out, (str, Path)):
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            self.stream: TextIO = open(out, "w", encoding="utf-8", newline="")
            self.owned = True
        else:
            self.stream, self.owned = out, False

    def close(self) -> None:
        if self.owned:
            self.stream.close()
        else:
            self.stream.flush()


class _JsonlSink(_TextSink):
    def _line(self, record: Mapping[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def write_events(self, events: Iterable[Event], run_id: str | None) -> int:
        n = 0
        for event in events:
            self._line(event.to_dict())
            n += 1
        return n

    def write_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        return self.write_events((row_to_event(row) for row in rows), None)


class _DelimitedSink(_TextSink):
    def __init__(self, out: str | Path | TextIO, *, tabs: bool) -> None:
        super().__init__(out)
        self.tabs = tabs
        self.csv = csv.writer(self.stream, lineterminator="\n")
        self._write_cells(list(EVENT_COLUMNS))

    def _write_cells(self, cells: list[str]) -> None:
        if self.tabs:
            self.stream.write("\t".join(cells) + "\n")
        else:
            self.csv.writerow(cells)

    def write_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        n = 0
        for row in rows:
            self._write_cells(text_cells(row, flat=self.tabs))
            n += 1
        return n


class _ParquetSink(_Sink):
    def __init__(self, batch_size: int) -> None:
        self.batch_size = batch_size
        self.buffer: list[Mapping[str, Any]] = []

    def write_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        n = 0
        for row in rows:
            self.buffer.append(row)
            n += 1
            if len(self.buffer) >= self.batch_size:
                self._flush()
        return n

    def write_table(self, table: pa.Table | pa.RecordBatch) -> int:
        self._flush()
        data = pa.Table.from_batches([table]) if isinstance(table, pa.RecordBatch) else table
        self._write(data.select(list(EVENT_COLUMNS)).cast(EVENT_SCHEMA))
        return data.num_rows

    def _flush(self) -> None:
        if self.buffer:
            table = rows_to_table(self.buffer, EVENT_SCHEMA)
            self.buffer = []
            self._write(table)

    def _write(self, table: pa.Table) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self._flush()


class _ParquetFileSink(_ParquetSink):
    def __init__(self, path: Path, batch_size: int) -> None:
        super().__init__(batch_size)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.writer = pq.ParquetWriter(str(path), EVENT_SCHEMA)

    def _write(self, table: pa.Table) -> None:
        if table.num_rows:
            self.writer.write_table(table, row_group_size=self.batch_size)

    def close(self) -> None:
        super().close()
        self.writer.close()


def _prepare_dir(path: Path, overwrite: bool) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError("E305", f"parquet output {path} exists and is not a directory")
    if path.is_dir() and any(path.iterdir()):
        others = [p for p in path.rglob("*") if p.is_file() and p.suffix != ".parquet"]
        if not overwrite or others:
            why = "use overwrite" if not others else f"it holds non-Parquet files ({others[0]})"
            raise StoreError("E306", f"parquet output directory {path} is not empty; {why}")
        shutil.rmtree(path)
    path.mkdir(parents=True, exist_ok=True)


class _ParquetDatasetSink(_ParquetSink):
    def __init__(
        self, path: Path, partition_by: Sequence[str], batch_size: int, overwrite: bool
    ) -> None:
        super().__init__(batch_size)
        self.keys = _check_keys(partition_by)
        self.partitioning = partitioning(self.keys)
        _prepare_dir(path, overwrite)
        self.path = path
        self.token = uuid.uuid4().hex[:8]
        self.fragments = 0

    def _key_column(self, key: str, table: pa.Table) -> pa.Array | pa.ChunkedArray:
        if key == "year":
            return pc.cast(pc.year(table["date"]), pa.int32())
        if key == "month":
            return pc.cast(pc.month(table["date"]), pa.int32())
        return table["root"]

    def _write(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        for key in self.keys:
            table = table.append_column(PARTITION_COLUMNS[key][0], self._key_column(key, table))
        ds.write_dataset(
            table,
            str(self.path),
            format="parquet",
            partitioning=self.partitioning,
            basename_template=f"part-{self.token}-{self.fragments:05d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
            max_rows_per_group=self.batch_size,
        )
        self.fragments += 1


def _open_sink(
    fmt: str,
    out: str | Path | TextIO,
    partition_by: Sequence[str] | None,
    batch_size: int,
    overwrite: bool,
) -> _Sink:
    if fmt == "jsonl":
        return _JsonlSink(out)
    if fmt in ("csv", "tsv"):
        return _DelimitedSink(out, tabs=fmt == "tsv")
    if fmt != "parquet":
        raise StoreError(
            "E305", f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})"
        )
    if not isinstance(out, (str, Path)):
        raise StoreError("E305", "parquet export needs a file or directory path, not a stream")
    if partition_by:
        return _ParquetDatasetSink(Path(out), partition_by, batch_size, overwrite)
    return _ParquetFileSink(Path(out), batch_size)


class EventWriter:
    """Write events to ``out`` in ``fmt`` as they are coded, without holding them all.

    ``out`` is a path, or for ``jsonl``/``csv``/``tsv`` an open text stream (left open).
    For ``parquet``, ``partition_by`` (e.g. ``("year", "root")``) writes a partitioned
    directory; without it, one file. ``run_id`` fills the ``run_id`` column.

    >>> with EventWriter("csv", sys.stdout) as writer:  # doctest: +SKIP
    ...     writer.write(doc._.events)
    """

    def __init__(
        self,
        fmt: str,
        out: str | Path | TextIO,
        *,
        partition_by: Sequence[str] | None = None,
        run_id: str | None = None,
        batch_size: int = 10_000,
        overwrite: bool = False,
    ) -> None:
        self.fmt = fmt
        self.run_id = run_id
        self.count = 0
        self._sink = _open_sink(fmt, out, partition_by, batch_size, overwrite)
        self._closed = False

    def write(self, events: Iterable[Event]) -> int:
        """Write events; return how many."""
        n = self._sink.write_events(events, self.run_id)
        self.count += n
        return n

    def write_rows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Write event rows (dicts with the event columns, as stored); return how many."""
        n = self._sink.write_rows(rows)
        self.count += n
        return n

    def write_arrow(self, batch: pa.Table | pa.RecordBatch) -> int:
        """Write an Arrow table or batch with the event columns; return how many rows."""
        n = self._sink.write_table(batch)
        self.count += n
        return n

    def close(self) -> None:
        """Flush buffered rows and close files this writer opened (safe to call twice)."""
        if not self._closed:
            self._closed = True
            self._sink.close()

    def __enter__(self) -> EventWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def export_events(
    source: Source,
    fmt: str,
    out: str | Path | TextIO,
    *,
    partition_by: Sequence[str] | None = None,
    overwrite: bool = False,
    batch_size: int = 10_000,
    **filters: Any,
) -> int:
    """Export events from a store (streamed) or from events / event rows; return the count.

    ``filters`` (store only) are those of :meth:`EventStore.events`, e.g. ``root="14"``.
    """
    if filters and not isinstance(source, EventStore):
        raise StoreError("E305", f"filters {sorted(filters)} need a store as the source")
    with EventWriter(
        fmt, out, partition_by=partition_by, batch_size=batch_size, overwrite=overwrite
    ) as writer:
        if isinstance(source, EventStore):
            for batch in source.iter_event_batches(batch_size, **filters):
                writer.write_arrow(batch)
        else:
            for item in source:
                if isinstance(item, Event):
                    writer.write((item,))
                else:
                    writer.write_rows((item,))
        return writer.count
