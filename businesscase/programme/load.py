"""Load a programme file; every problem names the file, line and field.

A theme's ``case`` names a formula case: relative to the programme file, or else one of the
shipped assumption files (``meeting_space.yaml``). It may lead where a case's includes may
(:class:`businesscase.io.IncludePolicy`): the programme's own folder tree and the
assumptions folder, elsewhere only with ``allow_include_outside``.

A theme's ``changes`` set parameters of its case by key (``drivers.dwellings``): a number
within the parameter's own low–high range keeps the parameter's provenance; beyond it,
or to document the figure anew, write the whole parameter (value, unit, year, source or
estimate with reasoning, low, high, confidence) in the parameter's unit.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from businesscase.io import (
    IncludePolicy,
    assumptions_dir,
    error_message,
    load_case,
    locate,
    read_bounded,
    read_yaml,
    validation_problems,
)
from businesscase.model import (
    EXTERNAL,
    Case,
    CaseReferenceError,
    InputProblem,
    InvalidChange,
    LoadError,
    Parameter,
    check_value,
    line_references,
    nested,
    part,
)

from .model import Programme, ProgrammeFile, Theme, ThemeSpec
from .themes import theme_case

META_FIELDS = ("meta.horizon", "meta.start_year")
_THEMES_KEY = re.compile(rb"""^["']?themes["']?[ \t]*:""", re.MULTILINE)


def is_programme_file(path: str | os.PathLike) -> bool:
    """Whether a YAML file is a programme (a mapping with ``themes``) rather than a case."""
    path = Path(path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        return False
    try:
        head = read_bounded(path)
    except InputProblem:
        return False  # the case loader reports what is wrong with the file
    # A programme names ``themes`` at the top level, as a key at the start of a line (or
    # inside a flow mapping): without it the full parse (a fifth of a new dashboard
    # session) is not needed to say no.
    if not _THEMES_KEY.search(head) and not head.lstrip().startswith(b"{"):
        return False
    try:
        data = read_yaml(path)
    except InputProblem:
        return False  # the case loader reports what is wrong with the file
    return isinstance(data, dict) and "themes" in data


def load_programme(path: str | os.PathLike, *, allow_include_outside: bool = False) -> Programme:
    """Read and validate a programme file with the cases of its themes. Raises LoadError."""
    path = Path(path)
    shown = str(path)
    try:
        data = read_yaml(path, shown)
    except InputProblem as problem:
        raise LoadError([problem]) from None
    if not isinstance(data, dict):
        raise LoadError([InputProblem(shown, 1, "", kind="programme_not_mapping")])
    try:
        spec = ProgrammeFile.model_validate(data)
    except ValidationError as exc:
        raise LoadError(validation_problems(exc, data, shown, ProgrammeFile)) from None
    problems: list[InputProblem] = []

    def at(loc: tuple, kind: str, values: dict | None = None) -> None:
        problems.append(locate(data, loc, shown, "", kind, values))

    ids = [p.id for p in spec.partners]
    _duplicates(at, "partners", ids, "part_partner_id")
    _duplicates(at, "themes", [t.id for t in spec.themes], "part_theme_id")
    for lang in ("nl", "en"):
        names = [" ".join(getattr(p.name, lang).split()).casefold() for p in spec.partners]
        for i, name in enumerate(names):
            if name in names[:i]:
                first = ids[names.index(name)]
                at(("partners", i, "name", lang), "programme_duplicate_name", {"other": first})
    partners = [p.partner() for p in spec.partners]
    policy = IncludePolicy.for_case_file(path, assumptions_dir(), allow_include_outside)
    loaded: dict[Path, Case] = {}
    themes: list[Theme] = []
    for i, ts in enumerate(spec.themes):
        theme = _theme(ts, i, path, policy, loaded, partners, at, problems)
        if theme is not None:
            themes.append(theme)
    # A role is a role some theme's case names, or a partner id of the cases themselves
    # (the archetypes of shared/partners.yaml): anything else is a typo.
    named = set().union(*(t.roles for t in themes)) if themes else set()
    known = named | {q.id for t in themes for q in t.base.partners} | set(ids)
    for i, p in enumerate(partners):
        if p.role is not None and p.role not in known and len(themes) == len(spec.themes):
            values = {"role": p.role, "allowed": sorted(known - set(ids))}
            at(("partners", i, "role"), "programme_unknown_role", values)
    if problems:
        raise LoadError(problems)
    programme = Programme(spec.programme, tuple(partners), tuple(themes), shown)
    for i, theme in enumerate(themes):
        # Whatever the case itself refuses with these partners, reported at the programme.
        try:
            theme_case(programme, theme.id)
        except ValidationError as exc:
            problems += _case_problems(exc, data, shown, i, programme, theme)
    if problems:
        raise LoadError(problems)
    return programme


def _theme(ts: ThemeSpec, i, path, policy, loaded, partners, at, problems) -> Theme | None:
    by_id = {p.id: p for p in partners}
    for j, pid in enumerate(ts.participants):
        if pid not in by_id:
            values = {"ref": pid, "allowed": list(by_id)}
            at(("themes", i, "participants", j), "programme_unknown_partner", values)
        elif pid in ts.participants[:j]:
            at(("themes", i, "participants", j), "named_twice", {"id": pid})
    target = _case_path(ts.case, path, policy, i, at)
    if target is None:
        return None
    if target not in loaded:
        try:
            loaded[target] = load_case(target, allow_include_outside=policy.allow_outside)
        except LoadError as exc:
            at(("themes", i, "case"), "case_does_not_load", {"case": ts.case})
            problems.extend(exc.problems)
            return None
    base = _with_changes(loaded[target], ts, i, at)
    if base is None:
        return None
    roles = frozenset(line_references(base)) - {EXTERNAL}
    filled = {by_id[pid].role_id for pid in ts.participants if pid in by_id}
    filled |= {pid for pid in ts.participants if pid in by_id}
    missing = sorted(roles - filled)
    if missing:
        values = {"roles": missing, "case": ts.case}
        at(("themes", i, "participants"), "role_not_filled", values)
    return Theme(
        ts.id,
        ts.name,
        ts.case,
        base,
        tuple(ts.participants),
        dict(ts.changes),
        roles,
        ts.description,
    )


def _case_path(written: str, path: Path, policy: IncludePolicy, i: int, at) -> Path | None:
    folder = path.parent
    here = folder / written
    if not os.path.isabs(written) and not here.exists() and (policy.shipped / written).is_file():
        folder = policy.shipped
    try:
        target = policy.target(written, folder, (str(path), None))
    except InputProblem as problem:
        at(("themes", i, "case"), problem.kind, problem.values)
        return None
    if not target.is_file():
        shipped = sorted(p.name for p in policy.shipped.glob("*.yaml"))
        values = {"written": repr(written), "shipped": shipped}
        at(("themes", i, "case"), "case_not_found", values)
        return None
    return target


def _with_changes(base: Case, ts: ThemeSpec, i: int, at) -> Case | None:
    case = base.model_copy(deep=True)
    keys = [k for k, _ in base.parameters()] + list(META_FIELDS)
    ok = True
    for key, value in ts.changes.items():
        loc = ("themes", i, "changes", key)
        if key not in keys:
            close = difflib.get_close_matches(key, keys, n=3)
            hint = part("part_did_you_mean", keys=close) if close else ""
            at(loc, "no_parameter_in_case", {"key": key, "case": ts.case, "hint": hint})
            ok = False
            continue
        try:
            new = _changed(base, key, value)
        except InvalidChange as exc:
            at(loc, exc.kind, exc.values)
            ok = False
            continue
        if isinstance(new, int):
            setattr(case.meta, key.split(".", 1)[1], new)
        else:
            _set_parameter(case, key, new)
    if not ok:
        return None
    try:
        return Case.model_validate(case.model_dump(by_alias=True))
    except ValidationError as exc:
        for where, inner in _refusals(exc):
            path = ".".join(map(str, where))
            at(("themes", i, "changes"), "at_path", {"path": path, "problem": inner})
        return None


def _changed(base: Case, key: str, value) -> Parameter | int:
    if key in META_FIELDS:
        if isinstance(value, dict):
            raise InvalidChange(key, kind="meta_not_parameter")
        return int(check_value(base, key, value))
    param = base.parameter(key)
    if isinstance(value, dict):
        try:
            new = type(param).model_validate(value)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(map(str, err["loc"]))
            message, kind, values = error_message(err, type(param))
            if where:
                values = {"path": where, "problem": nested(kind, values, message)}
                kind = "at_path"
            raise InvalidChange(key, kind=kind, values=values) from None
        if new.unit != param.unit:
            values = {"unit": new.unit, "case_unit": param.unit}
            raise InvalidChange(key, kind="unit_differs", values=values)
        return new
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidChange(key, kind="not_number_or_parameter", values={"got": repr(value)})
    number = check_value(base, key, value)
    if not param.low <= number <= param.high:
        values = {"number": float(number), "low": param.low, "high": param.high}
        raise InvalidChange(key, kind="change_out_of_range", values=values)
    return param.model_copy(update={"value": number})


def _set_parameter(case: Case, key: str, new: Parameter) -> None:
    *steps, last = key.split(".")
    node: Any = case
    for step in steps:
        if isinstance(node, BaseModel):
            node = getattr(node, step)
        elif isinstance(node, dict):
            node = node[step]
        else:  # a list of items with ids
            node = next(item for item in node if getattr(item, "id", None) == step)
    if isinstance(node, dict):
        node[last] = new
    else:
        setattr(node, last, new)


def _duplicates(at, section: str, ids: list[str], what: str) -> None:
    for i, ident in enumerate(ids):
        if ident in ids[:i]:
            at((section, i, "id"), "programme_duplicate_id", {"id": ident, "what": part(what)})


def _refusals(exc: ValidationError):
    """(location, nested problem) of every refusal in a case's validation error."""
    for err in exc.errors():
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, CaseReferenceError):
            for where, kind, values in cause.problems:
                yield where, nested(kind, values)
        else:
            message, kind, values = error_message(err)
            yield err["loc"], nested(kind, values, message)


def _case_problems(exc, data, shown, i, programme: Programme, theme: Theme):
    """The theme case's own refusals, located in the programme file: at the partner for a
    partner's field, else at the theme."""
    index = {pid: k for k, pid in enumerate(programme.partner_ids)}
    flowless = set(programme.flowless(theme.id))
    in_case = [pid for pid in theme.participants if pid not in flowless]  # theme_case's order
    out = []
    for where, inner in _refusals(exc):
        where = tuple(where)
        if len(where) >= 2 and where[0] == "partners" and isinstance(where[1], int):
            loc = ("partners", index[in_case[where[1]]], *where[2:])
            out.append(
                locate(data, loc, shown, "", "in_theme", {"theme": theme.id, "problem": inner})
            )
        else:
            values = {"theme": theme.id, "path": ".".join(map(str, where)), "problem": inner}
            out.append(locate(data, ("themes", i), shown, "", "in_theme_at", values))
    return out


__all__ = ["is_programme_file", "load_programme"]
