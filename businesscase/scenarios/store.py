"""Scenario store on SQLAlchemy: SQLite by default, PostgreSQL by a database URL.

Every save is a new version; nothing is ever overwritten. A version holds the whole case
as YAML (so it opens even if the assumption files change later), the user's changes, a
name, notes, author and time. Each save is one transaction: a crash leaves either the
whole version or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (ForeignKey, Integer, String, Text, UniqueConstraint, create_engine,
                        event, func, select)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from ..schema import Case
from .serialise import case_from_yaml, case_to_yaml

MAX_NAME = 200
DEFAULT_URL_ENV = "BUSINESSCASE_DATABASE_URL"


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
        raise ValueError("a scenario needs a name")
    if len(name) > MAX_NAME:
        raise ValueError(f"a scenario name has at most {MAX_NAME} characters")
    if re.search(r"[\x00-\x1f\x7f]", name):
        raise ValueError("a scenario name cannot contain control characters")
    if "/" in name or "\\" in name:
        raise ValueError(f"a scenario name cannot contain / or \\ (got {name!r}); "
                         "use letters, digits, spaces and - or _")
    return name


def safe_filename(name: str) -> str:
    """A file name from a scenario name: no path separators, no way out of a folder."""
    stem = re.sub(r"[^A-Za-z0-9-]+", "_", name).strip("_-") or "scenario"
    return stem[:80] + ".yaml"


class ScenarioStore:
    def __init__(self, url: str | os.PathLike | None = None):
        url = url or os.environ.get(DEFAULT_URL_ENV) or "scenarios.db"
        url = str(url)
        if "://" not in url:
            url = f"sqlite:///{Path(url).resolve()}"
        self.url = url
        self.engine = create_engine(url)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        _Base.metadata.create_all(self.engine)

    def save(self, name: str, case: Case, changes: dict | None = None, notes: str = "",
             author: str = "", scenario_id: int | None = None) -> Version:
        """Save a new scenario (scenario_id None) or a new version of an existing one."""
        name = check_name(name)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        text = case_to_yaml(case)
        with Session(self.engine) as session, session.begin():
            if scenario_id is None:
                scenario = _Scenario(name=name, created_at=now)
                session.add(scenario)
                session.flush()
                scenario_id, number = scenario.id, 1
            else:
                if session.get(_Scenario, scenario_id) is None:
                    raise KeyError(f"no scenario {scenario_id}")
                last = session.scalar(select(func.max(_Version.number))
                                      .where(_Version.scenario_id == scenario_id))
                number = (last or 0) + 1
            row = _Version(scenario_id=scenario_id, number=number, name=name, notes=notes,
                           author=author, created_at=now, case_yaml=text,
                           changes_json=json.dumps(changes or {}, sort_keys=True))
            session.add(row)
        return Version(scenario_id, number, name, notes, author, now, dict(changes or {}))

    def scenarios(self) -> list[Version]:
        """The latest version of every scenario, newest first."""
        with Session(self.engine) as session:
            latest = (select(_Version.scenario_id, func.max(_Version.number).label("n"))
                      .group_by(_Version.scenario_id).subquery())
            rows = session.scalars(select(_Version).join(
                latest, (_Version.scenario_id == latest.c.scenario_id) & (_Version.number == latest.c.n))
                .order_by(_Version.id.desc())).all()
            return [_version(r) for r in rows]

    def versions(self, scenario_id: int) -> list[Version]:
        with Session(self.engine) as session:
            rows = session.scalars(select(_Version).where(_Version.scenario_id == scenario_id)
                                   .order_by(_Version.number)).all()
            return [_version(r) for r in rows]

    def open(self, scenario_id: int, number: int | None = None) -> tuple[Case, Version]:
        """The case of a version (default: the latest) and its details."""
        with Session(self.engine) as session:
            query = select(_Version).where(_Version.scenario_id == scenario_id)
            query = query.where(_Version.number == number) if number is not None \
                else query.order_by(_Version.number.desc())
            row = session.scalars(query.limit(1)).first()
            if row is None:
                raise KeyError(f"no scenario {scenario_id}" + (f" version {number}" if number else ""))
            return case_from_yaml(row.case_yaml, f"scenario {scenario_id} v{row.number}"), _version(row)

    def export_yaml(self, scenario_id: int, folder: str | os.PathLike,
                    number: int | None = None) -> Path:
        case, version = self.open(scenario_id, number)
        path = Path(folder) / safe_filename(f"{version.name}_v{version.number}")
        path.write_text(case_to_yaml(case), encoding="utf-8")
        return path

    def import_yaml(self, path: str | os.PathLike, name: str | None = None, author: str = "",
                    notes: str = "") -> Version:
        from ..assumptions import load_case
        case = load_case(path)
        return self.save(name or case.meta.name, case, notes=notes, author=author)


def _version(row: _Version) -> Version:
    return Version(row.scenario_id, row.number, row.name, row.notes, row.author, row.created_at,
                   json.loads(row.changes_json or "{}"))


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer; crash-safe
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
