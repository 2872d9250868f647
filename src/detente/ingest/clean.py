"""The cleaner: small ``str -> str`` steps composed into one, recording what it removed.

>>> cleaner = Cleaner()
>>> result = cleaner.clean("ADVERTISEMENT\\n\\nTalks resumed on Monday.")
>>> result.text
'Talks resumed on Monday.'
>>> [(s.reason, s.text) for s in result.removed]
[('advertisement', 'ADVERTISEMENT')]

Removed spans carry offsets into the *original* text. Normalisation (mojibake, quotes,
whitespace) changes the text too but is not reported as a removal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from detente.ingest.boilerplate import BoilerplateLines, Dateline, InlineBoilerplate
from detente.ingest.edits import OffsetMap, Step, apply_edits
from detente.ingest.inline_junk import InlineJunk
from detente.ingest.lexicon import (
    BoilerplateRules,
    JunkLexicon,
    load_boilerplate_rules,
    load_junk_lexicon,
)
from detente.ingest.normalize import (
    fix_mojibake_edits,
    join_wrapped_lines_edits,
    normalize_quotes_edits,
    normalize_whitespace_edits,
    tidy_spacing_edits,
)
from detente.records import RemovedSpan

__all__ = ["CleanResult", "Cleaner", "default_steps", "render_removed"]


@dataclass(frozen=True)
class CleanResult:
    """A cleaned text and the spans cut from the original (sorted by offset)."""

    text: str
    removed: tuple[RemovedSpan, ...] = ()
    offsets: OffsetMap = field(default_factory=lambda: OffsetMap(0), repr=False, compare=False)

    def _first(self, reason: str) -> str | None:
        span = next((s for s in self.removed if s.reason == reason), None)
        return None if span is None else re.sub(r"[\s\-\u2013\u2014:]+$", "", span.text.strip())

    @property
    def dateline(self) -> str | None:
        """The dateline cut from the opening ("KYIV, March 3 (Reuters)"), if any."""
        return self._first("dateline")

    @property
    def byline(self) -> str | None:
        """The first byline line cut ("By Jane Doe, Reuters"), if any."""
        return self._first("byline")

    def to_original(self, pos: int) -> int:
        """Offset in the original text of the cleaned character at ``pos``."""
        return self.offsets.to_original_start(pos)

    def to_cleaned(self, orig_pos: int) -> int:
        """First cleaned position at or after original offset ``orig_pos``."""
        return self.offsets.to_current(orig_pos)


def default_steps(rules: BoilerplateRules, lexicon: JunkLexicon) -> tuple[Step, ...]:
    """The standard chain, in order. Each step is also usable alone: ``step(text)``."""
    return (
        Step("mojibake", fix_mojibake_edits),
        Step("quotes", normalize_quotes_edits),
        Step("whitespace", normalize_whitespace_edits),
        Step("boilerplate_lines", BoilerplateLines(rules).find),
        Step("dateline", Dateline(rules).find),
        Step("inline_boilerplate", InlineBoilerplate(rules).find),
        Step("inline_junk", InlineJunk(lexicon).find),
        Step("wrapped_lines", join_wrapped_lines_edits),
        Step("tidy", tidy_spacing_edits),
    )


class Cleaner:
    """Composes cleaning steps; ``cleaner(text)`` is ``str -> str``, ``clean`` tells more.

    With no ``steps``, the standard chain is built from the packaged data files (or from
    the ``rules`` and ``lexicon`` given).
    """

    def __init__(
        self,
        steps: Sequence[Step] | None = None,
        *,
        rules: BoilerplateRules | None = None,
        lexicon: JunkLexicon | None = None,
    ) -> None:
        if steps is None:
            steps = default_steps(rules or load_boilerplate_rules(), lexicon or load_junk_lexicon())
        self.steps: tuple[Step, ...] = tuple(steps)

    def __call__(self, text: str) -> str:
        return self.clean(text).text

    def clean(self, text: str) -> CleanResult:
        """Run every step and map each removal back to the original text."""
        current = text
        offsets = OffsetMap(len(text))
        removed: list[RemovedSpan] = []
        for step in self.steps:
            edits = step.find(current)
            if not edits:
                continue
            for edit in edits:
                if edit.reason is not None and edit.end > edit.start:
                    start = offsets.to_original_start(edit.start)
                    end = offsets.to_original_end(edit.end)
                    removed.append(RemovedSpan(start, end, edit.reason, text[start:end]))
            current = apply_edits(current, edits)
            offsets = offsets.apply(edits)
        removed.sort(key=lambda s: (s.start, s.end))
        return CleanResult(current, tuple(removed), offsets)


def render_removed(original: str, result: CleanResult) -> str:
    """The cleaned text with each removed span shown where it was cut.

    ``...Anthony Blinken⟦removed:name_slug: .blinkenanthony 11242020getty⟧... on Saturday``
    """
    if not result.removed:
        return result.text
    inserts: list[tuple[int, str]] = []
    for span in result.removed:
        shown = " ".join(original[span.start : span.end].split())
        inserts.append(
            (result.to_cleaned(span.start), f"\u27e6removed:{span.reason}: {shown}\u27e7")
        )
    out: list[str] = []
    pos = 0
    for at, marker in sorted(inserts, key=lambda x: x[0]):
        out.append(result.text[pos:at])
        out.append(marker)
        pos = at
    out.append(result.text[pos:])
    return "".join(out)
