"""Typed exceptions with coded messages.

Codes are grouped by area:

* ``E1xx`` data files shipped with detente or given by a user (dictionaries, patterns, tables;
  ``E150`` a bad regular expression in a data file)
* ``E2xx`` input documents (files, records, encodings; ``E299`` an unexpected failure while
  preparing one document, ``E298`` while coding one; both recorded as rejects, and a
  document that failed to code is still stored with its text)
* ``E3xx`` storage and export
* ``E4xx`` evaluation and gold files
* ``E5xx`` configuration and command-line usage

The library never prints and never exits; the CLI and the HTTP API turn these into messages.
"""

from __future__ import annotations

__all__ = [
    "DetenteError",
    "DataFileError",
    "InputError",
    "StoreError",
    "EvaluationError",
    "ConfigError",
]


class DetenteError(Exception):
    """Base class: every error carries a stable code such as ``E102``."""

    code: str = "E000"

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"{code} {message}")


class DataFileError(DetenteError):
    """A shipped or user-supplied data file is malformed (E1xx).

    The message names the file, the line and the field, e.g.
    ``E102 unknown CAMEO code '199' in patterns.yaml:41 (field 'code')``.
    """

    def __init__(
        self,
        code: str,
        message: str,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        where = ""
        if path is not None:
            where = f" in {path}" + (f":{line}" if line is not None else "")
        if field is not None:
            where += f" (field '{field}')"
        super().__init__(code, message + where)


class InputError(DetenteError):
    """An input document or file cannot be read (E2xx)."""


class StoreError(DetenteError):
    """The store or an export failed (E3xx)."""


class EvaluationError(DetenteError):
    """A gold file is malformed or evaluation cannot run (E4xx)."""


class ConfigError(DetenteError):
    """Bad options or configuration (E5xx)."""
