"""``detente explain``: why each event was coded, and why candidates were dropped."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from detente.errors import InputError
from detente.pipeline import CodedDocument, Coder
from detente.records import Document, content_hash

__all__ = ["load_for_explain", "explain_text", "render_explanation"]


def load_for_explain(target: str | None, *, db: str | None, text: str | None,
                     date: str | None) -> tuple[Document, str | None]:
    """The document to explain, and the event id to highlight (if one was asked for)."""
    if text is not None:
        return Document(doc_id=content_hash(text), text=text, date=date), None
    if target is None:
        raise InputError("E208", "give a document or event id with --db, a file, or --text")
    if db is not None:
        from detente.store.duckdb_store import EventStore

        with EventStore(db, read_only=True) as store:
            row = store.document(target)
            focus = None
            if row is None:
                events = store.events(event_id=target)
                if events:
                    focus = target
                    row = store.document(events[0]["doc_id"])
            if row is None:
                raise InputError("E209", f"no document or event {target!r} in {db}")
            return Document(doc_id=row["doc_id"], text=row.get("text") or "",
                            date=str(row["date"]) if row.get("date") else date,
                            removed=()), focus
    path = Path(target)
    if not path.exists():
        raise InputError("E201", f"file not found: {target}")
    from detente.ingest.prepare import Preparer
    from detente.ingest.readers import iter_inputs

    for item in iter_inputs([str(path)], default_date=date):
        if isinstance(item, Document):
            prepared = Preparer().prepare(item)
            if isinstance(prepared, list) and prepared:
                return prepared[0], None
            raise InputError("E207", f"{target}: {getattr(prepared, 'reason', 'rejected')}")
    raise InputError("E203", f"{target}: no readable document")


def render_explanation(coded: CodedDocument, focus_event: str | None = None) -> list[str]:
    """Plain-text lines: per sentence the actors, events (rule, trigger) and suppressions."""
    doc = coded.document
    lines = [f"document {doc.doc_id}  date {doc.date or '—'}"]
    for span in doc.removed:
        lines.append(f"  removed as {span.reason}: {span.text!r}")
    for index, (start, end) in enumerate(coded.sentences):
        sentence = doc.text[start:end]
        actors = [a for a in coded.actors if start <= a.start < end]
        events = [e for e in coded.events if any(ev.start == start for ev in e.all_evidence)]
        dropped = [s for s in coded.suppressed if s.evidence.start == start]
        if not (actors or events or dropped):
            continue
        lines.append("")
        lines.append(f"[{index}] {sentence}")
        for actor in actors:
            sectors = ", " + ",".join(actor.sectors) if actor.sectors else ""
            lines.append(f"    actor  {actor.text!r} -> {actor.code or 'unresolved'}"
                         f" ({actor.type}{sectors})")
        for ev in events:
            mark = "*" if ev.event_id == focus_event else " "
            src = ev.source.code if ev.source else "—"
            tgt = ev.target.code if ev.target else "—"
            attribution = ""
            if ev.attribution.speaker or ev.attribution.reported_by:
                attribution = (f"  said by {ev.attribution.speaker or '—'}, reported by "
                               f"{ev.attribution.reported_by or '—'}")
            lines.append(f"  {mark} EVENT  {src} -> {ev.cameo} -> {tgt}  [{ev.modality}] "
                         f"trigger {ev.evidence.trigger!r} rule {ev.evidence.rule}"
                         f"  id {ev.event_id}{attribution}")
        for sup in dropped:
            src = sup.source.code if sup.source else "—"
            tgt = sup.target.code if sup.target else "—"
            lines.append(f"    dropped {src} -> {sup.cameo} -> {tgt}: {sup.reason} "
                         f"(trigger {sup.evidence.trigger!r}, rule {sup.evidence.rule})")
    return lines


def explain_text(document: Document, console: Console, focus_event: str | None = None) -> None:
    coded = next(iter(Coder().code_documents([document])))
    for line in render_explanation(coded, focus_event):
        console.print(line, markup=False)
