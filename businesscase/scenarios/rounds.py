"""The confidential contribution round, kept in the scenario store.

A round is opened on a case (or a saved scenario version) with a split method, a basis and
the partners invited. Opening issues a facilitator code and one personal code per partner,
returned once and stored only as salted hashes. Each partner enters the most it would pay
a year, and may change it until the facilitator closes the round; closing computes the
outcome (:mod:`.round_outcome`) in the same transaction that marks the round closed, so
that no entry slips in after the figures were taken, and stores it with the case's hash
and scenario version. A closed round never changes again.

What each code opens: a partner's code enters or changes that partner's limit in that
round, nothing else; the facilitator's code shows who has entered and when, and closes the
round. No function here returns a limit to anyone but the partner that entered it (there
is none that returns it at all: a partner's page shows what it typed from its own form),
and no error message carries a limit or a code. Wrong codes are counted per round and, past
a few, lock the round for a growing wait (:class:`.round_codes.Throttle`).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from businesscase.allocation import BASES, METHODS, BenefitBasis
from businesscase.io import case_from_yaml, case_to_yaml
from businesscase.model import Case

from .round_codes import Throttle, code_hash, code_matches, new_code, new_salt, whole_seconds
from .round_outcome import RoundOutcome, fair_terms, round_outcome
from .round_records import (
    FACILITATOR,
    MAX_CONDITION,
    OpenedRound,
    PartnerState,
    Receipt,
    RoundError,
    RoundStatus,
    check_limit,
    check_round_name,
    utc_now,
)
from .round_tables import LATEST, EntryRow, InviteeRow, RoundRow, migrate, schema_version
from .round_views import PartnerView, partner_terms
from .store import DEFAULT_URL_ENV, ScenarioStore


class RoundStore:
    """The rounds in a scenario store (a file path or database URL, as ScenarioStore).

    throttle: the wait after wrong codes; clock: the time in epoch seconds (the wait is
    kept in wall-clock time because it must hold across processes)."""

    def __init__(
        self,
        url: str | os.PathLike | None = None,
        throttle: Throttle | None = None,
        clock: Callable[[], float] = time.time,
        must_exist: bool = False,
    ):
        given = str(url or os.environ.get(DEFAULT_URL_ENV) or "scenarios.db")
        if must_exist and "://" not in given and not Path(given).expanduser().exists():
            # a mistyped --db must not leave an empty store behind
            raise RoundError("no_store", db=str(Path(given).expanduser().resolve()))
        self.scenarios = ScenarioStore(given)
        self.throttle = throttle or Throttle()
        self.clock = clock
        store = self.scenarios
        with store._faults(), store.engine.connect() as con:
            found = schema_version(con)
        self._ready = found >= LATEST
        if found > LATEST:
            raise RoundError("newer_store", db=store.database)
        if not self._ready and not store.read_only:

            def attempt() -> None:
                with store._writer.begin() as con:
                    migrate(con)

            store._retry(attempt)
            self._ready = True

    @property
    def database(self) -> str:
        return self.scenarios.database

    # -- opening
    def open_round(
        self,
        case: Case,
        name: str,
        method: str = "shapley",
        basis: str = "financial",
        partners: list[str] | None = None,
        scenario: tuple[int, int] | None = None,
    ) -> OpenedRound:
        """Open a round on ``case``; ``partners``: the partners invited (default: every
        partner of the split); ``scenario``: the (scenario id, version) the case is."""
        name = check_round_name(name)
        if method not in METHODS:
            raise RoundError("bad_method", allowed=", ".join(METHODS))
        if basis not in BASES:
            raise RoundError("bad_basis", allowed=", ".join(BASES))
        basis = BenefitBasis(basis).value
        terms = fair_terms(case, method, basis)
        players = terms.players
        invited = list(players) if partners is None else list(dict.fromkeys(partners))
        if not invited:
            raise RoundError("no_partners", allowed=", ".join(players))
        unknown = [p for p in invited if p not in players]
        if unknown:
            raise RoundError(
                "unknown_partners", unknown=", ".join(unknown), allowed=", ".join(players)
            )
        invited = [p for p in players if p in invited]  # the case's order
        text = case_to_yaml(case)
        facilitator = new_code()
        codes = {p: new_code() for p in invited}
        now = utc_now()
        salt = new_salt()
        store = self.scenarios

        def attempt() -> int:
            with Session(store._writer) as session, session.begin():
                row = RoundRow(
                    name=name,
                    created_at=now,
                    method=method,
                    basis=basis,
                    case_yaml=text,
                    case_sha256=hashlib.sha256(text.encode()).hexdigest(),
                    scenario_id=scenario[0] if scenario else None,
                    scenario_number=scenario[1] if scenario else None,
                    state="open",
                    facilitator_salt=salt,
                    facilitator_hash=code_hash(salt, facilitator),
                    failed_attempts=0,
                    locked_until=0.0,
                )
                session.add(row)
                session.flush()
                for position, (p, code) in enumerate(codes.items()):
                    own = new_salt()
                    session.add(
                        InviteeRow(
                            round_id=row.id,
                            partner_id=p,
                            position=position,
                            salt=own,
                            code_hash=code_hash(own, code),
                        )
                    )
                return row.id

        return OpenedRound(store._retry(attempt), facilitator, codes)

    def open_round_on_version(
        self, scenario_id: int, number: int | None, name: str, **options
    ) -> OpenedRound:
        """Open a round on a saved scenario version (default: its latest)."""
        case, version = self.scenarios.open(scenario_id, number)
        return self.open_round(case, name, scenario=(scenario_id, version.number), **options)

    # -- the guarded actions: each checks the code in the transaction that acts on it
    def _guarded(self, round_id: int, who: str, code: str, action):
        """Run ``action(session, row)`` if ``code`` is ``who``'s in this round (``who``:
        a partner id or FACILITATOR). A wrong code is counted (and committed) before the
        refusal; a refusal by ``action`` itself rolls everything back."""
        if not self._ready:
            raise RoundError("unknown", round=round_id, db=self.database)
        store = self.scenarios

        def attempt():
            with Session(store._writer) as session, session.begin():
                # FOR UPDATE on a server database: concurrent wrong codes each count, and an
                # entry and the closing take turns (SQLite's BEGIN IMMEDIATE does both).
                row = session.get(RoundRow, round_id, with_for_update=True)
                if row is None:
                    raise RoundError("unknown", round=round_id, db=self.database)
                now = self.clock()
                if row.locked_until > now:
                    raise RoundError("locked", seconds=whole_seconds(row.locked_until - now))
                if who == FACILITATOR:
                    salt, stored = row.facilitator_salt, row.facilitator_hash
                else:
                    invitee = session.get(InviteeRow, (round_id, who))
                    if invitee is None:
                        raise RoundError(
                            "not_invited",
                            partner=who,
                            round=round_id,
                            invited=self._names(session, round_id),
                        )
                    salt, stored = invitee.salt, invitee.code_hash
                if not code_matches(salt, stored, code):
                    row.failed_attempts += 1
                    wait = self.throttle.wait_after(row.failed_attempts)
                    if wait:
                        row.locked_until = now + wait
                    return False, wait
                return True, action(session, row)

        ok, value = store._retry(attempt)
        if not ok:
            if who == FACILITATOR:
                raise RoundError("wrong_facilitator_code", round=round_id)
            raise RoundError("wrong_partner_code", round=round_id, partner=who)
        return value

    @staticmethod
    def _names(session: Session, round_id: int) -> str:
        rows = session.scalars(
            select(InviteeRow.partner_id)
            .where(InviteeRow.round_id == round_id)
            .order_by(InviteeRow.position)
        ).all()
        return ", ".join(rows)

    def enter(
        self, round_id: int, partner: str, code: str, max_per_year: object, condition: str = ""
    ) -> Receipt:
        """Enter or change ``partner``'s limit [€ a year, real, at the case's price year]
        with an optional condition in words."""
        limit = check_limit(max_per_year)
        condition = (condition or "").strip()
        if len(condition) > MAX_CONDITION:
            raise RoundError("condition_too_long", most=MAX_CONDITION)

        def action(session: Session, row: RoundRow) -> Receipt:
            if row.state != "open":
                raise RoundError("closed", round=round_id, closed_at=row.closed_at or "")
            now = utc_now()
            entry = session.get(EntryRow, (round_id, partner))
            if entry is None:
                entry = EntryRow(round_id=round_id, partner_id=partner, first_entered_at=now)
                entry.changes = 0
                session.add(entry)
            else:
                entry.changes += 1
            entry.max_per_year, entry.condition, entry.entered_at = limit, condition, now
            session.flush()
            entered = len(
                session.scalars(
                    select(EntryRow.partner_id).where(EntryRow.round_id == round_id)
                ).all()
            )
            invited = len(
                session.scalars(
                    select(InviteeRow.partner_id).where(InviteeRow.round_id == round_id)
                ).all()
            )
            return Receipt(round_id, partner, now, entered, invited)

        return self._guarded(round_id, partner, code, action)

    def status(self, round_id: int, code: str) -> RoundStatus:
        """Who has entered and when, never what (the facilitator's code)."""
        return self._guarded(round_id, FACILITATOR, code, self._status)

    def _status(self, session: Session, row: RoundRow) -> RoundStatus:
        invitees = session.scalars(
            select(InviteeRow.partner_id)
            .where(InviteeRow.round_id == row.id)
            .order_by(InviteeRow.position)
        ).all()
        # Only the partner and the time are selected: the limit never leaves the table here.
        when = dict(
            session.execute(
                select(EntryRow.partner_id, EntryRow.entered_at).where(EntryRow.round_id == row.id)
            ).all()
        )
        outcome = RoundOutcome.from_dict(json.loads(row.outcome_json)) if row.outcome_json else None
        return RoundStatus(
            row.id,
            row.name,
            row.method,
            row.basis,
            row.state,
            row.created_at,
            row.closed_at,
            [PartnerState(p, when.get(p)) for p in invitees],
            outcome,
        )

    def partner_view(self, round_id: int, partner: str, code: str) -> PartnerView:
        """What ``partner``'s own page shows (its code): the case for it, how many have
        entered, when it entered itself (never what) and, once closed, the outcome."""

        def action(session: Session, row: RoundRow) -> tuple:
            entered = dict(
                session.execute(
                    select(EntryRow.partner_id, EntryRow.entered_at).where(
                        EntryRow.round_id == row.id
                    )
                ).all()
            )
            invited = session.scalars(
                select(InviteeRow.partner_id).where(InviteeRow.round_id == row.id)
            ).all()
            outcome = (
                RoundOutcome.from_dict(json.loads(row.outcome_json)) if row.outcome_json else None
            )
            return (
                row.id,
                row.name,
                row.method,
                row.basis,
                row.state,
                row.closed_at,
                (
                    len(entered),
                    len(invited),
                    entered.get(partner),
                    row.case_yaml,
                    outcome,
                ),
            )

        rid, name, method, basis, state, closed_at, rest = self._guarded(
            round_id, partner, code, action
        )
        entered, invited, own, text, outcome = rest
        # the split is computed outside the transaction: it takes a while and reads nothing
        terms = partner_terms(case_from_yaml(text, f"round {rid}"), method, basis, partner)
        return PartnerView(
            rid,
            name,
            method,
            basis,
            state,
            closed_at,
            partner,
            entered,
            invited,
            own,
            terms,
            outcome,
        )

    def close(self, round_id: int, code: str) -> RoundOutcome:
        """Close the round (the facilitator's code) and return its outcome, stored with it."""

        def action(session: Session, row: RoundRow) -> RoundOutcome:
            if row.state != "open":
                raise RoundError("already_closed", round=round_id, closed_at=row.closed_at or "")
            invited = list(
                session.scalars(
                    select(InviteeRow.partner_id)
                    .where(InviteeRow.round_id == row.id)
                    .order_by(InviteeRow.position)
                ).all()
            )
            limits = dict(
                session.execute(
                    select(EntryRow.partner_id, EntryRow.max_per_year).where(
                        EntryRow.round_id == row.id
                    )
                ).all()
            )
            now = utc_now()
            case = case_from_yaml(row.case_yaml, f"round {row.id}")
            outcome = round_outcome(
                row.id,
                case,
                row.method,
                row.basis,
                invited,
                limits,
                case_sha256=row.case_sha256,
                scenario_id=row.scenario_id,
                scenario_number=row.scenario_number,
                computed_at=now,
            )
            row.state, row.closed_at = "closed", now
            row.outcome_json = json.dumps(outcome.to_dict())
            return outcome

        return self._guarded(round_id, FACILITATOR, code, action)

    def identify(self, round_id: int, code: str) -> str:
        """Whose code this is in the round: FACILITATOR or a partner id (for a page reached
        by a link, which carries the code but not the partner). A wrong code counts."""
        if not self._ready:
            raise RoundError("unknown", round=round_id, db=self.database)
        with Session(self.scenarios.engine) as session:
            holders = session.scalars(
                select(InviteeRow)
                .where(InviteeRow.round_id == round_id)
                .order_by(InviteeRow.position)
            ).all()
            candidates = [(p.partner_id, p.salt, p.code_hash) for p in holders]
        # every hash is compared, so the time does not tell which holder was closest
        found = [who for who, salt, stored in candidates if code_matches(salt, stored, code)]
        who = found[0] if found else FACILITATOR
        return self._guarded(round_id, who, code, lambda _s, _r: who)
