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

from businesscase.model import InputProblem, LoadError, PartnerType, parse_number

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
            [InputProblem(source, None, "", f"is too long: at most {MAX_TEXT_BYTES // 1024} kB")]
        )
    reader = csv.reader(text.splitlines(), delimiter=delimiter(text), skipinitialspace=True)
    rows = []
    try:
        for row in reader:  # line_num: the line a record ends on, past quoted line breaks
            rows.append((reader.line_num, [c.strip() for c in row]))
    except csv.Error as exc:
        problem = InputProblem(source, reader.line_num, "", f"cannot be read: {exc}")
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
        raise LoadError(
            [InputProblem(name, None, "", "is not a partner list: allowed are .csv, .txt, .xlsx")]
        )
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
        unreadable = InputProblem(name, None, "", "is not a readable Excel workbook")
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
    allowed_roles = ", ".join(sorted(roles)) or "(none)"
    types = [t.value for t in PartnerType]

    def problem(line: int, field: str, message: str) -> None:
        problems.append(InputProblem(source, line, field, message))

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
            problem(line, "", f"too many partners: at most {MAX_PARTNERS} in one list")
            break
        if len(cells) > len(columns):
            extra = cells[len(columns) :]
            if any(extra):
                problem(
                    line,
                    "",
                    f"{len(cells)} fields; allowed are at most {len(columns)} "
                    f"({', '.join(c for c in columns if c)}): put a name holding the "
                    'separator in double quotes ("Smit, Jansen & Co")',
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
        problem(line, "name", "is empty: every partner needs a name")
        ok = False
    elif len(name) > MAX_NAME:
        problem(line, "name", f"is {len(name)} characters long: at most {MAX_NAME}")
        ok = False
    elif name.casefold() in seen:
        where = "earlier in this list" if seen[name.casefold()] else "an existing partner"
        problem(line, "name", f"'{name}' is taken ({where}): every partner needs its own name")
        ok = False
    role_text = values.get("role", "").strip()
    role = by_role.get(role_text.casefold(), "") if role_text else ""
    if role_text and not role:
        problem(line, "role", f"unknown role '{role_text}': allowed are {allowed_roles}")
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
            problem(line, "share", f"'{share_text}' is not allowed: a number ≥ 0 (0,5 or 50%)")
            ok = False
    kind = values.get("type", "").strip().lower() or PartnerType.other.value
    if kind not in types:
        problem(line, "type", f"unknown type '{kind}': allowed are {', '.join(types)}")
        ok = False
    return PartnerRow(name, role, share, kind) if ok else None


def partner_text(rows: Iterable[PartnerRow], sep: str = "\t") -> str:
    """The list as text that :func:`parse_partner_text` reads back (quoted where needed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for r in rows:
        writer.writerow([r.name, r.role, repr(r.share), r.type])
    return buffer.getvalue()
