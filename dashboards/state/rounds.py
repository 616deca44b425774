"""The state of a round's page, reached by a link ``?ronde=ID&code=CODE``: whose code it is
(a partner's or the facilitator's), what that holder may see, and its actions (a partner
enters or changes its limit; the facilitator closes the round). Views render it.

A link that opens nothing (an unknown round, a wrong code, a round locked after wrong
codes) gets one and the same message, so that the page tells a guesser nothing, and no
message or log line carries the code or an amount."""

from __future__ import annotations

import os
import re

import param

from businesscase.model import UserError
from businesscase.scenarios import (
    FACILITATOR,
    MAX_CONDITION,
    PartnerView,
    RoundError,
    RoundOutcome,
    RoundStatus,
    RoundStore,
)
from businesscase.text import LANGUAGES

from .problems import problem_text
from .scenarios import DATABASE_ENV

ROUND_ID = re.compile(r"^[0-9]{1,12}$")
# 12.345 or 1.234.567 with dots between thousands, Dutch style
THOUSANDS = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})+$")


def parse_amount(text: str) -> float:
    """Euros typed the Dutch way (``12.345,50``, ``12345,5``) or plainly (``12345.5``);
    a RoundError that repeats none of it when it is no number or negative."""
    s = re.sub(r"[\s€\u00a0]", "", text or "")
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif THOUSANDS.match(s):
        s = s.replace(".", "")
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", s):
        raise RoundError("page_amount_not_number")
    value = float(s)
    if value < 0:
        raise RoundError("page_amount_negative")
    return value


class RoundState(param.Parameterized):
    """One session's view of one round, for the holder of the code in its link."""

    lang: param.Selector[str] = param.Selector(objects=list(LANGUAGES), default="nl")
    problem = param.Parameter(default=None, doc="what went wrong: a RoundError or worded text")
    saved = param.String(default="", doc="the receipt of the last entry, worded")
    version = param.Integer(default=0, doc="bumped when what the page shows changed")

    def __init__(self, round_text: str, code: str, store: RoundStore | None = None, **kw):
        super().__init__(**kw)
        self._code = code
        self.round_id = int(round_text) if ROUND_ID.match(round_text or "") else 0
        self.holder = ""  # FACILITATOR or a partner id; '' : the link opens nothing
        self.view: PartnerView | None = None
        self.status: RoundStatus | None = None
        self.typed = ""  # what this partner typed in this session: shown back, never stored
        self.typed_condition = ""
        self._names: dict[str, dict[str, str]] = {}
        try:
            self.store = store or RoundStore(os.environ.get(DATABASE_ENV), must_exist=True)
            if not self.round_id:
                raise RoundError("unknown", round=0, db="")
            self.holder = self.store.identify(self.round_id, code)
            self.refresh()
        except UserError:
            self.holder = ""
            self.problem = RoundError("link_invalid")

    # -- what the page reads
    @property
    def opened(self) -> bool:
        return bool(self.holder)

    @property
    def is_facilitator(self) -> bool:
        return self.holder == FACILITATOR

    @property
    def outcome(self) -> RoundOutcome | None:
        if self.is_facilitator:
            return self.status.outcome if self.status else None
        return self.view.outcome if self.view else None

    @property
    def closed(self) -> bool:
        source = self.status if self.is_facilitator else self.view
        return bool(source and source.state == "closed")

    def name_of(self, partner: str) -> str:
        return self._names.get(partner, {}).get(self.lang, partner)

    def not_entered(self) -> list[str]:
        """The facilitator's reminder: the names of who has not entered yet."""
        if not self.status:
            return []
        return [self.name_of(p.partner) for p in self.status.partners if not p.entered_at]

    # -- actions
    def refresh(self) -> None:
        """Read the round again (the count of entries, the state, the outcome)."""
        try:
            if self.is_facilitator:
                self.status = self.store.status(self.round_id, self._code)
            elif self.holder:
                self.view = self.store.partner_view(self.round_id, self.holder, self._code)
                if not self._names:
                    self._names = self.view.terms.names
        except UserError as exc:
            self.problem = self._worded(exc)
        self.version += 1

    def enter(self, amount_text: str, condition: str = "") -> bool:
        """Enter or change this partner's limit; False with ``message`` set when refused."""
        self.saved = ""
        if not self.holder or self.is_facilitator:
            self.problem = RoundError("link_invalid")
            return False
        try:
            amount = parse_amount(amount_text)
            if len(condition or "") > MAX_CONDITION:
                raise RoundError("condition_too_long", most=MAX_CONDITION)
            receipt = self.store.enter(
                self.round_id, self.holder, self._code, amount, condition or ""
            )
        except UserError as exc:
            self.problem = self._worded(exc)
            self.version += 1
            return False
        self.problem = None
        self.typed, self.typed_condition = amount_text.strip(), (condition or "").strip()
        self.saved = receipt.entered_at
        self.refresh()
        return True

    def close(self) -> bool:
        if not self.is_facilitator:
            return False
        try:
            self.store.close(self.round_id, self._code)
        except UserError as exc:
            self.problem = self._worded(exc)
            return False
        self.problem = None
        self.refresh()
        return True

    def message(self) -> str:
        """What went wrong, in the page's language ('' : nothing)."""
        if isinstance(self.problem, RoundError):
            return self.problem.text(self.lang)
        return str(self.problem or "")

    def _worded(self, exc: Exception) -> RoundError | str:
        """A wrong code or a lock after the link once opened is the same plain message as a
        link that never did."""
        if isinstance(exc, RoundError):
            if exc.kind in ("unknown", "locked", "wrong_partner_code", "wrong_facilitator_code"):
                return RoundError("link_invalid")
            return exc
        return problem_text(exc, self.lang, "a round page")
