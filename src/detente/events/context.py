"""Sport, entertainment and business contexts, where "Madrid attacked" is not an event.

A sentence is in a context when it has enough cue words itself, or when its document is
dense with them (``context.yaml``). Candidates there are suppressed unless one of their
actors is explicitly political: a person, an organisation, or a role-coded state agent
("Spanish police") rather than a bare place name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from detente.events.patterns import ContextLexicon
from detente.records import Actor

__all__ = ["SentenceContext", "explicitly_political"]

_SCORELINE = re.compile(r"\d{1,2}-\d{1,2}")


def explicitly_political(actor: Actor | None) -> bool:
    if actor is None or actor.code is None:
        return False
    if actor.type in {"igo", "ngo", "group"}:
        return True
    if actor.type == "person" and actor.sectors:
        return True
    return bool(actor.entity_id and actor.entity_id.startswith("code:") and actor.sectors)


class SentenceContext:
    """Cue-word counts per sentence and per document, computed on first use (a document with
    no candidate event never pays for them)."""

    def __init__(self, doc: Doc, lex: ContextLexicon) -> None:
        self.lex = lex
        self.doc = doc
        self._counted = False
        self.sentence_counts: dict[int, dict[str, int]] = {}
        self.document: dict[str, bool] = {}
        self.density: dict[str, float] = {}

    def _count(self) -> None:
        self._counted = True
        lex, doc = self.lex, self.doc
        by_lemma = lex.cue_index  # one dict lookup per token, not one per context
        n_tokens = max(1, sum(1 for t in doc if not t.is_punct))
        totals = dict.fromkeys(lex.contexts, 0)
        scoreline = lex.scoreline_context if lex.scoreline_context in lex.contexts else None
        for sent in doc.sents:
            counts = dict.fromkeys(lex.contexts, 0)
            for token in sent:
                for name in by_lemma.get(token.lemma_.lower(), ()):
                    counts[name] += 1
                if scoreline is not None and "-" in token.text and _SCORELINE.fullmatch(
                        token.text):
                    counts[scoreline] += 1  # "beat Ecuador 1-0"
            lowered = sent.text.lower()
            for name, multi in lex.phrases.items():  # "world cup", "box office"
                counts[name] += sum(lowered.count(p) for p in multi)
            self.sentence_counts[sent.start] = counts
            for name, value in counts.items():
                totals[name] += value
        self.document = {  # a one-line "document" with one cue word is no sports page
            name: 100.0 * value / n_tokens >= lex.document_min and value >= lex.document_min_cues
            for name, value in totals.items()
        }
        self.density = {name: 100.0 * value / n_tokens for name, value in totals.items()}

    def context_of(self, sent: Span) -> str | None:
        if not self._counted:
            self._count()
        counts = self.sentence_counts.get(sent.start, {})
        best: str | None = None
        best_score = 0.0
        for name in self.lex.contexts:
            sentence_hit = name in self.lex.sentence_contexts and counts.get(name, 0) >= (
                self.lex.sentence_min)
            if self.document.get(name) or sentence_hit:
                score = self.density.get(name, 0.0) + counts.get(name, 0)
                if score > best_score:
                    best, best_score = name, score
        return best

    def blocks(self, sent: Span, code: str, source: Actor | None, target: Actor | None
               ) -> str | None:
        """The suppression reason ("sport_context") or None."""
        name = self.context_of(sent)
        if name is None:
            return None
        if explicitly_political(source) or explicitly_political(target):
            return None
        coded = source is not None and source.code is not None
        if name == "business" and code[:2] not in self.lex.conflict_roots and coded:
            return None
        return f"{name}_context"
