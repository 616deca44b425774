"""Changing a case the way a user does: one value at a time, validated, never lost.

The dashboard keeps the loaded case and a dict of changes (parameter key → value); every
figure it shows comes from ``apply_changes(base, changes)`` evaluated by the engine.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

import pandas as pd
from pydantic import ValidationError

from businesscase.text import TEXTS, in_language, t, unit_text

from .case import Case, driver_inputs, meta_bounds
from .labels import owner_labels, parameter_labels
from .parameters import Parameter
from .problems import UserError, problem_message, worded

META_FIELDS = {"meta.horizon", "meta.start_year"}


class InvalidChange(UserError):
    """A value that is not allowed for its parameter; the message says what is."""

    def __init__(self, key: str, message: str = "", kind: str = "", values: dict | None = None):
        self.key, self.kind, self.values = key, kind, dict(values or {})
        self.message = message or worded(kind, self.values)
        super().__init__(f"{key}: {self.message}")

    def text(self, lang: str = "nl") -> str:
        """The message in the language (the key is the parameter's, as written)."""
        return in_language(
            lang, self.message, lambda lg: problem_message(self.kind, self.values, self.message, lg)
        )


class NotANumber(ValueError):
    """A typed text that is no number (``kind`` says which way: see the catalogue)."""

    def __init__(self, text, kind: str):
        self.kind, self.values = kind, {"text": str(text)}
        super().__init__(worded(kind, self.values))


def parse_number(text, lang: str = "nl") -> float:
    """A number as people type it: '2,25', '1.234,5', '1,234.5', '40%' (→ 0.4); in Dutch
    '1.500' is fifteen hundred."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    s = str(text).strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    percent = s.endswith("%")
    s = s.rstrip("%")
    if lang == "nl" and re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+", s):  # not 0.035
        s = s.replace(".", "")
    if "," in s and "." in s:  # the last separator is the decimal one
        s = (
            s.replace(".", "").replace(",", ".")
            if s.rfind(",") > s.rfind(".")
            else s.replace(",", "")
        )
    elif "," in s:
        s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        raise NotANumber(text, "not_a_number") from None
    if not math.isfinite(value):
        raise NotANumber(text, "not_a_finite_number")
    return value / 100 if percent else value


def check_value(case: Case, key: str, value, lang: str = "nl") -> float:
    """The value as a float if it is allowed for that parameter; InvalidChange if not."""
    if key in META_FIELDS:
        return _check_meta(key, value)
    try:
        param = case.parameter(key)
    except KeyError:
        raise InvalidChange(key, kind="no_such_parameter") from None
    try:
        number = parse_number(value, lang)
    except NotANumber as exc:
        raise InvalidChange(key, kind=exc.kind, values=exc.values) from None
    try:
        type(param).model_validate(
            {
                **param.model_dump(),
                "value": number,
                "low": min(param.low, number),
                "high": max(param.high, number),
            }
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        message, ctx = err["msg"].replace("Value error, ", ""), dict(err.get("ctx") or {})
        raise InvalidChange(key, message, err["type"], ctx) from None
    return number


def _check_meta(key: str, value) -> int:
    try:
        number = parse_number(value)
    except NotANumber as exc:
        raise InvalidChange(key, kind=exc.kind, values=exc.values) from None
    lo, hi = meta_bounds(key)
    if number != int(number) or not lo <= number <= hi:
        values = {"value": str(value), "lo": lo, "hi": hi}
        raise InvalidChange(key, kind="meta_not_allowed", values=values)
    return int(number)


def apply_changes(
    base: Case,
    changes: Mapping[str, float],
    names: Mapping[str, tuple[str, str]] | None = None,
    absent: Sequence[str] = (),
    added: Sequence[dict] = (),
    removed: Sequence[str] = (),
    roles: Mapping[str, tuple[str, float]] | None = None,
) -> Case:
    """A copy of base with the changed values, partner names, partners not taking part,
    partners added and removed, and partners' roles and shares changed (``roles``: partner
    id → (role id, '' for its own role; share ≥ 0 of that role's flows)).

    Values must have passed :func:`check_value`; a value outside the parameter's own range
    stays a soft warning (``Case.out_of_range``), as in the loader. Adding or removing
    partners revalidates the case, so a partner still used by a cost or outcome cannot be
    removed (``pydantic.ValidationError`` naming where it is used).
    """
    case = base.model_copy(deep=True)
    if added or removed or roles:
        data = case.model_dump(by_alias=True)
        partners = [p for p in data["partners"] if p["id"] not in removed]
        partners += [dict(p) for p in added]
        for p in partners:
            if p["id"] in (roles or {}):
                role, share = (roles or {})[p["id"]]
                p["role"], p["share"] = role or None, share
        data["partners"] = partners
        case = Case.model_validate(data)
    for key, value in changes.items():
        if key in META_FIELDS:
            setattr(case.meta, key.split(".", 1)[1], int(value))
        else:
            case.parameter(key).value = float(value)
    for pid, (nl, en) in (names or {}).items():
        if pid in case.partner_ids:
            partner = case.partner(pid)
            partner.name.nl, partner.name.en = nl, en
    for pid in absent:
        if pid in case.partner_ids:
            case.partner(pid).takes_part = False
    return case


def parameter_table(case: Case, base: Case, lang: str = "nl") -> pd.DataFrame:
    """Every parameter with its provenance, grouped by topic, and whether it was changed."""
    base_values = {k: p.value for k, p in base.parameters()}
    labels = owner_labels(case, lang)
    names = parameter_labels(case, lang)
    rows = []
    for key, p in case.parameters():
        section, *rest = key.split(".")
        item = rest[0] if len(rest) > 1 else ""
        rows.append(
            {
                "key": key,
                "name": names[key],
                "group": _group(section, lang),
                "item": labels.get((section, item), item) if item else "",
                "field": _field(rest[-1] if rest else key, lang),
                "value": float(p.value),
                "default": float(base_values.get(key, p.value)),
                "changed": float(p.value) != float(base_values.get(key, p.value)),
                "unit": unit_text(p.unit, lang),
                "low": p.low,
                "high": p.high,
                "confidence": t(f"confidence_{p.confidence.value}", lang),
                "estimate": p.estimate,
                "source": (p.reasoning if p.estimate else p.source) or "",
                "year": p.year,
            }
        )
    return pd.DataFrame(rows)


def _field(name: str, lang: str) -> str:
    """The glossary's name of a parameter field; a field it does not name keeps its key."""
    key = f"field_{name}"
    return t(key, lang) if key in TEXTS else name


def _group(section: str, lang: str) -> str:
    key = f"group_{section}"
    return t(key, lang) if key in TEXTS else section


def parameters_behind(case: Case, item: str) -> list[str]:
    """Keys of the parameters a ledger item is computed from (its own and its drivers)."""
    keys = []
    for section in ("costs", "revenues", "outcomes"):
        for x in getattr(case, section):
            if x.id == item:
                keys += [k for k, _ in case.parameters() if k.startswith(f"{section}.{item}.")]
                named = list(x.quantity) + [getattr(x, "amount_driver", None)]
                named += (
                    [c.proxy_driver for _, c in x.gross_lines()] if section == "outcomes" else []
                )
                for d in named:
                    if d:
                        keys += [
                            f"drivers.{m}"
                            for m in driver_inputs(case, d)
                            if f"drivers.{m}" not in keys
                        ]
    return keys


__all__ = [
    "InvalidChange",
    "Parameter",
    "apply_changes",
    "check_value",
    "parameter_table",
    "parameters_behind",
    "parse_number",
]
