"""Edits on a text, and the offset map that ties a cleaned text back to its original.

Every cleaning step is a function ``str -> list[Edit]`` (what to cut or replace, and why);
:func:`apply_edits` turns that into the plain ``str -> str`` step. The :class:`OffsetMap`
lets :class:`~detente.ingest.clean.Cleaner` chain steps and still report each removed
span with offsets into the *original* text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["Edit", "EditFinder", "OffsetMap", "Step", "apply_edits"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``.

    ``reason`` names why the span is cut (``"name_slug"``, ``"boilerplate_line"`` ...) and
    makes it a reported :class:`~detente.records.RemovedSpan`; ``None`` marks a plain
    normalisation (whitespace, quotes, mojibake) that is not reported.
    """

    start: int
    end: int
    replacement: str = ""
    reason: str | None = None


EditFinder = Callable[[str], list[Edit]]


def _sorted_checked(edits: Sequence[Edit]) -> list[Edit]:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    last = 0
    for edit in ordered:
        if edit.start < last or edit.end < edit.start:
            raise ValueError(f"overlapping or inverted edit {edit!r}")
        last = edit.end
    return ordered


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits to ``text`` and return the new text."""
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for edit in _sorted_checked(edits):
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(frozen=True)
class Step:
    """One named cleaning step: ``step(text)`` is the plain ``str -> str`` function."""

    name: str
    find: EditFinder

    def __call__(self, text: str) -> str:
        return apply_edits(text, self.find(text))


class OffsetMap:
    """Piecewise map from positions in a derived text to positions in the original.

    Segments are either *copied* (each character maps to one original character) or
    *inserted* (replacement text standing for a whole original range).
    """

    __slots__ = ("_cur", "_len", "_olen", "_orig_end", "_orig_start", "_copied")

    def __init__(self, length: int) -> None:
        self._cur: list[int] = [0] if length else []
        self._orig_start: list[int] = [0] if length else []
        self._orig_end: list[int] = [length] if length else []
        self._copied: list[bool] = [True] if length else []
        self._len = length
        self._olen = length

    def __len__(self) -> int:
        return self._len

    def _seg_len(self, i: int) -> int:
        nxt = self._cur[i + 1] if i + 1 < len(self._cur) else self._len
        return nxt - self._cur[i]

    def to_original_start(self, pos: int) -> int:
        """Original offset of the character at ``pos`` (the original length at the end)."""
        if pos >= self._len:
            return self._olen
        i = bisect_right(self._cur, pos) - 1
        if self._copied[i]:
            return self._orig_start[i] + (pos - self._cur[i])
        return self._orig_start[i]

    def to_original_end(self, pos: int) -> int:
        """Original end offset of the character before ``pos`` (an exclusive end)."""
        if pos <= 0:
            return self.to_original_start(0) if self._len else 0
        i = bisect_right(self._cur, pos - 1) - 1
        if self._copied[i]:
            return self._orig_start[i] + (pos - self._cur[i])
        return self._orig_end[i]

    def to_current(self, orig_pos: int) -> int:
        """First position whose original offset is at or after ``orig_pos``."""
        i = bisect_left(self._orig_start, orig_pos)
        if i > 0 and self._copied[i - 1]:
            start = self._orig_start[i - 1]
            if orig_pos < start + self._seg_len(i - 1):
                return self._cur[i - 1] + (orig_pos - start)
        return self._cur[i] if i < len(self._cur) else self._len

    def apply(self, edits: Sequence[Edit]) -> OffsetMap:
        """The map of the text obtained by applying ``edits`` to this map's text."""
        new = OffsetMap(0)
        new._olen = self._olen
        pos = 0
        out = 0
        for edit in _sorted_checked(edits):
            out = self._copy_range(new, pos, edit.start, out)
            if edit.replacement:
                new._push(
                    out,
                    self.to_original_start(edit.start),
                    self.to_original_end(edit.end)
                    if edit.end > edit.start
                    else self.to_original_start(edit.start),
                    copied=False,
                )
                out += len(edit.replacement)
            pos = edit.end
        out = self._copy_range(new, pos, self._len, out)
        new._len = out
        return new

    def _push(self, cur: int, orig_start: int, orig_end: int, *, copied: bool) -> None:
        self._cur.append(cur)
        self._orig_start.append(orig_start)
        self._orig_end.append(orig_end)
        self._copied.append(copied)

    def _copy_range(self, new: OffsetMap, a: int, b: int, out: int) -> int:
        if a >= b:
            return out
        i = bisect_right(self._cur, a) - 1
        while i < len(self._cur) and self._cur[i] < b:
            seg_a = max(a, self._cur[i])
            seg_b = min(b, self._cur[i] + self._seg_len(i))
            if self._copied[i]:
                o = self._orig_start[i] + (seg_a - self._cur[i])
                new._push(out, o, o + (seg_b - seg_a), copied=True)
            else:
                new._push(out, self._orig_start[i], self._orig_end[i], copied=False)
            out += seg_b - seg_a
            i += 1
        return out
