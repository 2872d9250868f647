"""A coding run: read inputs, prepare, deduplicate, code, store and export, with a summary.

The run streams: documents flow from the readers through ``nlp.pipe`` in batches and are
written as they come, so memory does not grow with the corpus. With ``workers > 1`` batches
go to worker processes (each rebuilds the pipeline from its picklable config) with a bounded
number in flight. One bad document never stops a run: it becomes a reject with its origin
and reason, and is counted in the summary.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Any, TextIO

from detente.ingest.dedup import Deduplicator
from detente.ingest.prepare import Preparer
from detente.ingest.readers import iter_inputs
from detente.nlp.pipeline import PipelineConfig
from detente.pipeline import CodedDocument, Coder
from detente.records import Document, Reject

__all__ = ["RunOptions", "RunSummary", "run", "iter_coded"]

Progress = Callable[["RunSummary"], None]


@dataclass(frozen=True)
class RunOptions:
    date: str | None = None
    workers: int = 1
    batch_size: int = 32
    actor_files: tuple[str, ...] = ()
    allow_languages: tuple[str, ...] | None = ("en",)  # None: every language
    min_chars: int = 20
    use_ner: bool = True

    def pipeline_config(self) -> PipelineConfig:
        return PipelineConfig(actor_files=self.actor_files, batch_size=self.batch_size,
                              use_ner=self.use_ner)


@dataclass
class RunSummary:
    documents: int = 0
    sentences: int = 0
    events: int = 0
    rejects: int = 0
    duplicates: int = 0
    altered: int = 0
    chunked: int = 0
    undated: int = 0
    words: int = 0
    seconds: float = 0.0
    reject_reasons: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents, "sentences": self.sentences, "events": self.events,
            "rejects": self.rejects, "duplicates": self.duplicates, "altered": self.altered,
            "chunked": self.chunked, "undated": self.undated, "words": self.words,
            "seconds": round(self.seconds, 3),
            "reject_reasons": dict(self.reject_reasons),
        }

    @property
    def docs_per_second(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.documents / elapsed if elapsed > 0 else 0.0


class _Sink:
    """Where coded documents, duplicates and rejects go (store and/or export writer)."""

    def __init__(self, store: Any = None, writer: Any = None, run_id: str | None = None,
                 rejects_out: IO[str] | None = None) -> None:
        self.store, self.writer, self.run_id, self.rejects_out = store, writer, run_id, rejects_out
        self._batch: list[tuple[Document, Sequence[Any], int]] = []

    def coded(self, coded: CodedDocument) -> None:
        if self.writer is not None:
            self.writer.write(coded.events)
        if self.store is not None:
            self._batch.append((coded.document, coded.events, coded.n_sentences))
            if len(self._batch) >= 256:
                self.flush()

    def reject(self, reject: Reject) -> None:
        if self.store is not None:
            self.store.write_reject(reject, run_id=self.run_id)
        if self.rejects_out is not None:
            import json

            self.rejects_out.write(json.dumps(reject.to_dict()) + "\n")

    def flush(self) -> None:
        if self.store is not None and self._batch:
            self.store.write_batch(self._batch, run_id=self.run_id)
            self._batch = []


@lru_cache(maxsize=2)
def _worker_coder(config: PipelineConfig) -> Coder:
    """One pipeline per worker process and configuration, built on first use."""
    return Coder(config)


def _code_batch(config: PipelineConfig, documents: list[Document]) -> list[CodedDocument]:
    return list(_worker_coder(config).code_documents(documents))


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_coded(documents: Iterable[Document], options: RunOptions,
               coder: Coder | None = None) -> Iterator[CodedDocument]:
    """Code prepared documents, in this process or in ``options.workers`` processes."""
    if options.workers <= 1:
        yield from (coder or Coder(options.pipeline_config())).code_documents(documents)
        return
    config = options.pipeline_config()
    in_flight: list[Future[list[CodedDocument]]] = []
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        for batch in _batches(documents, max(8, options.batch_size)):
            in_flight.append(pool.submit(_code_batch, config, batch))
            while len(in_flight) >= 2 * options.workers:
                yield from in_flight.pop(0).result()
        for future in in_flight:
            yield from future.result()


def run(
    paths: Sequence[str],
    options: RunOptions,
    *,
    store: Any = None,
    writer: Any = None,
    run_id: str | None = None,
    rejects_out: IO[str] | None = None,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    coder: Coder | None = None,
) -> RunSummary:
    """Read ``paths``, code every document and send results to ``store``/``writer``."""
    summary = RunSummary()
    sink = _Sink(store, writer, run_id, rejects_out)
    preparer = Preparer(allow_languages=options.allow_languages, min_chars=options.min_chars)
    dedup = Deduplicator()

    def rejected(reject: Reject) -> None:
        summary.rejects += 1
        summary.reject_reasons[reject.code] += 1
        sink.reject(reject)

    def prepared() -> Iterator[Document]:
        for item in iter_inputs(paths, default_date=options.date, stdin=stdin):
            if isinstance(item, Reject):
                rejected(item)
                continue
            result = preparer.prepare(item)
            if isinstance(result, Reject):
                rejected(result)
                continue
            if len(result) > 1:
                summary.chunked += 1
            for doc in result:
                if doc.removed:
                    summary.altered += 1
                if doc.date is None:
                    summary.undated += 1
                first = dedup.check(doc)
                if first is not None:
                    summary.duplicates += 1
                    if store is not None:
                        from dataclasses import replace

                        store.write_document(replace(doc, duplicate_of=first), [], 0,
                                             run_id=run_id)
                    continue
                yield doc

    for coded in iter_coded(prepared(), options, coder):
        if coded.error is not None:  # kept (text stored, no events) and reported
            rejected(Reject(origin=coded.document.origin or "-", doc_id=coded.document.doc_id,
                            code="E298", reason=f"coding failed: {coded.error}"))
        summary.documents += 1
        summary.sentences += coded.n_sentences
        summary.events += len(coded.events)
        summary.words += len(coded.document.text.split())
        sink.coded(coded)
        if progress is not None:
            progress(summary)
    sink.flush()
    summary.seconds = time.perf_counter() - summary.started
    return summary
