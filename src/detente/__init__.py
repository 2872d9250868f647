"""detente: open political event data from news text."""

from detente.records import Actor, Attribution, Document, Event, Evidence, Plover, Reject

__all__ = [
    "Actor", "Attribution", "Document", "Event", "Evidence", "Plover", "Reject", "__version__",
]
__version__ = "0.1.0"
