"""Load golden case files and their known misses (``tests/golden/known_misses.yaml``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

GOLDEN = Path(__file__).parent / "golden"


def golden_params(name: str) -> list[Any]:
    misses = yaml.safe_load((GOLDEN / "known_misses.yaml").read_text(encoding="utf-8")) or {}
    known = misses.get(name, {}) or {}
    params = []
    with (GOLDEN / name).open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            case = json.loads(line)
            marks = []
            if case["id"] in known:
                marks.append(pytest.mark.xfail(strict=True, reason=known[case["id"]]))
            params.append(pytest.param(case, id=case["id"], marks=marks))
    return params
