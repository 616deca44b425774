"""Provenance check of assumption files: every figure documented, as a code-health test.

Works on the raw YAML (not the validated case) so that it can say which line of which
file lacks what, and so that a figure outside any parameter mapping is noticed too.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeGuard

from businesscase.model import InputProblem

from .yaml_source import LocDict, LocList, read_yaml

REQUIRED = ("value", "unit", "year", "low", "high", "confidence", "last_checked")
CONFIDENCE = ("high", "medium", "low")
STRUCTURAL = {("meta", "price_year"), ("meta", "start_year"), ("meta", "horizon")}


def provenance_problems(path: str | Path) -> list[InputProblem]:
    """Every figure in the file lacking unit, year, source or estimate with reasoning,
    a range containing the value, a confidence grade or the date it was last checked."""
    path = Path(path)
    problems: list[InputProblem] = []
    _walk(read_yaml(path), (), str(path), problems, None)
    return problems


def _is_number(x: object) -> TypeGuard[float]:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _walk(node, trail: tuple, file: str, out: list, line: int | None) -> None:
    if isinstance(node, LocDict):
        if "value" in node:
            _check_parameter(node, trail, file, out)
            return
        for key, child in node.items():
            _walk(child, trail + (key,), file, out, node.value_marks[key].line)
    elif isinstance(node, LocList):
        for i, child in enumerate(node):
            ident = child.get("id", i) if isinstance(child, dict) else i
            _check_stated_choice(child, trail, ident, file, out, node.item_marks[i].line)
            _walk(child, trail + (ident,), file, out, node.item_marks[i].line)
    elif _is_number(node) and trail[:1] + trail[-1:] not in STRUCTURAL:
        out.append(
            InputProblem(
                file,
                line,
                ".".join(map(str, trail)),
                f"a bare number ({node}); write it as a parameter with value, "
                "unit, year, source, low, high, confidence and last_checked",
            )
        )


# Who pays a cost, and in whose pocket a gross component lands, is a choice: say why.
STATED_CHOICES = {"costs": "payer_reasoning", "components": "reasoning"}


def _check_stated_choice(item, trail: tuple, ident, file: str, out: list, line: int) -> None:
    field = STATED_CHOICES.get(trail[-1]) if trail else None
    if field and isinstance(item, dict) and not str(item.get(field) or "").strip():
        what = "who pays and why" if field == "payer_reasoning" else "why this pocket"
        out.append(
            InputProblem(
                file, line, ".".join(map(str, trail + (ident,))), f"missing {field}: say {what}"
            )
        )


def _check_parameter(p: LocDict, trail: tuple, file: str, out: list) -> None:
    field = ".".join(map(str, trail))

    def problem(msg: str) -> None:
        out.append(InputProblem(file, p.mark.line, field, msg))

    missing = [k for k in REQUIRED if k not in p or p[k] in (None, "")]
    if missing:
        problem(f"missing {', '.join(missing)}")
    if p.get("estimate") is True:
        if not str(p.get("reasoning") or "").strip():
            problem("an estimate needs its reasoning")
    elif not str(p.get("source") or "").strip():
        problem("no source: give title and link or publication, or estimate: true with reasoning")
    value, low, high = p.get("value"), p.get("low"), p.get("high")
    if _is_number(value) and _is_number(low) and _is_number(high) and not low <= value <= high:
        problem(f"value {value} is not within low {low} and high {high}")
    if "confidence" in p and p["confidence"] not in CONFIDENCE:
        problem(f"confidence must be one of {', '.join(CONFIDENCE)}")
    if "last_checked" in p and not isinstance(p["last_checked"], dt.date):
        problem("last_checked must be a date, e.g. 2026-11-23")
