"""Workbooks are bounded: a zip bomb, a zip directory that lies about sizes, a zip of too
many parts and a file that is no zip at all are refused with a message naming the file,
the sizes found and the limits allowed, before openpyxl reads a byte; memory stays flat."""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from builders import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbook_bombs import compressed_bomb, many_entries, underdeclared_bomb

from businesscase import LoadError, evaluate, load_case
from businesscase.allocation import allocate
from businesscase.cli import main
from businesscase.export import workbook_bytes
from businesscase.io.workbook import case_from_workbook
from businesscase.io.zipguard import MAX_PARTS, MAX_UNPACKED_BYTES
from dashboards.state import CaseState

VALID = ROOT / "tests" / "bad_inputs" / "valid_case.yaml"
MB = 1_000_000


@pytest.fixture(scope="module")
def exported() -> bytes:
    result = evaluate(load_case(VALID))
    return workbook_bytes(result, allocate(result))


@pytest.fixture
def no_openpyxl(monkeypatch):
    """Fail the test if openpyxl is asked to read the workbook at all."""

    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl was given a workbook that should have been refused")

    monkeypatch.setattr("openpyxl.load_workbook", refuse)  # read when a workbook is opened


def refusal(source, name=None) -> str:
    with pytest.raises(LoadError) as err:
        case_from_workbook(source, name)
    return str(err.value)


def test_an_exported_workbook_still_loads_from_a_path_bytes_or_a_file(exported, tmp_path):
    path = tmp_path / "case.xlsx"
    path.write_bytes(exported)
    want = load_case(VALID)
    for source in (path, str(path), exported, io.BytesIO(exported)):
        assert case_from_workbook(source) == want


def test_the_largest_case_is_far_inside_the_limits():
    """A horizon of 50 years (the most allowed) on the biggest shipped case."""
    import yaml

    from businesscase.io.case_yaml import case_to_yaml
    from businesscase.io.validate import case_from_data

    data = yaml.safe_load(
        case_to_yaml(load_case(ROOT / "assumptions" / "meeting_space_care_in_complex.yaml"))
    )
    data["meta"]["horizon"] = 50
    case = case_from_data(data)
    data = workbook_bytes(evaluate(case))
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert unpacked * 5 < MAX_UNPACKED_BYTES
    assert case_from_workbook(data) == case


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    size=st.integers(MAX_UNPACKED_BYTES, 120 * MB),
    name=st.from_regex(r"[A-Za-z0-9 _-]{1,20}\.xlsx", fullmatch=True),
)
def test_a_zip_bomb_is_refused_before_openpyxl_reads_it(exported, no_openpyxl, size, name):
    bomb = compressed_bomb(exported, size)
    assert len(bomb) < MB  # a small file that unpacks to a lot
    message = refusal(io.BytesIO(bomb), name)
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(bomb)).infolist())
    assert message.startswith(f"{name}: refused as a possible zip bomb")
    assert f"unpack to {unpacked / MB:.1f} MB" in message  # the size found
    assert (
        f"at most {MAX_UNPACKED_BYTES / MB:.0f} MB" in message and f"{MAX_PARTS} parts" in message
    )


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(size=st.integers(1 * MB, 15 * MB), declared=st.integers(0, 900_000), crc=st.booleans())
def test_a_directory_that_under_declares_a_size_is_refused(
    exported, no_openpyxl, size, declared, crc
):
    """Within the limits by what it declares, far beyond them unpacked; with a forged
    checksum zipfile itself would not notice (it stops at the declared size)."""
    bomb = underdeclared_bomb(exported, size, declared, matching_crc=crc)
    message = refusal(bomb, "lies.xlsx")
    assert message.startswith(
        "lies.xlsx: refused as a possible zip bomb: part xl/worksheets/sheet1.xml"
    )
    assert f"more than the {declared} bytes its zip directory declares" in message


def test_too_many_parts_are_refused(exported, no_openpyxl):
    data = many_entries(exported, MAX_PARTS)
    assert len(data) < 5 * MB
    message = refusal(data, "parts.xlsx")
    parts = len(zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert f"hold {parts} parts" in message and f"at most {MAX_PARTS} parts" in message


def test_a_tightly_packed_part_is_refused_even_under_the_total(exported, no_openpyxl):
    bomb = compressed_bomb(exported, 5 * MB)
    sheet = zipfile.ZipFile(io.BytesIO(bomb)).getinfo("xl/worksheets/sheet1.xml")
    message = refusal(bomb, "dense.xlsx")
    assert (
        f"part xl/worksheets/sheet1.xml unpacks from {sheet.compress_size / 1000:.1f} kB "
        f"to 5.0 MB ({sheet.file_size // sheet.compress_size} times)" in message
    )
    assert "packed more than 100 times" in message


def test_a_file_over_five_mb_is_refused_unread(tmp_path, no_openpyxl):
    path = tmp_path / "big.xlsx"
    with path.open("wb") as f:
        f.truncate(6 * 1024 * 1024)
    assert refusal(path) == f"{path}: file is 6.3 MB; at most 5 MB is allowed for a workbook"


@pytest.mark.parametrize(
    "content, says",
    [
        (b"meta:\n  name: x\n", "is not a zip archive, so not an .xlsx workbook"),
        (b"", "is empty"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "is an old .xls workbook or a password-protected one",
        ),
        (
            b"PK\x05\x06" + bytes(18),
            "not a readable Excel workbook (a part of the workbook is missing)",
        ),
    ],
)
def test_a_file_that_is_no_workbook_gets_a_message_not_a_python_error(content, says):
    message = refusal(content, "book.xlsx")
    assert message.startswith("book.xlsx: ") and says in message
    assert "Error" not in message and "zipfile" not in message


def test_a_folder_or_a_device_is_refused(tmp_path):
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert refusal(folder) == f"{folder}: is not a regular file; give the path of an .xlsx workbook"
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    assert refusal(fifo) == f"{fifo}: is not a regular file; give the path of an .xlsx workbook"
    assert refusal(tmp_path / "missing.xlsx").endswith("file not found")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_damaged_workbook_is_a_load_error_never_a_crash(exported, data):
    """Random bytes changed, cut off or inserted: the workbook loads or is refused with a
    LoadError naming it; no other exception gets out."""
    raw = bytearray(exported)
    how = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if how == "flip":
        for i in data.draw(
            st.lists(st.integers(at, min(at + 64, len(raw) - 1)), min_size=1, max_size=8)
        ):
            raw[i] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        del raw[at:]
    else:
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=64))
    try:
        case_from_workbook(bytes(raw), "damaged.xlsx")
    except LoadError as exc:
        assert str(exc).startswith("damaged.xlsx"), str(exc)
        assert "Traceback" not in str(exc)


MEASURE = """
import json, resource, sys
from businesscase.model.problems import UserError
from businesscase.io.workbook import case_from_workbook
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    case_from_workbook(sys.argv[1])
    outcome = "accepted"
except UserError as exc:
    outcome = str(exc)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "grew_mb": (after - before) / 1024}))
"""


def test_a_one_gigabyte_bomb_costs_no_memory(exported, tmp_path):
    """The issue's case: 1.1 MB on disk, 1 GB unpacked. Before the check, reading it took
    2.2 GB of memory and was accepted; now peak memory does not grow measurably."""
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(compressed_bomb(exported, 1 << 30))
    assert path.stat().st_size < 1.2 * MB
    unpacked = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=ROOT,
    )
    report = json.loads(out.stdout)
    assert (
        "refused as a possible zip bomb" in report["outcome"]
        and f"unpack to {unpacked / MB:,.1f} MB" in report["outcome"]
    )
    assert report["grew_mb"] < 40, report


def make_xlsx_bomb(tmp: Path, exported: bytes):
    path = tmp / "bomb.xlsx"
    path.write_bytes(compressed_bomb(exported, 200 * MB))
    return path, "refused as a possible zip bomb", "geweigerd als mogelijke zipbom"


def make_lying_zip(tmp: Path, exported: bytes):
    path = tmp / "lies.xlsx"
    path.write_bytes(underdeclared_bomb(exported, 10 * MB, matching_crc=True))
    return path, "its zip directory declares", "die de zip-inhoudsopgave opgeeft"


def make_text_as_xlsx(tmp: Path, exported: bytes):
    path = tmp / "notes.xlsx"
    path.write_text("meta:\n  name: x\n")
    return path, "is not a zip archive", "is geen zip-archief"


@pytest.mark.parametrize("make", [make_xlsx_bomb, make_lying_zip, make_text_as_xlsx])
def test_cli_and_dashboard_refuse_with_the_file_name(make, exported, tmp_path, capsys):
    path, says, dutch = make(tmp_path, exported)
    assert main(["run", str(path)]) == 2
    err = capsys.readouterr().err
    assert says in err and str(path) in err and "Traceback" not in err
    state = CaseState(case_file=str(VALID))
    message = state.import_file(path.read_bytes(), path.name)
    assert message.startswith(f"{path.name}: ") and dutch in message  # the page is Dutch
    assert "/tmp" not in message and state.base.meta.name == "Kleine buurtkamer"
