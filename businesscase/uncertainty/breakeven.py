"""Break-even: the value of one parameter at which a result turns zero."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from businesscase.engine import evaluate
from businesscase.model import Case, OptionError

from .tornado import check_partner, tornado

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
    from scipy.optimize import brentq  # only where a root is sought: the CLI starts fast

    root = brentq(f, a, b, xtol=1e-12, rtol=1e-14, maxiter=200)
    return float(root) if math.isfinite(root) else None


WHAT_MUST_BE_TRUE_COLUMNS = [
    "parameter",
    "value",
    "low",
    "high",
    "unit",
    "confidence",
    "target",
    "now",
    "break_even",
    "in_range",
]


def losing_partners(case: Case) -> list[str]:
    """Partners taking part whose net position (societal, present value) is below zero,
    worst first; the money from outside the partnership is not a partner."""
    result = evaluate(case)
    net = result.partner_arrays["net_position"][0]
    taking_part = {p.id for p in case.partners if p.takes_part}
    losing = [(v, p) for p, v in zip(result.partners, net) if p in taking_part and v < -0.005]
    return [p for _, p in sorted(losing)]


def what_must_be_true(case: Case, top: int = 5, tolerance: float = 0.005) -> pd.DataFrame:
    """For each of the ``top`` parameters that move the social balance most (the tornado's
    largest swings), the value at which the social balance breaks even and the value at
    which each losing partner's net position breaks even, next to its current value,
    range and confidence.

    One row per (parameter, target); target is "social_npv" or a partner id. ``now`` is
    the target at the current values [€, present value]; ``break_even`` the parameter's
    value at which the target is zero (NaN when no value in the parameter's allowed range,
    capped at ten times its high, reaches it); ``in_range`` whether it lies within the
    parameter's own low–high range. Of several crossings the nearest to the current value
    is taken; roots are found to ``tolerance`` euros of the target.
    """
    targets = ["social_npv", *losing_partners(case)]
    params = dict(case.parameters())
    keys = [k for k in tornado(case, "social_npv").index if params[k].high > params[k].low]
    keys = keys[: max(top, 0)]
    base = evaluate(case)
    now = _targets(base, targets)[0]
    rows = []
    for key in keys:
        p = params[key]
        roots = _roots(case, key, targets, tolerance)
        for j, target in enumerate(targets):
            x = roots[j]
            rows.append(
                {
                    "parameter": key,
                    "value": float(p.value),
                    "low": p.low,
                    "high": p.high,
                    "unit": p.unit,
                    "confidence": p.confidence.value,
                    "target": target,
                    "now": float(now[j]),
                    "break_even": x,
                    "in_range": bool(np.isfinite(x) and p.low <= x <= p.high),
                }
            )
    return pd.DataFrame(rows, columns=WHAT_MUST_BE_TRUE_COLUMNS)


def _targets(result, targets: list[str]) -> np.ndarray:
    """(D, len(targets)): the social balance and partners' net positions of each draw."""
    out = []
    for target in targets:
        if target == "social_npv":
            out.append(result.total_arrays["social_npv"])
        else:
            out.append(result.partner_arrays["net_position"][:, result.partners.index(target)])
    return np.stack(out, axis=1)


def _roots(case: Case, key: str, targets: list[str], tolerance: float, grid: int = 201):
    """The parameter value at which each target is zero, nearest the current value: a grid
    in one vectorised evaluation, then every target's bracket refined together (regula
    falsi with the Illinois step, one evaluation per iteration for all targets)."""
    param = case.parameter(key)
    lo_kind, hi_kind = type(param).allowed_range()
    cap = max(10 * abs(param.high), 1.0)
    xs = np.linspace(max(lo_kind, -cap), min(hi_kind, cap), grid)
    ys = _targets(evaluate(case, {key: xs}), targets)  # (grid, K)
    k = len(targets)
    roots = np.full(k, np.nan)
    a, b = np.zeros(k), np.zeros(k)
    fa, fb = np.zeros(k), np.zeros(k)
    open_ = np.zeros(k, dtype=bool)
    for j in range(k):
        y = ys[:, j]
        exact = np.flatnonzero(y == 0)
        cross = np.flatnonzero(np.sign(y[:-1]) * np.sign(y[1:]) < 0)
        candidates = np.r_[xs[exact], (xs[cross] + xs[cross + 1]) / 2]
        if candidates.size == 0:
            continue
        nearest = int(np.argmin(np.abs(candidates - float(param.value))))
        if nearest < exact.size:
            roots[j] = xs[exact[nearest]]
            continue
        i = cross[nearest - exact.size]
        a[j], b[j], fa[j], fb[j], open_[j] = xs[i], xs[i + 1], y[i], y[i + 1], True
    for _ in range(100):
        if not open_.any():
            break
        with np.errstate(invalid="ignore", divide="ignore"):
            x = np.where(open_, (a * fb - b * fa) / (fb - fa), a)
        x = np.clip(x, np.minimum(a, b), np.maximum(a, b))
        fx = _targets(evaluate(case, {key: x}), targets)[np.arange(k), np.arange(k)]
        done = open_ & ((np.abs(fx) <= tolerance) | (np.abs(b - a) <= 1e-12 * (1 + np.abs(x))))
        roots[done] = x[done]
        open_ &= ~done
        left = open_ & (np.sign(fx) == np.sign(fa))
        right = open_ & ~left
        # Illinois: halve the value kept at the end that did not move, so the bracket
        # shrinks from both sides on a curved target.
        fb = np.where(left, fb / 2, fb)
        a, fa = np.where(left, x, a), np.where(left, fx, fa)
        fa = np.where(right, fa / 2, fa)
        b, fb = np.where(right, x, b), np.where(right, fx, fb)
    return roots
