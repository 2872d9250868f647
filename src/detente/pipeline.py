"""Code documents: clean text in, events out. The library's main entry point.

>>> from detente.pipeline import Coder
>>> coded = Coder().code_text("The EU imposed sanctions on Russia.", date="2024-02-23")
>>> [(e.source.code, e.cameo, e.target.code) for e in coded.events]
[('IGOEUREEC', '163', 'RUS')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from detente.nlp.pipeline import PipelineConfig, build_nlp
from detente.records import Actor, Document, Event, Suppressed, content_hash

__all__ = ["Coder", "CodedDocument"]


@dataclass(frozen=True)
class CodedDocument:
    """A document with what the coder found in it (picklable, no spaCy objects)."""

    document: Document
    events: tuple[Event, ...]
    suppressed: tuple[Suppressed, ...]
    actors: tuple[Actor, ...]
    n_sentences: int
    sentences: tuple[tuple[int, int], ...] = ()
    error: str | None = None  # an unexpected coding failure on this document (see run)


class Coder:
    """Builds the pipeline lazily; pickles as its config (safe to send to workers)."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self._nlp: Language | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "_nlp": None}

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_nlp(self.config)
        return self._nlp

    def _make_doc(self, document: Document) -> Doc:
        doc = self.nlp.make_doc(document.text)
        doc._.date = document.date
        doc._.doc_id = document.doc_id
        return doc

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Stream documents through ``nlp.pipe`` in batches; memory stays flat."""
        pending: list[Document] = []

        def docs() -> Iterator[Doc]:
            for document in documents:
                pending.append(document)
                yield self._make_doc(document)

        for doc in self.nlp.pipe(docs(), batch_size=self.config.batch_size):
            document = pending.pop(0)
            yield self._coded(document, doc)

    @staticmethod
    def _coded(document: Document, doc: Doc) -> CodedDocument:
        sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
        actors = tuple(span._.actor for span in doc.spans.get("actors", []) if span._.actor)
        return CodedDocument(
            document=document,
            events=tuple(doc._.events or ()),
            suppressed=tuple(doc._.suppressed or ()),
            actors=actors,
            n_sentences=len(sentences),
            sentences=sentences,
            error=doc._.coding_error,
        )

    def code_text(self, text: str, date: str | None = None, doc_id: str | None = None
                  ) -> CodedDocument:
        """Code one text (already clean)."""
        document = Document(doc_id=doc_id or content_hash(text), text=text, date=date)
        return next(iter(self.code_documents([document])))

    def parse(self, text: str, date: str | None = None, doc_id: str | None = None) -> Doc:
        """The annotated spaCy Doc, for library users who want spans and tokens."""
        doc = self._make_doc(Document(doc_id=doc_id or content_hash(text), text=text, date=date))
        return self.nlp(doc)
