"""Bytes to text: encoding guesses and binary detection."""

from __future__ import annotations

import codecs

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
    return str(best), best.encoding


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
