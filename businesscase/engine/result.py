"""The result of an evaluation: the ledger and every metric derived from it.

Sign convention: money a partner pays is negative, money or value it receives positive.
A line's *role* says on which side of the partner's account it stands: costs
(investments, replacements, their residual value, operating costs, payments to another
partner) or benefits (revenues received, outcomes, overlap corrections).

Definitions, stated once here and used by every report, workbook, dashboard page and
JSON summary:

- A *transfer* is a payment from one pocket to another (a revenue line, booked on both
  sides; money from outside the partnership comes from the pseudo-partner ``external``).
  Transfers cancel in every societal figure.
- *Costs* (societal, ``totals["pv_costs"]``): present value of every cost-side line that
  is not a transfer: investments, replacements less residual value, operating costs, and
  costs that an outcome causes (the extra care at home when an admission is delayed).
- *Benefits* (societal, ``totals["pv_benefits"]``): present value of every benefit-side
  outcome line, after overlap corrections.
- *Social NPV* = benefits − costs = the sum of all partners' net positions.
- *SROI ratio* = benefits / costs; it is the societal benefit-cost ratio.
- Per partner, costs and benefits include the transfers it pays and receives, because they
  are real for that partner; summed over partners they exceed the societal figures by the
  transfers (``totals["pv_transfers"]``), while net positions sum to the social NPV.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd

from businesscase.model import EXTERNAL, FINANCIAL_FLOW_TYPES, FLOW_TYPES, Case, Label
from businesscase.text import t

from . import metrics as m

COST_CATEGORIES = ("investment", "replacement", "residual_value", "operating")
TRANSFER_CATEGORY = "revenue"
IRR_NOTES = ("no_flows", "no_investment", "no_sign_change", "no_root")
OUTCOME_CATEGORIES = ("outcome", "overlap_correction")


@dataclass(frozen=True)
class Line:
    """One line item of the ledger: whose pocket, which side, what kind of flow."""

    item: str
    partner: str
    role: str  # "cost" or "benefit"
    # investment, replacement, residual_value, operating, revenue, outcome, overlap_correction
    category: str
    flow_type: str  # one of FLOW_TYPES
    label: Label
    component: str = ""  # the gross component of an outcome, "" for a single-line item
    # the role the item books this line to, when a partner carries part of it ("" when
    # the item names the partner itself); `share` is the fraction of the role's flow
    booked_to: str = ""
    share: float = 1.0

    @property
    def role_key(self) -> str:
        """The id the item named: the role, or the partner itself."""
        return self.booked_to or self.partner

    def with_category(self, category: str) -> Line:
        return replace(self, category=category)


@dataclass
class Result:
    case: Case
    lines: list[Line]
    t: np.ndarray  # (T + 1,) year index
    nominal: np.ndarray  # (D, L, T + 1) euros of the year
    real: np.ndarray  # (D, L, T + 1) euros at price_year
    pv_social: np.ndarray  # (D, L, T + 1) real, discounted at the social rate
    pv_financial: np.ndarray  # (D, L, T + 1) nominal, discounted at the partner's rate
    social_discount_factor: np.ndarray  # (D, T + 1)

    # -- shape -----------------------------------------------------------------------------
    @property
    def n_draws(self) -> int:
        return self.nominal.shape[0]

    @property
    def years(self) -> np.ndarray:
        return (self.case.meta.start_year + self.t).astype(int)

    @cached_property
    def partners(self) -> list[str]:
        ids = list(self.case.partner_ids)
        if any(ln.partner == EXTERNAL for ln in self.lines):
            ids.append(EXTERNAL)
        return ids

    def partner_label(self, partner_id: str, lang: str = "nl") -> str:
        if partner_id == EXTERNAL:
            return t("outside_partnership", lang)
        return self.case.partner(partner_id).name(lang)

    @cached_property
    def _onehot(self) -> np.ndarray:
        """(L, P): 1 where line l belongs to partner p."""
        pos = {p: i for i, p in enumerate(self.partners)}
        out = np.zeros((len(self.lines), len(self.partners)))
        for i, ln in enumerate(self.lines):
            out[i, pos[ln.partner]] = 1.0
        return out

    def _mask(self, predicate) -> np.ndarray:
        return np.array([bool(predicate(ln)) for ln in self.lines], dtype=float)

    # -- the ledger ------------------------------------------------------------------------
    @cached_property
    def ledger(self) -> pd.DataFrame:
        """Tidy ledger: a row per (draw,) line item and year.

        Columns: t, year, partner, item, category, role, flow_type, label_nl, label_en,
        nominal, real, pv_social, pv_financial (euros). A ``draw`` column is added when the
        result holds more than one draw.
        """
        D, L, Y = self.nominal.shape
        meta = pd.DataFrame(
            [
                {
                    "partner": ln.partner,
                    "item": ln.item,
                    "component": ln.component,
                    "category": ln.category,
                    "role": ln.role,
                    "flow_type": ln.flow_type,
                    "label_nl": ln.label.nl,
                    "label_en": ln.label.en,
                }
                for ln in self.lines
            ],
            columns=[
                "partner",
                "item",
                "component",
                "category",
                "role",
                "flow_type",
                "label_nl",
                "label_en",
            ],
        )
        frame = meta.loc[np.tile(np.repeat(np.arange(L), Y), D)].reset_index(drop=True)
        frame.insert(0, "year", np.tile(self.years, D * L))
        frame.insert(0, "t", np.tile(self.t.astype(int), D * L))
        if D > 1:
            frame.insert(0, "draw", np.repeat(np.arange(D), L * Y))
        for name in ("nominal", "real", "pv_social", "pv_financial"):
            frame[name] = getattr(self, name).reshape(-1)
        return frame

    # -- per partner -----------------------------------------------------------------------
    def _by_partner(self, values: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """Sum (D, L) values into (D, P), optionally over the lines in mask only."""
        if mask is not None:
            values = values * mask
        return values @ self._onehot

    @cached_property
    def line_pv(self) -> np.ndarray:
        """Present value of each line over all years at the social rate, ndarray (D, L)
        [€, real prices of the price year, discounted to t = 0]."""
        return self.pv_social.sum(axis=-1)

    @cached_property
    def partner_arrays(self) -> dict[str, np.ndarray]:
        """Per partner metrics as arrays (D, P); euros at present value unless named."""
        pv = self.line_pv
        cost = self._mask(lambda ln: ln.role == "cost")
        benefit = 1.0 - cost
        out = {
            "pv_costs": 0.0 - self._by_partner(pv, cost),  # 0.0 - x: no negative zeros
            "pv_benefits": self._by_partner(pv, benefit),
        }
        out["net_position"] = self._by_partner(pv)
        out["benefit_cost_ratio"] = m.ratio(out["pv_benefits"], out["pv_costs"])
        for ft in FLOW_TYPES:
            kind = self._mask(lambda ln, flow_type=ft: ln.flow_type == flow_type)
            if (cost * kind).any():
                out[f"costs_{ft}"] = 0.0 - self._by_partner(pv, cost * kind)
            if (benefit * kind).any():
                out[f"benefits_{ft}"] = self._by_partner(pv, benefit * kind)
        out["financial_npv"] = self._by_partner(self.pv_financial.sum(-1), self._financial_mask)
        cumulative = np.cumsum(self.financial_pv_per_year, axis=-1)
        out["financial_payback_year"] = m.payback_index(cumulative) + self.case.meta.start_year
        return out

    @cached_property
    def _financial_mask(self) -> np.ndarray:
        return self._mask(lambda ln: ln.flow_type in FINANCIAL_FLOW_TYPES)

    def _per_partner_year(self, values: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Sum (D, L, T + 1) over the masked lines of each partner: (D, P, T + 1)."""
        weights = self._onehot * mask[:, None]  # (L, P)
        return np.matmul(values.transpose(0, 2, 1), weights).transpose(0, 2, 1)

    @cached_property
    def financial_flows_per_year(self) -> np.ndarray:
        """(D, P, T + 1) nominal cash, in-kind and cashable flows per partner and year."""
        return self._per_partner_year(self.nominal, self._financial_mask)

    @cached_property
    def financial_pv_per_year(self) -> np.ndarray:
        return self._per_partner_year(self.pv_financial, self._financial_mask)

    @cached_property
    def has_investment(self) -> np.ndarray:
        """(P,) True for partners that pay an investment."""
        return self._mask(lambda ln: ln.category == "investment") @ self._onehot > 0

    @cached_property
    def partner_irr(self) -> np.ndarray:
        """(D, P) IRR of each partner's nominal financial flows, NaN where undefined
        (the reason is in :attr:`partner_irr_note`)."""
        return self._irr_and_note[0]

    @cached_property
    def partner_irr_note(self) -> np.ndarray:
        """(D, P) why an IRR is undefined: "no_flows", "no_investment" (the partner only
        receives), "no_sign_change" (it only pays), "no_root"; "" where it is defined."""
        return self._irr_and_note[1]

    @cached_property
    def _irr_and_note(self) -> tuple[np.ndarray, np.ndarray]:
        flows = self.financial_flows_per_year
        paid = (flows < -0.005).any(axis=-1)
        received = (flows > 0.005).any(axis=-1)
        note = np.where(
            ~paid & ~received,
            "no_flows",
            np.where(~paid, "no_investment", np.where(~received, "no_sign_change", "")),
        )
        irr = np.full(flows.shape[:2], np.nan)
        both = note == ""
        if both.any():
            irr[both] = m.irr(flows[both])
            note[both & ~np.isfinite(irr)] = "no_root"
        return irr, note

    @cached_property
    def by_partner(self) -> pd.DataFrame:
        """Per partner table; index partner (or (draw, partner) with several draws)."""
        arrays = {**self.partner_arrays, "irr": self.partner_irr}
        D = arrays["net_position"].shape[0]
        frame = pd.DataFrame({k: a.reshape(-1) for k, a in arrays.items()})
        frame["irr_note"] = self.partner_irr_note.reshape(-1)
        frame["has_investment"] = np.tile(self.has_investment, D)
        if D == 1:
            frame.index = pd.Index(self.partners, name="partner")
        else:
            frame.index = pd.MultiIndex.from_product(
                [range(D), self.partners], names=["draw", "partner"]
            )
        return frame

    # -- totals ----------------------------------------------------------------------------
    @cached_property
    def total_arrays(self) -> dict[str, np.ndarray]:
        """Totals as arrays (D,). Money totals are sums over the partners' rows."""
        pa = self.partner_arrays
        pv = self.line_pv
        transfer = self._mask(lambda ln: ln.category == TRANSFER_CATEGORY)
        cost = self._mask(lambda ln: ln.role == "cost") * (1.0 - transfer)
        benefit = self._mask(lambda ln: ln.role == "benefit") * (1.0 - transfer)
        out = {
            "pv_costs": 0.0 - pv @ cost,
            "pv_benefits": pv @ benefit,
            "social_npv": pa["net_position"].sum(axis=1),
            "pv_transfers": pv @ (transfer * self._mask(lambda ln: ln.role == "benefit")),
        }
        out["sroi_ratio"] = m.ratio(out["pv_benefits"], out["pv_costs"])
        per_year = self.pv_social.sum(axis=1)
        out["payback_year"] = m.payback_index(np.cumsum(per_year, -1)) + self.case.meta.start_year
        inv = self._mask(lambda ln: ln.category == "investment")
        out["investment"] = -(self.real[:, :, 0] @ inv)
        op = self._mask(lambda ln: ln.category == "operating")
        out["operating_cost_first_year"] = -(self.real[:, :, min(1, self.t.size - 1)] @ op)
        return out

    @cached_property
    def totals(self) -> pd.Series | pd.DataFrame:
        """Totals: a Series for one evaluation, a DataFrame indexed by draw for several."""
        frame = pd.DataFrame(self.total_arrays)
        if self.n_draws == 1:
            return frame.iloc[0]
        frame.index.name = "draw"
        return frame

    def per_year(self, value: str = "real") -> pd.DataFrame:
        """Costs, benefits and net per year (single evaluation), from the ledger arrays."""
        arr = getattr(self, value)[0]
        own = self._mask(lambda ln: ln.category != TRANSFER_CATEGORY).astype(bool)
        cost = self._mask(lambda ln: ln.role == "cost").astype(bool) & own
        benefit = ~cost & own  # transfers cancel: left out on both sides, as in the totals
        out = pd.DataFrame(
            {"year": self.years, "costs": -arr[cost].sum(0), "benefits": arr[benefit].sum(0)}
        )
        out["net"] = out["benefits"] - out["costs"]
        out["cumulative"] = out["net"].cumsum()
        return out.set_index("year")
