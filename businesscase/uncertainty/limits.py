"""What a Monte Carlo run may be asked: how many draws fit in memory, which correlations
make sense. One rule for the CLI, the export and the dashboard.

The engine evaluates a chunk of draws at once (``CHUNK``): every line item × year is an
array over the chunk's draws, and a chunk holds several of them at its peak (flows, real,
nominal and two discounted copies, the split per draw). Measured with tracemalloc on the
shipped cases, the peak is 5.4–6.1 arrays of (draws × lines × years) float64 (one less
since the financial discount factors are a temporary that numpy reuses);
``WORKING_COPIES`` leaves room above that. Of every draw a run keeps a few figures
(``kept_bytes_per_draw``), so a million draws fit in a few hundred MB; a run that would
not fit is refused with the maximum for this case, never left to end in a MemoryError.
"""

from __future__ import annotations

import contextlib
import math
import numbers
import os
from collections.abc import Mapping

from businesscase.model import Case, CostKind, OptionError
from businesscase.text import formatting as fmt
from businesscase.text import t

MIN_DRAWS = 1
WORKING_COPIES = 10
MEMORY_SHARE = 0.5  # of what is free: a shared server keeps room for other sessions
CHUNK = 2_000  # draws evaluated at once (montecarlo.CHUNK is this one): 100,000 draws
# of the combined case took 3.4 s at 2,000 or 5,000, 4.5 s at 10,000 and 5.1 s at 20,000
# What a run keeps of every draw (the summaries and the split use nothing else).
KEPT_TOTALS = ("social_npv", "sroi_ratio", "pv_costs", "pv_benefits")
KEPT_PARTNER_FIGURES = ("net_position", "pv_costs", "pv_benefits")


def line_bound(case: Case) -> int:
    """The most line items a case can have in any draw (a replacement, a residual value or
    an overlap correction appears only when it is not zero)."""
    costs = sum(3 if c.kind is CostKind.investment else 1 for c in case.costs)
    outcomes = sum(len(o.gross_lines()) * (2 if o.overlap_group else 1) for o in case.outcomes)
    return costs + 2 * len(case.revenues) + outcomes


def bytes_per_draw(case: Case) -> int:
    years = case.meta.horizon + 1
    parameters = sum(1 for _ in case.parameters())
    return 8 * WORKING_COPIES * (line_bound(case) * years + parameters)


def available_memory() -> int:
    """Bytes this process can still allocate: the least of free RAM, the address-space
    limit (ulimit -v) and the container's memory limit (cgroup v2)."""
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    known = []
    try:
        with open("/proc/meminfo") as f:
            info = dict(line.split(":", 1) for line in f)
        known.append(int(info["MemAvailable"].split()[0]) * 1024)
    except (OSError, KeyError, ValueError):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            known.append(os.sysconf("SC_AVPHYS_PAGES") * page)
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
        if soft != resource.RLIM_INFINITY:
            with open("/proc/self/statm") as f:
                used = int(f.read().split()[0]) * page
            known.append(soft - used)
    except (ImportError, OSError, ValueError):
        pass
    try:
        with open("/sys/fs/cgroup/memory.max") as f:
            limit = f.read().strip()
        if limit != "max":
            with open("/sys/fs/cgroup/memory.current") as f:
                known.append(int(limit) - int(f.read()))
    except (OSError, ValueError):
        pass
    return max(min(known), 0) if known else 4 << 30


def kept_bytes_per_draw(case: Case) -> int:
    """What a run keeps of each draw: the totals named in KEPT_TOTALS and, per partner, the
    figures in KEPT_PARTNER_FIGURES and the split, twice over while the chunks are joined."""
    partners = len(case.partners) + 1  # and the money from outside
    per_partner = len(KEPT_PARTNER_FIGURES) + 1  # and the split
    return 8 * 2 * (len(KEPT_TOTALS) + per_partner * partners)


def max_draws(case: Case, memory: int | None = None) -> int:
    """The most draws that fit: one chunk evaluated at a time (see ``montecarlo.CHUNK``)
    and, for every draw, what the run keeps."""
    memory = available_memory() if memory is None else memory
    room = int(memory * MEMORY_SHARE)
    working = CHUNK * bytes_per_draw(case)
    if room <= working:
        return room // bytes_per_draw(case)
    return CHUNK + (room - working) // kept_bytes_per_draw(case)


def memory_needed(case: Case, n: int) -> int:
    """Bytes a run of n draws needs at its peak."""
    return min(n, CHUNK) * bytes_per_draw(case) + n * kept_bytes_per_draw(case)


def advised_draws(top: int) -> int:
    """The maximum to tell a user: 10% under ``top`` and rounded down to two significant
    digits. Free memory moves between two runs, so the exact figure of this moment would
    be refused a moment later; "10,301" is false precision anyway."""
    if top < 100:
        return max(top, 0)
    safe = int(top * 0.9)
    step = 10 ** (len(str(safe)) - 2)
    return safe // step * step


class DrawsError(OptionError):
    """A number of draws outside 1..the maximum that fits in memory for this case."""

    def __init__(self, option: str, requested, maximum: int, need: int | None = None):
        self.requested, self.maximum, self.need = requested, maximum, need
        self.advised = advised_draws(maximum)
        super().__init__(option, self.text("en"))

    def text(self, lang: str = "en") -> str:
        n, top = self.requested, fmt.number(self.advised, 0, lang)
        if self.need is None:
            return t("draws_range", lang, top=top, n=n)
        return t(
            "draws_memory",
            lang,
            many=fmt.number(n, 0, lang),
            top=top,
            gb=fmt.number(self.need / 2**30, 1, lang),
        )


def check_draws(case: Case, n, option: str = "--draws") -> int:
    """n as a number of draws this case can be run with, or a DrawsError saying the
    maximum."""
    top = max_draws(case)
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise DrawsError(option, n, top)
    draws = int(n)
    if draws < MIN_DRAWS:
        raise DrawsError(option, n, top)
    if draws > top:
        raise DrawsError(option, n, top, need=memory_needed(case, draws))
    return draws


def check_correlations(
    case: Case, correlations: Mapping[tuple[str, str], float] | None, option: str = "--correlate"
) -> dict[tuple[str, str], float]:
    """Each pair two different parameters with a range, given once, with a correlation
    strictly between -1 and 1."""
    ranged = [k for k, p in case.parameters() if p.high > p.low]
    known = set(ranged)
    out: dict[tuple[str, str], float] = {}
    seen: dict[frozenset[str], float] = {}
    for (k1, k2), rho in (correlations or {}).items():
        for k in (k1, k2):
            if k not in known:
                raise OptionError(
                    option,
                    f"{k!r} is not a parameter with a range; those are "
                    f"for example {', '.join(ranged[:4])} (all: "
                    "businesscase tornado --top 1000)",
                )
        if k1 == k2:
            raise OptionError(
                option, f"{k1} is correlated with itself; give two different parameters"
            )
        pair = frozenset((k1, k2))
        if pair in seen:
            raise OptionError(
                option,
                f"the pair {k1} and {k2} is given twice ({seen[pair]:g} "
                f"and {rho:g}); give each pair once",
            )
        if not (isinstance(rho, numbers.Real) and math.isfinite(rho) and -1 < rho < 1):
            raise OptionError(
                option,
                f"the correlation of {k1} and {k2} must lie strictly between -1 and 1, not {rho!r}",
            )
        seen[pair] = rho
        out[(k1, k2)] = float(rho)
    return out


def parse_correlation(text: str, k1: str, k2: str, option: str = "--correlate") -> float:
    try:
        return float(text)
    except ValueError:
        raise OptionError(
            option,
            f"{k1} {k2} {text}: the correlation must be a number "
            f"strictly between -1 and 1, such as 0.5, not {text!r}",
        ) from None
