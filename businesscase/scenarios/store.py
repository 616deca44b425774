"""Scenario store on SQLAlchemy: SQLite by default, PostgreSQL by a database URL.

Every save is a new version; nothing is ever overwritten. A version holds the whole case
as YAML (so it opens even if the assumption files change later), the user's changes, a
name, notes, author and time. Each save is one transaction: a crash leaves either the
whole version or nothing.

Version numbers are assigned under the write lock (BEGIN IMMEDIATE in SQLite), and a save
that still meets a concurrent one (a unique-number conflict on a server database, a lock)
is retried with backoff, so that saves from several processes all succeed with the
numbers 1..N. Opening never writes to a store whose tables exist, so a read-only store
can be listed, opened and exported. Faults of the database are StoreErrors
(see :mod:`.database`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from businesscase.io import case_from_yaml, case_to_yaml, outfile
from businesscase.model import Case, UserError

from .database import StoreError, open_engine, table_state, translated, use_wal

MAX_NAME = 200
DEFAULT_URL_ENV = "BUSINESSCASE_DATABASE_URL"
LOCK_TIMEOUT = 30.0  # seconds a save waits for other writers before it gives up


class _Base(DeclarativeBase):
    pass


class _Scenario(_Base):
    __tablename__ = "scenario"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(MAX_NAME))
    created_at: Mapped[str] = mapped_column(String(40))


class _Version(_Base):
    __tablename__ = "scenario_version"
    __table_args__ = (UniqueConstraint("scenario_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(MAX_NAME))
    notes: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(MAX_NAME), default="")
    created_at: Mapped[str] = mapped_column(String(40))
    case_yaml: Mapped[str] = mapped_column(Text)
    changes_json: Mapped[str] = mapped_column(Text, default="{}")


class _Draft(_Base):
    """The inputs of a dashboard session as the user works, under the key its URL carries."""

    __tablename__ = "session_draft"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    updated_at: Mapped[str] = mapped_column(String(40))
    inputs_json: Mapped[str] = mapped_column(Text)
    case_yaml: Mapped[str | None] = mapped_column(Text, nullable=True)


DRAFT_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
MAX_DRAFT_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Draft:
    """A session's inputs (JSON-able) and, when its case did not come from a shipped file
    (an upload, an opened scenario), that case."""

    key: str
    inputs: dict
    case: Case | None
    updated_at: str


@dataclass(frozen=True)
class Version:
    scenario_id: int
    number: int
    name: str
    notes: str
    author: str
    created_at: str
    changes: dict

    @property
    def label(self) -> str:
        return f"{self.name} (v{self.number}, {self.created_at[:16].replace('T', ' ')})"


def check_name(name: str) -> str:
    """A scenario name is free text, but not empty, not too long, no control characters."""
    name = (name or "").strip()
    if not name:
        raise UserError("a scenario needs a name")
    if len(name) > MAX_NAME:
        raise UserError(f"a scenario name has at most {MAX_NAME} characters")
    if re.search(r"[\x00-\x1f\x7f]", name):
        raise UserError("a scenario name cannot contain control characters")
    if "/" in name or "\\" in name:
        raise UserError(
            f"a scenario name cannot contain / or \\ (got {name!r}); "
            "use letters, digits, spaces and - or _"
        )
    return name


def safe_filename(name: str) -> str:
    """A file name from a scenario name: no path separators, no way out of a folder."""
    stem = re.sub(r"[^A-Za-z0-9-]+", "_", name).strip("_-") or "scenario"
    return stem[:80] + ".yaml"


class ScenarioStore:
    def __init__(self, url: str | os.PathLike | None = None, lock_timeout: float | None = None):
        url = url or os.environ.get(DEFAULT_URL_ENV) or "scenarios.db"
        url = str(url)
        if "://" not in url:
            url = f"sqlite:///{Path(url).expanduser().resolve()}"
        self.url = url
        self.lock_timeout = LOCK_TIMEOUT if lock_timeout is None else lock_timeout
        self.engine, self.database, self._sqlite, self.read_only = open_engine(
            url, self.lock_timeout
        )
        self._writer = self.engine.execution_options(sqlite_immediate=True)
        self._drafts_ready = False
        with self._faults():
            ready, others = table_state(self.engine)
        if ready:
            return  # nothing to create: opening writes nothing
        if others:
            raise StoreError(self.database, "foreign_database", tables=", ".join(others[:8]))
        if self.read_only:
            raise StoreError(self.database, "read_only")
        if self._sqlite:
            self._retry(lambda: use_wal(self.engine))
        # Under the write lock, so that two processes opening a new store do not both
        # create its tables.
        self._retry(lambda: _Base.metadata.create_all(self._writer))

    def _faults(self):
        return translated(self.database, self._sqlite, self.lock_timeout)

    def _retry(self, attempt):
        """Run a write, again after a lock or a version-number conflict, until the lock
        timeout: a concurrent save is never a failure, only a wait."""
        if self.read_only:
            raise StoreError(self.database, "read_only")
        deadline = time.monotonic() + self.lock_timeout
        pause = 0.005
        while True:
            try:
                with self._faults():
                    return attempt()
            except StoreError as exc:
                if exc.kind != "locked" or time.monotonic() >= deadline:
                    raise
            except IntegrityError:  # two server sessions took the same number; the next try sees it
                if time.monotonic() >= deadline:
                    raise
            time.sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, 0.5)

    def save(
        self,
        name: str,
        case: Case,
        changes: dict | None = None,
        notes: str = "",
        author: str = "",
        scenario_id: int | None = None,
    ) -> Version:
        """Save a new scenario (scenario_id None) or a new version of an existing one."""
        name = check_name(name)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        text = case_to_yaml(case)
        changes_json = json.dumps(changes or {}, sort_keys=True)

        def attempt() -> tuple[int, int]:
            with Session(self._writer) as session, session.begin():
                if scenario_id is None:
                    scenario = _Scenario(name=name, created_at=now)
                    session.add(scenario)
                    session.flush()
                    sid, number = scenario.id, 1
                else:
                    if session.get(_Scenario, scenario_id) is None:
                        raise self._unknown(scenario_id)
                    last = session.scalar(
                        select(func.max(_Version.number)).where(_Version.scenario_id == scenario_id)
                    )
                    sid, number = scenario_id, (last or 0) + 1
                session.add(
                    _Version(
                        scenario_id=sid,
                        number=number,
                        name=name,
                        notes=notes,
                        author=author,
                        created_at=now,
                        case_yaml=text,
                        changes_json=changes_json,
                    )
                )
            return sid, number

        sid, number = self._retry(attempt)
        return Version(sid, number, name, notes, author, now, dict(changes or {}))

    # -- drafts: one row per key, overwritten as the user works (unlike a scenario, a draft
    # keeps no history: it is the screen's state, not a decision)
    def save_draft(self, key: str, inputs: dict, case: Case | None = None) -> None:
        """Keep a session's inputs under ``key`` (and its case when it came from no file)."""
        check_draft_key(key)
        text = json.dumps(inputs, sort_keys=True, ensure_ascii=False)
        case_yaml = case_to_yaml(case) if case is not None else None
        if len(text) + len(case_yaml or "") > MAX_DRAFT_BYTES:
            raise UserError(f"a draft holds at most {MAX_DRAFT_BYTES // 1024 // 1024} MB")
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        if not self._drafts_ready:
            # A store made before drafts existed gets the table with the first draft.
            self._retry(
                lambda: _Base.metadata.tables[_Draft.__tablename__].create(
                    self._writer, checkfirst=True
                )
            )
            self._drafts_ready = True

        def attempt() -> None:
            with Session(self._writer) as session, session.begin():
                row = session.get(_Draft, key)
                if row is None:
                    row = _Draft(key=key)
                    session.add(row)
                row.updated_at, row.inputs_json, row.case_yaml = now, text, case_yaml

        self._retry(attempt)

    def open_draft(self, key: str) -> Draft | None:
        """The draft under ``key``; None if there is none."""
        check_draft_key(key)
        with self._faults(), Session(self.engine) as session:
            if _Draft.__tablename__ not in inspect(self.engine).get_table_names():
                return None
            row = session.get(_Draft, key)
            if row is None:
                return None
            inputs, text, when = json.loads(row.inputs_json), row.case_yaml, row.updated_at
        case = case_from_yaml(text, f"draft {key}") if text else None
        return Draft(key, inputs, case, when)

    def _unknown(self, scenario_id: int, number: int | None = None) -> UserError:
        what = f"scenario {scenario_id}" + ("" if number is None else f" version {number}")
        return UserError(
            f"{what} does not exist in {self.database}; 'businesscase scenario "
            "list' (or versions) shows what it holds"
        )

    def scenarios(self) -> list[Version]:
        """The latest version of every scenario, newest first."""
        with self._faults(), Session(self.engine) as session:
            latest = (
                select(_Version.scenario_id, func.max(_Version.number).label("n"))
                .group_by(_Version.scenario_id)
                .subquery()
            )
            rows = session.scalars(
                select(_Version)
                .join(
                    latest,
                    (_Version.scenario_id == latest.c.scenario_id)
                    & (_Version.number == latest.c.n),
                )
                .order_by(_Version.id.desc())
            ).all()
            return [_version(r) for r in rows]

    def versions(self, scenario_id: int) -> list[Version]:
        """Every version of a scenario, oldest first; a UserError if there is none."""
        with self._faults(), Session(self.engine) as session:
            rows = session.scalars(
                select(_Version)
                .where(_Version.scenario_id == scenario_id)
                .order_by(_Version.number)
            ).all()
            if not rows:
                raise self._unknown(scenario_id)
            return [_version(r) for r in rows]

    def open(self, scenario_id: int, number: int | None = None) -> tuple[Case, Version]:
        """The case of a version (default: the latest) and its details."""
        with self._faults(), Session(self.engine) as session:
            query = select(_Version).where(_Version.scenario_id == scenario_id)
            query = (
                query.where(_Version.number == number)
                if number is not None
                else query.order_by(_Version.number.desc())
            )
            row = session.scalars(query.limit(1)).first()
            if row is None:
                exists = session.get(_Scenario, scenario_id) is not None
                raise self._unknown(scenario_id, number if exists else None)
            text, version = row.case_yaml, _version(row)
        return case_from_yaml(text, f"scenario {scenario_id} v{version.number}"), version

    def export_yaml(
        self,
        scenario_id: int,
        folder: str | os.PathLike,
        number: int | None = None,
        option: str = "--to",
    ) -> Path:
        outfile.check_folder(folder, option)
        case, version = self.open(scenario_id, number)
        path = Path(folder) / safe_filename(f"{version.name}_v{version.number}")
        return outfile.write_text(path, case_to_yaml(case), option)

    def import_yaml(
        self, path: str | os.PathLike, name: str | None = None, author: str = "", notes: str = ""
    ) -> Version:
        from businesscase.io import load_case

        case = load_case(path)
        return self.save(name or case.meta.name, case, notes=notes, author=author)


def check_draft_key(key: str) -> str:
    """A draft key as the URL carries it: 16 to 64 letters, digits, - or _."""
    if not isinstance(key, str) or not DRAFT_KEY.fullmatch(key):
        raise UserError("a draft key is 16 to 64 letters, digits, - or _")
    return key


def _version(row: _Version) -> Version:
    return Version(
        row.scenario_id,
        row.number,
        row.name,
        row.notes,
        row.author,
        row.created_at,
        json.loads(row.changes_json or "{}"),
    )
