"""Monte Carlo over every parameter's range, evaluated vectorised a chunk of draws at a time.

Each parameter with low < high is drawn from its distribution (PERT by default, with the
value as the most likely point; triangular or uniform where the parameter says so).
Named pairs of parameters can be correlated through a Gaussian copula: correlated
standard normals, turned into uniforms, turned into each parameter's own distribution.
Whole-year parameters (lifetimes, durations) are rounded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from businesscase.allocation import BenefitBasis, net_after_draws, split_weights
from businesscase.engine import evaluate
from businesscase.model import Case, OptionError, Parameter, Years

from .limits import CHUNK as LIMITS_CHUNK
from .limits import KEPT_PARTNER_FIGURES, KEPT_TOTALS, check_correlations, check_draws

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
    seed: int | Sequence[int] = 0,
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


CHUNK = LIMITS_CHUNK
"""Draws evaluated at once. A run of any size is evaluated a chunk at a time and keeps of
each draw only what the summaries and the split need, so its memory is one chunk's ledger
plus a few numbers per draw (100,000 draws of the combined case: 0.2 GB, 3.1 GB before)."""


@dataclass
class DrawFigures:
    """What a run keeps of every draw: the totals (D,) and the per-partner figures (D, P)
    of :class:`~businesscase.engine.Result` that the summaries use (``KEPT_TOTALS``,
    ``KEPT_PARTNER_FIGURES``), in euros at present value but the SROI ratio."""

    total_arrays: dict[str, np.ndarray]
    partner_arrays: dict[str, np.ndarray]
    partners: list[str]

    @property
    def n_draws(self) -> int:
        return len(next(iter(self.total_arrays.values())))

    n = n_draws


@dataclass
class MonteCarloResult:
    case: Case
    result: DrawFigures
    seed: int
    split_net: pd.DataFrame  # (draw × partner) net position after the chosen split
    basis: str
    method: str = "shapley"
    correlations: Mapping[tuple[str, str], float] | None = None
    default: str = "pert"

    @property
    def n(self) -> int:
        return self.result.n_draws

    @property
    def draws(self) -> dict[str, np.ndarray]:
        """Every parameter's draws, drawn again from the seed (a run does not keep them:
        at a million draws they would be most of its memory)."""
        chunks = [
            _chunk_draws(self.case, k, size, self.seed, self.correlations, self.default)
            for k, size in enumerate(_chunk_sizes(self.n))
        ]
        return {key: np.concatenate([c[key] for c in chunks]) for key in chunks[0]}

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
    progress: Callable[[int, int], None] | None = None,
) -> MonteCarloResult:
    """Draw every range n times (seeded) and evaluate the draws, a chunk at a time.

    method: the fair split whose outcome per partner is reported per draw (shapley, as_is,
    proportional_benefit or equal_surplus: the splits that are linear in the flows).
    n is checked against the memory the kept figures need (a DrawsError says the
    maximum); seed is a whole number of 0 or more. progress(done, n) is called after each
    chunk. The first chunk's draws come from the seed as they always did, the k-th from
    (seed, k): a run's figures depend on the seed and n, never on the memory at hand.
    """
    n = check_draws(case, n)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise OptionError("--seed", f"the seed must be a whole number of 0 or more, not {seed!r}")
    correlations = check_correlations(case, correlations)
    totals: list[dict[str, np.ndarray]] = []
    partner_figures: list[pd.DataFrame] = []
    split: list[pd.DataFrame] = []
    players: list[str] | None = None
    done = 0
    for k, size in enumerate(_chunk_sizes(n)):
        result = evaluate(case, _chunk_draws(case, k, size, seed, correlations, default))
        weights, players = split_weights(result, basis, players)
        split.append(
            pd.DataFrame(net_after_draws(result.line_pv, weights, method), columns=players)
        )
        totals.append({key: result.total_arrays[key] for key in KEPT_TOTALS})
        partner_figures.append(
            pd.concat(
                {
                    name: pd.DataFrame(result.partner_arrays[name], columns=result.partners)
                    for name in KEPT_PARTNER_FIGURES
                },
                axis=1,
            )
        )
        done += size
        if progress is not None:
            progress(done, n)
    figures = pd.concat(partner_figures, ignore_index=True)
    partners = [p for p in dict.fromkeys(figures.columns.get_level_values(1))]
    kept = DrawFigures(
        {key: np.concatenate([c[key] for c in totals]) for key in totals[0]},
        {
            name: figures[name].reindex(columns=partners).fillna(0.0).to_numpy()
            for name in dict.fromkeys(figures.columns.get_level_values(0))
        },
        partners,
    )
    return MonteCarloResult(
        case,
        kept,
        seed,
        pd.concat(split, ignore_index=True),
        BenefitBasis(basis).value,
        method,
        correlations,
        default,
    )


def _chunk_sizes(n: int) -> list[int]:
    return [min(CHUNK, n - start) for start in range(0, n, CHUNK)]


def _chunk_draws(case, k: int, size: int, seed: int, correlations, default) -> dict:
    return sample_parameters(case, size, seed if k == 0 else [seed, k], correlations, default)
