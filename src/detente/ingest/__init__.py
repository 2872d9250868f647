"""detente.ingest: read articles, extract and clean their text, filter and split them.

The journey of one article: :func:`iter_inputs` reads files into Documents (or Rejects);
:class:`Preparer` extracts HTML, cleans (:class:`Cleaner`), checks length and language,
and splits long texts; :class:`Deduplicator` flags copies.
"""

from detente.ingest.clean import Cleaner, CleanResult, render_removed
from detente.ingest.dedup import Deduplicator
from detente.ingest.language import LanguageGate
from detente.ingest.prepare import Preparer
from detente.ingest.readers import iter_inputs

__all__ = [
    "CleanResult",
    "Cleaner",
    "Deduplicator",
    "LanguageGate",
    "Preparer",
    "iter_inputs",
    "render_removed",
]
