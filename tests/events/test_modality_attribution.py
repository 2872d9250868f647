"""Modality and attribution on coded events: who said it, who reported it, did it happen."""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    # text, code prefix, modality, speaker contains, reported_by contains
    ("Reuters reported that Russia attacked Kyiv on Monday.", "19", "realized", None, "Reuters"),
    ("The Ukrainian defence minister said Russia attacked Kharkiv.", "19", "realized",
     "defence minister", None),
    ("Wang Yi said the Chinese Red Cross would provide assistance to Ukraine, according to "
     "Reuters.", "033", "intent", "Wang Yi", "Reuters"),
    ("Germany will send tanks to Ukraine.", "0332", "intent", None, None),
    ("The United States threatened to impose sanctions on Iran.", "13", "realized", None, None),
    ("China refused to meet the Dalai Lama's envoy, said the Foreign Ministry.", "125",
     "realized", "foreign ministry", None),
    # the speaker told an outlet: the outlet reports it
    ("Israel struck targets in Lebanon, the Israeli military told Reuters.", "19", "realized",
     "military", "Reuters"),
    # a named outlet beats its role word, and media never speak
    ("China warned the Philippines on Monday, state news agency Xinhua said.", "13",
     "realized", None, "Xinhua"),
    ("Iran's state media reported that the navy had seized a foreign tanker.", "171",
     "realized", None, "state media"),
]


@pytest.mark.parametrize(("text", "prefix", "modality", "speaker", "reporter"), CASES)
def test_modality_attribution_case(coder: Any, text: str, prefix: str, modality: str,
                                   speaker: str | None, reporter: str | None) -> None:
    coded = coder.code_text(text, date="2024-04-02")
    events = [e for e in coded.events if e.cameo.startswith(prefix)]
    assert events, [(e.cameo, e.evidence.rule) for e in coded.events]
    event = events[0]
    assert event.modality == modality
    if speaker is None:
        assert event.attribution.speaker is None or reporter is not None
    else:
        assert speaker.lower() in (event.attribution.speaker or "").lower()
    if reporter is None:
        assert event.attribution.reported_by is None
    else:
        assert reporter in (event.attribution.reported_by or "")
    assert event.source is None or event.source.type != "media"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("China refused to condemn Russia on Monday.", "negated"),
        ("China did not attack Taiwan.", "negated"),
        ("Israel could strike Iran if talks fail.", "hypothetical"),
        ("Real Madrid attacked from the first whistle and beat Barcelona.", None),
    ],
)
def test_modality_suppressed_with_reason(coder: Any, text: str, reason: str | None) -> None:
    coded = coder.code_text(text, date="2024-04-02")
    assert not [e for e in coded.events if e.root in {"11", "19"}]
    if reason is not None:
        assert any(s.reason.startswith(reason) for s in coded.suppressed)


@pytest.mark.parametrize("text", [
    "Canada's military ombudsman will travel to Afghanistan next week, it is reported here.",
    "It was reported that Russia attacked Kharkiv.",
])
def test_an_impersonal_report_names_no_speaker(coder: Any, text: str) -> None:
    coded = coder.code_text(text, date="2024-04-02")
    assert coded.events, "the reported act is still coded"
    assert all(e.attribution.speaker is None for e in coded.events)
