"""Tests for the actor dictionary (countries, organisations, roles, people)."""

from __future__ import annotations

import pickle
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pycountry
import pytest

from detente.actors.dictionary import ActorDictionary, Entry
from detente.errors import DataFileError

# ISO 3166 entries that are not UN member states (territories, observers, Taiwan, ...).
NON_MEMBERS = frozenset(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL "
    "GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PSE PYF REU SGS "
    "SHN SJM SPM SXM TCA TKL TWN UMI VAT VGB VIR WLF".split()
)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _person(actors: ActorDictionary, name: str) -> Entry:
    hits = [e for e in actors.lookup(name) if e.kind == "person"]
    assert hits, name
    return hits[0]


@pytest.mark.parametrize(
    ("surface", "kind", "code"),
    [
        ("U.S.", "country", "USA"),
        ("US", "country", "USA"),
        ("USA", "country", "USA"),
        ("America", "country", "USA"),
        ("United States", "country", "USA"),
        ("Britain", "country", "GBR"),
        ("UK", "country", "GBR"),
        ("U.K.", "country", "GBR"),
        ("Great Britain", "country", "GBR"),
        ("United Kingdom", "country", "GBR"),
        ("South Korea", "country", "KOR"),
        ("North Korea", "country", "PRK"),
        ("DPRK", "country", "PRK"),
        ("DRC", "country", "COD"),
        ("Congo-Kinshasa", "country", "COD"),
        ("Russia", "country", "RUS"),
        ("Iran", "country", "IRN"),
        ("Syria", "country", "SYR"),
        ("Vietnam", "country", "VNM"),
        ("Laos", "country", "LAO"),
        ("Turkey", "country", "TUR"),
        ("Turkiye", "country", "TUR"),
        ("Türkiye", "country", "TUR"),
        ("Ivory Coast", "country", "CIV"),
        ("Czech Republic", "country", "CZE"),
        ("Burma", "country", "MMR"),
        ("Taiwan", "country", "TWN"),
        ("Kosovo", "country", "XKX"),
        ("Palestine", "country", "PSE"),
        ("Western Sahara", "country", "ESH"),
        ("Hong Kong", "country", "HKG"),
        ("Emirati", "adjective", "ARE"),
        ("Chinese", "adjective", "CHN"),
        ("Ukrainian", "adjective", "UKR"),
        ("Ukrainians", "adjective", "UKR"),
        ("American", "adjective", "USA"),
        ("Americans", "adjective", "USA"),
        ("British", "adjective", "GBR"),
        ("Britons", "adjective", "GBR"),
        ("Saudi", "adjective", "SAU"),
        ("Israeli", "adjective", "ISR"),
        ("Israelis", "adjective", "ISR"),
        ("Palestinian", "adjective", "PSE"),
        ("Filipino", "adjective", "PHL"),
        ("Filipinos", "adjective", "PHL"),
        ("Kenyan", "adjective", "KEN"),
        ("Kyiv", "capital", "UKRGOV"),
        ("Kiev", "capital", "UKRGOV"),
        ("Beijing", "capital", "CHNGOV"),
        ("Moscow", "capital", "RUSGOV"),
        ("Washington", "capital", "USAGOV"),
        ("Tehran", "capital", "IRNGOV"),
        ("the Pentagon", "seat", "USAMIL"),
        ("Pentagon", "seat", "USAMIL"),
        ("Kremlin", "seat", "RUSGOV"),
        ("the Kremlin", "seat", "RUSGOV"),
        ("White House", "seat", "USAGOV"),
        ("Downing Street", "seat", "GBRGOV"),
        ("Elysee", "seat", "FRAGOV"),
        ("Élysée", "seat", "FRAGOV"),
        ("Zhongnanhai", "seat", "CHNGOV"),
        ("Blue House", "seat", "KORGOV"),
        ("Capitol Hill", "seat", "USALEG"),
        ("Congress", "seat", "USALEG"),
        ("State Department", "seat", "USAGOV"),
        ("Foggy Bottom", "seat", "USAGOV"),
        ("Whitehall", "seat", "GBRGOV"),
        ("Quai d'Orsay", "seat", "FRAGOV"),
        ("Knesset", "seat", "ISRLEG"),
        ("Duma", "seat", "RUSLEG"),
        ("NATO", "organisation", "IGOWSTNAT"),
        ("UN", "organisation", "IGOUNO"),
        ("UN Security Council", "organisation", "IGOUNO"),
        ("UNHCR", "organisation", "IGOUNOHCR"),
        ("IAEA", "organisation", "IGOUNOIAE"),
        ("EU", "organisation", "IGOEUREEC"),
        ("European Commission", "organisation", "IGOEUREEC"),
        ("African Union", "organisation", "IGOAFRAFU"),
        ("ASEAN", "organisation", "IGOSEAASN"),
        ("Arab League", "organisation", "IGOARBARL"),
        ("Interpol", "organisation", "IGOCOPITP"),
        ("IMF", "organisation", "IGOBUSIMF"),
        ("World Bank", "organisation", "IGOUNODEVWBK"),
        ("ICRC", "organisation", "NGOIRC"),
        ("Amnesty International", "organisation", "NGOHRIAMN"),
        ("Doctors Without Borders", "organisation", "NGOHLHMSF"),
        ("Hamas", "organisation", "PSEREBHMS"),
        ("Hezbollah", "organisation", "LBNUAFHEZ"),
        ("Taliban", "organisation", "AFGREBTAL"),
        ("Houthis", "organisation", "YEMREBHTH"),
        ("Daesh", "organisation", "IMGMUSISI"),
        ("al-Qaeda", "organisation", "IMGMOSALQ"),
        ("PKK", "organisation", "TURSEPPKK"),
        ("M23", "organisation", "CODREBM23"),
        ("Rapid Support Forces", "organisation", "SDNREBRSF"),
        ("Wagner Group", "organisation", "RUSUAFWAG"),
        ("Reuters", "media", "GBRMED"),
        ("Associated Press", "media", "USAMED"),
        ("Xinhua", "media", "CHNMED"),
        ("KCNA", "media", "PRKMED"),
        ("Vladimir Putin", "person", "RUS"),
        ("Volodymyr Zelenskyy", "person", "UKR"),
        ("Lula", "person", "BRA"),
        ("Robert Mugabe", "person", "ZWE"),
        ("Francois Mitterand", "person", "FRA"),
        ("Gaza Strip", "country", "PSE"),
        ("West Bank", "country", "PSE"),
        ("Darfur", "country", "SDN"),
        ("Crimea", "country", "UKR"),
        ("Donbass", "country", "UKR"),
        ("Chechnya", "country", "RUS"),
        ("Tibet", "country", "CHN"),
        ("Nagorno-Karabakh", "country", "AZE"),
        ("Transnistria", "country", "MDA"),
        ("South Ossetia", "country", "GEO"),
        ("Kurdistan Region", "country", "IRQ"),
        ("Golan Heights", "country", "SYR"),
    ],
)
def test_dictionary_lookup(actors: ActorDictionary, surface: str, kind: str, code: str) -> None:
    hits = actors.lookup(surface)
    assert any(e.kind == kind and e.code == code for e in hits), hits


@pytest.mark.parametrize(
    ("surface", "country", "type_"),
    [
        ("Hamas", "PSE", "group"),
        ("NATO", "IGOWSTNAT", "igo"),
        ("UNICEF", "IGOUNOKID", "igo"),
        ("Amnesty International", "NGOHRIAMN", "ngo"),
        ("ISIS", "IMGMUSISI", "group"),
        ("IMF", "IGOBUSIMF", "igo"),
        ("World Bank", "IGOUNODEVWBK", "igo"),
        ("Reuters", "GBR", "media"),
        ("Kremlin", "RUS", "state"),
        ("RUF", "SLE", "group"),
        ("NPFL", "LBR", "group"),
        ("UNITA", "AGO", "group"),
        ("SPLA", "SDN", "group"),
        ("Palestinian Liberation Organization", "PSE", "group"),
        ("Shining Path", "PER", "group"),
        ("KLA", "XKX", "group"),
        ("IRA", "GBR", "group"),
        ("ETA", "ESP", "group"),
        ("Interahamwe", "RWA", "group"),
        ("Islamic Salvation Front", "DZA", "group"),
        ("KFOR", "IGOWSTNAT", "igo"),
        ("Doctors of the World", "NGOHLHMDM", "ngo"),
    ],
)
def test_dictionary_entry_country_and_type(
    actors: ActorDictionary, surface: str, country: str, type_: str
) -> None:
    entry = actors.lookup(surface)[0]
    assert (entry.country, entry.type) == (country, type_)


@pytest.mark.parametrize(
    ("surface", "ambiguous"),
    [("Washington", True), ("Georgia", True), ("Victoria", True), ("Jordan", True),
     ("Moscow", False), ("Congo", False), ("Bloomberg", True)],
)
def test_dictionary_ambiguity_flags(actors: ActorDictionary, surface: str, ambiguous: bool) -> None:
    assert actors.lookup(surface)[0].ambiguous is ambiguous  # the default reading comes first


def test_dictionary_lookup_casefold(actors: ActorDictionary) -> None:
    assert any(e.code == "IGOWSTNAT" for e in actors.lookup_casefold("nato"))
    assert any(e.code == "USAMIL" for e in actors.lookup_casefold("The Pentagon"))
    assert actors.lookup("nato") == []


@pytest.mark.parametrize(
    ("word", "code"),
    [("Chinese", "CHN"), ("Emirati", "ARE"), ("Americans", "USA"), ("chinese", "CHN"),
     ("Congolese", "COD"), ("Dominican", "DOM"), ("Kosovar", "XKX"), ("Martian", None)],
)
def test_dictionary_adjective_country(actors: ActorDictionary, word: str, code: str | None) -> None:
    assert actors.adjective_country(word) == code


@pytest.mark.parametrize(
    ("name", "on", "sectors", "role"),
    [
        ("Sergey Lavrov", date(2010, 1, 1), ("GOV",), "foreign minister"),
        ("Sergei Lavrov", date(2024, 6, 1), ("GOV",), "foreign minister"),
        ("Boris Johnson", date(2024, 6, 1), (), None),
        ("Boris Johnson", date(2020, 6, 1), ("GOV",), "prime minister"),
        ("Boris Johnson", date(2017, 6, 1), ("GOV",), "foreign secretary"),
        ("Liz Truss", date(2022, 9, 6), ("GOV",), "prime minister"),
        ("Wang Yi", date(2024, 1, 1), ("GOV",), "foreign minister"),
        ("Wang Yi", date(2023, 3, 1), (), None),
        ("Qin Gang", date(2023, 3, 1), ("GOV",), "foreign minister"),
        ("Vladimir Putin", date(2010, 1, 1), ("GOV",), "prime minister"),
        ("Vladimir Putin", None, ("GOV",), "president"),
        ("Donald Trump", date(2022, 1, 1), (), None),
        ("Donald Trump", date(2025, 6, 1), ("GOV",), "president"),
        ("Mohammed bin Salman", date(2020, 1, 1), ("GOV",), "crown prince"),
        ("Mohammed bin Salman", date(2023, 1, 1), ("GOV",), "prime minister"),
        ("Hemedti", date(2021, 1, 1), ("GOV",), "vice president"),
        ("Hemedti", date(2024, 1, 1), ("REB",), "commander"),
        ("Ismail Haniyeh", date(2020, 1, 1), ("REB",), "leader"),
        ("Valery Gerasimov", date(2020, 1, 1), ("MIL",), "army chief"),
        ("Juan Guaidó", date(2020, 1, 1), ("OPP",), "opposition leader"),
        ("Ban Ki-moon", date(2010, 1, 1), (), "secretary-general"),
        ("Robert Mugabe", date(2005, 1, 1), ("GOV",), "president"),
        ("Robert Mugabe", date(2019, 1, 1), (), None),
        ("Yasser Arafat", date(1999, 1, 1), ("GOV",), "president"),
        ("Charles Taylor", date(2000, 1, 1), ("GOV",), "president"),
        ("Charles Taylor", date(1993, 1, 1), ("REB",), "leader"),
        ("Boris Yeltsin", date(1995, 1, 1), ("GOV",), "president"),
        ("Margaret Thatcher", date(1990, 1, 1), ("GOV",), "prime minister"),
        ("Hassan II", date(1995, 1, 1), ("GOV",), "king"),
        ("Paul Kagame", date(1992, 1, 1), ("REB",), "leader"),
    ],
)
def test_dictionary_person_sectors(
    actors: ActorDictionary, name: str, on: date | None, sectors: tuple[str, ...], role: str | None
) -> None:
    assert actors.person_sectors(_person(actors, name), on) == (sectors, role)


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [("Ban Ki-moon", date(2010, 1, 1), "IGOUNO"), ("Ban Ki-moon", date(2005, 1, 1), None),
     ("Jens Stoltenberg", date(2020, 1, 1), "IGOWSTNAT"),
     ("Ursula von der Leyen", date(2021, 1, 1), "IGOEUREEC"),
     ("Boutros Boutros-Ghali", date(1995, 1, 1), "IGOUNO"),
     ("Kofi Annan", date(2000, 1, 1), "IGOUNO"),
     ("Yasser Arafat", date(1990, 1, 1), "PSEGOVPLO"),
     ("Foday Sankoh", date(1995, 1, 1), "SLEREBRUF")],
)
def test_dictionary_person_office_code(
    actors: ActorDictionary, name: str, on: date, code: str | None
) -> None:
    office = actors.person_office(_person(actors, name), on)
    assert office is not None and office.code == code


def test_dictionary_organisation_offices(actors: ActorDictionary) -> None:
    taliban = actors.lookup("Taliban")[0]
    assert actors.person_sectors(taliban, date(2010, 1, 1)) == ((), None)
    assert actors.person_sectors(taliban, date(2022, 1, 1)) == (("GOV",), "government")


def test_dictionary_national_red_cross(actors: ActorDictionary) -> None:
    society = [e for e in actors.lookup("Red Crescent") if e.national_society]
    assert society and society[0].country is None
    assert actors.adjective_country("Turkish") == "TUR"
    assert actors.national_society_code("TUR") == "TURNGO"


def test_dictionary_un_members_have_country_and_adjective(actors: ActorDictionary) -> None:
    members = {c.alpha_3 for c in pycountry.countries} - NON_MEMBERS
    assert len(members) == 193
    adjectives = {e.code for e in actors.entries() if e.kind == "adjective"}
    for iso3 in sorted(members):
        assert actors.country(iso3) is not None, iso3
        assert iso3 in adjectives, iso3
    for iso3 in ("TWN", "XKX", "PSE", "ESH", "HKG"):
        assert actors.country(iso3) is not None, iso3
        assert iso3 in adjectives, iso3
    missing = {c.alpha_3 for c in pycountry.countries if actors.country(c.alpha_3) is None}
    assert missing == set()  # every ISO 3166 entry, member or not, has a country entry


@pytest.mark.parametrize(
    ("phrase", "lemma", "sector", "person", "title", "implies"),
    [
        ("minister", "minister", "GOV", True, True, None),
        ("ministers", "minister", "GOV", True, True, None),
        ("Foreign Minister", "foreign minister", "GOV", True, True, None),
        ("defense ministers", "defence minister", "GOV", True, True, None),
        ("secretary of state", "secretary of state", "GOV", True, True, "USA"),
        ("troops", "troop", "MIL", False, False, None),
        ("security forces", "security force", "COP", False, False, None),
        ("police", "police", "COP", False, False, None),
        ("spokesmen", "spokesman", "GOV", True, False, None),
        ("authorities", "authority", "GOV", False, False, None),
        ("rebels", "rebel", "REB", True, False, None),
        ("protestors", "protester", "CVL", True, False, None),
        ("refugees", "refugee", "REF", True, False, None),
        ("MPs", "mp", "LEG", True, False, None),
        ("general", "general", "MIL", True, True, None),
    ],
)
def test_dictionary_roles(
    actors: ActorDictionary, phrase: str, lemma: str, sector: str, person: bool, title: bool,
    implies: str | None,
) -> None:
    role = actors.role(phrase)
    assert role is not None
    assert (role.phrase, role.sector, role.person, role.title, role.implies_country) == (
        lemma, sector, person, title, implies)


def test_dictionary_unknown_role(actors: ActorDictionary) -> None:
    assert actors.role("astronaut") is None


def test_dictionary_person_aliases_are_not_bare_surnames(actors: ActorDictionary) -> None:
    nicknames = {"Lula", "Jokowi", "MBS", "MBZ", "AMLO", "Hemedti", "Hemeti", "Tedros", "Bibi",
                 "Saddam", "AKK", "Akihito", "Naruhito", "Sugiono", "Suharto", "Soeharto",
                 "Farmajo", "Farmaajo", "Turkmenbashi", "Prachanda", "Erap", "Bongbong", "Lu-Olo",
                 "Tirofijo", "Timochenko"}
    for entry in actors.entries():
        if entry.kind == "person" and " " not in entry.surface:
            assert entry.surface in nicknames, entry.surface


_UNIQUE_OFFICES = {
    "president", "prime minister", "premier", "chancellor", "foreign minister",
    "defence minister", "secretary of state", "secretary of defense", "foreign secretary",
    "defence secretary", "king", "queen", "emperor", "emir", "supreme leader",
}
# Libya had rival prime ministers in Tripoli and the east (2014-2021, 2022-2023).
_RIVAL_GOVERNMENTS = {"LBY"}


def test_dictionary_terms_do_not_overlap(actors: ActorDictionary) -> None:
    """Two people never hold the same single-holder national office at once (3 days slack)."""
    terms: dict[tuple[str, str], list[tuple[date, date, str]]] = defaultdict(list)
    people = {e.entity_id: e for e in actors.entries() if e.kind == "person"}
    for entry in people.values():
        for office in entry.offices:
            code = office.code or entry.country or ""
            if office.role in _UNIQUE_OFFICES and len(code) == 3 and office.start:
                end = office.end or date(2100, 1, 1)
                terms[(code, office.role)].append((office.start, end, entry.name))
    clashes = []
    for key, spans in terms.items():
        if key[0] in _RIVAL_GOVERNMENTS:
            continue
        spans.sort()
        for (_s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:], strict=False):
            if n1 != n2 and e1 - s2 > timedelta(days=3):
                clashes.append((key, n1, n2))
    assert clashes == []


def test_dictionary_pickles(actors: ActorDictionary) -> None:
    clone = pickle.loads(pickle.dumps(actors))
    assert clone.lookup("Kyiv") == actors.lookup("Kyiv")
    assert clone.role("troops") == actors.role("troops")


def test_dictionary_loads_fast() -> None:
    started = time.perf_counter()
    ActorDictionary.load()
    assert time.perf_counter() - started < 3.0  # about 0.1 s on a laptop; generous for CI


_USER_FILE = """\
roles:
  - {phrase: hetman, sector: MIL, person: true, title: true}
countries:
  - {iso3: COG, aliases: [Congo], adjectives: [Congolese]}
organisations:
  - {code: UKRUAFAZV, name: Azov Brigade, aliases: [Azov Regiment], type: group, sectors: [UAF]}
people:
  - name: Taras Example
    country: UKR
    offices:
      - {role: hetman, start: 2020-01-01, end: null}
"""


def test_dictionary_user_override(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(_USER_FILE, encoding="utf-8")
    actors = ActorDictionary.load(extra=[path])
    assert {e.code for e in actors.lookup("Congo")} == {"COG"}
    assert actors.adjective_country("Congolese") == "COG"
    assert actors.lookup("Azov Brigade")[0].code == "UKRUAFAZV"
    taras = actors.lookup("Taras Example")[0]
    assert actors.person_sectors(taras, date(2021, 1, 1)) == (("MIL",), "hetman")
    assert "Congo" in actors.overrides
    assert actors.lookup("Kyiv")[0].code == "UKRGOV"  # packaged entries stay


def test_dictionary_check(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        "organisations:\n  - {code: NGOXYZ, name: Example Relief, type: ngo}\n", encoding="utf-8"
    )
    assert ActorDictionary.check(good) == []
    override = tmp_path / "override.yaml"
    override.write_text(_USER_FILE, encoding="utf-8")
    notes = ActorDictionary.check(override)
    assert any("'Congo'" in note for note in notes)


@pytest.mark.parametrize(
    ("text", "code", "line", "field"),
    [
        ("people:\n  - name: A B\n    country: USA\n    offices:\n"
         "      - {role: astronaut, start: 2020-01-01}\n", "E106", 5, "offices.0"),
        ("people:\n  - name: A B\n    country: USA\n    offices:\n"
         "      - {role: president, start: 2020-13-01}\n", "E100", 5, "start"),
        ("people:\n  - name: A B\n    country: USA\n    offices:\n"
         "      - {role: president, start: 2021-01-01, end: 2020-01-01}\n", "E101", 5, "offices.0"),
        ("people:\n  - name: A B\n    aliases: [Smith]\n    country: USA\n    offices:\n"
         "      - {role: president}\n", "E101", 3, "aliases"),
        ("people:\n  - name: A B\n    country: USA\n    offices:\n"
         "      - {role: president, start: 2020-01-01, colour: red}\n",
         "E101", 5, "offices.0.colour"),
        ("people:\n  - name: A B\n    country: ZZZ\n    offices: [{role: president}]\n",
         "E106", 3, "country"),
        ("organisations:\n  - {code: igo, name: X, type: igo}\n", "E101", 2, "code"),
        ("organisations:\n  - code: NGOXYZ\n    name: X\n    type: charity\n", "E101", 4, "type"),
        ("countries:\n  - iso3: FRA\n    seats: [{name: Hotel, sector: XYZ}]\n",
         "E106", 3, "seats"),
        ("countries:\n  - {iso3: XXY, aliases: [Nowhere]}\n", "E101", 2, "name"),
        ("roles:\n  - {phrase: x, sector: GOV, implies_country: ZZZ}\n", "E106", 2,
         "implies_country"),
        ("people: [\n", "E100", 2, None),
        ("actors: []\n", "E101", 1, "actors"),
        ("roles:\n  - {phrase: x, sector: GOV}\n  - {phrase: y, sector: GOV, sector: MIL}\n",
         "E105", 3, "sector"),
    ],
)
def test_dictionary_bad_user_file_names_file_line_field(
    tmp_path: Path, text: str, code: str, line: int, field: str | None
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        ActorDictionary.check(path)
    err = caught.value
    assert (err.code, err.line, err.field) == (code, line, field), str(err)
    assert str(path) in str(err)
