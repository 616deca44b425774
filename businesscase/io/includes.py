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

from businesscase.model import InputProblem

from .yaml_source import LocDict, LocList, parse_yaml_bytes, read_bounded

MAX_INCLUDE_DEPTH = 5
APPENDED_SECTIONS = ("partners", "costs", "revenues", "outcomes", "wellbeing")
OUTSIDE_FLAG = "--allow-include-outside"
UNUSABLE = "not a valid case file"
HIDDEN = (
    "its content is not shown: the file lies outside the case's folder and the assumptions folder"
)


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

        def refuse(why: str):
            return InputProblem(where[0], where[1], "include", f"{_quote(written)} {why}")

        if not written.strip() or any(ord(c) < 32 for c in written):
            raise refuse("is not a file name")
        if self.upload and (os.path.isabs(written) or written.startswith("~")):
            raise refuse("is an absolute path; " + self.upload_rule())
        try:
            resolved = (folder / written).resolve()
        except (OSError, RuntimeError, ValueError):
            raise refuse("cannot be resolved (a symlink loop?)") from None
        if self.inside(resolved):
            return resolved
        if self.upload:
            raise refuse("leads outside the assumptions folder; " + self.upload_rule())
        if not self.allow_outside:
            raise refuse(
                f"leads outside the case's folder and the assumptions folder; "
                f"include files from those folders, or run with {OUTSIDE_FLAG} "
                "to include it anyway"
            )
        return resolved

    def shown(self, resolved: Path, written: str, including_shown: str) -> str:
        """How messages name an included file: for an upload relative to the assumptions
        folder (never a server path), else as the user wrote it from the case's path."""
        if self.upload:
            return resolved.relative_to(self.shipped).as_posix()
        return str(Path(including_shown).parent / written)

    def upload_rule(self) -> str:
        shared = sorted(
            p.relative_to(self.shipped).as_posix() for p in (self.shipped / "shared").glob("*.yaml")
        )
        return "an uploaded case may include only the shared files that come with the tool" + (
            f": {', '.join(shared)}" if shared else ""
        )


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
        if problem.file in self.hidden and not problem.message.startswith(UNUSABLE):
            return InputProblem(problem.file, problem.line, "", f"{UNUSABLE} ({HIDDEN})")
        return problem

    def _with_includes(self, data, shown: str, folder: Path, depth: int):
        if not isinstance(data, LocDict) or "include" not in data:
            return data
        includes = data.pop("include")
        inc_mark = data.key_marks.pop("include")
        data.value_marks.pop("include")
        if depth >= MAX_INCLUDE_DEPTH:
            raise InputProblem(
                shown,
                inc_mark.line,
                "include",
                f"includes nested deeper than {MAX_INCLUDE_DEPTH}: a cycle?",
            )
        lines = [inc_mark.line]
        if isinstance(includes, LocList):
            lines = [m.line for m in includes.item_marks]
        elif isinstance(includes, str):
            includes = [includes]
        if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
            raise InputProblem(
                shown, inc_mark.line, "include", "must be a file name or a list of file names"
            )
        merged = None
        for written, line in zip(includes, lines):
            part = self._include(written, folder, (shown, line), depth)
            if part is None:
                continue
            if merged is not None:
                _check_siblings_agree(merged, part)
            merged = part if merged is None else _merge(merged, part, top_level=True)
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
            why = problem.message
            if self.policy.upload:
                why += f"; {self.policy.upload_rule()}"
            elif why == "file not found" and shown != written:
                why += f" (looked for {shown})"
            raise InputProblem(where[0], where[1], "include", f"{_clip(written)}: {why}") from None
        if not self.policy.inside(target):
            self.hidden.add(shown)
        try:
            part = parse_yaml_bytes(raw, shown)
        except InputProblem as problem:
            hidden = self.hide(problem)
            raise InputProblem(
                hidden.file,
                hidden.line,
                hidden.field,
                f"{hidden.message} (included from {where[0]} line {where[1]})",
            ) from None
        part = self._with_includes(part, shown, target.parent, depth + 1)
        if not isinstance(part, LocDict):
            raise InputProblem(
                shown,
                1,
                "",
                f"an included file must be a mapping (included from {where[0]} line {where[1]})",
            )
        return part


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
                raise InputProblem(
                    here.file,
                    here.line,
                    f"{section}.{key}",
                    f"also defined, differently, in {there.file} line {there.line}; "
                    "give one of them another name or define it once in a shared file",
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
