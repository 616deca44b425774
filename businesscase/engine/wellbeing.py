"""The wellbeing layer ("met welzijnswaarde"): a second valuation beside the balance.

The balance (``Result.totals``) counts savings and modest proxies only. A case may add
wellbeing values (QALY gains valued at a reference value per QALY); they are evaluated
as a layer of their own, with the same timeline, chain and discounting, and never enter
the balance, a partner's position or the fair split. Definitions, stated once:

- *Wellbeing value* (``pv_wellbeing``): present value of the layer's lines.
- *Replaced value* (``pv_replaced``): present value of the balance's own lines of the
  outcomes a wellbeing value replaces (a proxy that already valued the same wellbeing),
  before overlap corrections; the layer takes it out, so nothing counts twice.
- *Social NPV with wellbeing* = social NPV − replaced value + wellbeing value.
- *SROI with wellbeing* = (benefits − replaced value + wellbeing value) / costs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from businesscase.model import Outcome

from . import metrics as m
from .evaluate import evaluate
from .result import Result

__all__ = ["WellbeingLayer", "wellbeing_layer", "WELLBEING_TOTALS"]

WELLBEING_TOTALS = (
    "pv_wellbeing",
    "pv_replaced",
    "social_npv_with_wellbeing",
    "sroi_with_wellbeing",
)


@dataclass(frozen=True)
class WellbeingLayer:
    """The layer's own ledger (``result``) and its totals beside the balance's."""

    result: Result
    replaced_items: tuple[str, ...]
    totals: dict[str, np.ndarray]  # WELLBEING_TOTALS → (D,)

    def total(self, key: str) -> float:
        """One total of a single evaluation (the first draw)."""
        return float(self.totals[key][0])


def wellbeing_layer(
    base: Result, draws: Mapping[str, np.ndarray] | None = None
) -> WellbeingLayer | None:
    """The wellbeing layer of an evaluated case; None when the case has no wellbeing values.

    base : the balance's result of the same case (and the same draws)
    draws : the draws ``base`` was evaluated with, keyed as in ``Case.parameters()``
    """
    case = base.case
    if not case.wellbeing:
        return None
    items = [Outcome.model_validate(w.model_dump(exclude={"replaces"})) for w in case.wellbeing]
    layer_case = case.model_copy(
        update={
            "costs": [],
            "revenues": [],
            "outcomes": items,
            "overlap_groups": {},
            "wellbeing": [],
        }
    )
    layer = evaluate(layer_case, _layer_draws(draws))
    replaced = tuple(dict.fromkeys(r for w in case.wellbeing for r in w.replaces))
    own = np.array(
        [ln.item in replaced and ln.category == "outcome" for ln in base.lines], dtype=float
    )
    totals = base.total_arrays
    pv_wellbeing = layer.total_arrays["pv_benefits"] - layer.total_arrays["pv_costs"]
    pv_replaced = base.line_pv @ own
    out = {
        "pv_wellbeing": pv_wellbeing,
        "pv_replaced": pv_replaced,
        "social_npv_with_wellbeing": totals["social_npv"] - pv_replaced + pv_wellbeing,
        "sroi_with_wellbeing": m.ratio(
            totals["pv_benefits"] - pv_replaced + pv_wellbeing, totals["pv_costs"]
        ),
    }
    return WellbeingLayer(layer, replaced, out)


def _layer_draws(draws: Mapping[str, np.ndarray] | None) -> dict[str, np.ndarray] | None:
    """The draws of the layer's parameters: the wellbeing values' own (as the layer's
    outcomes), the drivers and the economics; the balance's lines are not in the layer."""
    if not draws:
        return None
    out = {}
    for key, values in draws.items():
        section = key.split(".", 1)[0]
        if section == "wellbeing":
            out["outcomes." + key.split(".", 1)[1]] = values
        elif section in ("drivers", "economics", "partners", "meta"):
            out[key] = values
    return out
