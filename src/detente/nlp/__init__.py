"""detente.nlp: the spaCy pipeline."""

from detente.nlp.pipeline import MODEL, PipelineConfig, build_nlp

__all__ = ["MODEL", "PipelineConfig", "build_nlp"]
