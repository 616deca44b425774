"""A list of partners entered in bulk: pasted text (one partner a line: name, role, share,
optionally type; separated by tabs as Excel pastes them, semicolons or commas) or an
uploaded CSV or Excel sheet with the columns name, role, share and optionally type.

Pure and bounded: at most :data:`MAX_PARTNERS` rows and :data:`MAX_TEXT_BYTES` of text; a
workbook passes the zip-bomb guard first. Every problem is located (line or row, field)
and says what is allowed, and all of them are reported at once.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from businesscase.model import InputProblem, LoadError, PartnerType, parse_number, part

from .zipguard import Source, bounded_workbook, display_name

MAX_PARTNERS = 200
MAX_TEXT_BYTES = 256 * 1024
MAX_NAME = 120
MAX_PROBLEMS = 20
FIELDS = ("name", "role", "share", "type")
# Header words in either language of the interface; a first row made of these is a header.
HEADERS = {
    "name": "name",
    "naam": "name",
    "partner": "name",
    "role": "role",
    "rol": "role",
    "share": "share",
    "aandeel": "share",
    "type": "type",
    "soort": "type",
}


_QUOTED = re.compile(r'"(?:[^"]|"")*"')


@dataclass(frozen=True)
class PartnerRow:
    """One partner of the list: its name, the role it fills ('' = a role of its own), its
    share of that role's flows (a number ≥ 0; 1 when left empty) and its type."""

    name: str
    role: str = ""
    share: float = 1.0
    type: str = PartnerType.other.value


def delimiter(text: str) -> str:
    """The separator of a pasted list: a tab if any line has one outside double quotes
    (Excel), else a semicolon if any has one (Dutch Excel's CSV), else a comma."""
    bare = _QUOTED.sub("", text)
    for sep in ("\t", ";"):
        if sep in bare:
            return sep
    return ","


def parse_partner_text(
    text: str, roles: Collection[str], taken: Collection[str] = (), source: str = "list"
) -> list[PartnerRow]:
    """The partners of a pasted list or CSV text. ``roles`` are the role ids allowed,
    ``taken`` the names already used (compared without case or extra spaces). Raises
    LoadError with one InputProblem per problem (``source``, line number, field)."""
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise LoadError(
            [
                InputProblem(
                    source, None, "", kind="list_too_long", values={"kb": MAX_TEXT_BYTES // 1024}
                )
            ]
        )
    reader = csv.reader(text.splitlines(), delimiter=delimiter(text), skipinitialspace=True)
    rows = []
    try:
        for row in reader:  # line_num: the line a record ends on, past quoted line breaks
            rows.append((reader.line_num, [c.strip() for c in row]))
    except csv.Error as exc:
        problem = InputProblem(
            source, reader.line_num, "", kind="list_unreadable", values={"reason": str(exc)}
        )
        raise LoadError([problem]) from None
    return parse_rows(rows, roles, taken, source)


def parse_partner_file(
    data: bytes, filename: str, roles: Collection[str], taken: Collection[str] = ()
) -> list[PartnerRow]:
    """The partners of an uploaded .csv, .txt or .xlsx file (see :func:`parse_partner_text`)."""
    name = display_name(data, filename)
    if name.lower().endswith((".xlsx", ".xlsm")):
        return parse_rows(_sheet_rows(data, name), roles, taken, name, unit="row")
    if not name.lower().endswith((".csv", ".txt", ".tsv")):
        raise LoadError([InputProblem(name, None, "", kind="list_not_a_list")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's CSV on Windows
    return parse_partner_text(text, roles, taken, name)


def _sheet_rows(data: Source, name: str) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(bounded_workbook(data, name), read_only=True, data_only=True)
    except InputProblem as problem:
        raise LoadError([problem]) from None
    except Exception:
        unreadable = InputProblem(name, None, "", kind="list_unreadable_workbook")
        raise LoadError([unreadable]) from None
    try:
        out = []
        for i, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1):
            if i > MAX_PARTNERS + 1:
                out.append((i, ["…"]))  # counted as one too many below
                break
            out.append((i, ["" if v is None else str(v).strip() for v in row]))
        return out
    finally:
        wb.close()


def parse_rows(
    rows: Iterable[tuple[int, Sequence[str]]],
    roles: Collection[str],
    taken: Collection[str],
    source: str,
    unit: str = "line",
) -> list[PartnerRow]:
    """PartnerRows from (line number, cells); blank lines are skipped, a first row of
    header words sets the columns (default: name, role, share, type)."""
    problems: list[InputProblem] = []
    out: list[PartnerRow] = []
    columns: Sequence[str] = FIELDS
    seen = {" ".join(n.split()).casefold(): "" for n in taken}
    by_role = {r.casefold(): r for r in roles}
    allowed_roles = ", ".join(sorted(roles)) or part("part_no_roles")
    types = [t.value for t in PartnerType]

    def problem(line: int, field: str, kind: str, **values) -> None:
        problems.append(InputProblem(source, line, field, kind=f"list_{kind}", values=values))

    first = True
    for line, cells in rows:
        if not any(cells):
            continue
        if first:
            first = False
            words = [HEADERS.get(c.casefold()) for c in cells if c]
            if all(words) and "name" in words:
                columns = [HEADERS.get(c.casefold(), "") for c in cells]
                continue
        if len(out) >= MAX_PARTNERS:
            problem(line, "", "too_many", n=MAX_PARTNERS)
            break
        if len(cells) > len(columns):
            extra = cells[len(columns) :]
            if any(extra):
                columns_named = ", ".join(c for c in columns if c)
                problem(
                    line,
                    "",
                    "too_many_fields",
                    found=len(cells),
                    allowed=len(columns),
                    columns=columns_named,
                )
                continue
        values = dict(zip(columns, cells))
        row = _row(values, line, problem, seen, by_role, allowed_roles, types, unit)
        if row is not None:
            out.append(row)
            seen[" ".join(row.name.split()).casefold()] = unit
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise LoadError(problems)
    return out


def _row(values, line, problem, seen, by_role, allowed_roles, types, unit) -> PartnerRow | None:
    name = " ".join(values.get("name", "").split())
    ok = True
    if not name:
        problem(line, "name", "name_empty")
        ok = False
    elif len(name) > MAX_NAME:
        problem(line, "name", "name_too_long", n=len(name), most=MAX_NAME)
        ok = False
    elif name.casefold() in seen:
        where = part("part_earlier_in_list" if seen[name.casefold()] else "part_existing_partner")
        problem(line, "name", "name_taken", name=name, where=where)
        ok = False
    role_text = values.get("role", "").strip()
    role = by_role.get(role_text.casefold(), "") if role_text else ""
    if role_text and not role:
        problem(line, "role", "unknown_role", role=role_text, allowed=allowed_roles)
        ok = False
    share = 1.0
    share_text = values.get("share", "").strip()
    if share_text:
        try:
            # A decimal comma or point (0,5 or 0.5) either way; "1.500" is no thousands here.
            share = parse_number(share_text, "en")
        except ValueError:
            share = -1.0
        if share < 0:
            problem(line, "share", "bad_share", share=share_text)
            ok = False
    kind = values.get("type", "").strip().lower() or PartnerType.other.value
    if kind not in types:
        problem(line, "type", "unknown_type", type=kind, allowed=", ".join(types))
        ok = False
    return PartnerRow(name, role, share, kind) if ok else None


def partner_text(rows: Iterable[PartnerRow], sep: str = "\t") -> str:
    """The list as text that :func:`parse_partner_text` reads back (quoted where needed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for r in rows:
        writer.writerow([r.name, r.role, repr(r.share), r.type])
    return buffer.getvalue()
