"""Compare 2 to 6 scenarios side by side, from the same core figures as everything else."""

from __future__ import annotations

import pandas as pd

from ..allocation import allocate
from ..engine import evaluate
from ..metrics import ratio
from ..schema import Case, PartnerType

MIN_SCENARIOS, MAX_SCENARIOS = 2, 6


def compare(scenarios: list[tuple[str, Case]], method: str = "shapley",
            basis: str = "financial") -> pd.DataFrame:
    """One row per scenario, ranked by MKBA balance (1 = best).

    Columns: social_npv, sroi_ratio, municipal_cost (PV of what municipalities pay),
    value_per_municipal_euro (social value per euro of municipal money), net.<partner> and
    fair.<partner> (fair contribution, PV) for every partner, rank.
    """
    if not MIN_SCENARIOS <= len(scenarios) <= MAX_SCENARIOS:
        raise ValueError(f"compare {MIN_SCENARIOS} to {MAX_SCENARIOS} scenarios, "
                         f"not {len(scenarios)}")
    rows = {}
    for name, case in scenarios:
        result = evaluate(case)
        bp = result.by_partner
        municipal = [p.id for p in case.partners if p.type is PartnerType.municipality]
        cost = float(bp.loc[municipal, "pv_costs"].sum()) if municipal else 0.0
        row = {"social_npv": result.totals["social_npv"], "sroi_ratio": result.totals["sroi_ratio"],
               "pv_benefits": result.totals["pv_benefits"], "municipal_cost": cost,
               "value_per_municipal_euro": float(ratio(result.totals["pv_benefits"], cost))}
        row.update({f"net.{p}": v for p, v in bp.net_position.items()})
        split = allocate(result, method, basis).table.fair_contribution
        row.update({f"fair.{p}": v for p, v in split.items()})
        rows[name] = row
    frame = pd.DataFrame(rows).T
    frame["rank"] = frame.social_npv.rank(ascending=False, method="min").astype(int)
    frame.index.name = "scenario"
    return frame
