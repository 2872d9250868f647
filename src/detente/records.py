"""Frozen typed records that flow through detente.

Readers produce :class:`Document` and :class:`Reject`; the spaCy components put
:class:`Actor` spans and :class:`Event` records on the Doc; only ``store/`` turns
them into rows (via :meth:`Event.to_dict`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "Actor",
    "Attribution",
    "Evidence",
    "Plover",
    "Event",
    "Suppressed",
    "Document",
    "Reject",
    "RemovedSpan",
    "Modality",
    "ActorType",
    "content_hash",
    "make_event_id",
]

Modality = Literal["realized", "intent", "hypothetical"]
ActorType = Literal["state", "person", "igo", "ngo", "group", "unknown"]


def content_hash(text: str) -> str:
    """A stable 16-hex-digit digest of a text (used as document key when no id is given)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor mention.

    ``code`` is CAMEO style (``CHNGOV``, ``IGOEUREEC``); ``country`` is the ISO3 code, or
    the IGO/NGO code for organisations; ``start``/``end`` are character offsets of the
    mention in the cleaned document text (-1 when unknown).
    """

    text: str
    name: str
    code: str | None
    country: str | None
    sectors: tuple[str, ...] = ()
    type: ActorType = "unknown"
    entity_id: str | None = None
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sectors": list(self.sectors),
            "type": self.type,
            "entity_id": self.entity_id,
        }


@dataclass(frozen=True, slots=True)
class Plover:
    event: str
    mode: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "mode": self.mode}


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said it (``speaker``) and who reported it (``reported_by``)."""

    speaker: str | None = None
    reported_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "reported_by": self.reported_by}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an event was coded: the sentence, offsets into the cleaned text, trigger, rule."""

    sentence: str
    start: int
    end: int
    trigger: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "rule": self.rule,
        }


def make_event_id(doc_id: str, cameo: str, source: Actor | None, target: Actor | None) -> str:
    """Stable id: one event per (document, source, target, code)."""
    key = "|".join(
        [
            doc_id,
            cameo,
            (source.code or source.text) if source else "-",
            (target.code or target.text) if target else "-",
        ]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when, with its evidence."""

    event_id: str
    doc_id: str
    sentence_index: int
    date: str | None
    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    goldstein: float
    quad_class: int
    plover: Plover
    modality: Modality
    attribution: Attribution
    evidence: Evidence
    mentions: int = 1
    all_evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "date": self.date,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": self.plover.to_dict(),
            "modality": self.modality,
            "attribution": self.attribution.to_dict(),
            "evidence": self.evidence.to_dict(),
            "mentions": self.mentions,
            "all_evidence": [e.to_dict() for e in (self.all_evidence or (self.evidence,))],
        }


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A candidate event that was dropped, kept so ``detente explain`` can say why."""

    cameo: str
    source: Actor | None
    target: Actor | None
    reason: str  # negated | hypothetical | sport_context | no_actor | junk | self_target ...
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "cameo": self.cameo,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "reason": self.reason,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A span cut from the text by the cleaner (offsets into the *original* text)."""

    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True)
class Document:
    """One input article, as read (``text``) or after cleaning (``removed`` filled)."""

    doc_id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # "path:line" or "path" or "-"
    html: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    removed: tuple[RemovedSpan, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not be coded, with where it came from and why."""

    origin: str  # "path:line", "path" or "-"
    reason: str
    code: str = "E200"
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "doc_id": self.doc_id, "code": self.code,
                "reason": self.reason}
