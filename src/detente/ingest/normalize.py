"""Knowledge-free normalisation steps: mojibake, quotes, whitespace, wrapped lines.

Each step comes as a pair: ``*_edits(text) -> list[Edit]`` (what the cleaner composes) and
the plain ``str -> str`` function of the same name without the suffix.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from difflib import SequenceMatcher

import ftfy

from detente.ingest.edits import Edit, apply_edits

__all__ = [
    "fix_mojibake",
    "fix_mojibake_edits",
    "join_wrapped_lines",
    "join_wrapped_lines_edits",
    "normalize_quotes",
    "normalize_quotes_edits",
    "normalize_whitespace",
    "normalize_whitespace_edits",
    "tidy_spacing",
    "tidy_spacing_edits",
]

# ftfy repairs encoding damage; quotes and line breaks are separate steps here so that
# every step can be tested on its own and the line structure survives this one.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
_QUOTE_RE = re.compile("[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033]")

_SP = "[ \\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\x0b\\x0c]"
_NL = "(?>\\r\\n|\\r|\\n|\\u2028|\\u2029)"
_WHITESPACE_RE = re.compile(
    rf"(?P<para>{_SP}*{_NL}(?:{_SP}*{_NL})+{_SP}*)"
    rf"|(?P<line>{_SP}*{_NL}{_SP}*)"
    rf"|(?P<space>{_SP}+)"
    r"|(?P<zero>[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]+)"
)
_SPACE_BEFORE_PUNCT_RE = re.compile(r"(?<=\w) +(?=[,.;:!?](?:\s|$))")
_DOUBLE_STOP_RE = re.compile(r"(?<![.])\.\.(?![.])")
_WRAPPED_RE = re.compile(r"(?<=[a-z,;])\n(?=[a-z])")


def _pieces(text: str, size: int = 2000) -> list[tuple[int, str]]:
    """Lines of ``text``, long ones cut at spaces into pieces of about ``size`` characters."""
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        start = 0
        while len(line) - start > size:
            cut = line.rfind(" ", start + size // 2, start + size)
            cut = cut + 1 if cut > 0 else start + size
            out.append((offset + start, line[start:cut]))
            start = cut
        out.append((offset + start, line[start:]))
        offset += len(line)
    return out


def fix_mojibake_edits(text: str) -> list[Edit]:
    """Edits that repair encoding damage ("donâ€™t" -> "don’t") with ftfy, piece by piece."""
    if ftfy.fix_text(text, _FTFY_CONFIG) == text:
        return []
    edits: list[Edit] = []
    for offset, piece in _pieces(text):
        fixed = ftfy.fix_text(piece, _FTFY_CONFIG)
        if fixed != piece:
            matcher = SequenceMatcher(None, piece, fixed, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    edits.append(Edit(offset + i1, offset + i2, fixed[j1:j2]))
    return edits


def fix_mojibake(text: str) -> str:
    """Repair mojibake and other encoding damage."""
    return apply_edits(text, fix_mojibake_edits(text))


def normalize_quotes_edits(text: str) -> list[Edit]:
    """Edits that turn curly quotes and primes into straight ASCII quotes."""
    return [
        Edit(m.start(), m.end(), m.group().translate(_QUOTES)) for m in _QUOTE_RE.finditer(text)
    ]


def normalize_quotes(text: str) -> str:
    """Curly quotes to straight quotes (``China’s`` -> ``China's``)."""
    return apply_edits(text, normalize_quotes_edits(text))


def normalize_whitespace_edits(text: str) -> list[Edit]:
    """Edits for one space between words, "\\n" between lines and "\\n\\n" between paragraphs.

    Odd spaces become plain spaces, zero-width and control characters go, spaces around
    line breaks go, blank lines collapse into one paragraph break, and the text is
    stripped at both ends.
    """
    edits: list[Edit] = []
    end = len(text)
    for m in _WHITESPACE_RE.finditer(text):
        kind = m.lastgroup
        if kind == "zero":
            new = ""
        elif m.start() == 0 or m.end() == end:
            new = ""
        elif kind == "para":
            new = "\n\n"
        elif kind == "line":
            new = "\n"
        else:
            new = " "
        if new != m.group():
            edits.append(Edit(m.start(), m.end(), new))
    return edits


def normalize_whitespace(text: str) -> str:
    """Collapse whitespace while keeping line and paragraph breaks."""
    return apply_edits(text, normalize_whitespace_edits(text))


def tidy_spacing_edits(text: str) -> list[Edit]:
    """Whitespace edits plus the repairs cutting leaves behind: ``word ,`` and ``word..``."""
    edits = normalize_whitespace_edits(text)
    starts = [e.start for e in edits]
    extra = [Edit(m.start(), m.end()) for m in _SPACE_BEFORE_PUNCT_RE.finditer(text)]
    extra += [Edit(m.start(), m.start() + 1) for m in _DOUBLE_STOP_RE.finditer(text)]
    added: list[Edit] = []
    for edit in extra:
        i = bisect_right(starts, edit.start)
        before = edits[i - 1] if i else None
        after = edits[i] if i < len(edits) else None
        if (before and before.end > edit.start) or (after and after.start < edit.end):
            continue
        added.append(edit)
    return sorted(edits + added, key=lambda e: e.start)


def tidy_spacing(text: str) -> str:
    """Normalise whitespace and drop spaces left before punctuation by earlier cuts."""
    return apply_edits(text, tidy_spacing_edits(text))


def join_wrapped_lines_edits(text: str) -> list[Edit]:
    """Edits that join hard-wrapped lines: a single newline between lowercase words."""
    return [Edit(m.start(), m.end(), " ") for m in _WRAPPED_RE.finditer(text)]


def join_wrapped_lines(text: str) -> str:
    """Join lines broken inside a sentence ("the\\nminister" -> "the minister")."""
    return apply_edits(text, join_wrapped_lines_edits(text))
