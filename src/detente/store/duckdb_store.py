"""The event store: an embedded DuckDB file with ``documents``, ``events``, ``rejects``, ``runs``.

Error codes raised here (:class:`~detente.errors.StoreError`):

* ``E301`` the store cannot be opened (locked, not a DuckDB file, not migrated)
* ``E302`` a schema migration failed (see :mod:`detente.store.migrate`)
* ``E303`` a write failed (the transaction is rolled back)
* ``E304`` unknown run id
* ``E307`` an event's ``doc_id`` is not the document's
* ``E308`` a bad query filter (e.g. an unparseable date)
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

import duckdb
import pyarrow as pa

from detente import __version__
from detente.errors import StoreError
from detente.records import Document, Event, Reject
from detente.store.migrate import applied_migrations, apply_migrations, load_migrations
from detente.store.rows import (
    DOCUMENT_COLUMNS,
    DOCUMENT_SCHEMA,
    EVENT_COLUMNS,
    EVENT_SCHEMA,
    REJECT_COLUMNS,
    REJECT_SCHEMA,
    RUN_COLUMNS,
    RUN_SCHEMA,
    document_row,
    event_row,
    parse_date,
    reject_row,
    rows_to_table,
    run_row,
)

__all__ = ["EventStore", "BatchItem"]

_SUMMARY_FIELDS = ("documents", "sentences", "events", "rejects", "duplicates")
_CHUNK_DOCS = 2000


class BatchItem(NamedTuple):
    """One coded document for :meth:`EventStore.write_batch`."""

    doc: Document
    events: Sequence[Event]
    n_sentences: int = 0


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _cols(names: Sequence[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _day(value: str | date | None, name: str) -> date | None:
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise StoreError("E308", f"bad {name} date '{value}' (want YYYY-MM-DD)")
    return parsed


class EventStore:
    """Coded documents, events, rejects and runs in one DuckDB file.

    >>> with EventStore("events.duckdb") as store:  # doctest: +SKIP
    ...     run_id = store.begin_run(["news.jsonl"], {"model": "en_core_web_sm"})
    ...     store.write_document(doc, events, n_sentences=12, run_id=run_id)
    ...     store.finish_run(run_id, {"seconds": 1.5})

    Opening a store applies any pending migrations (unless ``read_only``).
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.migrations_applied: list[str] = []
        try:
            self._conn = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError("E301", f"cannot open store {self.path}: {exc}") from exc
        try:
            if read_only:
                self._check_migrated()
            else:
                self.migrations_applied = apply_migrations(self._conn)
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def _check_migrated(self) -> None:
        done = {name for name, _ in applied_migrations(self._conn)}
        missing = [m.name for m in load_migrations() if m.name not in done]
        if missing:
            raise StoreError(
                "E301", f"store {self.path} needs migrations {', '.join(missing)}; open it writable"
            )

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        self._conn.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying DuckDB connection, for read-only analysis queries."""
        return self._conn

    @contextmanager
    def _transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        self._conn.execute("BEGIN TRANSACTION")
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError("E303", f"{what} failed: {exc}") from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        except duckdb.Error:  # a failed COMMIT has already rolled back
            pass

    def _insert_arrow(self, table: str, data: pa.Table, columns: Sequence[str]) -> None:
        name = f"_staged_{table}"
        self._conn.register(name, data)
        try:
            self._conn.execute(
                f"INSERT INTO {table} ({_cols(columns)}) SELECT {_cols(columns)} FROM {name}"
            )
        finally:
            self._conn.unregister(name)

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query; rows as dicts (column name → value)."""
        try:
            cursor = self._conn.execute(sql, list(params) if params else None)
            names = [d[0] for d in cursor.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except duckdb.Error as exc:
            raise StoreError("E308", f"query failed: {exc}") from exc

    # -- runs ------------------------------------------------------------------------------

    def begin_run(
        self,
        inputs: Sequence[str | Path] | str | Path = (),
        options: Mapping[str, Any] | None = None,
        *,
        model: str | None = None,
    ) -> str:
        """Record the start of a coding run; return its id (sortable: time, then random)."""
        started = _now()
        run_id = f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        names = [str(inputs)] if isinstance(inputs, (str, Path)) else [str(i) for i in inputs]
        opts = dict(options or {})
        model = model if model is not None else opts.get("model")
        row = run_row(run_id, started, names, opts, __version__, model)
        with self._transaction("begin_run"):
            self._insert_arrow("runs", rows_to_table([row], RUN_SCHEMA), RUN_COLUMNS)
        return run_id

    def finish_run(self, run_id: str, summary: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Record the end of a run with its summary; return the stored run row.

        ``summary`` may give ``documents``, ``sentences``, ``events``, ``rejects``,
        ``duplicates`` and ``seconds``; counts it omits (except ``sentences``) are counted
        from the rows stored under ``run_id``, and ``seconds`` defaults to the wall time.
        Other keys are ignored.
        """
        run = self.run(run_id)
        if run is None:
            raise StoreError("E304", f"unknown run id '{run_id}'")
        given = dict(summary or {})
        finished = _now()
        counted = self._run_counts(run_id)
        values = {f: given.get(f, counted.get(f)) for f in _SUMMARY_FIELDS}
        seconds = given.get("seconds", (finished - run["started_at"]).total_seconds())
        sets = ", ".join(f'"{f}" = ?' for f in _SUMMARY_FIELDS)
        with self._transaction("finish_run"):
            self._conn.execute(
                f"UPDATE runs SET finished_at = ?, seconds = ?, {sets} WHERE run_id = ?",
                [finished, float(seconds), *values.values(), run_id],
            )
        return self.run(run_id) or {}

    def _run_counts(self, run_id: str) -> dict[str, int]:
        row = self.query(
            "SELECT"
            " (SELECT count(*) FROM documents WHERE run_id = $1) AS documents,"
            " (SELECT count(*) FROM events WHERE run_id = $1) AS events,"
            " (SELECT count(*) FROM rejects WHERE run_id = $1) AS rejects,"
            " (SELECT count(*) FROM documents WHERE run_id = $1"
            "  AND duplicate_of IS NOT NULL) AS duplicates",
            [run_id],
        )[0]
        return {k: int(v) for k, v in row.items()}

    def run(self, run_id: str) -> dict[str, Any] | None:
        """One run row, or ``None``."""
        rows = self.query(f"SELECT {_cols(RUN_COLUMNS)} FROM runs WHERE run_id = ?", [run_id])
        return rows[0] if rows else None

    def runs(self) -> list[dict[str, Any]]:
        """All runs, oldest first."""
        return self.query(f"SELECT {_cols(RUN_COLUMNS)} FROM runs ORDER BY started_at, run_id")

    # -- documents and events -------------------------------------------------------------

    def write_document(
        self,
        doc: Document,
        events: Sequence[Event],
        n_sentences: int = 0,
        run_id: str | None = None,
    ) -> int:
        """Store one coded document and its events; return the number of events written.

        Idempotent: a document already stored under the same ``doc_id`` is replaced, and
        its old events are deleted, in one transaction.
        """
        return self.write_batch([BatchItem(doc, events, n_sentences)], run_id=run_id)

    def write_batch(
        self,
        items: Iterable[BatchItem | tuple[Document, Sequence[Event], int]],
        run_id: str | None = None,
    ) -> int:
        """Store many coded documents (as :meth:`write_document`); return events written.

        Rows go in as Arrow tables, one transaction per chunk of 2000 documents. Within
        one call, a ``doc_id`` given twice keeps its last version.
        """
        written = 0
        chunk: dict[str, BatchItem] = {}
        for raw in items:
            item = BatchItem(*raw)
            for event in item.events:
                if event.doc_id != item.doc.doc_id:
                    raise StoreError(
                        "E307",
                        f"event {event.event_id} has doc_id '{event.doc_id}' "
                        f"but is written with document '{item.doc.doc_id}'",
                    )
            chunk.pop(item.doc.doc_id, None)
            chunk[item.doc.doc_id] = item
            if len(chunk) >= _CHUNK_DOCS:
                written += self._write_chunk(list(chunk.values()), run_id)
                chunk = {}
        if chunk:
            written += self._write_chunk(list(chunk.values()), run_id)
        return written

    def _write_chunk(self, items: Sequence[BatchItem], run_id: str | None) -> int:
        coded_at = _now()
        doc_rows = [
            document_row(i.doc, i.n_sentences, len(i.events), run_id, coded_at) for i in items
        ]
        event_rows = [event_row(e, run_id) for i in items for e in i.events]
        try:
            docs = rows_to_table(doc_rows, DOCUMENT_SCHEMA)
            events = rows_to_table(event_rows, EVENT_SCHEMA)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise StoreError("E303", f"write_batch failed: bad field value: {exc}") from exc
        with self._transaction("write_batch") as conn:
            conn.register("_staged_doc_ids", docs.select(["doc_id"]))
            try:
                conn.execute(
                    "DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM _staged_doc_ids)"
                )
                conn.execute(
                    "DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM _staged_doc_ids)"
                )
            finally:
                conn.unregister("_staged_doc_ids")
            self._insert_arrow("documents", docs, DOCUMENT_COLUMNS)
            if event_rows:
                self._insert_arrow("events", events, EVENT_COLUMNS)
        return len(event_rows)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document row, or ``None``."""
        rows = self.query(
            f"SELECT {_cols(DOCUMENT_COLUMNS)} FROM documents WHERE doc_id = ?", [doc_id]
        )
        return rows[0] if rows else None

    def _event_sql(
        self,
        *,
        doc_id: str | None = None,
        event_id: str | None = None,
        source_country: str | None = None,
        target_country: str | None = None,
        root: str | None = None,
        start: str | date | None = None,
        end: str | date | None = None,
        run_id: str | None = None,
        limit: int | None = None,
    ) -> tuple[str, list[Any]]:
        equal = {
            "doc_id": doc_id,
            "event_id": event_id,
            "source_country": source_country,
            "target_country": target_country,
            "root": root,
            "run_id": run_id,
        }
        where = [f'"{col}" = ?' for col, value in equal.items() if value is not None]
        params: list[Any] = [value for value in equal.values() if value is not None]
        for op, value, name in ((">=", start, "start"), ("<=", end, "end")):
            day = _day(value, name)
            if day is not None:
                where.append(f"date {op} ?")
                params.append(day)
        sql = f"SELECT {_cols(EVENT_COLUMNS)} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date NULLS LAST, doc_id, sentence_index, event_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return sql, params

    def events(
        self,
        *,
        doc_id: str | None = None,
        event_id: str | None = None,
        source_country: str | None = None,
        target_country: str | None = None,
        root: str | None = None,
        start: str | date | None = None,
        end: str | date | None = None,
        run_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Event rows (dicts with :data:`EVENT_COLUMNS`), filtered; dates inclusive.

        Ordered by date (undated last), document, sentence and event id.
        """
        sql, params = self._event_sql(
            doc_id=doc_id,
            event_id=event_id,
            source_country=source_country,
            target_country=target_country,
            root=root,
            start=start,
            end=end,
            run_id=run_id,
            limit=limit,
        )
        return self.query(sql, params)

    def iter_event_batches(
        self, batch_size: int = 10_000, **filters: Any
    ) -> Iterator[pa.RecordBatch]:
        """Stream event rows as Arrow record batches with :data:`EVENT_SCHEMA`.

        Takes the filters of :meth:`events`; reads through its own cursor, so the store can
        be queried while the stream is open.
        """
        sql, params = self._event_sql(**filters)
        cursor = self._conn.cursor()
        try:
            reader = cursor.sql(sql, params=params or None).to_arrow_reader(batch_size)
            for batch in reader:
                yield batch.cast(EVENT_SCHEMA)
        except duckdb.Error as exc:
            raise StoreError("E308", f"reading events failed: {exc}") from exc
        finally:
            cursor.close()

    # -- rejects ---------------------------------------------------------------------------

    def write_reject(self, reject: Reject, run_id: str | None = None) -> bool:
        """Record a reject; ``False`` when the same (origin, reason) is already recorded."""
        return self.write_rejects([reject], run_id) == 1

    def write_rejects(self, rejects: Iterable[Reject], run_id: str | None = None) -> int:
        """Record many rejects, skipping (origin, reason) pairs already recorded; return new."""
        unique: dict[tuple[str, str], dict[str, Any]] = {}
        for reject in rejects:
            unique.setdefault((reject.origin, reject.reason), reject_row(reject, run_id))
        if not unique:
            return 0
        table = rows_to_table(list(unique.values()), REJECT_SCHEMA)
        before = self._count("rejects")
        with self._transaction("write_rejects") as conn:
            conn.register("_staged_rejects", table)
            try:
                conn.execute(
                    f"INSERT INTO rejects ({_cols(REJECT_COLUMNS)}) "
                    f"SELECT {_cols(REJECT_COLUMNS)} FROM _staged_rejects s WHERE NOT EXISTS "
                    "(SELECT 1 FROM rejects r WHERE r.origin = s.origin AND r.reason = s.reason)"
                )
            finally:
                conn.unregister("_staged_rejects")
        return self._count("rejects") - before

    def rejects(self, run_id: str | None = None) -> list[dict[str, Any]]:
        """Reject rows, optionally of one run."""
        sql = f"SELECT {_cols(REJECT_COLUMNS)} FROM rejects"
        if run_id is None:
            return self.query(sql + " ORDER BY origin, reason")
        return self.query(sql + " WHERE run_id = ? ORDER BY origin, reason", [run_id])

    # -- summary ---------------------------------------------------------------------------

    def _count(self, table: str, where: str = "") -> int:
        row = self._conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()
        return int(row[0]) if row else 0

    def counts(self) -> dict[str, int]:
        """Row counts: documents, duplicates (documents marked duplicate), events, rejects, runs."""
        return {
            "documents": self._count("documents"),
            "duplicates": self._count("documents", "WHERE duplicate_of IS NOT NULL"),
            "events": self._count("events"),
            "rejects": self._count("rejects"),
            "runs": self._count("runs"),
        }
