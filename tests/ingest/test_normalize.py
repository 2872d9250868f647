"""Each normalisation step, alone."""

from __future__ import annotations

import pytest

from detente.ingest.normalize import (
    fix_mojibake,
    join_wrapped_lines,
    normalize_quotes,
    normalize_whitespace,
    tidy_spacing,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister\u00e2\u20ac\u2122s visit", "The minister\u2019s visit"),
        ("Caf\u00c3\u00a9 talks", "Caf\u00e9 talks"),
        ("clean text stays", "clean text stays"),
        ("line one\nBeijing\u00e2\u20ac\u2122s line", "line one\nBeijing\u2019s line"),
    ],
)
def test_normalize_fix_mojibake(text: str, expected: str) -> None:
    assert fix_mojibake(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China\u2019s \u201cmost important\u201d partner", 'China\'s "most important" partner'),
        ("\u2018quoted\u2019 and \u201elow\u201c", "'quoted' and \"low\""),
        ("no quotes", "no quotes"),
    ],
)
def test_normalize_quotes(text: str, expected: str) -> None:
    assert normalize_quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a  b\t c  ", "a b c"),
        ("a\r\nb", "a\nb"),
        ("para one\n\n\n\n  para two", "para one\n\npara two"),
        ("a \n \n b", "a\n\nb"),
        ("non\u00a0breaking\u2009thin", "non breaking thin"),
        ("zero\u200bwidth\ufeff soft\u00adhyphen", "zerowidth softhyphen"),
        ("line  \nnext", "line\nnext"),
    ],
)
def test_normalize_whitespace(text: str, expected: str) -> None:
    assert normalize_whitespace(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin , who", "Putin, who"),
        ("ended here .", "ended here."),
        ("double stop.. Next", "double stop. Next"),
        ("an ellipsis... stays", "an ellipsis... stays"),
        ("a\n\n\n\nb", "a\n\nb"),
    ],
)
def test_normalize_tidy_spacing(text: str, expected: str) -> None:
    assert tidy_spacing(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("talks with the\nminister on Monday", "talks with the minister on Monday"),
        ("ended, and\nthen", "ended, and then"),
        ("First sentence.\nSecond line", "First sentence.\nSecond line"),
        ("Title\n\nbody", "Title\n\nbody"),
    ],
)
def test_normalize_join_wrapped_lines(text: str, expected: str) -> None:
    assert join_wrapped_lines(text) == expected
