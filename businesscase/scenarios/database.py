"""Opening the scenario database, and what to tell the user when it cannot be used.

Every way a database can fail the user (a folder that does not exist, a read-only, locked,
full or damaged file, a file that is no database, a URL without a driver) ends in a
:class:`StoreError` that names the database and says what to do; the CLI shows it with
exit code 2, the dashboard inline. A read-only SQLite file is opened read-only, so that
listing, opening and exporting still work. Nothing here ever writes to a file that is not
already a scenario store.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, make_url
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from businesscase.model import UserError
from businesscase.text import t

from .round_tables import ROUND_TABLES

SQLITE_HEADER = b"SQLite format 3\x00"
TABLES = {"scenario", "scenario_version"}
# made when first needed (the first draft, the first round command), so older stores open
OPTIONAL_TABLES = {"session_draft", *ROUND_TABLES}
# Every way the database can fail the user; the words are the catalogue's "store_<kind>",
# where {db} is the database and the other fields are as given.
FAULT_KINDS = (
    "missing_folder",
    "folder_is_file",
    "is_folder",
    "not_database",
    "foreign_database",
    "corrupt",
    "read_only",
    "opened_read_only",
    "cannot_create",
    "cannot_read",
    "locked",
    "full",
    "disk_error",
    "bad_url",
    "no_driver",
    "unreachable",
)


class StoreError(UserError):
    """The scenario database cannot be used as asked. ``kind`` is one of FAULT_KINDS;
    ``text(lang)`` is the message in English or Dutch (catalogue key ``store_<kind>``)."""

    def __init__(self, database: str, kind: str, **fields):
        self.database, self.kind, self.fields = database, kind, fields
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        return t(f"store_{self.kind}", lang, db=self.database, **self.fields)


# sqlite's own words for each fault (the DBAPI gives no finer error codes in Python 3.11)
_SQLITE_FAULTS = (
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("database schema is locked", "locked"),
    ("or disk is full", "full"),
    ("readonly database", "read_only"),
    ("file is not a database", "not_database"),
    ("malformed", "corrupt"),
    ("disk i/o error", "disk_error"),
    ("unable to open database file", "cannot_read"),
)


def fault_kind(exc: BaseException) -> str | None:
    """The kind of fault an sqlite error stands for, or None (then it is a bug)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return next((kind for words, kind in _SQLITE_FAULTS if words in text), None)


@contextmanager
def translated(database: str, sqlite: bool, seconds: float = 0.0):
    """Turn a database fault inside the block into a StoreError naming the database."""
    try:
        yield
    except DBAPIError as exc:
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:300]
        kind = (
            fault_kind(exc)
            if sqlite
            else ("unreachable" if isinstance(exc, OperationalError) else None)
        )
        if kind is None:
            raise
        raise StoreError(database, kind, detail=detail, seconds=seconds) from exc


def sqlite_pragmas(con: sqlite3.Connection, writable: bool) -> None:
    """Settings of one connection; none of them writes to the file (the journal mode,
    which does, is set once when the store is created)."""
    if writable:
        con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")


def use_wal(engine: Engine) -> None:
    """Write-ahead logging for a new store: readers never block the writer, and a crash
    leaves every committed version. Outside a transaction, as sqlite requires."""
    raw = engine.raw_connection()
    try:
        sqlite = raw.driver_connection
        assert sqlite is not None  # a connection fresh from the pool has its DBAPI one
        sqlite.execute("PRAGMA journal_mode=WAL")
    finally:
        raw.close()


def open_engine(url: str, timeout: float) -> tuple[Engine, str, bool, bool]:
    """(engine, the database as shown to the user, is SQLite, is read-only)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(url, "bad_url", detail=str(exc)) from None
    shown = parsed.render_as_string(hide_password=True)
    if (
        parsed.get_backend_name() == "sqlite"
        and parsed.database not in (None, "", ":memory:")
        and "uri" not in parsed.query
    ):
        path = Path(parsed.database).expanduser().resolve()
        return _sqlite_file_engine(path, timeout)
    try:
        engine = create_engine(parsed)
    except NoSuchModuleError:
        raise StoreError(
            shown, "bad_url", detail=f"no kind of database called {parsed.drivername!r}"
        ) from None
    except ImportError as exc:
        raise StoreError(shown, "no_driver", module=exc.name or str(exc)) from None
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite:  # an in-memory or URI database: the same transactions as a file
        event.listen(engine, "connect", lambda con, _record: setattr(con, "isolation_level", None))
        _begin_immediately_when_asked(engine)
    return engine, shown, sqlite, False


def _sqlite_file_engine(path: Path, timeout: float) -> tuple[Engine, str, bool, bool]:
    shown = str(path)
    folder = path.parent
    if not folder.is_dir():
        first = next(p for p in [folder, *folder.parents] if p.exists())
        if not first.is_dir():
            raise StoreError(shown, "folder_is_file", folder=str(first))
        raise StoreError(shown, "missing_folder", folder=str(_first_missing(folder)))
    if path.is_dir():
        raise StoreError(shown, "is_folder")
    if path.exists():
        try:
            with path.open("rb") as f:
                head = f.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(shown, "cannot_read", detail=exc.strerror or str(exc)) from None
        if head and head != SQLITE_HEADER:  # an empty file is a new database to sqlite
            raise StoreError(shown, "not_database")
        writable = os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)
    elif os.access(folder, os.W_OK | os.X_OK):
        writable = True
    else:
        raise StoreError(shown, "cannot_create", folder=str(folder))
    engine = _sqlite_engine(path, timeout, writable, immutable=False)
    if not writable:
        # Without write access to the folder sqlite cannot make the WAL index (-shm)
        # it needs to read; nobody can write there either, so the file cannot change.
        try:
            with engine.connect() as con:
                con.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchall()
        except DBAPIError as exc:
            if fault_kind(exc) not in ("read_only", "cannot_read"):
                with translated(shown, True):
                    raise
            engine.dispose()
            engine = _sqlite_engine(path, timeout, False, immutable=True)
    return engine, shown, True, not writable


def _first_missing(folder: Path) -> Path:
    while not folder.parent.exists():
        folder = folder.parent
    return folder


def _sqlite_engine(path: Path, timeout: float, writable: bool, immutable: bool) -> Engine:
    uri = path.as_uri() + ("" if writable else "?mode=ro" + ("&immutable=1" if immutable else ""))

    def connect():
        # isolation_level=None: SQLAlchemy's begin event below says BEGIN itself, so
        # that a save can take the write lock before it reads the last version number.
        con = sqlite3.connect(
            uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
        )
        sqlite_pragmas(con, writable)
        return con

    engine = create_engine("sqlite://", creator=connect)
    _begin_immediately_when_asked(engine)
    return engine


def _begin_immediately_when_asked(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _begin(conn):
        immediate = conn.get_execution_options().get("sqlite_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def table_state(engine: Engine) -> tuple[bool, list[str]]:
    """(both scenario tables exist, the names of other tables)."""
    names = set(inspect(engine).get_table_names())
    return names >= TABLES, sorted(names - TABLES - OPTIONAL_TABLES)
