"""The uncertainty part of a session's state: the last Monte Carlo run, the tornado of the
current case and the last break-even answer. Each is derived by the core from the case the
state holds; a page shows them and forwards its clicks here."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import param

from businesscase.allocation import PER_DRAW_METHODS
from businesscase.engine import Result, investors
from businesscase.export import (
    MUST_BE_TRUE_HEAD,
    investor_rows,
    investor_tornado_rows,
    must_be_true_rows,
)
from businesscase.model import Case
from businesscase.text import t
from businesscase.uncertainty import (
    MonteCarloResult,
    break_even,
    load_optimism_bias,
    monte_carlo,
    optimism_bias,
    tornado,
    what_must_be_true,
)

from .problems import problem_text

# The splits whose weights Monte Carlo can apply draw by draw; another chosen method is
# run as Shapley.
BREAK_EVEN_TARGETS = ("social_npv", "net_position", "financial_npv")
TORNADO_ROWS = 15


@dataclass(frozen=True)
class MonteCarloRun:
    """A run and what it was run on: the state's version, the split method, the bias."""

    result: MonteCarloResult
    version: int
    method: str
    bias: bool


@dataclass(frozen=True)
class Tornado:
    """The largest swings of one target, and the target's value in the current case."""

    frame: pd.DataFrame  # parameter key → at_low, at_high, ... (largest swing first)
    base: float
    partner: str  # "" for the social NPV, else the partner whose net position it is


@dataclass(frozen=True)
class BreakEven:
    key: str
    target: str
    partner: str | None
    value: float | None  # None: no break-even within the parameter's allowed range
    now: float


class UncertaintyState(param.Parameterized):
    # Held by CaseState; declared (not assigned, so nothing is shadowed) for the type checker.
    lang: str
    method: str
    basis: str
    version: int
    case: Case
    result: Result

    montecarlo = param.ClassSelector(
        class_=MonteCarloRun,
        default=None,
        allow_None=True,
        doc="the last Monte Carlo run (it may be stale)",
    )
    tornado_partner = param.String(default="", doc="partner of the tornado; '' = social NPV")
    break_even = param.ClassSelector(
        class_=BreakEven, default=None, allow_None=True, doc="the last break-even answer"
    )

    def run_monte_carlo(self, draws, seed, bias: bool = False) -> str | None:
        """Run on the current case; on a refusal or a fault the last run stays and the
        sentence for the user is returned. Draws and seed are checked by the core (one rule
        with the CLI); an emptied field arrives as None."""
        method = self.method if self.method in PER_DRAW_METHODS else "shapley"
        try:
            case = optimism_bias(self.case) if bias else self.case
            result = monte_carlo(case, draws, seed, basis=self.basis, method=method)
        except Exception as exc:
            return problem_text(exc, self.lang, "analysis")
        self.montecarlo = MonteCarloRun(result, self.version, method, bool(bias))
        return None

    def current_montecarlo(self) -> MonteCarloResult | None:
        """The last Monte Carlo run if the case has not changed since, else None."""
        run = self.montecarlo
        return run.result if run is not None and run.version == self.version else None

    def optimism_note(self, lang: str) -> str:
        return load_optimism_bias().describe(lang)

    @property
    def tornado(self) -> Tornado:
        """The tornado of the current case for ``tornado_partner``, computed once per case
        version and partner (it costs two evaluations a parameter)."""
        pid = self.tornado_partner or None
        if pid not in self.case.partner_ids:
            pid = None
        key = (self.version, pid)
        cached = getattr(self, "_tornado_cache", None)
        if cached is None or cached[0] != key:
            frame = tornado(self.case, "net_position" if pid else "social_npv", pid)
            base = (
                self.result.by_partner.loc[pid, "net_position"]
                if pid
                else self.result.totals["social_npv"]
            )
            cached = (key, Tornado(frame.head(TORNADO_ROWS), float(base), pid or ""))
            self._tornado_cache = cached
        return cached[1]

    @property
    def must_be_true(self) -> pd.DataFrame:
        """What must be true for the current case (the core's table), once per version."""
        cached = getattr(self, "_must_be_true_cache", None)
        if cached is None or cached[0] != self.version:
            cached = (self.version, what_must_be_true(self.case))
            self._must_be_true_cache = cached
        return cached[1]

    def must_be_true_rows(self) -> tuple[list[str], list[list[str]]]:
        """Its header and rows as the report words them, in the session's language."""
        head = [t(k, self.lang) for k in MUST_BE_TRUE_HEAD]
        return head, must_be_true_rows(self.must_be_true, self.result, self.lang)

    def investors(self) -> list[str]:
        """The partners that invest: the asset manager's view is about one of them."""
        return investors(self.result)

    def investor_rows(self, partner: str) -> list[list[str]]:
        """The investor's own-rate figures (onrendabele top first) beside the social return."""
        return investor_rows(self.result, partner, self.lang)

    def investor_tornado_rows(self, partner: str) -> list[list[str]]:
        """What moves the investor's own net position most, once per version and partner."""
        key = (self.version, partner, self.lang)
        cached = getattr(self, "_investor_tornado_cache", None)
        if cached is None or cached[0] != key:
            cached = (key, investor_tornado_rows(self.result, partner, self.lang))
            self._investor_tornado_cache = cached
        return cached[1]

    def break_even_parameters(self) -> list[str]:
        """The parameters a break-even can move: those with a range."""
        return [k for k, p in self.case.parameters() if p.high > p.low]

    def find_break_even(self, key: str, target: str, partner: str | None) -> str | None:
        """Where ``target`` turns zero as ``key`` moves; None, or the sentence of a fault."""
        pid = None if target == "social_npv" else partner
        try:
            value = break_even(self.case, key, target, pid)
            now = float(self.case.parameter(key).value)
        except Exception as exc:
            return problem_text(exc, self.lang, "analysis")
        self.break_even = BreakEven(key, target, pid, value, now)
        return None
