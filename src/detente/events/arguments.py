"""Who did it to whom: sources and targets from the dependency parse.

Handles active and passive voice, coordination ("the US and the EU imposed"), comma lists
that the parser attaches as appositions, relative clauses ("the EU, which imposed"),
control ("China refused to condemn": the subject of *refused* condemns), and targets on the
verb, on its object ("sanctions on Russia") or on the object's possessor ("Russia's actions").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.tokens import Doc, Token

from detente.datafiles import data_path, yaml_mapping
from detente.records import Actor

__all__ = [
    "ActorLookup",
    "DEFAULT_TARGETS",
    "direct_object",
    "is_passive",
    "object_phrase_keys",
    "part_of",
    "verb_lemmas",
    "prep_objects",
    "source_tokens",
    "target_tokens",
]

DEFAULT_TARGETS: tuple[str, ...] = (
    "dobj", "dative", "prep:against", "prep:on", "prep:to", "prep:with", "prep:into",
    "prep:toward", "prep:towards", "obj_prep:on", "obj_prep:against", "obj_prep:to",
    "obj_prep:with", "obj_poss",
)
_REL_PRONOUNS = frozenset({"which", "who", "that", "whom"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


class ActorLookup:
    """Actors by token, with coordination and plural anaphora expanded."""

    def __init__(self, doc: Doc) -> None:
        self.actors: dict[int, Actor] = doc._.actors or {}
        self.groups: dict[int, list[Actor]] = doc._.actor_groups or {}
        countries = {a.country for a in self.actors.values()
                     if a.country and len(a.country) == 3 and a.type != "media"}
        # the one country a story is about, when it names exactly one (IGOs aside)
        self.story_country: str | None = countries.pop() if len(countries) == 1 else None

    def at(self, token: Token) -> list[Actor]:
        """Actors of the noun phrase headed by ``token`` (one level into possessor/of)."""
        if token.i in self.groups:
            return list(self.groups[token.i])
        if token.i in self.actors:
            return [self.actors[token.i]]
        for child in token.children:  # "his counterpart, Abbas Araghchi"
            if child.dep_ == "appos" and child.i in self.actors:
                named = self.actors[child.i]
                if named.code is not None or not self._coded_inside(token):
                    return [named]
        return []

    def _coded_inside(self, token: Token) -> bool:
        """"A member of the Syrian parliament, Mohammed Mamoun": the phrase itself says
        whose member an unknown name is."""
        for child in token.children:
            if child.dep_ in {"poss", "compound", "amod", "nmod"}:
                inner: list[Token] = [child]
            elif child.dep_ == "prep" and child.lower_ in {"of", "in"}:
                inner = [g for g in child.children if g.dep_ == "pobj"]
            else:
                continue
            if any(a.code for t in inner for a in self.at_or_inside(t, 1)):
                return True
        return False

    def at_or_inside(self, token: Token, depth: int = 2) -> list[Actor]:
        """Actors of the phrase, or of a possessor/modifier/"of"/"in" phrase inside it
        ("Ukraine's capital", "a village in the Kursk region of Russia")."""
        found = self.at(token)
        if found or depth == 0:
            return found
        for child in token.children:
            if child.dep_ in {"poss", "compound", "amod", "nmod"}:
                inner: Token | None = child
            elif child.dep_ == "prep" and child.lower_ in {"of", "in"}:
                inner = next((g for g in child.children if g.dep_ == "pobj"), None)
            else:
                continue
            if inner is not None and (got := self.at_or_inside(inner, depth - 1)):
                return got
        return []

    def expand(self, token: Token, inside: bool = False) -> list[Actor]:
        out: list[Actor] = []
        for tok in coordinated(token):
            out.extend(self.at_or_inside(tok) if inside else self.at(tok))
        return out


def verb_lemmas(token: Token) -> list[str]:
    """spaCy's lemma plus regular-inflection guesses, for the lemmatizer's rare misses
    ("staged" -> "stag"): staged -> stage, attacked -> attack, shipped -> ship."""
    lemma = token.lemma_.lower()
    word = token.lower_
    out = [lemma]
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    elif word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])
    elif word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    elif word.endswith("es"):
        out += [word[:-1], word[:-2]]
    elif word.endswith("s"):
        out.append(word[:-1])
    return list(dict.fromkeys(out))


def verb_keys(verb: Token) -> set[str]:
    """A verb's lemma and its lemma + particle ("call off", "turn down")."""
    lemma = verb.lemma_.lower()
    return {lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt")}


def coordinated(token: Token) -> list[Token]:
    """The token and its conjuncts, plus comma-list members the parser attached oddly."""
    members = [token, *token.conjuncts]
    for child in token.children:  # "Barack Obama and ...", parsed Barack <- Obama <- conj
        if child.pos_ == "PROPN" and child.ent_iob_ == "I" and child.dep_ in {
                "pobj", "flat", "appos", "npadvmod", "dobj"}:
            members.extend(child.conjuncts)
    seen = {t.i for t in members}
    stack = list(members)
    while stack:
        tok = stack.pop()
        up = tok.head
        if (tok.dep_ in {"appos", "prep", "dep"} and tok.pos_ in {"PROPN", "NOUN"}
                and up.pos_ in {"PROPN", "NOUN"} and up.i not in seen and tok.i > 0
                and tok.doc[tok.i - 1].text == "," and any(
                    c.dep_ in {"cc", "conj"} for c in tok.children)):
            seen.add(up.i)
            members.append(up)
            stack.append(up)
        for child in tok.children:
            if child.i in seen or child.pos_ not in _NOMINAL:
                continue
            after_comma = child.i > 0 and child.doc[child.i - 1].text == ","
            listy = child.dep_ in {"appos", "prep", "dep"} and after_comma and any(
                c.dep_ in {"cc", "conj"} for c in child.children)
            if listy or (child.dep_ == "prep" and child.pos_ in {"PROPN", "NOUN"} and after_comma):
                for m in [child, *child.conjuncts]:
                    if m.i not in seen:
                        seen.add(m.i)
                        members.append(m)
                        stack.append(m)
    if len(members) > 1:
        for extra in _left_list(min(members, key=lambda t: t.i)):
            if extra.i not in seen:
                seen.add(extra.i)
                members.append(extra)
    return sorted(members, key=lambda t: t.i)


def _left_list(first: Token) -> list[Token]:
    """Earlier items of a comma list the parser left out: "the US, the EU and much of ..."."""
    doc = first.doc
    found: list[Token] = []
    edge = first.left_edge
    while edge.i >= 2 and doc[edge.i - 1].text == ",":
        prev = doc[edge.i - 2]
        if prev.pos_ not in {"PROPN", "NOUN"} or prev.right_edge.i != prev.i:
            break
        found.append(prev)
        edge = prev.left_edge
    return found


def part_of(token: Token, part_nouns: frozenset[str]) -> Token | None:
    """"Taiwan as an integral part of China" -> China (the whole the part belongs to)."""
    for head in (token, token.head, token.head.head):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in part_nouns:
                    for of in pobj.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            return next((g for g in of.children if g.dep_ == "pobj"), None)
    return None


@cache
def _stative() -> frozenset[str]:
    return frozenset(yaml_mapping(data_path("events", "modality.yaml"))["stative_participles"][1])


def is_passive(verb: Token) -> bool:
    """A passive clause; "X is opposed to Y" (a stative participle, no agent) is not one."""
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return False
    return verb.lemma_.lower() not in _stative() or any(c.dep_ == "agent" for c in verb.children)


def direct_object(verb: Token) -> Token | None:
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return _antecedent(child)
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            return child
    return None


def prep_objects(head: Token, prep: str) -> Iterator[Token]:
    """Objects of ``prep`` attached to ``head`` ("on" -> "Russia" in "sanctions on Russia")."""
    for child in head.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep:
            for grand in child.children:
                if grand.dep_ in {"pobj", "pcomp"}:
                    yield grand


def object_phrase_keys(token: Token) -> list[str]:
    """Lemma keys of a noun phrase for class matching: "humanitarian aid", "round of talk"."""
    lemma = token.lemma_.lower()
    keys = []
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod"}:
            keys.append(f"{child.lemma_.lower()} {lemma}")
            keys.append(f"{child.lower_} {lemma}")
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    keys.append(f"{lemma} of {pobj.lemma_.lower()}")
    keys.append(f"{token.lower_}")
    return keys


def _antecedent(token: Token) -> Token:
    """A relative pronoun's antecedent ("the EU, which imposed" -> EU)."""
    if token.lower_ in _REL_PRONOUNS and token.head.dep_ == "relcl":
        head = token.head.head
        # "much of the rest of the world, which ..." -> climb "of" chains to the quantity noun
        while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in {
            "NOUN", "ADJ", "PRON", "NUM"
        }:
            head = head.head.head
        return head
    if token.tag_ == "VBG" and (subj := next(
            (c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)):
        return subj  # "the Red Cross operating in Iraq said": a participle parsed as the subject
    return token


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def source_tokens(verb: Token, depth: int = 0) -> list[Token]:
    """The tokens that head the source noun phrases of ``verb``."""
    if depth > 6:
        return []
    if is_passive(verb):
        agent = _agent(verb)
        return [agent] if agent is not None else []
    if verb.tag_ == "VBN" and (agent := _agent(verb)) is not None:
        return [agent]  # "not about to free prisoners as demanded by an al Qaeda ally"
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj", "expl", "nsubjpass"}]
    if not subjects:  # "Hungary is opposed": the parser hung the subject on the auxiliary
        subjects = [g for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i
                    for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.tag_ in {"VBD", "VBZ", "VBP"}:
        # "after Cuba threatened to cut ties" parsed with Cuba as the object of "after": a
        # finite verb's subordinator does not take a noun
        subjects = [g for c in verb.children if c.dep_ == "mark" and c.i < verb.i
                    for g in c.children if g.dep_ == "pobj" and g.pos_ in {"PROPN", "NOUN"}]
    if subjects:
        return [_antecedent(s) for s in subjects if s.dep_ != "expl"]
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp":  # object control ("urged X to"), else subject control
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if raised is not None:  # "Obama is scheduled to attend": Obama attends
            return [_antecedent(raised)]
        obj = next((c for c in head.children if c.dep_ in {"dobj", "dative"}), None)
        if obj is not None and head.lemma_ not in {"promise", "vow"}:
            return [obj]
        return source_tokens(head, depth + 1)
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i:
        governor = head.head  # "resorted to throwing stones", "after meeting Putin"
        if governor.pos_ == "ADJ":  # "are guilty of violating", "capable of launching"
            return source_tokens(governor, depth + 1)
        obj = next((c for c in governor.children if c.dep_ in {"dobj", "obj"}), None)
        if head.lower_ not in {"to", "by", "in", "after", "before", "while", "since"} or (
                obj is not None):
            return []  # "accused Russia of attacking", "jailed X for helping": not realized here
        return source_tokens(governor, depth + 1)
    if verb.dep_ in {"conj", "advcl", "pcomp", "acomp"}:  # "is willing to withdraw"
        return source_tokens(head, depth + 1)
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "troops, firing on protesters"
        return [head]
    if verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBD"}:  # "a ceasefire brokered by Qatar"
        agent = _agent(verb)
        if agent is not None:
            return [agent]
        if head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"} and (
            verb.tag_ == "VBD" or any(c.dep_ in {"dobj", "obj"} for c in verb.children)
        ):  # the parser took the clause for a noun phrase: "warplanes bombed Sanaa."
            return [head]
        return []
    return []


def _slot(verb: Token, obj: Token | None, slot: str) -> list[Token]:
    name, _, arg = slot.partition(":")
    if name == "dobj":
        return [obj] if obj is not None else []
    if name == "dative":
        return [c for c in verb.children if c.dep_ in {"dative", "iobj"} and c.pos_ != "ADP"] + [
            g for c in verb.children if c.dep_ == "dative" and c.pos_ == "ADP"
            for g in c.children if g.dep_ == "pobj"]
    if name == "prep":
        first, _, nested = arg.partition(">")
        found = list(prep_objects(verb, first))
        if not found and obj is not None and obj.dep_ in {"dobj", "obj"}:
            found = list(prep_objects(obj, first))  # the parser hung it on the object
        if nested:
            found = [t for f in found for t in prep_objects(f, nested)]
        return found
    if name == "obj_prep" and obj is not None:  # "a ban on imports from X": on>from
        first, _, nested = arg.partition(">")
        found = list(prep_objects(obj, first))
        measure = obj
        while not found and measure.dep_ == "pobj" and measure.head.lower_ in {
                "of", "in", "worth"} and measure.head.head.i != verb.i:
            measure = measure.head.head  # "70 million dollars of aid for Romania"
            found = list(prep_objects(measure, first))
        if not found:  # "rejected criticism from Ankara" with the phrase hung on the verb,
            found = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == first  # right
                     and c.i == obj.right_edge.i + 1 for g in c.children if g.dep_ == "pobj"]
        if nested:
            found = [t for f in found for t in prep_objects(f, nested)]
        return found
    if name == "acomp_prep":  # "is concerned about Russia's build-up"
        return [t for c in verb.children if c.dep_ == "acomp" for t in prep_objects(c, arg)]
    if name == "acomp_ccomp_subj":  # "was confident that the US would ..."
        return [s for c in verb.children if c.dep_ == "acomp" for cc in c.children
                if cc.dep_ == "ccomp" for s in cc.children if s.dep_ in {"nsubj", "nsubjpass"}]
    if name == "obj_poss" and obj is not None:
        return [c for c in obj.children if c.dep_ == "poss"]
    if name == "ccomp_subj":
        return [s for c in verb.children if c.dep_ == "ccomp" for s in c.children
                if s.dep_ in {"nsubj", "nsubjpass"}]
    if name == "dobj_country" and obj is not None:
        return [obj]
    if name == "obj_acl_dobj" and obj is not None:
        return [g for c in obj.children if c.dep_ == "acl" for g in c.children
                if g.dep_ == "dobj"]
    if name == "obj_amod_country" and obj is not None:
        return [c for c in obj.children if c.dep_ in {"amod", "compound"}]
    if name in {"xcomp_args", "advcl_args"}:  # "threatened to cut off power to X"
        deps = {"xcomp", "ccomp"} if name == "xcomp_args" else {"advcl"}
        out: list[Token] = []
        comps = [c for c in verb.children if c.dep_ in deps]
        comps += [g for c in comps for g in c.children if g.dep_ in {"xcomp", "ccomp"}]
        for comp in comps:  # "pledged $2bn to help rebuild Syria": two levels down
            out += [c for c in comp.children if c.dep_ in {"dobj", "dative"}]
            for prep in ("to", "against", "on", "with", "from", "into", "at"):
                out += list(prep_objects(comp, prep))
        return out
    if name == "oprd_mods":
        return [m for c in verb.children if c.dep_ == "oprd" for m in c.subtree if m is not c]
    return []


def target_tokens(verb: Token, obj: Token | None, slots: Iterable[str]) -> Iterator[Token]:
    for slot in slots:
        yield from _slot(verb, obj, slot)
