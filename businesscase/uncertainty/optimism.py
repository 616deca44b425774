"""Optimism bias: costs up, benefits down and later, by the confidence of each figure.

Following the HM Treasury Green Book, an appraisal corrects for the systematic optimism of
its estimates. The uplifts per confidence grade are assumptions with their own provenance
in ``assumptions/shared/optimism_bias.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..assumptions import assumptions_dir
from ..schema import Case
from ..yaml_source import read_yaml


@dataclass(frozen=True)
class OptimismBias:
    cost_uplift: dict[str, float]      # by confidence: costs × (1 + uplift)
    benefit_cut: dict[str, float]      # by confidence: proxies × (1 − cut)
    delay_years: dict[str, float]      # by confidence: first year of effect later

    def describe(self, lang: str = "nl") -> str:
        grades = ("high", "medium", "low")
        parts = [f"{g}: +{self.cost_uplift[g]:.0%} / -{self.benefit_cut[g]:.0%} / "
                 f"+{self.delay_years[g]:g}" for g in grades]
        head = ("Optimism bias (costs / benefits / years later), by confidence: " if lang == "en"
                else "Correctie voor optimisme (kosten / baten / jaren later), naar zekerheid: ")
        return head + "; ".join(parts)


def load_optimism_bias(path: Path | None = None) -> OptimismBias:
    data = read_yaml(path or assumptions_dir() / "shared" / "optimism_bias.yaml")["optimism_bias"]
    pick = lambda section: {g: float(data[section][g]["value"]) for g in ("high", "medium", "low")}  # noqa: E731
    return OptimismBias(pick("cost_uplift"), pick("benefit_cut"), pick("delay_years"))


def optimism_bias(case: Case, bias: OptimismBias | None = None) -> Case:
    """A copy of the case with costs raised and benefits lowered and delayed."""
    bias = bias or load_optimism_bias()
    out = case.model_copy(deep=True)
    for item in out.costs:
        item.amount.value *= 1 + bias.cost_uplift[item.amount.confidence.value]
    for o in out.outcomes:
        grade = o.proxy.confidence.value
        o.proxy.value *= 1 - bias.benefit_cut[grade]
        o.first_year.value += round(bias.delay_years[grade])
        o.duration.value = max(0.0, o.duration.value - round(bias.delay_years[grade]))
    return out
