"""Load and validate a case from YAML; every error names file, line and field.

A case file may ``include`` shared files (partners, economics) or whole other cases (a
combined case includes the cases of its formulas), given relative to it; where an include
may lead is :mod:`businesscase.io.includes`' one policy. An overlap group may be defined
(label, alpha) in a shared file and get its ``members`` from the formula files that use
it: members are appended; a group that no file gives members is not used by this case and
is left out.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from businesscase.model import Case, Fixed, InputProblem, LoadError

from .includes import IncludePolicy, IncludeReader, drop_unused_groups
from .validate import case_from_data
from .workbook import case_from_workbook
from .yaml_source import MAX_FILE_BYTES, read_bounded

__all__ = ["load_case", "load_upload", "default_case_path", "assumptions_dir", "UPLOAD_SUFFIXES"]

UPLOAD_SUFFIXES = (".yaml", ".yml", ".xlsx")


def assumptions_dir() -> Path:
    env = os.environ.get("BUSINESSCASE_ASSUMPTIONS")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "assumptions"
    if (checkout / "meeting_space.yaml").is_file():  # a source checkout or editable install
        return checkout
    # An installed wheel carries them as the data package businesscase.assumption_files
    # (see pyproject.toml). The include policy compares real paths, so the package must be
    # a folder on disk (a wheel installed as usual, not a zip import).
    missing = LoadError([InputProblem("assumptions", None, "", kind="assumptions_missing")])
    try:
        shipped = resources.files("businesscase.assumption_files")
    except ModuleNotFoundError:
        raise missing from None
    # A namespace package's files() is a MultiplexedPath; a file in it is a real path.
    folder = Path(str(shipped.joinpath("meeting_space.yaml"))).parent
    if not (folder / "meeting_space.yaml").is_file():
        raise missing
    return folder


def default_case_path() -> Path:
    return assumptions_dir() / "meeting_space.yaml"


def load_case(path: str | os.PathLike, *, allow_include_outside: bool = False) -> Case:
    """Read, merge and validate a case file (YAML, or an exported Excel workbook).

    Its includes may lead into its own folder tree and the assumptions folder; elsewhere
    only with ``allow_include_outside``. Raises :class:`LoadError`."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return case_from_workbook(path)
    policy = IncludePolicy.for_case_file(path, assumptions_dir(), allow_include_outside)
    reader = IncludeReader(policy)
    try:
        raw = read_bounded(path, str(path))
        data = reader.read_top(raw, str(path), path.parent, path.resolve())
    except InputProblem as problem:
        raise LoadError([reader.hide(problem)]) from None
    return _validated(data, str(path), reader)


def load_upload(data: bytes, filename: str) -> Case:
    """Validate an uploaded case (YAML or an exported workbook) without writing it anywhere.

    Its includes may name only the shipped files of the assumptions folder, and messages
    name them relative to it. Raises :class:`LoadError`."""
    name = upload_name(filename)
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(
            [
                InputProblem(
                    name,
                    None,
                    "",
                    kind="upload_too_big",
                    values={
                        "mb": Fixed(len(data) / 1e6, 1),
                        "limit": Fixed(MAX_FILE_BYTES / 1e6, 0),
                    },
                )
            ]
        )
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise LoadError([InputProblem(name, None, "", kind="upload_kind")])
    if suffix == ".xlsx":
        return _workbook_upload(data, name)
    policy = IncludePolicy.for_upload(assumptions_dir())
    reader = IncludeReader(policy)
    try:
        parsed = reader.read_top(data, name, policy.shipped)
    except InputProblem as problem:
        raise LoadError([reader.hide(problem)]) from None
    return _validated(parsed, name, reader)


def upload_name(filename: str | None) -> str:
    """The name an upload is shown by: its last part, as the browser gave it."""
    name = Path(str(filename or "").replace("\\", "/")).name
    return name if name.strip() else "upload.yaml"


def _workbook_upload(data: bytes, name: str) -> Case:
    # Read from memory like a YAML upload: no server path exists to leak. A workbook
    # carries no includes: its case sheet is validated alone.
    return case_from_workbook(data, name)


def _validated(data, file: str, reader: IncludeReader) -> Case:
    drop_unused_groups(data)
    try:
        return case_from_data(data, file)
    except LoadError as exc:
        raise LoadError([reader.hide(pr) for pr in exc.problems]) from None
