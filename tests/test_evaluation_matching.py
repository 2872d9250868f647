"""How `detente evaluate` compares actor codes and event triples with gold ones."""

from __future__ import annotations

import pytest

from detente.evaluation import (
    _actor_eq,
    _match,
    _mention_span,
    _plover_2016,
    actor_level,
    plover_2016_codes,
    plover_renames,
)
from detente.events.cameo import CameoTable


@pytest.mark.parametrize(("gold", "pred", "equal"), [
    ("RUSGOV", "RUSGOV", True),
    ("PSEREB", "PSEREBHMS", True),     # a refinement of the gold code (Hamas) matches
    ("IGO", "IGOUNO", True),           # a bare IGO matches any IGO
    ("PSEREBHMS", "PSEREB", False),    # less specific than gold does not
    ("PSE", "PSECVL", False),          # country-only gold asks for no sector
    ("RUSGOV", "RUSMIL", False),
    ("ISR***", "ISRMIL", False),       # placeholders in gold never match
    (None, "RUS", False),
])
def test_actor_codes_compare_hierarchically(gold: str | None, pred: str, equal: bool) -> None:
    assert _actor_eq(gold, pred) is equal


def test_triples_match_one_to_one_with_null_gold_actor_as_wildcard() -> None:
    gold = [(None, "19", "UKR"), ("RUS", "19", "UKR")]
    pred = [("RUS", "19", "UKR")]
    assert _match(gold, pred, wildcard=True) == 1
    assert actor_level("IGOUNOMIL", "country") == "IGOUNO"
    assert actor_level("---GOV", "country") is None


@pytest.mark.parametrize(("code", "plover_2016"), [
    ("163", "SANCTION"),   # sanctions: SANCTION in the 2016 table, COERCE in 2021
    ("1712", "COERCE"),    # destroying property: COERCE in 2016, ASSAULT in 2021
    ("185", "ASSAULT"),    # an assassination attempt: 18 is ASSAULT in both tables
    ("0813", "CONCEDE"),   # easing a curfew: CONCEDE (081-083) in 2016, RETREAT in 2021
    ("192", "ASSAULT"),    # occupying territory: FIGHT (merged into ASSAULT) in 2016
    ("190", "ASSAULT"),    # unchanged codes keep their 2021 type
    ("091", "ACCUSE"),     # INVESTIGATE in 2016, merged into ACCUSE
])
def test_gold_plover_2016_labels_read_events_through_the_2016_table(code: str,
                                                                    plover_2016: str) -> None:
    from types import SimpleNamespace

    cameo = CameoTable.load()
    event = SimpleNamespace(cameo=code, plover=SimpleNamespace(event=cameo[code].plover_event))
    assert _plover_2016(event, plover_2016_codes(), plover_renames()) == plover_2016  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "mention", "found"),
    [
        ("Russian troops entered Kharkiv.", "Russian troops", "Russian troops"),
        ("NATO peacekeeping troops left.", "NATO  peacekeeping troops", "NATO peacekeeping troops"),
        ("U.S. and Iranian negotiators met.", "U.S. ... negotiators",
         "U.S. and Iranian negotiators"),
        ("US and British forces must leave.", "US forces", "US"),
        ("Nobody was there.", "Chinese envoy", None),
    ],
)
def test_abridged_gold_mentions_are_located(text: str, mention: str, found: str | None) -> None:
    span = _mention_span(text, mention)
    assert (text[span[0]:span[1]] if span else None) == found
