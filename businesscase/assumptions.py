"""Load and validate a case from YAML; every error names file, line and field.

A case file may ``include`` shared files (partners, economics) or whole other cases (a
combined case includes the cases of its formulas), given relative to it. Included files
are read first, each at most once; the case's own mappings are merged on top of them
(the case wins) and the item lists (partners, costs, revenues, outcomes) are appended.
An overlap group may be defined (label, alpha) in a shared file and get its ``members``
from the formula files that use it: members are appended; a group that no file gives
members is not used by this case and is left out.
"""

from __future__ import annotations

import enum
import os
import types
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .errors import UserError
from .schema import Case, CaseReferenceError, Parameter
from .yaml_source import InputProblem, LocDict, LocList, read_yaml

__all__ = ["LoadError", "load_case", "default_case_path", "assumptions_dir", "case_from_data"]

MAX_INCLUDE_DEPTH = 5
APPENDED_SECTIONS = ("partners", "costs", "revenues", "outcomes")


class LoadError(UserError):
    """A case that cannot be loaded: one or more located problems."""

    def __init__(self, problems: list[InputProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def assumptions_dir() -> Path:
    env = os.environ.get("BUSINESSCASE_ASSUMPTIONS")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "assumptions"


def default_case_path() -> Path:
    return assumptions_dir() / "meeting_space.yaml"


def load_case(path: str | os.PathLike) -> Case:
    """Read, merge and validate a case file (YAML, or an exported Excel workbook).

    Raises :class:`LoadError`."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .export.excel import case_from_workbook  # only when a workbook is read
        return case_from_workbook(path)
    try:
        data = _read_with_includes(path, str(path), depth=0, seen=set())
    except InputProblem as problem:
        raise LoadError([problem]) from None
    _drop_unused_groups(data)
    return case_from_data(data, str(path))


def _drop_unused_groups(data) -> None:
    groups = data.get("overlap_groups") if isinstance(data, dict) else None
    if isinstance(groups, LocDict):
        for name in [n for n, g in groups.items() if isinstance(g, dict) and "members" not in g]:
            del groups[name]
            groups.key_marks.pop(name, None)
            groups.value_marks.pop(name, None)


def case_from_data(data, file: str = "<case>") -> Case:
    """Validate parsed data (LocDict from YAML or a plain dict). Raises :class:`LoadError`."""
    if not isinstance(data, dict):
        raise LoadError([InputProblem(file, 1, "", "a case file must be a mapping with "
                                      "meta, economics, partners, drivers, costs, outcomes")])
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise LoadError(_problems(exc, data, file)) from None


# -- includes --------------------------------------------------------------------------

def _read_with_includes(path: Path, shown: str, depth: int, seen: set):
    """Read a file and, before it, the files it includes; a file already read is skipped."""
    seen.add(path.resolve())
    data = read_yaml(path, shown)
    if not isinstance(data, LocDict) or "include" not in data:
        return data
    includes = data.pop("include")
    inc_mark = data.key_marks.pop("include")
    data.value_marks.pop("include")
    if depth >= MAX_INCLUDE_DEPTH:
        raise InputProblem(shown, inc_mark.line, "include",
                           f"includes nested deeper than {MAX_INCLUDE_DEPTH}: a cycle?")
    if isinstance(includes, str):
        includes = [includes]
    if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
        raise InputProblem(shown, inc_mark.line, "include",
                           "must be a file name or a list of file names")
    merged = None
    for rel in includes:
        target = path.parent / rel
        if target.resolve() in seen:
            continue  # shared by two included cases: read once
        part = _read_with_includes(target, str(Path(shown).parent / rel), depth + 1, seen)
        if not isinstance(part, LocDict):
            raise InputProblem(str(target), 1, "", "an included file must be a mapping")
        if merged is not None:
            _check_siblings_agree(merged, part)
        merged = part if merged is None else _merge(merged, part, top_level=True)
    return data if merged is None else _merge(merged, data, top_level=True)


def _check_siblings_agree(first: LocDict, second: LocDict) -> None:
    """Two included files may share a driver or overlap group only if they agree on it."""
    for section in ("drivers", "derived_drivers", "overlap_groups"):
        a, b = first.get(section), second.get(section)
        if not (isinstance(a, LocDict) and isinstance(b, LocDict)):
            continue
        for key in a.keys() & b.keys():
            if _disagree(a[key], b[key], section):
                there, here = a.key_marks[key], b.key_marks[key]
                raise InputProblem(here.file, here.line, f"{section}.{key}",
                                   f"also defined, differently, in {there.file} line {there.line}; "
                                   "give one of them another name or define it once in a shared file")


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
        appended = (top_level and key in APPENDED_SECTIONS) or \
            (len(path) == 2 and path[0] == "overlap_groups" and key == "members")
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


# -- translating validation errors -----------------------------------------------------

def _problems(exc: ValidationError, data, file: str) -> list[InputProblem]:
    problems = []
    for err in exc.errors():
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, CaseReferenceError):
            for loc, msg in cause.problems:
                problems.append(_locate(data, tuple(loc), file, msg))
            continue
        problems.append(_locate(data, tuple(err["loc"]), file, _message(err, data)))
    return problems


def _message(err: dict, data) -> str:
    kind, loc = err["type"], tuple(err["loc"])
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc[:-1])
        hint = RENAMED.get(loc[-1], "") if len(loc) == 2 and loc[0] == "economics" else ""
        return f"unknown field '{loc[-1]}'" + (f": allowed are {', '.join(allowed)}" if allowed else "") + hint
    if kind == "missing":
        choices = _choices(_field_type(loc))
        return f"required field '{loc[-1]}' is missing" + (f": write one of {choices}" if choices else "")
    model = _model_at(loc)
    if kind in {"model_type", "model_attributes_type", "dict_type"} and _is_parameter(model):
        return (f"got {err['input']!r}; a parameter is a mapping with value, unit, year, "
                "source (or estimate: true and reasoning), low, high and confidence")
    msg = err["msg"]
    if kind.startswith(("float_", "int_", "string_", "bool_", "list_", "enum", "literal")):
        msg = f"{msg} (got {err['input']!r})"
    return msg.replace("Value error, ", "")


RENAMED = {
    "indexation": (". Since December 2026 indexation is a real change on top of inflation, "
                   "so that inflation alone never moves a real figure: rename it to "
                   "real_indexation and subtract inflation from each rate (wages 0.03 with "
                   "inflation 0.02 becomes 0.01)"),
}


def _field_type(loc: tuple):
    parent = _model_at(loc[:-1])
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        field = next((f for n, f in parent.model_fields.items() if (f.alias or n) == loc[-1]), None)
        return _unwrap(field.annotation) if field is not None else None
    return None


def _choices(tp) -> str:
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return ", ".join(str(m.value) for m in tp)
    return ""


def _locate(data, loc: tuple, file: str, message: str) -> InputProblem:
    """Walk the data along loc; report the deepest line found and a readable field path.

    List items are named by their id where they have one: ``outcomes[less_loneliness]``.
    """
    node, line, names = data, getattr(data, "mark", None), []
    for i, step in enumerate(loc):
        if isinstance(node, dict) and step in node:
            child, last = node[step], i == len(loc) - 1
            if isinstance(node, LocDict):
                unknown_key = last and message.startswith("unknown field")
                # A field missing below a mapping is reported on the line of that key.
                missing_below = not last and isinstance(child, LocDict) and loc[i + 1] not in child
                line = node.key_marks[step] if unknown_key or missing_below else node.value_marks[step]
            names.append(str(step))
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            child = node[step]
            if isinstance(node, LocList):
                line = node.item_marks[step]
            ident = child.get("id") if isinstance(child, dict) else None
            names[-1:] = [f"{names[-1] if names else ''}[{ident if ident else step}]"]
        else:
            names.append(str(step))
            break
        node = child
    if line is not None:
        return InputProblem(line.file, line.line, ".".join(names), message)
    return InputProblem(file, None, ".".join(names), message)


def _unwrap(tp):
    """Strip Optional/Annotated/list/dict to the model class they hold, if any."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is not type(None):
                return _unwrap(arg)
    return tp


def _model_at(loc: tuple):
    tp = Case
    for step in loc:
        tp = _unwrap(tp)
        origin = typing.get_origin(tp)
        if origin is list and isinstance(step, int):
            tp = typing.get_args(tp)[0]
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            field = next((f for n, f in tp.model_fields.items() if (f.alias or n) == step), None)
            if field is None:
                return None
            tp = field.annotation
        else:
            return None
    return _unwrap(tp)


def _allowed_fields(loc: tuple) -> list[str]:
    model = _model_at(loc)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [f.alias or n for n, f in model.model_fields.items()]
    return []


def _is_parameter(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, Parameter)
