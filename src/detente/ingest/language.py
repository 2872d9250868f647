"""Offline language identification with lingua, restricted to common news languages."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULT_LANGUAGES", "LanguageGate", "LanguageGuess"]

# ISO 639-1 codes of the languages the detector chooses among. Fewer languages make it
# faster and steadier; a text in a language not listed is attributed to the closest one.
DEFAULT_LANGUAGES: tuple[str, ...] = (
    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar",
    "fa", "zh", "ja", "ko", "id", "sv", "ro", "el", "hi", "he", "vi", "cs",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The most likely language (ISO 639-1) and its confidence (0..1)."""

    language: str
    confidence: float


class LanguageGate:
    """Detects the language of a text and says whether it is one the caller allows.

    The lingua detector is built on first use and dropped when the object is pickled,
    so a gate travels cheaply to worker processes.

    ``min_chars``: texts shorter than this are never rejected (too little evidence).
    ``min_confidence``: a text is rejected only when the top language is at least this sure.
    """

    def __init__(
        self,
        languages: Sequence[str] = DEFAULT_LANGUAGES,
        *,
        min_chars: int = 200,
        min_confidence: float = 0.7,
        sample_chars: int = 3000,
        high_accuracy: bool = False,
    ) -> None:
        if "en" not in languages:
            languages = ("en", *languages)
        self.languages = tuple(dict.fromkeys(code.lower() for code in languages))
        self.min_chars = min_chars
        self.min_confidence = min_confidence
        self.sample_chars = sample_chars
        self.high_accuracy = high_accuracy
        self._detector: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_detector"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _build(self) -> Any:
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        codes = [getattr(IsoCode639_1, code.upper()) for code in self.languages]
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        if not self.high_accuracy:
            builder = builder.with_low_accuracy_mode()
        return builder.build()

    def detect(self, text: str) -> LanguageGuess | None:
        """The most likely language of ``text``, or ``None`` when there is no evidence."""
        sample = text[: self.sample_chars]
        if not sample.strip():
            return None
        if self._detector is None:
            self._detector = self._build()
        values = self._detector.compute_language_confidence_values(sample)
        if not values or values[0].value <= 0:
            return None
        top = values[0]
        return LanguageGuess(top.language.iso_code_639_1.name.lower(), float(top.value))

    def check(self, text: str, allow: Collection[str] = ("en",)) -> tuple[str | None, str | None]:
        """``(language, problem)``: the language to record, and why the text is refused.

        ``problem`` is ``None`` when the text may go on: it is in an allowed language, or
        too short or too uncertain to refuse. ``language`` is ``None`` when unsure.
        """
        guess = self.detect(text)
        if guess is None:
            return None, None
        if guess.language in allow:
            return guess.language, None
        sure = guess.confidence >= self.min_confidence
        if len(text.strip()) < self.min_chars or not sure:
            return (guess.language if sure else None), None
        if set(allow) == {"en"}:
            return guess.language, f"language {guess.language!r} is not English"
        allowed = ", ".join(sorted(allow))
        return guess.language, f"language {guess.language!r} is not allowed ({allowed})"
