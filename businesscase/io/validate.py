"""Validate parsed case data into a :class:`Case`; every pydantic error becomes an
:class:`InputProblem` that names the file, line and field, with a message that says what
is allowed."""

from __future__ import annotations

import enum
import types
import typing

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from pydantic_core.core_schema import ErrorType

from businesscase.model import (
    Case,
    CaseReferenceError,
    InputProblem,
    LoadError,
    Parameter,
    part,
    worded,
)

from .yaml_source import LocDict, LocList

__all__ = ["case_from_data", "error_message", "locate", "validation_problems"]


def case_from_data(data, file: str = "<case>") -> Case:
    """Validate parsed data (LocDict from YAML or a plain dict). Raises :class:`LoadError`."""
    if not isinstance(data, dict):
        raise LoadError([InputProblem(file, 1, "", kind="case_not_mapping")])
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise LoadError(validation_problems(exc, data, file)) from None


# -- translating validation errors -----------------------------------------------------


def validation_problems(
    exc: ValidationError, data, file: str, root: type[BaseModel] = Case
) -> list[InputProblem]:
    """The located problems of a validation error of ``root`` (a case, or another file
    model such as a programme) on parsed data."""
    problems = []
    for err in exc.errors():
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, CaseReferenceError):
            for loc, kind, values in cause.problems:
                problems.append(locate(data, tuple(loc), file, "", kind, values))
            continue
        message, kind, values = error_message(err, root)
        problems.append(locate(data, tuple(err["loc"]), file, message, kind, values))
    return problems


# pydantic's own kinds of error (its messages are worded again in the catalogue); any
# other kind is the model's own refusal, whose message pydantic fills in from the
# catalogue's English (see businesscase.model.problems.refusal)
PYDANTIC_KINDS = frozenset(typing.get_args(ErrorType))
# the kinds whose message echoes what the user wrote
ECHOED = ("float_", "int_", "string_", "bool_", "list_", "enum", "literal")


def error_message(err: ErrorDetails, root: type[BaseModel] = Case) -> tuple[str, str, dict]:
    """(English message, kind, values) of one pydantic error: the kind and values word the
    same problem in the interface's language (:meth:`InputProblem.text`)."""
    kind, loc = err["type"], tuple(err["loc"])
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc[:-1], root)
        listed = part("problem_allowed_fields", fields=allowed) if allowed else ""
        values: dict = {"field": loc[-1], "allowed": listed}
        renamed = len(loc) == 2 and loc[0] == "economics" and str(loc[-1]) in RENAMED
        kind = RENAMED[str(loc[-1])] if renamed else "unknown_field"
        return worded(kind, values), kind, values
    if kind == "missing":
        choices = _choices(_field_type(loc, root))
        listed = part("problem_choices", choices=choices) if choices else ""
        values = {"field": loc[-1], "choices": listed}
        return worded("missing_field", values), "missing_field", values
    model = _model_at(loc, root)
    if kind in {"model_type", "model_attributes_type", "dict_type"} and _is_parameter(model):
        values = {"got": _echo(err["input"])}
        return worded("not_a_parameter", values), "not_a_parameter", values
    values = {k: v for k, v in (err.get("ctx") or {}).items() if k != "error"}
    if kind.startswith(ECHOED):
        values["got"] = _echo(err["input"])
    if kind in ("enum", "literal_error"):
        values["expected"] = _one_of(str(values.get("expected", "")))
    for length in ("min_length", "max_length"):
        if length in values and kind.startswith(("too_", "string_too_")):
            values.setdefault("expected_plural", "" if values[length] == 1 else "s")
    if "field_type" in values:
        values["field_type"] = part(f"part_type_{str(values['field_type']).lower()}")
    if kind in PYDANTIC_KINDS:
        english = worded(kind, values)
        return (
            (english if english != kind else err["msg"].replace("Value error, ", "")),
            kind,
            values,
        )
    return err["msg"], kind, values


def _one_of(expected: str) -> object:
    """pydantic's "'a', 'b' or 'c'" as a piece worded in the language."""
    first, sep, last = expected.rpartition(" or ")
    return part("part_one_of", choices=first, last=last) if sep else expected


def _echo(value) -> str:
    """The user's value, cut short: a whole mapping pasted where a number belongs would
    fill the screen."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# fields renamed since: the kind of problem that says how to write them now
RENAMED = {"indexation": "renamed_indexation"}


def _field_type(loc: tuple, root: type[BaseModel]):
    parent = _model_at(loc[:-1], root)
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        field = next((f for n, f in parent.model_fields.items() if (f.alias or n) == loc[-1]), None)
        return _unwrap(field.annotation) if field is not None else None
    return None


def _choices(tp) -> str:
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return ", ".join(str(m.value) for m in tp)
    return ""


def locate(
    data, loc: tuple, file: str, message: str, kind: str = "", values: dict | None = None
) -> InputProblem:
    """Walk the data along loc; report the deepest line found and a readable field path.

    List items are named by their id where they have one: ``outcomes[less_loneliness]``.
    """
    node, line, names = data, getattr(data, "mark", None), []
    for i, step in enumerate(loc):
        if isinstance(node, dict) and step in node:
            child, last = node[step], i == len(loc) - 1
            if isinstance(node, LocDict):
                unknown_key = last and kind in ("unknown_field", *RENAMED.values())
                # A field missing below a mapping is reported on the line of that key.
                missing_below = not last and isinstance(child, LocDict) and loc[i + 1] not in child
                line = (
                    node.key_marks[step] if unknown_key or missing_below else node.value_marks[step]
                )
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
        return InputProblem(line.file, line.line, ".".join(names), message, kind, values)
    return InputProblem(file, None, ".".join(names), message, kind, values)


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


def _model_at(loc: tuple, root: type[BaseModel] = Case):
    tp: object = root  # then whatever type annotation the path leads through
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


def _allowed_fields(loc: tuple, root: type[BaseModel]) -> list[str]:
    model = _model_at(loc, root)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [f.alias or n for n, f in model.model_fields.items()]
    return []


def _is_parameter(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, Parameter)
