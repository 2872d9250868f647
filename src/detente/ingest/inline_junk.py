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
from detente.ingest.lexicon import JunkLexicon

__all__ = ["InlineJunk", "find_glue_points"]

_RAW_TOKEN_RE = re.compile(r"\S+")
_LINE_RE = re.compile(r"[^\n]+")
_LOWER_WORD_RE = re.compile(r"(?<![\w'])[a-z][a-z'\-]+")
_CAP_WORD_RE = re.compile(r"[A-Z][a-z'\-]+")
_INDEX_WORD_RE = re.compile(r"[A-Z]?[a-z'\-]+|[A-Z]+(?![a-z])|\d+")
_LEAD_PUNCT = "\"'([{"
_TRAIL_PUNCT = "\"'.,;:!?)]}"
_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*$")
_CLAUSE_PUNCT_RE = re.compile(r"[.!?,;:][\"')\]]*$")
_INITIAL_RE = re.compile(r"^[A-Z]\.$")

# Limits on how far a widget reaches (in tokens): a name card, a teaser run, a headline.
_MAX_CARD = 6
_MAX_TEASER = 80
_MAX_HEADLINE = 30
_MAX_NAME = 3  # a name that resumes the text after a headline has at most this many words


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str
    glued: bool  # no whitespace before: the token was split off a glued raw token

    @property
    def core(self) -> str:
        return self.text.lstrip(_LEAD_PUNCT).rstrip(_TRAIL_PUNCT)

    @property
    def core_end(self) -> int:
        """End offset without trailing punctuation ("Cubs," ends before the comma)."""
        return self.start + len(self.text.rstrip(_TRAIL_PUNCT))


@dataclass(frozen=True, slots=True)
class _Part:
    start: int
    end: int
    reason: str


def find_glue_points(word: str, lexicon: JunkLexicon) -> list[int]:
    """Offsets inside ``word`` where a lowercase letter runs into a capital.

    Legitimate camel case is skipped: words in ``camelcase_words``, a part before the
    capital that is a name prefix (``Mc``, ``De``) or has at most two letters (``iPhone``).
    """
    points: list[int] = []
    word_start = 0
    for k in range(1, len(word)):
        if not word[k - 1].isalpha():
            word_start = k
            continue
        if not (word[k - 1].islower() and word[k].isupper()):
            continue
        left = word[word_start:k]
        if len(left) <= 2 or left in lexicon.camelcase_prefixes:
            continue
        if any(
            word.startswith(c, word_start) and k - word_start < len(c)
            for c in lexicon.camelcase_words
        ):
            continue
        points.append(k)
        word_start = k
    return points


class _Context:
    """What one document tells about its own words (for telling names from headlines)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower_words = {m.group() for m in _LOWER_WORD_RE.finditer(text)}
        self._words: list[tuple[int, str]] = []
        self._index: dict[str, list[int]] | None = None

    def occurrences(self, phrase: str) -> list[int]:
        """Start offsets of ``phrase`` (capitalised words) anywhere in the document."""
        if self._index is None:
            self._words = [(m.start(), m.group()) for m in _INDEX_WORD_RE.finditer(self.text)]
            self._index = {}
            for k, (_, word) in enumerate(self._words):
                if word[:1].isupper():
                    self._index.setdefault(word, []).append(k)
        parts = phrase.split()
        found: list[int] = []
        for k in self._index.get(parts[0], []):
            following = self._words[k : k + len(parts)]
            if [w for _, w in following] == parts:
                found.append(self._words[k][0])
        return found

    def recurs(self, phrase: str, here: int, junk: tuple[int, int]) -> bool:
        """Whether ``phrase`` also occurs away from ``here`` and outside ``junk``."""
        return any(
            pos != here and not (junk[0] <= pos < junk[1]) for pos in self.occurrences(phrase)
        )


class InlineJunk:
    """The inline-junk step: ``find(text) -> list[Edit]`` and ``__call__(text) -> str``."""

    def __init__(self, lexicon: JunkLexicon) -> None:
        self.lexicon = lexicon
        agencies = "|".join(sorted(lexicon.image_agencies, key=len, reverse=True))
        self._anchor_re = re.compile(
            rf"(?<![0-9])\d{{6,8}}(?:{agencies})(?![a-z])|(?<![A-Za-z])(?:{agencies})\d{{6,8}}(?![0-9])"
        )

    def __call__(self, text: str) -> str:
        return apply_edits(text, self.find(text))

    def find(self, text: str) -> list[Edit]:
        if not text:
            return []
        ctx = _Context(text)
        edits: list[Edit] = []
        for m in _LINE_RE.finditer(text):
            parts = self._line_parts(m.group(), m.start(), ctx)
            if parts:
                edits.extend(_repair(m.group(), m.start(), parts))
        return edits

    # -- tokens ----------------------------------------------------------------------

    def _tokenize(self, line: str, anchors: list[re.Match[str]]) -> list[_Tok]:
        """Whitespace tokens, split again at glue points and after photo-slug anchors."""
        toks: list[_Tok] = []
        for m in _RAW_TOKEN_RE.finditer(line):
            raw = m.group()
            extra = [a.end() - m.start() for a in anchors if m.start() < a.end() < m.end()]
            cuts = sorted({0, *find_glue_points(raw, self.lexicon), *extra, len(raw)})
            for i in range(len(cuts) - 1):
                a, b = cuts[i], cuts[i + 1]
                toks.append(_Tok(m.start() + a, m.start() + b, raw[a:b], glued=i > 0))
        return toks

    def _is_cap(self, tok: _Tok) -> bool:
        core = tok.core
        return bool(core) and (core[0].isupper() or core[0].isdigit() or core == "&")

    def _is_function(self, tok: _Tok) -> bool:
        core = tok.core
        return bool(core) and core[0].islower() and core in self.lexicon.headline_function_words

    def _ends_sentence(self, tok: _Tok) -> bool:
        text = tok.text
        if not _SENTENCE_END_RE.search(text):
            return False
        bare = text.lstrip(_LEAD_PUNCT).rstrip("\"')]}")
        return bare not in self.lexicon.abbreviations and not _INITIAL_RE.match(bare)

    # -- one line --------------------------------------------------------------------

    def _line_parts(self, line: str, offset: int, ctx: _Context) -> list[_Part]:
        anchors = list(self._anchor_re.finditer(line))
        toks = self._tokenize(line, anchors)
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
        self, line: str, offset: int, toks: list[_Tok], anchor: re.Match[str], ctx: _Context
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

    def _card_end(self, toks: list[_Tok], i: int, slug: str) -> int:
        """Index after the name card that starts at token ``i`` (``i`` when there is none)."""
        k = i
        while k < len(toks) and k - i < _MAX_CARD and self._is_cap(toks[k]):
            if k > i and toks[k].glued:
                return k
            if _CLAUSE_PUNCT_RE.search(toks[k].text):
                break
            k += 1
        k = i
        while k < len(toks) and k - i < _MAX_CARD and self._is_cap(toks[k]):
            core = toks[k].core.lower()
            if len(core) < 2 or core not in slug:
                break
            k += 1
        return k

    def _tail(
        self,
        toks: list[_Tok],
        k: int,
        offset: int,
        ctx: _Context,
        junk_start: int,
        *,
        min_tokens: int,
    ) -> _Part | None:
        """A teaser run through "MORE", or a run of Title Case headlines, from token ``k``."""
        if k >= len(toks):
            return None
        more = self._more_after(toks, k)
        if more is not None:
            return _Part(toks[k].start, toks[more].core_end, "teaser_more")
        end = self._headline_end(
            toks, k, offset, ctx, junk_start, min_tokens=min_tokens, standalone=False
        )
        if end is not None:
            return _Part(toks[k].start, end, "headline_run")
        return None

    def _more_after(self, toks: list[_Tok], k: int) -> int | None:
        """Index of the "MORE" closing a teaser run from token ``k``.

        A teaser run holds no punctuation that ends a clause, no glued word and no photo
        slug: any of these means the run, if any, is over.
        """
        for j in range(k, min(len(toks), k + _MAX_TEASER)):
            if self._is_more(toks, j):
                return j
            tok = toks[j]
            if (
                _CLAUSE_PUNCT_RE.search(tok.text)
                or (j > k and tok.glued)
                or self._anchor_re.search(tok.text)
            ):
                return None
        return None

    def _is_more(self, toks: list[_Tok], j: int) -> bool:
        """An all-caps "MORE" that is not part of an all-caps phrase ("WE WANT MORE")."""
        if toks[j].core != "MORE":
            return False
        prev = toks[j - 1].core if j > 0 else ""
        return not (len(prev) > 1 and prev.isupper())

    def _headline_end(
        self,
        toks: list[_Tok],
        i: int,
        offset: int,
        ctx: _Context,
        junk_start: int,
        *,
        min_tokens: int,
        standalone: bool,
    ) -> int | None:
        """End offset of a Title Case headline run starting at token ``i``, or ``None``.

        The run takes capitalised words and the lowercase function words between them.
        Where it stops, the real text resumes: at the lowercase word, or at the capital
        that opens a new sentence before it ("... Film Awards | Following this"), or at a
        name the document uses elsewhere ("... Film Awards | Xi Jinping said").
        """
        j = i
        functions = 0
        limit = min(len(toks), i + _MAX_HEADLINE)
        while j < limit:
            tok = toks[j]
            if self._is_cap(tok):
                if _CLAUSE_PUNCT_RE.search(tok.text) or (j > i and tok.glued and standalone):
                    break
                functions = 0
            elif (
                self._is_function(tok)
                and functions < 2
                and j + 1 < len(toks)
                and (self._is_cap(toks[j + 1]) or self._is_function(toks[j + 1]))
            ):
                functions += 1
            else:
                break
            j += 1
        if j >= len(toks):
            if standalone or j - i < min_tokens or not self._is_cap(toks[j - 1]):
                return None
            return toks[j - 1].core_end
        if j == limit:
            return None
        comma_end = (
            not standalone
            and j > i
            and self._is_cap(toks[j])
            and self._is_cap(toks[j - 1])
            and toks[j].text.endswith(",")
            and (j + 1 >= len(toks) or toks[j + 1].core[:1].islower())
        )
        cont = self._continuation_start(toks, i, j, offset, ctx, junk_start, standalone)
        if comma_end and cont == j:
            # "... Twin Panda Cubs, said": the headline takes the word, the text resumes at ","
            return toks[j].core_end if j + 1 - i >= min_tokens else None
        cont = self._back_off(toks, i, cont, standalone, offset, ctx, junk_start)
        if cont - i < min_tokens or not self._is_cap(toks[cont - 1]):
            return None
        if standalone and not self._standalone_ok(toks, i, cont, offset, ctx):
            return None
        return toks[cont - 1].core_end

    def _back_off(
        self,
        toks: list[_Tok],
        i: int,
        cont: int,
        standalone: bool,
        offset: int,
        ctx: _Context,
        junk_start: int,
    ) -> int:
        """Move the resumption point back over function words a headline cannot end with.

        In running text, also over "function word + Capital" pairs before a lowercase
        resumption when the capital is a day or month or a word the document uses
        elsewhere ("... Panda Cubs | on Friday in Paris, where").
        """
        while cont > i:
            if self._is_function(toks[cont - 1]):
                cont -= 1
                continue
            if standalone or cont - 2 < i or cont >= len(toks) or self._is_cap(toks[cont]):
                break
            word = toks[cont - 1]
            if word.glued or not self._is_cap(word) or not self._is_function(toks[cont - 2]):
                break
            here = offset + word.start
            known = word.core.lower() in self.lexicon.calendar_words or ctx.recurs(
                word.core, here, (junk_start, here)
            )
            if not known:
                break
            cont -= 2
        return cont

    def _continuation_start(
        self,
        toks: list[_Tok],
        i: int,
        j: int,
        offset: int,
        ctx: _Context,
        junk_start: int,
        standalone: bool,
    ) -> int:
        """Index of the token where the real text resumes after a run stopped at ``j``."""
        stop = toks[j]
        cont = j
        stop_lower = bool(stop.core) and stop.core[0].islower()
        if stop_lower and j - 1 > i and self._is_cap(toks[j - 1]):
            prev = toks[j - 1].core
            starter = prev.lower() in self.lexicon.sentence_starters
            if starter:
                cont = j - 1
        if standalone:
            return cont
        last = j - 1 if stop_lower or not self._is_cap(stop) else j
        b = last
        name_start = None
        while b > i and self._is_cap(toks[b]) and not toks[b].glued and last - b < _MAX_NAME + 1:
            phrase = " ".join(t.core for t in toks[b : last + 1])
            if not ctx.recurs(phrase, offset + toks[b].start, (junk_start, offset + toks[b].start)):
                break
            name_start = b
            b -= 1
        # A recurring phrase right after a function word ("Castle for | Undisclosed Sum")
        # is a repeated headline, not a name opening the next sentence.
        if (
            name_start is not None
            and last - name_start < _MAX_NAME
            and not self._is_function(toks[name_start - 1])
        ):
            cont = min(cont, name_start)
        return cont

    def _standalone_ok(
        self, toks: list[_Tok], i: int, cont: int, offset: int, ctx: _Context
    ) -> bool:
        """Extra evidence for a headline that no name card or glue announced."""
        if cont - i < 4 or cont >= len(toks) or not toks[cont].core[:1].isupper():
            return False
        if _CLAUSE_PUNCT_RE.search(toks[cont].text):
            return False
        if toks[cont].core.lower() not in self.lexicon.sentence_starters:
            return False
        run = toks[i:cont]
        if run[0].core.lower() in self.lexicon.sentence_starters:
            return False
        if not any(t.core.lower() in self.lexicon.headline_marker_words for t in run):
            return False
        if sum(1 for t in run if self._is_cap(t)) < 3:
            return False
        opening = " ".join(t.core for t in run[:2])
        return not ctx.recurs(opening, offset + run[0].start, (0, 0))

    # -- junk not announced by a photo slug -------------------------------------------

    def _glued_runs(
        self, toks: list[_Tok], offset: int, ctx: _Context, taken: list[_Part]
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

    def _teasers(self, toks: list[_Tok], taken: list[_Part]) -> list[_Part]:
        """A teaser run "... MORE" that starts at a sentence boundary."""
        parts: list[_Part] = []
        for j, tok in enumerate(toks):
            if not self._is_more(toks, j) or _inside(tok.start, taken + parts):
                continue
            s = j
            while s > 0 and j - s < _MAX_TEASER:
                prev = toks[s - 1]
                if self._ends_sentence(prev) or _inside(prev.start, taken + parts):
                    break
                s -= 1
            if s < j and self._is_cap(toks[s]) and (s == 0 or j - s < _MAX_TEASER):
                parts.append(_Part(toks[s].start, tok.end, "teaser_more"))
        return parts

    def _standalone_headlines(
        self, toks: list[_Tok], offset: int, ctx: _Context, taken: list[_Part]
    ) -> list[_Part]:
        """A Title Case headline wedged between two sentences."""
        parts: list[_Part] = []
        s = 0
        while s < len(toks):
            boundary = (
                s == 0 or self._ends_sentence(toks[s - 1]) or _inside(toks[s - 1].start, taken)
            )
            if boundary and not _inside(toks[s].start, taken + parts) and self._is_cap(toks[s]):
                end = self._headline_end(
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


def _repeated_name(toks: list[_Tok], k: int) -> int | None:
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
