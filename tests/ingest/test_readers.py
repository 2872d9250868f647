"""Reading files, records and standard input into Documents and Rejects."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from detente.ingest.readers import iter_inputs, record_to_document
from detente.records import Document, Reject


def read(*paths: Path | str, **kw: object) -> list[Document | Reject]:
    return list(iter_inputs([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def test_readers_txt_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Talks resumed in Geneva.\n", encoding="utf-8")
    [doc] = read(path, default_date="2022-03-07")
    assert isinstance(doc, Document)
    assert doc.text == "Talks resumed in Geneva.\n"
    assert doc.doc_id == doc.content_hash
    assert (doc.origin, doc.date) == (str(path), "2022-03-07")


def test_readers_jsonl_fields_and_line_origins(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    rows = [
        {
            "id": "x1",
            "text": "First",
            "title": "T",
            "date": "March 7, 2022",
            "url": "u",
            "source": "s",
        },
        {"text": "Second", "date": "2022-03-08T10:15:00Z", "category": "politics"},
    ]
    path.write_text(
        "\n".join(json.dumps(r) for r in rows[:1]) + "\n\n" + json.dumps(rows[1]) + "\n"
    )
    first, second = read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.doc_id, first.title, first.date, first.url, first.source) == (
        "x1",
        "T",
        "2022-03-07",
        "u",
        "s",
    )
    assert first.origin == f"{path}:1"
    assert second.origin == f"{path}:3"
    assert second.date == "2022-03-08"
    assert second.meta == {"category": "politics"}
    assert second.doc_id == second.content_hash


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("{bad json", "E202"),
        ("[1, 2]", "E202"),
        ('{"id": "e", "text": ""}', "E203"),
        ('{"id": "e", "title": "no text"}', "E203"),
        ('{"text": 42}', "E203"),
        ('{"text": "\\u0000\\u0001\\u0002binary"}', "E204"),
    ],
)
def test_readers_bad_json_record_is_rejected(tmp_path: Path, line: str, code: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(line + "\n" + '{"text": "still read"}\n', encoding="utf-8")
    bad, good = read(path)
    assert isinstance(bad, Reject) and bad.code == code and bad.origin == f"{path}:1"
    assert isinstance(good, Document) and good.text == "still read"


def test_readers_json_array_streams_objects(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text('[\n {"id": "a", "text": "one"},\n {"id": "b",\n  "text": "two"}\n]\n')
    docs = read(path)
    assert [(d.doc_id, d.origin) for d in docs] == [("a", f"{path}:2"), ("b", f"{path}:3")]


def test_readers_json_array_truncated_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text('[{"id": "a", "text": "one"}, {"id": "b", "text": "tw')
    docs = read(path)
    assert isinstance(docs[0], Document)
    assert isinstance(docs[1], Reject) and docs[1].code == "E202"


def test_readers_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        'id,text,title,date\n1,"Multi\nline text",T,2022-01-02\n2,,x,\n3,a,b,c,extra\n4,fine,,\n',
        encoding="utf-8",
    )
    one, two, three, four = read(path, default_date="2020-01-01")
    assert isinstance(one, Document)
    assert (one.doc_id, one.text, one.date, one.origin) == (
        "1",
        "Multi\nline text",
        "2022-01-02",
        f"{path}:2",
    )
    assert isinstance(two, Reject) and (two.code, two.origin, two.doc_id) == (
        "E203",
        f"{path}:4",
        "2",
    )
    assert isinstance(three, Reject) and three.code == "E205"
    assert isinstance(four, Document) and four.date == "2020-01-01"


def test_readers_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("id,body\n1,hello\n")
    [reject] = read(path)
    assert isinstance(reject, Reject) and reject.code == "E205"


def test_readers_csv_html_column(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text('id,html\n1,"<html><body><p>Hi</p></body></html>"\n')
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.html and doc.text == ""


def test_readers_gzip_versions(tmp_path: Path) -> None:
    for name, body in (("a.jsonl.gz", '{"text": "zipped"}\n'), ("b.txt.gz", "zipped")):
        with gzip.open(tmp_path / name, "wt", encoding="utf-8") as fh:
            fh.write(body)
    docs = read(tmp_path)
    assert [d.text for d in docs] == ["zipped", "zipped"]


def test_readers_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    [reject] = read(path)
    assert isinstance(reject, Reject) and reject.code == "E201"


def test_readers_html_file_defers_extraction(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text("<html><body><p>Hello</p></body></html>")
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.text == "" and doc.html and "<p>Hello" in doc.html


def test_readers_directory_sorted_recursive_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "sub" / "a.txt").write_text("a")
    (tmp_path / "a.txt").write_text("first")
    (tmp_path / ".hidden.txt").write_text("hidden")
    assert [d.text for d in read(tmp_path)] == ["first", "b", "a"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("missing.txt", None, "E201"),
        ("empty.txt", b"   \n", "E203"),
        ("blob.txt", b"\x00\x01\x02\x03binary", "E204"),
        ("notes.docx", b"PK\x03\x04", "E206"),
        ("noext", b"text", "E206"),
    ],
)
def test_readers_bad_file_is_rejected(
    tmp_path: Path, name: str, content: bytes | None, code: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    good = tmp_path / "zz_good.txt"
    good.write_text("good")
    bad, ok = read(path, good)
    assert isinstance(bad, Reject) and bad.code == code and bad.origin == str(path)
    assert isinstance(ok, Document)


def test_readers_non_utf8_file_is_guessed(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    path.write_bytes("Caf\u00e9 talks \u201cresumed\u201d in Z\u00fcrich today.".encode("cp1252"))
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.text == "Caf\u00e9 talks \u201cresumed\u201d in Z\u00fcrich today."
    assert doc.meta["encoding"] == "cp1252"


def test_readers_non_utf8_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "w.jsonl"
    path.write_bytes(b'{"text": "fine"}\n' + '{"text": "Caf\u00e9 na\u00efve"}\n'.encode("cp1252"))
    first, second = read(path)
    assert isinstance(second, Document) and second.text == "Caf\u00e9 na\u00efve"
    assert second.meta["encoding"] == "cp1252" and "encoding" not in first.meta


def test_readers_stdin_json_lines() -> None:
    stdin = io.StringIO('\n  {"text": "one"}\n{bad\n{"text": "two"}\n')
    docs = list(iter_inputs(["-"], stdin=stdin))
    assert [type(d).__name__ for d in docs] == ["Document", "Reject", "Document"]
    assert docs[0].origin == "-:2" and docs[1].origin == "-:3"


def test_readers_stdin_plain_text() -> None:
    [doc] = list(
        iter_inputs(["-"], default_date="2021-01-01", stdin=io.StringIO("Plain article.\nMore."))
    )
    assert isinstance(doc, Document)
    assert (doc.text, doc.origin, doc.date) == ("Plain article.\nMore.", "-", "2021-01-01")


def test_readers_stdin_empty() -> None:
    [reject] = list(iter_inputs(["-"], stdin=io.StringIO("  \n")))
    assert isinstance(reject, Reject) and reject.code == "E203"


def test_readers_jsonl_streams_lazily(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w") as fh:
        for i in range(1000):
            fh.write(json.dumps({"id": str(i), "text": "x"}) + "\n")
    stream = iter_inputs([str(path)])
    assert next(stream).doc_id == "0"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("record", "date", "raw"),
    [
        ({"text": "t", "date": "2022-03-07"}, "2022-03-07", None),
        ({"text": "t", "date": "not a date"}, "2000-01-01", "not a date"),
        ({"text": "t"}, "2000-01-01", None),
    ],
)
def test_readers_record_date(record: dict[str, str], date: str, raw: str | None) -> None:
    doc = record_to_document(record, "o", default_date="2000-01-01")
    assert isinstance(doc, Document)
    assert doc.date == date and doc.meta.get("date_raw") == raw
