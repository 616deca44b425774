"""Allocation speed; prints a table. Run with `make bench` (add `make bench-peers` first to
time coopgame-py and tucoopy on the same games as development-only comparisons).

Goals (issue 4): exact structured Shapley under 50 ms at 40 players; the nucleolus as
fast as the fastest Python peer, always correct.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from businesscase.allocation import StructuredGame, Stream, TUGame, sampled_shapley  # noqa: E402
from businesscase.allocation.game import popcounts  # noqa: E402

try:
    import coopgame
except ImportError:  # development-only comparison
    coopgame = None
try:
    import tucoopy
except ImportError:
    tucoopy = None


def timed(fn, repeat=3):
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        out.append(time.perf_counter() - start)
    return statistics.median(out), value


def generic_game(n, seed=0):
    """Random superadditive-looking game with a non-empty imputation set."""
    rng = np.random.default_rng(seed)
    size = popcounts(n).astype(float)
    v = rng.uniform(0, 1, 1 << n) * size ** 2
    v[0] = 0.0
    v[-1] = max(v[-1], n ** 2)
    return TUGame([f"p{i}" for i in range(n)], v)


def structured_game(n, seed=0):
    rng = np.random.default_rng(seed)
    players = [f"p{i}" for i in range(n)]
    pick = lambda k: frozenset(rng.choice(players, size=k, replace=False).tolist())  # noqa: E731
    benefits = [Stream(f"b{k}", float(rng.uniform(1e3, 1e5)), pick(int(rng.integers(1, 5))))
                for k in range(3 * n)]
    costs = [Stream(f"c{j}", float(rng.uniform(1e3, 5e4)), pick(1)) for j in range(n)]
    return StructuredGame(players, benefits, costs)


def tucoopy_nucleolus(g):
    if tucoopy is None:
        return None, None
    game = tucoopy.Game(g.n, {m: float(g.v[m]) for m in range(1 << g.n)})
    try:
        t, res = timed(lambda: tucoopy.nucleolus(game), 1)
    except Exception as exc:  # noqa: BLE001 - a peer's failure is a result to report
        return None, type(exc).__name__
    x = np.array(getattr(res, "x", getattr(res, "allocation", res)), dtype=float)
    return t, x


def peer_nucleolus(g):
    if coopgame is None:
        return None, None
    game = coopgame.Game(g.v[1:].tolist(), order="binary")
    t, res = timed(lambda: coopgame.nucleolus(game, domain="imputation"), 1)
    return t, np.array(res["allocation"])


def main():
    rows = []
    for n in (16, 20, 22):
        g = generic_game(n)
        t, _ = timed(g.shapley, 3 if n < 22 else 1)
        peer = ""
        if coopgame is not None:
            game = coopgame.Game(g.v[1:].tolist(), order="binary")
            tp, _ = timed(lambda game=game: coopgame.shapley(game), 1)
            peer = f"coopgame-py {tp * 1e3:.0f} ms"
        if tucoopy is not None and n <= 16:
            game = tucoopy.Game(n, {m: float(g.v[m]) for m in range(1 << n)})
            tt, _ = timed(lambda game=game: tucoopy.shapley_value(game), 1)
            peer += f"; tucoopy {tt * 1e3:.0f} ms"
        rows.append((f"exact Shapley, generic game, n = {n}", t * 1e3, "ms", peer))
    for n in (10, 35, 40):
        sg = structured_game(n)
        t, _ = timed(sg.shapley, 20)
        rows.append((f"exact Shapley, structured game (closed form), n = {n}", t * 1e3, "ms",
                     "goal < 50 ms at 40"))
    sg = structured_game(35)
    exact = sg.shapley()
    t, (est, se, half) = timed(lambda: sampled_shapley(sg.players, sg.value, 1000, seed=1), 1)
    err = float(np.abs(est - exact).max() / np.abs(exact).max())
    rows.append(("sampled Shapley, n = 35, 1,000 permutations", t * 1e3, "ms",
                 f"max error {err:.2%} of max |phi|; mean s.e. {se.mean():,.0f}; "
                 f"Hoeffding 95% half-width {half.mean():,.0f}"))
    for n in (6, 8, 10, 12, 14):
        g = generic_game(n, seed=n)
        t, x = timed(g.nucleolus, 3 if n < 14 else 1)
        tp, xp = peer_nucleolus(g)
        peer = "" if tp is None else (f"coopgame-py {tp * 1e3:.0f} ms, "
                                      f"max diff {np.abs(x.to_numpy() - xp).max():.1e}")
        if n <= 10:
            tt, xt = tucoopy_nucleolus(g)
            if tt is not None:
                peer += (f"; tucoopy {tt * 1e3:.0f} ms, "
                         f"max diff {np.abs(x.to_numpy() - xt).max():.1e}")
            elif xt is not None:
                peer += f"; tucoopy failed ({xt})"
        rows.append((f"nucleolus, random game, n = {n}", t * 1e3, "ms", peer))
    print(f"{'benchmark':<58}{'time':>10}  unit  comparison")
    for name, value, unit, note in rows:
        print(f"{name:<58}{value:>10.1f}  {unit:<4}  {note}")


if __name__ == "__main__":
    main()
