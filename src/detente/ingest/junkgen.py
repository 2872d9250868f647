"""A seeded generator of scraped-page junk, and a score for how well a cleaner removes it.

Clean paragraphs go in; documents come out with web-page junk injected at random places
(photo slugs and name cards glued after a name mid-sentence, related headlines, teaser
runs ending in "MORE", photo credits, ads, newsletter prompts, bylines, datelines) and the
exact character spans of every injection. :func:`score_removal` then measures, over
non-space characters, how much junk a cleaner removed and how much real text it kept.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from detente.datafiles import data_path, validate_row, yaml_mapping
from detente.ingest.clean import CleanResult

__all__ = [
    "JunkSample",
    "JunkSpan",
    "JunkVocab",
    "RemovalScore",
    "generate_junk_corpus",
    "load_junk_vocab",
    "score_removal",
]

_MID_NAME_RE = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z'\-]+)(?=,? [a-z])")
_END_NAME_RE = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z'\-]+)\.(?= [A-Z])")
_SENTENCE_GAP_RE = re.compile(
    r"(?<![A-Z][a-z]\. )(?<![A-Z][a-z]{2}\. )(?<=[a-z0-9][.!?] )(?=[A-Z])"
)


class JunkVocab(BaseModel):
    """The invented names and headlines used for injection (``junkgen.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    people: list[tuple[str, str]] = Field(min_length=1)
    middle_names: list[str] = Field(min_length=1)
    headlines: list[str] = Field(min_length=1)
    teasers: list[str] = Field(min_length=1)
    image_agencies: list[str] = Field(min_length=1)
    image_roles: list[str] = Field(min_length=1)
    photographers: list[str] = Field(min_length=1)
    agencies: list[str] = Field(min_length=1)
    newsletters: list[str] = Field(min_length=1)
    lines: list[str] = Field(min_length=1)
    datelines: list[str] = Field(min_length=1)


def load_junk_vocab(path: Path | None = None) -> JunkVocab:
    """Load ``detente/data/ingest/junkgen.yaml`` (or the file at ``path``)."""
    path = path or data_path("ingest", "junkgen.yaml")
    raw = {key: value for key, (_, value) in yaml_mapping(path).items()}
    return validate_row(JunkVocab, raw, path, 1)


@dataclass(frozen=True, slots=True)
class JunkSpan:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class JunkSample:
    """A generated document and where its junk is."""

    doc_id: str
    text: str
    junk: tuple[JunkSpan, ...]


@dataclass
class _Piece:
    text: str
    kind: str | None = None  # None: real text


class _Builder:
    """Injects junk into a list of pieces, keeping real text and junk apart."""

    def __init__(self, paragraphs: Sequence[str], vocab: JunkVocab, rng: random.Random) -> None:
        self.vocab = vocab
        self.rng = rng
        self.pieces: list[_Piece] = []
        for i, para in enumerate(paragraphs):
            if i:
                self.pieces.append(_Piece("\n\n"))
            self.pieces.append(_Piece(para))

    def sample(self, doc_id: str) -> JunkSample:
        text_parts: list[str] = []
        spans: list[JunkSpan] = []
        pos = 0
        for piece in self.pieces:
            if piece.kind is not None and piece.text.strip():
                lead = len(piece.text) - len(piece.text.lstrip())
                trail = len(piece.text.rstrip())
                spans.append(JunkSpan(pos + lead, pos + trail, piece.kind))
            text_parts.append(piece.text)
            pos += len(piece.text)
        return JunkSample(doc_id, "".join(text_parts), tuple(spans))

    def _sites(self, regex: re.Pattern[str]) -> list[tuple[int, re.Match[str]]]:
        return [
            (i, m)
            for i, p in enumerate(self.pieces)
            if p.kind is None
            for m in regex.finditer(p.text)
        ]

    def _insert(self, index: int, at: int, new: list[_Piece], drop: int = 0) -> None:
        piece = self.pieces[index]
        head = _Piece(piece.text[:at])
        tail = _Piece(piece.text[at + drop :])
        self.pieces[index : index + 1] = [head, *new, tail]

    # -- junk strings --------------------------------------------------------------------

    def _date(self) -> str:
        month, day, year = (
            self.rng.randint(1, 12),
            self.rng.randint(1, 28),
            self.rng.randint(15, 23),
        )
        return (
            f"{month:02d}{day:02d}{year:02d}"
            if self.rng.random() < 0.4
            else (f"{month:02d}{day:02d}20{year:02d}")
        )

    def _tail(self, teaser: bool | None = None) -> tuple[str, str]:
        rng, v = self.rng, self.vocab
        if teaser is None:
            teaser = rng.random() < 0.5
        if teaser:
            runs = rng.sample(v.teasers, rng.randint(1, 3))
            words = runs[-1].split()
            runs[-1] = " ".join(words[: rng.randint(4, max(4, len(words) - 1))])
            return " ".join(runs) + " MORE", "teaser_more"
        return " ".join(rng.sample(v.headlines, rng.randint(1, 2))), "headline_run"

    def _card(self, first: str, last: str) -> str:
        if self.rng.random() < 0.25:
            return f"{first} {self.rng.choice(self.vocab.middle_names)} {last}"
        return f"{first} {last}"

    def _widget(self, first: str, last: str, lead: str) -> str:
        rng, v = self.rng, self.vocab
        slug = (last + first).lower() if rng.random() < 0.7 else (first + last).lower()
        anchor = self._date() + rng.choice(v.image_agencies)
        role = " " + rng.choice(v.image_roles) if rng.random() < 0.4 else ""
        tail, _ = self._tail()
        return f"{lead}{slug} {anchor}{role}{self._card(first, last)}{tail}"

    # -- injections ----------------------------------------------------------------------

    def widget_mid_sentence(self) -> bool:
        sites = self._sites(_MID_NAME_RE)
        if not sites:
            return False
        i, m = self.rng.choice(sites)
        lead = self.rng.choice([".", "", " "])
        self._insert(i, m.end(), [_Piece(self._widget(m.group(1), m.group(2), lead), "widget")])
        return True

    def widget_sentence_end(self) -> bool:
        sites = self._sites(_END_NAME_RE)
        if not sites:
            return False
        i, m = self.rng.choice(sites)
        if self.rng.random() < 0.5:  # the page lost the full stop, as in the seed article
            widget = self._widget(m.group(1), m.group(2), self.rng.choice(["", " "]))
            self._insert(i, m.end() - 1, [_Piece(widget, "widget")], drop=1)
        else:
            self._insert(i, m.end(), [_Piece(self._widget(m.group(1), m.group(2), " "), "widget")])
        return True

    def repeated_card(self) -> bool:
        sites = self._sites(_MID_NAME_RE)
        if not sites:
            return False
        i, m = self.rng.choice(sites)
        tail, _ = self._tail()
        card = f" {m.group(1)} {m.group(2)}{tail}"
        self._insert(i, m.end(), [_Piece(card, "repeated_card")])
        return True

    def between_sentences(self) -> bool:
        sites = self._sites(_SENTENCE_GAP_RE)
        if not sites:
            return False
        i, m = self.rng.choice(sites)
        rng, v = self.rng, self.vocab
        choice = rng.randrange(5)
        if choice == 0:
            junk, kind = self._tail(teaser=False)
        elif choice == 1:
            junk, kind = self._tail(teaser=True)
        elif choice == 2:
            junk, kind = "ADVERTISEMENT", "advertisement"
        elif choice == 3:
            junk = f"({rng.choice(['AP', 'AFP', 'Reuters'])} Photo/{rng.choice(v.photographers)})"
            kind = "photo_credit"
        else:
            junk, kind = rng.choice(v.newsletters), "newsletter"
        self._insert(i, m.start(), [_Piece(junk, kind), _Piece(" ")])
        return True

    def junk_line(self) -> bool:
        gaps = [i for i, p in enumerate(self.pieces) if p.kind is None and p.text == "\n\n"]
        rng, v = self.rng, self.vocab
        options = [
            *v.lines,
            f"{rng.choice(v.photographers)}/{rng.choice(v.agencies)}",
            f"Photo: {rng.choice(v.agencies)}",
            f"Read more: {rng.choice(v.headlines)}",
            rng.choice(v.newsletters),
        ]
        line = rng.choice(options)
        if gaps:
            i = rng.choice(gaps)
            self.pieces[i : i + 1] = [_Piece("\n\n"), _Piece(line, "line"), _Piece("\n\n")]
        else:
            self.pieces.extend([_Piece("\n\n"), _Piece(line, "line")])
        return True

    def byline(self) -> bool:
        if self.pieces and self.pieces[0].kind is not None:
            return False
        first, last = self.rng.choice(self.vocab.people)
        line = f"By {first} {last}, {self.rng.choice(self.vocab.agencies)}"
        self.pieces[0:0] = [_Piece(line, "byline"), _Piece("\n\n")]
        return True

    def dateline(self) -> bool:
        first = next(i for i, p in enumerate(self.pieces) if p.kind is None and p.text.strip())
        if any(p.kind for p in self.pieces[:first]) and self.pieces[0].kind != "byline":
            return False
        self.pieces.insert(first, _Piece(self.rng.choice(self.vocab.datelines), "dateline"))
        return True


def generate_junk_corpus(
    paragraphs: Sequence[str],
    n_docs: int = 120,
    seed: int = 0,
    vocab: JunkVocab | None = None,
) -> list[JunkSample]:
    """``n_docs`` documents of 1-3 paragraphs, each with 2-4 injections of junk."""
    vocab = vocab or load_junk_vocab()
    rng = random.Random(seed)
    samples: list[JunkSample] = []
    for n in range(n_docs):
        builder = _Builder(rng.sample(list(paragraphs), rng.randint(1, 3)), vocab, rng)
        injections: list[tuple[Callable[[], bool], float]] = [
            (builder.widget_mid_sentence, 3.0),
            (builder.widget_sentence_end, 1.5),
            (builder.repeated_card, 1.0),
            (builder.between_sentences, 2.0),
            (builder.junk_line, 1.5),
            (builder.byline, 0.4),
            (builder.dateline, 0.4),
        ]
        funcs = [f for f, _ in injections]
        weights = [w for _, w in injections]
        wanted, done = rng.randint(2, 4), 0
        for _ in range(20):
            if done == wanted:
                break
            done += rng.choices(funcs, weights)[0]()
        samples.append(builder.sample(f"junk-{seed}-{n:03d}"))
    return samples


@dataclass
class RemovalScore:
    """Character counts (non-space characters only) behind removal recall and precision."""

    junk_chars: int = 0
    junk_removed: int = 0
    real_chars: int = 0
    real_kept: int = 0
    junk_by_kind: Counter[str] = field(default_factory=Counter)
    removed_by_kind: Counter[str] = field(default_factory=Counter)

    @property
    def junk_recall(self) -> float:
        """Junk characters removed / junk characters."""
        return self.junk_removed / self.junk_chars if self.junk_chars else 1.0

    @property
    def real_kept_ratio(self) -> float:
        """Real characters kept / real characters."""
        return self.real_kept / self.real_chars if self.real_chars else 1.0

    def recall_by_kind(self) -> dict[str, float]:
        return {k: self.removed_by_kind[k] / n for k, n in sorted(self.junk_by_kind.items()) if n}


def score_removal(
    samples: Sequence[JunkSample], clean: Callable[[str], CleanResult]
) -> RemovalScore:
    """Score ``clean`` (e.g. ``Cleaner().clean``) on generated samples."""
    score = RemovalScore()
    for sample in samples:
        result = clean(sample.text)
        removed = bytearray(len(sample.text))
        for span in result.removed:
            removed[span.start : span.end] = b"\x01" * (span.end - span.start)
        kind_of: list[str | None] = [None] * len(sample.text)
        for junk in sample.junk:
            kind_of[junk.start : junk.end] = [junk.kind] * (junk.end - junk.start)
        for i, ch in enumerate(sample.text):
            if ch.isspace():
                continue
            kind = kind_of[i]
            if kind is None:
                score.real_chars += 1
                score.real_kept += not removed[i]
            else:
                score.junk_chars += 1
                score.junk_by_kind[kind] += 1
                if removed[i]:
                    score.junk_removed += 1
                    score.removed_by_kind[kind] += 1
    return score
