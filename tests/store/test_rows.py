"""Rows: one column list, flattening and rebuilding events."""

from __future__ import annotations

import json
from datetime import date

import pytest

from detente.records import Reject
from detente.store.rows import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    REJECT_COLUMNS,
    RUN_COLUMNS,
    document_row,
    event_row,
    parse_date,
    reject_row,
    row_to_event,
    text_cells,
)

ACTOR = ["text", "name", "code", "country", "sectors", "type", "entity_id"]
EXPECTED_EVENT_COLUMNS = (
    ["event_id", "doc_id", "sentence_index", "date"]
    + [f"source_{c}" for c in ACTOR]
    + [f"target_{c}" for c in ACTOR]
    + ["cameo", "root", "goldstein", "quad_class", "plover_event", "plover_mode", "modality"]
    + ["speaker", "reported_by", "sentence", "start", "end", "trigger", "rule", "mentions"]
    + ["evidence_json", "run_id"]
)


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (EVENT_COLUMNS, EXPECTED_EVENT_COLUMNS),
        (REJECT_COLUMNS, ["origin", "doc_id", "code", "reason", "run_id"]),
        (DOCUMENT_COLUMNS[:3], ["doc_id", "content_hash", "title"]),
        (RUN_COLUMNS[:3], ["run_id", "started_at", "finished_at"]),
    ],
)
def test_rows_column_lists(columns: tuple[str, ...], expected: list[str]) -> None:
    assert list(columns) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-01", date(2024, 3, 1)),
        ("2024-03-01T08:00:00Z", date(2024, 3, 1)),
        (" 2024-03-01 ", date(2024, 3, 1)),
        (date(2020, 1, 2), date(2020, 1, 2)),
        (None, None),
        ("", None),
        ("March 2024", None),
    ],
)
def test_rows_parse_date(value: str | date | None, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_rows_event_row_has_every_column(sample) -> None:
    for _, events, _ in sample:
        for event in events:
            assert list(event_row(event, "r1")) == list(EVENT_COLUMNS)


def test_rows_event_row_flattens_actor_and_evidence(sample) -> None:
    e1 = sample[0][1][0]
    row = event_row(e1, "r1")
    assert row["source_sectors"] == ["GOV", "ELI"]
    assert row["target_code"] == "CHN" and row["source_entity_id"] == "Q30"
    assert row["speaker"] == "Reuters" and row["reported_by"] == "AP"
    assert row["date"] == date(2024, 3, 1) and row["run_id"] == "r1"
    assert [span["rule"] for span in json.loads(row["evidence_json"])] == ["v1", "v2"]


def test_rows_missing_target_is_null(sample) -> None:
    row = event_row(sample[1][1][0])
    assert all(row[f"target_{c}"] is None for c in ACTOR)
    assert len(json.loads(row["evidence_json"])) == 1


def test_rows_row_to_event_round_trips_to_dict(sample) -> None:
    for _, events, _ in sample:
        for event in events:
            assert row_to_event(event_row(event)).to_dict() == event.to_dict()


@pytest.mark.parametrize(
    ("flat", "sentence_cell"),
    [
        (False, 'Troops "shelled"\tthe town,\nofficials said; ünïcode.'),
        (True, 'Troops "shelled" the town, officials said; ünïcode.'),
    ],
)
def test_rows_text_cells(sample, flat: bool, sentence_cell: str) -> None:
    cells = dict(zip(EVENT_COLUMNS, text_cells(event_row(sample[1][1][0]), flat=flat), strict=True))
    assert cells["sentence"] == sentence_cell
    assert cells["source_text"] == ("Russian troops" if flat else "Russian\ttroops")
    assert cells["date"] == "" and cells["target_code"] == "" and cells["goldstein"] == "-10.0"


def test_rows_text_cells_join_sectors(sample) -> None:
    cells = dict(zip(EVENT_COLUMNS, text_cells(event_row(sample[0][1][0])), strict=True))
    assert cells["source_sectors"] == "GOV;ELI" and cells["target_sectors"] == ""


def test_rows_document_and_reject_rows(sample) -> None:
    doc = sample[0][0]
    row = document_row(doc, n_sentences=2, n_events=2, run_id="r1")
    assert list(row) == list(DOCUMENT_COLUMNS)
    assert row["content_hash"] == doc.content_hash and row["n_chars"] == len(doc.text)
    assert row["date"] == date(2024, 3, 1)
    assert json.loads(row["removed_json"]) == [
        {"start": 0, "end": 5, "reason": "boilerplate", "text": "Menu "}
    ]
    assert reject_row(Reject("f:3", "bad json", "E201"), "r1") == {
        "origin": "f:3",
        "doc_id": None,
        "code": "E201",
        "reason": "bad json",
        "run_id": "r1",
    }
