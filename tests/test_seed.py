"""The canonical scraped seed article codes end to end with the events it reports, and none
from the junk glued into it (the foundation issue's acceptance test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.app import app

SEED = "seed/000_60568be2170c2503.txt"
JUNK = ("blinkenanthony", "getty", "House is working on a bill", "average gas price",
        "Moldova", "MORE", "putinvladimir", "Kristen Stewart", "Independent Film Awards")


@pytest.fixture(scope="module")
def seed_events(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    out = tmp_path_factory.mktemp("seed") / "events.jsonl"
    result = CliRunner().invoke(app, ["code", str(shared_dir / SEED), "--date", "2022-03-07",
                                      "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _has(events: list[dict], src: str, tgt: str | None, prefixes: tuple[str, ...]) -> bool:
    return any(
        (e["source"] or {}).get("country") == src
        and (tgt is None or (e["target"] or {}).get("country") == tgt)
        and e["cameo"].startswith(prefixes)
        for e in events
    )


@pytest.mark.parametrize(
    ("src", "tgt", "prefixes"),
    [
        ("CHN", "RUS", ("05",)),
        ("USA", "RUS", ("163",)),
        ("IGOEUREEC", "RUS", ("163",)),
        ("CHN", "UKR", ("033", "07")),
        ("CHN", "USA", ("04",)),
        ("USA", "CHN", ("04",)),
        ("CHN", "RUS", ("04",)),
        ("RUS", "CHN", ("04",)),
        ("RUS", "CHN", ("05",)),
    ],
)
def test_seed_contains_event(seed_events: list[dict], src: str, tgt: str,
                             prefixes: tuple[str, ...]) -> None:
    assert _has(seed_events, src, tgt, prefixes), [
        (e["source"]["code"], e["cameo"], (e["target"] or {}).get("code")) for e in seed_events]


def test_seed_no_disapproval_of_russia(seed_events: list[dict]) -> None:
    assert not _has(seed_events, "CHN", "RUS", ("11",))


def test_seed_no_event_from_junk(seed_events: list[dict]) -> None:
    for event in seed_events:
        for evidence in event["all_evidence"]:
            assert not any(j in evidence["sentence"] for j in JUNK), evidence["sentence"]
    assert not any((e["target"] or {}).get("country") == "MDA" for e in seed_events)


def test_seed_intent_aid_is_attributed(seed_events: list[dict]) -> None:
    aid = [e for e in seed_events if e["cameo"].startswith("033")]
    assert aid and aid[0]["modality"] == "intent"
    assert aid[0]["evidence"]["rule"].startswith("v.provide_aid")
    assert aid[0]["attribution"]["speaker"]
