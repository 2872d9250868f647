"""Event patterns, noun classes, modality lexicons and code transforms, loaded from data.

Everything the event coder knows lives in ``detente/data/events/``:

* ``nouns.yaml``: noun classes (``@sanction``, ``@aid``) used by patterns;
* ``verbs.yaml`` and ``verbs_*.yaml``: verb patterns (verb lemma + particle + argument
  constraints -> code);
* ``noun_patterns.yaml``: noun triggers ("sanctions on X", "the invasion of X");
* ``transforms.tsv``: how a code changes under intent, appeal, demand, refusal or threat;
* ``modality.yaml``: negation, intent, hypothetical, threat, appeal and speech lexicons;
* ``context.yaml``: sport, entertainment and business cue words.

Every pattern is validated at load: an unknown CAMEO code, an undefined noun class or a
malformed entry raises :class:`~detente.errors.DataFileError` naming file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Token

from detente.datafiles import data_path, validate_row, yaml_items, yaml_mapping
from detente.errors import DataFileError
from detente.events.cameo import CameoTable

__all__ = [
    "ArgSpec",
    "VerbPattern",
    "NounPattern",
    "ModalityLexicon",
    "ContextLexicon",
    "EventLexicon",
    "TransformKind",
]

TransformKind = Literal["intent", "appeal", "demand", "reject", "threat"]
_TRANSFORM_KINDS: tuple[TransformKind, ...] = ("intent", "appeal", "demand", "reject", "threat")


@dataclass(frozen=True, slots=True)
class ArgSpec:
    """What an argument (object or prepositional object) must be."""

    lemmas: frozenset[str] = frozenset()
    phrases: frozenset[str] = frozenset()  # "modifier head" pairs such as "humanitarian aid"
    actor: bool = False
    any: bool = False

    def matches(self, lemma: str, phrase_keys: Iterable[str], is_actor: bool) -> int:
        """0 when no match; 3 for a phrase match, 2 for a named lemma, 1 for the wildcards
        (any actor, anything): "captured an army base" is the base (a place), not the army."""
        if any(key in self.phrases for key in phrase_keys):
            return 3
        if lemma in self.lemmas:
            return 2
        if (self.actor and is_actor) or self.any:
            return 1
        return 0


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    lemma: str
    particle: str | None
    code: str
    object: ArgSpec | None = None
    preps: tuple[tuple[str, ArgSpec], ...] = ()
    xcomp: frozenset[str] = frozenset()
    forbid: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    symmetric: bool = False
    reverse: bool = False
    modality: str | None = None
    require_target: bool = False
    context: str | None = None
    exclude_prep: tuple[tuple[str, ArgSpec], ...] = ()
    source_sectors: frozenset[str] = frozenset()  # applies only to sources with one of these
    line: int = 0

    @property
    def specificity(self) -> int:
        return (
            (2 if self.particle else 0)
            + (2 if self.object else 0)
            + 2 * len(self.preps)
            + (2 if self.xcomp else 0)
            + (1 if self.source_sectors else 0)
        )


@dataclass(frozen=True, slots=True)
class NounPattern:
    id: str
    spec: ArgSpec
    code: str
    target: tuple[str, ...] = ()
    symmetric: bool = False
    conflict: bool = False
    light_only: bool = False
    requires: frozenset[str] = frozenset()  # prepositions of which the noun must have one
    exclude: ArgSpec | None = None  # phrases that are no such act ("heart attack")
    line: int = 0


@dataclass(frozen=True, slots=True)
class VerbalClash:
    """Fights between bodies that hold no weapons are quarrels: codes recoded to ``code``
    when both sides carry only ``sectors``."""

    codes: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    code: str = "110"
    alone_sectors: frozenset[str] = frozenset()  # "Labour attacked ..." with nobody attacked
    alone_code: str = "111"


@dataclass(frozen=True, slots=True)
class ModalityLexicon:
    negation: frozenset[str]
    reject: frozenset[str]
    fail: frozenset[str]
    deny: frozenset[str]
    intent: frozenset[str]
    hypothetical: frozenset[str]
    threat: frozenset[str]
    appeal: frozenset[str]
    demand: frozenset[str]
    intent_adjectives: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    would_aux: frozenset[str]
    conditional_markers: frozenset[str]
    light_verbs: frozenset[str]
    speech: frozenset[str]
    allege: frozenset[str]
    report_preps: frozenset[str]
    statement_verbs: frozenset[str] = frozenset()
    obligation_aux: frozenset[str] = frozenset()
    want_verbs: frozenset[str] = frozenset()
    prep_light_verbs: frozenset[str] = frozenset()
    cancel_verbs: frozenset[str] = frozenset()
    help_verbs: frozenset[str] = frozenset()
    hypothetical_determiners: frozenset[str] = frozenset()
    hypothetical_modifiers: frozenset[str] = frozenset()
    hypothetical_participles: frozenset[str] = frozenset()
    part_nouns: frozenset[str] = frozenset()
    media_cues: frozenset[str] = frozenset()
    request_appeal_nouns: frozenset[str] = frozenset()
    request_demand_nouns: frozenset[str] = frozenset()
    request_intent_nouns: frozenset[str] = frozenset()
    accept_verbs: frozenset[str] = frozenset()
    request_reject_verbs: frozenset[str] = frozenset()
    request_verbs: frozenset[str] = frozenset()
    request_receive_verbs: frozenset[str] = frozenset()
    future_markers: frozenset[str] = frozenset()
    assertive_demand: frozenset[str] = frozenset()
    posture_verbs: frozenset[str] = frozenset()
    attempt_words: frozenset[str] = frozenset()
    plot_verbs: frozenset[str] = frozenset()
    forecast_verbs: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    undergo_verbs: frozenset[str] = frozenset()
    responsibility_words: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    governor_codes: dict[str, str] = field(default_factory=dict)

    @property
    def request_nouns(self) -> frozenset[str]:
        return self.request_appeal_nouns | self.request_demand_nouns | self.request_intent_nouns


@dataclass(frozen=True, slots=True)
class ContextLexicon:
    sentence_min: int
    document_min: float
    document_min_cues: int
    contexts: dict[str, frozenset[str]]
    conflict_roots: frozenset[str]
    political_sectors: frozenset[str]
    sentence_contexts: frozenset[str]
    domestic_roots: frozenset[str]
    unknown_source_roots: frozenset[str]
    located_roots: frozenset[str]
    local_sectors: frozenset[str]
    means_nouns: frozenset[str]
    verbal_clash: VerbalClash = VerbalClash()
    weapon_codes: dict[str, str] = field(default_factory=dict)  # weapon lemma -> CAMEO code
    weapon_exclude: frozenset[str] = frozenset()  # "think tank": not a weapon
    abroad_nouns: frozenset[str] = frozenset()  # "embassy": a state's seat in another one
    hazard_nouns: frozenset[str] = frozenset()  # "Hurricane Ivan hit the Cayman Islands"
    accident_verbs: frozenset[str] = frozenset()  # "a train crashed, injuring ..."
    agentive_codes: frozenset[str] = frozenset()  # passive with no agent: still someone's
    outlaw_sectors: frozenset[str] = frozenset()  # never take their victims' country
    ranking_words: frozenset[str] = frozenset()  # "Iraq's deadliest attack": a place
    echo_roots: frozenset[str] = frozenset()  # acts a bare killing can be the echo of
    test_words: frozenset[str] = frozenset()  # "test-fired": a show of force
    scoreline_context: str | None = None  # the context a scoreline ("1-0") counts for
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # multi-word cues
    cue_index: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lemma -> contexts


def _phrase_head(phrase: str) -> str:
    """The head noun of a phrase key: "air strike" -> strike, "exchange of fire" -> exchange."""
    before = phrase.split(" of ", 1)[0]
    return before.rsplit(" ", 1)[-1]


# --------------------------------------------------------------------------- schemas


class _VerbRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    verbs: list[str] = Field(min_length=1)
    code: str = Field(pattern=r"^\d{2,4}$")
    object: str | list[str] | None = None
    prep: dict[str, str | list[str]] | None = None
    xcomp: list[str] | None = None
    forbid: list[str] | None = None
    target: list[str] | None = None
    symmetric: bool = False
    reverse: bool = False
    modality: Literal["intent"] | None = None
    require_target: bool = False
    context: str | None = None
    exclude_prep: dict[str, str | list[str]] | None = None
    source_sectors: list[str] | None = None


class _NounRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    nouns: list[str] = Field(min_length=1)
    code: str = Field(pattern=r"^\d{2,4}$")
    target: list[str] = []
    symmetric: bool = False
    conflict: bool = False
    light_only: bool = False
    requires: list[str] = []
    exclude: list[str] = []


_TARGET_SLOTS = {
    "dobj", "dative", "obj_poss", "ccomp_subj", "dobj_country", "obj_acl_dobj", "obj_amod_country",
    "oprd_mods", "xcomp_args", "advcl_args", "ccomp_subj_or_obj", "acomp_ccomp_subj",
}


def _check_target(slot: str, path: Path, line: int) -> None:
    base = slot.split(":", 1)[0]
    if slot in _TARGET_SLOTS or base in {"prep", "obj_prep", "acomp_prep"}:
        return
    raise DataFileError("E103", f"unknown target slot {slot!r}", path=path.name, line=line,
                        field="target")


@dataclass
class _Builder:
    classes: dict[str, ArgSpec] = field(default_factory=dict)

    def spec(self, raw: str | list[str], path: Path, line: int, fld: str) -> ArgSpec:
        items = [raw] if isinstance(raw, str) else raw
        lemmas: set[str] = set()
        phrases: set[str] = set()
        actor = any_ = False
        for item in items:
            if item == "actor":
                actor = True
            elif item == "any":
                any_ = True
            elif item.startswith("@"):
                cls = self.classes.get(item[1:])
                if cls is None:
                    raise DataFileError("E104", f"undefined noun class {item!r}", path=path.name,
                                        line=line, field=fld)
                lemmas |= cls.lemmas
                phrases |= cls.phrases
            elif " " in item:
                phrases.add(item.lower())
            else:
                lemmas.add(item.lower())
        return ArgSpec(frozenset(lemmas), frozenset(phrases), actor, any_)


def _split_verb(verb: str) -> tuple[str, str | None]:
    parts = verb.lower().split(" ", 1)
    return parts[0], (parts[1] if len(parts) > 1 else None)


class EventLexicon:
    """All event-coding knowledge, loaded and validated. Picklable; no module state."""

    def __init__(
        self,
        cameo: CameoTable,
        verb_patterns: list[VerbPattern],
        noun_patterns: list[NounPattern],
        transforms: dict[str, dict[TransformKind, str | None]],
        modality: ModalityLexicon,
        context: ContextLexicon,
        classes: dict[str, ArgSpec],
    ) -> None:
        self.cameo = cameo
        self.verb_patterns = verb_patterns
        self.noun_patterns = noun_patterns
        self.transforms = transforms
        self.modality = modality
        self.context = context
        self.classes = classes
        index: dict[str, list[VerbPattern]] = {}
        for pattern in verb_patterns:
            index.setdefault(pattern.lemma, []).append(pattern)
        order = {id(p): n for n, p in enumerate(verb_patterns)}  # files load in name order
        for patterns in index.values():
            patterns.sort(key=lambda p: (-p.specificity, order[id(p)]))
        self.verb_index = index
        noun_lemmas: set[str] = set()
        for npat in noun_patterns:
            noun_lemmas |= npat.spec.lemmas
            noun_lemmas |= {_phrase_head(phrase) for phrase in npat.spec.phrases}
        self.noun_heads = frozenset(noun_lemmas)
        violent: set[str] = set()  # nouns that name an act of violence ("shelling", "raid")
        for npat in noun_patterns:
            if npat.code[:2] in context.unknown_source_roots:
                violent |= npat.spec.lemmas
                violent |= {_phrase_head(phrase) for phrase in npat.spec.phrases}
        self.conflict_nouns = frozenset(violent)
        # computed once here, not per candidate: what names a means ("killed in Israeli
        # shelling", "by a Russian missile") and what a place search skips
        self.means_words = context.means_nouns | self.conflict_nouns | frozenset(
            context.weapon_codes)
        self.place_skip = self.noun_heads | context.means_nouns

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, directory: Path | None = None, cameo: CameoTable | None = None) -> EventLexicon:
        base = directory or data_path("events")
        cameo = cameo or CameoTable.load()
        builder = _Builder()
        builder.classes = _load_classes(base / "nouns.yaml")
        verbs: list[VerbPattern] = []
        seen: set[str] = set()
        for path in sorted(base.glob("verbs*.yaml")):  # verbs.yaml, verbs_*.yaml
            verbs += _load_verbs(path, builder, cameo, seen)
        nouns = _load_nouns(base / "noun_patterns.yaml", builder, cameo)
        transforms = _load_transforms(base / "transforms.tsv", cameo)
        modality = _load_modality(base / "modality.yaml", cameo)
        context = _load_context(base / "context.yaml", cameo)
        return cls(cameo, verbs, nouns, transforms, modality, context, builder.classes)

    # ------------------------------------------------------------------ queries
    def verb_patterns_for(self, lemma: str) -> list[VerbPattern]:
        return self.verb_index.get(lemma, [])

    def noun_pattern(self, lemma: str, phrase_keys: Iterable[str],
                     preps: frozenset[str] = frozenset()) -> NounPattern | None:
        """The best noun pattern for a noun with these phrase keys and prepositions."""
        keys = list(phrase_keys)
        best: tuple[int, NounPattern] | None = None
        for npat in self.noun_patterns:
            if npat.requires and not npat.requires & preps:
                continue
            if npat.exclude is not None and npat.exclude.matches(lemma, keys, False):
                continue
            score = npat.spec.matches(lemma, keys, False)
            if score and (best is None or score > best[0]):
                best = (score, npat)
        return best[1] if best else None

    def content_object(self, token: Token | None) -> Token | None:
        """Look through measure nouns and numbers: "20 tonnes of aid" -> "aid", "two of its
        nationals" -> "nationals"."""
        if token is None or not (self.in_class("quantity", token.lemma_.lower())
                                 or token.pos_ == "NUM"):
            return token
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "in", "worth"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.content_object(pobj)
        return token

    def in_class(self, name: str, lemma: str, phrase_keys: Iterable[str] = ()) -> bool:
        spec = self.classes.get(name)
        return bool(spec and spec.matches(lemma, phrase_keys, False))

    def transform(self, code: str, kind: TransformKind) -> str | None:
        """The code of ``code`` under ``kind``; walks up to the parent and root codes."""
        for key in (code, code[:3], code[:2]):
            row = self.transforms.get(key)
            if row is not None:
                return row[kind]
        return None


def _load_classes(path: Path) -> dict[str, ArgSpec]:
    classes: dict[str, ArgSpec] = {}
    for name, (line, values) in yaml_mapping(path).items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise DataFileError("E101", "a noun class must be a list of strings", path=path.name,
                                line=line, field=name)
        lemmas = frozenset(v.lower() for v in values if " " not in v)
        phrases = frozenset(v.lower() for v in values if " " in v)
        classes[name] = ArgSpec(lemmas, phrases)
    return classes


def _check_code(code: str, cameo: CameoTable, path: Path, line: int) -> None:
    if code not in cameo:
        raise DataFileError("E102", f"unknown CAMEO code {code!r}", path=path.name, line=line,
                            field="code")


def _load_verbs(path: Path, builder: _Builder, cameo: CameoTable, seen: set[str]
                ) -> list[VerbPattern]:
    out: list[VerbPattern] = []
    for line, raw in yaml_items(path):
        row = validate_row(_VerbRow, raw, path, line)
        if row.id in seen:
            raise DataFileError("E105", f"duplicate pattern id {row.id!r}", path=path.name,
                                line=line, field="id")
        seen.add(row.id)
        _check_code(row.code, cameo, path, line)
        for slot in row.target or ():
            _check_target(slot, path, line)
        obj = builder.spec(row.object, path, line, "object") if row.object is not None else None
        preps = tuple(
            (p, builder.spec(v, path, line, f"prep.{p}")) for p, v in (row.prep or {}).items()
        )
        excl = tuple(
            (p, builder.spec(v, path, line, f"exclude_prep.{p}"))
            for p, v in (row.exclude_prep or {}).items()
        )
        for verb in row.verbs:
            lemma, particle = _split_verb(verb)
            out.append(VerbPattern(
                id=row.id, lemma=lemma, particle=particle, code=row.code, object=obj, preps=preps,
                xcomp=frozenset(x.lower() for x in row.xcomp or ()),
                forbid=tuple(row.forbid or ()), target=tuple(row.target or ()),
                symmetric=row.symmetric, reverse=row.reverse, modality=row.modality,
                require_target=row.require_target, context=row.context, exclude_prep=excl,
                source_sectors=frozenset(x.upper() for x in row.source_sectors or ()), line=line,
            ))
    return out


def _load_nouns(path: Path, builder: _Builder, cameo: CameoTable) -> list[NounPattern]:
    out: list[NounPattern] = []
    for line, raw in yaml_items(path):
        row = validate_row(_NounRow, raw, path, line)
        _check_code(row.code, cameo, path, line)
        out.append(NounPattern(
            id=row.id, spec=builder.spec(row.nouns, path, line, "nouns"), code=row.code,
            target=tuple(row.target), symmetric=row.symmetric, conflict=row.conflict,
            light_only=row.light_only, requires=frozenset(p.lower() for p in row.requires),
            exclude=builder.spec(row.exclude, path, line, "exclude") if row.exclude else None,
            line=line,
        ))
    return out


def _load_transforms(path: Path, cameo: CameoTable) -> dict[str, dict[TransformKind, str | None]]:
    out: dict[str, dict[TransformKind, str | None]] = {}
    header: list[str] | None = None
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, start=1):
            if not text.strip() or text.startswith("#"):
                continue
            cells = text.rstrip("\n").split("\t")
            if header is None:
                header = cells
                if tuple(header) != ("code", *_TRANSFORM_KINDS):
                    raise DataFileError("E101", "bad header", path=path.name, line=number)
                continue
            if len(cells) != len(header):
                raise DataFileError("E101", f"expected {len(header)} columns, got {len(cells)}",
                                    path=path.name, line=number)
            row: dict[TransformKind, str | None] = {}
            for name, cell in zip(header, cells, strict=True):
                if name == "code":
                    _check_code(cell, cameo, path, number)
                    continue
                value = None if cell == "-" else cell
                if value is not None and value not in cameo:
                    raise DataFileError("E102", f"unknown CAMEO code {value!r}", path=path.name,
                                        line=number, field=name)
                row[name] = value  # type: ignore[index]
            out[cells[0]] = row
    return out


def _words(mapping: dict[str, tuple[int, Any]], key: str, path: Path) -> frozenset[str]:
    if key not in mapping:
        raise DataFileError("E101", f"missing key {key!r}", path=path.name, field=key)
    line, values = mapping[key]
    if not isinstance(values, list):
        raise DataFileError("E101", "expected a list", path=path.name, line=line, field=key)
    return frozenset(str(v).lower() for v in values)


def _load_modality(path: Path, cameo: CameoTable) -> ModalityLexicon:
    mapping = yaml_mapping(path)
    names = [n for n in ModalityLexicon.__dataclass_fields__ if n != "governor_codes"]
    line, governors = mapping.get("governor_codes", (1, {}))
    if not isinstance(governors, dict):
        raise DataFileError("E101", "expected a mapping", path=path.name, line=line,
                            field="governor_codes")
    for verb, code in governors.items():
        if str(code) not in cameo:
            raise DataFileError("E102", f"unknown CAMEO code {code!r} for {verb!r}",
                                path=path.name, line=line, field="governor_codes")
    return ModalityLexicon(**{name: _words(mapping, name, path) for name in names},
                           governor_codes={str(k): str(v) for k, v in governors.items()})


def _weapon_codes(mapping: dict[str, tuple[int, Any]], path: Path, cameo: CameoTable
                  ) -> dict[str, str]:
    """``weapon_means``: CAMEO code -> the weapons that make a generic attack that code."""
    line, raw = mapping.get("weapon_means", (1, {}))
    if not isinstance(raw, dict):
        raise DataFileError("E101", "expected a mapping", path=path.name, line=line,
                            field="weapon_means")
    out: dict[str, str] = {}
    for code, words in raw.items():
        if str(code) not in cameo:
            raise DataFileError("E102", f"unknown CAMEO code {code!r}", path=path.name,
                                line=line, field="weapon_means")
        if not isinstance(words, list):
            raise DataFileError("E101", f"expected a list of weapons for {code!r}",
                                path=path.name, line=line, field="weapon_means")
        out |= {str(w).lower(): str(code) for w in words}
    return out


def _load_context(path: Path, cameo: CameoTable) -> ContextLexicon:
    mapping = yaml_mapping(path)
    line, contexts = mapping.get("contexts", (1, None))
    if not isinstance(contexts, dict):
        raise DataFileError("E101", "expected a mapping", path=path.name, line=line,
                            field="contexts")
    cues = {k: frozenset(str(w).lower() for w in v) for k, v in contexts.items()}
    return ContextLexicon(
        sentence_min=int(mapping["sentence_min"][1]),
        document_min=float(mapping["document_min"][1]),
        document_min_cues=int(mapping["document_min_cues"][1]),
        contexts=cues,
        phrases={k: tuple(w for w in v if " " in w) for k, v in cues.items()},
        cue_index={w: tuple(k for k, v in cues.items() if w in v)
                   for w in set().union(*cues.values())},
        scoreline_context=str(mapping["scoreline_context"][1]) if "scoreline_context" in mapping
        else None,
        conflict_roots=_words(mapping, "conflict_roots", path),
        political_sectors=frozenset(s.upper() for s in _words(mapping, "political_sectors", path)),
        sentence_contexts=_words(mapping, "sentence_contexts", path),
        domestic_roots=_words(mapping, "domestic_roots", path),
        unknown_source_roots=_words(mapping, "unknown_source_roots", path),
        located_roots=_words(mapping, "located_roots", path),
        local_sectors=frozenset(x.upper() for x in _words(mapping, "local_sectors", path)),
        verbal_clash=VerbalClash(
            codes=_words(mapping, "verbal_clash_codes", path),
            sectors=frozenset(x.upper() for x in _words(mapping, "verbal_clash_sectors", path)),
            code=str(mapping["verbal_clash_code"][1]),
            alone_sectors=frozenset(x.upper() for x in _words(mapping, "verbal_alone_sectors",
                                                              path)),
            alone_code=str(mapping["verbal_alone_code"][1]),
        ),
        means_nouns=_words(mapping, "means_nouns", path),
        weapon_codes=_weapon_codes(mapping, path, cameo),
        weapon_exclude=_words(mapping, "weapon_exclude", path),
        abroad_nouns=_words(mapping, "abroad_nouns", path),
        hazard_nouns=_words(mapping, "hazard_nouns", path),
        accident_verbs=_words(mapping, "accident_verbs", path),
        agentive_codes=_codes(mapping, "agentive_codes", path, cameo),
        outlaw_sectors=frozenset(x.upper() for x in _words(mapping, "outlaw_sectors", path)),
        ranking_words=_words(mapping, "ranking_words", path),
        echo_roots=_words(mapping, "echo_roots", path),
        test_words=_words(mapping, "test_words", path),
    )


def _codes(mapping: dict[str, tuple[int, Any]], name: str, path: Path, cameo: CameoTable
           ) -> frozenset[str]:
    """A list of CAMEO codes, each checked against the table."""
    codes = _words(mapping, name, path)
    line = mapping.get(name, (1, None))[0]
    for code in codes:
        if code not in cameo:
            raise DataFileError("E102", f"unknown CAMEO code {code!r}", path=path.name,
                                line=line, field=name)
    return codes
