"""Where a case's ``include:`` may lead, and reading a case with its includes.

One policy for every way a case comes in:

* an uploaded case (the dashboard) has no folder on the server: its includes are named
  relative to the installed assumptions folder (``shared/partners.yaml``) and may not
  leave it; an absolute path is refused;
* a case file given by path (the CLI, the dashboard's case choice, a scenario import)
  may include files in its own folder tree and in the assumptions folder; anything else
  needs ``allow_outside`` (the CLI's ``--allow-include-outside``).

In both, a symlink counts where it leads, and only regular files are read (through
:func:`yaml_source.read_bounded`, with a size limit). A problem in a file outside those
folders is reported by file and line only: its content is not the user's to see.

Included files are read first, each at most once; the case's own mappings are merged on
top of them (the case wins) and the item lists (partners, costs, revenues, outcomes, wellbeing) are
appended.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from businesscase.model import InputProblem, nested, part

from .yaml_source import LocDict, LocList, parse_yaml_bytes, read_bounded

MAX_INCLUDE_DEPTH = 5
APPENDED_SECTIONS = ("partners", "costs", "revenues", "outcomes", "wellbeing")
OUTSIDE_FLAG = "--allow-include-outside"


@dataclass(frozen=True)
class IncludePolicy:
    shipped: Path  # the installed assumptions folder, resolved
    case_root: Path | None  # the case file's folder, resolved; None for an upload
    allow_outside: bool = False

    @classmethod
    def for_upload(cls, shipped: Path) -> IncludePolicy:
        return cls(Path(shipped).resolve(), None)

    @classmethod
    def for_case_file(cls, path: Path, shipped: Path, allow_outside: bool = False) -> IncludePolicy:
        return cls(Path(shipped).resolve(), Path(path).parent.resolve(), allow_outside)

    @property
    def upload(self) -> bool:
        return self.case_root is None

    def inside(self, resolved: Path) -> bool:
        roots = [self.shipped] + ([self.case_root] if self.case_root else [])
        return any(resolved.is_relative_to(r) for r in roots)

    def target(self, written: str, folder: Path, where: tuple[str, int | None]) -> Path:
        """The resolved file an include names, or an InputProblem at the include line."""

        def refuse(kind: str, **values):
            values = {"written": _quote(written), **values}
            return InputProblem(where[0], where[1], "include", kind=kind, values=values)

        if not written.strip() or any(ord(c) < 32 for c in written):
            raise refuse("include_not_a_name")
        if self.upload and (os.path.isabs(written) or written.startswith("~")):
            raise refuse("include_absolute", rule=self.upload_rule())
        try:
            resolved = (folder / written).resolve()
        except (OSError, RuntimeError, ValueError):
            raise refuse("include_unresolvable") from None
        if self.inside(resolved):
            return resolved
        if self.upload:
            raise refuse("include_outside_upload", rule=self.upload_rule())
        if not self.allow_outside:
            raise refuse("include_outside", flag=OUTSIDE_FLAG)
        return resolved

    def shown(self, resolved: Path, written: str, including_shown: str) -> str:
        """How messages name an included file: for an upload relative to the assumptions
        folder (never a server path), else as the user wrote it from the case's path."""
        if self.upload:
            return resolved.relative_to(self.shipped).as_posix()
        return str(Path(including_shown).parent / written)

    def upload_rule(self) -> dict:
        """What an uploaded case may include, as a piece of a problem's wording."""
        shared = sorted(
            p.relative_to(self.shipped).as_posix() for p in (self.shipped / "shared").glob("*.yaml")
        )
        return part("part_upload_rule", files=part("part_files", files=shared) if shared else "")


@dataclass
class IncludeReader:
    """Reads one case with its includes under a policy; remembers what it may not echo."""

    policy: IncludePolicy
    seen: set = field(default_factory=set)
    hidden: set = field(default_factory=set)  # shown names of files whose content is not echoed

    def read_top(self, raw: bytes, shown: str, folder: Path, resolved: Path | None = None):
        if resolved is not None:
            self.seen.add(resolved)
        return self._with_includes(parse_yaml_bytes(raw, shown), shown, folder, depth=0)

    def hide(self, problem: InputProblem) -> InputProblem:
        """The problem, or for a file the user may not see only where it is."""
        if problem.file in self.hidden and problem.kind != "hidden_problem":
            return InputProblem(problem.file, problem.line, "", kind="hidden_problem")
        return problem

    def _with_includes(self, data, shown: str, folder: Path, depth: int):
        if not isinstance(data, LocDict) or "include" not in data:
            return data
        includes = data.pop("include")
        inc_mark = data.key_marks.pop("include")
        data.value_marks.pop("include")
        if depth >= MAX_INCLUDE_DEPTH:
            depth_values = {"depth": MAX_INCLUDE_DEPTH}
            raise InputProblem(
                shown, inc_mark.line, "include", kind="include_too_deep", values=depth_values
            )
        lines = [inc_mark.line]
        if isinstance(includes, LocList):
            lines = [m.line for m in includes.item_marks]
        elif isinstance(includes, str):
            includes = [includes]
        if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
            raise InputProblem(shown, inc_mark.line, "include", kind="include_not_names")
        merged = None
        for written, line in zip(includes, lines):
            piece = self._include(written, folder, (shown, line), depth)
            if piece is None:
                continue
            if merged is not None:
                _check_siblings_agree(merged, piece)
            merged = piece if merged is None else _merge(merged, piece, top_level=True)
        return data if merged is None else _merge(merged, data, top_level=True)

    def _include(self, written: str, folder: Path, where: tuple[str, int], depth: int):
        target = self.policy.target(written, folder, where)
        if target in self.seen:
            return None  # shared by two included cases: read once
        self.seen.add(target)
        shown = self.policy.shown(target, written, where[0])
        try:
            raw = read_bounded(target, shown)
        except InputProblem as problem:  # not found, not a file, too big: fix the include
            extra: object = ""
            if self.policy.upload:
                extra = part("part_then_rule", rule=self.policy.upload_rule())
            elif problem.kind == "file_not_found" and shown != written:
                extra = part("part_looked_for", file=shown)
            why = nested(problem.kind, problem.values, problem.message)
            values = {"written": _clip(written), "why": why, "extra": extra}
            raise InputProblem(
                where[0], where[1], "include", kind="include_unreadable", values=values
            ) from None
        if not self.policy.inside(target):
            self.hidden.add(shown)
        try:
            piece = parse_yaml_bytes(raw, shown)
        except InputProblem as problem:
            hidden = self.hide(problem)
            values = {
                "problem": nested(hidden.kind, hidden.values, hidden.message),
                "file": where[0],
                "line": where[1],
            }
            raise InputProblem(
                hidden.file, hidden.line, hidden.field, kind="in_included", values=values
            ) from None
        piece = self._with_includes(piece, shown, target.parent, depth + 1)
        if not isinstance(piece, LocDict):
            values = {"file": where[0], "line": where[1]}
            raise InputProblem(shown, 1, "", kind="included_not_mapping", values=values)
        return piece


def _quote(written: str) -> str:
    return repr(_clip(written))


def _clip(written: str) -> str:
    return written if len(written) <= 80 else written[:77] + "..."


def drop_unused_groups(data) -> None:
    """An overlap group that no file gives members is not used by this case."""
    groups = data.get("overlap_groups") if isinstance(data, dict) else None
    if isinstance(groups, LocDict):
        for name in [n for n, g in groups.items() if isinstance(g, dict) and "members" not in g]:
            del groups[name]
            groups.key_marks.pop(name, None)
            groups.value_marks.pop(name, None)


def _check_siblings_agree(first: LocDict, second: LocDict) -> None:
    """Two included files may share a driver or overlap group only if they agree on it."""
    for section in ("drivers", "derived_drivers", "overlap_groups"):
        a, b = first.get(section), second.get(section)
        if not (isinstance(a, LocDict) and isinstance(b, LocDict)):
            continue
        for key in a.keys() & b.keys():
            if _disagree(a[key], b[key], section):
                there, here = a.key_marks[key], b.key_marks[key]
                values = {"file": there.file, "line": there.line}
                raise InputProblem(
                    here.file, here.line, f"{section}.{key}", kind="defined_twice", values=values
                )


def _disagree(a, b, section: str) -> bool:
    """Two definitions of one driver or group differ. An overlap group's members are
    each file's own, and a file that only adds members agrees with the one defining it."""
    a, b = _plain(a), _plain(b)
    if section == "overlap_groups" and isinstance(a, dict) and isinstance(b, dict):
        shared = (a.keys() & b.keys()) - {"members"}
        return any(a[k] != b[k] for k in shared)
    return a != b


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _merge(base: LocDict, top: LocDict, top_level: bool = False, path: tuple = ()) -> LocDict:
    out = LocDict(base)
    out.mark = top.mark
    out.key_marks = {**base.key_marks, **top.key_marks}
    out.value_marks = {**base.value_marks, **top.value_marks}
    for key, value in top.items():
        old = base.get(key)
        appended = (top_level and key in APPENDED_SECTIONS) or (
            len(path) == 2 and path[0] == "overlap_groups" and key == "members"
        )
        if isinstance(old, LocDict) and isinstance(value, LocDict):
            out[key] = _merge(old, value, path=path + (key,))
        elif appended and isinstance(old, LocList) and isinstance(value, LocList):
            joined = LocList(old + value)
            joined.mark = value.mark
            joined.item_marks = old.item_marks + value.item_marks
            out[key] = joined
        else:
            out[key] = value
    return out
