"""Tokens and Title Case headline runs, for finding widgets flattened into text.

:class:`HeadlineScanner` knows, from a :class:`~detente.ingest.lexicon.JunkLexicon`, which
tokens are capitalised, which are headline function words, where a sentence ends, where
a teaser run closes with "MORE" and where a run of related headlines stops and the real
text resumes. :class:`DocContext` holds what a document says about its own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from detente.ingest.lexicon import JunkLexicon

__all__ = [
    "CLAUSE_PUNCT_RE",
    "MAX_TEASER",
    "DocContext",
    "HeadlineScanner",
    "Token",
    "find_glue_points",
]

_RAW_TOKEN_RE = re.compile(r"\S+")
_INDEX_WORD_RE = re.compile(r"[A-Z]?[a-z'\-]+|[A-Z]+(?![a-z])|\d+")
_LEAD_PUNCT = "\"'([{"
_TRAIL_PUNCT = "\"'.,;:!?)]}"
_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*$")
CLAUSE_PUNCT_RE = re.compile(r"[.!?,;:][\"')\]]*$")
_INITIAL_RE = re.compile(r"^[A-Z]\.$")

# Limits (in tokens) on a teaser run and a headline run; a name that resumes the text
# after a headline has at most _MAX_NAME words.
MAX_TEASER = 80
_MAX_HEADLINE = 30
_MAX_NAME = 3


@dataclass(frozen=True, slots=True)
class Token:
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


class DocContext:
    """What one document tells about its own words (for telling names from headlines)."""

    def __init__(self, text: str) -> None:
        self.text = text
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


class HeadlineScanner:
    """Token predicates and the teaser and headline scans, built from the lexicon."""

    def __init__(self, lexicon: JunkLexicon) -> None:
        self.lexicon = lexicon
        agencies = "|".join(sorted(lexicon.image_agencies, key=len, reverse=True))
        self.anchor_re = re.compile(
            rf"(?<![0-9])\d{{6,8}}(?:{agencies})(?![a-z])"
            rf"|(?<![A-Za-z])(?:{agencies})\d{{6,8}}(?![0-9])"
        )

    def tokenize(self, line: str, anchors: list[re.Match[str]]) -> list[Token]:
        """Whitespace tokens, split again at glue points and after photo-slug anchors."""
        toks: list[Token] = []
        for m in _RAW_TOKEN_RE.finditer(line):
            raw = m.group()
            extra = [a.end() - m.start() for a in anchors if m.start() < a.end() < m.end()]
            cuts = sorted({0, *find_glue_points(raw, self.lexicon), *extra, len(raw)})
            for i in range(len(cuts) - 1):
                a, b = cuts[i], cuts[i + 1]
                toks.append(Token(m.start() + a, m.start() + b, raw[a:b], glued=i > 0))
        return toks

    def is_cap(self, tok: Token) -> bool:
        core = tok.core
        return bool(core) and (core[0].isupper() or core[0].isdigit() or core == "&")

    def is_function(self, tok: Token) -> bool:
        core = tok.core
        return bool(core) and core[0].islower() and core in self.lexicon.headline_function_words

    def ends_sentence(self, tok: Token) -> bool:
        text = tok.text
        if not _SENTENCE_END_RE.search(text):
            return False
        bare = text.lstrip(_LEAD_PUNCT).rstrip("\"')]}")
        return bare not in self.lexicon.abbreviations and not _INITIAL_RE.match(bare)

    def more_after(self, toks: list[Token], k: int) -> int | None:
        """Index of the "MORE" closing a teaser run from token ``k``.

        A teaser run holds no punctuation that ends a clause, no glued word and no photo
        slug: any of these means the run, if any, is over.
        """
        for j in range(k, min(len(toks), k + MAX_TEASER)):
            if self.is_more(toks, j):
                return j
            tok = toks[j]
            if (
                CLAUSE_PUNCT_RE.search(tok.text)
                or (j > k and tok.glued)
                or self.anchor_re.search(tok.text)
            ):
                return None
        return None

    def is_more(self, toks: list[Token], j: int) -> bool:
        """An all-caps "MORE" that is not part of an all-caps phrase ("WE WANT MORE")."""
        if toks[j].core != "MORE":
            return False
        prev = toks[j - 1].core if j > 0 else ""
        return not (len(prev) > 1 and prev.isupper())

    def headline_end(
        self,
        toks: list[Token],
        i: int,
        offset: int,
        ctx: DocContext,
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
            if self.is_cap(tok):
                if CLAUSE_PUNCT_RE.search(tok.text) or (j > i and tok.glued and standalone):
                    break
                functions = 0
            elif (
                self.is_function(tok)
                and functions < 2
                and j + 1 < len(toks)
                and (self.is_cap(toks[j + 1]) or self.is_function(toks[j + 1]))
            ):
                functions += 1
            else:
                break
            j += 1
        if j >= len(toks):
            if standalone or j - i < min_tokens or not self.is_cap(toks[j - 1]):
                return None
            return toks[j - 1].core_end
        if j == limit:
            return None
        comma_end = (
            not standalone
            and j > i
            and self.is_cap(toks[j])
            and self.is_cap(toks[j - 1])
            and toks[j].text.endswith(",")
            and (j + 1 >= len(toks) or toks[j + 1].core[:1].islower())
        )
        cont = self._continuation_start(toks, i, j, offset, ctx, junk_start, standalone)
        if comma_end and cont == j:
            # "... Twin Panda Cubs, said": the headline takes the word, the text resumes at ","
            return toks[j].core_end if j + 1 - i >= min_tokens else None
        cont = self._back_off(toks, i, cont, standalone, offset, ctx, junk_start)
        if cont - i < min_tokens or not self.is_cap(toks[cont - 1]):
            return None
        if standalone and not self._standalone_ok(toks, i, cont, offset, ctx):
            return None
        return toks[cont - 1].core_end

    def _back_off(
        self,
        toks: list[Token],
        i: int,
        cont: int,
        standalone: bool,
        offset: int,
        ctx: DocContext,
        junk_start: int,
    ) -> int:
        """Move the resumption point back over function words a headline cannot end with.

        In running text, also over "function word + Capital" pairs before a lowercase
        resumption when the capital is a day or month or a word the document uses
        elsewhere ("... Panda Cubs | on Friday in Paris, where").
        """
        while cont > i:
            if self.is_function(toks[cont - 1]):
                cont -= 1
                continue
            if standalone or cont - 2 < i or cont >= len(toks) or self.is_cap(toks[cont]):
                break
            word = toks[cont - 1]
            if word.glued or not self.is_cap(word) or not self.is_function(toks[cont - 2]):
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
        toks: list[Token],
        i: int,
        j: int,
        offset: int,
        ctx: DocContext,
        junk_start: int,
        standalone: bool,
    ) -> int:
        """Index of the token where the real text resumes after a run stopped at ``j``."""
        stop = toks[j]
        cont = j
        stop_lower = bool(stop.core) and stop.core[0].islower()
        if stop_lower and j - 1 > i and self.is_cap(toks[j - 1]):
            if toks[j - 1].core.lower() in self.lexicon.sentence_starters:
                cont = j - 1  # "... Film Awards | Following this"
        if standalone:
            return cont
        last = j - 1 if stop_lower or not self.is_cap(stop) else j
        b = last
        name_start = None
        while b > i and self.is_cap(toks[b]) and not toks[b].glued and last - b < _MAX_NAME + 1:
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
            and not self.is_function(toks[name_start - 1])
        ):
            cont = min(cont, name_start)
        return cont

    def _standalone_ok(
        self, toks: list[Token], i: int, cont: int, offset: int, ctx: DocContext
    ) -> bool:
        """Extra evidence for a headline that no name card or glue announced."""
        if cont - i < 4 or cont >= len(toks) or not toks[cont].core[:1].isupper():
            return False
        if CLAUSE_PUNCT_RE.search(toks[cont].text):
            return False
        if toks[cont].core.lower() not in self.lexicon.sentence_starters:
            return False
        run = toks[i:cont]
        if run[0].core.lower() in self.lexicon.sentence_starters:
            return False
        if not any(t.core.lower() in self.lexicon.headline_marker_words for t in run):
            return False
        if sum(1 for t in run if self.is_cap(t)) < 3:
            return False
        opening = " ".join(t.core for t in run[:2])
        return not ctx.recurs(opening, offset + run[0].start, (0, 0))
