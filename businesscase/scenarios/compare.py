"""Compare 2 to 6 scenarios side by side, from the same core figures as everything else."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pandas as pd

from businesscase.allocation import allocate
from businesscase.engine import evaluate, ratio, wellbeing_layer
from businesscase.model import Case, PartnerType, UserError

MIN_SCENARIOS, MAX_SCENARIOS = 2, 6


def compare(
    scenarios: list[tuple[str, Case]], method: str = "shapley", basis: str = "financial"
) -> pd.DataFrame:
    """One row per scenario, ranked by MKBA balance (1 = best).

    Columns: social_npv, sroi_ratio, municipal_cost (PV of what municipalities pay),
    value_per_municipal_euro (social value per euro of municipal money), net.<partner> and
    fair.<partner> (fair contribution, PV) for every partner, rank (by the balance, never
    by the wellbeing layer), and beside them social_npv_with_wellbeing and
    sroi_with_wellbeing (NaN for a scenario without wellbeing values).
    """
    if not MIN_SCENARIOS <= len(scenarios) <= MAX_SCENARIOS:
        raise UserError(
            f"compare {MIN_SCENARIOS} to {MAX_SCENARIOS} scenarios, not {len(scenarios)}"
        )
    twice = sorted(n for n, k in Counter(name for name, _ in scenarios).items() if k > 1)
    if twice:  # one row per name: a second case of the same name would replace the first
        raise UserError(
            f"compare: the name {twice[0]!r} is given to more than one case; "
            "give every case its own name"
        )
    rows = {}
    for name, case in scenarios:
        result = evaluate(case)
        bp = result.by_partner
        municipal = [p.id for p in case.partners if p.type is PartnerType.municipality]
        cost = float(bp.loc[municipal, "pv_costs"].sum()) if municipal else 0.0
        row = {
            "social_npv": result.totals["social_npv"],
            "sroi_ratio": result.totals["sroi_ratio"],
            "pv_benefits": result.totals["pv_benefits"],
            "municipal_cost": cost,
            "value_per_municipal_euro": float(ratio(result.totals["pv_benefits"], cost)),
        }
        layer = wellbeing_layer(result)
        for key in ("social_npv_with_wellbeing", "sroi_with_wellbeing"):
            row[key] = layer.total(key) if layer else float("nan")
        row.update({f"net.{p}": v for p, v in bp.net_position.items()})
        split = allocate(result, method, basis).table.fair_contribution
        row.update({f"fair.{p}": v for p, v in split.items()})
        rows[name] = row
    frame = pd.DataFrame(rows).T
    frame["rank"] = frame.social_npv.rank(ascending=False, method="min").astype(int)
    frame.index.name = "scenario"
    return frame


def unique_labels(paths: list[str | os.PathLike]) -> list[str]:
    """A label per file: its name without suffix, and where two files share it, as many
    of the folders above it as tell them apart (``a/plan`` and ``b/plan``)."""
    parts = [Path(os.path.abspath(p)).parts for p in paths]
    stems = [pp[:-1] + (Path(pp[-1]).stem,) for pp in parts]
    depth = [1] * len(paths)
    while True:
        labels = [
            "/".join(st[-d:]) if d <= len(st) else str(Path(*pp))
            for st, pp, d in zip(stems, parts, depth)
        ]
        counts = Counter(labels)
        clash = [i for i, lb in enumerate(labels) if counts[lb] > 1]
        if not clash or all(depth[i] > len(stems[i]) for i in clash):
            return labels
        for i in clash:
            depth[i] += 1
