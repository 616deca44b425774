"""Writing a file the user asked for (an export): the target is checked first, the content
goes to a temporary file in the same folder and is renamed into place only when it is
complete, so a failed export never leaves a half-written file or damages an older one.

Every problem with the target is a :class:`TargetError` naming the option, the path and
what to do.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from businesscase.model import UserError


class TargetError(UserError):
    """A file or folder the user named cannot be written."""

    def __init__(self, option: str, message: str):
        self.option = option
        super().__init__(f"{option}: {message}")


def check_folder(folder: str | os.PathLike, option: str) -> Path:
    """An existing folder we may write in, or a TargetError saying what is wrong."""
    folder = Path(folder)
    if not folder.exists():
        first = next((p for p in folder.absolute().parents if p.exists()), None)
        if first is not None and not first.is_dir():
            raise TargetError(
                option,
                f"cannot write in {folder}: {first} is a file, not a "
                "folder; choose a path in an existing folder",
            )
        raise TargetError(
            option,
            f"the folder {folder} does not exist; create it first or choose an existing folder",
        )
    if not folder.is_dir():
        raise TargetError(option, f"{folder} is a file, not a folder; choose a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise TargetError(
            option,
            f"no permission to write in the folder {folder}; choose a folder you may write to",
        )
    return folder


EXAMPLES = {
    "--xlsx": "businesscase.xlsx",
    "--html": "report.html",
    "--pdf": "report.pdf",
    "--agreements": "agreements.html",
}


def check_target(path: str | os.PathLike, option: str) -> Path:
    """A file path that can be written: its folder exists and is writable, and it is not
    itself a folder."""
    path = Path(path)
    if path.is_dir():
        example = path / EXAMPLES.get(option, "export")
        raise TargetError(option, f"{path} is a folder; give a file name in it, such as {example}")
    check_folder(path.parent, option)
    if path.exists() and not os.access(path, os.W_OK):
        raise TargetError(option, f"no permission to overwrite {path}; choose another name")
    return path


@contextmanager
def replaced(path: str | os.PathLike, option: str) -> Iterator[Path]:
    """A temporary path to write the whole file to; on success it becomes ``path``.

    On any failure the temporary file is removed and ``path`` is as it was; a failure
    to write (disk full, a limit on file size) becomes a TargetError."""
    path = check_target(path, option)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise TargetError(
            option,
            f"could not write {path} ({exc.strerror or exc}); nothing "
            "was written: free some space or choose another place",
        ) from exc
    except BaseException:
        _remove(tmp)
        raise


def write_text(path: str | os.PathLike, text: str, option: str) -> Path:
    with replaced(path, option) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def _mode_for(path: Path) -> int:
    """Keep the mode of the file replaced; a new file gets the usual mode (0666 less the
    umask), not mkstemp's private 0600."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _remove(tmp: Path) -> None:
    with suppress(FileNotFoundError):
        tmp.unlink()
