"""The ``detente`` command line: one Typer app, each command a thin wrapper.

Errors from the library (:class:`~detente.errors.DetenteError`) become a one-line message on
standard error and a non-zero exit status; nothing here holds coding logic.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from detente.errors import DetenteError

__all__ = ["app", "main"]

app = typer.Typer(
    name="detente",
    help="detente: code news text into CAMEO/PLOVER political events, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
actors_app = typer.Typer(help="Actor dictionary tools.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | tsv | parquet")]
OutOpt = Annotated[str | None, typer.Option("--out", "-o", help="Output file, or - for stdout.")]
DbOpt = Annotated[str | None, typer.Option("--db", help="DuckDB store file.")]


def _fail(exc: DetenteError) -> typer.Exit:
    err.print(f"error: {exc}", markup=False)
    return typer.Exit(code=2)


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    date: Annotated[str | None, typer.Option(help="Article date YYYY-MM-DD when missing.")] = None,
    fmt: FormatOpt = "jsonl",
    out_path: OutOpt = None,
    db: DbOpt = None,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    actors: Annotated[list[Path] | None, typer.Option(help="Extra actor YAML file(s).")] = None,
    rejects: Annotated[Path | None, typer.Option(help="Write rejects as JSONL here.")] = None,
    any_language: Annotated[bool, typer.Option(help="Code non-English text too.")] = False,
    ner: Annotated[bool, typer.Option(help="Use spaCy's NER (--no-ner: ~1.5x faster, "
                                      "slightly less accurate; see README).")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
) -> None:
    """Code news files into events.

    Example: detente code articles.jsonl --date 2024-03-01 --out events.jsonl
    Example: detente code story.txt --out - | head
    """
    from detente.cli.commands import code_command

    try:
        status = code_command(paths, date=date, fmt=fmt, out_path=out_path, db=db,
                              workers=workers, actor_files=actors or [], rejects=rejects,
                              any_language=any_language, quiet=quiet, console=err, ner=ner)
    except DetenteError as exc:
        raise _fail(exc) from exc
    raise typer.Exit(code=status)


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = "detente-demo.duckdb",
    limit: Annotated[int, typer.Option(help="Events to show.")] = 40,
) -> None:
    """Code the bundled sample corpus, show the events and the strongest dyads.

    Example: detente demo
    """
    from detente.cli.commands import demo_command

    try:
        demo_command(db, limit, out, err)
    except DetenteError as exc:
        raise _fail(exc) from exc


@app.command()
def explain(
    target: Annotated[str | None, typer.Argument(help="Document id or event id in --db, "
                                                 "or a text file.")] = None,
    db: DbOpt = None,
    text: Annotated[str | None, typer.Option(help="Explain this text instead.")] = None,
    date: Annotated[str | None, typer.Option(help="Date for --text or a file.")] = None,
) -> None:
    """Show sentences, actors, fired rules and suppressed candidates for one document.

    Example: detente explain --text "China refused to condemn Russia."
    Example: detente explain 3f2a9c1b7d0e4a55 --db detente.duckdb
    """
    from detente.cli.commands import explain_command

    try:
        explain_command(target, db=db, text=text, date=date, console=out)
    except DetenteError as exc:
        raise _fail(exc) from exc


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL file(s).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    clean_only: Annotated[bool, typer.Option(help="Only records with meta.quality == clean.")
                          ] = False,
    details: Annotated[Path | None, typer.Option(help="Write per-case details (JSONL).")] = None,
    baseline: Annotated[Path | None, typer.Option(help="Fail below the floors in this file.")
                        ] = None,
) -> None:
    """Precision, recall and F1 on gold files (root/country and full-code levels).

    Example: detente evaluate ../shared/eval/up_petr2_gsr.jsonl
    """
    from detente.cli.evaluate import evaluate_command

    try:
        status = evaluate_command(gold, as_json=as_json, clean_only=clean_only,
                                  details=details, baseline=baseline, console=out)
    except DetenteError as exc:
        raise _fail(exc) from exc
    raise typer.Exit(code=status)


@app.command()
def clean(
    path: Annotated[Path, typer.Argument(help="A text or HTML file.")],
    plain: Annotated[bool, typer.Option(help="Print only the cleaned text.")] = False,
) -> None:
    """Print a file's cleaned text with the removed spans marked.

    Example: detente clean article.txt
    """
    from detente.cli.commands import clean_command

    try:
        sys.stdout.write(clean_command(path, plain=plain))
    except DetenteError as exc:
        raise _fail(exc) from exc


@app.command()
def dyads(
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = "detente.duckdb",
    level: Annotated[str, typer.Option(help="country | code")] = "country",
    freq: Annotated[str | None, typer.Option(help="month | week")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Dyad summary from a store: event counts, Goldstein sums, quad classes.

    Example: detente dyads --db detente-demo.duckdb --freq month
    """
    from detente.cli.commands import dyads_command

    try:
        dyads_command(db, level=level, freq=freq, as_json=as_json, console=out)
    except DetenteError as exc:
        raise _fail(exc) from exc


@app.command()
def export(
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = "detente.duckdb",
    fmt: FormatOpt = "jsonl",
    out_path: Annotated[str, typer.Option("--out", "-o", help="File or directory, - = stdout")
                        ] = "-",
) -> None:
    """Export a store's events (GDELT-style TSV, CSV, JSONL or partitioned Parquet).

    Example: detente export --db detente-demo.duckdb --format tsv --out events.tsv
    """
    from detente.store.duckdb_store import EventStore
    from detente.store.export import export_events

    try:
        with EventStore(db, read_only=True) as store:
            target = sys.stdout if out_path == "-" else out_path
            partition = ("year", "root") if fmt == "parquet" and out_path != "-" else None
            n = export_events(store, fmt, target, partition_by=partition)
        err.print(f"exported {n} events")
    except DetenteError as exc:
        raise _fail(exc) from exc


@actors_app.command("check")
def actors_check(path: Annotated[Path, typer.Argument(help="Actor YAML file.")]) -> None:
    """Validate a user actor file; errors name file, line and field.

    Example: detente actors check mine.yaml
    """
    from detente.actors.dictionary import ActorDictionary

    try:
        problems = ActorDictionary.check(path)
    except DetenteError as exc:
        raise _fail(exc) from exc
    if problems:
        for problem in problems:
            err.print(problem, markup=False)
        raise typer.Exit(code=2)
    out.print(f"{path}: ok")


@actors_app.command("lookup")
def actors_lookup(
    text: Annotated[str, typer.Argument(help="A sentence or noun phrase.")],
    date: Annotated[str | None, typer.Option(help="Date for term-dated offices.")] = None,
) -> None:
    """Show how detente resolves the actors in a text.

    Example: detente actors lookup "Russian President Vladimir Putin met Wang Yi"
    """
    from detente.pipeline import Coder

    coded = Coder().code_text(text, date=date)
    for actor in coded.actors:
        out.print(json.dumps(actor.to_dict(), ensure_ascii=False), markup=False)


def main() -> None:
    app()
