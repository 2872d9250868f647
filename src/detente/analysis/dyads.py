"""Dyad analysis over the event store: who does what to whom, and how (Goldstein, QuadClass).

Dyads are directed (source → target) and only events with both actors coded at the chosen
``level`` count: ``"country"`` groups by ISO3/IGO country, ``"code"`` by full CAMEO actor code.
Dates are inclusive; with ``freq`` (``"month"`` or ``"week"``, weeks start on Monday) undated
events are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal, NamedTuple

from detente.errors import ConfigError
from detente.store.duckdb_store import EventStore
from detente.store.rows import parse_date

__all__ = [
    "QUAD_CLASSES",
    "StrongestDyads",
    "dyad_summary",
    "strongest_dyads",
    "actor_network",
    "describe_dyad",
]

Level = Literal["country", "code"]
Freq = Literal["month", "week"]

#: CAMEO QuadClass number → the count column it feeds in :func:`dyad_summary`.
QUAD_CLASSES: Mapping[int, str] = {
    1: "verbal_coop",
    2: "material_coop",
    3: "verbal_conflict",
    4: "material_conflict",
}
_LEVELS = ("country", "code")
_FREQS = ("month", "week")


class StrongestDyads(NamedTuple):
    """The most cooperative (highest positive Goldstein sum) and most conflictual dyads."""

    cooperative: list[dict[str, Any]]
    conflictual: list[dict[str, Any]]


def _where(level: str, start: str | date | None, end: str | date | None) -> tuple[str, list[Any]]:
    if level not in _LEVELS:
        raise ConfigError("E510", f"bad dyad level '{level}' (choose from {', '.join(_LEVELS)})")
    clauses = [f"source_{level} IS NOT NULL", f"target_{level} IS NOT NULL"]
    params: list[Any] = []
    for op, value, name in ((">=", start, "start"), ("<=", end, "end")):
        if value is None:
            continue
        day = parse_date(value)
        if day is None:
            raise ConfigError("E510", f"bad {name} date '{value}' (want YYYY-MM-DD)")
        clauses.append(f"date {op} ?")
        params.append(day)
    return " AND ".join(clauses), params


def dyad_summary(
    store: EventStore,
    level: Level = "country",
    start: str | date | None = None,
    end: str | date | None = None,
    freq: Freq | None = None,
) -> list[dict[str, Any]]:
    """Per (source, target[, period]) totals.

    Each dict has ``source``, ``target``, ``period`` (first day of the month/week, or
    ``None`` without ``freq``), ``events``, ``mentions``, ``goldstein_sum``,
    ``goldstein_mean`` and one count per quad class (:data:`QUAD_CLASSES`). Ordered by
    period, then most events, then source and target.
    """
    where, params = _where(level, start, end)
    if freq is not None and freq not in _FREQS:
        raise ConfigError("E510", f"bad dyad freq '{freq}' (choose from {', '.join(_FREQS)})")
    period = f"date_trunc('{freq}', date)::DATE" if freq else "NULL::DATE"
    if freq:
        where += " AND date IS NOT NULL"
    quads = ", ".join(
        f"count(*) FILTER (WHERE quad_class = {number}) AS {name}"
        for number, name in QUAD_CLASSES.items()
    )
    sql = (
        f"SELECT source_{level} AS source, target_{level} AS target, {period} AS period,"
        " count(*) AS events, sum(mentions) AS mentions,"
        " sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,"
        f" {quads} FROM events WHERE {where}"
        " GROUP BY source, target, period"
        " ORDER BY period NULLS FIRST, events DESC, source, target"
    )
    rows = store.query(sql, params)
    for row in rows:
        row["goldstein_sum"] = float(row["goldstein_sum"] or 0.0)
        row["goldstein_mean"] = float(row["goldstein_mean"] or 0.0)
        row["mentions"] = int(row["mentions"] or 0)
    return rows


def strongest_dyads(
    store: EventStore,
    n: int = 5,
    *,
    level: Level = "country",
    start: str | date | None = None,
    end: str | date | None = None,
) -> StrongestDyads:
    """The ``n`` most cooperative and ``n`` most conflictual dyads by Goldstein sum.

    Cooperative: positive sums, highest first; conflictual: negative sums, most negative
    first. Ties go to the dyad with more events, then alphabetical order.
    """
    rows = dyad_summary(store, level=level, start=start, end=end)
    coop = sorted(
        (r for r in rows if r["goldstein_sum"] > 0),
        key=lambda r: (-r["goldstein_sum"], -r["events"], r["source"], r["target"]),
    )
    conflict = sorted(
        (r for r in rows if r["goldstein_sum"] < 0),
        key=lambda r: (r["goldstein_sum"], -r["events"], r["source"], r["target"]),
    )
    return StrongestDyads(coop[:n], conflict[:n])


def actor_network(
    store: EventStore,
    level: Level = "country",
    start: str | date | None = None,
    end: str | date | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and directed edges of the actor network (no plotting).

    Edges: ``source``, ``target``, ``count`` (events), ``goldstein_sum``. Nodes: ``id``,
    ``events_out``, ``events_in``, ``goldstein_out``, ``goldstein_in``; both sorted by id.
    """
    dyads = dyad_summary(store, level=level, start=start, end=end)
    edges = sorted(
        (
            {
                "source": d["source"],
                "target": d["target"],
                "count": d["events"],
                "goldstein_sum": d["goldstein_sum"],
            }
            for d in dyads
        ),
        key=lambda e: (e["source"], e["target"]),
    )
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for actor, side in ((edge["source"], "out"), (edge["target"], "in")):
            node = nodes.setdefault(
                actor,
                {
                    "id": actor,
                    "events_out": 0,
                    "events_in": 0,
                    "goldstein_out": 0.0,
                    "goldstein_in": 0.0,
                },
            )
            node[f"events_{side}"] += edge["count"]
            node[f"goldstein_{side}"] += edge["goldstein_sum"]
    return [nodes[key] for key in sorted(nodes)], edges


def describe_dyad(dyad: Mapping[str, Any]) -> str:
    """One line for a dyad row, e.g. ``USA → CHN  12 events  Goldstein +23.4 (mean +1.95)``."""
    return (
        f"{dyad['source']} → {dyad['target']}  {dyad['events']} events  "
        f"Goldstein {dyad['goldstein_sum']:+.1f} (mean {dyad['goldstein_mean']:+.2f})"
    )
