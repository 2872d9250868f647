"""How `detente evaluate` compares actor codes and event triples with gold ones."""

from __future__ import annotations

import pytest

from detente.evaluation import _actor_eq, _match, actor_level


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
