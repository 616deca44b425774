"""The one writer rule for spreadsheet cells: a text is always written as text.

openpyxl turns any str that starts with ``=`` into a formula and a str such as ``#N/A``
into an error value, so a partner called ``=HYPERLINK(...)`` or ``=cmd|' /C calc'!A0``
would run in the reader's spreadsheet program. Every row of an export goes through
:func:`put_row`, which stores each str as a string cell (data type ``s``) with its text
unchanged: no quote or apostrophe is added, so a re-import reads back what was written.
A formula of the exporter's own is possible only as a :class:`Formula`.
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

MAX_CELL_CHARS = 32_767  # what Excel holds in one cell; openpyxl silently cuts the rest
REPLACEMENT = "\ufffd"


class Formula(str):
    """A formula computed by the exporter itself (``"=SUM(B2:B9)"``): the only value
    :func:`put_row` writes as a formula."""


def shown_text(text: str) -> str:
    """A text as a cell can hold it: XML 1.0 forbids most control characters (openpyxl
    raises on them), and a cell holds at most 32,767 characters. Both only matter for
    the visible sheets; the hidden case sheet carries the exact text (see
    :func:`text_pieces`)."""
    text = ILLEGAL_CHARACTERS_RE.sub(REPLACEMENT, text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def text_pieces(text: str, size: int = MAX_CELL_CHARS) -> list[str]:
    """A text cut into pieces that each fit one cell, to be joined again on reading."""
    if ILLEGAL_CHARACTERS_RE.search(text):  # the YAML dumper escapes these; a bug if not
        raise ValueError("a control character cannot be stored in a cell unchanged")
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def put_row(ws, values: list, exact: bool = False) -> int | None:
    """Append one row; every str becomes a string cell, a :class:`Formula` a formula.
    With `exact`, texts are stored unchanged (they must hold no control characters) and
    may be longer than one cell can hold: see :func:`put_text_row`. Returns the row
    number (None for an empty row)."""
    cells = [None if v is None else _cell(ws, v, exact) for v in values]
    ws.append(cells)
    filled = next((c for c in cells if c is not None), None)
    if filled is not None:
        return filled.row
    return ws.max_row if values else None  # max_row walks every cell: only when needed


def _cell(ws, value, exact: bool) -> Cell:
    if isinstance(value, Formula) or not isinstance(value, str):
        return Cell(ws, value=value)
    cell = Cell(ws, value=value if exact else shown_text(value))
    cell.data_type = "s"  # even when openpyxl took it for a formula or an error value
    return cell


def put_text_row(ws, text: str) -> int:
    """Append one text exactly, spread over as many cells of the row as it needs; read
    it back by joining the row's cells."""
    row = put_row(ws, text_pieces(text), exact=True)
    assert row is not None  # text_pieces never returns an empty list
    return row
