"""The investing partner's own view: its financial return beside the social return.

A housing corporation judges an investment by its *onrendabele top* (unprofitable top):
the investment minus the present value of the investor's own net operating cash flows,
both at the investor's own financial discount rate. It is the part of the investment that
its own returns do not earn back, and so what the others (or its own social mission) must
cover. Definitions, stated once here:

- *investment*: the present value at the investor's rate of its investment lines (at the
  start, so their nominal amount) [€].
- *own net operating cash flows*: every other line of the investor's financial view
  (cash, in kind, cashable savings): revenues it receives, operating costs and
  replacements it pays, the residual value at the horizon, savings that show in its
  budget. Their present value at its own rate is ``operating_pv`` [€].
- *onrendabele top* = investment − operating_pv = −(financial NPV) [€].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from businesscase.model import FINANCIAL_FLOW_TYPES

from .result import Result


@dataclass(frozen=True)
class InvestorView:
    """One partner's financial figures at its own rate, beside the social return.

    Money in euros at present value; ``rate`` [fraction a year, nominal]; ``irr``
    [fraction a year, nominal; NaN with ``irr_note`` saying why]; ``payback_year``
    [calendar year in which the discounted own cash flows first turn cumulative
    non-negative; NaN if never within the horizon].
    """

    partner: str
    rate: float
    investment: float
    operating_pv: float
    unprofitable_top: float
    financial_npv: float
    irr: float
    irr_note: str
    payback_year: float
    net_position: float
    social_npv: float
    sroi_ratio: float

    @property
    def unprofitable_share(self) -> float:
        """The onrendabele top as a fraction of the investment (NaN without investment)."""
        return self.unprofitable_top / self.investment if self.investment > 0 else float("nan")


def own_rate(result: Result, partner: str) -> float:
    """The partner's own nominal financial discount rate: its own, else the case's."""
    case = result.case
    own = case.partner(partner).financial_discount_rate if partner in case.partner_ids else None
    return float((own or case.economics.financial_discount_rate).value)


def investor_view(result: Result, partner: str) -> InvestorView:
    """The investor's onrendabele top, financial NPV, IRR and payback at its own rate, and
    its net position and the social return beside them (first draw of ``result``)."""
    if partner not in result.partners:
        raise KeyError(f"unknown partner {partner!r}; partners are {', '.join(result.partners)}")
    j = result.partners.index(partner)
    mine = np.array([ln.partner == partner for ln in result.lines])
    financial = np.array([ln.flow_type in FINANCIAL_FLOW_TYPES for ln in result.lines])
    invest = np.array([ln.category == "investment" for ln in result.lines])
    pv = result.pv_financial[0].sum(axis=-1)  # (L,) at each line's partner's own rate
    investment = -float(pv[mine & financial & invest].sum())
    operating_pv = float(pv[mine & financial & ~invest].sum())
    pa, totals = result.partner_arrays, result.total_arrays
    return InvestorView(
        partner=partner,
        rate=own_rate(result, partner),
        investment=investment,
        operating_pv=operating_pv,
        unprofitable_top=investment - operating_pv,
        financial_npv=float(pa["financial_npv"][0, j]),
        irr=float(result.partner_irr[0, j]),
        irr_note=str(result.partner_irr_note[0, j]),
        payback_year=float(pa["financial_payback_year"][0, j]),
        net_position=float(pa["net_position"][0, j]),
        social_npv=float(totals["social_npv"][0]),
        sroi_ratio=float(totals["sroi_ratio"][0]),
    )


def investors(result: Result) -> list[str]:
    """The partners that pay an investment, in the case's order."""
    return [p for p, has in zip(result.partners, result.has_investment) if has]
