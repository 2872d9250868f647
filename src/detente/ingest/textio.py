"""Bytes to text: encoding guesses and binary detection."""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

__all__ = ["decode_bytes", "looks_binary", "looks_binary_text"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Among equally good guesses, prefer the encodings news sites used most.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
# Non-ASCII characters common in Western European news text. When a guess is a Latin
# code page anyway, the decoding richer in these wins (charset-normalizer tends to pick
# cp1250 or cp775 for English text with a few cp1252 quotes or accents).
_WESTERN = frozenset(
    "\u00e9\u00e8\u00ea\u00eb\u00e0\u00e2\u00e4\u00e1\u00ed\u00ec\u00ee\u00ef\u00f3\u00f2"
    "\u00f4\u00f6\u00fa\u00f9\u00fb\u00fc\u00e7\u00f1\u00df\u00f8\u00e5\u00e6\u0153\u00c9"
    "\u00c0\u00c7\u00d6\u00dc\u00c5\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u20ac\u00a3"
    "\u00b0\u00ab\u00bb\u00a0\u2022"
)


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)``.

    UTF-8 (with or without a byte-order mark) and UTF-16/32 with a mark are decoded as
    such; anything else gets charset-normalizer's best guess, falling back to cp1252
    with replacement characters when there is no guess at all.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        return data.decode(bom, errors="replace"), bom.removesuffix("-sig")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return data.decode("cp1252", errors="replace"), "cp1252"
    best = matches[0]
    for match in matches[1:]:
        same = match.chaos <= best.chaos and match.coherence >= best.coherence
        if same and match.encoding in _PREFERRED and best.encoding not in _PREFERRED:
            best = match
    text = str(best)
    if best.encoding != "cp1252" and _latin_share(text) >= 0.5:
        try:
            western = data.decode("cp1252")
        except UnicodeDecodeError:
            return text, best.encoding
        if western == text or _western_share(western) > _western_share(text):
            return western, "cp1252"
    return text, best.encoding


def _non_ascii(text: str) -> list[str]:
    return [ch for ch in text if ord(ch) > 127]


def _latin_share(text: str) -> float:
    chars = _non_ascii(text)
    if not chars:
        return 1.0
    latin = sum(
        1
        for ch in chars
        if unicodedata.name(ch, "").startswith("LATIN") or unicodedata.category(ch)[0] in "PSZ"
    )
    return latin / len(chars)


def _western_share(text: str) -> float:
    """Share of common Western characters, less the share of stray symbols ("powiedzia³")."""
    chars = _non_ascii(text)
    if not chars:
        return 0.0
    western = sum(1 for ch in chars if ch in _WESTERN)
    odd = sum(1 for ch in chars if ch not in _WESTERN and not ch.isalpha())
    return (western - odd) / len(chars)


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """Whether raw bytes look like a binary file (NUL bytes or many control bytes)."""
    head = data[:sample]
    if not head or _bom_encoding(head) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(head) > 0.05


def looks_binary_text(text: str, sample: int = 8192) -> bool:
    """Whether decoded text is really binary junk (NULs, control or replacement chars)."""
    head = text[:sample]
    if not head:
        return False
    if "\x00" in head:
        return True
    bad = sum(1 for ch in head if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return bad / len(head) > 0.05
