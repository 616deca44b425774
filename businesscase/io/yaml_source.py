"""Read YAML keeping the file and line of every key and value.

PyYAML's safe composer gives a node tree with marks; we build plain data from it
ourselves so that duplicate keys are an error (PyYAML silently keeps the last) and every
mapping remembers where each of its keys stands. Aliases are followed with a budget,
which defuses "billion laughs" alias bombs.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from businesscase.model import InputProblem, part

try:  # the C composer is faster; both give the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64  # mappings and lists inside each other; a case needs about 8


@dataclass(frozen=True)
class Mark:
    file: str
    line: int  # 1-based
    column: int  # 1-based


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


def read_bounded(path: str | os.PathLike, name: str | None = None) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; the one place files are read.

    A device, FIFO or socket is refused before it is opened (so that /dev/zero cannot fill
    memory and a FIFO cannot block), and the file is opened without following a last-moment
    symlink, checked again and read no further than one byte past the limit.
    """
    name = name or str(path)
    try:
        real = Path(path).resolve()
        before = os.stat(real)
    except FileNotFoundError:
        raise InputProblem(name, None, "", kind="file_not_found") from None
    except (OSError, RuntimeError, ValueError) as exc:  # a loop, a too-long name, a NUL
        raise InputProblem(name, None, "", kind="cannot_read", values=_reason(exc)) from None
    if not stat.S_ISREG(before.st_mode):
        raise InputProblem(
            name, None, "", kind="not_a_file", values={"what": _kind(before.st_mode)}
        )
    if before.st_size > MAX_FILE_BYTES:
        raise InputProblem(name, None, "", kind="file_too_big", values=_too_big(before.st_size))
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as exc:
        raise InputProblem(name, None, "", kind="cannot_read", values=_reason(exc)) from None
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (
            before.st_dev,
            before.st_ino,
        ):
            raise InputProblem(name, None, "", kind="file_replaced")
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputProblem(name, None, "", kind="cannot_read", values=_reason(exc)) from None
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:  # grew after the check
        raise InputProblem(name, None, "", kind="file_grew_too_big", values=_too_big(size))
    return b"".join(chunks)


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _kind(mode: int) -> dict:
    for test, kind in (
        (stat.S_ISDIR, "folder"),
        (stat.S_ISCHR, "character_device"),
        (stat.S_ISBLK, "block_device"),
        (stat.S_ISFIFO, "fifo"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return part(f"part_file_{kind}")
    return part("part_file_special")


def _reason(exc: Exception) -> dict:
    """The values of a file that cannot be read: the system's reason (in its own words)."""
    if isinstance(exc, OSError) and exc.strerror:
        return {"reason": exc.strerror.lower()}
    return {"reason": part("part_unusable_name" if isinstance(exc, ValueError) else "part_loop")}


def _too_big(size: int) -> dict:
    return {"mb": round(size / 1e6, 1), "limit": round(MAX_FILE_BYTES / 1e6)}


def read_yaml(path: Path, display_name: str | None = None):
    """Parse a YAML file into LocDict/LocList/scalars. Raises InputProblem."""
    name = display_name or str(path)
    return parse_yaml_bytes(read_bounded(path, name), name)


def parse_yaml_bytes(raw: bytes, name: str):
    """Parse the bytes of a YAML file (read or uploaded). Raises InputProblem."""
    if len(raw) > MAX_FILE_BYTES:
        raise InputProblem(name, None, "", kind="file_too_big", values=_too_big(len(raw)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = f"0x{raw[exc.start]:02x}"
        raise InputProblem(name, line, "", kind="not_utf8", values={"byte": byte}) from None
    return read_yaml_text(text, name)


def read_yaml_text(text: str, name: str = "<text>"):
    """Parse YAML text into LocDict/LocList/scalars. Raises InputProblem."""
    if len(text) > MAX_FILE_BYTES:
        raise InputProblem(name, None, "", kind="text_too_big", values=_too_big(len(text)))
    _check_characters(text, name)
    try:
        _check_events(text, name)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise InputProblem(name, 1, "", kind="empty_file")
            return _Builder(loader, name).build(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        line = m.line + 1 if m else None
        reason = {"reason": exc.problem or exc.context}
        raise InputProblem(name, line, "", kind="yaml_syntax", values=reason) from None
    except yaml.YAMLError as exc:
        raise InputProblem(
            name, None, "", kind="yaml_syntax", values={"reason": str(exc)}
        ) from None
    except RecursionError:  # a last line of defence; the depth checks should come first
        depth = {"depth": MAX_DEPTH}
        raise InputProblem(name, None, "", kind="nested_too_deep", values=depth) from None


# YAML 1.1 allows these characters only; PyYAML names a position, not a line.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _check_characters(text: str, name: str) -> None:
    bad = _NOT_YAML.search(text)
    if bad:
        code = ord(bad.group())
        what = part("part_nul_byte" if code == 0 else "part_control_character")
        line = text.count("\n", 0, bad.start()) + 1
        values = {"code": f"U+{code:04X}", "what": what}
        raise InputProblem(name, line, "", kind="bad_character", values=values)


def _check_events(text: str, name: str) -> None:
    """Refuse deep nesting and tags before composing: PyYAML's composers recurse once per
    level (the C one overflows the C stack and kills the process), and our builder would
    otherwise ignore a tag on a mapping or list."""
    loader, depth = _Loader(text), 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, _STARTS):
                depth += 1
                if depth > MAX_DEPTH:
                    deep = {"depth": MAX_DEPTH}
                    raise InputProblem(name, _line_of(event), "", kind="too_deep", values=deep)
            elif isinstance(event, _ENDS):
                depth -= 1
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in _ALLOWED_TAGS[type(event)]:
                values = {"tag": _short(tag)}
                raise InputProblem(name, _line_of(event), "", kind="yaml_tag", values=values)
    finally:
        loader.dispose()


def _line_of(event: yaml.Event | None) -> int | None:
    """The 1-based line an event starts on, where the parser marked it (it always does)."""
    mark = None if event is None else event.start_mark
    return None if mark is None else mark.line + 1


_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    yaml.ScalarEvent: {"!"}
    | {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")},
    yaml.SequenceStartEvent: {"!", _CORE + "seq"},
    yaml.MappingStartEvent: {"!", _CORE + "map"},
}


def _short(tag: str) -> str:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return repr(shown if len(shown) <= 60 else shown[:57] + "...")


class _Builder:
    """Build LocDict/LocList from the node tree. Depth is counted here too: aliases can
    stack anchored subtrees deeper than the text itself nests."""

    def __init__(self, loader, file: str):
        self.loader, self.file, self.count, self.depth = loader, file, 0, 0

    def build(self, node, line: int = 0):
        # An aliased node's marks point back to its anchor; `line` stays where the text is.
        line = max(line, node.start_mark.line)
        self.count += 1
        if self.count > MAX_NODES:
            values = {"n": MAX_NODES}
            raise InputProblem(self.file, line + 1, "", kind="alias_bomb", values=values)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            values = {"depth": MAX_DEPTH}
            raise InputProblem(self.file, line + 1, "", kind="too_deep_aliases", values=values)
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, line)
            out = LocList(self.build(item, line) for item in node.value)
            out.mark = _mark(self.file, node.start_mark)
            out.item_marks = [_mark(self.file, item.start_mark) for item in node.value]
            return out
        finally:
            self.depth -= 1

    def _scalar(self, node):
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError) as exc:  # a date like 2025-13-45, a 5000-digit number
            reason = str(exc).split(";")[0].split(": value has")[0]
            line = node.start_mark.line + 1
            values = {"reason": reason}
            raise InputProblem(
                self.file, line, "", kind="unreadable_value", values=values
            ) from None

    def _mapping(self, node, line: int):
        self.loader.flatten_mapping(node)  # resolves '<<' merge keys
        out = LocDict()
        out.mark = _mark(self.file, node.start_mark)
        out.key_marks, out.value_marks = {}, {}
        for key_node, value_node in node.value:
            km = _mark(self.file, key_node.start_mark)
            # A list or mapping as a key is not built at all: it could be an alias bomb.
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                shown = "" if key is None else _clip(str(key))
                raise InputProblem(self.file, km.line, shown, kind="key_not_text")
            if key in out:
                first = out.key_marks[key].line
                values = {"key": key, "first": first}
                raise InputProblem(self.file, km.line, key, kind="duplicate_key", values=values)
            out[key] = self.build(value_node, line)
            out.key_marks[key] = km
            out.value_marks[key] = _mark(self.file, value_node.start_mark)
        return out


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
