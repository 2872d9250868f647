"""The CAMEO event code table and its CAMEO → PLOVER map, loaded from data files.

Two tab-separated files under ``detente/data/cameo/`` hold the knowledge:

* ``cameo.tsv``: ``code  name  goldstein  quad_class``, one row per CAMEO 1.1b3 code
  (roots ``01``..``20``, 3-digit base codes, 4-digit subcodes);
* ``cameo_plover.tsv``: ``code  plover_event  plover_mode  [note]``, one row per CAMEO code.

Both are validated row by row when loaded. The first bad row stops the load with a
:class:`~detente.errors.DataFileError` that names the file, the 1-based line and the field:
``E101`` for a malformed row, ``E102`` for a PLOVER row whose CAMEO code is not in the table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from detente.errors import DataFileError

__all__ = ["PLOVER_EVENTS", "CameoCode", "CameoTable", "PloverEvent", "quad_class_of_root"]

PloverEvent = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
#: The 16 PLOVER 2021 event types.
PLOVER_EVENTS: tuple[str, ...] = get_args(PloverEvent)

_CAMEO_COLUMNS = ("code", "name", "goldstein", "quad_class")
_PLOVER_COLUMNS = ("code", "plover_event", "plover_mode", "note")
_PLOVER_REQUIRED = 3

_Source = Path | Traversable


def quad_class_of_root(root: str) -> int:
    """The QuadClass of a two-digit root: 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"no CAMEO root {root!r}")
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    if number <= 14:
        return 3
    return 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its Goldstein weight, QuadClass and PLOVER counterpart."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit root (``"0333"`` → ``"03"``)."""
        return self.code[:2]


class _CameoRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
    name: str = Field(min_length=1)
    goldstein: float = Field(ge=-10.0, le=10.0, allow_inf_nan=False)
    quad_class: int = Field(ge=1, le=4, strict=False)

    @field_validator("name")
    @classmethod
    def _name_is_trimmed(cls, value: str) -> str:
        if value != value.strip():
            raise ValueError("name has leading or trailing spaces")
        return value


class _PloverRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[0-9]{2,4}$")
    plover_event: PloverEvent
    plover_mode: str | None = Field(default=None, pattern=r"^[a-z][a-z-]*$")
    note: str | None = None


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    values: dict[str, str]


def _default(name: str) -> Traversable:
    return files("detente").joinpath("data", "cameo", name)


def _label(source: _Source) -> str:
    return str(source)


def _read_lines(source: _Source, columns: tuple[str, ...], required: int) -> Iterator[_Line]:
    """Yield the data lines of a TSV file as column → value, checking header and widths."""
    label = _label(source)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError("E101", f"cannot read data file: {exc}", path=label) from exc
    lines = text.splitlines()
    if not lines:
        raise DataFileError("E101", "empty data file, a header row is missing", path=label, line=1)
    header = lines[0].split("\t")
    if len(header) < required or tuple(header) != columns[: len(header)]:
        bad = next(
            (col for i, col in enumerate(columns) if i >= len(header) or header[i] != col),
            header[-1],
        )
        raise DataFileError(
            "E101",
            f"bad header {lines[0]!r}, expected columns {', '.join(columns)}",
            path=label,
            line=1,
            field=bad,
        )
    width = len(header)
    for number, raw in enumerate(lines[1:], start=2):
        if raw == "":
            continue
        cells = raw.split("\t")
        if len(cells) < required or len(cells) > width:
            field = header[len(cells)] if len(cells) < required else header[-1]
            raise DataFileError(
                "E101",
                f"expected {required if required == width else f'{required} to {width}'} "
                f"tab-separated columns, found {len(cells)}",
                path=label,
                line=number,
                field=field,
            )
        yield _Line(number, dict(zip(header, cells, strict=False)))


def _validation_error(exc: ValidationError, label: str, line: int) -> DataFileError:
    first = exc.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else None
    value = first.get("input")
    return DataFileError("E101", f"bad value {value!r}: {first['msg']}", label, line, field)


def _load_cameo(source: _Source) -> dict[str, tuple[_CameoRow, int]]:
    label = _label(source)
    rows: dict[str, tuple[_CameoRow, int]] = {}
    for line in _read_lines(source, _CAMEO_COLUMNS, len(_CAMEO_COLUMNS)):
        try:
            row = _CameoRow.model_validate(line.values)
        except ValidationError as exc:
            raise _validation_error(exc, label, line.number) from exc
        if row.code in rows:
            first = rows[row.code][1]
            raise DataFileError(
                "E101",
                f"duplicate CAMEO code {row.code!r} (first on line {first})",
                label,
                line.number,
                "code",
            )
        expected = quad_class_of_root(row.code[:2])
        if row.quad_class != expected:
            raise DataFileError(
                "E101",
                f"quad_class {row.quad_class} does not match root {row.code[:2]!r} "
                f"(expected {expected})",
                label,
                line.number,
                "quad_class",
            )
        rows[row.code] = (row, line.number)
    for code, (_row, number) in rows.items():
        parent = code[:-1]
        if len(code) > 2 and parent not in rows:
            raise DataFileError(
                "E101", f"code {code!r} has no parent code {parent!r}", label, number, "code"
            )
    return rows


def _load_plover(source: _Source, known: dict[str, tuple[_CameoRow, int]]) -> dict[str, _PloverRow]:
    label = _label(source)
    rows: dict[str, tuple[_PloverRow, int]] = {}
    for line in _read_lines(source, _PLOVER_COLUMNS, _PLOVER_REQUIRED):
        values = {key: value for key, value in line.values.items() if value != "" or key == "code"}
        try:
            row = _PloverRow.model_validate(values)
        except ValidationError as exc:
            raise _validation_error(exc, label, line.number) from exc
        if row.code not in known:
            raise DataFileError(
                "E102", f"unknown CAMEO code {row.code!r}", label, line.number, "code"
            )
        if row.code in rows:
            first = rows[row.code][1]
            raise DataFileError(
                "E101",
                f"duplicate CAMEO code {row.code!r} (first on line {first})",
                label,
                line.number,
                "code",
            )
        rows[row.code] = (row, line.number)
    missing = [code for code in known if code not in rows]
    if missing:
        raise DataFileError(
            "E101",
            f"no PLOVER row for CAMEO code(s) {', '.join(repr(c) for c in missing[:5])}"
            + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""),
            path=label,
            field="code",
        )
    return {code: row for code, (row, _number) in rows.items()}


class CameoTable:
    """The CAMEO event codes, looked up by code string (``"0333"``, ``"163"``, ``"19"``)."""

    __slots__ = ("_codes",)

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = dict(codes)

    @classmethod
    def load(cls, cameo_path: Path | None = None, plover_path: Path | None = None) -> CameoTable:
        """Load and validate the CAMEO table and its PLOVER map (default: the packaged files).

        Raises :class:`~detente.errors.DataFileError` (``E101`` bad row, ``E102`` unknown
        CAMEO code in the PLOVER file) naming the file, line and field of the first bad row.
        """
        cameo_source: _Source = cameo_path if cameo_path is not None else _default("cameo.tsv")
        plover_source: _Source = (
            plover_path if plover_path is not None else _default("cameo_plover.tsv")
        )
        cameo_rows = _load_cameo(cameo_source)
        plover_rows = _load_plover(plover_source, cameo_rows)
        codes: dict[str, CameoCode] = {}
        for code, (row, _number) in cameo_rows.items():
            plover = plover_rows[code]
            codes[code] = CameoCode(
                code=code,
                name=row.name,
                goldstein=row.goldstein,
                quad_class=row.quad_class,
                plover_event=plover.plover_event,
                plover_mode=plover.plover_mode,
            )
        return cls(codes)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[CameoCode]:
        return (self._codes[code] for code in self.codes())

    def get(self, code: str) -> CameoCode | None:
        """The code's record, or ``None`` when the table has no such code."""
        return self._codes.get(code)

    def codes(self) -> list[str]:
        """All codes in hierarchical order (``"01"``, ``"010"``, ``"011"``, …, ``"2042"``)."""
        return sorted(self._codes)

    def roots(self) -> list[str]:
        """The two-digit root codes, ``"01"`` to ``"20"``."""
        return sorted(code for code in self._codes if len(code) == 2)

    def name(self, code: str) -> str:
        """The code's name; raises ``KeyError`` for an unknown code."""
        return self._codes[code].name
