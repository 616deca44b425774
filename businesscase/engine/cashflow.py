"""Yearly streams: time profiles, indexation, the SROI chain, discounting.

Small pure functions on numpy arrays. Year index ``t`` runs 0..T: one-off investments at
t = 0, operating flows in t = 1..T. Every parameter argument may be a scalar or an array
of shape (D, 1) (one row per Monte Carlo draw); results broadcast to (D, T + 1). Units in
brackets, as stated in :mod:`businesscase.engine`.
"""

from __future__ import annotations

import numpy as np

from businesscase.model import Discounting


def index_factor(rate, years_since_price_year):
    """Growth factor (1 + rate)^(year − price_year).

    Used for both the real change of a category (on top of inflation) and the deflator
    (inflation itself); nominal = real × deflator.

    Parameters
    ----------
    rate : float or ndarray (D, 1)  [fraction per year]
    years_since_price_year : ndarray (T + 1,)  [years: calendar year of each t − price year]
    """
    return (1.0 + rate) ** years_since_price_year


def discount_exponent(t, convention: Discounting):
    """Number of years each t is discounted.

    End-of-year: t (t = 0 undiscounted, year 1 once, as a spreadsheet
    ``=inv + NPV(r; year1..T)``). First year undiscounted: max(t − 1, 0), as SROI studies
    that do not discount the first year of benefits.

    t : ndarray (T + 1,)  [year index 0..horizon]
    convention : Discounting
    Returns ndarray (T + 1,)  [years discounted]
    """
    t = np.asarray(t, dtype=float)
    if convention is Discounting.first_year_undiscounted:
        return np.maximum(t - 1.0, 0.0)
    return t


def discount_factor(rate, t, convention: Discounting):
    """1 / (1 + rate)^exponent(t).

    rate : float or ndarray (D, 1)  [fraction per year]
    t : ndarray (T + 1,)  [year index 0..horizon]
    """
    return (1.0 + rate) ** -discount_exponent(t, convention)


def operating_profile(t):
    """1 in operating years t = 1..T, 0 at t = 0.  t : ndarray  [year index 0..horizon]"""
    return (np.asarray(t) >= 1).astype(float)


def one_off_profile(t):
    """1 at t = 0 only.  t : ndarray  [year index 0..horizon]"""
    return (np.asarray(t) == 0).astype(float)


def replacement_profile(t, lifetime, horizon: int):
    """1 where an investment with this lifetime is renewed within the horizon.

    Renewal at t = k × lifetime for k ≥ 1 while t < T: renewing in year T would serve only
    years after the horizon.

    t : ndarray (T + 1,)  [year index 0..horizon]
    lifetime : float or ndarray (D, 1)  [years]
    horizon : int  [years of operation, T]
    """
    t = np.asarray(t, dtype=float)
    return ((t > 0) & (t < horizon) & (np.mod(t, lifetime) == 0)).astype(float)


def residual_share(lifetime, horizon: int):
    """Straight-line share of the last (re)investment's value left at the horizon.

    The last installation is at t_last = L × floor((T − 1) / L); it has served T − t_last
    of its L years, so 1 − (T − t_last) / L is left (0 when T is a multiple of L).

    lifetime : float or ndarray (D, 1)  [years]
    horizon : int  [years of operation, T]
    Returns float or ndarray (D, 1)  [share 0..1 of the investment]
    """
    lifetime = np.asarray(lifetime, dtype=float)
    t_last = lifetime * np.floor((horizon - 1) / lifetime)
    return 1.0 - (horizon - t_last) / lifetime


def outcome_profile(t, first_year, duration, drop_off, ramp_up_years, recurring):
    """Share of the full yearly effect reached in each year t.

    The ramp is linear, (k + 1) / ramp_up_years in the k-th year of effect (k from 0),
    capped at 1, so ramp_up_years = 2 gives 50% then 100%, and 0 or 1 gives full effect
    at once.

    - recurring (a service that produces the effect anew each year, new cohorts): ramp
      only while the service runs, first_year ≤ t < first_year + duration; after it ends
      the last year's level fades by (1 − drop_off) a year.
    - fading (a one-off effect): (1 − drop_off)^(t − first_year) × ramp for
      first_year ≤ t < first_year + duration, nothing after.

    Parameters
    ----------
    t : ndarray (T + 1,)  [year index 0..horizon]
    first_year : float or ndarray (D, 1)  [operating year, 1 = first]
    duration, ramp_up_years : float or ndarray (D, 1)  [years]
    drop_off : float or ndarray (D, 1)  [fraction per year]
    recurring : bool
    """
    k = np.asarray(t, dtype=float) - first_year
    running = (k >= 0) & (k < duration)
    k0 = np.maximum(k, 0.0)
    ramp = np.minimum(1.0, (k0 + 1.0) / np.maximum(ramp_up_years, 1.0))
    if not recurring:
        return np.where(running, (1.0 - drop_off) ** k0 * ramp, 0.0)
    last = np.minimum(1.0, np.maximum(duration, 0.0) / np.maximum(ramp_up_years, 1.0))
    after = k - duration + 1.0  # 1 in the first year after the service ends
    tail = np.where(
        (after >= 1) & (duration > 0), last * (1.0 - drop_off) ** np.maximum(after, 0.0), 0.0
    )
    return np.where(running, ramp, tail)


def impact_factor(deadweight, attribution, displacement):
    """(1 − deadweight) × (1 − attribution) × (1 − displacement): the share that is ours.

    deadweight, attribution, displacement : float or ndarray (D, 1)  [fraction 0..1]
    """
    return (1.0 - deadweight) * (1.0 - attribution) * (1.0 - displacement)


def overlap_scale(values, alpha):
    """Scale factor per member so an overlap group counts once.

    Group value = largest member + alpha × (sum of the others) per draw and year; each
    member keeps the same share of the group value as of the naive sum.

    Parameters
    ----------
    values : ndarray (D, M, T + 1)  [€ per year, real prices of the price year; ≥ 0]
    alpha : float or ndarray (D, 1, 1)  [fraction 0..1 of the non-dominant members counted]

    Returns
    -------
    ndarray (D, M, T + 1)  [factor 0..1]
    """
    total = values.sum(axis=1, keepdims=True)
    largest = values.max(axis=1, keepdims=True)
    group = largest + alpha * (total - largest)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(total > 0, group / total, 1.0)
    return np.broadcast_to(ratio, values.shape)
