"""detente.store: the only stage that turns records into rows (DuckDB, CSV, TSV, Parquet, JSONL)."""

from detente.store.duckdb_store import BatchItem, EventStore
from detente.store.export import DEFAULT_PARTITION_BY, FORMATS, EventWriter, export_events
from detente.store.rows import EVENT_COLUMNS

__all__ = [
    "BatchItem",
    "DEFAULT_PARTITION_BY",
    "EVENT_COLUMNS",
    "EventStore",
    "EventWriter",
    "FORMATS",
    "export_events",
]
