"""Sensitivity of results to the parameters' ranges.

The tornado evaluates every parameter at its low and at its high value, the others at
their defaults, in one vectorised call (two draws per parameter).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from businesscase.engine import evaluate
from businesscase.model import Case, OptionError


def check_partner(case: Case, partner: str | None, option: str = "--partner") -> None:
    if partner is not None and partner not in case.partner_ids:
        raise OptionError(
            option, f"unknown partner {partner!r}; partners are {', '.join(case.partner_ids)}"
        )


def tornado(case: Case, output: str = "social_npv", partner: str | None = None) -> pd.DataFrame:
    """Effect of each parameter's low and high value on one result.

    Parameters
    ----------
    case : Case
    output : a key of ``Result.total_arrays`` (e.g. "social_npv", "sroi_ratio"), or, with
        ``partner``, of ``Result.partner_arrays`` (e.g. "net_position").
    partner : partner id, for a per-partner output.

    Returns
    -------
    DataFrame indexed by parameter key, sorted by swing (largest first), with columns
    low, high (parameter values), at_low, at_high (the output, euros or ratio), swing.
    """
    check_partner(case, partner)
    params = [(k, p) for k, p in case.parameters() if p.high > p.low]
    n = 2 * len(params)
    draws = {}
    for i, (key, p) in enumerate(params):
        column = np.full(n, float(p.value))
        column[2 * i], column[2 * i + 1] = p.low, p.high
        draws[key] = column
    result = evaluate(case, draws)
    if partner is None:
        values = result.total_arrays[output]
    else:
        values = result.partner_arrays[output][:, result.partners.index(partner)]
    frame = pd.DataFrame(
        {
            "low": [p.low for _, p in params],
            "high": [p.high for _, p in params],
            "at_low": values[0::2],
            "at_high": values[1::2],
        },
        index=pd.Index([k for k, _ in params], name="parameter"),
    )
    frame["swing"] = (frame.at_high - frame.at_low).abs()
    return frame.sort_values("swing", ascending=False)
