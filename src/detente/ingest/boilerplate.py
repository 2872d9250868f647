"""Boilerplate steps: whole junk lines, inline boilerplate, and the opening dateline.

Each step is an object built from :class:`~detente.ingest.lexicon.BoilerplateRules` with
``find(text) -> list[Edit]`` and ``__call__(text) -> str``.
"""

from __future__ import annotations

import re

from detente.ingest.edits import Edit, apply_edits
from detente.ingest.lexicon import BoilerplateRules

__all__ = ["BoilerplateLines", "Dateline", "InlineBoilerplate"]

_BULLET_RE = re.compile(r"^[\s\u2022\u00b7*|\u00bb>\-\u2013\u2014]+")
_LINE_RE = re.compile(r"[^\n]+")


class BoilerplateLines:
    """Drops lines that are wholly boilerplate: ads, prompts, credits, bylines, copyright."""

    def __init__(self, rules: BoilerplateRules) -> None:
        self.rules = rules

    def reason(self, line: str) -> str | None:
        """The reason ``line`` is boilerplate, or ``None`` when it is article text."""
        core = _BULLET_RE.sub("", line).strip()
        if not core or len(core) > self.rules.max_line_chars:
            return None
        for rule in self.rules.lines:
            if rule.regex.fullmatch(core):
                return rule.reason
        return None

    def find(self, text: str) -> list[Edit]:
        edits: list[Edit] = []
        for m in _LINE_RE.finditer(text):
            reason = self.reason(m.group())
            if reason is not None:
                edits.append(Edit(m.start(), m.end(), "", reason))
        return edits

    def __call__(self, text: str) -> str:
        return apply_edits(text, self.find(text))


class InlineBoilerplate:
    """Cuts boilerplate inside lines: "ADVERTISEMENT", "(AP Photo/...)", newsletter prompts."""

    def __init__(self, rules: BoilerplateRules) -> None:
        self.rules = rules

    def find(self, text: str) -> list[Edit]:
        found: list[Edit] = []
        for rule in self.rules.inline:
            found.extend(
                Edit(m.start(), m.end(), "", rule.reason) for m in rule.regex.finditer(text)
            )
        found.sort(key=lambda e: (e.start, -e.end))
        edits: list[Edit] = []
        for edit in found:
            if edit.end > edit.start and (not edits or edit.start >= edits[-1].end):
                edits.append(edit)
        return edits

    def __call__(self, text: str) -> str:
        return apply_edits(text, self.find(text))


class Dateline:
    """Cuts the dateline that opens a story ("KYIV, March 3 (Reuters) -").

    Only the first two lines are looked at (the first may be a headline). The cut text is
    reported with reason ``"dateline"``; :attr:`CleanResult.dateline` gives it back.
    """

    def __init__(self, rules: BoilerplateRules, lines: int = 2) -> None:
        self.rules = rules
        self.lines = lines

    def find(self, text: str) -> list[Edit]:
        for i, m in enumerate(_LINE_RE.finditer(text)):
            if i >= self.lines:
                break
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            found = self.rules.dateline.match(text, start, m.end())
            if found and found.end() < m.end():
                return [Edit(found.start(), found.end(), "", "dateline")]
        return []

    def __call__(self, text: str) -> str:
        return apply_edits(text, self.find(text))
