"""How sure is the result: tornado, Monte Carlo, break-even and optimism bias."""

from .breakeven import break_even, what_must_be_true
from .limits import DrawsError, check_draws, max_draws, parse_correlation
from .montecarlo import CHUNK, MonteCarloResult, monte_carlo, sample_parameters
from .optimism import load_optimism_bias, optimism_bias
from .tornado import tornado

__all__ = [
    "CHUNK",
    "DrawsError",
    "MonteCarloResult",
    "break_even",
    "check_draws",
    "load_optimism_bias",
    "max_draws",
    "monte_carlo",
    "optimism_bias",
    "parse_correlation",
    "sample_parameters",
    "tornado",
    "what_must_be_true",
]
