"""Offline language identification and the English-only gate."""

from __future__ import annotations

import pickle

import pytest

from detente.ingest.language import LanguageGate

ENGLISH = (
    "Negotiators from both countries resumed talks in Geneva on Tuesday after a pause of six "
    "months, officials said. The delegations discussed a prisoner exchange and the reopening "
    "of border crossings, according to a statement from the foreign ministry."
)
GERMAN = (
    "Die Verhandlungen zwischen beiden L\u00e4ndern wurden am Dienstag in Genf nach einer Pause "
    "von sechs Monaten wieder aufgenommen. Die Delegationen sprachen \u00fcber einen "
    "Gefangenenaustausch und die \u00d6ffnung von Grenz\u00fcberg\u00e4ngen, hie\u00df es."
)
SPANISH = (
    "Los negociadores de ambos pa\u00edses reanudaron el martes las conversaciones en Ginebra "
    "tras una pausa de seis meses. Las delegaciones hablaron de un intercambio de prisioneros "
    "y de la reapertura de los pasos fronterizos, seg\u00fan un comunicado oficial."
)


@pytest.fixture(scope="module")
def gate() -> LanguageGate:
    return LanguageGate()


@pytest.mark.parametrize(
    ("text", "language", "problem"),
    [
        (ENGLISH, "en", None),
        (GERMAN, "de", "language 'de' is not English"),
        (SPANISH, "es", "language 'es' is not English"),
        ("Guten Tag, wie geht es Ihnen?", "de", None),  # short: never refused
        ("", None, None),
    ],
)
def test_language_check(
    gate: LanguageGate, text: str, language: str | None, problem: str | None
) -> None:
    found, why = gate.check(text)
    assert why == problem
    if language is not None:
        assert found == language


def test_language_allow_list(gate: LanguageGate) -> None:
    assert gate.check(GERMAN, allow={"en", "de"}) == ("de", None)
    assert gate.check(SPANISH, allow={"en", "de"})[1] == "language 'es' is not allowed (de, en)"


def test_language_gate_pickles_without_detector(gate: LanguageGate) -> None:
    gate.detect(ENGLISH)
    clone = pickle.loads(pickle.dumps(gate))
    assert clone._detector is None
    assert clone.check(GERMAN)[0] == "de"
