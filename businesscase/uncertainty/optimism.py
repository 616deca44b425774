"""Optimism bias: costs up, benefits down and later, by the confidence of each figure.

Following the HM Treasury Green Book, an appraisal corrects for the systematic optimism of
its estimates. The uplifts per confidence grade are assumptions with their own provenance
in ``assumptions/shared/optimism_bias.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from businesscase.io import assumptions_dir, read_yaml
from businesscase.model import Amount, Case, Direction, Outcome, OutcomeComponent, driver_inputs
from businesscase.text import t


@dataclass(frozen=True)
class OptimismBias:
    cost_uplift: dict[str, float]  # by confidence: costs × (1 + uplift)
    benefit_cut: dict[str, float]  # by confidence: proxies × (1 − cut)
    delay_years: dict[str, float]  # by confidence: first year of effect later

    def describe(self, lang: str = "nl") -> str:
        grades = ("high", "medium", "low")
        parts = [
            f"{g}: +{self.cost_uplift[g]:.0%} / -{self.benefit_cut[g]:.0%} / "
            f"+{self.delay_years[g]:g}"
            for g in grades
        ]
        return t("optimism_bias_grades", lang, grades="; ".join(parts))


def load_optimism_bias(path: Path | None = None) -> OptimismBias:
    data = read_yaml(path or assumptions_dir() / "shared" / "optimism_bias.yaml")["optimism_bias"]
    pick = lambda section: {g: float(data[section][g]["value"]) for g in ("high", "medium", "low")}  # noqa: E731
    return OptimismBias(pick("cost_uplift"), pick("benefit_cut"), pick("delay_years"))


def optimism_bias(case: Case, bias: OptimismBias | None = None) -> Case:
    """A copy of the case with costs raised and benefits lowered and delayed.

    An item whose amount or proxy names a (shared) driver gets its own copy of that
    figure, corrected by the weakest confidence behind it, so that correcting one item
    never moves another that shares the driver.
    """
    bias = bias or load_optimism_bias()
    out = case.model_copy(deep=True)
    for item in out.costs:
        if item.amount_driver:
            item.amount, item.amount_driver = _own_copy(out, item.amount_driver), None
        amount = item.amount
        assert amount is not None  # validated: a cost has an amount or names a driver
        amount.value *= 1 + bias.cost_uplift[amount.confidence.value]
    for o in out.outcomes:
        grades = []
        targets: Sequence[OutcomeComponent | Outcome] = o.components or [o]
        for target in targets:
            if target.proxy_driver:
                target.proxy, target.proxy_driver = _own_copy(out, target.proxy_driver), None
            proxy = target.proxy
            assert proxy is not None  # validated: each gross line has a proxy or a driver
            grade = proxy.confidence.value
            grades.append(grade)
            if getattr(target, "direction", Direction.saving) is Direction.cost:
                proxy.value *= 1 + bias.cost_uplift[grade]
            else:
                proxy.value *= 1 - bias.benefit_cut[grade]
        delay = max(round(bias.delay_years[g]) for g in grades)
        o.first_year.value += delay
        o.duration.value = max(0.0, o.duration.value - delay)
    return out


_ORDER = {"high": 0, "medium": 1, "low": 2}


def _own_copy(case: Case, driver: str) -> Amount:
    """A driver's current value as a parameter of its own, with the weakest confidence
    of the figures behind it."""
    from businesscase.engine import driver_values

    inputs = [case.drivers[m] for m in driver_inputs(case, driver)]
    weakest = max(inputs, key=lambda p: _ORDER[p.confidence.value])
    value = float(driver_values(case)[driver])
    return Amount(
        value=value,
        unit=weakest.unit,
        year=weakest.year,
        estimate=True,
        reasoning=f"driver {driver}, copied for the optimism-bias correction",
        low=0.0,
        high=max(value * 10, 1.0),  # amounts are never negative
        confidence=weakest.confidence,
    )
