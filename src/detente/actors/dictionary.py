"""The actor dictionary: countries, organisations, role words and people, loaded from YAML.

The knowledge lives in ``detente/data/actors/``:

* ``countries.yaml``: extra names, adjectives/demonyms, capitals and seats of power for each
  country (ISO 3166 names themselves come from :mod:`pycountry`);
* ``organisations.yaml``: IGOs, NGOs, armed groups, parties and news media;
* ``roles.yaml``: the sector table and role words ("minister", "troops", "rebels");
* ``people.yaml``: office holders with dated terms.

A user file has the same schema and may hold any of the top-level keys ``sectors``,
``roles``, ``countries``, ``organisations`` and ``people``; its surface forms replace
packaged entries with the same surface. Every row is validated at load; a bad row raises
:class:`~detente.errors.DataFileError` naming file, line and field and stops the load:
``E100`` unreadable or malformed YAML, ``E101`` a bad or missing field, ``E105`` a
duplicate, ``E106`` an unknown sector, role or actor code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from detente.datafiles import data_path
from detente.errors import DataFileError

__all__ = ["Office", "Entry", "Role", "ActorDictionary", "PACKAGED_FILES"]

PACKAGED_FILES: tuple[str, ...] = (
    "roles.yaml", "countries.yaml", "organisations.yaml", "people.yaml",
)
_KEYS = ("sectors", "roles", "countries", "organisations", "people")
_GROUP_PREFIXES = ("IGO", "NGO", "IMG")


@dataclass(frozen=True, slots=True)
class Office:
    """A dated term in an office; ``code`` is the actor code while in it when it differs
    from the person's country (``IGOUNO`` for a UN Secretary-General)."""

    role: str
    sectors: tuple[str, ...]
    start: date | None
    end: date | None  # exclusive: the day a successor takes over; None while in office
    code: str | None = None

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form of one actor, as the phrase matcher sees it."""

    kind: str  # country | adjective | people | capital | seat | organisation | media | person
    surface: str
    name: str
    code: str
    country: str | None
    sectors: tuple[str, ...]
    type: str  # state | person | igo | ngo | group | media
    ambiguous: bool = False
    offices: tuple[Office, ...] = ()
    entity_id: str = ""
    national_society: bool = False  # "<Adjective> Red Cross": code as the adjective's country


@dataclass(frozen=True, slots=True)
class Role:
    """A role word or phrase (a lower-case lemma) and the sector it denotes."""

    phrase: str
    sector: str
    person: bool
    title: bool
    implies_country: str | None
    forms: tuple[str, ...] = ()  # inflected forms the matcher should also accept


# --------------------------------------------------------------------------- schema


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _OfficeRow(_Row):
    role: str
    start: date | None = None
    end: date | None = None
    sectors: list[str] | None = None
    code: str | None = Field(default=None, pattern=r"^[A-Z0-9]{3,}$")


class _SeatRow(_Row):
    name: str = Field(min_length=1)
    sector: str


class _CountryRow(_Row):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str | None = None
    un_member: bool = False
    aliases: list[str] = []
    drop_names: list[str] = []
    adjectives: list[str] = []
    demonyms: list[str] = []
    peoples: list[str] = []
    capitals: list[str] = []
    seats: list[_SeatRow] = []
    ambiguous: list[str] = []


class _OrgRow(_Row):
    code: str = Field(pattern=r"^([A-Z0-9]{3})+$")
    name: str = Field(min_length=1)
    aliases: list[str] = []
    type: Literal["igo", "ngo", "group", "media"]
    country: str | None = None
    sectors: list[str] = []
    id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    ambiguous: list[str] = []
    national_society: bool = False
    offices: list[_OfficeRow] = []


class _PersonRow(_Row):
    name: str = Field(min_length=1)
    aliases: list[str] = []
    nicknames: list[str] = []  # single-word forms that are not surnames: "Lula", "MBS"
    country: str = Field(pattern=r"^[A-Z]{3}$")
    offices: list[_OfficeRow] = Field(min_length=1)
    ambiguous: list[str] = []


class _RoleRow(_Row):
    phrase: str = Field(pattern=r"^[a-z0-9][a-z0-9 .'-]*$")
    sector: str
    person: bool = False
    title: bool = False
    implies_country: str | None = None
    forms: list[str] | None = None


# --------------------------------------------------------------------------- YAML with lines


class _Map(dict[str, Any]):
    """A YAML mapping that remembers the line of itself and of each key."""

    __slots__ = ("line", "lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}


@dataclass(frozen=True, slots=True)
class _Raw:
    """One row of one file, not yet validated."""

    label: str
    user: bool
    data: Any
    line: int


def _node_value(node: yaml.Node, con: yaml.constructor.SafeConstructor, label: str,
                field: str | None = None) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = _Map(node.start_mark.line + 1)
        for key_node, value_node in node.value:
            key = str(_node_value(key_node, con, label))
            line = key_node.start_mark.line + 1
            if key in out:
                raise DataFileError("E105", "duplicate key", path=label, line=line, field=key)
            out[key] = _node_value(value_node, con, label, key)
            out.lines[key] = line
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_node_value(child, con, label, field) for child in node.value]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        return con.construct_object(node)
    except (ValueError, yaml.YAMLError) as exc:  # e.g. a date such as 2020-13-01
        raise DataFileError("E100", f"bad value {node.value!r}: {exc}", path=label,
                            line=node.start_mark.line + 1, field=field) from exc


def _read_file(path: Path, label: str) -> _Map:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError("E100", f"cannot read data file: {exc.strerror}", path=label) from exc
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(
            "E100", f"malformed YAML: {getattr(exc, 'problem', exc)}", path=label,
            line=None if mark is None else mark.line + 1,
        ) from exc
    if node is None:
        return _Map(1)
    con = yaml.constructor.SafeConstructor()
    data = _node_value(node, con, label)
    if not isinstance(data, _Map):
        raise DataFileError("E100", "expected a mapping at the top level", path=label, line=1)
    for key in data:
        if key not in _KEYS:
            raise DataFileError("E101", f"unknown top-level key (expected {', '.join(_KEYS)})",
                                path=label, line=data.lines[key], field=key)
    return data


def _validate(model: type[Any], raw: _Raw) -> Any:
    try:
        return model.model_validate(raw.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        field = ".".join(str(p) for p in loc) or None
        raise DataFileError("E101", err["msg"], path=raw.label, line=_line_of(raw, loc),
                            field=field) from exc


def _line_of(raw: _Raw, loc: Sequence[str | int]) -> int:
    """Line of the deepest node on the path ``loc`` (keys and list indexes) that knows it."""
    line, node = raw.line, raw.data
    for part in loc:
        if isinstance(node, _Map) and isinstance(part, str) and part in node:
            line, node = node.lines[part], node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            line = node.line if isinstance(node, _Map) else line
        else:
            break
    return line


def _field_line(raw: _Raw, name: str) -> int:
    return _line_of(raw, [int(p) if p.isdigit() else p for p in name.split(".")])


# --------------------------------------------------------------------------- helpers


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _inverted(name: str) -> bool:
    """ISO list forms such as 'Korea, Republic of' or 'Virgin Islands, U.S.'."""
    if ", " not in name:
        return False
    tail = name.rsplit(", ", 1)[1]
    return " " not in tail or tail.endswith((" of", " of the"))


def _iso_names(iso3: str) -> tuple[str | None, list[str]]:
    record = pycountry.countries.get(alpha_3=iso3)
    if record is None:
        return None, []
    names = [getattr(record, attr, None) for attr in ("common_name", "name", "official_name")]
    clean = [re.sub(r"^the ", "", n) for n in names if n and not _inverted(n)]
    return (clean[0] if clean else None), clean


# --------------------------------------------------------------------------- the dictionary


class ActorDictionary:
    """Every actor surface form with its code; picklable, immutable after load."""

    def __init__(self, entries: Sequence[Entry], roles: Sequence[Role],
                 overrides: Sequence[str] = ()) -> None:
        self._entries = tuple(entries)
        self._roles = tuple(roles)
        self.overrides: tuple[str, ...] = tuple(overrides)
        self._by_surface: dict[str, list[Entry]] = {}
        self._by_fold: dict[str, list[Entry]] = {}
        self._countries: dict[str, Entry] = {}
        self._role_index: dict[str, Role] = {}
        for entry in self._entries:
            self._by_surface.setdefault(entry.surface, []).append(entry)
            self._by_fold.setdefault(entry.surface.casefold(), []).append(entry)
            if entry.kind == "country" and entry.surface == entry.name:
                self._countries.setdefault(entry.code, entry)
        for hits in (*self._by_surface.values(), *self._by_fold.values()):
            hits.sort(key=lambda e: e.ambiguous)  # the default reading first
        for role in self._roles:
            for form in (role.phrase, *role.forms):
                self._role_index.setdefault(form, role)

    # ---- loading

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> ActorDictionary:
        """Load the packaged files, then ``extra`` user files (which override by surface)."""
        raws: dict[str, list[_Raw]] = {key: [] for key in _KEYS}
        files = [(data_path("actors", name), f"actors/{name}", False) for name in PACKAGED_FILES]
        files += [(Path(p), str(p), True) for p in extra]
        for path, label, user in files:
            data = _read_file(path, label)
            for key, value in data.items():
                line = data.lines[key]
                if key == "sectors":
                    if not isinstance(value, _Map):
                        raise DataFileError("E101", "expected a mapping of sector codes",
                                            path=label, line=line, field=key)
                    raws[key] += [_Raw(label, user, item, value.lines[item[0]])
                                  for item in value.items()]
                    continue
                if not isinstance(value, list):
                    raise DataFileError("E101", "expected a list", path=label, line=line, field=key)
                for item in value:
                    row_line = item.line if isinstance(item, _Map) else line
                    raws[key].append(_Raw(label, user, item, row_line))
        return _Builder(raws).build(cls)

    @classmethod
    def check(cls, path: Path) -> list[str]:
        """Validate a user file against the packaged data.

        Raises :class:`DataFileError` on the first bad row; otherwise returns notes (empty
        unless the file overrides packaged surface forms).
        """
        loaded = cls.load(extra=[path])
        return [f"{path}: overrides packaged entries for {s!r}" for s in loaded.overrides]

    # ---- queries

    def entries(self) -> Iterator[Entry]:
        """Every surface form (for a phrase matcher)."""
        return iter(self._entries)

    def lookup(self, surface: str) -> list[Entry]:
        """Entries with exactly this surface; a leading 'the ' is tried off when nothing matches."""
        hits = self._by_surface.get(surface)
        if hits is None and surface[:4] in ("the ", "The "):
            hits = self._by_surface.get(surface[4:])
        return list(hits or ())

    def lookup_casefold(self, surface: str) -> list[Entry]:
        key = surface.casefold()
        hits = self._by_fold.get(key)
        if hits is None and key.startswith("the "):
            hits = self._by_fold.get(key[4:])
        return list(hits or ())

    def roles(self) -> list[Role]:
        return list(self._roles)

    def role(self, phrase: str) -> Role | None:
        """The role for a lower-case lemma phrase (plural and listed forms also accepted)."""
        return self._role_index.get(" ".join(phrase.lower().split()))

    def country(self, iso3: str) -> Entry | None:
        return self._countries.get(iso3)

    def adjective_country(self, word: str) -> str | None:
        """Country code for an adjective or demonym: 'Chinese' -> 'CHN'."""
        for hits in (self._by_surface.get(word, []), self._by_fold.get(word.casefold(), [])):
            adjectives = [e for e in hits if e.kind in {"adjective", "people"}]
            if adjectives:  # the unflagged reading first: "Congolese" -> COD, not COG
                return min(adjectives, key=lambda e: e.ambiguous).code
        return None

    def national_society_code(self, iso3: str) -> str:
        """Code for '<Adjective> Red Cross/Red Crescent': the country with sector NGO."""
        return f"{iso3}NGO"

    def person_office(self, entry: Entry, on: date | None) -> Office | None:
        """The office in force on ``on`` (the latest start wins); the latest if ``on`` is None."""
        if not entry.offices:
            return None
        if on is None:
            return max(entry.offices, key=lambda o: o.start or date.min)
        live = [o for o in entry.offices if o.covers(on)]
        return max(live, key=lambda o: o.start or date.min) if live else None

    def person_sectors(self, entry: Entry, on: date | None) -> tuple[tuple[str, ...], str | None]:
        """Sectors and role in force on ``on``; ``((), None)`` outside every term."""
        office = self.person_office(entry, on)
        return (office.sectors, office.role) if office else ((), None)

    def __len__(self) -> int:
        return len(self._entries)


class _Builder:
    """Validates raw rows and turns them into entries (one load, then discarded)."""

    def __init__(self, raws: dict[str, list[_Raw]]) -> None:
        self.raws = raws
        self.sectors: set[str] = set()
        self.roles: dict[str, Role] = {}
        self.countries: set[str] = {c.alpha_3 for c in pycountry.countries}
        self.orgs: dict[str, tuple[str, ...]] = {}  # org code -> sectors
        self.packaged: list[Entry] = []
        self.user: list[Entry] = []

    def fail(self, code: str, message: str, raw: _Raw, name: str) -> DataFileError:
        return DataFileError(code, message, path=raw.label, line=_field_line(raw, name), field=name)

    def build(self, cls: type[ActorDictionary]) -> ActorDictionary:
        for raw in self.raws["sectors"]:
            key, _label = raw.data
            if not re.fullmatch(r"[A-Z]{3}", key):
                raise DataFileError("E101", "a sector code is three capital letters",
                                    path=raw.label, line=raw.line, field=f"sectors.{key}")
            self.sectors.add(key)
        for raw in self.raws["roles"]:
            self._role(raw)
        countries = [(raw, _validate(_CountryRow, raw)) for raw in self.raws["countries"]]
        self.countries |= {row.iso3 for _raw, row in countries}
        orgs = [(raw, _validate(_OrgRow, raw)) for raw in self.raws["organisations"]]
        for raw, org in orgs:
            self._check_sectors(org.sectors, raw, "sectors")
            if org.id is None or org.code not in self.orgs:  # bodies sharing a code: the main
                self.orgs[org.code] = tuple(org.sectors)      # entry (no 'id') gives sectors
        seen_ids: dict[str, _Raw] = {}
        for raw, org in orgs:
            self._org(raw, org, seen_ids)
        self._countries(countries)
        seen_people: set[str] = set()
        for raw in self.raws["people"]:
            self._person(raw, _validate(_PersonRow, raw), seen_people)
        user_surfaces = {e.surface for e in self.user}
        overridden = sorted({e.surface for e in self.packaged if e.surface in user_surfaces})
        entries = [e for e in self.packaged if e.surface not in user_surfaces] + self.user
        return cls(entries, list(self.roles.values()), overridden)

    # ---- checks

    def _check_sectors(self, sectors: Sequence[str], raw: _Raw, name: str) -> None:
        for sector in sectors:
            if sector not in self.sectors:
                raise self.fail("E106", f"unknown sector {sector!r}", raw, name)

    def _check_code(self, code: str, raw: _Raw, name: str) -> tuple[str, ...]:
        """Validate an actor code; return the sectors it carries."""
        if code in self.orgs:
            return self.orgs[code]
        base, tail = code[:3], code[3:]
        parts = tuple(tail[i:i + 3] for i in range(0, len(tail), 3))
        if base in self.countries and len(tail) % 3 == 0 and all(p in self.sectors for p in parts):
            return parts
        raise self.fail("E106", f"unknown actor code {code!r}", raw, name)

    def _check_ambiguous(self, flagged: Sequence[str], surfaces: set[str], raw: _Raw) -> None:
        for surface in flagged:
            if surface not in surfaces:
                raise self.fail("E106", f"ambiguous surface {surface!r} is not one of this "
                                "entry's names", raw, "ambiguous")

    def _add(self, raw: _Raw, entry: Entry) -> None:
        (self.user if raw.user else self.packaged).append(entry)

    # ---- rows

    def _role(self, raw: _Raw) -> None:
        row = _validate(_RoleRow, raw)
        self._check_sectors([row.sector], raw, "sector")
        if row.implies_country is not None and row.implies_country not in self.countries:
            raise self.fail("E106", f"unknown country {row.implies_country!r}", raw,
                            "implies_country")
        if row.phrase in self.roles and not raw.user:
            raise self.fail("E105", f"duplicate role {row.phrase!r}", raw, "phrase")
        forms = tuple(row.forms) if row.forms is not None else (_plural(row.phrase),)
        self.roles[row.phrase] = Role(row.phrase, row.sector, row.person, row.title,
                                      row.implies_country, tuple(f.lower() for f in forms))

    def _offices(self, rows: Sequence[_OfficeRow], base: str, raw: _Raw) -> tuple[Office, ...]:
        out = []
        for i, o in enumerate(rows):
            name = f"offices.{i}"
            role = self.roles.get(o.role)
            if role is None:
                raise self.fail("E106", f"unknown role {o.role!r} (add it to roles)", raw, name)
            if o.start and o.end and o.end < o.start:
                raise self.fail("E101", f"office ends ({o.end}) before it starts ({o.start})",
                                raw, name)
            effective = o.code or base
            carried = self._check_code(effective, raw, name)
            if o.sectors is not None:
                self._check_sectors(o.sectors, raw, name)
                sectors = tuple(o.sectors)
            elif effective in self.orgs or len(effective) > 3:
                sectors = carried
            else:
                sectors = (role.sector,)
            code = None if o.code in (None, base) else o.code
            out.append(Office(o.role, sectors, o.start, o.end, code))
        return tuple(out)

    def _org(self, raw: _Raw, org: _OrgRow, seen_ids: dict[str, _Raw]) -> None:
        prefix = org.code[:3]
        country: str | None
        if prefix in _GROUP_PREFIXES:  # organisations: their own code is the "country"
            country = org.country or org.code
        else:
            if prefix not in self.countries:
                raise self.fail("E106", f"unknown country in code {org.code!r}", raw, "code")
            country = org.country or prefix
        if org.national_society:  # the country comes from the adjective in the text
            country = None
        key = org.id or (_slug(org.name) if org.type == "media" else org.code)
        if key in seen_ids and not raw.user:
            raise self.fail("E105", f"duplicate organisation id {key!r} (give an 'id')", raw,
                            "id" if org.id else "code")
        seen_ids[key] = raw
        surfaces = [org.name, *org.aliases]
        self._check_ambiguous(org.ambiguous, set(surfaces), raw)
        offices = self._offices(org.offices, org.code, raw)
        kind = "media" if org.type == "media" else "organisation"
        for surface in dict.fromkeys(surfaces):
            self._add(raw, Entry(kind, surface, org.name, org.code, country, tuple(org.sectors),
                                 org.type, surface in org.ambiguous, offices, f"org:{key}",
                                 org.national_society))

    def _countries(self, rows: list[tuple[_Raw, _CountryRow]]) -> None:
        claimed: dict[str, dict[str, bool]] = {}
        listed = {row.iso3 for raw, row in rows if not raw.user}
        for raw, row in rows:
            self._country(raw, row, claimed)
        for record in pycountry.countries:  # ISO entries with no YAML row still get their names
            if record.alpha_3 not in listed:
                blank = _Raw("pycountry", False, {}, 0)
                self._country(blank, _CountryRow(iso3=record.alpha_3), claimed)

    def _country(self, raw: _Raw, row: _CountryRow,
                 claimed: dict[str, dict[str, bool]]) -> None:
        iso_name, iso_names = _iso_names(row.iso3)
        name = row.name or iso_name
        if name is None:
            raise self.fail("E101", f"{row.iso3} is not in ISO 3166: give a 'name'", raw, "name")
        names = [n for n in dict.fromkeys([name, *iso_names, *row.aliases])
                 if n not in row.drop_names]
        adjectives = list(row.adjectives)
        for adj in row.adjectives:
            if adj.endswith(("an", "i")):
                adjectives.append(adj + "s")
        adjectives += row.demonyms
        groups: list[tuple[str, list[str], str, tuple[str, ...]]] = [
            ("country", names, row.iso3, ()),
            ("adjective", adjectives, row.iso3, ()),
            ("people", list(row.peoples), row.iso3, ()),
            ("capital", list(row.capitals), row.iso3 + "GOV", ("GOV",)),
        ]
        for seat in row.seats:
            self._check_sectors([seat.sector], raw, "seats")
            groups.append(("seat", [seat.name], row.iso3 + seat.sector, (seat.sector,)))
        self._check_ambiguous(row.ambiguous, {s for g in groups for s in g[1]}, raw)
        for kind, surfaces, code, sectors in groups:
            for surface in dict.fromkeys(surfaces):
                owners = claimed.setdefault(surface, {})
                owners.setdefault(code, surface in row.ambiguous)
                plain = [c for c, amb in owners.items() if not amb]
                if len(owners) > 1 and len(plain) > 1 and not raw.user:
                    raise self.fail("E105", f"{surface!r} is used for {' and '.join(owners)}; "
                                    "flag it 'ambiguous' for all but one", raw,
                                    "aliases" if kind == "country" else f"{kind}s")
                suffix = "#" + code[3:] if len(code) > 3 else ""
                self._add(raw, Entry(kind, surface, name, code, row.iso3, sectors, "state",
                                     surface in row.ambiguous, (),
                                     f"country:{row.iso3}{suffix}"))

    def _person(self, raw: _Raw, row: _PersonRow, seen: set[str]) -> None:
        if row.country not in self.countries:
            raise self.fail("E106", f"unknown country {row.country!r}", raw, "country")
        for alias in row.aliases:
            if " " not in alias.strip():
                raise self.fail("E101", f"single-word alias {alias!r}: surnames are resolved from "
                                "the story; put nicknames under 'nicknames'", raw, "aliases")
        key = _slug(row.name)
        if key in seen and not raw.user:
            raise self.fail("E105", f"duplicate person {row.name!r}", raw, "name")
        seen.add(key)
        offices = self._offices(row.offices, row.country, raw)
        surfaces = [row.name, *row.aliases, *row.nicknames]
        self._check_ambiguous(row.ambiguous, set(surfaces), raw)
        for surface in dict.fromkeys(surfaces):
            self._add(raw, Entry("person", surface, row.name, row.country, row.country, (),
                                 "person", surface in row.ambiguous, offices, f"person:{key}"))
