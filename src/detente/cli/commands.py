"""Implementations behind the CLI commands (thin: they call the library and print)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from detente.datafiles import data_path
from detente.errors import ConfigError, InputError
from detente.run import RunOptions, RunSummary, run

__all__ = [
    "code_command",
    "demo_command",
    "explain_command",
    "clean_command",
    "dyads_command",
    "print_summary",
]

FORMATS = ("jsonl", "csv", "tsv", "parquet")


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("coding"), BarColumn(), TaskProgressColumn(),
        TextColumn("{task.completed} docs · {task.fields[rate]:.1f} docs/s · "
                   "{task.fields[events]} events"),
        TimeElapsedColumn(), console=console, transient=True,
    )


def print_summary(summary: RunSummary, console: Console) -> None:
    s = summary
    console.print(
        f"documents {s.documents} · sentences {s.sentences} · events {s.events} · "
        f"rejects {s.rejects} · duplicates {s.duplicates} · cleaned {s.altered} · "
        f"seconds {s.seconds:.1f}"
        + (f" · {s.documents / s.seconds:.1f} docs/s" if s.seconds > 0 else ""),
        markup=False,
    )
    if s.undated:
        console.print(f"warning: {s.undated} document(s) have no date (stored as null); "
                      "use --date YYYY-MM-DD", markup=False)
    if s.reject_reasons:
        reasons = ", ".join(f"{k} ×{v}" for k, v in sorted(s.reject_reasons.items()))
        console.print(f"rejects by code: {reasons}", markup=False)


def code_command(
    paths: Sequence[str], *, date: str | None, fmt: str, out_path: str | None, db: str | None,
    workers: int, actor_files: Sequence[Path], rejects: Path | None, any_language: bool,
    quiet: bool, console: Console, ner: bool = True,
) -> int:
    """Run the coder; returns the exit status (non-zero only when nothing could be read)."""
    from detente.store.duckdb_store import EventStore
    from detente.store.export import EventWriter

    if fmt not in FORMATS:
        raise ConfigError("E502", f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if out_path == "-" and fmt == "parquet":
        raise ConfigError("E503", "parquet cannot be written to stdout; give --out DIR")
    if workers < 1:
        raise ConfigError("E504", "--workers must be at least 1")
    for actor_file in actor_files:
        if not actor_file.exists():
            raise InputError("E201", f"actor file not found: {actor_file}")
    if db is None and out_path is None:
        db = "detente.duckdb"
    options = RunOptions(
        date=date, workers=workers, actor_files=tuple(str(p) for p in actor_files),
        allow_languages=None if any_language else ("en",), use_ner=ner,
    )
    with ExitStack() as stack:
        store = stack.enter_context(EventStore(db)) if db else None
        writer = None
        if out_path is not None:
            target: Any = sys.stdout if out_path == "-" else out_path
            partition = ("year", "root") if fmt == "parquet" else None
            writer = stack.enter_context(EventWriter(fmt, target, partition_by=partition,
                                                     overwrite=True))
        rejects_out = stack.enter_context(rejects.open("w", encoding="utf-8")) if rejects else None
        run_id = store.begin_run(list(paths), {"date": date, "workers": workers}) if store else None
        progress = stack.enter_context(_progress(console)) if not quiet else None
        task = progress.add_task("coding", total=None, rate=0.0, events=0) if progress else None

        def tick(summary: RunSummary) -> None:
            if progress is not None and task is not None:
                progress.update(task, completed=summary.documents, rate=summary.docs_per_second,
                                events=summary.events)

        summary = run(paths, options, store=store, writer=writer, run_id=run_id,
                      rejects_out=rejects_out, stdin=sys.stdin, progress=tick)
        if progress is not None:
            progress.stop()
        if store is not None and run_id is not None:
            store.finish_run(run_id, summary.to_dict())
    if not quiet:
        print_summary(summary, console)
        where = [w for w in (db and f"store {db}", out_path and out_path != "-" and out_path) if w]
        if where:
            console.print("wrote " + ", ".join(str(w) for w in where), markup=False)
    nothing_read = summary.documents == 0 and summary.duplicates == 0
    return 1 if nothing_read and summary.rejects > 0 else (1 if nothing_read else 0)


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "—"
    return f"{actor.get('code') or '?'} ({actor.get('text')})"


def demo_command(db: str, limit: int, console: Console, err: Console) -> None:
    from detente.analysis.dyads import describe_dyad, strongest_dyads
    from detente.store.duckdb_store import EventStore

    sample = data_path("sample", "articles.jsonl")
    with EventStore(db) as store:
        run_id = store.begin_run([str(sample)], {"demo": True})
        with _progress(err) as progress:
            task = progress.add_task("coding", total=None, rate=0.0, events=0)

            def tick(summary: RunSummary) -> None:
                progress.update(task, completed=summary.documents,
                                rate=summary.docs_per_second, events=summary.events)

            summary = run([str(sample)], RunOptions(), store=store, run_id=run_id,
                          progress=tick)
        store.finish_run(run_id, summary.to_dict())
        rows = store.query(
            "SELECT date, source_code, source_text, cameo, target_code, target_text, modality, "
            "\"trigger\", \"rule\" FROM events ORDER BY date, doc_id, sentence_index LIMIT ?",
            [limit],
        )
        table = Table(title=f"Events in the sample corpus (first {limit})")
        for column in ("date", "source", "code", "target", "modality", "trigger"):
            table.add_column(column)
        from detente.events.cameo import CameoTable

        cameo = CameoTable.load()
        for row in rows:
            name = cameo.get(row["cameo"])
            table.add_row(str(row["date"]), _shown(row["source_code"], row["source_text"]),
                          f"{row['cameo']} {name.name[:38] if name else ''}",
                          _shown(row["target_code"], row["target_text"]), row["modality"],
                          row["trigger"])
        console.print(table)
        strongest = strongest_dyads(store, n=5)
        console.print("Strongest cooperative dyads (Goldstein sum):", markup=False)
        for dyad in strongest.cooperative:
            console.print("  " + describe_dyad(dyad), markup=False)
        console.print("Strongest conflictual dyads (Goldstein sum):", markup=False)
        for dyad in strongest.conflictual:
            console.print("  " + describe_dyad(dyad), markup=False)
    print_summary(summary, console)
    console.print(f"stored in {db}", markup=False)


def explain_command(target: str | None, *, db: str | None, text: str | None, date: str | None,
                    console: Console) -> None:
    from detente.cli.explain import explain_text, load_for_explain

    document, focus = load_for_explain(target, db=db, text=text, date=date)
    explain_text(document, console, focus_event=focus)


def clean_command(path: Path, plain: bool) -> str:
    from detente.ingest.clean import Cleaner, render_removed

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError("E201", f"cannot read {path}: {exc.strerror}") from exc
    if path.suffix.lower() in {".html", ".htm"}:
        from detente.ingest.html import extract_html

        page = extract_html(raw.decode("utf-8", "replace"))
        if page is None:
            raise InputError("E207", f"{path}: no main text found in the page")
        text = page.text
    else:
        text = raw.decode("utf-8", "replace")
    result = Cleaner().clean(text)
    return (result.text if plain else render_removed(text, result)) + "\n"


def dyads_command(db: str, *, level: str, freq: str | None, as_json: bool, console: Console
                  ) -> None:
    from detente.analysis.dyads import dyad_summary
    from detente.store.duckdb_store import EventStore

    with EventStore(db, read_only=True) as store:
        rows = dyad_summary(store, level=level, freq=freq)  # type: ignore[arg-type]
    if as_json:
        console.print(json.dumps(rows, default=str, indent=1), markup=False)
        return
    table = Table(title="Dyads")
    for column in ("period", "source", "target", "events", "goldstein", "v.coop", "m.coop",
                   "v.conf", "m.conf"):
        table.add_column(column)
    for row in rows:
        table.add_row(str(row.get("period") or ""), str(row["source"]), str(row["target"]),
                      str(row["events"]), f"{row['goldstein_sum']:.1f}", str(row["verbal_coop"]),
                      str(row["material_coop"]), str(row["verbal_conflict"]),
                      str(row["material_conflict"]))
    console.print(table)


def _shown(code: str | None, text: str | None) -> str:
    """An actor cell: its code, the text of an agent the coder could not place
    ("(police)"), or "—" when there is none (an unknown perpetrator, no target)."""
    if code:
        return code
    return f"({text})" if text else "—"
