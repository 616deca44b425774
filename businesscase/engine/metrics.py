"""Return metrics on yearly flows, vectorised over any leading axes.

Flows are arrays whose last axis is the year index t = 0..T.

A note on numpy-financial: ``npf.npv(rate, values)`` treats ``values[0]`` as t = 0 and
does not discount it, unlike a spreadsheet's NPV(), which discounts its first value by
one year. Our end-of-year convention equals ``npf.npv`` on the flows t = 0..T.
``npf.irr`` handles one series at a time; :func:`irr` below solves many at once and is
tested against it.
"""

from __future__ import annotations

import numpy as np


def npv(rate, flows, exponent=None):
    """Present value at t = 0.

    Parameters
    ----------
    rate : float or ndarray broadcasting to flows[..., :1]  [fraction per year]
    flows : ndarray (..., T + 1)  [€ per year]
    exponent : ndarray (T + 1,)  [years each t is discounted; default t, end of year]
    """
    flows = np.asarray(flows, dtype=float)
    if exponent is None:
        exponent = np.arange(flows.shape[-1], dtype=float)
    return (flows * (1.0 + np.asarray(rate, dtype=float)) ** -exponent).sum(axis=-1)


def irr(flows, low: float = -0.99, high: float = 10.0, grid: int = 200, tol: float = 1e-12):
    """Internal rate of return of each series, NaN where there is none.

    The rate closest to zero at which the NPV changes sign is bracketed on a grid of
    rates and refined by bisection. For a conventional series (outflows, then inflows)
    that root is unique.

    Parameters
    ----------
    flows : ndarray (..., T + 1)  [€ per year, t = 0 first]
    low, high : float  [fraction per year: the search interval]

    Returns
    -------
    ndarray (...)  [fraction per year]
    """
    flows = np.asarray(flows, dtype=float)
    lead = flows.shape[:-1]
    c = flows.reshape(-1, flows.shape[-1])
    t = np.arange(c.shape[-1], dtype=float)

    # Grid in log(1 + r) so small rates are finely resolved.
    x = np.linspace(np.log1p(low), np.log1p(high), grid)
    rates = np.expm1(x)
    values = c @ np.exp(-np.outer(t, x))  # (N, grid): NPV at each rate
    sign = np.sign(values)
    change = (sign[:, :-1] * sign[:, 1:] < 0) | (values[:, :-1] == 0)
    has_root = change.any(axis=1)
    # Among the brackets, pick the one whose midpoint is closest to r = 0.
    mid = np.abs((rates[:-1] + rates[1:]) / 2)
    idx = np.where(change, mid, np.inf).argmin(axis=1)
    lo, hi = x[idx], x[idx + 1]
    f_lo = (c * np.exp(-np.outer(lo, t))).sum(axis=1)
    for _ in range(200):
        mid_x = (lo + hi) / 2
        f_mid = (c * np.exp(-np.outer(mid_x, t))).sum(axis=1)
        same = np.sign(f_mid) == np.sign(f_lo)
        lo, f_lo = np.where(same, mid_x, lo), np.where(same, f_mid, f_lo)
        hi = np.where(same, hi, mid_x)
        if np.all(hi - lo < tol):
            break
    out = np.where(has_root, np.expm1((lo + hi) / 2), np.nan)
    return out.reshape(lead)


def payback_index(cumulative):
    """First year index from which the cumulative balance stays at or above zero.

    Parameters
    ----------
    cumulative : ndarray (..., T + 1)  [€, cumulative]

    Returns
    -------
    ndarray (...)  [year index 0..horizon; NaN if the balance never stays non-negative]
    """
    ok = np.asarray(cumulative) >= -0.005  # half a cent: rounding must not hide payback
    stays = np.flip(np.logical_and.accumulate(np.flip(ok, -1), axis=-1), -1)
    first = stays.argmax(axis=-1).astype(float)
    return np.where(stays.any(axis=-1), first, np.nan)


def ratio(numerator, denominator):
    """numerator / denominator, NaN where the denominator is zero."""
    numerator = np.asarray(numerator, dtype=float)
    denominator = np.asarray(denominator, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(
            denominator != 0, numerator / np.where(denominator != 0, denominator, 1), np.nan
        )
