"""Read packaged and user data files, keeping line numbers for error messages."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from detente.errors import DataFileError

__all__ = ["data_path", "yaml_items", "yaml_mapping", "validate_row", "Located"]

Located = tuple[int, Any]
M = TypeVar("M", bound=BaseModel)


def data_path(*parts: str) -> Path:
    """Path of a file shipped in ``detente/data``."""
    return Path(str(resources.files("detente").joinpath("data", *parts)))


def _load_node(path: Path) -> yaml.Node | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(
            "E100", f"cannot read data file: {exc.strerror}", path=path.name
        ) from exc
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise DataFileError(
            "E100", f"malformed YAML: {getattr(exc, 'problem', exc)}",
            path=path.name, line=None if line is None else line + 1,
        ) from exc


def _construct(node: yaml.Node) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def yaml_items(path: Path) -> Iterator[Located]:
    """Yield ``(line, item)`` for each item of a top-level YAML list."""
    node = _load_node(path)
    if node is None:
        return
    if not isinstance(node, yaml.SequenceNode):
        raise DataFileError("E100", "expected a list at the top level", path=path.name, line=1)
    for child in node.value:
        yield child.start_mark.line + 1, _construct(child)


def yaml_mapping(path: Path) -> dict[str, Located]:
    """Return ``{key: (line, value)}`` for a top-level YAML mapping."""
    node = _load_node(path)
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError("E100", "expected a mapping at the top level", path=path.name, line=1)
    out: dict[str, Located] = {}
    for key_node, value_node in node.value:
        out[str(key_node.value)] = (key_node.start_mark.line + 1, _construct(value_node))
    return out


def validate_row(model: type[M], raw: Any, path: Path, line: int) -> M:
    """Validate one row with a pydantic model; errors name file, line and field."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or None
        raise DataFileError("E101", err["msg"], path=path.name, line=line, field=field) from exc
