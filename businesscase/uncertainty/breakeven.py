"""Break-even: the value of one parameter at which a result turns zero."""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import brentq

from businesscase.engine import evaluate
from businesscase.model import Case, OptionError

from .tornado import check_partner

TARGETS = ("social_npv", "net_position", "financial_npv")


def _output(case: Case, key: str, values: np.ndarray, target: str, partner: str | None):
    result = evaluate(case, {key: np.atleast_1d(values).astype(float)})
    if target == "social_npv":
        return result.total_arrays["social_npv"]
    assert partner is not None  # break_even asks for one with every partner target
    return result.partner_arrays[target][:, result.partners.index(partner)]


def break_even(
    case: Case,
    key: str,
    target: str = "social_npv",
    partner: str | None = None,
    search: tuple[float, float] | None = None,
    grid: int = 201,
) -> float | None:
    """The value of parameter `key` at which `target` is zero, or None if there is none.

    target: "social_npv" (the MKBA balance), or with a partner "net_position" or
    "financial_npv". The search runs over `search` (default: the parameter's allowed
    range, capped at ten times its high value), first on a grid in one vectorised call,
    then refined by Brent's method to the cent. Of several crossings the one nearest to
    the current value is returned.
    """
    if target not in TARGETS:
        raise OptionError("--target", f"{target!r} is not a target; allowed: {', '.join(TARGETS)}")
    if target != "social_npv" and partner is None:
        raise OptionError(
            "--partner",
            f"--target {target} needs a partner; partners are {', '.join(case.partner_ids)}",
        )
    check_partner(case, partner)
    params = dict(case.parameters())
    if key not in params:
        ranged = [k for k, p in params.items() if p.high > p.low]
        close = [k for k in ranged if k.split(".")[-1] in key or key in k][:4] or ranged[:4]
        raise OptionError(
            "--parameter",
            f"no parameter {key!r} in this case; for example "
            f"{', '.join(close)} (all: businesscase tornado "
            "--top 1000)",
        )
    param = params[key]
    lo_kind, hi_kind = type(param).allowed_range()
    if search is None:
        top = max(10 * abs(param.high), 1.0)
        search = (max(lo_kind, -top), min(hi_kind, top))
    xs = np.linspace(search[0], search[1], grid)
    ys = _output(case, key, xs, target, partner)
    crossings = np.flatnonzero(np.sign(ys[:-1]) * np.sign(ys[1:]) <= 0)
    if crossings.size == 0:
        return None
    best = crossings[np.argmin(np.abs(xs[crossings] - float(param.value)))]
    a, b = xs[best], xs[best + 1]
    if ys[best] == 0:
        return float(a)
    f = lambda x: float(_output(case, key, np.array([x]), target, partner)[0])  # noqa: E731
    root = brentq(f, a, b, xtol=1e-12, rtol=1e-14, maxiter=200)
    return float(root) if math.isfinite(root) else None
