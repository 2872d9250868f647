"""Publication dates to ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

__all__ = ["normalize_date"]

_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d|\s*$)")
_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
# Languages of month names tried, English first (trying every language is slow).
_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru")
# Absolute dates only: "yesterday" must not depend on when detente runs.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def _valid(y: str, m: str, d: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def normalize_date(value: Any) -> str | None:
    """``"2022-03-07T10:15:00Z"`` -> ``"2022-03-07"``; ``"March 7, 2022"`` -> same.

    ISO dates and datetimes keep their date part; other strings go through dateparser
    (absolute dates only). Returns ``None`` when the value is empty or not a date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    m = _ISO_RE.match(text) or _COMPACT_RE.match(text)
    if m:
        return _valid(*m.groups())
    import dateparser  # slow to import; only needed for non-ISO dates

    parsed = dateparser.parse(text, languages=list(_LANGUAGES), settings=_DATEPARSER_SETTINGS)
    return parsed.date().isoformat() if parsed else None
