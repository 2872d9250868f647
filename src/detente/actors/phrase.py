"""One noun phrase at a time: what its head, modifiers and "of" phrases say about an actor.

Used by :class:`~detente.actors.resolve.ActorResolver`; split out so each module stays small.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from detente.actors.dictionary import Entry, Role
from detente.records import Actor

if TYPE_CHECKING:
    from detente.actors.resolve import ActorResolver

__all__ = ["NounPhrase", "Resolved", "allegiance_objects", "compose_code", "MOD_DEPS", "NOMINAL",
           "PERSON_PRONOUNS"]

MOD_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat", "npadvmod", "nummod"})
OF_PREPS = frozenset({"of", "from", "in"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_SLUG = re.compile(r"[^a-z0-9]+")
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "throughout",
                             "inside", "within", "from", "into", "over"})


def compose_code(base: str | None, sectors: Iterable[str]) -> str | None:
    """``CHN`` + ``GOV`` -> ``CHNGOV``; a sector already in the code is not repeated
    (``PSEREBHMS`` + ``REB`` stays ``PSEREBHMS``)."""
    if base is None:
        return None
    code = base
    for sector in sectors:
        blocks = {code[i : i + 3] for i in range(3, len(code), 3)}
        if sector not in blocks:
            code += sector
    return code


@dataclass(frozen=True, slots=True)
class Resolved:
    """An actor plus how it was resolved (for coreference and context checks)."""

    actor: Actor
    role: str | None  # the role phrase ("foreign minister"), when one was seen
    basis: str  # entry | role | person | title | coref | unknown
    person: bool
    plural: bool
    group: tuple[Actor, ...] = ()  # "Armenian and Azerbaijani troops": one actor per country


# Sectors of non-state groups whose leaders and commanders keep the group's sector.
_GROUP_SECTORS = frozenset({"REB", "OPP", "SEP", "UAF", "RAD", "INS", "CRM"})


def _office_in(org: Entry, sector: str, sectors: tuple[str, ...]
               ) -> tuple[tuple[str, ...], str | None]:
    """The code of someone holding an office (``sector``) in an organisation: a group's
    spokesman or commander ("a Houthi spokesman", "Hamas leader X") speaks or fights for the
    group itself, with its own code; otherwise the organisation's code with ``sectors``."""
    if org.type == "group" and sector in {"GOV", "MIL"}:
        return tuple(org.sectors), org.code
    return sectors, compose_code(org.code, sectors)


class NounPhrase:
    """Everything one noun phrase says about an actor."""

    def __init__(
        self,
        resolver: ActorResolver,
        head: Token,
        entries: dict[int, tuple[Span, list[Entry]]],
        roles: dict[int, tuple[Span, Role]],
        date: dt.date | None,
    ) -> None:
        self.r = resolver
        self.head = head
        self.entries = entries
        self.roles = roles
        self.date = date

    # modifiers of the head, following compound chains
    def modifiers(self) -> list[Token]:
        out: list[Token] = []
        stack = [c for c in self.head.children if c.dep_ in MOD_DEPS]
        while stack:
            tok = stack.pop()
            out.append(tok)
            stack.extend(c for c in tok.children if c.dep_ in {"compound", "amod", "flat", "poss"})
            if tok.tag_ == "VBN" and tok.lemma_.lower() in self.r.owner_participles:
                stack.extend(c for c in tok.children if c.dep_ in {"npadvmod", "nmod"})
        return sorted(out, key=lambda t: t.i)

    def _locative(self) -> bool:
        """The head names where something happened ("in Kabul", "near Baghdad"): a capital
        there is a place, not the government it stands for as an actor."""
        head = self.head
        return head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE_PREPS

    def _stance(self, tok: Token) -> bool:
        """"pro-Russian", "anti-Syria": the country is a stance, not the actor's own."""
        doc = tok.doc
        return tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and (
            doc[tok.i - 2].lower_ in self.r.stance_prefixes)

    def of_phrases(self) -> list[Token]:
        """Phrases that say whose the head is: "of", "from", "in", and "for" after a
        spokesperson ("a spokesman for the Chinese foreign ministry")."""
        preps = OF_PREPS | ({"for"} if self.head.lemma_.lower() in self.r.for_owner_roles
                            else set())
        out: list[Token] = []
        for child in self.head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                out.extend(g for g in child.children if g.dep_ == "pobj")
        return out

    def _country_of(self, tokens: Iterable[Token]) -> tuple[str | None, Entry | None]:
        """The first country (ISO3) or organisation entry among modifier tokens."""
        for tok in tokens:
            hit = self.entries.get(tok.i)
            if hit is None or self._stance(tok):
                continue
            entry = hit[1][0]
            if entry.kind in {"country", "adjective", "people", "capital", "seat", "place"}:
                return entry.country, None
            if entry.kind == "organisation":
                return None, entry
        return None, None

    def _group_role(self, tokens: list[Token]) -> str | None:
        """The sector of a non-state group named among ``tokens`` ("a Philippine rebel group",
        "the opposition party"), if any."""
        for tok in tokens:
            hit = self.roles.get(tok.i)
            if hit is not None and hit[1].sector in _GROUP_SECTORS:
                return hit[1].sector
        return None

    def _span(self, tokens: Iterable[Token]) -> tuple[int, int, str]:
        toks = sorted(tokens, key=lambda t: t.i)
        span = self.head.doc[toks[0].i : toks[-1].i + 1]  # not doc.text: O(document) per call
        return span.start_char, span.end_char, span.text

    def resolve(self) -> Resolved | None:
        head = self.head
        hit = self.entries.get(head.i)
        role_hit = self.roles.get(head.i)
        if hit is not None and (hit[0].end - 1 == head.i or hit[0].root == head):
            return self._from_entry(hit[0], hit[1][0], self.modifiers())
        if hit is not None:
            return None  # head is inside a longer name but not its head
        if role_hit is None and head.pos_ == "NOUN" and (  # "opposition supporters", "army
                head.lemma_.lower() not in self.r.non_member_nouns):  # units", not "business
            # plans"
            for child in head.children:
                if child.dep_ == "compound" and child.i in self.roles:
                    role_hit = self.roles[child.i]
                    break
        if role_hit is None and head.pos_ != "PROPN":
            return None  # most nouns: no name, no role, nothing to resolve
        mods = self.modifiers()
        if role_hit is not None:
            role = role_hit[1]
            if role.person and role.sector in {"GOV", "MIL"}:
                # "rebel leaders", "militant commanders": a leader of a group has its sector
                for child in head.children:
                    if child.dep_ not in {"amod", "compound"} or child.i > head.i:
                        continue
                    role_of = self.roles.get(child.i)
                    group = role_of[1] if role_of is not None else (
                        self.r.dictionary.role(child.lower_) if child.pos_ == "ADJ" else None)
                    if group is not None and group.sector in _GROUP_SECTORS:
                        role = replace(role, sector=group.sector)
                        break
            return self._from_role(role_hit[0], role, mods)
        if head.pos_ == "PROPN":
            return self._from_name(mods)
        return None

    def _title(self, mods: list[Token]) -> tuple[Role | None, str | None]:
        """A title among the modifiers ("President", "Foreign Minister") and its phrase."""
        for tok in mods:
            hit = self.roles.get(tok.i)
            if hit is not None:
                return hit[1], hit[1].phrase
        return None, None

    def _from_entry(self, span: Span, entry: Entry, mods: list[Token]) -> Resolved:
        tokens = [*span, *[m for m in mods if m.i < span.start]]
        start, end, text = self._span(tokens)
        if entry.kind == "person":
            office = self.r.dictionary.person_office(entry, self.date)
            sectors: tuple[str, ...] = office.sectors if office else ()
            title, title_phrase = self._title(mods)
            former = any(m.lower_ in self.r.former_words for m in mods)
            if office is None and title is not None and not former:
                sectors = (title.sector,)  # the text's own title outranks the gazetteer
            elif office is None and title is not None and title.person:
                sectors = ("ELI",)  # "former President Donald Trump": an elite out of office
            elif office is None and title is None and self.date is not None and any(
                    o.end is not None and o.end <= self.date for o in entry.offices):
                sectors = ("ELI",)  # "Ariel Sharon" after his ministries: an elite
            country = entry.country
            code = compose_code(country, sectors)
            if office is not None and office.code:
                code, country = office.code, office.code
            if title is not None and not former:
                # "UN Secretary-General Antonio Guterres" in 2000: the story's own title and
                # its country or organisation outrank the gazetteer's office for that date
                said, org = self._country_of(m for m in mods if m.i < span.start)
                if org is not None and org.code != code and not (code or "").startswith(
                        org.code):
                    sectors, code = _office_in(org, title.sector, (title.sector,))
                    country = org.country
                elif said is not None and said != country:
                    sectors = (title.sector,)
                    code, country = compose_code(said, sectors), said
            actor = Actor(text=text, name=entry.name, code=code, country=country,
                          sectors=tuple(sectors), type="person", entity_id=entry.entity_id,
                          start=start, end=end)
            return Resolved(actor, office.role if office else title_phrase, "entry", True, False)
        if entry.kind == "capital" and self._locative():  # "a bomb exploded in Baghdad"
            actor = Actor(text=text, name=entry.name, code=entry.country, country=entry.country,
                          sectors=(), type="state", entity_id=f"country:{entry.country}",
                          start=start, end=end)
            return Resolved(actor, None, "entry", False, False)
        country, org = self._country_of(m for m in mods if m.i < span.start)
        if entry.national_society and not country:  # "the Red Crescent in Iran"
            for pobj in self.of_phrases():
                country, _ = self._country_of([pobj, *pobj.children])
                if country:
                    start, end, text = self._span([*span, *pobj.subtree])
                    break
        if entry.national_society and country:
            code = self.r.dictionary.national_society_code(country)
            actor = Actor(text=text, name=f"{entry.name} ({country})", code=code, country=country,
                          sectors=("NGO",), type="ngo", entity_id=f"org:{code}",
                          start=start, end=end)
            return Resolved(actor, None, "entry", False, False)
        plural = entry.kind in {"adjective", "people"} and (
            self.head.tag_ in {"NNS", "NNPS"} or (  # "Uighurs", often tagged NNP
                entry.kind == "people" and self.head.text.endswith("s")))
        if plural:  # "Bosnian Serbs", "Kosovo Albanians": a people living in another country
            home, _ = self._country_of(m for m in mods if m.i < span.start)
            if home is None:  # "ethnic Albanians in southern Serbia", "Turks from Bulgaria"
                for pobj in self.of_phrases():
                    home, _ = self._country_of([pobj, *pobj.children])
                    if home is not None:
                        start, end, text = self._span([*span, *mods, *pobj.subtree])
                        break
            if home is not None and home != entry.country:
                code = compose_code(home, ("CVL",))
                actor = Actor(text=text, name=text, code=code, country=home, sectors=("CVL",),
                              type="group", entity_id=f"code:{code}", start=start, end=end)
                return Resolved(actor, None, "ethnic", False, True)
        if not plural and entry.kind == "adjective" and self.head.pos_ in {"NOUN", "PROPN"} and (
                self.head.dep_ not in {"amod", "compound"}) and any(
                c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in self.head.children):
            # "a Briton", "an American": one of the nation's people, not the nation
            code = compose_code(entry.country, ("CVL",)) or entry.code
            actor = Actor(text=text, name=text, code=code, country=entry.country,
                          sectors=("CVL",), type="person", entity_id=f"code:{code}",
                          start=start, end=end)
            return Resolved(actor, None, "entry", True, False)
        if plural and any(m.lower_ in self.r.ethnic_words for m in mods):
            actor = Actor(text=text, name=text, code=None, country=None, sectors=("CVL",),
                          type="group", entity_id=None, start=start, end=end)
            return Resolved(actor, None, "ethnic", False, True)
        sectors = tuple(entry.sectors)
        code = entry.code
        if plural and self.head.text.endswith("s") and self.head.dep_ != "amod" and (
                entry.kind == "people" or self._counted() or self._described()):
            # "two Israelis", "thousands of Palestinians", "young Algerians", "Palestinians
            # living in Gaza": people; a bare "the Palestinians rejected the plan" speaks for
            # the nation (CAMEO codes it as the country)
            sectors, code = ("CVL",), compose_code(entry.code, ("CVL",)) or entry.code
        actor = Actor(text=text, name=entry.name, code=code, country=entry.country,
                      sectors=sectors, type=entry.type,  # type: ignore[arg-type]
                      entity_id=entry.entity_id if not plural else f"code:{code}",
                      start=start, end=end)
        return Resolved(actor, None, "entry", False, plural)

    def _counted(self) -> bool:
        """The head is counted or quantified: "two Israelis", "thousands of Palestinians",
        "many Afghans", "some Iraqis"."""
        head = self.head
        quantifiers = self.r.quantifier_words
        if any(c.dep_ in {"nummod", "quantmod"} or (c.dep_ in {"amod", "det"} and c.lower_ in
               quantifiers) for c in head.children):
            return True
        prep = head.head
        return head.dep_ == "pobj" and prep.lower_ == "of" and (
            prep.head.pos_ == "NUM" or prep.head.lower_ in quantifiers)

    def _described(self) -> bool:
        """The people are described, not the nation: an adjective that is no country word,
        a relative or participle clause, or a place ("Palestinians of the West Bank")."""
        for child in self.head.children:
            if child.dep_ in {"acl", "relcl"} or (child.dep_ == "prep" and child.lower_ in {
                    "of", "in", "from", "at"}):
                return True
            if child.dep_ == "amod" and child.i not in self.entries and not self._stance(child):
                return True
        return False

    def _from_role(self, span: Span, role: Role, mods: list[Token]) -> Resolved | None:
        head = self.head
        if role.sector == "OPP" and any(c.dep_ == "prep" and c.lower_ == "to"
                                        for c in head.children):
            return None  # "Russia's opposition to NATO expansion" is a stance, not an actor
        plural = head.tag_ in {"NNS", "NNPS"} or head.lower_ in {  # "Rebels" opening a
            role.phrase + "s", role.phrase + "es"}  # sentence is tagged NNP
        if plural and role.person and role.title and not role.forms and (
                head.lower_ != role.phrase):
            return None  # a one-person office with no plural: "Russian speakers" are no
            # speakers of a house
        of_tokens = self.of_phrases()
        if role.person and not plural:  # "a nurse in Kano" says where, not whose
            of_tokens = [t for t in of_tokens if t.head.lower_ != "in"]
        if role.phrase in self.r.patient_of_roles:  # "the kidnappers of two Chinese engineers"
            of_tokens = [t for t in of_tokens if t.head.lower_ != "of"]
        if role.phrase in self.r.abroad_roles:  # "its embassy in Tehran": where, not whose
            of_tokens = [t for t in of_tokens if t.head.lower_ not in {"in", "at"}]
        country, org = self._country_of(mods)
        tokens = [*span, *[m for m in mods if m.i < span.start]]
        if country is None and org is None:
            # "the president of France", "troops from Chad", "rebels in the Ivory Coast": the
            # actor's text takes in the phrase that gave its country
            for pobj in of_tokens:
                c, o = self._country_of([pobj, *[m for m in pobj.children]])
                if c or o:
                    country, org = c, o
                    tokens.extend(pobj.subtree)
                    led = self._group_role([pobj, *pobj.children])
                    if role.person and role.sector == "GOV" and led is not None:
                        role = replace(role, sector=led)  # "the leader of a rebel group"
                    break
        if country is None and org is None and role.implies_country:
            country = role.implies_country
        if country is None and org is None and not role.person:
            country = self._leader_country(mods)  # "the Bush administration"
        start, end, text = self._span(tokens)
        sectors: tuple[str, ...] = (role.sector,)
        if role.person and role.sector in {"GOV", "LEG", "MIL", "JUD"} and any(
                m.lower_ in self.r.former_words for m in mods):
            sectors = ("ELI",)  # "the former British prime minister": out of office
        if role.sector == "GOV" and role.person and any(
                m.i in self.entries and self.entries[m.i][1][0].kind == "people" for m in mods):
            sectors = ("ELI",)  # "Yoruba leaders" lead a people, not the state
        if org is not None:
            sectors, code = _office_in(org, role.sector if role.person else "", sectors)
            actor = Actor(text=text, name=f"{org.name} {role.phrase}", code=code,
                          country=org.country, sectors=sectors, type=org.type,  # type: ignore
                          entity_id=f"code:{code}", start=start, end=end)
            return Resolved(actor, role.phrase, "role", role.person, plural)
        if country is None:
            actor = Actor(text=text, name=role.phrase, code=None, country=None, sectors=sectors,
                          type="person" if role.person and not plural else "unknown",
                          entity_id=None, start=start, end=end)
            return Resolved(actor, role.phrase, "unresolved_role", role.person, plural)
        actor = self._role_actor(country, role, sectors, plural, text, start, end)
        group: tuple[Actor, ...] = ()
        if plural:
            others = self._coordinated_countries([*mods, *of_tokens], country)
            if others:  # each member's mention runs from its own country word to the head
                doc = head.doc
                spans = [doc[tok.i : head.i + 1] if tok.i < head.i else doc[tok.i : tok.i + 1]
                         for _, tok in others]
                group = (actor, *(self._role_actor(c, role, sectors, plural, sp.text,
                                                   sp.start_char, sp.end_char)
                                  for (c, _), sp in zip(others, spans, strict=True)))
            else:
                state = self._coordinated_state(mods)
                if state is not None:  # "Ethiopia and Tigray rebels": Ethiopia, and rebels
                    group = (actor, state)
        return Resolved(actor, role.phrase, "role", role.person and not plural, plural, group)

    def _leader_country(self, mods: list[Token]) -> str | None:
        """A body named after a gazetteer person ("the Bush administration", "the Netanyahu
        government"): that person's country, when every person of that surname shares it."""
        for tok in mods:
            if tok.pos_ != "PROPN" or tok.dep_ not in {"compound", "poss"}:
                continue
            countries = {p.country for p in self.r.people_by_surname(tok.text)}
            if len(countries) == 1:
                return countries.pop()
        return None

    def _role_actor(self, country: str, role: Role, sectors: tuple[str, ...], plural: bool,
                    text: str, start: int, end: int) -> Actor:
        code = compose_code(country, sectors)
        return Actor(text=text, name=f"{self.r.country_name(country)} {role.phrase}", code=code,
                     country=country, sectors=sectors,
                     type="person" if role.person and not plural else "state",
                     entity_id=f"code:{code}", start=start, end=end)

    def _coordinated_state(self, mods: list[Token]) -> Actor | None:
        """A country named as a noun and coordinated with a modifier that is no country
        ("Ethiopia and Tigray rebels", "Colombia and FARC guerrillas") is a party of its own,
        not the description of the role's members."""
        for tok in mods:
            hit = self.entries.get(tok.i)
            if hit is None or hit[1][0].kind != "country" or tok.pos_ != "PROPN":
                continue
            conjs = [c for c in tok.conjuncts if c.i > tok.i]
            if conjs and not any(self.entries.get(c.i) for c in conjs) and any(
                    c.dep_ == "cc" and c.lower_ == "and" for c in tok.children):
                entry, span = hit[1][0], hit[0]
                return Actor(text=span.text, name=entry.name, code=entry.country,
                             country=entry.country, sectors=(), type="state",
                             entity_id=entry.entity_id, start=span.start_char,
                             end=span.end_char)
        return None

    def _coordinated_countries(self, tokens: list[Token], first: str
                               ) -> list[tuple[str, Token]]:
        """Other countries coordinated with the first ("Armenian and Azerbaijani")."""
        out: list[tuple[str, Token]] = []
        for tok in tokens:
            for conj in tok.conjuncts:
                hit = self.entries.get(conj.i)
                if hit is None:
                    continue
                entry = hit[1][0]
                if entry.kind in {"country", "adjective", "people", "capital", "place"} and (
                    entry.country and entry.country != first
                    and entry.country not in {c for c, _ in out}
                ):
                    out.append((entry.country, conj))
        return out

    def _unknown_org(self, mods: list[Token]) -> Resolved | None:
        """A named organisation not in the dictionary: kept with its text, code unknown."""
        head = self.head
        if not head.ent_type_:
            return None
        doc = head.doc  # the entity around the head, from the IOB tags (not a scan of ents)
        start, end = head.i, head.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        ent = doc[start:end]
        if ent.root != head:
            return None
        country, _ = self._country_of(mods)
        if country and head.ent_type_ == "NORP" and head.text.endswith("s") and any(
                m.dep_ == "amod" for m in mods):
            # "Iraqi Kurds", "Syrian Alawites": a people named by its state
            start, end, text = self._span([head, *mods])
            code = compose_code(country, ("CVL",))
            actor = Actor(text=text, name=text, code=code, country=country, sectors=("CVL",),
                          type="group", entity_id=f"code:{code}", start=start, end=end)
            return Resolved(actor, None, "ethnic", False, True)
        actor = Actor(text=ent.text, name=ent.text, code=None, country=None, sectors=(),
                      type="unknown", entity_id=None, start=ent.start_char, end=ent.end_char)
        return Resolved(actor, None, "unknown_org", False, False)

    def _from_name(self, mods: list[Token]) -> Resolved | None:
        """A proper name not in the dictionary: a person when titled or tagged PERSON."""
        head = self.head
        name_toks = [head, *[m for m in mods if m.pos_ == "PROPN" and m.i not in self.roles
                             and m.i not in self.entries and m.dep_ in {"compound", "flat"}]]
        title, title_phrase = self._title(mods)
        if head.ent_type_ in {"ORG", "NORP"} and title is None and head.ent_iob_ != "":
            return self._unknown_org(mods)
        if head.ent_type_ != "PERSON" and title is None:
            return None
        country, org = self._country_of(m for m in mods)
        if country is None and title is not None:  # "King Hassan of Morocco"
            for pobj in self.of_phrases():
                if pobj.head.lower_ == "of":
                    country, org = self._country_of([pobj])
                    if country is not None:
                        break
        if country is None and title is not None and title.implies_country:
            country = title.implies_country
        name_toks.sort(key=lambda t: t.i)
        name = " ".join(t.text for t in name_toks)
        start, end, text = self._span([*name_toks, *mods])
        sectors: tuple[str, ...] = (title.sector,) if title is not None and country else ()
        code = compose_code(country, sectors)
        if country is None and org is not None and title is not None:
            # "Arab League Secretary General Chadli Klibi": the office is in the organisation
            sectors, code = _office_in(org, title.sector, (title.sector,))
            country = org.country
        actor = Actor(text=text, name=name, code=code, country=country,
                      sectors=sectors, type="person",
                      entity_id="person:" + _SLUG.sub("-", name.lower()).strip("-"),
                      start=start, end=end)
        basis = "title" if title is not None else "person"
        return Resolved(actor, title_phrase, basis, True, False)


def allegiance_objects(head: Token, words: frozenset[str]) -> list[Token]:
    """"forces loyal to Assad", "fighters linked to the Islamic State": whom the body headed
    by ``head`` answers to (``words``: names.yaml allegiance_words)."""
    return [pobj for adj in head.children
            if adj.dep_ in {"amod", "acl"} and adj.i > head.i and adj.lower_ in words
            for prep in adj.children if prep.dep_ == "prep" and prep.lower_ in {"to", "with"}
            for pobj in prep.children if pobj.dep_ == "pobj"]
