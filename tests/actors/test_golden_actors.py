"""Golden hard cases for actor resolution, one test per record of tests/golden/actors.jsonl."""

from __future__ import annotations

import re
from typing import Any

import pytest
from golden_cases import golden_params

from detente.records import Actor


def _actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The coded actor whose mention overlaps [start, end), preferring the widest overlap and
    then the tightest mention ("Northern Ireland" inside "Police in Northern Ireland" is the
    place itself), as ``detente evaluate`` does."""
    best: tuple[int, int, Actor] | None = None
    for actor in actors:
        overlap = min(end, actor.end) - max(start, actor.start)
        key = (overlap, actor.start - actor.end)
        if overlap > 0 and (best is None or key > best[:2]):
            best = (*key, actor)
    return best[2] if best else None


@pytest.mark.parametrize("case", golden_params("actors.jsonl"))
def test_golden_actors_case(coder: Any, case: dict[str, Any]) -> None:
    coded = coder.code_text(case["text"], date=case.get("date"), doc_id=case["id"])
    actors = list(coded.actors)
    for want in case["actors"]:
        for match in re.finditer(re.escape(want["mention"]), case["text"]):
            actor = _actor_at(actors, match.start(), match.end())
            got = actor.code if actor else None
            assert got == want["code"], (
                f"{want['mention']!r} at {match.start()}: expected {want['code']}, got {got}")
            if want.get("country") is not None:
                assert actor is not None and actor.country == want["country"]
