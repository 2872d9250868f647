"""Tests for detente.events.cameo: the packaged CAMEO table, its validation and a cross-check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.events.cameo import PLOVER_EVENTS, CameoCode, CameoTable

ROOTS = [f"{n:02d}" for n in range(1, 21)]


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return CameoTable.load()


def test_cameo_loads_packaged_table(table: CameoTable) -> None:
    assert len(table) >= 290
    assert len(table.codes()) == len(table)
    assert table.roots() == ROOTS
    assert all(root in table for root in ROOTS)


@pytest.mark.parametrize(
    ("roots", "quad_class"),
    [
        (ROOTS[0:5], 1),
        (ROOTS[5:9], 2),
        (ROOTS[9:14], 3),
        (ROOTS[14:20], 4),
    ],
)
def test_cameo_quad_class_follows_root(
    table: CameoTable, roots: list[str], quad_class: int
) -> None:
    for code in table.codes():
        if code[:2] in roots:
            assert table[code].quad_class == quad_class, code


def test_cameo_every_code_has_its_parent(table: CameoTable) -> None:
    for code in table.codes():
        assert 2 <= len(code) <= 4 and code.isdigit()
        if len(code) > 2:
            assert code[:-1] in table, code
        assert table[code].root == code[:2]


@pytest.mark.parametrize(
    ("code", "words", "goldstein", "plover_event"),
    [
        ("010", ("statement",), 0.0, None),
        ("0333", ("humanitarian", "aid"), 5.2, "AGREE"),
        ("040", ("consult",), 1.0, "CONSULT"),
        ("042", ("visit",), 1.9, "CONSULT"),
        ("057", ("agreement",), 8.0, None),
        ("0874", ("retreat",), 10.0, "RETREAT"),
        ("112", ("accuse",), -2.0, "ACCUSE"),
        ("141", ("demonstrate",), -6.5, "PROTEST"),
        ("163", ("embargo", "boycott", "sanctions"), -8.0, "COERCE"),
        ("173", ("arrest",), -5.0, "COERCE"),
        ("190", ("conventional military force",), -10.0, "ASSAULT"),
        ("2042", ("nuclear",), -10.0, "ASSAULT"),
    ],
)
def test_cameo_known_codes(
    table: CameoTable,
    code: str,
    words: tuple[str, ...],
    goldstein: float,
    plover_event: str | None,
) -> None:
    record = table[code]
    for word in words:
        assert word in record.name.lower()
    assert record.goldstein == goldstein
    if plover_event is not None:
        assert record.plover_event == plover_event


def test_cameo_plover_events_are_plover_2021_types(table: CameoTable) -> None:
    assert len(PLOVER_EVENTS) == 16
    used = {table[code].plover_event for code in table.codes()}
    assert used <= set(PLOVER_EVENTS)
    assert "DEMAND" not in used
    assert table["041"].plover_mode == "phone"
    assert table["030"].plover_mode is None


def test_cameo_lookup_api(table: CameoTable) -> None:
    assert "163" in table
    assert "199" not in table
    assert table.get("199") is None
    assert isinstance(table.get("163"), CameoCode)
    with pytest.raises(KeyError):
        table["199"]
    assert table.name("163") == table["163"].name
    assert table.codes() == sorted(table.codes())
    assert [record.code for record in table] == table.codes()
    assert table["0333"].root == "03"


# --- malformed files ---------------------------------------------------------------------

CAMEO_HEADER = "code\tname\tgoldstein\tquad_class"
PLOVER_HEADER = "code\tplover_event\tplover_mode\tnote"
GOOD_CAMEO = [
    CAMEO_HEADER,
    "01\tMake public statement\t0.0\t1",
    "010\tMake statement\t0.0\t1",
    "19\tFight\t-10.0\t4",
    "190\tUse conventional military force\t-10.0\t4",
]
GOOD_PLOVER = [
    PLOVER_HEADER,
    "01\tSUPPORT\t\tclosest type",
    "010\tSUPPORT\t\tclosest type",
    "19\tASSAULT\t\t",
    "190\tASSAULT\tfirearms",
]


def _write(tmp_path: Path, cameo: list[str], plover: list[str]) -> tuple[Path, Path]:
    cameo_path = tmp_path / "my_cameo.tsv"
    plover_path = tmp_path / "my_plover.tsv"
    cameo_path.write_text("\n".join(cameo) + "\n", encoding="utf-8")
    plover_path.write_text("\n".join(plover) + "\n", encoding="utf-8")
    return cameo_path, plover_path


def test_cameo_loads_small_valid_files(tmp_path: Path) -> None:
    table = CameoTable.load(*_write(tmp_path, GOOD_CAMEO, GOOD_PLOVER))
    assert table.codes() == ["01", "010", "19", "190"]
    assert table["190"].plover_mode == "firearms"
    assert table["19"].plover_mode is None


def _replace(lines: list[str], line: int, text: str | None) -> list[str]:
    """Replace (or, with ``None``, drop) the 1-based line ``line``."""
    out = list(lines)
    if text is None:
        del out[line - 1]
    else:
        out[line - 1] = text
    return out


@pytest.mark.parametrize(
    ("case", "cameo", "plover", "error", "line", "field"),
    [
        (
            "code-not-digits",
            _replace(GOOD_CAMEO, 3, "01x\tMake statement\t0.0\t1"),
            GOOD_PLOVER,
            "E101",
            3,
            "code",
        ),
        (
            "code-too-long",
            _replace(GOOD_CAMEO, 5, "19001\tUse force\t-10.0\t4"),
            GOOD_PLOVER,
            "E101",
            5,
            "code",
        ),
        ("no-such-root", GOOD_CAMEO + ["21\tNothing\t0.0\t4"], GOOD_PLOVER, "E101", 6, "code"),
        ("no-parent", GOOD_CAMEO + ["0123\tOrphan\t0.0\t1"], GOOD_PLOVER, "E101", 6, "code"),
        ("duplicate", GOOD_CAMEO + ["010\tAgain\t0.0\t1"], GOOD_PLOVER, "E101", 6, "code"),
        (
            "empty-name",
            _replace(GOOD_CAMEO, 2, "01\t\t0.0\t1"),
            GOOD_PLOVER,
            "E101",
            2,
            "name",
        ),
        (
            "goldstein-out-of-range",
            _replace(GOOD_CAMEO, 4, "19\tFight\t-11.0\t4"),
            GOOD_PLOVER,
            "E101",
            4,
            "goldstein",
        ),
        (
            "goldstein-not-a-number",
            _replace(GOOD_CAMEO, 4, "19\tFight\tminus ten\t4"),
            GOOD_PLOVER,
            "E101",
            4,
            "goldstein",
        ),
        (
            "quad-class-wrong-for-root",
            _replace(GOOD_CAMEO, 5, "190\tUse conventional military force\t-10.0\t3"),
            GOOD_PLOVER,
            "E101",
            5,
            "quad_class",
        ),
        (
            "missing-column",
            _replace(GOOD_CAMEO, 3, "010\tMake statement\t0.0"),
            GOOD_PLOVER,
            "E101",
            3,
            "quad_class",
        ),
        (
            "bad-header",
            _replace(GOOD_CAMEO, 1, "code\tlabel\tgoldstein\tquad_class"),
            GOOD_PLOVER,
            "E101",
            1,
            "name",
        ),
        (
            "plover-unknown-code",
            GOOD_CAMEO,
            GOOD_PLOVER + ["199\tASSAULT\t"],
            "E102",
            6,
            "code",
        ),
        (
            "plover-unknown-event",
            GOOD_CAMEO,
            _replace(GOOD_PLOVER, 5, "190\tDEMAND\t"),
            "E101",
            5,
            "plover_event",
        ),
        (
            "plover-empty-event",
            GOOD_CAMEO,
            _replace(GOOD_PLOVER, 4, "19\t\t"),
            "E101",
            4,
            "plover_event",
        ),
        (
            "plover-bad-mode",
            GOOD_CAMEO,
            _replace(GOOD_PLOVER, 5, "190\tASSAULT\tSmall Arms"),
            "E101",
            5,
            "plover_mode",
        ),
        (
            "plover-duplicate",
            GOOD_CAMEO,
            GOOD_PLOVER + ["010\tREJECT\t"],
            "E101",
            6,
            "code",
        ),
        (
            "plover-missing-row",
            GOOD_CAMEO,
            _replace(GOOD_PLOVER, 3, None),
            "E101",
            None,
            "code",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and "\t" not in value else "",
)
def test_cameo_malformed_file_raises_data_file_error(
    tmp_path: Path,
    case: str,
    cameo: list[str],
    plover: list[str],
    error: str,
    line: int | None,
    field: str,
) -> None:
    cameo_path, plover_path = _write(tmp_path, cameo, plover)
    with pytest.raises(DataFileError) as info:
        CameoTable.load(cameo_path, plover_path)
    exc = info.value
    message = str(exc)
    bad_file = plover_path if case.startswith("plover") else cameo_path
    assert exc.code == error
    assert message.startswith(error)
    assert bad_file.name in message
    assert exc.line == line
    if line is not None:
        assert f"{bad_file.name}:{line}" in message
    assert exc.field == field
    assert f"'{field}'" in message


# --- cross-check against the reference lists in ../shared (read at run time only) ---------


def _read_code_column(path: Path) -> dict[str, str]:
    """A two-column TSV with a header row → {code: value}."""
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split("\t", 1) for line in rows if line.strip())


@pytest.mark.shared
def test_cameo_codes_and_goldstein_match_reference(table: CameoTable, shared_dir: Path) -> None:
    cameo_dir = shared_dir / "corpora" / "cameo"
    names = _read_code_column(cameo_dir / "CAMEO.eventcodes.txt")
    weights = _read_code_column(cameo_dir / "CAMEO.goldsteinscale.txt")
    assert set(table.codes()) == set(names), (
        f"missing: {sorted(set(names) - set(table.codes()))}, "
        f"extra: {sorted(set(table.codes()) - set(names))}"
    )
    wrong = {
        code: (table[code].goldstein, float(value))
        for code, value in weights.items()
        if code in table and table[code].goldstein != float(value)
    }
    assert set(weights) == set(names)
    assert not wrong, f"Goldstein (ours, reference): {wrong}"


_PLOVER_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Za-z~]+)")


@pytest.mark.shared
def test_cameo_plover_agrees_with_cameo2plover(table: CameoTable, shared_dir: Path) -> None:
    """CAMEO2PLOVER-2021.txt lines read ``code: EVENT, mode, context # comment``."""
    text = (shared_dir / "corpora" / "plover" / "CAMEO2PLOVER-2021.txt").read_text("utf-8")
    reference: dict[str, str] = {}
    for raw in text.splitlines():
        match = _PLOVER_LINE.match(raw)
        if match and match.group(2).upper() in PLOVER_EVENTS:
            reference[match.group(1)] = match.group(2).upper()
    assert len(reference) > 200
    # The reference also lists a few CAMEO codes that GDELT's table lacks (e.g. 1213, 1214).
    compared = [code for code in reference if code in table]
    assert len(reference) - len(compared) <= 5, sorted(set(reference) - set(compared))
    disagree = {
        code: (table[code].plover_event, reference[code])
        for code in compared
        if table[code].plover_event != reference[code]
    }
    agreement = 1 - len(disagree) / len(compared)
    assert agreement >= 0.95, f"{agreement:.1%} agreement; (ours, reference): {disagree}"
