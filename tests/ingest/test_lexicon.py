"""Loading the cleaner's data files, and what a bad file says."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.datafiles import data_path
from detente.errors import DataFileError
from detente.ingest.lexicon import load_boilerplate_rules, load_junk_lexicon


def test_lexicon_packaged_files_load() -> None:
    rules = load_boilerplate_rules()
    lexicon = load_junk_lexicon()
    assert rules.lines and rules.inline
    assert "getty" in lexicon.image_agencies
    assert "on" in lexicon.headline_function_words  # YAML 1.1 booleans are quoted
    assert "YouTube" in lexicon.camelcase_words


def test_lexicon_bad_regex_names_file_line_field(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text(
        "lines:\n"
        "  - reason: advertisement\n"
        "    patterns:\n"
        "      - 'advert(isement'\n"
        "inline: []\n"
        "dateline: {agencies: [AP], months: [Jan]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as err:
        load_boilerplate_rules(path)
    assert err.value.code == "E150"
    assert (err.value.path, err.value.line, err.value.field) == (
        "boilerplate.yaml",
        4,
        "lines.0.patterns.0",
    )


def test_lexicon_bad_field_names_line(tmp_path: Path) -> None:
    path = tmp_path / "inline_junk.yaml"
    packaged = data_path("ingest", "inline_junk.yaml").read_text(encoding="utf-8")
    path.write_text(packaged.replace("image_roles:", "image_roles: 7\nx:", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_junk_lexicon(path)
    assert err.value.code == "E101"
    assert err.value.path == "inline_junk.yaml"
    assert err.value.line is not None and err.value.line > 1
