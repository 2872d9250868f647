"""Who an act noun belongs to: its possessor is the agent unless a superlative makes it the
place ("Iraq's deadliest attack"), and an ordinal does not ("Russia's first attack")."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(("text", "date", "source", "present"), [
    ("Gunmen killed the Baghdad governor in Iraq's highest-profile assassination in eight "
     "months.", "2005-01-04", "IRQ", False),
    ("A bomb exploded in the capital in Pakistan's deadliest attack this year.", "2023-01-30",
     "PAK", False),
    ("Russia's first attack on Kyiv since March killed five people.", "2022-06-05", "RUS",
     True),
    ("Israel's attack on the convoy drew condemnation.", "2024-04-02", "ISR", True),
])
def test_possessor_of_an_act_noun(coder: Any, text: str, date: str, source: str,
                                  present: bool) -> None:
    coded = coder.code_text(text, date=date)
    sources = {e.source.code for e in coded.events if e.source is not None}
    assert (source in sources) is present, [(e.source, e.cameo) for e in coded.events]


def test_a_country_with_a_sector_is_not_also_coded_bare(coder: Any) -> None:
    """"Peruvian authorities launched an offensive": PERGOV, not a second event by PER."""
    coded = coder.code_text("Peruvian authorities on Monday launched an offensive to retake a "
                            "police station.", date="2005-01-03")
    sources = [e.source.code for e in coded.events if e.source is not None]
    assert "PERGOV" in sources and "PER" not in sources


def test_an_echo_is_dropped_with_a_reason(coder: Any) -> None:
    """"launched missile strikes on Kyiv, killing 11 people": one event, and the dropped
    killing is listed for `detente explain`."""
    coded = coder.code_text("Russia launched missile strikes on Kyiv on Monday, killing at "
                            "least 11 people.", date="2022-10-10")
    assert [e.cameo for e in coded.events] == ["195"]
    assert any(s.reason == "echo of a fuller event" and s.cameo == "190"
               for s in coded.suppressed)
