"""Monte Carlo over every parameter's range, in one vectorised evaluation.

Each parameter with low < high is drawn from its distribution (PERT by default, with the
value as the most likely point; triangular or uniform where the parameter says so).
Named pairs of parameters can be correlated through a Gaussian copula: correlated
standard normals, turned into uniforms, turned into each parameter's own distribution.
Whole-year parameters (lifetimes, durations) are rounded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from businesscase.allocation import BenefitBasis, net_after_draws, split_weights
from businesscase.engine import Result, evaluate
from businesscase.model import Case, OptionError, Parameter, Years

from .limits import check_correlations, check_draws

PERCENTILES = (10, 50, 90)


def _shape(p: Parameter, default: str) -> tuple[str, float, float, float]:
    a, b = float(p.low), float(p.high)
    return (p.distribution or default), a, min(max(float(p.value), a), b), b


def _inverse_cdf(p: Parameter, u: np.ndarray, default: str) -> np.ndarray:
    """The parameter's distribution at uniform quantiles u (for correlated draws)."""
    from scipy import stats
    from scipy.special import betaincinv

    kind, a, m, b = _shape(p, default)
    if kind == "uniform":
        return a + (b - a) * u
    if kind == "triangular":
        return stats.triang.ppf(u, (m - a) / (b - a), loc=a, scale=b - a)
    alpha, beta = 1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a)  # PERT
    return a + (b - a) * betaincinv(alpha, beta, u)


def _draw(p: Parameter, rng: np.random.Generator, n: int, default: str) -> np.ndarray:
    """Independent draws straight from the generator (much faster than inverting CDFs)."""
    kind, a, m, b = _shape(p, default)
    if kind == "uniform":
        return rng.uniform(a, b, n)
    if kind == "triangular":
        return rng.triangular(a, m, b, n)
    alpha, beta = 1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a)
    return a + (b - a) * rng.beta(alpha, beta, n)


def sample_parameters(
    case: Case,
    n: int,
    seed: int = 0,
    correlations: Mapping[tuple[str, str], float] | None = None,
    default: str = "pert",
) -> dict[str, np.ndarray]:
    """n draws of every parameter that has a range; keys as in ``Case.parameters()``."""
    params = [(k, p) for k, p in case.parameters() if p.high > p.low]
    correlations = check_correlations(case, correlations)
    rng = np.random.default_rng(seed)
    linked = sorted({k for pair in correlations for k in pair})
    draws = {key: _draw(p, rng, n, default) for key, p in params if key not in linked}
    if linked:
        index = {k: i for i, k in enumerate(linked)}
        corr = np.eye(len(linked))
        for (k1, k2), rho in correlations.items():
            corr[index[k1], index[k2]] = corr[index[k2], index[k1]] = rho
        try:
            z = rng.standard_normal((n, len(linked))) @ np.linalg.cholesky(corr).T
        except np.linalg.LinAlgError:
            raise OptionError(
                "--correlate",
                "these correlations cannot hold together (the "
                "matrix is not positive definite); lower one of them",
            ) from None
        from scipy.special import ndtr  # scipy only where a run needs it: the CLI starts fast

        u = np.clip(ndtr(z), 1e-12, 1 - 1e-12)
        by_key = dict(params)
        for k in linked:
            draws[k] = _inverse_cdf(by_key[k], u[:, index[k]], default)
    for key, p in params:
        if isinstance(p, Years):
            draws[key] = np.round(draws[key])
    return draws


@dataclass
class MonteCarloResult:
    draws: dict[str, np.ndarray]
    result: Result
    seed: int
    split_net: pd.DataFrame  # (draw × partner) net position after the chosen split
    basis: str
    method: str = "shapley"

    @property
    def n(self) -> int:
        return self.result.n_draws

    def summary(self, lang: str = "nl") -> pd.DataFrame:
        """Mean, P10, P50, P90 and the probability of a positive value, per output."""
        series = {
            "social_npv": self.result.total_arrays["social_npv"],
            "sroi_ratio": self.result.total_arrays["sroi_ratio"],
        }
        net = self.result.partner_arrays["net_position"]
        for j, pid in enumerate(self.result.partners):
            series[f"net_position.{pid}"] = net[:, j]
        rows = {}
        for name, x in series.items():
            finite = x[np.isfinite(x)]
            q = np.percentile(finite, PERCENTILES) if finite.size else [np.nan] * 3
            rows[name] = {
                "mean": finite.mean() if finite.size else np.nan,
                "p10": q[0],
                "p50": q[1],
                "p90": q[2],
                "p_positive": float(np.mean(x > 0)),
            }
        return pd.DataFrame(rows).T

    def probability_better_off(self) -> pd.Series:
        """Per partner, the share of draws with a positive net position after the split."""
        return (self.split_net > 0).mean()


def monte_carlo(
    case: Case,
    n: int = 10_000,
    seed: int = 0,
    correlations: Mapping[tuple[str, str], float] | None = None,
    basis: BenefitBasis | str = BenefitBasis.financial,
    default: str = "pert",
    method: str = "shapley",
) -> MonteCarloResult:
    """Draw every range n times (seeded) and evaluate all draws in one call.

    method: the fair split whose outcome per partner is reported per draw (shapley, as_is,
    proportional_benefit or equal_surplus: the splits that are linear in the flows).
    n is checked against the memory it needs (a DrawsError says the maximum); seed is a
    whole number of 0 or more.
    """
    n = check_draws(case, n)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise OptionError("--seed", f"the seed must be a whole number of 0 or more, not {seed!r}")
    draws = sample_parameters(case, n, seed, correlations, default)
    result = evaluate(case, draws)
    weights, players = split_weights(result, basis)
    split = pd.DataFrame(net_after_draws(result.line_pv, weights, method), columns=players)
    return MonteCarloResult(draws, result, seed, split, BenefitBasis(basis).value, method)
