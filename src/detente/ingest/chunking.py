"""Split a long text into bounded chunks at paragraph, then sentence, then word breaks."""

from __future__ import annotations

import re

__all__ = ["split_text"]

_PARAGRAPH_RE = re.compile(r"\n\s*\n")
_SENTENCE_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_SPACE_RE = re.compile(r"\s+")


def _cut_points(text: str, start: int, stop: int, pattern: re.Pattern[str]) -> list[int]:
    """Offsets (absolute) just after each break of ``pattern`` inside ``text[start:stop]``."""
    return [m.end() for m in pattern.finditer(text, start, stop)]


def _best_cut(text: str, start: int, limit: int) -> int:
    """The furthest break in ``text[start:limit]``: paragraph, else sentence, else space."""
    for pattern in (_PARAGRAPH_RE, _SENTENCE_RE, _SPACE_RE):
        cuts = [c for c in _cut_points(text, start, limit, pattern) if start < c <= limit]
        if cuts:
            return cuts[-1]
    return limit


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """``[(offset, chunk), ...]`` with every chunk at most ``max_chars`` long.

    Chunks break at the last paragraph break that fits, else the last sentence end, else
    the last space, else mid-word. Whitespace at the break stays with the earlier chunk,
    then is stripped; ``offset`` is where each stripped chunk starts in ``text``.
    """
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        if len(text) - start <= max_chars:
            end = len(text)
        else:
            end = _best_cut(text, start, start + max_chars)
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            chunks.append((start + lead, body))
        start = end
    return chunks
