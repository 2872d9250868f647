"""Cut web-page widgets that were flattened *into* sentences, and mend the sentence.

Scraped pages glue "people cards" and related-headline boxes into the story text::

    ...with Secretary of State Anthony Blinken.blinkenanthony 11242020gettyAnthony
    BlinkenHouse is working on a bill ... assurances to MORE on Saturday, during which...

The signals, none of them tied to one article:

* a photo slug: lowercase name parts fused to a 6-8 digit date and an image agency
  (``putinvladimir 011519getty``), maybe followed by an image role (``lead``);
* a name card: capitalised name words glued without a space to the next word
  (``Anthony BlinkenHouse``): a lowercase letter followed by a capital inside a token,
  except for legitimate camel case (``McDonald``, ``YouTube``; see ``inline_junk.yaml``);
* a teaser run ending in an all-caps ``MORE``;
* related headlines in Title Case with no final punctuation.

Cuts are reported per part (``name_slug``, ``name_card``, ``teaser_more``,
``headline_run``) and the text around them is joined with a space, or with ". " when a
clause ended before the junk and a new sentence starts after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from detente.ingest.edits import Edit, apply_edits
from detente.ingest.headlines import (
    CLAUSE_PUNCT_RE,
    MAX_TEASER,
    DocContext,
    HeadlineScanner,
    Token,
    find_glue_points,
)
from detente.ingest.lexicon import JunkLexicon

__all__ = ["InlineJunk", "find_glue_points"]

_LINE_RE = re.compile(r"[^\n]+")
_CAP_WORD_RE = re.compile(r"[A-Z][a-z'\-]+")
_MAX_CARD = 6  # words in a name card


@dataclass(frozen=True, slots=True)
class _Part:
    start: int
    end: int
    reason: str


class InlineJunk:
    """The inline-junk step: ``find(text) -> list[Edit]`` and ``__call__(text) -> str``."""

    def __init__(self, lexicon: JunkLexicon) -> None:
        self.lexicon = lexicon
        self.scan = HeadlineScanner(lexicon)

    def __call__(self, text: str) -> str:
        return apply_edits(text, self.find(text))

    def find(self, text: str) -> list[Edit]:
        if not text:
            return []
        ctx = DocContext(text)
        edits: list[Edit] = []
        for m in _LINE_RE.finditer(text):
            parts = self._line_parts(m.group(), m.start(), ctx)
            if parts:
                edits.extend(_repair(m.group(), m.start(), parts))
        return edits

    # -- tokens ----------------------------------------------------------------------

    # -- one line --------------------------------------------------------------------

    def _line_parts(self, line: str, offset: int, ctx: DocContext) -> list[_Part]:
        anchors = list(self.scan.anchor_re.finditer(line))
        toks = self.scan.tokenize(line, anchors)
        if not toks:
            return []
        parts: list[_Part] = []
        for m in anchors:
            if not any(p.start <= m.start() < p.end for p in parts):
                parts.extend(self._widget(line, offset, toks, m, ctx))
        parts.extend(self._glued_runs(toks, offset, ctx, parts))
        parts.extend(self._teasers(toks, parts))
        parts.extend(self._standalone_headlines(toks, offset, ctx, parts))
        return sorted(parts, key=lambda p: p.start)

    def _widget(
        self, line: str, offset: int, toks: list[Token], anchor: re.Match[str], ctx: DocContext
    ) -> list[_Part]:
        """Slug + date/agency [+ role] [+ name card] [+ teaser or headlines]."""
        vocab = {
            w.group().lower()
            for w in _CAP_WORD_RE.finditer(line, max(0, anchor.start() - 400), anchor.end() + 400)
        }
        slug_start = self._slug_start(line, anchor.start(), vocab)
        i = next((k for k, t in enumerate(toks) if t.start >= anchor.end()), len(toks))
        slug_end = anchor.end()
        if i < len(toks):
            core = toks[i].core
            role = bool(core) and core.isalpha() and core.islower() and len(core) <= 12
            glued_next = i + 1 < len(toks) and toks[i + 1].glued
            if role and (core in self.lexicon.image_roles or glued_next):
                slug_end = toks[i].end
                i += 1
        parts = [_Part(slug_start, slug_end, "name_slug")]
        k = self._card_end(toks, i, line[slug_start : anchor.start()].lower())
        if k > i:
            parts.append(_Part(toks[i].start, toks[k - 1].end, "name_card"))
        tail = self._tail(toks, k, offset, ctx, offset + slug_start, min_tokens=2)
        if tail:
            parts.append(tail)
        return parts

    def _slug_start(self, line: str, anchor_start: int, vocab: set[str]) -> int:
        """Where the lowercase name slug before a date/agency anchor begins."""
        if anchor_start > 0 and line[anchor_start - 1].isalpha():
            raw_end = anchor_start
        elif anchor_start > 1 and line[anchor_start - 1] == " " and line[anchor_start - 2] != " ":
            raw_end = anchor_start - 1
        else:
            return anchor_start
        raw_start = line.rfind(" ", 0, raw_end) + 1
        raw = line[raw_start:raw_end]
        run = re.search(r"[a-z]+$", raw)
        if not run or len(run.group()) < 3:
            return anchor_start
        pre = raw[: run.start()]
        if not pre:
            return raw_start
        if pre[-1] in ".," and len(pre) > 1 and pre[-2].isalpha():
            return raw_start + len(pre) - 1
        if not pre[-1].isupper():
            return raw_start + run.start()
        word_start = len(pre) - 1
        word = raw[word_start:]
        split = _split_name_slug(word, vocab)
        return raw_start + word_start + split if split else anchor_start

    def _card_end(self, toks: list[Token], i: int, slug: str) -> int:
        """Index after the name card that starts at token ``i`` (``i`` when there is none)."""
        k = i
        while k < len(toks) and k - i < _MAX_CARD and self.scan.is_cap(toks[k]):
            if k > i and toks[k].glued:
                return k
            if CLAUSE_PUNCT_RE.search(toks[k].text):
                break
            k += 1
        k = i
        while k < len(toks) and k - i < _MAX_CARD and self.scan.is_cap(toks[k]):
            core = toks[k].core.lower()
            if len(core) < 2 or core not in slug:
                break
            k += 1
        return k

    def _tail(
        self,
        toks: list[Token],
        k: int,
        offset: int,
        ctx: DocContext,
        junk_start: int,
        *,
        min_tokens: int,
    ) -> _Part | None:
        """A teaser run through "MORE", or a run of Title Case headlines, from token ``k``."""
        if k >= len(toks):
            return None
        more = self.scan.more_after(toks, k)
        if more is not None:
            return _Part(toks[k].start, toks[more].core_end, "teaser_more")
        end = self.scan.headline_end(
            toks, k, offset, ctx, junk_start, min_tokens=min_tokens, standalone=False
        )
        if end is not None:
            return _Part(toks[k].start, end, "headline_run")
        return None

    # -- junk not announced by a photo slug -------------------------------------------

    def _glued_runs(
        self, toks: list[Token], offset: int, ctx: DocContext, taken: list[_Part]
    ) -> list[_Part]:
        """A repeated name glued to a headline run, or any word glued to a teaser run.

        ("with Maria Santos Maria SantosParliament Passes Budget ..."). Camel-case brand
        names glued to Title Case words are common in real text, so a glue point alone
        is not enough.
        """
        parts: list[_Part] = []
        for k in range(1, len(toks)):
            tok = toks[k]
            if not tok.glued or _inside(tok.start, taken + parts):
                continue
            left = toks[k - 1].core
            if len(left) < 3 or not left[:1].isupper():
                continue
            card = _repeated_name(toks, k)
            tail = self._tail(toks, k, offset, ctx, offset + tok.start, min_tokens=3)
            if tail is None or (card is None and tail.reason != "teaser_more"):
                continue
            if card is not None:
                parts.append(_Part(toks[card].start, toks[k - 1].end, "name_card"))
            parts.append(tail)
        return parts

    def _teasers(self, toks: list[Token], taken: list[_Part]) -> list[_Part]:
        """A teaser run "... MORE" that starts at a sentence boundary."""
        parts: list[_Part] = []
        for j, tok in enumerate(toks):
            if not self.scan.is_more(toks, j) or _inside(tok.start, taken + parts):
                continue
            s = j
            while s > 0 and j - s < MAX_TEASER:
                prev = toks[s - 1]
                if self.scan.ends_sentence(prev) or _inside(prev.start, taken + parts):
                    break
                s -= 1
            if s < j and self.scan.is_cap(toks[s]) and (s == 0 or j - s < MAX_TEASER):
                parts.append(_Part(toks[s].start, tok.end, "teaser_more"))
        return parts

    def _standalone_headlines(
        self, toks: list[Token], offset: int, ctx: DocContext, taken: list[_Part]
    ) -> list[_Part]:
        """A Title Case headline wedged between two sentences."""
        parts: list[_Part] = []
        s = 0
        while s < len(toks):
            boundary = (
                s == 0 or self.scan.ends_sentence(toks[s - 1]) or _inside(toks[s - 1].start, taken)
            )
            if boundary and not _inside(toks[s].start, taken + parts) and self.scan.is_cap(toks[s]):
                end = self.scan.headline_end(
                    toks, s, offset, ctx, offset + toks[s].start, min_tokens=4, standalone=True
                )
                if end is not None:
                    parts.append(_Part(toks[s].start, end, "headline_run"))
                    while s < len(toks) and toks[s].start < end:
                        s += 1
                    continue
            s += 1
        return parts


def _inside(pos: int, parts: list[_Part]) -> bool:
    return any(p.start <= pos < p.end for p in parts)


def _repeated_name(toks: list[Token], k: int) -> int | None:
    """Start of a name repeated right before token ``k`` ("Maria Santos Maria Santos")."""
    for n in (3, 2, 1):
        if k - 2 * n < 0:
            continue
        first = [t.core for t in toks[k - 2 * n : k - n]]
        second = [t.core for t in toks[k - n : k]]
        if first == second and all(w[:1].isupper() for w in second):
            return k - n
    return None


def _segmentable(text: str, vocab: set[str]) -> bool:
    """Whether ``text`` is a concatenation of words from ``vocab`` (each 2+ letters)."""
    reach = [False] * (len(text) + 1)
    reach[0] = True
    for a in range(len(text)):
        if not reach[a]:
            continue
        for b in range(a + 2, len(text) + 1):
            if text[a:b] in vocab:
                reach[b] = True
    return reach[len(text)]


def _split_name_slug(word: str, vocab: set[str]) -> int | None:
    """Where a slug starts inside ``Putinputinvladimir`` (the name it was glued to)."""
    for j in range(2, len(word) - 2):
        if word[j:].startswith(word[:j].lower()):
            return j
    for j in range(2, len(word) - 2):
        if _segmentable(word[j:], vocab):
            return j
    return None


def _repair(line: str, offset: int, parts: list[_Part]) -> list[Edit]:
    """Edits that cut ``parts`` from ``line`` and mend the text around each cut."""
    edits: list[Edit] = []
    groups: list[list[_Part]] = []
    group_end = -1
    for part in parts:
        if groups and (part.start < group_end or not line[group_end : part.start].strip()):
            groups[-1].append(part)
        else:
            groups.append([part])
        group_end = max(group_end, part.end)
    for group in groups:
        edits.extend(_repair_group(line, offset, group))
    return edits


def _repair_group(line: str, offset: int, group: list[_Part]) -> list[Edit]:
    start = group[0].start
    end = max(p.end for p in group)
    left = start
    while left > 0 and line[left - 1] == " ":
        left -= 1
    right = end
    while right < len(line) and line[right] == " ":
        right += 1
    before = line[:left]
    after = line[right:]
    if not before:
        joiner = ""
    elif not after:
        joiner = "." if before[-1].isalnum() else ""
    elif after[0] in ".,;:!?)]":
        joiner = ""
        if after[0] in ".!?" and before[-1] in ".!?":
            right += 1
    elif after[0].isupper() or (after[0] in "\"'" and after[1:2].isupper()):
        joiner = " " if re.search(r"[.!?:;][\"')\]]*$", before) else ". "
    else:
        joiner = " "
    edits: list[Edit] = []
    if left < start:
        edits.append(Edit(offset + left, offset + start))
    pos = start
    for n, part in enumerate(group):
        if part.end <= pos:
            continue
        nxt = group[n + 1].start if n + 1 < len(group) else end
        stop = max(part.end, min(nxt, end)) if n + 1 < len(group) else end
        edits.append(Edit(offset + max(pos, part.start), offset + stop, "", part.reason))
        pos = stop
    edits.append(Edit(offset + end, offset + right, joiner))
    return edits
