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

from businesscase.model import InputProblem

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
        raise InputProblem(name, None, "", "file not found") from None
    except (OSError, RuntimeError, ValueError) as exc:  # a loop, a too-long name, a NUL
        raise InputProblem(name, None, "", f"cannot be read: {_reason(exc)}") from None
    if not stat.S_ISREG(before.st_mode):
        raise InputProblem(
            name,
            None,
            "",
            f"is {_kind(before.st_mode)}, not a regular file; only a YAML file can be read",
        )
    if before.st_size > MAX_FILE_BYTES:
        raise InputProblem(name, None, "", _too_big(before.st_size))
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as exc:
        raise InputProblem(name, None, "", f"cannot be read: {_reason(exc)}") from None
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (
            before.st_dev,
            before.st_ino,
        ):
            raise InputProblem(name, None, "", "was replaced while being read; try again")
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputProblem(name, None, "", f"cannot be read: {_reason(exc)}") from None
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:  # grew after the check
        raise InputProblem(name, None, "", _too_big(size, more=True))
    return b"".join(chunks)


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "a special file"


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return "not a usable file name" if isinstance(exc, ValueError) else "a symlink loop"


def _too_big(size: int, more: bool = False) -> str:
    return (
        f"file is {'more than ' if more else ''}{size / 1e6:.1f} MB; at most "
        f"{MAX_FILE_BYTES / 1e6:.0f} MB is allowed for a case file"
    )


def read_yaml(path: Path, display_name: str | None = None):
    """Parse a YAML file into LocDict/LocList/scalars. Raises InputProblem."""
    name = display_name or str(path)
    return parse_yaml_bytes(read_bounded(path, name), name)


def parse_yaml_bytes(raw: bytes, name: str):
    """Parse the bytes of a YAML file (read or uploaded). Raises InputProblem."""
    if len(raw) > MAX_FILE_BYTES:
        raise InputProblem(name, None, "", _too_big(len(raw)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputProblem(
            name, line, "", f"byte 0x{raw[exc.start]:02x} is not UTF-8 text; save the file as UTF-8"
        ) from None
    return read_yaml_text(text, name)


def read_yaml_text(text: str, name: str = "<text>"):
    """Parse YAML text into LocDict/LocList/scalars. Raises InputProblem."""
    if len(text) > MAX_FILE_BYTES:
        raise InputProblem(
            name,
            None,
            "",
            f"text of {len(text) / 1e6:.1f} MB; at most {MAX_FILE_BYTES / 1e6:.0f} MB is allowed",
        )
    _check_characters(text, name)
    try:
        _check_events(text, name)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise InputProblem(
                    name,
                    1,
                    "",
                    "the file is empty; a case needs at least meta, economics and partners",
                )
            return _Builder(loader, name).build(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        line = m.line + 1 if m else None
        raise InputProblem(
            name, line, "", f"not valid YAML: {exc.problem or exc.context}"
        ) from None
    except yaml.YAMLError as exc:
        raise InputProblem(name, None, "", f"not valid YAML: {exc}") from None
    except RecursionError:  # a last line of defence; the depth checks should come first
        raise InputProblem(name, None, "", f"nested deeper than {MAX_DEPTH} levels") from None


# YAML 1.1 allows these characters only; PyYAML names a position, not a line.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _check_characters(text: str, name: str) -> None:
    bad = _NOT_YAML.search(text)
    if bad:
        code = ord(bad.group())
        what = "a NUL byte" if code == 0 else "a control character"
        raise InputProblem(
            name,
            text.count("\n", 0, bad.start()) + 1,
            "",
            f"character U+{code:04X} ({what}) is not allowed in a YAML file; "
            "remove it or save the file as plain UTF-8 text",
        )


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
                    raise InputProblem(
                        name,
                        _line_of(event),
                        "",
                        f"nested deeper than {MAX_DEPTH} levels; a case file needs only a few",
                    )
            elif isinstance(event, _ENDS):
                depth -= 1
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in _ALLOWED_TAGS[type(event)]:
                raise InputProblem(
                    name,
                    _line_of(event),
                    "",
                    f"the YAML tag {_short(tag)} is not allowed; a case file "
                    "holds plain text, numbers, dates, lists and mappings "
                    "(remove the tag)",
                )
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
            raise InputProblem(
                self.file,
                line + 1,
                "",
                f"more than {MAX_NODES:,} values (an alias bomb?); not read",
            )
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise InputProblem(
                self.file,
                line + 1,
                "",
                f"nested deeper than {MAX_DEPTH} levels (through aliases); "
                "a case file needs only a few",
            )
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
            raise InputProblem(
                self.file,
                node.start_mark.line + 1,
                "",
                f"this value cannot be read ({reason}); put it in quotes if it is text",
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
                raise InputProblem(
                    self.file, km.line, shown, "keys must be text (write the key as a word)"
                )
            if key in out:
                first = out.key_marks[key].line
                raise InputProblem(
                    self.file,
                    km.line,
                    key,
                    f"duplicate key '{key}' (first given on line {first}); "
                    "each key may appear once",
                )
            out[key] = self.build(value_node, line)
            out.key_marks[key] = km
            out.value_marks[key] = _mark(self.file, value_node.start_mark)
        return out


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
