"""Read an exported workbook back as a case: the whole case travels in the hidden sheet
``_case``, and every value in the assumptions sheet is applied on top of it. Every
workbook passes :mod:`.zipguard` first, so none can be a zip bomb."""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import BinaryIO

from businesscase.model import (
    Case,
    InputProblem,
    InvalidChange,
    LoadError,
    apply_changes,
    check_value,
    part,
)
from businesscase.text import LANGUAGES, TEXTS

from .case_yaml import case_from_yaml
from .zipguard import ADVICE, bounded_workbook, display_name

__all__ = [
    "case_from_workbook",
    "CASE_SHEET",
    "KEY_HEADER",
    "VALUE_HEADERS",
    "ASSUMPTION_SHEET_NAMES",
]

CASE_SHEET = "_case"
# A workbook exported in either language reads back: the sheet and the value column go by
# their catalogue text in every language, the key column by a name that is never translated.
KEY_HEADER = "key"
VALUE_HEADERS = tuple(TEXTS["value"][lang] for lang in LANGUAGES)
ASSUMPTION_SHEET_NAMES = tuple(TEXTS["sheet_assumptions"][lang] for lang in LANGUAGES)


def case_from_workbook(source: str | PathLike | bytes | BinaryIO, name: str | None = None) -> Case:
    """The case of an exported workbook with the assumptions sheet's values applied.

    `source` is a path, the file's bytes or a binary file; `name` is what messages call
    it (default: the path). The zip is checked against bombs before openpyxl reads it
    (see :mod:`.zipguard`). Raises LoadError naming the file, and the sheet, cell and
    field of every invalid value.
    """
    # openpyxl is imported only when a workbook is read: loading YAML does not need it
    from openpyxl import load_workbook

    label = display_name(source, name)
    short = Path(label).name
    try:
        data = bounded_workbook(source, label)
    except InputProblem as problem:
        raise LoadError([problem]) from None
    try:
        # read-only: rows are parsed as they are read, so memory does not grow with the
        # sheets' size, and sheets other than the two read here are never parsed
        wb = load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:  # a zip that is no workbook, or a damaged one
        raise _damaged(label, exc) from None
    try:
        return _read_case(wb, label, short)
    except InputProblem as problem:
        raise LoadError([problem]) from None
    finally:
        wb.close()


def _damaged(label: str, exc: Exception) -> LoadError:
    """Not readable, said without echoing the file's content or a temporary path."""
    if isinstance(exc, KeyError):
        reason = part("part_workbook_part_missing")
    elif type(exc).__name__ in ("ParseError", "XMLSyntaxError", "ExpatError"):
        reason = part("part_xml_damaged")
    else:
        reason = part("part_openpyxl", error=type(exc).__name__)
    values = {"reason": reason, "advice": ADVICE}
    return LoadError([InputProblem(label, None, "", kind="unreadable_workbook", values=values)])


def _rows(sheet, label: str):
    """(row number, values) of every row, also past a wrong dimension in the sheet. openpyxl
    parses a sheet only while it is read: its errors mean a damaged file, nothing else."""
    sheet.reset_dimensions()
    rows = enumerate(sheet.iter_rows(values_only=True), start=1)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            raise _damaged(label, exc) from None
        yield row


def _read_case(wb, label: str, short: str) -> Case:
    from openpyxl.utils import get_column_letter

    if CASE_SHEET not in wb.sheetnames:
        raise InputProblem(label, None, "", kind="not_exported")
    text = "\n".join(
        "".join("" if v is None else str(v) for v in values)
        for _, values in _rows(wb[CASE_SHEET], label)
    )
    base = case_from_yaml(text, f"{short}[{CASE_SHEET}]")
    sheet = next((wb[n] for n in ASSUMPTION_SHEET_NAMES if n in wb.sheetnames), None)
    if sheet is None:
        raise InputProblem(label, None, "", kind="no_assumption_sheet")
    rows = _rows(sheet, label)
    header = list(next(rows, (1, ()))[1])
    try:
        key_col = header.index(KEY_HEADER)
        value_col = next(header.index(h) for h in VALUE_HEADERS if h in header)
    except (ValueError, StopIteration):
        raise InputProblem(short, None, sheet.title, kind="no_key_columns") from None
    changes, problems = {}, []
    for r, values in rows:
        key, value = (values[c] if c < len(values) else None for c in (key_col, value_col))
        if not key:
            continue
        key = str(key)
        place = part(
            "part_cell",
            file=short,
            sheet=sheet.title,
            cell=f"{get_column_letter(value_col + 1)}{r}",
        )
        where = str(place)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
            values = {"shown": shown}
            problems.append(
                InputProblem(where, None, key, kind="cell_not_a_number", values=values, place=place)
            )
            continue
        try:
            changes[key] = check_value(base, key, value)
        except InvalidChange as exc:
            problems.append(
                InputProblem(where, None, key, exc.message, exc.kind, exc.values, place)
            )
    if problems:
        raise LoadError(problems)
    return apply_changes(base, changes)
