"""A workbook is a zip archive, and a zip can be a bomb: 1 MB on disk that unpacks to
gigabytes inside openpyxl. Before openpyxl sees a workbook, :func:`bounded_workbook`
reads at most :data:`MAX_PACKED_BYTES`, checks the zip directory (how many parts, how
big unpacked, how tightly packed), and unpacks every part once in a streaming pass that
stops at the size the directory declared. openpyxl then reads the same bytes through the
same directory, whose sizes Python's zipfile never reads past, so it unpacks no more
than was checked here. The check unpacks the raw bytes itself rather than trusting
zipfile's reader, so the bound does not rest on one library's internals.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from businesscase.model import Fixed, InputProblem, part

from .yaml_source import MAX_FILE_BYTES

MAX_PACKED_BYTES = MAX_FILE_BYTES  # the same cap as a YAML case file
MAX_UNPACKED_BYTES = 20_000_000  # the largest case (horizon 50) unpacks to 2.1 MB
MAX_PARTS = 1000  # an export has 15 parts; Excel adds a few dozen
MAX_RATIO = 100  # real sheets pack 3-10 times; a bomb ~1000 times
RATIO_FROM_BYTES = 1_000_000  # small parts may pack tightly without harm
_CHUNK = 1 << 16
ADVICE = part("part_xlsx_advice")

Source = str | os.PathLike | bytes | bytearray | BinaryIO


def _mb(n: int):
    if n >= 100_000:
        return part("part_megabytes", n=Fixed(n / 1e6, 1))
    return part("part_kilobytes", n=Fixed(n / 1e3, 1))


def _limit(n: int):
    return part("part_megabytes", n=Fixed(n / 1e6, 0))


def _refuse(name: str, kind: str, **values) -> InputProblem:
    """A refusal worded from the catalogue (``problem_<kind>``) in the page's language."""
    return InputProblem(name, None, "", kind=kind, values=values)


def display_name(source: Source, name: str | None) -> str:
    if name is not None:
        return name
    if isinstance(source, (str, os.PathLike)):
        return str(source)
    return getattr(source, "name", None) or "workbook.xlsx"


def read_packed(source: Source, name: str) -> bytes:
    """The bytes of a workbook given as a path, bytes or a binary file, at most
    MAX_PACKED_BYTES of them. Raises InputProblem."""
    limit = _limit(MAX_PACKED_BYTES)
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise _refuse(name, "xlsx_not_regular")
            if info.st_size > MAX_PACKED_BYTES:
                raise _refuse(name, "xlsx_too_big", size=_mb(info.st_size), limit=limit)
            with path.open("rb") as f:
                data = f.read(MAX_PACKED_BYTES + 1)
        except FileNotFoundError:
            raise _refuse(name, "file_not_found") from None
        except IsADirectoryError:
            raise _refuse(name, "xlsx_is_folder") from None
        except PermissionError:
            raise _refuse(name, "no_permission") from None
    else:
        data = source.read(MAX_PACKED_BYTES + 1)
    if len(data) > MAX_PACKED_BYTES:
        size = (
            _mb(len(data))
            if isinstance(source, (bytes, bytearray))
            else part("part_more_than", size=limit)
        )
        raise _refuse(name, "xlsx_too_big", size=size, limit=limit)
    return data


def _open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, struct.error):
        pass
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE container: .xls or an encrypted .xlsx
        what = part("part_old_xls")
    elif not data.strip():
        what = part("part_empty")
    else:
        what = part("part_not_zip")
    raise _refuse(name, "not_xlsx", what=what, advice=ADVICE)


def check_directory(zf: zipfile.ZipFile, packed: int, name: str) -> None:
    """Refuse a zip whose directory declares too many parts, too many bytes unpacked, or
    a large part packed like a bomb."""
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    allowed = part(
        "part_zip_allowed",
        parts=MAX_PARTS,
        unpacked=_limit(MAX_UNPACKED_BYTES),
        part_limit=_limit(RATIO_FROM_BYTES),
        ratio=MAX_RATIO,
    )
    if len(infos) > MAX_PARTS or total > MAX_UNPACKED_BYTES:
        found = part("part_zip_found", packed=_mb(packed), parts=len(infos), total=_mb(total))
        raise _refuse(name, "zip_bomb", found=found, allowed=allowed)
    for i in infos:
        if i.file_size > RATIO_FROM_BYTES and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            found = part(
                "part_zip_part_found",
                part=i.filename,
                packed=_mb(i.compress_size),
                unpacked=_mb(i.file_size),
                times=i.file_size // max(i.compress_size, 1),
            )
            raise _refuse(name, "zip_bomb", found=found, allowed=allowed)


def verify_parts(data: bytes, zf: zipfile.ZipFile, name: str) -> None:
    """Unpack every part once, in chunks, from the raw bytes, and stop as soon as a part
    gives more than its directory entry declares: a directory that under-declares a
    size is refused here even when its checksum was forged to match."""
    for info in zf.infolist():
        if info.flag_bits & 0x1:
            raise _refuse(name, "password")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(name, "zip_method", part=info.filename, advice=ADVICE)
        raw = _raw_part(data, info, name)
        seen, crc = _unpack_bounded(raw, info, name)
        if seen != info.file_size or crc != info.CRC:
            what = part("part_part_unpacks_wrong", part=info.filename)
            raise _refuse(name, "zip_damaged", what=what, advice=ADVICE)


def _raw_part(data: bytes, info: zipfile.ZipInfo, name: str) -> memoryview:
    at = info.header_offset
    if at < 0 or len(data) < at + 30 or data[at : at + 4] != b"PK\x03\x04":
        what = part("part_part_missing", part=info.filename)
        raise _refuse(name, "zip_damaged", what=what, advice=ADVICE)
    name_len, extra_len = struct.unpack_from("<HH", data, at + 26)
    start = at + 30 + name_len + extra_len
    raw = memoryview(data)[start : start + info.compress_size]
    if len(raw) != info.compress_size:
        what = part("part_part_cut_off", part=info.filename)
        raise _refuse(name, "zip_damaged", what=what, advice=ADVICE)
    return raw


def _unpack_bounded(raw: memoryview, info: zipfile.ZipInfo, name: str) -> tuple[int, int]:
    """(bytes unpacked, CRC-32) of one part, never holding more than a chunk."""
    if info.compress_type == zipfile.ZIP_STORED:
        return len(raw), zlib.crc32(raw)
    inflate, seen, crc = zlib.decompressobj(-zlib.MAX_WBITS), 0, 0
    try:
        for i in range(0, len(raw), _CHUNK):
            pending: memoryview | bytes = raw[i : i + _CHUNK]
            while pending:
                out = inflate.decompress(pending, _CHUNK)
                pending = inflate.unconsumed_tail
                seen, crc = seen + len(out), zlib.crc32(out, crc)
                if seen > info.file_size:
                    found = part("part_zip_declared", part=info.filename, n=str(info.file_size))
                    raise _refuse(name, "zip_bomb_part", found=found)
        out = inflate.flush()
    except zlib.error:
        what = part("part_part_cannot_unpack", part=info.filename)
        raise _refuse(name, "zip_damaged", what=what, advice=ADVICE) from None
    return seen + len(out), zlib.crc32(out, crc)


def bounded_workbook(source: Source, name: str) -> io.BytesIO:
    """The workbook's bytes, checked to unpack within the limits, ready for openpyxl.
    Raises InputProblem naming `name`, the sizes found and the limits allowed."""
    data = read_packed(source, name)
    with _open_zip(data, name) as zf:
        check_directory(zf, len(data), name)
        verify_parts(data, zf, name)
    return io.BytesIO(data)
