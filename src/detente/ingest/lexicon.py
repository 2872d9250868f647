"""The cleaner's knowledge, loaded from ``detente/data/ingest/*.yaml`` into frozen objects.

* :class:`BoilerplateRules` (``boilerplate.yaml``): whole-line and inline boilerplate
  patterns, and the words that make up a dateline.
* :class:`JunkLexicon` (``inline_junk.yaml``): image agencies and roles, headline and
  sentence-start words, abbreviations and legitimate camel-case words.

A malformed file stops the load with a :class:`~detente.errors.DataFileError` naming the
file, line and field (``E101`` for a bad field, ``E150`` for a bad regular expression).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from detente.datafiles import data_path, validate_row, yaml_mapping
from detente.errors import DataFileError

__all__ = [
    "BoilerplateRules",
    "JunkLexicon",
    "PatternRule",
    "load_boilerplate_rules",
    "load_junk_lexicon",
]


class _PatternGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, pattern=r"^[a-z_]+$")
    ignore_case: bool | None = None
    patterns: list[str] = Field(min_length=1)


class _Dateline(BaseModel):
    model_config = ConfigDict(extra="forbid")
    agencies: list[str] = Field(min_length=1)
    months: list[str] = Field(min_length=1)


class _BoilerplateFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_line_chars: int = Field(default=300, gt=0)
    lines: list[_PatternGroup]
    inline: list[_PatternGroup]
    dateline: _Dateline


class _JunkFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    image_agencies: list[str] = Field(min_length=1)
    image_roles: list[str]
    headline_function_words: list[str]
    headline_marker_words: list[str]
    sentence_starters: list[str]
    calendar_words: list[str]
    abbreviations: list[str]
    camelcase_words: list[str]
    camelcase_prefixes: list[str]


@dataclass(frozen=True)
class PatternRule:
    """A compiled pattern and the reason reported for what it removes."""

    reason: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled boilerplate patterns (see ``boilerplate.yaml``)."""

    lines: tuple[PatternRule, ...]
    inline: tuple[PatternRule, ...]
    dateline: re.Pattern[str]
    max_line_chars: int


@dataclass(frozen=True)
class JunkLexicon:
    """Word sets for :mod:`detente.ingest.inline_junk` (see ``inline_junk.yaml``)."""

    image_agencies: frozenset[str]
    image_roles: frozenset[str]
    headline_function_words: frozenset[str]
    headline_marker_words: frozenset[str]
    sentence_starters: frozenset[str]
    calendar_words: frozenset[str]
    abbreviations: frozenset[str]
    camelcase_words: tuple[str, ...]
    camelcase_prefixes: frozenset[str]


def _load(path: Path, model: type[Any]) -> tuple[Any, dict[str, int]]:
    located = yaml_mapping(path)
    raw = {key: value for key, (_, value) in located.items()}
    lines = {key: line for key, (line, _) in located.items()}
    try:
        return validate_row(model, raw, path, 1), lines
    except DataFileError as exc:
        key = (exc.field or "").split(".")[0]
        if key not in lines:
            raise
        raise DataFileError(
            exc.code, exc.message.split(" in ")[0], path=path.name, line=lines[key], field=exc.field
        ) from exc


def _line_of(path: Path, needle: str, default: int) -> int:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return number
    except OSError:
        pass
    return default


def _compile(
    path: Path, pattern: str, flags: int, field: str, default_line: int
) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(
            "E150",
            f"bad regular expression {pattern!r}: {exc}",
            path=path.name,
            line=_line_of(path, pattern, default_line),
            field=field,
        ) from exc


def _rules(
    path: Path, groups: list[_PatternGroup], key: str, line: int, *, default_ignore_case: bool
) -> tuple[PatternRule, ...]:
    out: list[PatternRule] = []
    for gi, group in enumerate(groups):
        ignore = default_ignore_case if group.ignore_case is None else group.ignore_case
        flags = re.IGNORECASE if ignore else 0
        for pi, pattern in enumerate(group.patterns):
            field = f"{key}.{gi}.patterns.{pi}"
            out.append(PatternRule(group.reason, _compile(path, pattern, flags, field, line)))
    return tuple(out)


def _dateline_regex(spec: _Dateline) -> re.Pattern[str]:
    agencies = "|".join(re.escape(a) for a in sorted(spec.agencies, key=len, reverse=True))
    months = "|".join(re.escape(m) for m in sorted(spec.months, key=len, reverse=True))
    word = r"[A-Z][A-Za-z.'\-]+"
    caps = r"[A-Z][A-Z.'\-]+"
    region = rf"(?:, {word}(?: {word}){{0,2}})?"
    date = rf"(?:, (?:{months})[a-z]*\.? \d{{1,2}}(?:, \d{{4}})?)?"
    dash = "[-\u2013\u2014]"
    return re.compile(
        rf"{word}(?: {word}){{0,3}}{region}{date} \((?:{agencies})\)(?: ?{dash}+| ?:)? ?"
        rf"|{caps}(?: {caps}){{0,3}}{region}{date} ?{dash}+ (?=[A-Z\"'])"
        rf"|\((?:{agencies})\) ?(?:{dash}+|:) ?"
    )


def load_boilerplate_rules(path: Path | None = None) -> BoilerplateRules:
    """Load and compile ``boilerplate.yaml`` (or the file at ``path``)."""
    path = path or data_path("ingest", "boilerplate.yaml")
    spec, lines = _load(path, _BoilerplateFile)
    return BoilerplateRules(
        lines=_rules(path, spec.lines, "lines", lines.get("lines", 1), default_ignore_case=True),
        inline=_rules(
            path, spec.inline, "inline", lines.get("inline", 1), default_ignore_case=False
        ),
        dateline=_dateline_regex(spec.dateline),
        max_line_chars=spec.max_line_chars,
    )


def load_junk_lexicon(path: Path | None = None) -> JunkLexicon:
    """Load ``inline_junk.yaml`` (or the file at ``path``)."""
    path = path or data_path("ingest", "inline_junk.yaml")
    spec, _ = _load(path, _JunkFile)
    return JunkLexicon(
        image_agencies=frozenset(a.lower() for a in spec.image_agencies),
        image_roles=frozenset(r.lower() for r in spec.image_roles),
        headline_function_words=frozenset(w.lower() for w in spec.headline_function_words),
        headline_marker_words=frozenset(w.lower() for w in spec.headline_marker_words),
        sentence_starters=frozenset(w.lower() for w in spec.sentence_starters),
        calendar_words=frozenset(w.lower() for w in spec.calendar_words),
        abbreviations=frozenset(spec.abbreviations),
        camelcase_words=tuple(sorted(set(spec.camelcase_words), key=len, reverse=True)),
        camelcase_prefixes=frozenset(spec.camelcase_prefixes),
    )
