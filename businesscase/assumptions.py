"""Load and validate a case from YAML; every error names file, line and field.

A case file may ``include`` shared files (partners, economics) or whole other cases (a
combined case includes the cases of its formulas), given relative to it; where an include
may lead is :mod:`businesscase.includes`' one policy. An overlap group may be defined
(label, alpha) in a shared file and get its ``members`` from the formula files that use
it: members are appended; a group that no file gives members is not used by this case and
is left out.
"""

from __future__ import annotations

import enum
import importlib.util
import os
import types
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .errors import UserError
from .includes import IncludePolicy, IncludeReader, drop_unused_groups
from .schema import Case, CaseReferenceError, Parameter
from .yaml_source import MAX_FILE_BYTES, InputProblem, LocDict, LocList, read_bounded

__all__ = ["LoadError", "load_case", "load_upload", "default_case_path", "assumptions_dir",
           "case_from_data", "UPLOAD_SUFFIXES"]

UPLOAD_SUFFIXES = (".yaml", ".yml", ".xlsx")


class LoadError(UserError):
    """A case that cannot be loaded: one or more located problems."""

    def __init__(self, problems: list[InputProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def assumptions_dir() -> Path:
    env = os.environ.get("BUSINESSCASE_ASSUMPTIONS")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parent.parent / "assumptions"
    if (checkout / "meeting_space.yaml").is_file():  # a source checkout or editable install
        return checkout
    # An installed wheel carries them as the data package businesscase.assumption_files
    # (see pyproject.toml), a namespace package: its one folder is read by path.
    spec = importlib.util.find_spec("businesscase.assumption_files")
    if spec is None or not spec.submodule_search_locations:
        raise LoadError([InputProblem("assumptions", None, "", "the shipped assumption files "
                                      "are missing from this installation; reinstall "
                                      "businesscase or set BUSINESSCASE_ASSUMPTIONS")])
    return Path(list(spec.submodule_search_locations)[0])


def default_case_path() -> Path:
    return assumptions_dir() / "meeting_space.yaml"


def load_case(path: str | os.PathLike, *, allow_include_outside: bool = False) -> Case:
    """Read, merge and validate a case file (YAML, or an exported Excel workbook).

    Its includes may lead into its own folder tree and the assumptions folder; elsewhere
    only with ``allow_include_outside``. Raises :class:`LoadError`."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .export.excel import case_from_workbook  # only when a workbook is read
        return case_from_workbook(path)
    policy = IncludePolicy.for_case_file(path, assumptions_dir(), allow_include_outside)
    reader = IncludeReader(policy)
    try:
        raw = read_bounded(path, str(path))
        data = reader.read_top(raw, str(path), path.parent, path.resolve())
    except InputProblem as problem:
        raise LoadError([reader.hide(problem)]) from None
    return _validated(data, str(path), reader)


def load_upload(data: bytes, filename: str) -> Case:
    """Validate an uploaded case (YAML or an exported workbook) without writing it anywhere.

    Its includes may name only the shipped files of the assumptions folder, and messages
    name them relative to it. Raises :class:`LoadError`."""
    name = upload_name(filename)
    if len(data) > MAX_FILE_BYTES:
        raise LoadError([InputProblem(name, None, "", f"{len(data) / 1e6:.1f} MB; at most "
                                      f"{MAX_FILE_BYTES / 1e6:.0f} MB can be uploaded")])
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise LoadError([InputProblem(name, None, "", "upload a case as .yaml or an exported "
                                      ".xlsx workbook")])
    if suffix == ".xlsx":
        return _workbook_upload(data, name)
    policy = IncludePolicy.for_upload(assumptions_dir())
    reader = IncludeReader(policy)
    try:
        parsed = reader.read_top(data, name, policy.shipped)
    except InputProblem as problem:
        raise LoadError([reader.hide(problem)]) from None
    return _validated(parsed, name, reader)


def upload_name(filename: str | None) -> str:
    """The name an upload is shown by: its last part, as the browser gave it."""
    name = Path(str(filename or "").replace("\\", "/")).name
    return name if name.strip() else "upload.yaml"


def _workbook_upload(data: bytes, name: str) -> Case:
    # Read from memory like a YAML upload: no server path exists to leak. A workbook
    # carries no includes: its case sheet is validated alone.
    from .export.excel import case_from_workbook
    return case_from_workbook(data, name)


def _validated(data, file: str, reader: IncludeReader) -> Case:
    drop_unused_groups(data)
    try:
        return case_from_data(data, file)
    except LoadError as exc:
        raise LoadError([reader.hide(pr) for pr in exc.problems]) from None


def case_from_data(data, file: str = "<case>") -> Case:
    """Validate parsed data (LocDict from YAML or a plain dict). Raises :class:`LoadError`."""
    if not isinstance(data, dict):
        raise LoadError([InputProblem(file, 1, "", "a case file must be a mapping with "
                                      "meta, economics, partners, drivers, costs, outcomes")])
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise LoadError(_problems(exc, data, file)) from None


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
        return (f"got {_echo(err['input'])}; a parameter is a mapping with value, unit, year, "
                "source (or estimate: true and reasoning), low, high and confidence")
    msg = err["msg"]
    if kind.startswith(("float_", "int_", "string_", "bool_", "list_", "enum", "literal")):
        msg = f"{msg} (got {_echo(err['input'])})"
    return msg.replace("Value error, ", "")


def _echo(value) -> str:
    """The user's value, cut short: a whole mapping pasted where a number belongs would
    fill the screen."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


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
