"""Read YAML keeping the file and line of every key and value.

PyYAML's safe composer gives a node tree with marks; we build plain data from it
ourselves so that duplicate keys are an error (PyYAML silently keeps the last) and every
mapping remembers where each of its keys stands. Aliases are followed with a budget,
which defuses "billion laughs" alias bombs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import UserError

try:  # the C composer is faster; both give the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000


@dataclass(frozen=True)
class Mark:
    file: str
    line: int    # 1-based
    column: int  # 1-based


class InputProblem(UserError):
    """One problem in the user's input, located in a file."""

    def __init__(self, file: str, line: int | None, field: str, message: str):
        self.file, self.line, self.field, self.message = file, line, field, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class LocDict(dict):
    """A mapping that remembers the marks of its keys and values."""
    mark: Mark
    key_marks: dict
    value_marks: dict


class LocList(list):
    mark: Mark
    item_marks: list


def _mark(file: str, m) -> Mark:
    return Mark(file, m.line + 1, m.column + 1)


def read_yaml(path: Path, display_name: str | None = None):
    """Parse a YAML file into LocDict/LocList/scalars. Raises InputProblem."""
    name = display_name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputProblem(name, None, "", "file not found") from None
    except OSError as exc:
        raise InputProblem(name, None, "", f"cannot be read: {exc.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputProblem(name, None, "", f"file is {len(raw) / 1e6:.1f} MB; at most "
                           f"{MAX_FILE_BYTES / 1e6:.0f} MB is allowed for a case file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputProblem(name, line, "", f"byte 0x{raw[exc.start]:02x} is not UTF-8 text; "
                           "save the file as UTF-8") from None
    return read_yaml_text(text, name)


def read_yaml_text(text: str, name: str = "<text>"):
    """Parse YAML text into LocDict/LocList/scalars. Raises InputProblem."""
    if len(text) > MAX_FILE_BYTES:
        raise InputProblem(name, None, "", f"text of {len(text) / 1e6:.1f} MB; at most "
                           f"{MAX_FILE_BYTES / 1e6:.0f} MB is allowed")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputProblem(name, 1, "", "the file is empty; a case needs at least "
                               "meta, economics and partners")
        return _Builder(loader, name).build(node)
    except yaml.MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        line = m.line + 1 if m else None
        raise InputProblem(name, line, "", f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise InputProblem(name, None, "", f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, loader, file: str):
        self.loader, self.file, self.count = loader, file, 0

    def build(self, node):
        self.count += 1
        if self.count > MAX_NODES:
            raise InputProblem(self.file, node.start_mark.line + 1, "",
                               f"more than {MAX_NODES:,} values (an alias bomb?); not read")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            out = LocList(self.build(item) for item in node.value)
            out.mark = _mark(self.file, node.start_mark)
            out.item_marks = [_mark(self.file, item.start_mark) for item in node.value]
            return out
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node):
        self.loader.flatten_mapping(node)  # resolves '<<' merge keys
        out = LocDict()
        out.mark = _mark(self.file, node.start_mark)
        out.key_marks, out.value_marks = {}, {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            km = _mark(self.file, key_node.start_mark)
            if not isinstance(key, str):
                raise InputProblem(self.file, km.line, str(key),
                                   "keys must be text (write the key as a word)")
            if key in out:
                first = out.key_marks[key].line
                raise InputProblem(self.file, km.line, key,
                                   f"duplicate key '{key}' (first given on line {first}); "
                                   "each key may appear once")
            out[key] = self.build(value_node)
            out.key_marks[key] = km
            out.value_marks[key] = _mark(self.file, value_node.start_mark)
        return out
