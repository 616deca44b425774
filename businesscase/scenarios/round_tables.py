"""The tables of the contribution rounds, in the scenario store, and their migrations.

The round tables have their own metadata (not the scenario tables'), so that only the
migrations below create or change them: ``round_schema`` holds the version a store has
reached, and each migration runs once, in order, in the transaction that records it. A
store made before rounds existed gets the tables when a round command first opens it; a
store at a newer version than this code knows is refused rather than guessed at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import (
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    inspect,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

MAX_ID = 200


class RoundBase(DeclarativeBase):
    pass


class RoundSchema(RoundBase):
    __tablename__ = "round_schema"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1: one row
    version: Mapped[int] = mapped_column(Integer)
    migrated_at: Mapped[str] = mapped_column(String(40))


class RoundRow(RoundBase):
    """A round: what it splits (the case as YAML at opening, its hash, the scenario version
    it came from), how, its state, the facilitator's code hash and the wrong-code count."""

    __tablename__ = "contribution_round"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(MAX_ID))
    created_at: Mapped[str] = mapped_column(String(40))
    method: Mapped[str] = mapped_column(String(40))
    basis: Mapped[str] = mapped_column(String(40))
    case_yaml: Mapped[str] = mapped_column(Text)
    case_sha256: Mapped[str] = mapped_column(String(64))
    scenario_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scenario_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    state: Mapped[str] = mapped_column(String(10), default="open")
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    outcome_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    facilitator_salt: Mapped[str] = mapped_column(String(64))
    facilitator_hash: Mapped[str] = mapped_column(String(64))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[float] = mapped_column(Float, default=0.0)  # epoch seconds


class InviteeRow(RoundBase):
    """A partner invited to a round, with the hash of its personal code."""

    __tablename__ = "round_partner"
    round_id: Mapped[int] = mapped_column(ForeignKey("contribution_round.id"), primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(MAX_ID), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    salt: Mapped[str] = mapped_column(String(64))
    code_hash: Mapped[str] = mapped_column(String(64))


class EntryRow(RoundBase):
    """A partner's limit: the most it would contribute [€ a year, real, at the case's price
    year] and its condition in words. One row per partner, changed until the round
    closes. Never read by anything the facilitator reaches, nor logged."""

    __tablename__ = "round_entry"
    __table_args__ = (
        ForeignKeyConstraint(
            ["round_id", "partner_id"], ["round_partner.round_id", "round_partner.partner_id"]
        ),
    )
    round_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(MAX_ID), primary_key=True)
    max_per_year: Mapped[float] = mapped_column(Float)
    condition: Mapped[str] = mapped_column(Text, default="")
    first_entered_at: Mapped[str] = mapped_column(String(40))
    entered_at: Mapped[str] = mapped_column(String(40))
    changes: Mapped[int] = mapped_column(Integer, default=0)


ROUND_TABLES = frozenset(RoundBase.metadata.tables)


def _create_v1(con: Connection) -> None:
    for table in (RoundRow, InviteeRow, EntryRow):
        RoundBase.metadata.tables[table.__tablename__].create(con, checkfirst=True)


# (version reached, step): append, never change a step a store may already have run
MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [(1, _create_v1)]
LATEST = MIGRATIONS[-1][0]


def schema_version(con: Connection) -> int:
    """The version of the round tables in a store (0: none yet)."""
    if RoundSchema.__tablename__ not in inspect(con).get_table_names():
        return 0
    version = con.execute(select(RoundSchema.version).where(RoundSchema.id == 1)).scalar()
    return int(version or 0)


def migrate(con: Connection) -> int:
    """Bring the round tables to ``LATEST`` inside the caller's transaction; the version
    found before. A newer store than this code is a ValueError (the caller words it)."""
    found = schema_version(con)
    if found > LATEST:
        raise ValueError(f"round tables at version {found}, this program knows up to {LATEST}")
    if found == LATEST:
        return found
    RoundBase.metadata.tables[RoundSchema.__tablename__].create(con, checkfirst=True)
    for version, step in MIGRATIONS:
        if version > found:
            step(con)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    table = RoundBase.metadata.tables[RoundSchema.__tablename__]
    if found == 0:
        con.execute(table.insert().values(id=1, version=LATEST, migrated_at=now))
    else:
        con.execute(table.update().where(table.c.id == 1).values(version=LATEST, migrated_at=now))
    return found
