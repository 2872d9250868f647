"""Read input files into :class:`~detente.records.Document` records, streaming.

Formats, chosen by extension (a ``.gz`` on top of any of them is read through gzip):

* ``.txt`` / ``.text``: one article per file;
* ``.html`` / ``.htm``: one web page per file (text is extracted later, by the Preparer);
* ``.jsonl`` / ``.ndjson`` / ``.json``: one JSON object per line, or a ``.json`` file
  holding one JSON array of objects;
* ``.csv``: a header row, then one article per row.

Records have ``text`` (or ``html``) and optionally ``id``, ``title``, ``date``, ``url``,
``source``; other fields go to ``Document.meta``. Directories are read recursively in
sorted order (hidden files are skipped) and ``-`` reads standard input.

A bad file or record becomes a :class:`~detente.records.Reject` and reading goes on:
E201 unreadable file, E202 bad JSON, E203 missing or empty text, E204 binary data,
E205 bad CSV row, E206 unknown extension.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO, cast

from detente.ingest.dates import normalize_date
from detente.ingest.textio import decode_bytes, looks_binary, looks_binary_text
from detente.records import Document, Reject, content_hash

__all__ = ["FORMATS", "iter_inputs", "record_to_document"]

Item = Document | Reject

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
}
_KNOWN_FIELDS = ("id", "text", "html", "title", "date", "url", "source")
_SAMPLE_BYTES = 256 * 1024
_MAX_RECORD_CHARS = 64 * 1024 * 1024


def iter_inputs(
    paths: Sequence[str], default_date: str | None = None, stdin: TextIO | None = None
) -> Iterator[Item]:
    """Yield a Document or a Reject for every article in ``paths``, in order.

    ``default_date`` is used when a record has no date of its own (documents may still
    have ``date=None``: the caller decides whether to warn).
    """
    for name in paths:
        if name == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, default_date)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                    yield from _read_file(child, default_date)
        else:
            yield from _read_file(path, default_date)


def _format_of(path: Path) -> tuple[str | None, bool]:
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    ext = (
        suffixes[-2] if gz and len(suffixes) > 1 else (suffixes[-1] if suffixes and not gz else "")
    )
    return FORMATS.get(ext), gz


def _open(path: Path, gz: bool) -> IO[bytes]:
    if gz:
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _unreadable(origin: str, exc: BaseException) -> Reject:
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return Reject(origin, f"cannot read file: {detail}", "E201")


def _read_file(path: Path, default_date: str | None) -> Iterator[Item]:
    origin = str(path)
    fmt, gz = _format_of(path)
    if fmt is None:
        yield Reject(origin, f"unknown file type {''.join(path.suffixes) or '(none)'!r}", "E206")
        return
    try:
        with _open(path, gz) as fh:
            if fmt in ("text", "html"):
                yield _whole_file(fh.read(), origin, fmt, default_date)
            elif fmt == "csv":
                yield from _read_csv(fh, path, gz, origin, default_date)
            else:
                yield from _read_json(fh, path, gz, origin, default_date, array_ok=fmt == "json")
    except (OSError, EOFError, zlib.error) as exc:
        yield _unreadable(origin, exc)


def _whole_file(data: bytes, origin: str, fmt: str, default_date: str | None) -> Item:
    if looks_binary(data):
        return Reject(origin, "file looks binary, not text", "E204")
    text, encoding = decode_bytes(data)
    if not text.strip():
        return Reject(origin, "file is empty", "E203")
    meta: dict[str, Any] = {} if encoding == "utf-8" else {"encoding": encoding}
    if fmt == "html":
        return Document(
            content_hash(text), "", date=default_date, origin=origin, html=text, meta=meta
        )
    return Document(content_hash(text), text, date=default_date, origin=origin, meta=meta)


class _LineDecoder:
    """Decodes lines as UTF-8, falling back to one guess for the whole file."""

    def __init__(self, path: Path | None, gz: bool) -> None:
        self.path = path
        self.gz = gz
        self.fallback: str | None = None

    def __call__(self, raw: bytes) -> tuple[str, str]:
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        if self.fallback is None:
            self.fallback = self._guess(raw)
        return raw.decode(self.fallback, errors="replace"), self.fallback

    def _guess(self, raw: bytes) -> str:
        sample = raw
        if self.path is not None:
            try:
                with _open(self.path, self.gz) as fh:
                    sample = fh.read(_SAMPLE_BYTES)
            except (OSError, EOFError, zlib.error):
                pass
        _, encoding = decode_bytes(sample)
        return "cp1252" if encoding == "utf-8" else encoding


def _read_json(
    fh: IO[bytes],
    path: Path | None,
    gz: bool,
    origin: str,
    default_date: str | None,
    *,
    array_ok: bool,
) -> Iterator[Item]:
    decode = _LineDecoder(path, gz)
    lines = iter(fh)
    first = True
    for lineno, raw in enumerate(lines, 1):
        text, encoding = decode(raw)
        stripped = text.strip()
        if not stripped:
            continue
        if first and array_ok and stripped.startswith("["):
            yield from _read_json_array(text, lines, decode, origin, lineno, default_date)
            return
        first = False
        yield _json_line(stripped, f"{origin}:{lineno}", encoding, default_date)


def _json_line(text: str, origin: str, encoding: str, default_date: str | None) -> Item:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Reject(origin, f"bad JSON: {exc.msg} at column {exc.colno}", "E202")
    return _object(obj, origin, encoding, default_date)


def _object(obj: Any, origin: str, encoding: str, default_date: str | None) -> Item:
    if not isinstance(obj, dict):
        return Reject(origin, f"expected a JSON object, got {type(obj).__name__}", "E202")
    return record_to_document(obj, origin, default_date, encoding=encoding)


def _read_json_array(
    first: str,
    lines: Iterator[bytes],
    decode: _LineDecoder,
    origin: str,
    lineno: int,
    default_date: str | None,
) -> Iterator[Item]:
    """Stream the objects of a JSON array, reading more lines only as an object needs."""
    decoder = json.JSONDecoder()
    buf = first[first.index("[") + 1 :]
    line_at = lineno  # the line buf[0] is on
    while True:
        rest = buf.lstrip(" \t\r\n,")
        line_at += buf.count("\n", 0, len(buf) - len(rest))
        buf = rest
        if buf.startswith("]"):
            return
        try:
            if not buf:
                raise json.JSONDecodeError("unterminated array", buf, 0)
            obj, end = decoder.raw_decode(buf)
        except json.JSONDecodeError as exc:
            added = _more_json(lines, decode)
            if added is None or len(buf) > _MAX_RECORD_CHARS:
                at = line_at + buf.count("\n", 0, exc.pos)
                yield Reject(f"{origin}:{at}", f"bad JSON: {exc.msg}", "E202")
                return
            buf += added
            continue
        yield _object(obj, f"{origin}:{line_at}", decode.fallback or "utf-8", default_date)
        line_at += buf.count("\n", 0, end)
        buf = buf[end:]


def _more_json(lines: Iterator[bytes], decode: _LineDecoder) -> str | None:
    """Lines up to one that may close an object (no point in decoding before that)."""
    parts: list[str] = []
    for raw in lines:
        text = decode(raw)[0]
        parts.append(text)
        if "}" in text or "]" in text:
            break
    return "".join(parts) if parts else None


def _decoded_lines(fh: IO[bytes], decode: _LineDecoder, used: list[str]) -> Iterator[str]:
    for raw in fh:
        text, encoding = decode(raw)
        if encoding != "utf-8" and encoding not in used:
            used.append(encoding)
        yield text


def _read_csv(
    fh: IO[bytes], path: Path | None, gz: bool, origin: str, default_date: str | None
) -> Iterator[Item]:
    used: list[str] = []
    # Articles can be long: allow fields up to 64 MB (the csv default of 128 KB would reject
    # them; huge texts are chunked later by the preparer).
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))
    reader = csv.DictReader(_decoded_lines(fh, _LineDecoder(path, gz), used))
    try:
        fields = reader.fieldnames
    except csv.Error as exc:
        yield Reject(f"{origin}:1", f"bad CSV header: {exc}", "E205")
        return
    if not fields:
        yield Reject(origin, "file is empty", "E203")
        return
    if "text" not in fields and "html" not in fields:
        yield Reject(f"{origin}:1", "CSV header has no 'text' or 'html' column", "E205")
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Reject(f"{origin}:{start}", f"bad CSV row: {exc}", "E205")
            start = reader.line_num + 1
            continue
        where = f"{origin}:{start}"
        start = reader.line_num + 1
        if None in row:
            yield Reject(
                where,
                f"row has {len(fields) + len(row[None])} fields, header has {len(fields)}",
                "E205",
            )
            continue
        encoding = used[-1] if used else "utf-8"
        yield record_to_document(row, where, default_date, encoding=encoding)


def _read_stdin(stream: TextIO, default_date: str | None) -> Iterator[Item]:
    try:
        head: list[str] = []
        for line in stream:
            head.append(line)
            if line.strip():
                break
        first = "".join(head).lstrip()
        if first.startswith("{"):
            yield from _stdin_json(head, stream, default_date)
            return
        text = "".join(head) + stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        yield _unreadable("-", exc)
        return
    if looks_binary_text(text):
        yield Reject("-", "standard input looks binary, not text", "E204")
    elif not text.strip():
        yield Reject("-", "standard input is empty", "E203")
    else:
        yield Document(content_hash(text), text, date=default_date, origin="-")


def _stdin_json(head: list[str], stream: Iterable[str], default_date: str | None) -> Iterator[Item]:
    lineno = 0
    for chunk in (head, stream):
        for line in chunk:
            lineno += 1
            if line.strip():
                yield _json_line(line, f"-:{lineno}", "utf-8", default_date)


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def record_to_document(
    record: dict[str, Any], origin: str, default_date: str | None = None, *, encoding: str = "utf-8"
) -> Item:
    """Turn one JSON or CSV record into a Document (or a Reject saying what is wrong)."""
    text = record.get("text")
    html = record.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return Reject(
                origin, f"field {name!r} is not a string", "E203", _optional_str(record.get("id"))
            )
    doc_id = _optional_str(record.get("id"))
    if not (text and text.strip()) and not (html and html.strip()):
        return Reject(origin, "missing or empty 'text'", "E203", doc_id)
    if text and looks_binary_text(text):
        return Reject(origin, "'text' looks binary, not text", "E204", doc_id)
    meta: dict[str, Any] = {k: v for k, v in record.items() if k not in _KNOWN_FIELDS and k}
    if encoding != "utf-8":
        meta["encoding"] = encoding
    raw_date = _optional_str(record.get("date"))
    date = normalize_date(raw_date) if raw_date else None
    if raw_date and date is None:
        meta["date_raw"] = raw_date
    return Document(
        doc_id=doc_id or content_hash(text or html or ""),
        text=text or "",
        title=_optional_str(record.get("title")),
        date=date or default_date,
        url=_optional_str(record.get("url")),
        source=_optional_str(record.get("source")),
        origin=origin,
        html=html if isinstance(html, str) and html.strip() else None,
        meta=meta,
    )
