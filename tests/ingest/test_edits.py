"""Edits and the offset map behind RemovedSpan offsets."""

from __future__ import annotations

import pytest

from detente.ingest.edits import Edit, OffsetMap, Step, apply_edits


@pytest.mark.parametrize(
    ("text", "edits", "expected"),
    [
        ("abcdef", [], "abcdef"),
        ("abcdef", [Edit(1, 3)], "adef"),
        ("abcdef", [Edit(0, 1, "X"), Edit(5, 6, "YZ")], "XbcdeYZ"),
        ("abcdef", [Edit(3, 3, "--")], "abc--def"),
        ("abcdef", [Edit(4, 6), Edit(0, 2)], "cd"),
    ],
)
def test_edits_apply(text: str, edits: list[Edit], expected: str) -> None:
    assert apply_edits(text, edits) == expected


def test_edits_overlap_is_an_error() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", [Edit(0, 3), Edit(2, 4)])


def test_edits_step_is_plain_str_function() -> None:
    step = Step("drop_x", lambda t: [Edit(i, i + 1) for i, c in enumerate(t) if c == "x"])
    assert step("axbxc") == "abc"


def test_edits_offset_map_chains_back_to_original() -> None:
    original = "aa XX bb YY cc"
    first = [Edit(3, 6)]  # "aa bb YY cc"
    omap = OffsetMap(len(original)).apply(first)
    text = apply_edits(original, first)
    assert text == "aa bb YY cc"
    second = [Edit(6, 9, ". ")]  # "aa bb . cc"
    # the second cut, in the first result's coordinates, maps to "YY " in the original
    start, end = omap.to_original_start(6), omap.to_original_end(9)
    assert original[start:end] == "YY "
    omap = omap.apply(second)
    text = apply_edits(text, second)
    assert text == "aa bb . cc"
    assert original[omap.to_original_start(text.index("cc"))] == "c"
    assert omap.to_current(original.index("cc")) == text.index("cc")
    # a removed original offset maps to the first cleaned position after it
    assert omap.to_current(original.index("XX")) == text.index("bb")
