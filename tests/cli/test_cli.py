"""The CLI through Typer's runner: exit codes, output and exact error text."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.app import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]

STORY = ("Russian forces shelled the Ukrainian city of Kharkiv on Tuesday. "
         "The European Union imposed new sanctions on Russia on Friday.")


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    lines = [
        json.dumps({"id": "a1", "text": "Japan sent humanitarian aid to Turkey.",
                    "date": "2023-02-08"}),
        "{not json",
        json.dumps({"id": "a2", "text": "   "}),
        json.dumps({"id": "a3", "title": "no text here"}),
    ]
    (folder / "sub" / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(folder / "sub" / "more.csv.gz", "wt", encoding="utf-8") as handle:
        handle.write("id,text,date\nc1,China and Russia held talks in Beijing.,2024-05-16\n")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    return folder


def test_cli_code_reads_everything_and_records_rejects(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    db = tmp_path / "store.duckdb"
    result = runner.invoke(app, ["code", str(inputs), "--date", "2024-01-10", "--out", str(out),
                                 "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    codes = {(e["source"]["code"], e["cameo"], (e["target"] or {}).get("code")) for e in events}
    assert ("IGOEUREEC", "163", "RUS") in codes
    assert ("JPN", "073", "TUR") in codes
    from detente.store.duckdb_store import EventStore

    with EventStore(db, read_only=True) as store:
        counts = store.counts()
        rejects = store.rejects()
    assert counts["documents"] == 3
    assert {r["code"] for r in rejects} >= {"E202", "E203", "E204"}
    assert all(r["origin"] for r in rejects)


def test_cli_code_stdout(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["code", str(story), "--out", "-", "--quiet"])
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert any(e["cameo"] == "163" for e in lines)


def test_cli_code_nothing_readable_exits_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(bad), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "rejects 1" in result.output


def test_cli_unknown_format_error_text(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["code", str(story), "--format", "xml", "--out", "-"])
    assert result.exit_code == 2
    assert "error: E502 unknown format 'xml'; use one of jsonl, csv, tsv, parquet" in result.output


@pytest.mark.parametrize("fmt", ["csv", "tsv", "parquet"])
def test_cli_code_formats(tmp_path: Path, fmt: str) -> None:
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["code", str(story), "--date", "2024-02-02", "--format", fmt,
                                 "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_cli_explain_shows_suppressed_negation() -> None:
    result = runner.invoke(app, ["explain", "--text",
                                 "China refused to condemn Russia on Monday.", "--date",
                                 "2022-03-07"])
    assert result.exit_code == 0, result.output
    assert "dropped CHN -> 111 -> RUS: negated" in result.output


def test_cli_explain_event_from_store(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    db = tmp_path / "x.duckdb"
    assert runner.invoke(app, ["code", str(story), "--db", str(db), "--quiet"]).exit_code == 0
    from detente.store.duckdb_store import EventStore

    with EventStore(db, read_only=True) as store:
        event_id = store.events()[0]["event_id"]
    result = runner.invoke(app, ["explain", event_id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"id {event_id}" in result.output and "* EVENT" in result.output


def test_cli_explain_unknown_id(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    from detente.store.duckdb_store import EventStore

    with EventStore(db):
        pass
    result = runner.invoke(app, ["explain", "nope", "--db", str(db)])
    assert result.exit_code == 2
    assert f"error: E209 no document or event 'nope' in {db}" in result.output


def test_cli_evaluate_json(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"id": "1", "text": "The European Union imposed sanctions on Russia.", "date": "2024-02-23",
         "events": [{"source": "IGOEUREEC", "target": "RUS", "code": "163"}]},
        {"id": "2", "text": "Chelsea beat Arsenal 2-1 in the league.", "date": None, "events": []},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["levels"]["root"]["f1"] == 1.0
    assert report["levels"]["full"]["tp"] == 1
    assert report["no_event_cases"] == 1 and report["no_event_false_positives"] == 0


def test_cli_demo(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = runner.invoke(app, ["demo", "--db", str(db), "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "Strongest cooperative dyads" in result.output
    assert "Strongest conflictual dyads" in result.output
    assert re.search(r"documents \d+ · sentences \d+ · events \d+", result.output)


def test_cli_actors_check_reports_file_line_field(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("organisations:\n  - code: IGOXYZ\n    name: 12\n    nonsense: true\n",
                   encoding="utf-8")
    result = runner.invoke(app, ["actors", "check", str(bad)])
    assert result.exit_code == 2
    assert "mine.yaml:3 (field 'name')" in result.output


def test_cli_every_command_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    def name(command: object) -> str:
        return command.name or command.callback.__name__.replace("_", "-")  # type: ignore

    names = [name(c) for c in app.registered_commands]
    group = app.registered_groups[0].typer_instance
    names += [f"actors {name(c)}" for c in group.registered_commands]
    for name in names:
        assert f"detente {name}" in readme, f"README does not document `detente {name}`"
