"""Resolve noun phrases to coded actors: the ``detente_actors`` spaCy component.

For every nominal head in a sentence the component combines what the noun phrase says:

* a dictionary entry covering the head (country, capital or seat of power, organisation,
  person, news agency), matched with a spaCy ``PhraseMatcher`` on exact spelling;
* role words giving the sector ("minister" -> GOV, "troops" -> MIL), from the dictionary's
  role list, matched on lower case so "Foreign Minister" and "foreign minister" agree;
* modifiers giving the country: adjectives ("Chinese"), possessors ("China's"),
  compounds ("US officials") and "of/from" phrases ("troops from Chad");
* appositives ("Wang Yi, China's foreign minister") and titles before names
  ("Russian President Vladimir Putin").

Mentions that say less are then resolved within the story (:mod:`detente.actors.coref`).
Results live on the Doc: ``doc.spans["actors"]`` (each span has ``span._.actor``) and
``doc._.actors``, a map from head-token index to :class:`~detente.records.Actor`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from detente.actors.dictionary import ActorDictionary, Entry, Role
from detente.actors.phrase import (
    NOMINAL,
    NounPhrase,
    Resolved,
    allegiance_objects,
    compose_code,
)
from detente.actors.places import place_entries
from detente.datafiles import Located, data_path, yaml_mapping

__all__ = ["ActorResolver", "Resolved", "compose_code", "register_extensions"]

def register_extensions() -> None:
    """Register the Doc/Span extensions detente uses (idempotent)."""
    if not Doc.has_extension("actors"):
        Doc.set_extension("actors", default=None)
    if not Doc.has_extension("date"):
        Doc.set_extension("date", default=None)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)
    if not Doc.has_extension("actor_groups"):
        Doc.set_extension("actor_groups", default=None)
    if not Doc.has_extension("actor_notes"):
        Doc.set_extension("actor_notes", default=None)
    if not Doc.has_extension("coding_error"):
        Doc.set_extension("coding_error", default=None)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", default=None)


@dataclass(frozen=True)
class _StoryFacts:
    """What the whole story says, computed once per document for surname resolution."""

    doc: Doc
    roles: dict[int, tuple[Span, Role]]
    countries: frozenset[str]

    @cached_property
    def sole_country(self) -> str | None:
        """The one state the story names (organisations' codes aside), else None."""
        states = {c for c in self.countries if len(c) == 3}
        return states.pop() if len(states) == 1 else None


def _surname_index(dictionary: ActorDictionary, names: dict[str, Located]
                   ) -> dict[str, list[Entry]]:
    """Surname -> gazetteer people, from canonical names and their full-name aliases
    ("Zelenskiy" from "Volodymyr Zelenskiy"; settings: data/actors/names.yaml)."""
    first = set(names["surname_first"][1])
    never = set(names["never_alone"][1])
    short = set(names["short_surnames"][1])
    index: dict[str, list[Entry]] = {}
    seen: set[tuple[str, str]] = set()
    for entry in dictionary.entries():
        if entry.kind != "person":
            continue
        surnames: set[str] = set()
        for full in {entry.name, entry.surface}:
            parts = full.replace(".", " ").split()
            if len(parts) >= 2:
                surnames.add(parts[0] if entry.country in first else parts[-1])
        forms = {*surnames, *(n.split("-", 1)[-1] for n in surnames if n[:3] in {"al-", "el-"})}
        for form in forms:
            if not form or not form[:1].isupper() or form in never or (
                    len(form) < 3 and form not in short):
                continue
            if (form, entry.entity_id) not in seen:
                seen.add((form, entry.entity_id))
                index.setdefault(form, []).append(entry)
    return index


def _nested(resolved: dict[int, Resolved]) -> set[int]:
    """Heads whose mention lies inside a longer mention of the same actor (shown once)."""
    out: set[int] = set()
    items = list(resolved.items())
    for i, res in items:
        a = res.actor
        for j, other in items:
            b = other.actor
            if i != j and b.code == a.code and b.start <= a.start and a.end <= b.end and (
                (b.end - b.start) > (a.end - a.start) or j > i
            ):
                out.add(i)
                break
    return out


def _bracketed_acronym(token: Token) -> bool:
    """An upper-case word in brackets right after a name of two or more words: that name's
    acronym ("the Movement for Democratic Change (MDC)"), never a person's nickname."""
    doc = token.doc
    i = token.i
    if not token.is_upper or i < 3 or i + 1 >= len(doc) or doc[i - 1].text != "(" or (
            doc[i + 1].text != ")"):
        return False
    return doc[i - 2].pos_ == "PROPN" and doc[i - 3].pos_ in {"PROPN", "ADP", "CCONJ"}


def _fold(word: str) -> str:
    return word.lower().strip(".")


def _parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


class ActorResolver:
    """spaCy component: find and code actor mentions. See the module docstring."""

    def __init__(self, nlp: Language, name: str, dictionary: ActorDictionary) -> None:
        register_extensions()
        self.name = name
        self.dictionary = dictionary
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._entries: dict[str, list[Entry]] = {}
        for entry in dictionary.entries():
            self._entries.setdefault(entry.surface, []).append(entry)
        surfaces = sorted(self._entries)
        for start in range(0, len(surfaces), 2000):
            chunk = surfaces[start : start + 2000]
            self.matcher.add("ACTOR", [nlp.make_doc(text) for text in chunk])
        self._roles: dict[str, Role] = {}
        for role in dictionary.roles():
            for form in (role.phrase, *role.forms):
                self._roles.setdefault(form, role)
        self.place_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._places: dict[str, Entry] = {}
        settings = yaml_mapping(data_path("actors", "names.yaml"))
        self._surnames = _surname_index(dictionary, settings)
        self._surnames_by_length: dict[int, list[str]] | None = None
        self._country_words: dict[int, list[str]] | None = None
        self._near_country_cache: dict[str, Entry | None] = {}
        self._near_surname_cache: dict[str, list[str]] = {}
        self._role_cache: tuple[Doc, dict[int, tuple[Span, Role]]] | None = None
        def words(key: str) -> frozenset[str]:  # a names.yaml word list
            return frozenset(settings[key][1])

        self.owner_participles = words("owner_participles")
        self.stance_prefixes = words("stance_prefixes")
        self.ethnic_words = words("ethnic_words")
        self.name_particles = frozenset(w.lower() for w in settings["name_particles"][1])
        self.group_roles = tuple(settings["group_anaphor_roles"][1])
        self.group_state_nouns = words("group_anaphor_states")
        self.organisation_anaphors = words("organisation_anaphors")
        self.non_member_nouns = words("non_member_nouns")
        self.former_words = words("former_words")
        self.quantifier_words = words("quantifier_words")
        self.allegiance_words = words("allegiance_words")
        self.patient_of_roles = words("patient_of_roles")
        self.abroad_roles = words("abroad_roles")
        self.story_state_sectors = words("story_state_sectors")
        self.home_force_words = words("home_force_words")
        self.own_country_nouns = words("own_country_nouns")
        self.for_owner_roles = words("for_owner_roles")
        self._person_words = {w for e in self._entries.values() for x in e
                              if x.kind == "person" for w in x.name.replace("-", " ").split()}
        for place in place_entries(int(settings["place_min_population"][1]),
                                   settings["place_exclude"][1], set(self._entries),
                                   settings["place_generic_words"][1]):
            self._places[place.surface] = place
        if self._places:
            self.place_matcher.add("PLACE", [nlp.make_doc(t) for t in self._places])
        tokenized = {p: nlp.make_doc(p) for p in self._roles}  # "secretary-general": 3 tokens
        multi = [doc for doc in tokenized.values() if len(doc) > 1]
        if multi:
            self.role_matcher.add("ROLE", multi)

    # ------------------------------------------------------------------ matching
    def _entry_spans(self, doc: Doc) -> dict[int, tuple[Span, list[Entry]]]:
        spans = [doc[s:e] for _, s, e in self.matcher(doc)]
        out: dict[int, tuple[Span, list[Entry]]] = {}
        taken = {t.i for span in spans for t in span}
        for span in filter_spans([doc[s:e] for _, s, e in self.place_matcher(doc)]):
            # the longest name: "South Carolina" (USA), not "Carolina" (Puerto Rico)
            if taken.isdisjoint(range(span.start, span.end)) and self._plausible_place(span):
                out.update({t.i: (span, [self._places[span.text]]) for t in span})
        chosen = filter_spans(spans)
        # a longest match that is rejected gives way to the overlapping ones it hid
        # ("Syrian Golan" inside "the Syrian Golan Heights": "Golan Heights")
        kept = {(sp.start, sp.end) for sp in chosen}
        rest = sorted((sp for sp in spans if (sp.start, sp.end) not in kept), key=len,
                      reverse=True)
        accepted: set[int] = set()
        for span in [*chosen, *rest]:
            if not accepted.isdisjoint(range(span.start, span.end)):
                continue
            entries = self._entries.get(span.text)
            if not entries:
                continue
            entries = sorted((e for e in entries if not e.ambiguous or self._plausible(span, e)),
                             key=lambda e: e.ambiguous)  # the default reading first
            if entries and entries[0].kind in {"country", "capital"} and (
                self._inside_name(span) or self._name_neighbour(span, entries_by_token=None)
            ):
                continue
            if not entries:
                continue
            for token in span:
                out[token.i] = (span, entries)
            accepted.update(range(span.start, span.end))
        named = {e.country for _, es in out.values() for e in es if e.country}
        for token in doc:  # "Afganistan", "Phillippines", "Ghanians": one letter off
            if token.i in out or not (token.text.isalpha() and token.text[0].isupper()):
                continue
            tagged = token.ent_type_ in {"GPE", "NORP", "LOC"} and len(token.text) >= 7
            if not tagged and not (named and token.pos_ == "PROPN" and len(token.text) >= 6):
                continue
            near = self._near_country(token.text)
            # untagged, the misspelling counts only when the story names that country too
            # ("Ethopia has agreed ... a ceasefire between Ethiopia and Eritrea")
            if near is not None and (tagged or near.country in named):
                out[token.i] = (doc[token.i : token.i + 1], [near])
        return out

    def _near_country(self, word: str) -> Entry | None:
        """The one country name or adjective a misspelt word is one letter away from."""
        if word in self._near_country_cache:
            return self._near_country_cache[word]
        found = self._find_near_country(word)
        if len(self._near_country_cache) < 100_000:
            self._near_country_cache[word] = found
        return found

    def _find_near_country(self, word: str) -> Entry | None:
        if self._country_words is None:
            self._country_words = {}
            for surface, entries in self._entries.items():
                if " " not in surface and len(surface) >= 6 and any(
                        e.kind in {"country", "adjective", "people"} for e in entries):
                    self._country_words.setdefault(len(surface), []).append(surface)
        hits = {surface for n in (len(word) - 1, len(word), len(word) + 1)
                for surface in self._country_words.get(n, ())
                if surface[0] == word[0] and _one_edit(surface, word)}
        entries = [e for h in hits for e in self._entries[h]
                   if e.kind in {"country", "adjective", "people"}]
        return entries[0] if len({e.country for e in entries}) == 1 else None

    def _plausible_place(self, span: Span) -> bool:
        """A city name used as a place: not part of a person's full name, not after a title,
        not glued to another proper name ("Real Madrid")."""
        doc = span.doc
        ent = next((e for e in doc.ents if e.start <= span.start < e.end), None)
        if ent is not None and ent.label_ == "PERSON" and (
            len(ent) > len(span) or span.text in self._person_words
        ):
            return False  # "Bush" the president, not Bush the Egyptian town
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and self.dictionary.role(before.lemma_) is not None and (
            before.pos_ == "PROPN"
        ):
            return False
        return not (self._inside_name(span) or self._name_neighbour(span, None))

    def _inside_name(self, span: Span) -> bool:
        """"Madrid" in "Real Madrid", "Tehran" in "University of Tehran": part of another name
        (a larger named entity holding no role word and no other actor name)."""
        doc = span.doc
        for ent in doc.ents:
            inside = ent.start <= span.start and span.end <= ent.end
            if inside and (ent.end - ent.start) > len(span):
                if ent.label_ not in {"ORG", "FAC", "WORK_OF_ART", "EVENT", "PERSON", "PRODUCT"}:
                    return False
                others = [t for t in ent if not span.start <= t.i < span.end]
                if any(self._entries.get(t.text) or self._places.get(t.text) for t in others):
                    return False  # "Russia Beijing": two names the parser glued together
                return not any(self.dictionary.role(t.lemma_) for t in ent)
        return False

    def _name_neighbour(self, span: Span, entries_by_token: object) -> bool:
        """"Real Madrid", "Kenya Airways": a capital or country glued to another proper name
        that is neither an actor nor a title."""
        doc = span.doc
        for i in (span.start - 1, span.end):
            if not 0 <= i < len(doc):
                continue
            tok = doc[i]
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
                continue
            if any(ch.isdigit() for ch in tok.text):
                continue  # a model designation, no name: "a U.S. AC-130 gunship", "Su-25 jets"
            linked = tok.head.i in range(span.start, span.end) or span.root.head.i == tok.i
            if not linked or tok.dep_ not in {"compound", "nsubj", "dobj", "pobj", "ROOT",
                                               "nmod", "appos"} and tok.head.i != tok.i:
                continue
            if self._entries.get(tok.text) or self.dictionary.role(tok.lemma_):
                continue
            if tok.ent_type_ in {"", "ORG", "PERSON", "FAC"} and not tok.is_sent_end:
                return True
        return False

    @staticmethod
    def _whole_name(token: Token, entries: dict[int, tuple[Span, list[Entry]]]) -> bool:
        """A compound that is a whole country or organisation name ("Russia" in "Russia
        Beijing's partner", "US" in "US officials") is a mention of its own."""
        hit = entries.get(token.i)
        return hit is not None and hit[0].end - 1 == token.i and hit[1][0].kind in {
            "country", "organisation", "capital", "person", "place"}  # "the Kharkiv region"

    @staticmethod
    def _plausible(span: Span, entry: Entry) -> bool:
        """An ambiguous surface ("Washington", "Victoria") is taken only when not a name part."""
        before = span.doc[span.start - 1] if span.start > 0 else None
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if before is not None and before.pos_ == "PROPN" and before.dep_ == "compound":
            return False
        if after is not None and after.pos_ == "PROPN":
            return False
        return span.root.ent_type_ in {"", "GPE", "ORG", "FAC", "LOC", "NORP"}

    def _role_spans(self, doc: Doc) -> dict[int, tuple[Span, Role]]:
        """Role phrases by token; computed once per document (full-name and surname lookups
        ask again for every name)."""
        cached = self._role_cache
        if cached is not None and cached[0] is doc:
            return cached[1]
        out = self._find_role_spans(doc)
        self._role_cache = (doc, out)
        return out

    def _find_role_spans(self, doc: Doc) -> dict[int, tuple[Span, Role]]:
        out: dict[int, tuple[Span, Role]] = {}
        spans = [doc[s:e] for _, s, e in self.role_matcher(doc)]
        for span in filter_spans(spans):
            role = self._roles.get(span.text.lower()) or self._roles.get(
                " ".join(t.lemma_.lower() for t in span)
            )
            if role is not None:
                for token in span:
                    out[token.i] = (span, role)
        for token in doc:
            if token.i in out or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            role = self.dictionary.role(token.lemma_) or self.dictionary.role(token.lower_)
            if role is not None:
                out[token.i] = (doc[token.i : token.i + 1], role)
        return out

    # ------------------------------------------------------------------ component
    def __call__(self, doc: Doc) -> Doc:
        """Resolve one document's actors; an unexpected failure leaves it without actors and
        records ``doc._.coding_error`` instead of stopping the batch."""
        try:
            return self._resolve(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            doc._.actors, doc._.actor_groups = {}, {}
            doc.spans["actors"] = []
            doc._.coding_error = f"{self.name}: {type(exc).__name__}: {exc}"
            return doc

    def _resolve(self, doc: Doc) -> Doc:
        from detente.actors.coref import resolve_story

        date = _parse_date(doc._.date)
        entries = self._entry_spans(doc)
        roles = self._role_spans(doc)
        resolved: dict[int, Resolved] = {}
        for token in doc:
            if token.pos_ not in NOMINAL:
                continue
            if token.dep_ in {"compound", "flat"} and not self._whole_name(token, entries):
                continue
            if token.dep_ == "amod" and token.i not in entries:
                continue
            if token.i in entries and entries[token.i][1][0].kind == "person" and (
                    _bracketed_acronym(token)):
                continue  # "Montenegro Municipality Association (AKK)": the name's acronym
            phrase = NounPhrase(self, token, entries, roles, date)
            if token.i in entries and phrase._stance(token):
                continue  # "pro-Russian": a stance, not Russia
            found = phrase.resolve()
            if found is not None:
                resolved[token.i] = found
        story = _StoryFacts(doc, roles, frozenset(
            e.country for _, es in entries.values() for e in es
            if e.country and e.kind != "person"))
        _allegiances(doc, resolved, self)  # names found so far, for coreference
        resolved, groups = resolve_story(doc, resolved, self, date, facts=story)
        _allegiances(doc, resolved, self)  # and the story's surnames
        for i, res in list(resolved.items()):  # every token of a matched name points to it
            hit = entries.get(i)
            if hit is not None and res.basis == "entry":
                for tok in hit[0]:
                    resolved.setdefault(tok.i, res)
        doc._.actors = {i: r.actor for i, r in resolved.items()}
        for i, res in resolved.items():
            if res.group and i not in groups:
                groups[i] = list(res.group)
        doc._.actor_groups = groups
        doc._.actor_notes = resolved
        spans = []
        inner = _nested(resolved)
        for i, res in sorted(resolved.items()):
            if i in inner:
                continue
            actor = res.actor
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                span = doc[i : i + 1]
            span._.actor = actor
            spans.append(span)
            for member in res.group[1:]:
                extra = doc.char_span(member.start, member.end, alignment_mode="expand")
                if extra is not None:
                    extra._.actor = member
                    spans.append(extra)
        doc.spans["actors"] = spans
        return doc

    # ------------------------------------------------------------------ helpers
    def gazetteer_surname(self, token: Token, date: dt.date | None,
                          story: _StoryFacts | None = None) -> Resolved | None:
        """A lone surname ("Putin", "Xi") that names exactly one gazetteer person, taken only
        with support: the person is in office on the article date, or carries a title here
        ("President Bush"), or the story mentions the person's country. "Smith said" in a
        film review stays unresolved."""
        # "President George Smith" is not Stephen Smith: given names must fit
        people = self._fitting(token.text, self._given_names(token))
        lowered = not people and token.text.islower() and len(token.text) > 2
        if lowered:  # "President obama": a lower-case surname, taken only after a title
            people = self._fitting(token.text.capitalize(), self._given_names(token))
        if not people:
            return None
        live = [p for p in people if date is not None
                and self.dictionary.person_office(p, date) is not None]
        candidates = live or people
        if story is None or story.doc is not token.doc:
            story = _StoryFacts(token.doc, self._role_spans(token.doc),
                                self._story_countries(token.doc))
        phrase = NounPhrase(self, token, {}, story.roles, date)
        mods = phrase.modifiers()
        titled = phrase._title(mods)[0] is not None
        if lowered and not titled:
            return None
        start, end = token.idx, token.idx + len(token.text)
        span = token.doc[token.i : token.i + 1]
        if len({p.entity_id for p in candidates}) != 1:
            # "President Bush" with no date: two presidents Bush, one reading (USAGOV). Taken
            # only with a title and only when every candidate gives the same code.
            if not titled:
                return None
            readings = [phrase._from_entry(span, p, mods) for p in candidates]
            codes = {r.actor.code for r in readings}
            if len(codes) != 1 or None in codes:
                return None
            first = readings[0]
            actor = replace(first.actor, text=token.text, start=start, end=end, name=token.text,
                            entity_id=f"code:{first.actor.code}")
            return Resolved(actor, first.role, "gazetteer_surname", True, False)
        entry = candidates[0]
        if not (live or titled or entry.country in story.countries):
            return None
        res = phrase._from_entry(span, entry, mods)
        actor = replace(res.actor, text=token.text, start=start, end=end)
        return Resolved(actor, res.role, "gazetteer_surname", True, False)

    def gazetteer_full_name(self, token: Token, date: dt.date | None) -> Resolved | None:
        """A full name spelt differently from the gazetteer's ("Omar El Bashir", "Omar
        al-Bashir"): the surname plus every given name must fit exactly one person."""
        given = self._given_names(token)
        if not {_fold(c.text) for c in given} - self.name_particles:
            return None
        people = self._fitting(token.text, given)
        if not people and len(token.text) >= 6:  # "Abdelaziz Bouteflicka", "Laurent Gbago"
            people = [p for near in self._near_surnames(token.text)
                      for p in self._fitting(near, given)]
        if len({p.entity_id for p in people}) != 1:
            return None
        phrase = NounPhrase(self, token, {}, self._role_spans(token.doc), date)
        mods = phrase.modifiers()
        span = token.doc[min(c.i for c in given) : token.i + 1]
        res = phrase._from_entry(span, people[0], [m for m in mods if m not in given])
        return Resolved(res.actor, res.role, "gazetteer_name", True, False)

    def _fitting(self, surname: str, given: list[Token]) -> list[Entry]:
        """Gazetteer people with this surname whose names contain every given name
        (particles such as "al" or "bin" aside)."""
        words = {_fold(c.text) for c in given} - self.name_particles
        return [p for p in self._surnames.get(surname, [])
                if words <= {_fold(w) for w in p.name.replace("-", " ").split()}]

    def _near_surnames(self, surname: str) -> list[str]:
        """Gazetteer surnames one letter away (an added, dropped or changed letter): a
        misspelt surname counts only when the given names fit too."""
        if surname in self._near_surname_cache:
            return self._near_surname_cache[surname]
        if self._surnames_by_length is None:
            by_length: dict[int, list[str]] = {}
            for name in self._surnames:
                by_length.setdefault(len(name), []).append(name)
            self._surnames_by_length = by_length
        near = [name for n in (len(surname) - 1, len(surname), len(surname) + 1)
                for name in self._surnames_by_length.get(n, ())
                if name[0] == surname[0] and _one_edit(name, surname)]
        if len(self._near_surname_cache) < 100_000:
            self._near_surname_cache[surname] = near
        return near

    def _given_names(self, token: Token) -> list[Token]:
        """Name words before a surname, titles left out ("President Omar El" -> Omar El)."""
        return [c for c in token.children if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN"
                and c.i < token.i and c.lower_ not in self._roles
                and c.lemma_.lower() not in self._roles and not self._entries.get(c.text)]

    def people_by_surname(self, surname: str) -> list[Entry]:
        return self._surnames.get(surname, [])

    def _story_countries(self, doc: Doc) -> frozenset[str]:
        return frozenset(x.country for _, s, e in self.matcher(doc)
                         for x in self._entries.get(doc[s:e].text, [])
                         if x.country and x.kind != "person")

    def country_name(self, iso3: str) -> str:
        entry = self.dictionary.country(iso3)
        return entry.name if entry else iso3


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or changed letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]



def _allegiances(doc: Doc, resolved: dict[int, Resolved], resolver: ActorResolver) -> None:
    """A body with a role and no country of its own takes it from whom it is loyal to, once
    the story's names are known: "forces loyal to Assad" (SYRMIL), "militias allied with
    Iran" (IRN...), "fighters linked to the Islamic State" (the group itself)."""
    for i, res in list(resolved.items()):
        actor = res.actor
        if actor.code is not None or not actor.sectors or res.basis != "unresolved_role":
            continue
        for pobj in allegiance_objects(doc[i], resolver.allegiance_words):
            lord = next((resolved[t.i].actor for t in pobj.subtree
                         if t.i in resolved and resolved[t.i].actor.code), None)
            if lord is None:
                continue
            if lord.country:
                code = compose_code(lord.country, actor.sectors)
                new = replace(actor, code=code, country=lord.country, type="state",
                              entity_id=f"code:{code}")
            else:  # a group without a state: its fighters are the group
                new = replace(actor, code=lord.code, country=None, sectors=lord.sectors,
                              type=lord.type, entity_id=lord.entity_id)
            resolved[i] = replace(res, actor=new, basis="allegiance")
            break
