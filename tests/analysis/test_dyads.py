"""Dyad summaries, strongest dyads and the actor network on a hand-made set."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from detente.analysis.dyads import actor_network, describe_dyad, dyad_summary, strongest_dyads
from detente.errors import ConfigError
from detente.store.duckdb_store import EventStore

# (source, target, period, events, goldstein_sum, verbal_coop, material_coop, verbal_conflict,
#  material_conflict)
COUNTRY_ALL = [
    ("RUS", "UKR", None, 2, -12.0, 0, 0, 1, 1),
    ("USA", "CHN", None, 2, 10.0, 1, 1, 0, 0),
    ("CHN", "USA", None, 1, -5.0, 0, 0, 0, 1),
    ("FRA", "DEU", None, 1, 1.0, 1, 0, 0, 0),
    ("GBR", "FRA", None, 1, 3.4, 1, 0, 0, 0),
    ("UKR", "RUS", None, 1, -4.0, 0, 0, 1, 0),
]
JAN, FEB, MAR = date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)
COUNTRY_MONTHLY = [
    ("USA", "CHN", JAN, 2, 10.0, 1, 1, 0, 0),
    ("RUS", "UKR", JAN, 1, -10.0, 0, 0, 0, 1),
    ("CHN", "USA", FEB, 1, -5.0, 0, 0, 0, 1),
    ("RUS", "UKR", FEB, 1, -2.0, 0, 0, 1, 0),
    ("UKR", "RUS", FEB, 1, -4.0, 0, 0, 1, 0),
    ("FRA", "DEU", MAR, 1, 1.0, 1, 0, 0, 0),
]
COUNTRY_FROM_FEB = [
    ("CHN", "USA", None, 1, -5.0, 0, 0, 0, 1),
    ("FRA", "DEU", None, 1, 1.0, 1, 0, 0, 0),
    ("RUS", "UKR", None, 1, -2.0, 0, 0, 1, 0),
    ("UKR", "RUS", None, 1, -4.0, 0, 0, 1, 0),
]
KEYS = (
    "source", "target", "period", "events", "goldstein_sum",
    "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
)  # fmt: skip


def _table(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [tuple(round(r[k], 6) if k == "goldstein_sum" else r[k] for k in KEYS) for r in rows]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, COUNTRY_ALL),
        ({"freq": "month"}, COUNTRY_MONTHLY),
        ({"start": "2024-02-01"}, COUNTRY_FROM_FEB),
        (
            {"start": date(2024, 2, 1), "end": "2024-02-28"},
            COUNTRY_FROM_FEB[:1] + COUNTRY_FROM_FEB[2:],
        ),
    ],
)
def test_dyads_summary_country(
    dyad_store: EventStore, options: dict[str, Any], expected: list[tuple[Any, ...]]
) -> None:
    assert _table(dyad_summary(dyad_store, **options)) == expected


def test_dyads_summary_means_and_mentions(dyad_store: EventStore) -> None:
    rows = {(r["source"], r["target"]): r for r in dyad_summary(dyad_store)}
    assert rows[("RUS", "UKR")]["goldstein_mean"] == pytest.approx(-6.0)
    assert rows[("USA", "CHN")]["goldstein_mean"] == pytest.approx(5.0)
    assert rows[("USA", "CHN")]["mentions"] == 2


@pytest.mark.parametrize(
    ("freq", "expected"),
    [
        ("week", {date(2024, 1, 1): 1, date(2024, 1, 15): 1}),
        ("month", {date(2024, 1, 1): 2}),
    ],
)
def test_dyads_summary_periods(dyad_store: EventStore, freq: str, expected: dict) -> None:
    rows = dyad_summary(dyad_store, freq=freq)  # type: ignore[arg-type]
    got = {r["period"]: r["events"] for r in rows if (r["source"], r["target"]) == ("USA", "CHN")}
    assert got == expected


def test_dyads_summary_code_level(dyad_store: EventStore) -> None:
    pairs = {(r["source"], r["target"]): r["events"] for r in dyad_summary(dyad_store, "code")}
    assert pairs[("USAGOV", "CHNGOV")] == 1 and pairs[("USA", "CHN")] == 1
    assert len(pairs) == 8  # a9 has no target and is left out


@pytest.mark.parametrize(
    ("n", "cooperative", "conflictual"),
    [
        (2, [("USA", "CHN"), ("GBR", "FRA")], [("RUS", "UKR"), ("CHN", "USA")]),
        (
            5,
            [("USA", "CHN"), ("GBR", "FRA"), ("FRA", "DEU")],
            [("RUS", "UKR"), ("CHN", "USA"), ("UKR", "RUS")],
        ),
    ],
)
def test_dyads_strongest_ordering(
    dyad_store: EventStore, n: int, cooperative: list[tuple[str, str]], conflictual: list
) -> None:
    best = strongest_dyads(dyad_store, n=n)
    assert [(d["source"], d["target"]) for d in best.cooperative] == cooperative
    assert [(d["source"], d["target"]) for d in best.conflictual] == conflictual


def test_dyads_actor_network(dyad_store: EventStore) -> None:
    nodes, edges = actor_network(dyad_store)
    assert [n["id"] for n in nodes] == ["CHN", "DEU", "FRA", "GBR", "RUS", "UKR", "USA"]
    usa = next(n for n in nodes if n["id"] == "USA")
    assert (usa["events_out"], usa["events_in"]) == (2, 1)
    assert usa["goldstein_out"] == pytest.approx(10.0) and usa["goldstein_in"] == -5.0
    edge = next(e for e in edges if (e["source"], e["target"]) == ("RUS", "UKR"))
    assert edge["count"] == 2 and edge["goldstein_sum"] == pytest.approx(-12.0)
    assert len(edges) == 6


def test_dyads_describe(dyad_store: EventStore) -> None:
    top = strongest_dyads(dyad_store, n=1).conflictual[0]
    assert describe_dyad(top) == "RUS → UKR  2 events  Goldstein -12.0 (mean -6.00)"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"level": "region"}, "bad dyad level 'region'"),
        ({"freq": "year"}, "bad dyad freq 'year'"),
        ({"start": "yesterday"}, "bad start date 'yesterday'"),
    ],
)
def test_dyads_bad_options(dyad_store: EventStore, options: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        dyad_summary(dyad_store, **options)


def test_dyads_empty_store(tmp_path) -> None:
    with EventStore(tmp_path / "empty.duckdb") as store:
        assert dyad_summary(store) == []
        assert strongest_dyads(store) == ([], [])
        assert actor_network(store) == ([], [])
