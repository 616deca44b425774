"""Problems with an uploaded or read file (a workbook that is damaged, a bomb or no
workbook at all, an upload of the wrong kind or size, a partner list with bad rows) are
worded from the catalogue in Dutch, with the English the CLI prints beside it."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_problems_in_dutch import assert_worded_in_dutch
from workbook_bombs import compressed_bomb, many_entries, underdeclared_bomb

from businesscase.allocation import allocate
from businesscase.engine import evaluate
from businesscase.io import load_case, load_upload
from businesscase.io.partner_list import parse_partner_file, parse_partner_text
from businesscase.io.workbook import case_from_workbook
from businesscase.model import LoadError

VALID = Path(__file__).parent / "bad_inputs" / "valid_case.yaml"
MB = 1_000_000


@pytest.fixture(scope="module")
def exported() -> bytes:
    from businesscase.export import workbook_bytes

    result = evaluate(load_case(VALID))
    return workbook_bytes(result, allocate(result))


def refused(call, *args) -> LoadError:
    with pytest.raises(LoadError) as err:
        call(*args)
    return err.value


def edited(exported: bytes, **cells) -> bytes:
    """The exported workbook with cells of its assumptions sheet changed (or a sheet
    removed: ``drop=name``)."""
    wb = load_workbook(io.BytesIO(exported))
    drop = cells.pop("drop", None)
    if drop:
        del wb[drop]
    sheet = wb["Aannames"]
    for ref, value in cells.items():
        sheet[ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def password_flagged(exported: bytes) -> bytes:
    raw = bytearray(exported)
    with zipfile.ZipFile(io.BytesIO(exported)) as zf:
        for info in zf.infolist():
            at = info.header_offset
            raw[at + 6] |= 0x1  # the local header's flag
    # and in the central directory
    start = raw.rfind(b"PK\x01\x02", 0)
    while start != -1:
        raw[start + 8] |= 0x1
        start = raw.rfind(b"PK\x01\x02", 0, start)
    return bytes(raw)


def test_every_workbook_refusal_is_worded_in_dutch(exported):
    header = load_workbook(io.BytesIO(exported))["Aannames"][1]
    value_column = next(c.column_letter for c in header if c.value in ("Waarde", "Value"))
    cases = {
        "bomb": compressed_bomb(exported, 30 * MB),
        "lies": underdeclared_bomb(exported, 10 * MB, matching_crc=True),
        "parts": many_entries(exported, 1001),
        "text": b"meta:\n  name: x\n",
        "empty": b"",
        "ole": b"\xd0\xcf\x11\xe0" + b"\0" * 100,
        "cut": exported[: len(exported) // 2],
        "password": password_flagged(exported),
        "no_case_sheet": edited(exported, drop="_case"),
        "not_a_number": edited(exported, **{f"{value_column}2": "veel"}),
        "out_of_range": edited(exported, **{f"{value_column}2": -5}),
    }
    kinds = set()
    for name, data in cases.items():
        exc = refused(case_from_workbook, data, f"{name}.xlsx")
        for problem in exc.problems:
            assert_worded_in_dutch(problem)
            kinds.add(problem.kind)
            assert problem.text("en").endswith(problem.message)
    assert {"zip_bomb", "zip_bomb_part", "not_xlsx", "not_exported"} <= kinds, kinds
    assert "cell_not_a_number" in kinds


def test_a_cell_is_named_in_dutch_and_in_english(exported):
    header = load_workbook(io.BytesIO(exported))["Aannames"][1]
    value_column = next(c.column_letter for c in header if c.value in ("Waarde", "Value"))
    exc = refused(case_from_workbook, edited(exported, **{f"{value_column}2": "veel"}), "c.xlsx")
    assert f"c.xlsx blad 'Aannames' cel {value_column}2" in exc.text("nl")
    assert "'veel' is geen getal; typ een getal in deze cel" in exc.text("nl")
    assert f"c.xlsx sheet 'Aannames' cell {value_column}2" in str(exc)


def test_sizes_are_written_in_each_languages_format(exported):
    exc = refused(case_from_workbook, compressed_bomb(exported, 30 * MB), "b.xlsx")
    assert "uitgepakt 30,1 MB zijn" in exc.text("nl") and "unpack to 30.1 MB" in str(exc)
    # the packed size depends on the exported workbook: its format, not its figure
    assert re.search(r"de \d+,\d kB bevatten", exc.text("nl"))
    assert re.search(r"its \d+\.\d kB hold", str(exc))


def test_uploads_of_the_wrong_kind_or_size_are_worded_in_dutch():
    for data, name in ((b"x" * (6 * MB), "groot.yaml"), (b"meta: {}", "case.docx")):
        for problem in refused(load_upload, data, name).problems:
            assert_worded_in_dutch(problem)


def test_every_partner_list_problem_is_worded_in_dutch():
    roles = ["gemeente", "woningcorporatie"]
    text = "\n".join(
        [
            "Woonstad;woningcorporatie;1",
            "Bank;bank;1",
            ";gemeente;1",
            "Woonstad;gemeente;1",
            "X" * 300 + ";gemeente;1",
            "Y;gemeente;-2",
            "Z;gemeente;1;ruimteschip",
            "A;gemeente;1;other;extra;meer",
        ]
    )
    exc = refused(parse_partner_text, text, roles, ["Gemeente"])
    assert len(exc.problems) == 7
    for problem in exc.problems:
        assert_worded_in_dutch(problem)
    for data, name in ((b"x", "lijst.pdf"), (b"not a workbook", "lijst.xlsx")):
        for problem in refused(parse_partner_file, data, name, roles).problems:
            assert_worded_in_dutch(problem)
