"""Event patterns load, cover every CAMEO root, and reject malformed entries loudly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detente.datafiles import data_path
from detente.errors import DataFileError
from detente.events.patterns import EventLexicon


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


def test_patterns_cover_every_root(lexicon: EventLexicon) -> None:
    roots = {p.code[:2] for p in lexicon.verb_patterns}
    roots |= {p.code[:2] for p in lexicon.noun_patterns}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_patterns_codes_exist_in_cameo_table(lexicon: EventLexicon) -> None:
    for pattern in lexicon.verb_patterns:
        assert pattern.code in lexicon.cameo, pattern.id


@pytest.mark.parametrize(
    ("code", "kind", "expected"),
    [
        ("073", "intent", "0333"),
        ("070", "intent", "033"),
        ("163", "threat", "1312"),
        ("163", "intent", "1312"),  # a conflictual act announced for the future is a threat
        ("040", "reject", "125"),
        ("0841", "appeal", "0253"),
        ("111", "reject", None),  # "refused to condemn": no CAMEO code, suppressed
        ("190", "threat", "1384"),
    ],
)
def test_patterns_transform(lexicon: EventLexicon, code: str, kind: str, expected: str | None
                            ) -> None:
    assert lexicon.transform(code, kind) == expected  # type: ignore[arg-type]


def test_patterns_more_specific_first(lexicon: EventLexicon) -> None:
    ids = [p.id for p in lexicon.verb_patterns_for("call")]
    assert ids.index("v.call_for_talks") < ids.index("v.call_actor")


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "events"
    shutil.copytree(data_path("events"), target)
    return target


@pytest.mark.parametrize(
    ("line", "message", "field"),
    [
        ('- {id: bad.code, verbs: [attack], code: "199"}\n', "E102 unknown CAMEO code '199'",
         "code"),
        ('- {id: bad.class, verbs: [attack], object: "@nope", code: "190"}\n',
         "E104 undefined noun class '@nope'", "object"),
        ('- {id: bad.field, verbs: [attack], code: "190", colour: red}\n', "E101", "colour"),
        ('- {id: bad.slot, verbs: [attack], code: "190", target: [sideways]}\n', "E103",
         "target"),
    ],
)
def test_patterns_bad_entry_names_file_line_field(tmp_path: Path, line: str, message: str,
                                                  field: str) -> None:
    base = _copy_data(tmp_path)
    verbs = base / "verbs.yaml"
    n_lines = verbs.read_text(encoding="utf-8").count("\n")
    verbs.write_text(verbs.read_text(encoding="utf-8") + line, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        EventLexicon.load(base)
    text = str(info.value)
    assert message in text
    assert f"verbs.yaml:{n_lines + 1}" in text
    assert f"(field '{field}')" in text


def test_patterns_bad_transform_code(tmp_path: Path) -> None:
    base = _copy_data(tmp_path)
    path = base / "transforms.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "073\t0999\t-\t-\t-\t-\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=r"E102 unknown CAMEO code '0999' in transforms.tsv"):
        EventLexicon.load(base)
