"""Encoding guesses and binary detection."""

from __future__ import annotations

import pytest

from detente.ingest.textio import decode_bytes, looks_binary, looks_binary_text

WESTERN = "Café naïve résumé “quoted”."
CYRILLIC = "Министр иностранных дел заявил"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("plain é".encode(), "plain é", "utf-8"),
        ("\ufeffbom".encode(), "bom", "utf-8"),
        ("wide".encode("utf-16"), "wide", "utf-16"),
        (WESTERN.encode("cp1252"), WESTERN, "cp1252"),
        (CYRILLIC.encode("cp1251"), CYRILLIC, "cp1251"),
    ],
)
def test_textio_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"plain text\n", False),
        (b"\x89PNG\r\n\x1a\n\x00\x00", True),
        ("utf16 text".encode("utf-16"), False),
        (b"\x01\x02\x03\x04\x05abc", True),
        (b"", False),
    ],
)
def test_textio_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


@pytest.mark.parametrize(
    ("text", "binary"),
    [("normal text", False), ("nul\x00inside", True), ("\ufffd" * 10 + "ab", True)],
)
def test_textio_looks_binary_text(text: str, binary: bool) -> None:
    assert looks_binary_text(text) is binary
