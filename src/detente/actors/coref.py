"""Mentions within a story: appositives, surnames, role anaphora and pronouns.

Rules, in order, each explainable to a user:

1. **Appositives** share one actor: "Wang Yi, China's foreign minister" (the person takes the
   role's country and sector). A comma list ("the US, the EU and ...") is not an appositive.
2. **Surnames** and short names resolve to the full person named earlier in the same story
   ("Wang" -> "Wang Yi"), matching the first or the last name token.
3. **Role anaphora**: "the minister", "the president" resolve to the last actor seen with that
   role; a plural ("the leaders", "the two ministers") to the last coordinated group of people.
4. **Pronouns**: a pronoun subject of a clause reported or intended by an actor resolves to
   that actor ("China said it would ..."); otherwise he/she/they resolve to the most recent
   compatible subject within the last two sentences, and stay unresolved when that is not clear.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from detente.actors.phrase import PERSON_PRONOUNS, Resolved, compose_code
from detente.actors.resolve import ActorResolver
from detente.records import Actor

__all__ = ["resolve_story"]

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they"}
_CLAUSE_UP = frozenset({"ccomp", "xcomp", "advcl", "conj"})
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def _relabel(res: Resolved, token: Token, basis: str = "coref") -> Resolved:
    doc = token.doc
    left = [t for t in token.lefts if t.dep_ in {"det", "compound", "amod", "nummod"}]
    first = min(left, key=lambda t: t.i) if left else token
    span = doc[first.i : token.i + 1]  # Span.text, not doc.text: that rebuilds the whole text
    actor = replace(res.actor, text=span.text, start=span.start_char, end=span.end_char)
    return Resolved(actor, res.role, basis, res.person, res.plural)


def _is_list_apposition(head: Token, appos: Token) -> bool:
    return any(c.dep_ in {"cc", "conj"} for c in appos.children) or any(
        c.dep_ == "cc" for c in head.children
    )


def _merge_appositives(doc: Doc, resolved: dict[int, Resolved]) -> None:
    for token in doc:
        if token.dep_ != "appos" or _is_list_apposition(token.head, token):
            continue
        a, b = resolved.get(token.head.i), resolved.get(token.i)
        if a is None or b is None:
            continue
        # the named side is the person: "Iran's religious leader Ayatollah Khomeini" (no
        # comma) names Khomeini, whom the role before him describes
        named_b = b.person and b.actor.type == "person" and b.basis != "role"
        person, other = (a, b) if a.person and a.actor.type == "person" and not (
            a.basis == "role" and named_b) else (b, a)
        if other.actor.code is None or person.actor.country not in (None, other.actor.country):
            continue
        if person.actor.sectors and person.actor.country and person.actor.sectors != ("ELI",):
            continue  # an elite out of office by the gazetteer takes the story's role
        merged = replace(person.actor, code=other.actor.code, country=other.actor.country,
                         sectors=other.actor.sectors)
        is_person = person.person and person.actor.type == "person"  # not "X, the union for Y"
        new = Resolved(merged, other.role or person.role, "appositive", is_person,
                       False if is_person else other.plural)
        idx = token.head.i if person is a else token.i
        resolved[idx] = new
        resolved[token.i if idx == token.head.i else token.head.i] = replace(
            new, actor=replace(merged, text=other.actor.text, start=other.actor.start,
                               end=other.actor.end))


def _name_parts(actor: Actor) -> set[str]:
    return {p for p in actor.name.replace("-", " ").split() if p[:1].isupper() and len(p) > 1}


def _subject_of(verb: Token, resolved: dict[int, Resolved]) -> Resolved | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.i in resolved:
            return resolved[child.i]
    return None


def _compatible(pronoun: str, res: Resolved) -> bool:
    if res.actor.code is None and res.actor.country is None:
        return False
    if pronoun in PERSON_PRONOUNS:
        return res.person
    if pronoun == "it":
        return not res.person and not res.plural and res.actor.type != "media"
    return (res.plural or not res.person) and res.actor.type != "media"  # they / them


class _Story:
    def __init__(self, doc: Doc, resolved: dict[int, Resolved],
                 group_roles: tuple[str, ...] = ()) -> None:
        self.group_roles = group_roles  # role endings "the leaders" can take back
        self.doc = doc
        self.resolved = resolved
        self.groups: dict[int, list[Actor]] = {}
        self.sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}

    def earlier(self, token: Token, window: int | None = None) -> list[tuple[int, Resolved]]:
        here = self.sent_of[token.i]
        out = [(i, r) for i, r in self.resolved.items() if i < token.i and (
            window is None or here - self.sent_of[i] <= window)]
        return sorted(out, key=lambda x: x[0], reverse=True)

    def organisation(self, token: Token) -> Resolved | None:
        """"The bloc", "the alliance": the last organisation named within two sentences,
        when the noun is definite, singular and bare."""
        if token.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the"
                                         for c in token.children) or any(
                c.dep_ in {"amod", "compound", "poss", "nmod", "prep"} for c in token.children):
            return None
        for _, res in self.earlier(token, window=2):  # "EU ... chief Borrell said the bloc"
            if res.actor.type == "igo" and res.actor.code and not res.person:
                return _relabel(res, token)
        return None

    def surname(self, token: Token) -> Resolved | None:
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            return None
        words = {token.text} | {c.text for c in token.children if c.dep_ in {"compound", "flat"}
                                and c.pos_ == "PROPN"}
        for _, res in self.earlier(token):
            if res.person and res.actor.code and words <= _name_parts(res.actor):
                return _relabel(res, token)
        return None

    def role_anaphor(self, token: Token, res: Resolved) -> Resolved | list[Resolved] | None:
        if res.plural and "MIL" in res.actor.sectors and not any(
                c.dep_ in {"det", "amod", "compound", "poss", "nmod", "nummod"}
                for c in token.children):
            # "Israeli forces blocked roads in Gaza, and troops tore down houses": bare troops
            # are the forces just named in the same sentence
            for _, other in self.earlier(token, window=0):
                if other.actor.code and other.plural and "MIL" in other.actor.sectors:
                    return _relabel(other, token)
        if not any(c.lower_ in _DEFINITE for c in token.children if c.dep_ == "det"):
            if not any(c.dep_ == "nummod" for c in token.children):
                return None
        role = (res.role or token.lemma_).lower()
        if res.plural:
            group = self._group(token, role)
            if group is not None:
                return group
            # "police fired at protesters in Nairobi. The protesters had demanded ...": the
            # last coded body with that role, within the last three sentences
            for _, other in self.earlier(token, window=3):
                if other.actor.code and other.plural and other.role == role:
                    return _relabel(other, token)
            return None
        for _, other in self.earlier(token):
            if other.actor.code and other.role and other.person and (
                other.role == role or other.role.endswith(" " + role)
            ):
                return _relabel(other, token)
        return None

    def possessed(self, token: Token, res: Resolved) -> Resolved | None:
        """"The Kenyan president said his government would ...", "Russia said its forces
        had ...": a role owned by a possessive pronoun takes the owner's country. The owner
        is the subject of the clause that governs this one, else the nearest earlier actor
        in the sentence that the pronoun fits."""
        poss = next((c for c in token.children if c.dep_ == "poss"
                     and c.lower_ in _POSSESSIVE), None)
        if poss is None or not res.actor.sectors:
            return None
        owner = self._owner(token, _POSSESSIVE[poss.lower_])
        if owner is None or not owner.actor.country:
            return None
        country = owner.actor.country
        code = compose_code(country, res.actor.sectors)
        actor = replace(res.actor, code=code, country=country, entity_id=f"code:{code}",
                        name=f"{country} {res.role or res.actor.name}")
        return Resolved(actor, res.role, "possessed", res.person, res.plural)

    def own_country(self, token: Token) -> Resolved | None:
        """"Ruto said his country would send police to Haiti": the owner's country."""
        poss = next((c for c in token.children if c.dep_ == "poss"
                     and c.lower_ in _POSSESSIVE), None)
        if poss is None or token.tag_ != "NN":
            return None
        owner = self._owner(token, _POSSESSIVE[poss.lower_])
        if owner is None or not owner.actor.country:
            return None
        country = owner.actor.country
        actor = Actor(text=f"{poss.text} {token.text}", name=country, code=country,
                      country=country, sectors=(), type="state", entity_id=f"country:{country}",
                      start=poss.idx, end=token.idx + len(token))
        return Resolved(actor, None, "possessed", False, False)

    def _owner(self, token: Token, word: str) -> Resolved | None:
        """Whom a possessive pronoun on ``token`` stands for: the subject of the clause that
        governs this one, else the nearest earlier actor in the sentence that it fits."""
        verb = token.head
        while verb.head.i != verb.i and verb.pos_ not in {"VERB", "AUX"}:
            verb = verb.head
        owner: Resolved | None = None
        cur = verb
        while owner is None and cur.dep_ in _CLAUSE_UP | {"ROOT"}:
            subject = _subject_of(cur, self.resolved)
            if subject is not None and subject.actor.code and _compatible(word, subject) and (
                    subject.actor.start < token.idx):
                owner = subject
            if cur.head.i == cur.i:
                break
            cur = cur.head
        if owner is None:
            here = self.sent_of[token.i]
            owner = next((r for i, r in self.earlier(token, window=0)
                          if r.actor.code and _compatible(word, r) and self.sent_of[i] == here),
                         None)
        return owner

    def _subject_group(self, verb: Token) -> list[Resolved]:
        members = _subject_members(verb, self.resolved)
        return members if len(members) >= 2 else []

    def _group(self, token: Token, role: str) -> list[Resolved] | None:
        lead = role in {"leader", "head"} or any(role.endswith(r) for r in self.group_roles)
        if not lead:
            return None
        for i, other in self.earlier(token, window=3):
            tok = self.doc[i]
            members = [other] + [self.resolved[c.i] for c in tok.conjuncts if c.i in self.resolved]
            people = [m for m in members if m.person and m.actor.code]
            if len(people) >= 2:
                return people
        if any(c.lower_ in {"two", "both"} for c in token.children if c.dep_ in {"nummod", "det",
                                                                                "predet"}):
            # "Lula met Milei. The two leaders signed ...": the last two people named
            pair: list[Resolved] = []
            for _, other in self.earlier(token, window=1):
                key = other.actor.entity_id or other.actor.code
                if other.person and other.actor.code and key not in {
                        p.actor.entity_id or p.actor.code for p in pair}:
                    pair.append(other)
                if len(pair) == 2:
                    return pair
        return None

    def state_pair(self, token: Token) -> list[Actor] | None:
        """"Qin met Lavrov. The two countries ...": the last two countries named (for "the
        two sides", the last two coded actors, whatever their kind)."""
        if not any(c.lower_ in {"two", "both"} for c in token.children
                   if c.dep_ in {"nummod", "det", "predet"}):
            return None
        sides = token.lemma_.lower() == "side"
        pair: list[Actor] = []
        for _, other in self.earlier(token, window=2):
            actor = other.actor
            key = actor.code if sides else actor.country
            if not key or key in {(a.code if sides else a.country) for a in pair}:
                continue
            if not sides:
                assert actor.country is not None
                actor = replace(actor, code=actor.country, sectors=(), type="state",
                                name=actor.country, entity_id=f"country:{actor.country}")
            pair.append(_relabel(Resolved(actor, None, "coref", False, False), token).actor)
            if len(pair) == 2:
                return pair
        return None

    def pronoun(self, token: Token) -> Resolved | list[Resolved] | None:
        word = token.lower_
        if token.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        verb = token.head
        while verb.dep_ in _CLAUSE_UP and verb.head.i != verb.i:
            verb = verb.head
            if word == "they":  # "Obama and Putin said they would ...": the pair
                group = self._subject_group(verb)
                if group:
                    return group
            subject = _subject_of(verb, self.resolved)
            if subject is not None and subject.actor.start > token.idx:
                break  # "..., they will tour Bangladesh, the High Commission said": a speaker
                # named after the pronoun speaks of someone else
            if subject is not None:
                if _compatible(word, subject):
                    return _relabel(subject, token)
                break
        if word == "it":
            return None
        candidates = [r for i, r in self.earlier(token, window=2)
                      if _compatible(word, r) and self.doc[i].dep_ in {"nsubj", "nsubjpass"}]
        entities = {r.actor.entity_id or r.actor.code for r in candidates}
        if len(entities) == 1 or (candidates and self.sent_of[token.i] > 0):
            return _relabel(candidates[0], token) if candidates else None
        return None


    def object_pronoun(self, token: Token) -> Resolved | None:
        """"Erdogan urged him to reconsider": an object pronoun never names its own clause's
        subject; it takes the one compatible actor of this or the previous sentence that is
        left, and stays unresolved when two are."""
        if token.dep_ not in {"dobj", "dative", "pobj"} or (
                token.lower_ == "her" and token.dep_ == "poss"):
            return None
        word = _OBJECT_PRONOUNS[token.lower_]
        verb = token.head if token.dep_ != "pobj" else token.head.head
        binder = _subject_of(verb, self.resolved)
        bound = {binder.actor.entity_id or binder.actor.code} if binder is not None else set()
        candidates = [r for _, r in self.earlier(token, window=1) if _compatible(word, r)
                      and r.actor.code and (r.actor.entity_id or r.actor.code) not in bound]
        entities = {r.actor.entity_id or r.actor.code for r in candidates}
        return _relabel(candidates[0], token) if len(entities) == 1 else None


def _subject_members(verb: Token, resolved: dict[int, Resolved]) -> list[Resolved]:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            toks = [child, *child.conjuncts]
            return [resolved[t.i] for t in toks if t.i in resolved and resolved[t.i].actor.code]
    return []


def _sole_state(token: Token, res: Resolved, country: str | None, story: _Story,
                resolver: ActorResolver) -> Resolved | None:
    """"The government", "the army", "the police" with no country of their own in a story
    that names exactly one country are that country's: "rebel groups in Sudan's Darfur said
    the government had launched an offensive" (SDNGOV). A person ("the minister") is left to
    the role anaphor, an embassy stands in another state, and two countries leave it
    unresolved. The country must be named before the mention: in "the government thanked
    Russia for its support" Russia is the other party."""
    if country is None or res.person or not res.actor.sectors or not (
            set(res.actor.sectors) <= resolver.story_state_sectors):
        return None
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    bare_plural = token.tag_ == "NNS" and not any(c.dep_ == "det" for c in token.children)
    if bare_plural and "MIL" in res.actor.sectors and not any(
            c.dep_ == "compound" and c.lower_ in resolver.home_force_words
            for c in token.children):
        return None  # "troops entered Ukraine" are not Ukraine's; "government forces" are
    if not (definite or bare_plural) or any(  # "the government", "government forces"
            c.dep_ in {"amod", "poss", "nmod"} or (c.dep_ == "compound" and c.pos_ == "PROPN")
            for c in token.children):
        return None
    if not any(r.actor.country == country for _, r in story.earlier(token)):
        return None
    code = compose_code(country, res.actor.sectors)
    actor = replace(res.actor, code=code, country=country, type="state",
                    entity_id=f"code:{code}", name=f"{country} {res.role or res.actor.name}")
    return Resolved(actor, res.role, "story_state", res.person, res.plural)


def resolve_story(
    doc: Doc, resolved: dict[int, Resolved], resolver: ActorResolver | None = None,
    date: object = None, facts: object = None,
) -> tuple[dict[int, Resolved], dict[int, list[Actor]]]:
    """Resolve the mentions that need the rest of the story; see the module docstring."""
    resolved = dict(resolved)
    _merge_appositives(doc, resolved)
    story = _Story(doc, resolved, resolver.group_roles if resolver is not None else ())
    for token in doc:
        current = resolved.get(token.i)
        if current is not None and current.basis == "unknown_org" and " " not in current.actor.text:
            current = None  # "Wang" tagged as an organisation: try it as a surname first
        if current is None and token.pos_ == "PROPN" and token.dep_ not in {"compound", "flat"}:
            found = story.surname(token)
            if found is None and resolver is not None and (token.i == 0 or not (
                doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].dep_ in {"compound", "flat"}
            )):
                found = resolver.gazetteer_surname(token, date, facts)  # type: ignore[arg-type]
            elif found is None and resolver is not None:  # "Omar El Bashir" for Omar al-Bashir
                found = resolver.gazetteer_full_name(token, date)  # type: ignore[arg-type]
            if found is not None:
                resolved[token.i] = found
        elif current is not None and current.basis in {"person", "title"} and (
            current.actor.code is None or not current.actor.sectors
        ):
            found = story.surname(token) or (
                (resolver.gazetteer_full_name(token, date)  # type: ignore[arg-type]
                 or resolver.gazetteer_surname(token, date, facts))  # type: ignore[arg-type]
                if resolver is not None else None)
            if found is not None:
                resolved[token.i] = found
        elif current is not None and current.basis == "unresolved_role":
            owned = story.possessed(token, current)
            if owned is not None:  # "his government", "its forces"
                resolved[token.i] = owned
                continue
            anaphor = story.role_anaphor(token, current)
            if isinstance(anaphor, list):
                story.groups[token.i] = [_relabel(m, token).actor for m in anaphor]
            elif anaphor is not None:
                resolved[token.i] = anaphor
            elif resolver is not None and current.role not in resolver.abroad_roles and (
                    sole := _sole_state(token, current, getattr(facts, "sole_country", None),
                                        story, resolver)):
                resolved[token.i] = sole
        elif current is None and token.pos_ == "NOUN" and resolver is not None and (
                token.lemma_.lower() in resolver.organisation_anaphors):
            found = story.organisation(token)  # "the bloc", "the alliance"
            if found is not None:
                resolved[token.i] = found
        elif current is None and token.pos_ == "NOUN" and resolver is not None and (
                token.lemma_.lower() in resolver.group_state_nouns):
            pair = story.state_pair(token)  # "the two countries", "both sides"
            if pair:
                story.groups[token.i] = pair
            elif token.lemma_.lower() in resolver.own_country_nouns:
                own = story.own_country(token)  # "his country", "its nation"
                if own is not None:
                    resolved[token.i] = own
        elif current is None and token.pos_ == "PRON" and token.lower_ in {
            "he", "she", "they", "it", "him", "her", "them"
        }:
            referent = (story.object_pronoun(token) if token.lower_ in _OBJECT_PRONOUNS
                        else story.pronoun(token))
            if isinstance(referent, list):
                story.groups[token.i] = [_relabel(m, token).actor for m in referent]
            elif referent is not None:
                resolved[token.i] = referent
    return resolved, story.groups
