"""Event records serialise to the published JSON Schema, with offsets into the text."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from detente.datafiles import data_path

TEXTS = [
    ("The European Union imposed sanctions on Russia. Japan will send aid to Turkey.",
     "2024-02-23"),
    ("Wang said the Chinese Red Cross would provide assistance to Ukraine, according to "
     "Reuters.", "2022-03-07"),
    ("Kenyan police arrested dozens of protesters in Nairobi on Tuesday.", None),
]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(data_path("event.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "date"), TEXTS)
def test_records_events_match_schema(coder: Any, schema: dict[str, Any], text: str,
                                     date: str | None) -> None:
    coded = coder.code_text(text, date=date)
    assert coded.events
    for event in coded.events:
        record = json.loads(json.dumps(event.to_dict()))
        jsonschema.validate(record, schema)
        ev = record["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["sentence"]
        assert ev["trigger"] in ev["sentence"]
        assert record["date"] == date
