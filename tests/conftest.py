"""Shared pytest fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``../shared`` folder beside the repository (reference data that is never copied in).

    Skips the test when the folder is absent, unless ``DETENTE_REQUIRE_SHARED=1`` is set,
    in which case the test fails.
    """
    path = Path(__file__).resolve().parents[1].parent / "shared"
    if not path.is_dir():
        reason = f"reference data folder {path} is absent"
        if os.environ.get("DETENTE_REQUIRE_SHARED") == "1":
            pytest.fail(f"{reason} and DETENTE_REQUIRE_SHARED=1 is set")
        pytest.skip(f"{reason}; set DETENTE_REQUIRE_SHARED=1 to make this a failure")
    return path


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    """One pipeline for the whole test session (loading spaCy takes a second or two)."""
    from detente.pipeline import Coder

    return Coder()
