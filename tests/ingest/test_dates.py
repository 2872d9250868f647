"""Date normalisation."""

from __future__ import annotations

import pytest

from detente.ingest.dates import normalize_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-07", "2022-03-07"),
        ("2022-03-07T10:15:00Z", "2022-03-07"),
        ("2022-03-07 10:15", "2022-03-07"),
        ("20220307", "2022-03-07"),
        ("March 7, 2022", "2022-03-07"),
        ("7 March 2022", "2022-03-07"),
        ("Mon, 07 Mar 2022 10:15:00 GMT", "2022-03-07"),
        ("3 mars 2022", "2022-03-03"),
        ("2022-02-30", None),
        ("yesterday", None),
        ("no date here", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_normalize(value: str | None, expected: str | None) -> None:
    assert normalize_date(value) == expected
