"""What the round functions return and refuse: plain records a page or the CLI words, and
the checks of what a user types (a round's name, a limit), whose messages repeat none of
it."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from businesscase.model import UserError
from businesscase.text import t

from .round_codes import round_link
from .round_outcome import RoundOutcome
from .store import MAX_NAME

MAX_CONDITION = 2000  # characters of a condition in words
FACILITATOR = "facilitator"


class RoundError(UserError):
    """A round command that cannot be done as asked; ``text(lang)`` words it (catalogue key
    ``round_<kind>``). Its fields never hold a limit or a code."""

    def __init__(self, kind: str, **fields):
        self.kind, self.fields = kind, fields
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        return t(f"round_{self.kind}", lang, **self.fields)


@dataclass(frozen=True)
class OpenedRound:
    """A new round and its codes: the only time the codes exist outside their holders."""

    round_id: int
    facilitator_code: str
    partner_codes: dict[str, str]  # partner id → its code, in the case's order

    def links(self) -> dict[str, str]:
        """Who → the address of its page (``facilitator`` and each partner id)."""
        codes = {FACILITATOR: self.facilitator_code, **self.partner_codes}
        return {who: round_link(self.round_id, code) for who, code in codes.items()}


@dataclass(frozen=True)
class Receipt:
    """An entry as stored: when, and how many of the invited partners have entered."""

    round_id: int
    partner: str
    entered_at: str
    entered: int
    invited: int


@dataclass(frozen=True)
class PartnerState:
    partner: str
    entered_at: str | None  # None: not yet entered


@dataclass(frozen=True)
class RoundStatus:
    """What the facilitator sees: who has entered and when, never what."""

    round_id: int
    name: str
    method: str
    basis: str
    state: str  # open or closed
    created_at: str
    closed_at: str | None
    partners: list[PartnerState]
    outcome: RoundOutcome | None

    @property
    def entered(self) -> int:
        return sum(1 for p in self.partners if p.entered_at)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def check_round_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME or re.search(r"[\x00-\x1f\x7f]", name):
        raise RoundError("bad_name", most=MAX_NAME)
    return name


def check_limit(value: object) -> float:
    """A limit as euros a year: a finite number at or above 0 (the message repeats none of
    it: a mistyped limit is still a partner's secret)."""
    if isinstance(value, bool):
        raise RoundError("amount_not_number")
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise RoundError("amount_not_number") from None
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RoundError("amount_not_number")
    if value < 0:
        raise RoundError("amount_negative")
    return float(value)
