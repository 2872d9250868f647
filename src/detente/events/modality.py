"""Whether a coded act happened: negation, intent, hypotheticals, refusals, threats,
appeals, demands, and who says so.

:func:`analyse` walks from a trigger verb up its governing chain ("China *refused to*
condemn", "Wang said the Red Cross *would* provide", "the US *threatened to* impose") and
returns a :class:`Frame` that the coder uses to keep, recode or suppress the act.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.events.arguments import verb_keys
from detente.events.patterns import ModalityLexicon

__all__ = ["Frame", "analyse", "request_noun", "subject_tokens"]

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass
class Frame:
    """What the governing chain says about one trigger."""

    negated: bool = False
    kind: str | None = None  # intent|appeal|demand|reject|threat|deny|fail|consider|allege
    modality: str = "realized"  # realized | intent | hypothetical
    governor: Token | None = None  # the verb that set ``kind``
    addressee: Token | None = None  # "urged X to ...": X
    speakers: list[Token] = field(default_factory=list)  # subjects of speech verbs, inner first
    speech_verbs: list[Token] = field(default_factory=list)
    report_preps: list[Token] = field(default_factory=list)  # "according to X": X
    hypothetical_reason: str | None = None
    obligation: Token | None = None  # the clause with "must"/"should" (a demand when reported)
    stop_appeal: bool = False  # "urged X to stop supporting Y": an appeal to end an act
    request_noun: Token | None = None  # "rejected a proposal to meet": the proposal
    # "may halt mediation if cooperation founders": a modal act on a condition (a threat
    # when the act is hostile)
    conditional: bool = False
    # "offered to help the US fight IS": the act is the helped party's, the intent the
    # helper's
    helped: bool = False


def subject_tokens(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in _SUBJ]


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]


def _has_neg(token: Token, lex: ModalityLexicon) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ == "advmod" and child.lower_ in {"never", "not"}:
            return True
    return False


def _local(verb: Token, frame: Frame, lex: ModalityLexicon, reported: bool) -> None:
    """Negation, auxiliaries and conditional markers on one verb."""
    if _has_neg(verb, lex):
        frame.negated = not frame.negated if frame.kind == "reject" else True
    for aux in _aux(verb):
        word = aux.lower_
        if word in lex.future_aux:
            frame.modality = "intent" if frame.modality == "realized" else frame.modality
        elif word in lex.would_aux:
            if reported:
                frame.modality = "intent" if frame.modality == "realized" else frame.modality
            else:
                frame.modality = "hypothetical"
                frame.hypothetical_reason = frame.hypothetical_reason or f"'{aux.text}'"
                frame.conditional = frame.conditional or _on_condition(verb)
        elif word in lex.hypothetical_aux:
            if word in lex.obligation_aux and frame.obligation is None:
                frame.obligation = verb
            frame.modality = "hypothetical"
            frame.hypothetical_reason = frame.hypothetical_reason or f"'{aux.text}'"
            if word not in lex.obligation_aux:
                frame.conditional = frame.conditional or _on_condition(verb)
        elif aux.lemma_ == "be" and any(c.dep_ == "xcomp" for c in verb.children):
            pass
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in lex.conditional_markers:
            frame.modality = "hypothetical"
            frame.hypothetical_reason = frame.hypothetical_reason or f"'{child.text}' clause"
        elif child.dep_ == "mark" and child.lower_ in lex.future_markers and (
                verb.tag_ in {"VBZ", "VBP"} and not _aux(verb)):
            # "comes a day before Sarkozy heads to Beijing": a present tense after "before"
            # is a scheduled act that has not happened yet
            frame.modality = "hypothetical"
            frame.hypothetical_reason = frame.hypothetical_reason or (
                f"'{child.text}' clause: not yet happened")


def _on_condition(verb: Token) -> bool:
    """The verb has an if/unless clause of its own: "may halt mediation if cooperation
    founders", "could cut off gas unless Kyiv pays"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                         for m in c.children) for c in verb.children)


def _reported(verb: Token, lex: ModalityLexicon) -> bool:
    cur = verb
    while cur.dep_ in {"ccomp", "xcomp", "conj", "advcl"} and cur.head.i != cur.i:
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in lex.speech:
            return True
        cur = cur.head
    return False


def _governing_kind(lemma: str, lex: ModalityLexicon) -> str | None:
    for kind, words in (
        ("reject", lex.reject),
        ("deny", lex.deny),
        ("fail", lex.fail),
        ("threat", lex.threat),
        ("appeal", lex.appeal),
        ("demand", lex.demand),
        ("consider", lex.hypothetical),
        ("intent", lex.intent),
    ):
        if lemma in words:
            return kind
    return None


def _object_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "iobj"}:
            return child
    for child in verb.children:  # "called on X to ...", "appealed to X to ..."
        if child.dep_ == "prep" and child.lower_ in {"on", "upon", "to"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _mandative(verb: Token, lex: ModalityLexicon) -> bool:
    """A that-clause that asks for an act: a bare verb ("demanded that Iran release") or an
    obligation modal ("insisted that Israel must withdraw"), not a statement ("insisted it
    was for Parliament to decide")."""
    future = lex.future_aux | lex.would_aux
    return verb.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ in future
                                         for c in verb.children) or any(
        c.dep_ == "aux" and c.lower_ in lex.obligation_aux for c in verb.children)


def _infinitive_with_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJ for c in verb.children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def request_noun(verb: Token, lex: ModalityLexicon) -> Token | None:
    """The request, demand or offer noun whose content ``verb`` is: "a proposal to hold
    talks", "an offer of mediating", "calls for sending troops"."""
    head = verb.head
    subject_ok = False  # "a proposal to meet": no subject of its own
    if verb.dep_ in {"acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to"
                                             for c in verb.children):
        noun = head
    elif verb.dep_ == "pcomp" and head.lower_ in {"for", "of"} and verb.tag_ == "VBG":
        noun = head.head
    elif verb.dep_ in {"acl", "ccomp", "advcl"} and any(
            c.dep_ == "mark" and c.lower_ in {"that", "for"} for c in verb.children):
        noun, subject_ok = head, True  # "its demand that Israel ease", "a call for Russia to"
    elif verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                      for c in verb.children) and (
            obj := next((c for c in head.children if c.dep_ == "dobj"), None)) is not None:
        noun = obj  # "put pressure on Iran to release", parsed as an adverbial of "put"
    else:
        return None
    if noun.pos_ in {"NOUN", "PROPN"} and noun.lemma_.lower() in lex.request_nouns and (
            subject_ok or not any(c.dep_ in _SUBJ for c in verb.children)):
        return noun
    return None


def _request_kind(noun: Token, governor: Token, lex: ModalityLexicon) -> str | None:
    verbs = verb_keys(governor)
    if verbs & (lex.reject | lex.request_reject_verbs):  # "rejected/dismissed the proposal"
        return "reject"
    word = noun.lemma_.lower()
    if verbs & lex.accept_verbs:  # "accepted a proposal to meet": their own intent
        return None if word in lex.request_intent_nouns else "intent"
    if not verbs & (lex.request_verbs | lex.request_receive_verbs):  # "cancelled plans to
        return None  # sell", "protested the decision to send troops"
    if word in lex.request_demand_nouns:
        return "demand"
    return "appeal" if word in lex.request_appeal_nouns else "intent"


def _noun_addressee(noun: Token) -> Token | None:
    """Who a request is made to: "an appeal to Belgium to extradite", "put pressure on Iran
    to" (the parser may hang "on Iran" on the verb)."""
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in {"to", "on", "upon"}:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def _question(verb: Token) -> bool:
    """A yes/no question: "Will Russia attack NATO?" (an auxiliary before the subject, and a
    question mark). "Why did Iran attack Israel?" takes the attack as given."""
    sent = verb.sent
    if not sent.text.rstrip().endswith("?"):
        return False
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    return first is not None and first.pos_ == "AUX" and first.head.i == verb.i


def _neither(verb: Token) -> bool:
    """"Neither China nor Russia condemned the coup": every subject is negated."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJ]
    return any(g.lower_ in {"neither", "nor"} and g.dep_ in {"preconj", "cc", "det"}
               for s in subjects for g in s.subtree)


def _noun_claim(verb: Token, lex: ModalityLexicon) -> bool:
    """"Reports that Israel had struck Iran were false": a clause that fills a claim noun is
    the claim's content, not an act the text asserts."""
    return verb.dep_ in {"acl", "ccomp", "relcl"} and verb.head.pos_ == "NOUN" and (
        verb.head.lemma_.lower() in lex.claim_nouns) and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def analyse(trigger: Token, lex: ModalityLexicon) -> Frame:
    """Walk the governing chain of ``trigger`` (a verb) and describe its modality."""
    frame = Frame()
    reported = _reported(trigger, lex)
    _local(trigger, frame, lex, reported)
    if _neither(trigger):
        frame.negated = True
    if _question(trigger):
        frame.modality = "hypothetical"
        frame.hypothetical_reason = "a question"
    if _noun_claim(trigger, lex):
        frame.modality = "hypothetical"
        frame.hypothetical_reason = f"'{trigger.head.text} that' (a claim)"
    cur = trigger
    depth = 0
    while cur.head.i != cur.i and depth < 8:
        depth += 1
        dep, parent = cur.dep_, cur.head
        if dep == "amod" and any(c.dep_ in _SUBJ or c.dep_ == "aux" and any(
                g.dep_ in _SUBJ for g in c.children) for c in cur.children) and (
                parent.dep_ in {"dobj", "obj"}):
            # "denied that its troops had targeted civilians" parsed with "targeted" as an
            # adjective of "civilians": a verb with its own subject is the object clause
            dep, parent = "ccomp", parent.head
        plemma = parent.lemma_.lower()
        if dep == "xcomp" and plemma in lex.plot_verbs and cur.pos_ == "VERB":
            frame.modality = "hypothetical"  # "a militant who plotted to kill the ambassador"
            frame.hypothetical_reason = frame.hypothetical_reason or f"'{parent.text}'"
        if dep in {"ccomp", "xcomp"} and plemma in lex.help_verbs and (
                any(c.dep_ in _SUBJ for c in cur.children)
                or any(c.dep_ in {"dobj", "obj"} for c in parent.children)):
            frame.helped = True
        particle = next((c.lower_ for c in parent.children if c.dep_ == "prt"), None)
        if particle and _governing_kind(f"{plemma} {particle}", lex) is not None:
            plemma = f"{plemma} {particle}"  # "ruled out", "held off"
        if dep in {"ccomp", "parataxis"} and cur.i < parent.i and any(
                c.dep_ in {"dobj", "obj"} and cur.i < c.i < parent.i for c in parent.children):
            break  # "X accused Y of shelling, a charge Baku denied": the clause is described
        if dep == "advcl" and cur.tag_ == "VBG" and not any(
                c.dep_ == "mark" for c in cur.children) and _governing_kind(plemma, lex) in {
                "reject", "deny", "fail", "consider"}:
            dep = "xcomp"  # "has not ruled out using ...", parsed as an adverbial clause
        noun = request_noun(cur, lex) if frame.kind is None else None
        if noun is not None:  # "rejected a proposal to meet", "renewed an appeal to X to ..."
            governor = noun.head
            if noun.dep_ == "pobj" and governor.dep_ == "prep":
                governor = governor.head  # "agreed to a proposal to ..."
            if noun.dep_ not in {"dobj", "pobj", "nsubjpass"} or governor.pos_ not in {
                    "VERB", "AUX"}:
                break
            kind = _request_kind(noun, governor, lex)
            if kind is None:  # "accepted an offer to mediate": someone else's act
                break
            frame.kind, frame.governor, frame.request_noun = kind, governor, noun
            if any(c.dep_ == "det" and c.lower_ in lex.negation for c in noun.children):
                # "has no plans to recognise Palestine", "made no offer to": nothing was
                # planned or offered, and nothing refused either
                frame.kind, frame.negated = None, True
                break
            if frame.kind in {"appeal", "demand"}:  # "an appeal to X", "a demand that X ..."
                frame.addressee = _noun_addressee(noun) or next(
                    (c for c in cur.children if c.dep_ in _SUBJ), None)
            elif frame.kind == "intent":
                frame.modality = "intent" if frame.modality == "realized" else frame.modality
                frame.addressee = _noun_addressee(noun)  # "an offer to Iran to hold talks"
            _local(governor, frame, lex, reported)
            cur = governor
            continue
        governing = _governing_kind(plemma, lex)
        if dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) and (
                not any(c.dep_ in _SUBJ for c in cur.children)) and (
                governing in {"appeal", "demand"} or (
                    governing in {"intent", "threat"}
                    and not any(c.dep_ in {"dobj", "obj"} for c in parent.children))):
            dep = "xcomp"  # "was pressured by Congress to help Iran", "have sworn to fight",
            # parsed as adverbials (a governor with its own object keeps a purpose clause)
        if dep == "conj":
            if not _aux(cur):  # "will meet X and sign ...": shared auxiliaries
                _local(parent, frame, lex, reported)
            cur = parent
            continue
        if dep == "xcomp" or (dep == "ccomp" and frame.kind is None and plemma in lex.demand
                              and (plemma not in lex.assertive_demand or _mandative(cur, lex))):
            if parent.pos_ == "ADJ" or plemma in lex.intent_adjectives:
                if plemma in lex.intent_adjectives and frame.kind is None:
                    frame.kind, frame.governor = "intent", parent
                    frame.modality = "intent"
                elif plemma in lex.hypothetical_adjectives:
                    frame.modality = "hypothetical"
                    frame.hypothetical_reason = f"'{parent.text}'"
                head_verb = parent.head if parent.dep_ == "acomp" else parent
                _local(head_verb, frame, lex, reported)
                cur = head_verb
                continue
            kind = _governing_kind(plemma, lex)
            if kind in {"appeal", "demand"} and frame.kind in {"fail", "reject"} and (
                not frame.stop_appeal
            ):  # "urged China to stop supporting Russia": the appeal is the act
                frame.kind, frame.governor, frame.stop_appeal = kind, parent, True
                frame.negated = False
                frame.addressee = _object_of(parent)
                _local(parent, frame, lex, reported)
                cur = parent
                continue
            if kind == "intent" and plemma in lex.forecast_verbs and any(
                    c.dep_ == "auxpass" for c in parent.children) and frame.kind is None:
                # "US troops are expected to take part in an offensive": a forecast
                frame.modality = "hypothetical"
                frame.hypothetical_reason = f"'{parent.text}'"
                _local(parent, frame, lex, reported)
                cur = parent
                continue
            if kind is not None and frame.kind is None:
                frame.kind, frame.governor = kind, parent
                if kind in {"appeal", "demand"}:
                    frame.addressee = _object_of(parent) or next(  # "X was urged by Y to"
                        (c for c in parent.children if c.dep_ == "nsubjpass"), None)
                    if frame.addressee is None and dep == "ccomp":  # "demanded that Iran ..."
                        frame.addressee = next((c for c in cur.children if c.dep_ in _SUBJ),
                                               None)
                if kind == "intent":
                    frame.modality = "intent" if frame.modality == "realized" else frame.modality
            elif kind is None and frame.kind is None and plemma in lex.speech:
                frame.speech_verbs.append(parent)
            _local(parent, frame, lex, reported)
            cur = parent
            continue
        if dep == "ccomp" and frame.kind is None and _infinitive_with_subject(cur) and (
            plemma in lex.appeal or plemma in lex.demand or plemma in lex.want_verbs
        ):  # "Obama wants Putin to attack": an appeal to Putin
            frame.kind = "demand" if plemma in lex.demand else "appeal"
            frame.governor = parent
            frame.addressee = next(c for c in cur.children if c.dep_ in _SUBJ)
            _local(parent, frame, lex, reported)
            cur = parent
            continue
        if dep == "ccomp" and frame.obligation is not None and frame.kind in {None, "intent"} and (
            plemma in lex.speech
        ):  # "Russia said Sudan must return the helicopter": Russia demands it of Sudan, and
            # "said the US must be ready to mediate" asks the US to mediate
            subjects = subject_tokens(frame.obligation)
            frame.kind, frame.governor = "demand", parent
            frame.addressee = subjects[0] if subjects else None
            frame.modality = "realized"
            frame.hypothetical_reason = None
            frame.speech_verbs.append(parent)
            cur = parent
            continue
        if dep == "ccomp" or dep == "parataxis":
            if plemma in lex.speech or plemma in lex.allege:
                frame.speech_verbs.append(parent)
                frame.speakers.extend(subject_tokens(parent))
                if plemma in lex.allege and frame.kind is None:
                    frame.kind, frame.governor = "allege", parent
            elif plemma in lex.threat and frame.kind is None:
                frame.kind, frame.governor = "threat", parent
            elif frame.kind is None and _governing_kind(plemma, lex) in {"deny", "reject"}:
                frame.kind, frame.governor = "deny", parent
            cur = parent
            continue
        if dep == "advcl":
            if any(c.dep_ == "mark" and c.lower_ in lex.conditional_markers for c in cur.children):
                frame.modality = "hypothetical"
            break
        if dep == "pcomp" and plemma in {"without"}:
            frame.negated = True
        if dep == "pcomp" and parent.dep_ == "prep" and parent.head.pos_ in {"VERB", "AUX"} and (
            plemma in {"to", "by", "in"}
        ):  # "resorted to throwing stones", "refused to resort to force": the verb's frame
            _local(parent.head, frame, lex, reported)
            cur = parent.head
            continue
        break
    # sentence-level report markers: "according to X", ", the AP added"
    for token in trigger.sent:
        if token.dep_ == "prep" and token.lower_ == "according":
            for prep in token.children:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        frame.report_preps.append(pobj)
        if token.lower_ == "citing" and token.dep_ in {"advcl", "prep", "acl"}:
            frame.report_preps.extend(c for c in token.children if c.dep_ in {"dobj", "pobj"})
    words = [t.i for t in trigger.sent if not t.is_punct]
    final = words[-1] if words else -1
    for token in trigger.sent:  # ", the AP added." attached as parataxis anywhere
        last = token.i > trigger.i and token.i == final
        if token.lemma_.lower() in lex.speech and (token.dep_ == "parataxis" or (
                last and token.dep_ in {"relcl", "dep", "acl"})):  # ", the agency TASS
            if token not in frame.speech_verbs:  # reported.", misparsed as a relative clause
                frame.speech_verbs.append(token)
                frame.speakers.extend(subject_tokens(token))
    return frame
