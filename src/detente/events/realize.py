"""Turn one trigger candidate into events (or suppressed candidates with a reason)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from detente.actors.phrase import compose_code
from detente.events.arguments import (
    ActorLookup,
    object_phrase_keys,
    part_of,
    prep_objects,
    source_tokens,
    target_tokens,
    verb_keys,
)
from detente.events.context import SentenceContext
from detente.events.modality import Frame, subject_tokens
from detente.records import Actor, Attribution, Event, Suppressed

if TYPE_CHECKING:
    from detente.events.coder import Candidate, EventCoder
    from detente.events.patterns import ContextLexicon, EventLexicon, ModalityLexicon

__all__ = ["realize"]

_ADVERBIAL = frozenset({"after", "following", "during", "at", "before", "since", "in", "for"})


def _actors(tokens: list[Token], lookup: ActorLookup, inside: bool = False) -> list[Actor]:
    out: list[Actor] = []
    seen: set[str] = set()
    for token in tokens:
        for actor in lookup.expand(token, inside=inside):
            key = actor.entity_id or actor.code or actor.text
            if key not in seen:
                seen.add(key)
                out.append(actor)
    return out


def _subject_actors(tokens: list[Token], lookup: ActorLookup) -> list[Actor]:
    """Source actors of subject phrases. A phrase that names an actor only through a
    modifier ("the Somali militant group") yields to a neighbouring subject token that names
    one itself ("... group al-Shabab", which the parser split into several subjects)."""
    direct = {t.i for t in tokens if lookup.expand(t)}
    kept = [t for t in tokens if t.i in direct or not any(
        abs(t.i - j) <= 1 or (t.i < j and t.right_edge.i + 1 >= j) for j in direct)]
    # "The EU's top diplomat Josep Borrell condemned": title and name split into two
    # subjects are one actor; the named person wins
    named = [t for t in kept if any(a.type == "person" for a in lookup.at(t))]
    kept = [t for t in kept if t in named or not any(
        t.right_edge.i + 1 >= n.left_edge.i and t.i < n.i and n.i not in
        {c.i for c in t.conjuncts} for n in named)]
    out = _actors(kept, lookup, inside=True)
    # "killed by a roadside bomb in Helmand province", "a camp in the Sinai that killed 34
    # people": a place inside the phrase, or any actor named only in its locative phrase, is
    # where the agent was, not who it was
    where = [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge)) for t in kept
             for p in t.subtree if p.dep_ == "prep" and p.lower_ in _LOCATIVE_PREPS]
    return [a for a in out if any(a in lookup.at(t) for t in kept) or not (
        (a.entity_id or "").startswith(("place:", "subdivision:"))
        or any(lo <= a.start and a.end <= hi for lo, hi in where))]


_LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "on"})


def _noun_sources(noun: Token, lookup: ActorLookup, symmetric: bool = False,
                  ranking: frozenset[str] = frozenset()) -> list[Actor]:
    """"Russia's invasion", "Israeli air strikes", "the attack by X". A symmetric noun takes
    only a possessor or "by" ("the G20 summit" is not the G20 meeting anyone)."""
    deps = {"poss"} if symmetric else {"poss", "compound", "amod", "nmod"}
    if _ranked(noun, ranking):  # "Iraq's highest-profile assassination": where, not who
        deps = deps - {"poss"}
    for child in noun.children:
        if child.dep_ in deps and (found := lookup.expand(child)):
            return found
    for pobj in prep_objects(noun, "by"):
        if found := lookup.expand(pobj):
            return found
    return []


def _ranked(noun: Token, ranking: frozenset[str]) -> bool:
    """The noun is ranked against others by a superlative ("the country's deadliest attack",
    "Iraq's highest-profile assassination"): its possessor says where, not who. An ordinal
    does not ("Russia's first attack on Kyiv" is Russia's)."""
    mods = [t for c in noun.lefts if c.dep_ != "poss" for t in c.subtree]
    return any(t.tag_ == "JJS" or t.lower_ in ranking for t in mods)


def _adverbial_participants(noun: Token, lookup: ActorLookup) -> list[Actor]:
    """"Following this meeting, the leaders issued ..." -> the clause subject group."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _ADVERBIAL:
        return []
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return _actors(subjects, lookup)


def _targets(cand: Candidate, lookup: ActorLookup, sources: list[Actor],
             part_nouns: frozenset[str], act_nouns: frozenset[str] = frozenset()
             ) -> list[Actor]:
    source_codes = {s.code for s in sources}
    slots = cand.targets
    tokens_per_slot: list[list[Token]] = []
    heads = _noun_heads(cand.noun) if cand.noun is not None else []
    if cand.noun is not None and cand.verb is None:
        for slot in slots:
            prep = slot.split(":", 1)[1]
            tokens_per_slot.append([t for h in heads for t in prep_objects(h, prep)])
    else:
        assert cand.verb is not None
        for slot in slots:
            if slot.startswith("noun_prep:"):
                prep = slot.split(":", 1)[1]
                toks = [t for h in heads for t in prep_objects(h, prep)]
                toks += list(prep_objects(cand.verb, prep))
                tokens_per_slot.append(toks)
            else:
                tokens_per_slot.append(list(target_tokens(cand.verb, cand.obj, [slot])))
    for toks in tokens_per_slot:
        # an act noun is no target even when a weapon word makes it look like an actor
        # ("launched a missile attack on Ukraine": the target is Ukraine, not the attack)
        toks = [part_of(t, part_nouns) or t for t in toks if t.lemma_.lower() not in act_nouns]
        found = [a for a in _actors(toks, lookup, inside=True)
                 if (a.code is not None or a.sectors) and a.type != "media"
                 and (a.code is None or a.code not in source_codes)]
        if found:
            return found
    return []


def _noun_heads(noun: Token) -> list[Token]:
    """The act noun and the nouns of its "of" phrase, where targets also hang: "the
    suspension of air links with Serbia", "the deployment of troops to Kuwait"."""
    return [noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj")]


def _agent(actor: Actor) -> bool:
    """An uncoded actor that is still clearly an agent: a role ("rebels", "the minister") or a
    named person or organisation. Its event keeps the text and a null code; it is never
    guessed."""
    return bool(actor.sectors) or actor.type in {"person", "group", "igo", "ngo", "unknown"}


def purpose_clause(verb: Token, lex: ModalityLexicon | None = None) -> bool:
    """"met X to discuss Y": the infinitive states a purpose, not an act that happened. The
    content of a request ("a proposal to hold talks") or of an appeal parsed as an adverbial
    ("was pressured by Congress to help Iran") is no purpose: the governor codes it."""
    if lex is not None and (
            (verb.dep_ == "acl" and verb.head.lemma_.lower() in lex.request_nouns)
            or (verb.dep_ == "advcl" and verb.head.lemma_.lower() in lex.appeal | lex.demand)
            or (verb.dep_ == "advcl" and any(c.dep_ == "dobj" and c.lemma_.lower() in
                                             lex.request_nouns for c in verb.head.children))
            or (verb.dep_ == "advcl" and verb.head.lemma_.lower() in lex.intent | lex.threat
                and not any(c.dep_ in {"dobj", "obj"} for c in verb.head.children))):
        return False  # "put pressure on Iran to release", "have sworn to fight": the content
    return verb.dep_ in {"advcl", "acl"} and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ) and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _home(actors: list[Actor]) -> str | None:
    for actor in actors:
        if actor.code is not None and actor.country and len(actor.country) == 3:
            return actor.country
    return None


def _location(cand: Candidate, lookup: ActorLookup, skip: frozenset[str] = frozenset()
              ) -> str | None:
    """The country where the act took place ("... in Nairobi", "across Iran"), if stated."""
    place = _place(cand, lookup, skip)
    return place.country if place is not None else None


def _place(cand: Candidate, lookup: ActorLookup, skip: frozenset[str] = frozenset()
           ) -> Actor | None:
    """The place actor where the act took place, if stated."""
    if cand.verb is None:
        if cand.noun is None:
            return None
        # "an attack targeting shoppers at a mall in Nairobi": the noun and its participles
        verbs = [cand.noun, *(c for c in cand.noun.children
                              if c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"})]
    else:
        verbs = [cand.verb]
        if cand.verb.dep_ in {"advcl", "conj"} and cand.verb.head.pos_ in {"VERB", "AUX"}:
            verbs.append(cand.verb.head)  # "a bomb exploded in Baghdad, killing five police"
    objects = [c for v in verbs for c in v.children if c.dep_ in {"dobj", "obj"}]
    for prep in ("in", "across", "throughout", "outside", "near", "at"):
        for pobj in [*(p for v in verbs for p in prep_objects(v, prep)),
                     *(p for o in objects if prep == "in" for p in prep_objects(o, prep))]:
            # "stormed the US embassy in Tehran": where the object stands
            spots = [pobj]
            if pobj.lemma_.lower() in skip:  # "in Israeli shelling" is a means, not a place;
                spots = list(prep_objects(pobj, "in"))  # "in a gunbattle in Serbia"
            named: list[Actor] = []
            for spot in spots:
                inner = [g for c in spot.children if c.dep_ == "prep" and c.lower_ in {
                    "of", "in"} for g in c.children if g.dep_ == "pobj"]  # "the east of Gaza"
                named += [*lookup.at(spot), *(a for g in inner for a in lookup.at_or_inside(g))]
            for actor in named:
                if actor.country and len(actor.country) == 3 and not actor.sectors:
                    return actor  # a place, not a body ("outside the US embassy in Cairo")
    for head in verbs[1:]:  # "shelled the city of Kharkiv, killing three civilians"
        for obj in (c for c in head.children if c.dep_ in {"dobj", "obj"}):
            places = [a for a in lookup.at_or_inside(obj) if not a.sectors and a.country
                      and len(a.country) == 3 and a.type == "state"]
            if places:
                return places[0]
    return None


def _abroad(actor: Actor, nouns: frozenset[str]) -> bool:
    """The actor is a state's office in another state: "the US embassy", "its consulate"."""
    return actor.text.rsplit(" ", 1)[-1].lower() in nouns


def _domestic(sources: list[Actor], targets: list[Actor], where: str | None = None,
              located: bool = False, abroad: frozenset[str] = frozenset(),
              outlaw: frozenset[str] = frozenset()) -> tuple[list[Actor], list[Actor]]:
    """Sector-only actors ("police arrested protesters") take the country of the place where it
    happened, else of the coded actor on the other side: an event within one's own country is
    the default reading. An embassy (``abroad``) is never the host's."""
    def fill(actors: list[Actor], home: str | None) -> list[Actor]:
        out = []
        for actor in actors:
            if actor.code is None and actor.sectors and home and (
                    not _abroad(actor, abroad)):
                actor = replace(actor, code=compose_code(home, actor.sectors), country=home,
                                entity_id=f"code:{compose_code(home, actor.sectors)}")
            out.append(actor)
        return out

    if located:  # violence: the place decides, not the other side's nationality
        return fill(sources, where), fill(targets, where)
    # the place first: "police in Moscow arrested a US citizen" are Russian; else the other
    # side's country, but not for outlaws: "kidnappers seized two Americans" are no Americans
    outlaws = [a for a in sources if a.sectors and set(a.sectors) <= outlaw]
    sources = [*fill([a for a in sources if a not in outlaws], where or _home(targets)),
               *fill(outlaws, where)]
    return sources, fill(targets, where or _home(sources))



_EMPTY_SPEAKERS = frozenset({"it", "this", "that", "there"})


def _attribution(frame: Frame, lookup: ActorLookup, media_cues: frozenset[str]
                 ) -> Attribution:
    """Who says so: the speaker, and the outlet that reports it. A news outlet or state
    media is never the speaker; a named outlet wins over a role word ("state news agency
    Xinhua said": reported by Xinhua)."""
    speaker: str | None = None
    outlets: list[tuple[int, str]] = []  # (rank, name): 0 named outlet, 1 media role, 2 cue
    listeners = [c for verb in frame.speech_verbs for c in verb.children
                 if c.dep_ in {"dobj", "dative"}]  # "the military told Reuters"
    for token in [*frame.speakers, *frame.report_preps, *listeners]:
        actors = lookup.expand(token)
        named = [lookup.actors[c.i] for c in token.children
                 if c.dep_ == "appos" and c.i in lookup.actors]
        pool = [*named, *actors]
        media = [a for a in pool if _is_media(a)]
        actor = actors[0] if actors else None
        name = actor.name if actor is not None else _phrase(token)
        if media:
            outlets += [(0 if a.type == "media" else 1, a.name) for a in media]
        elif token in frame.report_preps and _looks_like_media(token, media_cues):
            outlets.append((2, name))
        elif token not in listeners and not (actor is None and token.lower_ in _EMPTY_SPEAKERS):
            speaker = speaker or name  # "it is reported", "it was said": nobody named
    reporter = min(outlets, key=lambda x: x[0])[1] if outlets else None
    return Attribution(speaker=speaker, reported_by=reporter)


def _kinds(actor: Actor) -> set[str]:
    """An actor's sectors, with IGO for international organisations."""
    return set(actor.sectors) | ({"IGO"} if actor.type == "igo" else set())


def _is_media(actor: Actor) -> bool:
    """A news outlet or state media: it reports, it is not the speaker."""
    return actor.type == "media" or "MED" in actor.sectors


def _looks_like_media(token: Token, cues: frozenset[str]) -> bool:
    return any(t.lower_ in cues for t in token.subtree)


def _phrase(token: Token) -> str:
    skip = {"punct", "relcl", "acl", "prep"}
    toks = [t for t in token.subtree if t.dep_ not in skip or t.i == token.i]
    toks = [t for t in toks if t.i <= token.i or t.head.i == token.i and t.dep_ in {"compound"}]
    return " ".join(t.text for t in toks) if toks else token.text


def _code_for(coder: EventCoder, cand: Candidate, frame: Frame
              ) -> tuple[str | None, str, str | None]:
    """(code, modality, suppress_reason) after modality and governing verbs."""
    lex = coder.lex
    code = cand.code
    kind = frame.kind
    if cand.intent and kind is None:
        kind = "intent"
    if frame.helped and (kind is not None or frame.modality != "realized" or frame.negated):
        return None, frame.modality, "helped party's act (the help itself is not done)"
    if frame.modality == "hypothetical" and frame.conditional and kind is None and not (
            frame.negated) and _said_by_actor(frame, cand.verb, lex.modality.speech):
        # "may halt mediation if cooperation founders, the Dutch foreign minister said": a
        # threat to halt it; a conditional favour, or a narrator's "could strike Iran if
        # talks fail", stays hypothetical
        threat = lex.transform(code, "intent")
        if threat is not None and threat[:2] == "13":
            return threat, "intent", None
    if frame.modality == "hypothetical" and kind not in {"consider", "threat", "appeal",
                                                          "demand"}:
        return None, "hypothetical", "hypothetical" + (
            f" ({frame.hypothetical_reason})" if frame.hypothetical_reason else "")
    if frame.negated and kind == "reject" and frame.governor is not None and any(
            c.dep_ == "neg" for c in frame.governor.children):
        return "014", "hypothetical", None  # "has not ruled out using force": a possibility
    if frame.negated:
        if kind in {"reject", "intent"} or frame.modality == "intent":
            new = lex.transform(code, "reject")
            return (new, "realized", None) if new else (None, "realized", "negated")
        return None, "realized", "negated"
    if kind == "reject":
        new = lex.transform(code, "reject")
        return (new, "realized", None) if new else (None, "realized", "negated")
    if kind == "fail":
        return None, "realized", "negated"
    if kind == "deny":
        return "016", "realized", None
    if kind == "consider":
        return "014", "hypothetical", None
    if kind == "threat":
        return lex.transform(code, "threat") or "130", "realized", None
    if kind in {"appeal", "demand"} and frame.stop_appeal:  # an appeal to end an act
        return ("020" if kind == "appeal" else "100"), "realized", None
    if kind == "appeal":
        return lex.transform(code, "appeal") or "020", "realized", None
    if kind == "demand":
        return lex.transform(code, "demand") or "100", "realized", None
    if kind == "intent" and frame.governor is not None and code[:2] in {"18", "19", "20"} and (
            frame.governor.lemma_.lower() in lex.modality.posture_verbs):
        return "150", "realized", None  # "the army prepared to resume shelling": posture
    if kind == "intent" or frame.modality == "intent":
        return lex.transform(code, "intent") or code, "intent", None
    if code == "186" and cand.verb is not None and _attempted(cand.verb, lex.modality):
        return "185", "realized", None  # "tried to assassinate", "an attempt to assassinate"
    return code, "realized", None


def _said_by_actor(frame: Frame, verb: Token | None, speech: frozenset[str]) -> bool:
    """Someone with an actor code says so ("..., the Dutch foreign minister said"), also
    when the trailing report hangs off the act itself as an adverbial or parenthetical."""
    said = [c for c in (verb.children if verb is not None else ())
            if c.dep_ in {"advcl", "parataxis"} and c.lemma_.lower() in speech]
    speakers = [*frame.speakers, *(s for v in said for s in subject_tokens(v))]
    if not speakers:
        return False
    coded = [a for a in speakers[0].doc._.actors.values() if a.code]
    return any(a.start <= t.idx < a.end for t in speakers for a in coded)


def _attempted(verb: Token, lex: ModalityLexicon) -> bool:
    """The act is only attempted: "tried to assassinate", "an attempt to kill"."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in lex.attempt_words:
        return True
    return verb.dep_ in {"acl", "relcl"} and head.lemma_.lower() in lex.attempt_words


def realize(coder: EventCoder, cand: Candidate, sent: Span, index: int, lookup: ActorLookup,
            context: SentenceContext, doc_id: str,
            governed: dict[int, set[tuple[str | None, str | None]]] | None = None
            ) -> list[Event | Suppressed]:
    """The events (or suppressed candidates) of one candidate. ``governed`` maps each
    governing verb whose act a coded complement has recoded ("demanded that Iran release
    the sailors": USA 1053 IRN) to the complement's (source, target) codes, so the
    governor's own generic code for the same pair (USA 100 IRN) yields to it."""
    out = _realize(coder, cand, sent, index, lookup, context, doc_id)
    events = [e for e in out if isinstance(e, Event)]
    if governed is not None and cand.verb is not None and events:
        frame = coder.frame(cand.verb)
        if frame.kind in {"appeal", "demand", "reject", "threat", "intent"} and (
                frame.governor is not None):
            pairs = governed.setdefault(frame.governor.i, set())
            for e in events:
                src = (e.source.code or e.source.text) if e.source else None
                tgt = (e.target.code or e.target.text) if e.target else None
                pairs |= {(src, tgt), (src, None)}
    return out


def _realize(coder: EventCoder, cand: Candidate, sent: Span, index: int, lookup: ActorLookup,
             context: SentenceContext, doc_id: str) -> list[Event | Suppressed]:
    lex = coder.lex
    if cand.verb is not None and purpose_clause(cand.verb, lex.modality) and not (
            cand.code == "186" and _attempted(cand.verb, lex.modality)):  # "an attempt to
        return [coder.suppressed(sent, cand, cand.code, None, None, "purpose clause")]  # kill"
    frame = coder.frame(cand.verb) if cand.verb is not None else Frame()
    if cand.noun is not None and cand.verb is not None and frame.kind is None:
        light = cand.verb.lemma_.lower()  # "pledged aid", "threatened sanctions", "proposed talks"
        keys = verb_keys(cand.verb)  # "ruled out a strike": lemma and particle
        for kind, words in (("threat", lex.modality.threat), ("demand", lex.modality.demand),
                            ("intent", lex.modality.intent), ("reject", lex.modality.reject)):
            if light in words or keys & words:
                frame.kind, frame.governor = kind, cand.verb
                if kind == "intent":
                    frame.modality = "intent"
                break
    if cand.noun is not None and any(c.dep_ == "det" and c.lower_ == "no"
                                     for c in cand.noun.children):
        frame.negated = True
    if cand.noun is not None and cand.verb is None and any(
            (c.dep_ == "det" and c.lower_ in lex.modality.hypothetical_determiners)
            or (c.dep_ == "amod" and c.lower_ in lex.modality.hypothetical_modifiers)
            or (c.dep_ == "acl" and c.tag_ == "VBN"  # "UN sanctions, threatened over X"
                and c.lemma_.lower() in lex.modality.hypothetical_participles)
            for c in cand.noun.children):  # "any Israeli attack", "a possible strike"
        return [coder.suppressed(sent, cand, cand.code, None, None,
                                 "hypothetical (unrealised act noun)")]
    # -- sources
    author: list[Actor] = []
    if frame.request_noun is not None and frame.governor is not None:
        # "Iran rejected a Russian proposal to hold talks": Iran refuses, Russia proposed
        sources = _subject_actors(source_tokens(frame.governor), lookup)
        author = _noun_sources(frame.request_noun, lookup) or [
            a for p in prep_objects(frame.request_noun, "from") for a in lookup.expand(p)]
    elif cand.verb is not None:
        sources = _subject_actors(source_tokens(cand.verb), lookup)
        if not sources and cand.verb.dep_ == "acl" and _attempted(cand.verb, lex.modality):
            sources = _noun_owner(cand.verb.head, lookup, lex.modality.light_verbs)
        if not sources:
            sources = _issuer(cand.verb, lookup, lex.modality)
        if not sources and cand.noun is None:  # "killed in Israeli shelling"
            sources = _means_sources(cand.verb, lookup, lex.means_words)
    else:
        sources = (_noun_sources(cand.noun, lookup, cand.symmetric, lex.context.ranking_words)
                   if cand.noun is not None else [])
    if cand.verb is not None and cand.noun is None and _hazard(cand.verb, lex.context):
        return [coder.suppressed(sent, cand, cand.code, None, None, "natural hazard")]
    if frame.kind == "deny" and frame.governor is not None:
        # "the Kremlin denied that its troops had targeted civilians": the denial is the
        # Kremlin's (016), whoever the denied act would have been by
        deniers = _subject_actors(source_tokens(frame.governor), lookup)
        if any(a.code for a in deniers):
            sources = deniers
    adverbial = False
    if not sources and cand.noun is not None and cand.symmetric:
        sources = _adverbial_participants(cand.noun, lookup)
        adverbial = bool(sources)
    clause_targets: list[Actor] = []
    if cand.noun is not None and cand.verb is None and not sources:
        sources, said_in = _responsible(cand.noun, lookup, lex)
        if sources and said_in is not None and said_in.pos_ in {"VERB", "AUX"}:
            frame = coder.frame(said_in)  # "..., Human Rights Watch said"
    if cand.noun is not None and cand.verb is None and not cand.symmetric:
        clause_sources, clause_targets = _clause_participants(cand.noun, lookup)
        if clause_sources and not sources:  # the clause's actors come with its frame
            sources = clause_sources
            frame = coder.frame(cand.noun.head.head)
    if cand.noun is not None and cand.verb is None and not sources:
        if clause_targets and _unknown_perpetrator_noun(cand, clause_targets, lex):
            return _unknown_source_events(coder, cand, sent, index, lookup, context, frame,
                                          cand.code, None, list(clause_targets), doc_id)
        return [coder.suppressed(sent, cand, cand.code, None, None, "no_actor")]
    code, modality, reason = _code_for(coder, cand, frame)
    # appeals and demands: the appealer is the source, the addressee the target
    if frame.kind in {"appeal", "demand"} and frame.governor is not None:
        addressee = _actors([frame.addressee], lookup) if frame.addressee is not None else []
        appealers = _actors(source_tokens(frame.governor), lookup)
        if not appealers:  # "a statement urging Russia to withdraw"
            appealers = _issuer(frame.governor, lookup, lex.modality)
        if frame.request_noun is not None and (
                verb_keys(frame.governor) & lex.modality.request_receive_verbs):
            # "Obama faces pressure from Congress to help Iran": Congress asks Obama
            addressee, appealers = appealers, author
        if appealers:
            targets = addressee or _targets(cand, lookup, appealers, lex.modality.part_nouns,
                                            lex.conflict_nouns)
            sources = appealers
        else:  # nobody named makes the appeal; its addressee is not the actor
            sources, targets = [], []
    elif frame.request_noun is not None and frame.kind == "reject":
        targets = author or _targets(cand, lookup, sources, lex.modality.part_nouns,
                                     lex.conflict_nouns)
    else:
        targets = _targets(cand, lookup, sources, lex.modality.part_nouns, lex.conflict_nouns)
        if not targets and frame.kind == "intent" and frame.addressee is not None:
            targets = _actors([frame.addressee], lookup)  # "made an offer to Iran to meet"
        if not targets and author:
            targets = author
        if not targets and clause_targets:
            codes = {s.code for s in sources}
            targets = [t for t in clause_targets if t.code not in codes]
    if not targets and cand.noun is not None and cand.noun.dep_ == "dobj" and (
            cand.noun.head.lemma_.lower() in lex.modality.undergo_verbs):
        # "a Hamas leader survived an Israeli assassination attempt": who survived was the
        # target
        targets = _subject_actors(source_tokens(cand.noun.head), lookup)
    if not targets and code is not None and code[:2] == "13":
        targets = _condition_parties(cand, frame, lookup, lex.modality, sources)
    if not targets and code == "015" and cand.verb is not None:
        targets = _claimed_targets(cand, lookup, lex)
    if cand.reverse:
        sources, targets = targets, sources
    sources = [s for s in sources if s.type != "media"]
    if code is not None and code[:2] in lex.context.domestic_roots:
        # police, protesters: the other side's country, the place, else the story's country;
        # an embassy stands abroad, so its attackers are not of its country
        abroad = {t.country for t in targets if _abroad(t, lex.context.abroad_nouns)}
        where = _location(cand, lookup) or lookup.story_country
        if abroad:
            sources, _ = _domestic(sources, [t for t in targets if t.country not in abroad],
                                   None if where in abroad else where)
        else:
            sources, targets = _domestic(sources, targets, where,
                                         abroad=lex.context.abroad_nouns,
                                         outlaw=lex.context.outlaw_sectors)
    elif code is not None and code[:2] in lex.context.located_roots:
        place = _place(cand, lookup, lex.place_skip)
        where = place.country if place is not None else None
        if where is None:  # "rebels in Congo killed villagers": local armed groups act at home
            where = _home([a for a in sources if a.sectors and set(a.sectors)
                           <= lex.context.local_sectors])
        if where is None and any(a.code is None and a.sectors and set(a.sectors)
                                 <= lex.context.local_sectors for a in sources):
            # "rebels shelled the town of Idlib": local armed groups fight where they strike
            where = _home([t for t in targets if not t.sectors and t.type == "state"])
        sources, targets = _domestic(sources, targets, where, located=True,
                                     abroad=lex.context.abroad_nouns)
        if not targets and place is not None and not place.sectors and any(
                s.code and s.code != place.code for s in sources
        ):  # "stormed a hotel in Mogadishu": the state where it hit
            targets = [place]
    elif code is not None and any(t.code is None and t.sectors for t in targets):
        # "delivered aid to civilians in Gaza": a bare role on the receiving side is of the
        # place where the act happened (the source keeps its own country)
        place = _place(cand, lookup, lex.place_skip)
        if place is not None:
            targets = _domestic([], targets, place.country, located=True,
                                abroad=lex.context.abroad_nouns)[1]
    targets = [t for t in targets if t.code is not None]
    coded_sources = [s for s in sources if s.code is not None] or [
        s for s in sources if _agent(s)]  # "Defence Minister Pierre Joxe": kept, uncoded
    target_list: list[Actor | None] = list(targets) or [None]
    unknown_source = not coded_sources and _unknown_perpetrator(cand, code, sources,
                                                                   target_list, lex)
    if not coded_sources and not unknown_source:
        return [coder.suppressed(sent, cand, cand.code, sources[0] if sources else None,
                                 target_list[0], "no_actor")]
    if frame.kind == "allege" and code is not None and frame.governor is not None:
        return _allegation(coder, cand, sent, index, lookup, frame, code, coded_sources,
                           target_list, doc_id)
    if unknown_source:
        return _unknown_source_events(coder, cand, sent, index, lookup, context, frame, code,
                                      reason, target_list, doc_id)
    if reason is not None or code is None:
        return [coder.suppressed(sent, cand, cand.code, coded_sources[0], target_list[0],
                                 reason or "no_code")]
    if code in _PROTEST_CODES:  # "a hunger strike to demand the resignation of X": 1421
        code += _protest_purpose(cand, lex)
    if cand.rule.startswith("s.") and sources and all(_is_media(s) for s in sources):
        return [coder.suppressed(sent, cand, code, coded_sources[0], target_list[0],
                                 "report by a news outlet")]  # "a newspaper said": it reports
    if cand.rule.startswith("s.") and not any(s.code for s in sources):
        return [coder.suppressed(sent, cand, code or cand.code, coded_sources[0],
                                 target_list[0], "statement by an uncoded speaker")]
    demand = code[:2] == "10"
    if cand.rule.startswith("s.") and (all if demand else any)(
        t is not None and _same_side(s, t, demand) for t in target_list for s in coded_sources
    ):
        return [coder.suppressed(sent, cand, code, coded_sources[0], target_list[0],
                                 "statement about own country")]
    if not any(s.code or s.sectors for s in coded_sources) and not any(
        t is not None and t.code for t in target_list
    ):  # an unknown name acting on nobody coded tells a user nothing
        return [coder.suppressed(sent, cand, code, coded_sources[0], target_list[0],
                                 "no coded actor")]
    reciprocal = _reciprocal(cand)  # "Armenia and Azerbaijan accused each other"
    if cand.require_target and target_list == [None] and not (
            (cand.symmetric or reciprocal) and len({s.code for s in coded_sources}) > 1
    ):  # "X and Y clashed"
        return [coder.suppressed(sent, cand, code, coded_sources[0], None, "no_target")]
    blocked = context.blocks(sent, code, coded_sources[0], target_list[0])
    if blocked:
        return [coder.suppressed(sent, cand, code, coded_sources[0], target_list[0], blocked)]
    attribution = _attribution(frame, lookup, lex.modality.media_cues)
    rule = cand.rule + (f"|{frame.kind}:{frame.governor.lemma_}" if frame.kind and
                        frame.governor is not None else "")
    pairs: list[tuple[Actor, Actor | None]] = []
    symmetric = cand.symmetric or adverbial or reciprocal
    if symmetric and target_list == [None] and len(coded_sources) > 1:
        pairs = [(a, b) for a in coded_sources for b in coded_sources if a is not b]
    else:
        for source in coded_sources:
            for target in target_list:
                pairs.append((source, target))
                if symmetric and target is not None and target.code is not None and (
                    frame.governor is None  # "determined to mend ties with Y": only X's intent
                ):
                    pairs.append((target, source))
    out: list[Event | Suppressed] = []
    seen: set[tuple[str | None, str | None]] = set()
    verbal = lex.context.verbal_clash
    for source, target in pairs:
        if _home_visit(code, source, target):
            continue  # "Blair will visit Sheffield": a trip at home, no event between states
        if target is not None and source.code == target.code:
            if any(t is not None and t.code != source.code for t in target_list):
                continue
            target = None  # the only target found is the source itself: an act without one
        key = (source.code, target.code if target else None)
        if key in seen:
            continue
        seen.add(key)
        act, act_rule = code, rule
        if code in verbal.codes and target is not None and all(
                _kinds(a) and _kinds(a) <= verbal.sectors for a in (source, target)):
            act, act_rule = verbal.code, rule + "|verbal"  # "parliament clashed with the EU"
        elif code in verbal.codes and target is None and _kinds(source) and (
                _kinds(source) <= verbal.alone_sectors):
            act, act_rule = verbal.alone_code, rule + "|verbal"  # "Tories attack U-turns"
        elif code == "192" and target is not None and _people(target):
            act, act_rule = "181", rule + "|people"  # "kidnappers seized two Americans"
        elif code == "042" and "MIL" in source.sectors and source.type != "person":
            # troops arriving or leaving for a country make no visit: peacekeepers deployed
            # there protect it (074), other troop movements are no event here
            if "peacekeep" not in source.text.lower():
                continue
            act, act_rule = "074", rule + "|peacekeepers"
        out.append(coder.make_event(doc_id, index, sent, act, source, target, modality,
                                    attribution, cand, act_rule))
    return out


def _people(actor: Actor) -> bool:
    """Persons or civilians, not land: what is seized is then abducted ("seized two
    Americans and a Briton", "captured the journalist")."""
    return actor.type == "person" or "CVL" in actor.sectors or (
        actor.type == "state" and not actor.sectors
        and (actor.entity_id or "").startswith("code:"))  # plural demonym: "two Americans"


# CAMEO's protest codes 141-145 each split by purpose in the same order: 1 leadership change,
# 2 policy change, 3 rights, 4 change in institutions or regime.
_PROTEST_CODES = frozenset({"141", "142", "143", "144", "145"})
_PURPOSES = (("purpose_leadership", "1"), ("purpose_institutions", "4"), ("purpose_rights", "3"),
             ("purpose_policy", "2"))  # tried in this order on each word
_PURPOSE_PREPS = frozenset({"against", "over", "for", "at", "about", "in"})


def _protest_purpose(cand: Candidate, lex: EventLexicon) -> str:
    """The sub-code digit for what a protest demands or opposes ("" when not stated): read
    from its purpose clause ("to demand the resignation of"), its "in protest against" or
    "against/over" phrase, or a participle ("calling for the removal of")."""
    anchors = [t for t in (cand.verb, cand.noun, cand.obj) if t is not None]
    if cand.noun is not None and cand.noun.dep_ in {"dobj", "nsubjpass"}:
        anchors.append(cand.noun.head)  # "staged a hunger strike to demand ..."
    tokens: list[Token] = []
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ in {"advcl", "acl", "relcl", "xcomp"} or (
                    child.dep_ == "prep" and child.lower_ in _PURPOSE_PREPS and (
                    child.lower_ != "in" or any(lex.in_class("purpose_stance", g.lemma_.lower())
                                                for g in child.children))):
                tokens.extend(child.subtree)
    for tok in sorted(tokens, key=lambda t: t.i):  # the first content word names the aim
        if tok.pos_ not in {"NOUN", "VERB", "PROPN"}:
            continue
        keys = object_phrase_keys(tok)
        for name, digit in _PURPOSES:
            if lex.in_class(name, tok.lemma_.lower(), keys):
                return digit
    return ""


def _home_visit(code: str, source: Actor, target: Actor | None) -> bool:
    """A visit (042/043) by a state's own agent to a place in that same state (a bare
    place, not a body: "demonstrators received ministers from their government" stays)."""
    return code in {"042", "043"} and target is not None and not target.sectors and (
        target.type == "state" and target.country is not None
        and target.country == source.country)


def _reciprocal(cand: Candidate) -> bool:
    """The act's object is "each other" or "one another"."""
    if cand.verb is None:
        return False
    objs = [c for c in cand.verb.children if c.dep_ in {"dobj", "dative"}]
    objs += [g for c in cand.verb.children if c.dep_ == "prep" for g in c.children
             if g.dep_ == "pobj"]
    return any((o.lower_ in {"other", "another"} and any(
        c.lower_ in {"each", "one"} for c in o.children)) or (
        o.lower_ == "one" and any(c.lower_ == "another" for c in o.children)) for o in objs)


def _clause_participants(noun: Token, lookup: ActorLookup) -> tuple[list[Actor], list[Actor]]:
    """An act named by a noun in an adverbial of a clause takes that clause's participants:
    "guerrillas wounded two soldiers in a bomb attack" (guerrillas attack soldiers); "four
    civilians were killed in the shelling" (the civilians are its target)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _MEANS_PREPS:
        return [], []
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return [], []
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        victims = [c for c in verb.children if c.dep_ == "nsubjpass"]
        return [], [a for a in _actors(victims, lookup) if a.code]
    subjects = _actors([c for c in verb.children if c.dep_ == "nsubj"], lookup)
    objects = _actors([c for c in verb.children if c.dep_ in {"dobj", "obj"}], lookup)
    return [a for a in subjects if a.code or a.sectors], [a for a in objects if a.code]


def _responsible(noun: Token, lookup: ActorLookup, lexicon: EventLexicon
                 ) -> tuple[list[Actor], Token | None]:
    """"X is responsible for the killings", "officials said X was behind the attack": X did
    it. Stated in the main clause or reported by a speech verb; deeper ("evidence proving X
    was behind") it is only a claim about the act. Also the clause that says so, whose frame
    (speaker, negation) the act takes."""
    lex = lexicon.modality
    prep = noun.head
    words = lex.responsibility_words
    claim: Token | None = None
    if noun.dep_ == "dobj" and prep.lemma_.lower() == "claim":
        claim = prep  # "the Islamic State claimed the attack"
    elif noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.dep_ == "dobj" and (
            lexicon.in_class("responsibility", prep.head.lemma_.lower())
            and prep.head.head.lemma_.lower() in lex.claim_verbs):
        claim = prep.head.head  # "claimed responsibility for the attack"
    if claim is not None:
        if any(c.dep_ == "neg" for c in claim.children):
            return [], None
        return _agents(claim, lookup), claim
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return [], None
    holder = prep.head  # "responsible for", or the copula itself for "behind"
    if not ((prep.lower_ == "for" and holder.lemma_.lower() in words and holder.dep_ == "acomp")
            or (prep.lower_ in words and holder.lemma_ == "be")):
        return [], None  # "holds Hamas responsible for": Israel's accusation, not Hamas's act
    clause = holder.head if holder.dep_ == "acomp" else holder
    if clause.dep_ != "ROOT" and not (
            clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lex.speech):
        return [], None
    return _agents(holder, lookup), clause


def _agents(verb: Token, lookup: ActorLookup) -> list[Actor]:
    """The subject actors of ``verb`` that are coded or carry a sector."""
    return [a for a in _subject_actors(source_tokens(verb), lookup) if a.code or a.sectors]


def _unknown_perpetrator_noun(cand: Candidate, targets: list[Actor], lex: EventLexicon
                              ) -> bool:
    return (cand.noun is not None and cand.code[:2] in lex.context.unknown_source_roots
            and bool(targets) and cand.noun.lemma_.lower() in lex.conflict_nouns)


_MEANS_PREPS = frozenset({"in", "during", "with", "through"})


def _condition_parties(cand: Candidate, frame: Frame, lookup: ActorLookup,
                       lex: ModalityLexicon, sources: list[Actor]) -> list[Actor]:
    """A threat with no target is aimed at whoever its condition names: "threatened to stop
    the talks if the United States goes ahead" (the US), "will cut supplies unless Kiev
    pays" (Kiev)."""
    verbs = [v for v in (cand.verb, frame.governor) if v is not None]
    own = {s.code for s in sources}
    for verb in verbs:
        for clause in verb.children:
            if clause.dep_ != "advcl" or not any(
                    c.dep_ == "mark" and c.lower_ in lex.conditional_markers
                    for c in clause.children):
                continue
            found = _subject_actors(source_tokens(clause), lookup)
            found = [a for a in found if a.code is not None and a.code not in own]
            if found:
                return found
    return []


def _claimed_targets(cand: Candidate, lookup: ActorLookup, lex: EventLexicon) -> list[Actor]:
    """A claim of responsibility is aimed where the claimed act struck: "claimed the attack
    on a mall in Kenya's capital" (Kenya)."""
    verb = cand.verb
    assert verb is not None
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    claimed = [p for o in objects for p in prep_objects(o, "for")] or objects
    for noun in claimed:
        if noun.lemma_.lower() not in lex.conflict_nouns:
            continue
        named = [a for p in ("on", "against") for t in prep_objects(noun, p)
                 for a in lookup.at_or_inside(t) if a.code]
        place = _place(replace(cand, verb=None, noun=noun), lookup)
        found = named or ([place] if place is not None else [])
        if found:
            return found
    return []


def _issuer(verb: Token, lookup: ActorLookup, lex: ModalityLexicon) -> list[Actor]:
    """A participle on a statement is the act of whoever issued it: "the EU issued a
    statement condemning Russia", "said in a communique calling for talks"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or (
            verb.head.lemma_.lower() not in lex.document_nouns):
        return []
    return [a for a in _noun_owner(verb.head, lookup) if a.code or a.sectors]


def _noun_owner(noun: Token, lookup: ActorLookup, governors: frozenset[str] | None = None
                ) -> list[Actor]:
    """Who owns an act noun: its possessor, modifier or "by" phrase ("the EU's statement",
    "an attempt by rebels"), else the subject of the verb that governs it. ``governors``
    limits those verbs ("rebels made an attempt", not "police foiled an attempt"); with none
    given any verb does, and "said in a statement" counts too."""
    found = _noun_sources(noun, lookup)
    if found:
        return found
    if noun.dep_ in ({"dobj"} if governors is not None else {"dobj", "nsubjpass"}) and (
            governors is None or noun.head.lemma_.lower() in governors):
        return _subject_actors(source_tokens(noun.head), lookup)
    if governors is None and noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
        return _subject_actors(source_tokens(noun.head.head), lookup)
    return []


def _means_sources(verb: Token, lookup: ActorLookup, means: frozenset[str]) -> list[Actor]:
    """The actor behind the means of an act: "were killed in Israeli shelling", "wounded in
    an attack by rebels", "killed by a Russian missile". Only a means counts: "abducted from
    their home in a Baghdad district" names a place."""
    for prep in ("in", "during", "by", "with"):
        for pobj in prep_objects(verb, prep):
            if pobj.pos_ == "PROPN" or lookup.at(pobj):
                continue  # "killing civilians in El Fasher": a place or an actor, not a means
            if not {pobj.lemma_.lower(), *object_phrase_keys(pobj)} & means:
                continue
            if found := _noun_sources(pobj, lookup):
                return [a for a in found if a.code is not None or a.sectors]
    return []


def _hazard(verb: Token, context: ContextLexicon) -> bool:
    """The subject is a storm, quake or fire, not anyone: "the full force of Hurricane Ivan
    has hit the Cayman Islands"; or the act is the outcome of an accident: "a train crashed,
    injuring most of those on board"."""
    if verb.dep_ in {"advcl", "conj"} and verb.tag_ == "VBG" and (
            verb.head.lemma_.lower() in context.accident_verbs):
        return True
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    return any(t.lemma_.lower() in context.hazard_nouns for s in subjects for t in s.subtree
               if t.pos_ in {"NOUN", "PROPN"})


def _unknown_perpetrator(cand: Candidate, code: str | None, sources: list[Actor],
                         targets: list[Actor | None], lex: EventLexicon) -> bool:
    """Violence with a coded victim and no stated perpetrator ("three US soldiers were killed
    by a roadside bomb", "a bombing killed two Iraqi policemen") is still an event, with a
    null source. Only a passive clause with no actor as agent, or a subject that names a
    means (bomb, blast, attack) rather than anyone, qualifies."""
    if code is None or code[:2] not in lex.context.unknown_source_roots or sources:
        return False
    if not any(t is not None and t.code for t in targets) or cand.verb is None:
        return False
    verb = cand.verb
    if cand.noun is not None:  # light-verb nouns ("carried out an attack") need an agent
        return False
    if verb.dep_ in {"xcomp", "ccomp"} and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False  # "vowed to kill": the act is someone's stated plan
    def means(tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return tok.pos_ in {"NOUN", "PROPN"} and (
            lemma in lex.context.means_nouns or lemma in lex.conflict_nouns)

    if any(c.dep_ == "nsubjpass" for c in verb.children):  # "were killed by a roadside bomb"
        if code in lex.context.agentive_codes:  # "two Americans were abducted": someone did,
            return True  # while "were killed" may be an accident unless a means is named
        found = [g for p in ("by", "in", "during", "with") for g in prep_objects(verb, p)]
        found += [c for c in verb.children if c.dep_ == "nsubjpass"]  # "a rocket was fired"
        return any(means(g) for g in found)
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj and verb.dep_ in {"advcl", "conj"} and verb.tag_ == "VBG":
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "a bomb exploded, killing"
    return bool(subj) and all(means(s) for s in subj)  # "a bombing killed two soldiers"


def _unknown_source_events(coder: EventCoder, cand: Candidate, sent: Span, index: int,
                           lookup: ActorLookup, context: SentenceContext, frame: Frame,
                           code: str | None, reason: str | None, targets: list[Actor | None],
                           doc_id: str) -> list[Event | Suppressed]:
    if reason is not None or code is None:
        return [coder.suppressed(sent, cand, cand.code, None, targets[0], reason or "no_code")]
    out: list[Event | Suppressed] = []
    for target in targets:
        if target is None:
            continue
        blocked = context.blocks(sent, code, None, target)
        if blocked:
            out.append(coder.suppressed(sent, cand, code, None, target, blocked))
            continue
        attribution = _attribution(frame, lookup, coder.lex.modality.media_cues)
        out.append(coder.make_event(doc_id, index, sent, code, None, target, "realized",
                                    attribution, cand, cand.rule + "|unknown_source"))
    return out


def _allegation(coder: EventCoder, cand: Candidate, sent: Span, index: int,
                lookup: ActorLookup, frame: Frame, code: str, sources: list[Actor],
                targets: list[Actor | None], doc_id: str) -> list[Event | Suppressed]:
    """"X claimed that Y attacked Z": X accuses Y (112); Y's act is only alleged."""
    assert frame.governor is not None
    accusers = [a for a in _actors(source_tokens(frame.governor), lookup) if a.code]
    attribution = _attribution(frame, lookup, coder.lex.modality.media_cues)
    first = sources[0] if sources else None
    if not sources or (not accusers and code[:2] >= "10"):  # unconfirmed, or nobody named
        return [coder.suppressed(sent, cand, code, first, targets[0], "alleged")]
    if cand.require_target and targets == [None]:
        return [coder.suppressed(sent, cand, code, first, None, "no_target")]
    if not accusers or code[:2] < "10":
        return [coder.make_event(doc_id, index, sent, code, s, t, "realized", attribution, cand,
                                 cand.rule) for s in sources for t in targets]
    out: list[Event | Suppressed] = []
    for accuser in accusers:
        for source in sources:
            if source.country == accuser.country:  # "the US claimed that they had attacked"
                for target in targets:
                    out.append(coder.make_event(doc_id, index, sent, "015", accuser, target,
                                                "realized", attribution, cand,
                                                cand.rule + "|claim"))
            else:
                out.append(coder.make_event(doc_id, index, sent, "112", accuser, source,
                                            "realized", attribution, cand,
                                            cand.rule + "|allege"))
    out.append(coder.suppressed(sent, cand, code, sources[0], targets[0], "alleged"))
    return out


def _same_side(source: Actor, target: Actor, demand: bool) -> bool:
    """A statement about the speaker's own country is no event; a demand made of another part
    of it is ("the rebels said President Kagame must agree to changes": REB -> GOV), unless
    either side is the bare country or both share a sector."""
    if target.country != source.country:
        return False
    if not demand:
        return True
    return (target.code == target.country or source.code == source.country
            or bool(set(source.sectors) & set(target.sectors)))
