"""Hostile workbooks built from a real export: a zip bomb (a tiny file that inflates to a
huge sheet), the same bomb with a zip directory that under-declares the size, and files
that are no zip at all. Shared by the tests and by the memory measurement."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

SHEET = "xl/worksheets/sheet1.xml"  # the summary sheet, read by every openpyxl mode
CHUNK = 1 << 20


def _entries(workbook: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(workbook)) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def compressed_bomb(workbook: bytes, size: int) -> bytes:
    """The workbook with one extra cell in the summary sheet holding `size` letters 'a':
    a valid .xlsx that openpyxl reads, about size/1000 bytes on disk."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info, data in _entries(workbook):
            if info.filename != SHEET:
                zf.writestr(info.filename, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with zf.open(SHEET, "w", force_zip64=size > 2**31 - 2**20) as f:
                f.write(head + b'<row r="9999"><c r="A9999" t="inlineStr"><is><t>')
                block = b"a" * CHUNK
                for _ in range(size // CHUNK):
                    f.write(block)
                f.write(b"a" * (size % CHUNK))
                f.write(b"</t></is></c></row></sheetData>" + tail)
    return out.getvalue()


def underdeclared_bomb(
    workbook: bytes, size: int, declared: int = 4096, matching_crc: bool = False
) -> bytes:
    """The compressed bomb whose zip directory (central directory and local header) says
    the big sheet inflates to only `declared` bytes. With `matching_crc` the stored CRC is
    that of the first `declared` bytes, so a reader that trusts the directory sees no
    CRC error at all."""
    data = bytearray(compressed_bomb(workbook, size))
    crc = None
    if matching_crc:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf, zf.open(SHEET) as f:
            crc = zlib.crc32(f.read(declared))
    name = SHEET.encode()
    for signature, crc_at, size_at in ((b"PK\x01\x02", 16, 24), (b"PK\x03\x04", 14, 22)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, declared)
                if crc is not None:
                    struct.pack_into("<I", data, at + crc_at, crc)
            start = at + 4
    return bytes(data)


def many_entries(workbook: bytes, count: int) -> bytes:
    """The workbook plus `count` tiny extra entries (a directory bomb)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in _entries(workbook):
            zf.writestr(info.filename, data)
        for i in range(count):
            zf.writestr(f"customXml/item{i}.xml", b"<a/>")
    return out.getvalue()
