"""Golden hard cases for the event coder, one test per record of tests/golden/events.jsonl."""

from __future__ import annotations

from typing import Any

import pytest
from golden_cases import golden_params

from detente.events.arguments import ActorLookup  # noqa: F401  (import check)
from detente.records import Event


def _country(code: str | None) -> str | None:
    if code is None:
        return None
    return code[:6] if code[:3] in {"IGO", "NGO"} else code[:3]


def _code_ok(expected: str, got: str) -> bool:
    return got.startswith(expected)


def _matches(event: Event, want: dict[str, Any]) -> bool:
    src = event.source.code if event.source else None
    tgt = event.target.code if event.target else None
    def slot_ok(key: str, got: str | None) -> bool:  # "none": the slot must be empty
        return want.get(key) is None or (got is None if want[key] == "none" else want[key] == got)

    said = {"speaker": event.attribution.speaker, "reported_by": event.attribution.reported_by}
    return (
        slot_ok("source", src)
        and slot_ok("target", tgt)
        and _code_ok(str(want["code"]), event.cameo)
        and all(want[k] in (said[k] or "") for k in said if want.get(k))  # who says so
    )


def _forbidden(event: Event, absent: dict[str, Any]) -> bool:
    src = _country(event.source.code if event.source else None)
    tgt = _country(event.target.code if event.target else None)
    return (
        (absent.get("source") is None or _country(absent["source"]) == src)
        and (absent.get("target") is None or _country(absent["target"]) == tgt)
        and event.cameo.startswith(absent.get("code_prefix") or "")
    )


@pytest.mark.parametrize("case", golden_params("events.jsonl"))
def test_golden_events_case(coder: Any, case: dict[str, Any]) -> None:
    coded = coder.code_text(case["text"], date=case.get("date"), doc_id=case["id"])
    events = list(coded.events)
    shown = [(e.source.code if e.source else None, e.cameo,
              e.target.code if e.target else None) for e in events]
    for want in case.get("events", []):
        assert any(_matches(e, want) for e in events), f"missing {want}; got {shown}"
    for absent in case.get("absent", []):
        bad = [s for e, s in zip(events, shown, strict=True) if _forbidden(e, absent)]
        assert not bad, f"forbidden {absent} produced: {bad}"
