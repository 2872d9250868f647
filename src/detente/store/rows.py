"""Flatten records into rows: the one place where events become table rows.

Every output (the DuckDB ``events`` table, CSV, TSV and Parquet) uses the same column
list, :data:`EVENT_COLUMNS`, in the same order. Row dicts hold native Python values
(``datetime.date`` for ``date``, a list of strings for ``*_sectors``);
:func:`text_cells` turns a row into strings for CSV/TSV, where sectors are ``;``-joined.
:func:`row_to_event` rebuilds the :class:`~detente.records.Event` so that JSONL written
from stored rows equals :meth:`Event.to_dict`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, cast

import pyarrow as pa

from detente.records import (
    Actor,
    Attribution,
    Document,
    Event,
    Evidence,
    Plover,
    Reject,
)

__all__ = [
    "EVENT_COLUMNS",
    "EVENT_SCHEMA",
    "DOCUMENT_COLUMNS",
    "DOCUMENT_SCHEMA",
    "REJECT_COLUMNS",
    "REJECT_SCHEMA",
    "RUN_COLUMNS",
    "RUN_SCHEMA",
    "SECTOR_SEPARATOR",
    "parse_date",
    "event_row",
    "document_row",
    "reject_row",
    "run_row",
    "row_to_event",
    "rows_to_table",
    "text_cells",
]

SECTOR_SEPARATOR = ";"

_STR = pa.string()
_INT = pa.int32()
_SECTORS = pa.list_(pa.string())


def _actor_fields(prefix: str) -> list[pa.Field]:
    return [
        pa.field(f"{prefix}_text", _STR),
        pa.field(f"{prefix}_name", _STR),
        pa.field(f"{prefix}_code", _STR),
        pa.field(f"{prefix}_country", _STR),
        pa.field(f"{prefix}_sectors", _SECTORS),
        pa.field(f"{prefix}_type", _STR),
        pa.field(f"{prefix}_entity_id", _STR),
    ]


EVENT_SCHEMA = pa.schema(
    [
        pa.field("event_id", _STR),
        pa.field("doc_id", _STR),
        pa.field("sentence_index", _INT),
        pa.field("date", pa.date32()),
        *_actor_fields("source"),
        *_actor_fields("target"),
        pa.field("cameo", _STR),
        pa.field("root", _STR),
        pa.field("goldstein", pa.float64()),
        pa.field("quad_class", _INT),
        pa.field("plover_event", _STR),
        pa.field("plover_mode", _STR),
        pa.field("modality", _STR),
        pa.field("speaker", _STR),
        pa.field("reported_by", _STR),
        pa.field("sentence", _STR),
        pa.field("start", _INT),
        pa.field("end", _INT),
        pa.field("trigger", _STR),
        pa.field("rule", _STR),
        pa.field("mentions", _INT),
        pa.field("evidence_json", _STR),
        pa.field("run_id", _STR),
    ]
)
EVENT_COLUMNS: tuple[str, ...] = tuple(EVENT_SCHEMA.names)

DOCUMENT_SCHEMA = pa.schema(
    [
        pa.field("doc_id", _STR),
        pa.field("content_hash", _STR),
        pa.field("title", _STR),
        pa.field("date", pa.date32()),
        pa.field("url", _STR),
        pa.field("source", _STR),
        pa.field("origin", _STR),
        pa.field("language", _STR),
        pa.field("duplicate_of", _STR),
        pa.field("n_chars", _INT),
        pa.field("n_sentences", _INT),
        pa.field("n_events", _INT),
        pa.field("removed_json", _STR),
        pa.field("run_id", _STR),
        pa.field("coded_at", pa.timestamp("us")),
        pa.field("text", _STR),
    ]
)
DOCUMENT_COLUMNS: tuple[str, ...] = tuple(DOCUMENT_SCHEMA.names)

REJECT_SCHEMA = pa.schema(
    [
        pa.field("origin", _STR),
        pa.field("doc_id", _STR),
        pa.field("code", _STR),
        pa.field("reason", _STR),
        pa.field("run_id", _STR),
    ]
)
REJECT_COLUMNS: tuple[str, ...] = tuple(REJECT_SCHEMA.names)

RUN_SCHEMA = pa.schema(
    [
        pa.field("run_id", _STR),
        pa.field("started_at", pa.timestamp("us")),
        pa.field("finished_at", pa.timestamp("us")),
        pa.field("inputs", pa.list_(pa.string())),
        pa.field("documents", _INT),
        pa.field("sentences", _INT),
        pa.field("events", _INT),
        pa.field("rejects", _INT),
        pa.field("duplicates", _INT),
        pa.field("seconds", pa.float64()),
        pa.field("detente_version", _STR),
        pa.field("model", _STR),
        pa.field("options_json", _STR),
    ]
)
RUN_COLUMNS: tuple[str, ...] = tuple(RUN_SCHEMA.names)

_TEXT_UNSAFE = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def parse_date(value: str | date | None) -> date | None:
    """The calendar date of an ISO string (``2024-03-01`` or ``2024-03-01T10:00Z``).

    Returns ``None`` for ``None``, empty or unparseable values: the column is nullable and
    the exact original string stays available in the JSONL form of an event.
    """
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _actor_cells(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {field.name: None for field in _actor_fields(prefix)}
    return {
        f"{prefix}_text": actor.text,
        f"{prefix}_name": actor.name,
        f"{prefix}_code": actor.code,
        f"{prefix}_country": actor.country,
        f"{prefix}_sectors": list(actor.sectors),
        f"{prefix}_type": actor.type,
        f"{prefix}_entity_id": actor.entity_id,
    }


def event_row(event: Event, run_id: str | None = None) -> dict[str, Any]:
    """One event as a flat row with the columns of :data:`EVENT_COLUMNS`."""
    spans = event.all_evidence or (event.evidence,)
    ev = event.evidence
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "date": parse_date(event.date),
        **_actor_cells("source", event.source),
        **_actor_cells("target", event.target),
        "cameo": event.cameo,
        "root": event.root,
        "goldstein": float(event.goldstein),
        "quad_class": event.quad_class,
        "plover_event": event.plover.event,
        "plover_mode": event.plover.mode,
        "modality": event.modality,
        "speaker": event.attribution.speaker,
        "reported_by": event.attribution.reported_by,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "trigger": ev.trigger,
        "rule": ev.rule,
        "mentions": event.mentions,
        "evidence_json": _dumps([span.to_dict() for span in spans]),
        "run_id": run_id,
    }


def document_row(
    doc: Document,
    n_sentences: int,
    n_events: int,
    run_id: str | None = None,
    coded_at: datetime | None = None,
) -> dict[str, Any]:
    """One document as a row with the columns of :data:`DOCUMENT_COLUMNS`."""
    removed = [
        {"start": r.start, "end": r.end, "reason": r.reason, "text": r.text} for r in doc.removed
    ]
    return {
        "doc_id": doc.doc_id,
        "content_hash": doc.content_hash,
        "title": doc.title,
        "date": parse_date(doc.date),
        "url": doc.url,
        "source": doc.source,
        "origin": doc.origin,
        "language": doc.language,
        "duplicate_of": doc.duplicate_of,
        "n_chars": len(doc.text),
        "n_sentences": n_sentences,
        "n_events": n_events,
        "removed_json": _dumps(removed),
        "run_id": run_id,
        "coded_at": coded_at,
        "text": doc.text,
    }


def reject_row(reject: Reject, run_id: str | None = None) -> dict[str, Any]:
    """One reject as a row with the columns of :data:`REJECT_COLUMNS`."""
    return {
        "origin": reject.origin,
        "doc_id": reject.doc_id,
        "code": reject.code,
        "reason": reject.reason,
        "run_id": run_id,
    }


def run_row(
    run_id: str,
    started_at: datetime,
    inputs: Sequence[str],
    options: Mapping[str, Any],
    detente_version: str,
    model: str | None = None,
) -> dict[str, Any]:
    """A freshly begun run as a row with the columns of :data:`RUN_COLUMNS`."""
    return {
        "run_id": run_id,
        "started_at": started_at,
        "finished_at": None,
        "inputs": list(inputs),
        "documents": None,
        "sentences": None,
        "events": None,
        "rejects": None,
        "duplicates": None,
        "seconds": None,
        "detente_version": detente_version,
        "model": model,
        "options_json": _dumps(dict(options)),
    }


def rows_to_table(rows: Sequence[Mapping[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows (dicts) as an Arrow table with exactly ``schema``'s columns."""
    return pa.Table.from_pylist([dict(row) for row in rows], schema=schema)


def _sectors(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(value.split(SECTOR_SEPARATOR))
    return tuple(value)


def _row_actor(row: Mapping[str, Any], prefix: str) -> Actor | None:
    text = row.get(f"{prefix}_text")
    if text is None:
        return None
    return Actor(
        text=text,
        name=row[f"{prefix}_name"],
        code=row.get(f"{prefix}_code"),
        country=row.get(f"{prefix}_country"),
        sectors=_sectors(row.get(f"{prefix}_sectors")),
        type=row.get(f"{prefix}_type") or "unknown",
        entity_id=row.get(f"{prefix}_entity_id"),
    )


def row_to_event(row: Mapping[str, Any]) -> Event:
    """Rebuild the :class:`Event` of a row made by :func:`event_row` (or read from DuckDB).

    Actor character offsets are not stored, so they come back as ``-1``; everything in
    :meth:`Event.to_dict` comes back unchanged (dates as ``YYYY-MM-DD``).
    """
    day = row.get("date")
    evidence = Evidence(
        sentence=row["sentence"],
        start=int(row["start"]),
        end=int(row["end"]),
        trigger=row["trigger"],
        rule=row["rule"],
    )
    spans = json.loads(row["evidence_json"]) if row.get("evidence_json") else []
    return Event(
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        sentence_index=int(row["sentence_index"]),
        date=day.isoformat() if isinstance(day, date) else (day or None),
        source=_row_actor(row, "source"),
        target=_row_actor(row, "target"),
        cameo=row["cameo"],
        root=row["root"],
        goldstein=float(row["goldstein"]),
        quad_class=int(row["quad_class"]),
        plover=Plover(event=row["plover_event"], mode=row.get("plover_mode")),
        modality=cast(Any, row["modality"]),
        attribution=Attribution(speaker=row.get("speaker"), reported_by=row.get("reported_by")),
        evidence=evidence,
        mentions=int(row["mentions"]),
        all_evidence=tuple(Evidence(**span) for span in spans),
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return SECTOR_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def text_cells(row: Mapping[str, Any], *, flat: bool = False) -> list[str]:
    """The :data:`EVENT_COLUMNS` of ``row`` as strings (null → ``""``, lists ``;``-joined).

    With ``flat=True`` (TSV) tabs and line breaks inside values become spaces, so every
    row is one line and needs no quoting.
    """
    cells = [_cell(row.get(name)) for name in EVENT_COLUMNS]
    if flat:
        cells = [cell.translate(_TEXT_UNSAFE) for cell in cells]
    return cells
