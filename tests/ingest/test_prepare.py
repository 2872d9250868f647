"""The Preparer: HTML, cleaning, checks, language and chunks."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from detente.ingest.prepare import Preparer
from detente.records import Document, Reject

DATA = Path(__file__).parent / "data"
ENGLISH = (
    "KYIV, March 3 (Reuters) - Ukraine's foreign minister said on Thursday that talks with "
    "Russia would continue next week.\n\nADVERTISEMENT\n\nThe minister met President Lucas "
    "Moreau.moreaulucas 120321apLucas MoreauZoo Welcomes Rare Twin Panda Cubs on Friday in "
    "Paris, where the two discussed grain exports and security guarantees."
)


@pytest.fixture(scope="module")
def preparer() -> Preparer:
    return Preparer()


def test_prepare_cleans_and_records(preparer: Preparer) -> None:
    [doc] = preparer.prepare(Document("d1", ENGLISH, origin="f.jsonl:3"))  # type: ignore[misc]
    assert doc.doc_id == "d1" and doc.language == "en"
    assert doc.text.startswith("Ukraine's foreign minister said on Thursday")
    assert "President Lucas Moreau on Friday in Paris" in doc.text
    assert doc.meta["dateline"] == "KYIV, March 3 (Reuters)"
    assert [s.reason for s in doc.removed] == [
        "dateline",
        "advertisement",
        "name_slug",
        "name_card",
        "headline_run",
    ]
    assert all(ENGLISH[s.start : s.end] == s.text for s in doc.removed)


def test_prepare_html_document(preparer: Preparer) -> None:
    html = (DATA / "page_article.html").read_text(encoding="utf-8")
    [doc] = preparer.prepare(Document("h1", "", html=html, origin="p.html"))  # type: ignore[misc]
    assert doc.html is None and doc.meta["from_html"] is True
    assert (doc.title, doc.date, doc.source) == (
        "Border talks resume after six-month pause",
        "2023-05-09",
        "The Daily Ledger",
    )
    assert doc.meta["author"] == "Mara Jensen"
    assert "Lena Hartmann said both sides" in doc.text


def test_prepare_keeps_given_metadata_over_html(preparer: Preparer) -> None:
    html = (DATA / "page_divs.html").read_text(encoding="utf-8")
    doc = Document("h2", "", html=html, date="2022-11-16", title="Mine", origin="p.html")
    [out] = preparer.prepare(doc)  # type: ignore[misc]
    assert (out.date, out.title) == ("2022-11-16", "Mine")


@pytest.mark.parametrize(
    ("doc", "code"),
    [
        (Document("e1", "   "), "E203"),
        (Document("e2", "", html="<html><body></body></html>"), "E203"),
        (Document("e3", "\x00\x01\x02 bytes " * 10), "E204"),
        (Document("e4", "ADVERTISEMENT\n\nToo short."), "E207"),
        (
            Document(
                "e5",
                "Die Verhandlungen zwischen beiden Ländern wurden am Dienstag in Genf nach "
                "einer Pause von sechs Monaten wieder aufgenommen. Die Delegationen sprachen "
                "über einen Gefangenenaustausch und die Öffnung von Grenzübergängen.",
                origin="de.txt",
            ),
            "E210",
        ),
    ],
)
def test_prepare_rejects(preparer: Preparer, doc: Document, code: str) -> None:
    out = preparer.prepare(doc)
    assert isinstance(out, Reject)
    assert (out.code, out.doc_id) == (code, doc.doc_id)
    assert out.origin == (doc.origin or "-")


def test_prepare_language_reason(preparer: Preparer) -> None:
    german = (
        "Die Regierung hat am Dienstag neue Ma\u00dfnahmen beschlossen, sagte ein Sprecher. " * 4
    )
    out = preparer.prepare(Document("g", german))
    assert isinstance(out, Reject) and out.reason == "language 'de' is not English"


def test_prepare_allow_any_language() -> None:
    german = (
        "Die Regierung hat am Dienstag neue Ma\u00dfnahmen beschlossen, sagte ein Sprecher. " * 4
    )
    [doc] = Preparer(allow_languages=None).prepare(Document("g", german))  # type: ignore[misc]
    assert doc.language == "de"


def test_prepare_chunks_long_text() -> None:
    para = "The minister said talks would continue next week in the capital. " * 5
    text = "ADVERTISEMENT\n\n" + "\n\n".join(para.strip() for _ in range(6))
    chunks = Preparer(max_chunk_chars=700).prepare(Document("long", text))
    assert isinstance(chunks, list) and len(chunks) == 3
    assert [c.doc_id for c in chunks] == ["long#1", "long#2", "long#3"]
    full = "\n\n".join(para.strip() for _ in range(6))
    for chunk in chunks:
        assert len(chunk.text) <= 700
        offset = chunk.meta["chunk_offset"]
        assert full[offset : offset + len(chunk.text)] == chunk.text
        assert chunk.meta["chunk_of"] == "long" and chunk.meta["chunk_count"] == 3
    assert [len(c.removed) for c in chunks] == [1, 0, 0]


def test_prepare_bad_document_does_not_raise(preparer: Preparer) -> None:
    out = preparer.prepare(Document("x", None))  # type: ignore[arg-type]
    assert isinstance(out, Reject) and out.code == "E299"


def test_prepare_pickles(preparer: Preparer) -> None:
    clone = pickle.loads(pickle.dumps(preparer))
    assert isinstance(clone.prepare(Document("d1", ENGLISH)), list)
