"""Named schema migrations, kept as data: ``store/migrations/NNNN_name.sql``.

Migrations run in name order. Each one runs in its own transaction together with the
insert of its name into ``schema_migrations(name, applied_at)``, so applying is
idempotent: a migration already recorded is never run again.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import NamedTuple

import duckdb

from detente.errors import StoreError

__all__ = ["Migration", "load_migrations", "apply_migrations", "applied_migrations"]

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_LEDGER = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
)


class Migration(NamedTuple):
    """One schema step: ``name`` (``0001_initial``) and the SQL it runs."""

    name: str
    sql: str


def _default_dir() -> Traversable:
    return resources.files("detente.store").joinpath("migrations")


def load_migrations(directory: str | Path | Traversable | None = None) -> tuple[Migration, ...]:
    """The migrations in ``directory`` (default: the shipped ones), ordered by name.

    Raises :class:`StoreError` ``E302`` for a badly named file, two files with the same
    number, or an empty directory.
    """
    folder = _default_dir() if directory is None else directory
    folder = Path(folder) if isinstance(folder, str) else folder
    migrations: list[Migration] = []
    numbers: set[str] = set()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".sql"):
            continue
        match = _NAME.match(entry.name)
        if match is None:
            raise StoreError("E302", f"bad migration file name '{entry.name}' (want NNNN_name.sql)")
        if match.group(1) in numbers:
            raise StoreError("E302", f"two migrations numbered {match.group(1)} in {folder}")
        numbers.add(match.group(1))
        migrations.append(Migration(entry.name[: -len(".sql")], entry.read_text("utf-8")))
    if not migrations:
        raise StoreError("E302", f"no migrations found in {folder}")
    return tuple(migrations)


def applied_migrations(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, datetime]]:
    """``(name, applied_at)`` of every recorded migration, in name order."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return []
    rows = conn.execute("SELECT name, applied_at FROM schema_migrations ORDER BY name").fetchall()
    return [(str(name), at) for name, at in rows]


def apply_migrations(
    conn: duckdb.DuckDBPyConnection, migrations: tuple[Migration, ...] | None = None
) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied now.

    Raises :class:`StoreError` ``E302`` when a migration fails (its transaction is rolled
    back) or when the store records a migration this version of detente does not know.
    """
    steps = load_migrations() if migrations is None else migrations
    conn.execute(_LEDGER)
    done = {name for name, _ in applied_migrations(conn)}
    unknown = sorted(done - {m.name for m in steps})
    if unknown:
        raise StoreError(
            "E302", f"store has migrations unknown to this detente: {', '.join(unknown)}"
        )
    applied: list[str] = []
    for step in steps:
        if step.name in done:
            continue
        try:
            conn.execute("BEGIN TRANSACTION")
            conn.execute(step.sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?)",
                [step.name, datetime.now(UTC).replace(tzinfo=None)],
            )
            conn.execute("COMMIT")
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError("E302", f"migration {step.name} failed: {exc}") from exc
        applied.append(step.name)
    return applied
