"""Exact and near-duplicate detection over a stream of documents (datasketch MinHash LSH)."""

from __future__ import annotations

import re
from typing import Any

from datasketch import MinHash, MinHashLSH

from detente.records import Document, content_hash

__all__ = ["Deduplicator", "normalize_for_dedup", "shingles"]

_WORD_RE = re.compile(r"\w+")


def normalize_for_dedup(text: str) -> str:
    """Lowercase words joined by single spaces (punctuation and layout ignored)."""
    return " ".join(_WORD_RE.findall(text.lower()))


def shingles(words: list[str], size: int) -> set[bytes]:
    """The set of ``size``-word shingles of ``words`` (UTF-8 encoded)."""
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class Deduplicator:
    """Remembers documents and says when one repeats an earlier one.

    ``check(doc)`` returns the ``doc_id`` of the first copy seen, or ``None`` for a new
    document. Exact copies are found by a hash of the normalised text; near copies by
    MinHash LSH over word shingles, confirmed by the estimated Jaccard similarity
    (``threshold``). Texts of fewer than ``min_words`` words are only checked exactly.
    """

    def __init__(
        self,
        threshold: float = 0.8,
        *,
        num_perm: int = 128,
        shingle_size: int = 5,
        min_words: int = 20,
        near: bool = True,
        seed: int = 1,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.min_words = min_words
        self.near = near
        self.seed = seed
        self._exact: dict[str, str] = {}
        self._ids: list[str] = []
        self._hashes: dict[int, MinHash] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._base = MinHash(num_perm=num_perm, seed=seed)

    def __len__(self) -> int:
        return len(self._ids)

    def __getstate__(self) -> dict[str, Any]:
        return self.__dict__.copy()

    def _minhash(self, words: list[str]) -> MinHash:
        mh = MinHash(
            num_perm=self.num_perm,
            seed=self.seed,
            permutations=self._base.permutations,
            scheme=self._base.scheme,
        )
        mh.update_batch(list(shingles(words, self.shingle_size)))
        return mh

    def check(self, doc: Document) -> str | None:
        """The doc_id of an earlier copy of ``doc``, or ``None`` (and ``doc`` is remembered)."""
        normalized = normalize_for_dedup(doc.text)
        key = content_hash(normalized)
        if key in self._exact:
            return self._exact[key]
        self._exact[key] = doc.doc_id
        index = len(self._ids)
        self._ids.append(doc.doc_id)
        words = normalized.split()
        if not self.near or len(words) < self.min_words:
            return None
        mh = self._minhash(words)
        candidates = sorted(int(k) for k in self._lsh.query(mh))
        for other in candidates:
            if mh.jaccard(self._hashes[other]) >= self.threshold:
                return self._ids[other]
        self._lsh.insert(str(index), mh)
        self._hashes[index] = mh
        return None
