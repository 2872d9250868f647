"""The ``detente_events`` spaCy component: CAMEO events from parsed, actor-coded sentences.

For each sentence the coder finds triggers (verbs matched by ``verbs.yaml`` patterns and
nouns matched by ``noun_patterns.yaml``), reads who did it to whom from the parse
(:mod:`detente.events.arguments`), decides whether it happened
(:mod:`detente.events.modality`) and emits frozen :class:`~detente.records.Event` records to
``doc._.events``. Dropped candidates go to ``doc._.suppressed`` with the reason, so
``detente explain`` can show them. Within one document each (source, target, code) appears
once, with a mention count and every evidence span.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente.events.arguments import (
    DEFAULT_TARGETS,
    ActorLookup,
    direct_object,
    object_phrase_keys,
    prep_objects,
    source_tokens,
    verb_keys,
    verb_lemmas,
)
from detente.events.context import SentenceContext
from detente.events.modality import Frame, analyse, request_noun
from detente.events.patterns import (
    ContextLexicon,
    EventLexicon,
    NounPattern,
    TransformKind,
    VerbPattern,
)
from detente.events.realize import purpose_clause, realize
from detente.records import (
    Actor,
    Attribution,
    Event,
    Evidence,
    Plover,
    Suppressed,
    make_event_id,
)

__all__ = ["EventCoder", "Candidate", "register_event_extensions"]

def register_event_extensions() -> None:
    for name in ("events", "suppressed", "coding_error"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@dataclass
class Candidate:
    """One trigger with its pattern, before actors and modality are applied."""

    code: str
    rule: str
    trigger: Token
    verb: Token | None  # the verb whose clause carries subject and modality
    obj: Token | None
    targets: tuple[str, ...]
    symmetric: bool = False
    reverse: bool = False
    require_target: bool = False
    intent: bool = False
    conflict: bool = False
    noun: Token | None = None
    means: Token | None = None  # "air strikes killed ...": the attack noun that names the act
    # a governing act coded only if the acts it governs (these triggers) come to nothing for
    # want of actors: "declared that China must drop barriers or face tariff penalties"
    fallback_of: frozenset[int] = frozenset()


class EventCoder:
    """spaCy component; see the module docstring."""

    def __init__(self, nlp: Language, name: str, lexicon: EventLexicon) -> None:
        register_event_extensions()
        self.name = name
        self.lex = lexicon
        self._frames: dict[int, Frame] = {}  # analyse() per verb of the current document

    def frame(self, verb: Token) -> Frame:
        """The modality frame of ``verb`` (analysed once per document; each caller gets its
        own copy to adjust)."""
        found = self._frames.get(verb.i)
        if found is None:
            found = self._frames[verb.i] = analyse(verb, self.lex.modality)
        return replace(found)

    # ------------------------------------------------------------------ triggers
    def _objects(self, verb: Token, lookup: ActorLookup
                 ) -> tuple[Token | None, list[tuple[str, list[str], bool]]]:
        """The verb's content object and, for it and its conjuncts, (lemma, phrase keys, is
        an actor): computed once per verb, not once per pattern tried."""
        obj = self.lex.content_object(direct_object(verb))
        if obj is None:
            return None, []
        # "provided aerial photographs and other military intelligence": any conjunct
        objs = (obj, *(self.lex.content_object(c) or c for c in obj.conjuncts))
        return obj, [(o.lemma_.lower(), object_phrase_keys(o), bool(lookup.at(o))) for o in objs]

    def _match_verb(self, verb: Token, pattern: VerbPattern, lookup: ActorLookup,
                    objects: tuple[Token | None, list[tuple[str, list[str], bool]]]) -> int:
        """0 when the pattern does not apply; else the object match score (see ArgSpec).
        ``objects`` is :meth:`_objects` of the verb."""
        if pattern.particle and not _has_particle(verb, pattern.particle):
            return 0
        obj, keys = objects
        score = 1
        if pattern.object is not None:
            if obj is None:
                return 0
            score = max(pattern.object.matches(lemma, phrases, actor)
                        for lemma, phrases, actor in keys)
            if not score:
                return 0
        for prep, spec in pattern.preps:  # a named lemma outranks "any" here too
            prep_score = self._prep_score(verb, obj, prep, spec, lookup)
            if not prep_score:
                return 0
            score += prep_score
        for prep, spec in pattern.exclude_prep:
            if self._prep_score(verb, obj, prep, spec, lookup):
                return 0
        if pattern.xcomp and not any(
            c.dep_ == "xcomp" and c.lemma_.lower() in pattern.xcomp for c in verb.children
        ):
            return 0
        if pattern.source_sectors and not self._sources_fit(verb, pattern.source_sectors, lookup):
            return 0
        return 0 if any(_present(verb, f) for f in pattern.forbid) else score

    @staticmethod
    def _sources_fit(verb: Token, sectors: frozenset[str], lookup: ActorLookup) -> bool:
        """"Farmers blockaded Paris" is a protest, "Israel blockaded Gaza" is not: a source
        with one of ``sectors`` fits; a state, or any other sector, does not; a source that is
        neither ("hundreds of people") does."""
        actors = [a for t in source_tokens(verb) for a in lookup.expand(t) or
                  lookup.at_or_inside(t)]

        def people(a: Actor) -> bool:  # "Algerians blocked roads": a nation's people, whose
            return a.type == "state" and not a.sectors and (  # entity is the code, not the
                a.entity_id or "").startswith("code:")  # country ("country:DZA")

        return any(sectors.intersection(a.sectors) or people(a) for a in actors) or not any(
            a.code or a.sectors for a in actors)

    @staticmethod
    def _prep_score(verb: Token, obj: Token | None, prep: str, spec: object, lookup: ActorLookup
                    ) -> int:
        from detente.events.patterns import ArgSpec

        assert isinstance(spec, ArgSpec)
        if prep == "dobj":  # exclude_prep {dobj: [...]}: "hit its target" is no attack
            found = [obj] if obj is not None else []
        elif prep in {"oprd", "attr", "acomp"}:
            found = [c for c in verb.children if c.dep_ == prep]
        elif prep == "predicate":  # "held Iran accountable": the parser's label varies
            found = [c for c in verb.children if c.dep_ in {"oprd", "ccomp", "advcl", "xcomp"}
                     and c.pos_ == "ADJ"]
        else:  # "insisted on Wednesday" names a day, not what was insisted on
            found = [t for t in prep_objects(verb, prep) if t.ent_type_ not in {"DATE", "TIME"}]
            if obj is not None:
                found += [t for t in prep_objects(obj, prep)
                          if t.ent_type_ not in {"DATE", "TIME"}]
        return max((spec.matches(t.lemma_.lower(), object_phrase_keys(t), bool(lookup.at(t)))
                    for t in found), default=0)

    def _verb_candidates(self, sent: Span, lookup: ActorLookup) -> list[Candidate]:
        out = []
        for token in sent:
            if not (token.pos_ == "VERB" or token.tag_.startswith("VB")):
                continue
            best: tuple[int, int, VerbPattern] | None = None
            lemma = next((x for x in verb_lemmas(token) if self.lex.verb_patterns_for(x)),
                         token.lemma_.lower())
            patterns = self.lex.verb_patterns_for(lemma)
            if not patterns:
                continue
            if self._cancelled(token):
                continue  # "vetoed a statement condemning the coup": nothing was condemned
            objects = self._objects(token, lookup)
            for pattern in patterns:
                score = self._match_verb(token, pattern, lookup, objects)
                if score and (best is None or (pattern.specificity, score) > best[:2]):
                    best = (pattern.specificity, score, pattern)
            if best is not None:
                pattern = best[2]
                code, rule = self._request_content(pattern, direct_object(token))
                if code == "070" and self._money(direct_object(token)):
                    code, rule = "071", f"{rule}+money"  # "gave $5 million of aid": economic
                means = self._means(token, code)
                if means is not None:
                    code, rule = means[1], f"{rule}+means:{means[2]}"
                if code[:2] == "19" and any(c.lower_ in self.lex.context.test_words
                                            and c.i < token.i for c in token.children):
                    code, rule = "150", f"{rule}+test"  # "test-fired a missile": a show of force
                out.append(Candidate(
                    code=code, rule=rule, trigger=token, verb=token,
                    means=means[0] if means is not None else None,
                    obj=self.lex.content_object(direct_object(token)),
                    targets=pattern.target or DEFAULT_TARGETS,
                    symmetric=pattern.symmetric, reverse=pattern.reverse,
                    require_target=pattern.require_target,
                    intent=pattern.modality == "intent",
                    conflict=pattern.context in {"conflict", "verbal_attack"},
                ))
        return out

    _GENERIC_VIOLENCE = frozenset({"180", "190", "200"})

    def _means(self, verb: Token, code: str) -> tuple[Token, str, str] | None:
        """A generic killing or attack whose subject (or "in ..." phrase) names the attack
        more precisely takes that code: "Israeli air strikes killed 20 people" is 195, "a
        car bomb killed five soldiers" 1832 (one event, not a kill plus an air strike)."""
        if code not in self._GENERIC_VIOLENCE:
            return None
        nouns = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "by"}
                  for p in c.children if p.dep_ == "pobj"]
        for noun in nouns:
            if noun.lemma_.lower() not in self.lex.noun_heads:
                continue
            npat = self.lex.noun_pattern(noun.lemma_.lower(), object_phrase_keys(noun))
            if npat is not None and npat.code[:2] in {"18", "19", "20"} and (
                    npat.code not in self._GENERIC_VIOLENCE):
                return noun, npat.code, npat.id
        if code[:2] != "19":  # a weapon names how force was used, not a killing's kind
            return None
        weapons = self.lex.context.weapon_codes
        nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                  for p in c.children if p.dep_ == "pobj"]
        for noun in nouns:
            keys = [k for k in object_phrase_keys(noun) if " " in k]
            if any(k in self.lex.context.weapon_exclude for k in keys):
                continue  # "the think tank attacked the plan"
            weapon = next((k for k in [*keys, noun.lemma_.lower()] if k in weapons), None)
            if weapon is not None:
                return noun, weapons[weapon], f"weapon:{weapon.replace(' ', '_')}"
        return None

    def _money(self, obj: Token | None) -> bool:
        """The object is an amount of money: "70 million dollars of aid", "$5m in aid"."""
        if obj is None:
            return False
        head = [obj, *(c for c in obj.children if c.dep_ in {"nummod", "compound", "quantmod"})]
        return any(t.ent_type_ == "MONEY" or self.lex.in_class("money", t.lemma_.lower())
                   for t in head)

    _REQUEST_KINDS: ClassVar[dict[str, TransformKind]] = {
        "02": "appeal", "10": "demand", "12": "reject"}

    def _request_content(self, pattern: VerbPattern, obj: Token | None) -> tuple[str, str]:
        """A generic appeal, demand or rejection whose object names what was asked for:
        "rejected calls for economic aid" (1221), "rejected a proposal for a cease-fire"
        (1246), "dismissed demands for talks" (125)."""
        kind = self._REQUEST_KINDS.get(pattern.code[:2])
        generic = len(pattern.code) == 3 and pattern.code[2] in "07"  # 020, 100, 120, 127
        if kind is None or not generic or (
                obj is None or obj.lemma_.lower() not in self.lex.modality.request_nouns):
            return pattern.code, pattern.id
        for content in prep_objects(obj, "for"):
            content = self.lex.content_object(content) or content
            npat = self.lex.noun_pattern(content.lemma_.lower(), object_phrase_keys(content))
            new = self.lex.transform(npat.code, kind) if npat is not None else None
            if new is not None and npat is not None:
                return new, f"{pattern.id}+for:{npat.id}"
        return pattern.code, pattern.id

    def _governor_candidates(self, sent: Span, cands: list[Candidate], lookup: ActorLookup
                             ) -> list[Candidate]:
        """Code the governing act ("urged", "threatened", "agreed", "said") when the act it
        governs has no pattern of its own."""
        mod = self.lex.modality
        live = [c for c in cands if c.verb is None or not purpose_clause(c.verb, mod)]
        triggered = {c.trigger.i for c in live} | {c.verb.i for c in live if c.verb is not None}
        # the verb that governs each coded act: "urged China to press Russia to end the war"
        # codes "end" under "press"; "urge" still makes its own appeal to China
        owner: dict[int, int | None] = {}
        for c in live:
            if c.verb is not None:
                gov = self.frame(c.verb).governor
                owner[c.trigger.i] = owner[c.verb.i] = gov.i if gov is not None else None
        out = []
        for tok in sent:
            if tok.i in triggered or tok.pos_ not in {"VERB", "AUX"}:
                continue
            lemma = tok.lemma_.lower()
            comps = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {
                "VERB", "AUX"}]
            if not comps:
                continue
            blocking = frozenset(
                t.i for c in comps for t in _clause_tokens(c) if t.i in triggered and (
                    owner.get(t.i) in {None, tok.i} or lemma not in mod.governor_codes))
            if lemma in mod.governor_codes:
                code, rule = mod.governor_codes[lemma], f"g.{lemma}"
                targets: tuple[str, ...] = ("dobj", "dative", "prep:on", "prep:to", "xcomp_args")
            elif lemma in mod.statement_verbs:
                code, rule, targets = "010", f"s.{lemma}", ("dative", "ccomp_subj")
                if any(a.lower_ in mod.obligation_aux for c in comps for a in c.children
                       if a.dep_ == "aux"):
                    code, rule = "100", f"s.{lemma}+must"  # "said Y must ...": a demand
            else:
                continue
            if blocking and code == "010":
                continue  # a bare statement never stands in for the act it reports
            out.append(Candidate(code=code, rule=rule, trigger=tok, verb=tok,
                                 obj=direct_object(tok), targets=targets, require_target=True,
                                 fallback_of=blocking))
        return out

    def _noun_candidates(self, sent: Span, used: set[int]) -> list[Candidate]:
        out = []
        for token in sent:
            if token.pos_ not in {"NOUN", "PROPN"} or token.i in used:
                continue
            if token.ent_type_ in {"DATE", "TIME"}:  # "on 16 March" is no march
                continue
            if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"}:
                continue  # "an assassination attempt", "sanctions relief": the head says what
            if token.lemma_.lower() not in self.lex.noun_heads:
                continue
            preps = frozenset(c.lower_ for c in token.children
                              if c.dep_ == "prep" and not _temporal(c))
            if token.dep_ == "dobj":  # "opened a hearing Wednesday into X": the parser hangs
                preps |= frozenset(  # the object's preposition on the verb
                    c.lower_ for c in token.head.children
                    if c.dep_ == "prep" and c.i > token.i and not _temporal(c))
            lemma = token.lemma_.lower()  # "war on terror", "war of words": phrase keys too
            keys = [*object_phrase_keys(token), *(
                f"{lemma} {c.lower_} {o.lemma_.lower()}" for c in token.children
                if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj")]
            npat = self.lex.noun_pattern(lemma, keys, preps)
            if npat is None:
                continue
            out.extend(self._noun_candidate(token, npat))
        return out

    def _cancelled(self, verb: Token) -> bool:
        """A participle on a text or plan that was blocked, vetoed or cancelled: "vetoed a
        statement condemning the coup", "foiled a plot targeting the embassy"."""
        return verb.dep_ == "acl" and verb.head.dep_ in {"dobj", "nsubjpass"} and bool(
            verb_keys(verb.head.head) & self.lex.modality.cancel_verbs)

    def _noun_candidate(self, noun: Token, npat: NounPattern) -> list[Candidate]:
        anchor = noun  # "a new package of sanctions": the light verb governs "package"
        while anchor.dep_ == "pobj" and anchor.head.lower_ in {"of", "in"} and (
            self.lex.in_class("quantity", anchor.head.head.lemma_.lower())
        ):
            anchor = anchor.head.head
        head = anchor.head
        cancel = self.lex.modality.cancel_verbs
        # "did not rule out a strike": the refusal's frame decides (a possibility, 014)
        rejected = anchor.dep_ in {"dobj", "nsubjpass"} and bool(
            verb_keys(head) & self.lex.modality.reject)
        if anchor.dep_ in {"dobj", "nsubjpass"} and verb_keys(head) & cancel and not rejected:
            return []  # "called off the strike", "cancelled the visit": it did not happen
        light = rejected or anchor.dep_ in {"dobj", "nsubjpass"} and any(
            x in self.lex.modality.light_verbs for x in verb_lemmas(head))
        if not light and anchor.dep_ == "pobj" and head.lower_ in _LIGHT_PREPS:
            verb = head.head  # "agreed to a ceasefire", "engaged in talks"
            mod = self.lex.modality
            if verb.pos_ in {"VERB", "AUX"} and (
                verb.lemma_.lower() in mod.prep_light_verbs | mod.light_verbs
            ):
                head, light = verb, True
        targets = tuple(f"noun_prep:{p}" for p in npat.target)
        base = Candidate(code=npat.code, rule=npat.id, trigger=noun, verb=None, obj=noun,
                         targets=targets, symmetric=npat.symmetric, conflict=npat.conflict,
                         noun=noun)
        if light and self._cancelled(head):
            return []  # "blocked a resolution demanding a ceasefire"
        if light:
            return [replace(base, verb=head, rule=npat.id + "+light")]
        if npat.light_only and not npat.symmetric:
            return []
        return [base]

    # ------------------------------------------------------------------ component
    def __call__(self, doc: Doc) -> Doc:
        """Code one document. An unexpected failure on one document leaves it with no
        events and a ``doc._.coding_error`` (a run records it as reject E298) instead of
        stopping the batch."""
        try:
            return self._code(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            doc._.events, doc._.suppressed = [], []
            doc._.coding_error = f"{self.name}: {type(exc).__name__}: {exc}"
            return doc

    def _code(self, doc: Doc) -> Doc:
        self._frames = {}
        lookup = ActorLookup(doc)
        context = SentenceContext(doc, self.lex.context)
        events: dict[tuple[str | None, str | None, str], Event] = {}
        suppressed: list[Suppressed] = []
        doc_id = doc._.doc_id or ""
        for index, sent in enumerate(doc.sents):
            verb_cands = self._verb_candidates(sent, lookup)
            used = {c.obj.i for c in verb_cands if c.obj is not None}
            used |= {c.means.i for c in verb_cands if c.means is not None}
            used |= {t.i for c in verb_cands for t in _prep_nouns(c.trigger)}
            cands = verb_cands + self._noun_candidates(sent, used)
            cands += self._governor_candidates(sent, cands, lookup)
            # the content of a request codes it ("rejected a proposal to meet": 125, not 127),
            # so content candidates go first and the request noun's own pattern yields to them
            requests = {c.trigger.i: n.i for c in cands if c.verb is not None
                        and (n := request_noun(c.verb, self.lex.modality)) is not None}
            # and so do complements before their governors ("demanded that Iran release the
            # sailors" is 1053; the demand verb's own 100 yields to it)
            cands.sort(key=lambda c: (c.trigger.i not in requests, -_depth(c.trigger)))
            covered: set[int] = set()
            governed: dict[int, set[tuple[str | None, str | None]]] = {}
            decided: set[int] = set()  # triggers that gave an event or a reason beyond actors
            for cand in cands:
                if cand.obj is not None and cand.obj.i in covered:
                    continue
                if cand.fallback_of & decided:
                    continue
                recoded = governed.get(cand.trigger.i, set()) if cand.noun is None else set()
                for item in realize(self, cand, sent, index, lookup, context, doc_id,
                                    governed):
                    if isinstance(item, Suppressed):
                        suppressed.append(item)
                        if item.reason not in _ACTORLESS:
                            decided.add(cand.trigger.i)
                        continue
                    decided.add(cand.trigger.i)
                    if (_key(item.source), _key(item.target)) in recoded:
                        continue  # the complement's specific code stands for this act
                    if cand.trigger.i in requests:
                        covered.add(requests[cand.trigger.i])
                    key = (_key(item.source), _key(item.target), item.cameo)
                    if key in events:
                        events[key] = _merge(events[key], item)
                    else:
                        events[key] = item
        kept = _drop_subsumed(list(events.values()), self.lex.context)
        ids = {id(e) for e in kept}
        suppressed += [Suppressed(cameo=e.cameo, source=e.source, target=e.target,
                                  reason="echo of a fuller event", evidence=e.evidence)
                       for e in events.values() if id(e) not in ids]
        doc._.events = kept
        doc._.suppressed = suppressed
        return doc

    # ------------------------------------------------------------------ realize
    def make_event(self, doc_id: str, index: int, sent: Span, code: str, source: Actor | None,
                   target: Actor | None, modality: str, attribution: Attribution,
                   cand: Candidate, rule: str) -> Event:
        info = self.lex.cameo[code]
        evidence = Evidence(sentence=sent.text, start=sent.start_char, end=sent.end_char,
                            trigger=cand.trigger.text, rule=rule)
        return Event(
            event_id=make_event_id(doc_id, code, source, target), doc_id=doc_id,
            sentence_index=index, date=sent.doc._.date, source=source, target=target,
            cameo=code, root=code[:2], goldstein=info.goldstein, quad_class=info.quad_class,
            plover=Plover(info.plover_event, info.plover_mode), modality=modality,  # type: ignore
            attribution=attribution, evidence=evidence, mentions=1, all_evidence=(evidence,),
        )

    def suppressed(self, sent: Span, cand: Candidate, code: str, source: Actor | None,
                   target: Actor | None, reason: str) -> Suppressed:
        evidence = Evidence(sentence=sent.text, start=sent.start_char, end=sent.end_char,
                            trigger=cand.trigger.text, rule=cand.rule)
        return Suppressed(cameo=code, source=source, target=target, reason=reason,
                          evidence=evidence)


_LIGHT_PREPS = frozenset({"to", "on", "in", "into", "upon"})


_ACTORLESS = frozenset({"no_actor", "no_target"})


def _drop_subsumed(events: list[Event], context: ContextLexicon) -> list[Event]:
    """An event with no coded target that another event of its sentence already tells in
    full is that event's echo: in "security forces opened fire on protesters in Mandalay,
    killing two" the killing with no victim named adds nothing to MMRCOP 175 MMRCVL, and in
    "Russia launched missile strikes on Kyiv, killing 11 people" nothing to RUS 195 UKR."""
    coded = {(e.source.start, e.source.end) for e in events
             if e.source is not None and e.source.code}
    violent = {(e.sentence_index, e.source.code) for e in events
               if e.root in context.echo_roots and e.source is not None and e.source.code
               and e.target is not None and e.target.code}

    known = {(e.sentence_index, e.target.code) for e in events
             if e.root in context.unknown_source_roots and e.source is not None and e.source.code
             and e.target is not None and e.target.code}

    sectored = {(e.sentence_index, e.cameo, e.target.code if e.target else None,
                 e.source.code[:3]) for e in events
                if e.source is not None and e.source.code and len(e.source.code) > 3}

    def echo(e: Event) -> bool:
        if e.source is not None and e.source.code and len(e.source.code) == 3 and (
                e.sentence_index, e.cameo, e.target.code if e.target else None,
                e.source.code) in sectored and e.mentions == 1:
            return True  # "Peruvian authorities launched an offensive": PERGOV, not also PER
        if e.source is None and e.target is not None and e.mentions == 1:
            # "the army said it attacked the car of X, who was killed in an airstrike": the
            # killing by someone unknown is the army's attack told again
            return e.root in context.unknown_source_roots and (
                e.sentence_index, e.target.code) in known
        if e.source is None or (e.target is not None and e.target.code) or e.mentions > 1:
            return False
        if not e.source.code:
            return (e.source.start, e.source.end) in coded
        # only a generic act is an echo: "blew themselves up" (1831) says more than the
        # killing it comes with
        return e.cameo in EventCoder._GENERIC_VIOLENCE and (
            e.sentence_index, e.source.code) in violent

    return [e for e in events if not echo(e)]


def _key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.code or actor.text


def _merge(first: Event, other: Event) -> Event:
    if any(e.start == other.evidence.start for e in first.all_evidence):
        return first
    return replace(first, mentions=first.mentions + 1,
                   all_evidence=first.all_evidence + (other.evidence,))


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _temporal(prep: Token) -> bool:
    """"on Monday", "at noon": a time, not a target."""
    return any(g.ent_type_ in {"DATE", "TIME"} for g in prep.children if g.dep_ == "pobj")


def _has_particle(verb: Token, particle: str) -> bool:
    words = particle.split()
    first = words[0]
    for child in verb.children:
        if child.lower_ == first and child.dep_ in {
            "prt", "prep", "advmod", "dobj", "acomp", "oprd", "dative", "attr", "compound:prt",
            "npadvmod", "ccomp", "xcomp",
        }:
            return True
    return False


def _present(verb: Token, feature: str) -> bool:
    if feature.startswith("prep:"):
        prep, _, inner = feature[5:].partition(">")
        objs = list(prep_objects(verb, prep))
        if inner:
            return any(o.lemma_.lower() == inner for o in objs)
        return any(c.dep_ == "prep" and c.lower_ == prep for c in verb.children)
    return any(c.dep_ == feature for c in verb.children)


def _clause_tokens(verb: Token) -> list[Token]:
    """The clause of ``verb`` without relative clauses, noun modifiers' own clauses and
    subordinate clauses with a conjunction: in "Sudan must return a helicopter that was
    captured" *captured*, and in "must agree to changes before they demobilize"
    *demobilize*, is a separate act."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children
                     if not (c.dep_ in {"relcl", "acl"} and tok.pos_ in {"NOUN", "PROPN"})
                     and not (c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)))
    return out


def _prep_nouns(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]

