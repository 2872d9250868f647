"""Fixtures for store tests: events built directly from the records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from detente.records import (
    Actor,
    Attribution,
    Document,
    Event,
    Evidence,
    Plover,
    RemovedSpan,
    make_event_id,
)
from detente.store.duckdb_store import EventStore

EventFactory = Callable[..., Event]


def _actor(code: str | None, country: str | None, **kw: Any) -> Actor:
    return Actor(
        text=kw.pop("text", code or "someone"),
        name=kw.pop("name", code or "Someone"),
        code=code,
        country=country,
        **kw,
    )


@pytest.fixture
def make_event() -> EventFactory:
    def build(
        doc_id: str = "d1",
        cameo: str = "042",
        source: Actor | None = None,
        target: Actor | None = None,
        *,
        date: str | None = "2024-03-01",
        goldstein: float = 1.9,
        quad_class: int = 1,
        sentence: str = "The president visited Beijing.",
        sentence_index: int = 0,
        extra_evidence: tuple[Evidence, ...] = (),
        **kw: Any,
    ) -> Event:
        evidence = Evidence(
            sentence=sentence, start=0, end=len(sentence), trigger="visit", rule="v1"
        )
        return Event(
            event_id=make_event_id(doc_id, cameo, source, target),
            doc_id=doc_id,
            sentence_index=sentence_index,
            date=date,
            source=source,
            target=target,
            cameo=cameo,
            root=cameo[:2],
            goldstein=goldstein,
            quad_class=quad_class,
            plover=kw.pop("plover", Plover("CONSULT", "visit")),
            modality=kw.pop("modality", "realized"),
            attribution=kw.pop("attribution", Attribution()),
            evidence=evidence,
            all_evidence=(evidence, *extra_evidence) if extra_evidence else (),
            **kw,
        )

    return build


@pytest.fixture
def usa() -> Actor:
    return _actor(
        "USAGOV",
        "USA",
        name="United States",
        sectors=("GOV", "ELI"),
        type="state",
        entity_id="Q30",
        start=4,
        end=13,
    )


@pytest.fixture
def chn() -> Actor:
    return _actor("CHN", "CHN", text="Beijing", name="China", type="state")


@pytest.fixture
def rus() -> Actor:
    return _actor("RUSMIL", "RUS", text="Russian\ttroops", name="Russia", sectors=("MIL",))


@pytest.fixture
def sample(
    make_event: EventFactory, usa: Actor, chn: Actor, rus: Actor
) -> list[tuple[Document, list[Event], int]]:
    """Three documents: two events with rich fields, one with awkward text, one empty doc."""
    d1 = Document(
        doc_id="d1",
        text="The president visited Beijing.",
        title="Visit",
        date="2024-03-01T08:00:00Z",
        url="http://x/1",
        source="wire",
        origin="in:1",
        language="en",
        removed=(RemovedSpan(0, 5, "boilerplate", "Menu "),),
    )
    d2 = Document(
        doc_id="d2",
        text="Troops shelled\tthe town.\nOfficials said.",
        date="2024-04-02",
        origin="in:2",
    )
    d3 = Document(doc_id="d3", text="Nothing here.", origin="in:3", duplicate_of="d1")
    second = Evidence(sentence="Again, a visit.", start=40, end=55, trigger="visit", rule="v2")
    e1 = make_event(
        "d1",
        "042",
        usa,
        chn,
        extra_evidence=(second,),
        mentions=2,
        attribution=Attribution(speaker="Reuters", reported_by="AP"),
    )
    e2 = make_event(
        "d1",
        "036",
        chn,
        usa,
        goldstein=4.0,
        quad_class=1,
        plover=Plover("COOPERATE", None),
        modality="intent",
        sentence_index=1,
    )
    e3 = make_event(
        "d2",
        "190",
        rus,
        None,
        date=None,
        goldstein=-10.0,
        quad_class=4,
        sentence='Troops "shelled"\tthe town,\nofficials said; ünïcode.',
        plover=Plover("ASSAULT", "shell"),
    )
    return [(d1, [e1, e2], 2), (d2, [e3], 2), (d3, [], 1)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EventStore]:
    with EventStore(tmp_path / "events.duckdb") as opened:
        yield opened
