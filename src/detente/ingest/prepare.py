"""From a read Document to clean, checked, bounded Documents ready for the NLP stage.

``Preparer.prepare(doc)`` runs, in order: HTML extraction (when ``doc.html`` is set),
binary and emptiness checks, cleaning (filling ``Document.removed``), a length check,
language identification, and splitting of very long texts into chunks. Anything wrong
with the document comes back as a :class:`~detente.records.Reject`:

* E203 no text (or no article text in the HTML)
* E204 the text looks binary
* E207 too short after cleaning
* E210 not in an allowed language
* E299 an unexpected failure while preparing this one document

Duplicates are not handled here: see :class:`~detente.ingest.dedup.Deduplicator`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from detente.ingest.chunking import split_text
from detente.ingest.clean import Cleaner, CleanResult
from detente.ingest.html import extract_html
from detente.ingest.language import LanguageGate
from detente.ingest.textio import looks_binary_text
from detente.records import Document, Reject, RemovedSpan

__all__ = ["Preparer"]


class Preparer:
    """Prepares documents one at a time; holds the cleaner and the language gate.

    ``allow_languages``: ISO 639-1 codes accepted (``None`` accepts every language but
    still records it). ``min_chars``: shortest cleaned text kept. ``max_chunk_chars``:
    longer texts are split into chunks ``<doc_id>#<n>`` (n from 1) no longer than this.
    """

    def __init__(
        self,
        cleaner: Cleaner | None = None,
        language: LanguageGate | None = None,
        *,
        allow_languages: Collection[str] | None = ("en",),
        min_chars: int = 40,
        max_chunk_chars: int = 100_000,
    ) -> None:
        self.cleaner = cleaner or Cleaner()
        self.language = language or LanguageGate()
        self.allow_languages = None if allow_languages is None else frozenset(allow_languages)
        self.min_chars = min_chars
        self.max_chunk_chars = max_chunk_chars

    def prepare(self, doc: Document) -> list[Document] | Reject:
        """One or more prepared Documents, or a Reject saying why ``doc`` cannot go on."""
        try:
            return self._prepare(doc)
        except Exception as exc:  # one bad document never stops a batch
            return self._reject(
                doc, f"cannot prepare document: {type(exc).__name__}: {exc}", "E299"
            )

    def _reject(self, doc: Document, reason: str, code: str) -> Reject:
        return Reject(doc.origin or "-", reason, code, doc.doc_id)

    def _prepare(self, doc: Document) -> list[Document] | Reject:
        if doc.html:
            extracted = self._from_html(doc)
            if isinstance(extracted, Reject):
                return extracted
            doc = extracted
        if not doc.text.strip():
            return self._reject(doc, "document has no text", "E203")
        if looks_binary_text(doc.text):
            return self._reject(doc, "text looks binary, not text", "E204")
        result = self.cleaner.clean(doc.text)
        if len(result.text) < self.min_chars:
            reason = f"text too short after cleaning ({len(result.text)} < {self.min_chars} chars)"
            return self._reject(doc, reason, "E207")
        language, problem = self._language(result.text)
        if problem is not None:
            return self._reject(doc, problem, "E210")
        meta = dict(doc.meta)
        for key, value in (("dateline", result.dateline), ("byline", result.byline)):
            if value:
                meta[key] = value
        cleaned = replace(
            doc, text=result.text, removed=result.removed, language=language, meta=meta
        )
        return self._chunks(cleaned, result)

    def _from_html(self, doc: Document) -> Document | Reject:
        found = extract_html(doc.html or "", url=doc.url)
        if found is None:
            return self._reject(doc, "no article text found in the HTML", "E203")
        meta: dict[str, Any] = {**doc.meta, **found.meta(), "from_html": True}
        return replace(
            doc,
            text=found.text,
            html=None,
            title=doc.title or found.title,
            date=doc.date or found.date,
            url=doc.url or found.url,
            source=doc.source or found.sitename,
            meta=meta,
        )

    def _language(self, text: str) -> tuple[str | None, str | None]:
        if self.allow_languages is None:
            return self.language.check(text, allow=frozenset({"en"}))[0], None
        return self.language.check(text, allow=self.allow_languages)

    def _chunks(self, doc: Document, result: CleanResult) -> list[Document]:
        if len(doc.text) <= self.max_chunk_chars:
            return [doc]
        pieces = split_text(doc.text, self.max_chunk_chars)
        starts = [result.to_original(offset) for offset, _ in pieces]
        owned: list[list[RemovedSpan]] = [[] for _ in pieces]
        for span in doc.removed:
            owned[max(0, bisect_right(starts, span.start) - 1)].append(span)
        return [
            replace(
                doc,
                doc_id=f"{doc.doc_id}#{n}",
                text=text,
                removed=tuple(owned[n - 1]),
                meta={
                    **doc.meta,
                    "chunk_of": doc.doc_id,
                    "chunk_index": n,
                    "chunk_count": len(pieces),
                    "chunk_offset": offset,
                },
            )
            for n, (offset, text) in enumerate(pieces, 1)
        ]
